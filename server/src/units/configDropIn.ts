/**
 * Drop-ins first for the other dialects (journald.conf, logind.conf, foo.network…; issue 13): where a dialect file
 * belongs (its root and the folders its program reads), the first text of a new drop-in, and Move to Drop-in (the
 * difference between a vendor file as it is now and as it was shipped, as a drop-in; the vendor text put back).
 *
 * A drop-in merges as the dialect's program does (configHierarchy.ts `mergeConfig`): a single value is replaced, a
 * list grows and an empty assignment clears it, a repeatable section ([Address], [Route]…) adds an object. So a
 * drop-in can change any single value and any list that is not add-only, and add objects; it cannot remove an
 * object of the main file, nor give a key back its built-in default when the main file sets it (nothing here knows
 * that every parser of every dialect takes an empty value as "default"). Those changes stay in the vendor file and
 * are listed with a sentence for the user.
 */
import { posix } from 'node:path';
import type { Dialect } from '../catalog/dialects.js';
import { parseUnit } from '../parser/parser.js';
import { findConfigHierarchy, mergeConfig, type ConfigHierarchy, type ConfigSectionView } from './configHierarchy.js';
import { isVendorPath, type HierarchyFs } from './hierarchy.js';
import { revertDirectives } from './shipped.js';
import { rootOfConfigPath } from './writeTarget.js';

const { dirname, basename, normalize } = posix;

export interface ConfigPlace {
  /** The root the file belongs to ('/' for the live system, a workspace mirror, or the file's own folder). */
  readonly root: string;
  /** Folders (relative to `root`) to search for the main file and its drop-ins; undefined: the dialect's own. */
  readonly dirs: readonly string[] | undefined;
  /** Roots to look in, in order: the first that has any file wins (a mirror looks at the host only when it has none). */
  readonly roots: readonly string[];
  /** A vendor file: below /usr/lib, /lib, /usr/local/lib… of its root. */
  readonly vendor: boolean;
  /** The file is in one of the folders the dialect's program reads. */
  readonly searched: boolean;
}

/**
 * Where a dialect file (or one of its drop-ins; `name` is the main file's name) belongs. In one of the dialect's
 * folders, its root is the part before that folder; elsewhere (a copy in a project folder) only its own folder is
 * searched.
 */
export function configPlaceOf(path: string, dialect: Dialect, name: string): ConfigPlace {
  const at = rootOfConfigPath(path, name, dialect.recognition.searchDirs ?? []);
  if (at) {
    const root = at.root;
    return {
      root,
      dirs: undefined,
      roots: root === '/' ? ['/'] : [root, '/'],
      vendor: isVendorPath(`/${at.dir}/`),
      searched: true,
    };
  }
  const p = normalize(path);
  const dir = basename(dirname(p)) === `${name}.d` ? dirname(dirname(p)) : dirname(p);
  return { root: dir, dirs: ['.'], roots: [dir], vendor: false, searched: false };
}

/**
 * The main file and drop-ins of the dialect file (or drop-in) at `path`, as its program finds them from the file's
 * root: a workspace mirror looks at the host's folders only when it has no file of that name at all.
 */
export function configHierarchyOf(path: string, dialect: Dialect, name: string, fs?: HierarchyFs): ConfigHierarchy {
  const place = configPlaceOf(path, dialect, name);
  let h: ConfigHierarchy | undefined;
  for (const root of place.roots) {
    h = findConfigHierarchy(dialect, name, {
      root,
      ...(fs ? { fs } : {}),
      ...(place.dirs ? { dirs: place.dirs } : {}),
    });
    if (h.main || h.dropIns.length) return h;
  }
  return h!;
}

/** Is this path a vendor file of a dialect (`/usr/lib/systemd/network/80-foo.network`, or a mirror's)? */
export function isVendorConfigFile(path: string, dialect: Dialect, name: string): boolean {
  return configPlaceOf(path, dialect, name).vendor;
}

/** The root and root-relative path of a dialect's vendor file (for units/shipped.ts), or undefined. */
export function vendorConfigLocation(
  path: string,
  dialect: Dialect,
  name: string,
): { root: string; rel: string } | undefined {
  const place = configPlaceOf(path, dialect, name);
  if (!place.vendor || !path.startsWith('/')) return undefined;
  const rel = posix.relative(place.root, normalize(path));
  return rel.startsWith('..') ? undefined : { root: place.root, rel };
}

/** The daemons that read a dialect's file and can be restarted to apply it. */
const DAEMON_OF: Readonly<Record<string, string>> = {
  journald: 'systemd-journald',
  logind: 'systemd-logind',
  resolved: 'systemd-resolved',
  timesyncd: 'systemd-timesyncd',
  oomd: 'systemd-oomd',
  homed: 'systemd-homed',
  'journal-remote': 'systemd-journal-remote',
  'journal-upload': 'systemd-journal-upload',
  networkd: 'systemd-networkd',
};

/**
 * The command that makes the running system read a changed dialect file, and what it does not cover; undefined
 * when the program reads its file when it runs (coredump.conf, sleep.conf, repart.d…).
 */
export function applyCommandOf(dialect: Dialect): { command: string; caveat?: string } | undefined {
  switch (dialect.id) {
    case 'network':
      return { command: 'networkctl reload' };
    case 'netdev':
      return {
        command: 'networkctl reload',
        caveat:
          'a device that already exists keeps its settings until it is deleted (networkctl delete) or the machine restarts',
      };
    case 'link':
      return {
        command: 'udevadm control --reload',
        caveat: 'a .link file applies when the interface appears: udevadm trigger, or a restart',
      };
    case 'udev':
      return { command: 'udevadm control --reload' };
    default: {
      const daemon = DAEMON_OF[dialect.id];
      return daemon ? { command: `systemctl restart ${daemon}` } : undefined;
    }
  }
}

/** The root and root-relative path of a dialect's main file in /etc of its root (a dpkg conffile, maybe), or undefined. */
export function etcConfigLocation(
  path: string,
  dialect: Dialect,
  name: string,
): { root: string; rel: string } | undefined {
  const place = configPlaceOf(path, dialect, name);
  if (!place.searched || place.vendor || !path.startsWith('/')) return undefined;
  const rel = posix.relative(place.root, normalize(path));
  return rel.startsWith('etc/') ? { root: place.root, rel } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The first text of a new drop-in

export interface ConfigTemplateOptions {
  /** The main file's name (journald.conf, 10-lan.network). */
  readonly name: string;
  /** Where the drop-in will be written (shown in the heading). */
  readonly path?: string;
}

/**
 * A skeleton of the sections with the current effective values as comments, each with the file and line it comes
 * from (like `systemctl edit` for units). Repeatable sections are not offered for editing: a header written in a
 * drop-in adds one more object.
 */
export function configOverrideTemplate(
  dialect: Dialect,
  view: readonly ConfigSectionView[],
  opts: ConfigTemplateOptions,
): string {
  const lines: string[] = [
    `# Drop-in for ${opts.name}${opts.path ? ` (${opts.path})` : ''}.`,
    '# The commented lines show the current effective settings and where they come from.',
    '# Uncomment and change what you need; settings you do not write here keep their current value.',
  ];
  const plain = view.filter((s) => !dialect.section(s.name)?.repeatable);
  const objects = [...new Set(view.filter((s) => dialect.section(s.name)?.repeatable).map((s) => s.name))];
  const sections = plain.length
    ? plain
    : [{ name: dialect.sectionless ? '' : (dialect.sections[0] ?? ''), entries: [] }];
  for (const s of sections) {
    lines.push('');
    if (s.name) lines.push(`[${s.name}]`);
    for (const e of s.entries) {
      if (!e.values.length) continue;
      const mode = dialect.lookup(s.name, e.key)?.list ?? 'no';
      if (mode === 'add-only') lines.push(`# (${e.key}= can only be added to in a drop-in, never reduced)`);
      else if (mode !== 'no')
        lines.push(`# (${e.key}= is a list: write an empty "${e.key}=" first to replace it rather than add to it)`);
      for (const v of e.values) {
        lines.push(`# from ${v.origin.file}:${v.origin.line}`);
        lines.push(`# ${e.key}=${v.value}`);
      }
    }
  }
  if (objects.length) {
    lines.push(
      '',
      `# ${objects.map((o) => `[${o}]`).join(', ')}: each header written here adds one more object; it does not change the ones already set.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// What differs, and Move to Drop-in

export interface ConfigCannotExpress {
  readonly section: string;
  readonly key: string;
  readonly reason: string;
}

interface Assignment {
  readonly section: string;
  readonly key: string;
  readonly value: string;
}

export interface ConfigDiff {
  /** "Section\0Key" of every key of a plain section whose effective value differs. */
  readonly changed: ReadonlySet<string>;
  /** Sections of repeatable objects that differ (objects added, removed or changed). */
  readonly changedObjects: ReadonlySet<string>;
  /** What a drop-in needs, per changed key, in order. */
  readonly assignments: ReadonlyMap<string, readonly Assignment[]>;
  /** Objects of the current text that the shipped one lacks: each becomes a section of the drop-in. */
  readonly addedObjects: readonly { readonly section: string; readonly entries: readonly Assignment[] }[];
  readonly cannotExpress: readonly ConfigCannotExpress[];
}

const keyOf = (section: string, key: string): string => `${section}\u0000${key}`;

function objectText(s: ConfigSectionView): string {
  return s.entries.flatMap((e) => e.values.map((v) => `${e.key}=${v.value}`)).join('\n');
}

/** The difference between the shipped text and the current one, as a dialect's drop-in would express it. */
export function diffConfig(dialect: Dialect, shipped: string, current: string): ConfigDiff {
  const before = mergeConfig(dialect, [{ path: 'shipped', text: shipped }]);
  const after = mergeConfig(dialect, [{ path: 'current', text: current }]);
  const changed = new Set<string>();
  const changedObjects = new Set<string>();
  const assignments = new Map<string, Assignment[]>();
  const cannotExpress: ConfigCannotExpress[] = [];
  const addedObjects: { section: string; entries: Assignment[] }[] = [];
  const label = (s: string, k: string): string => (s ? `[${s}] ${k}=` : `${k}=`);

  const plain = (v: readonly ConfigSectionView[]): Map<string, ConfigSectionView> =>
    new Map(v.filter((s) => !dialect.section(s.name)?.repeatable).map((s) => [s.name, s]));
  const pb = plain(before);
  const pa = plain(after);
  for (const name of new Set([...pb.keys(), ...pa.keys()])) {
    const eb = new Map((pb.get(name)?.entries ?? []).map((e) => [e.key, e.values.map((v) => v.value)]));
    const ea = new Map((pa.get(name)?.entries ?? []).map((e) => [e.key, e.values.map((v) => v.value)]));
    for (const key of new Set([...eb.keys(), ...ea.keys()])) {
      const vb = eb.get(key) ?? [];
      const va = ea.get(key) ?? [];
      if (vb.length === va.length && vb.every((v, i) => v === va[i])) continue;
      const k = keyOf(name, key);
      changed.add(k);
      const mode = dialect.lookup(name, key)?.list ?? 'no';
      if (!va.length) {
        cannotExpress.push({
          section: name,
          key,
          reason: `${label(name, key)} was removed: a drop-in cannot give it back its built-in default. Write the value you want in the drop-in instead, or keep the vendor file's line.`,
        });
      } else if (mode === 'no') {
        assignments.set(k, [{ section: name, key, value: va[va.length - 1]! }]);
      } else if (vb.every((v, i) => v === va[i])) {
        assignments.set(
          k,
          va.slice(vb.length).map((value) => ({ section: name, key, value })),
        );
      } else if (mode === 'add-only') {
        cannotExpress.push({
          section: name,
          key,
          reason: `${label(name, key)} can only be added to in a drop-in: removing or changing one of its values must stay in the vendor file.`,
        });
      } else {
        assignments.set(k, [{ section: name, key, value: '' }, ...va.map((value) => ({ section: name, key, value }))]);
      }
    }
  }

  // Repeatable sections: objects compared as a multiset of their text.
  const objects = (v: readonly ConfigSectionView[]): ConfigSectionView[] =>
    v.filter((s) => dialect.section(s.name)?.repeatable);
  const remaining = new Map<string, number>();
  for (const s of objects(before)) {
    const t = `${s.name}\u0000${objectText(s)}`;
    remaining.set(t, (remaining.get(t) ?? 0) + 1);
  }
  for (const s of objects(after)) {
    const t = `${s.name}\u0000${objectText(s)}`;
    const n = remaining.get(t) ?? 0;
    if (n > 0) {
      remaining.set(t, n - 1);
      continue;
    }
    changedObjects.add(s.name);
    addedObjects.push({
      section: s.name,
      entries: s.entries.flatMap((e) => e.values.map((v) => ({ section: s.name, key: e.key, value: v.value }))),
    });
  }
  for (const [t, n] of remaining) {
    if (n <= 0) continue;
    const section = t.slice(0, t.indexOf('\u0000'));
    changedObjects.add(section);
    cannotExpress.push({
      section,
      key: '',
      reason: `A [${section}] object of the shipped file was removed or changed: a drop-in can only add objects, so that change stays in the vendor file.`,
    });
  }
  return { changed, changedObjects, assignments, addedObjects, cannotExpress };
}

/** Does the key on 0-based `line` of `current` differ from the shipped text (or sit in a changed object)? */
export function configLineDiffers(dialect: Dialect, current: string, shipped: string, line: number): boolean {
  const at = keyAtLine(dialect, current, line);
  if (!at) return false;
  const d = diffConfig(dialect, shipped, current);
  return at.repeatable ? d.changedObjects.has(at.section) : d.changed.has(keyOf(at.section, at.key));
}

function keyAtLine(
  dialect: Dialect,
  text: string,
  line: number,
): { section: string; key: string; repeatable: boolean } | undefined {
  for (const s of parseUnit(text).sections) {
    const section = s.header ? s.header.name : dialect.sectionless ? '' : undefined;
    if (section === undefined) continue;
    for (const a of s.assignments) {
      if (a.line <= line && line < a.line + Math.max(1, a.pieces.length))
        return { section, key: a.key, repeatable: !!dialect.section(section)?.repeatable };
    }
  }
  return undefined;
}

export interface ConfigMovePlan {
  /** The drop-in to write ('' when nothing can be moved). */
  readonly dropInText: string;
  /** The vendor file after the move: the shipped text when everything moved. */
  readonly vendorText: string;
  readonly cannotExpress: readonly ConfigCannotExpress[];
  readonly restored: boolean;
}

/**
 * Move the difference between the shipped text and the current one into a drop-in (with `line`: only the key on
 * that line). Everything a drop-in can express moves; with nothing left over the vendor file goes back to the
 * shipped text byte for byte, otherwise only the moved keys go back to their shipped lines.
 */
export function planConfigMove(dialect: Dialect, current: string, shipped: string, line?: number): ConfigMovePlan {
  const d = diffConfig(dialect, shipped, current);
  let keys = [...d.assignments.keys()];
  let objects = d.addedObjects;
  let cannot = d.cannotExpress;
  if (line !== undefined) {
    const at = keyAtLine(dialect, current, line);
    keys = at && !at.repeatable ? keys.filter((k) => k === keyOf(at.section, at.key)) : [];
    objects = [];
    cannot = at
      ? cannot.filter((c) => c.section === at.section && (at.repeatable ? c.key === '' : c.key === at.key))
      : [];
    if (at?.repeatable && d.changedObjects.has(at.section)) {
      cannot = [
        ...cannot,
        {
          section: at.section,
          key: at.key,
          reason: `A line of a [${at.section}] object moves only with its whole object: move every change of the file instead.`,
        },
      ];
    }
  }
  const blocks: string[] = [];
  const bySection = new Map<string, Assignment[]>();
  for (const k of keys)
    for (const a of d.assignments.get(k) ?? []) {
      const l = bySection.get(a.section);
      if (l) l.push(a);
      else bySection.set(a.section, [a]);
    }
  for (const [section, list] of bySection)
    blocks.push(`${section ? `[${section}]\n` : ''}${list.map((a) => `${a.key}=${a.value}\n`).join('')}`);
  for (const o of objects) blocks.push(`[${o.section}]\n${o.entries.map((a) => `${a.key}=${a.value}\n`).join('')}`);
  const dropInText = blocks.join('\n');
  const everything = line === undefined && cannot.length === 0;
  const vendorText = everything
    ? shipped
    : revertDirectives(current, shipped, new Set(keys.filter((k) => !k.startsWith('\u0000'))));
  return { dropInText, vendorText, cannotExpress: cannot, restored: vendorText === shipped };
}
