/**
 * The files of a dialect's configuration (catalog/dialects.ts): the main file systemd reads and its drop-ins, and
 * the merged view with the origin of every value (files.md §2.1, §3). Like `systemd-analyze cat-config`, but merged.
 *
 * - Main file: the first one found in the dialect's folders, highest precedence first (/etc, /run, /usr/local/lib,
 *   /usr/lib; Debian's 252 also /lib). systemd 256+ reads only that one; 252 read a daemon's main file only from
 *   /etc, which is also the first folder, so the first one found is right for a file in /etc either way.
 * - Drop-ins: `NAME.d/*.conf` in all of those folders, by file name; a name in an earlier folder hides the same name
 *   in a later one, a link to /dev/null masks it (listDropInFiles, as for units).
 * - Merge: a repeatable section ([Address], [Route]…) starts a new object at every header; other sections merge by
 *   key: a single value is replaced by a later one, a list grows and an empty assignment clears it (`list` column).
 */
import { join, posix } from 'node:path';
import type { Dialect } from '../catalog/dialects.js';
import { parseUnit } from '../parser/parser.js';
import {
  isVendorPath,
  listDropInFiles,
  readHierarchyFileResult,
  readRootsFor,
  realFs,
  resolveInRoot,
  type DropInDir,
  type DropInFile,
  type HierarchyFs,
  type ManagerConfigFile,
} from './hierarchy.js';

export interface ConfigHierarchy {
  readonly dialect: Dialect;
  /** The main file's name (journald.conf, 10-lan.network). */
  readonly name: string;
  /** The main file systemd reads (undefined: none; the built-in defaults apply). */
  readonly main: ManagerConfigFile | undefined;
  /** Same-named main files in lower-precedence folders, which systemd does not read. */
  readonly shadowedMains: readonly ManagerConfigFile[];
  /** Main-file locations looked at. */
  readonly mainCandidates: readonly string[];
  readonly dropIns: readonly DropInFile[];
  readonly dropInDirs: readonly DropInDir[];
}

export interface ConfigHierarchyOptions {
  /** A folder that mirrors / (a workspace with etc/systemd/…); default '/'. */
  readonly root?: string;
  readonly extraRoots?: readonly string[];
  readonly fs?: HierarchyFs;
  readonly env?: NodeJS.ProcessEnv;
  /** Folders (relative to the roots) to search instead of the dialect's own (a file outside the usual places). */
  readonly dirs?: readonly string[];
}

export function findConfigHierarchy(
  dialect: Dialect,
  name: string,
  opts: ConfigHierarchyOptions = {},
): ConfigHierarchy {
  const fs = opts.fs ?? realFs;
  const roots = [opts.root ?? '/', ...(opts.extraRoots ?? [])];
  const reads = readRootsFor({ root: opts.root, extraRoots: opts.extraRoots, env: opts.env });
  const dirs = opts.dirs ?? dialect.recognition.searchDirs ?? [];
  const mains: ManagerConfigFile[] = [];
  const mainCandidates: string[] = [];
  const dropInDirs: DropInDir[] = [];
  for (const d of dirs) {
    for (const r of roots) {
      const p = join(r, d, name);
      mainCandidates.push(p);
      const res = resolveInRoot(fs, r, p);
      if (res.type !== 'missing' && res.type !== 'dir') {
        mains.push({
          path: p,
          vendor: isVendorPath(`/${d}`),
          masked: res.masked,
          target: res.target,
          readRoots: reads.forPath(p),
        });
      }
      if (dialect.recognition.dropIns)
        dropInDirs.push({ dir: join(r, d, `${name}.d`), vendor: isVendorPath(`/${d}`), level: 'unit', root: r });
    }
  }
  return {
    dialect,
    name,
    main: mains[0],
    shadowedMains: mains.slice(1),
    mainCandidates,
    dropIns: listDropInFiles(dropInDirs, fs, reads.forPath),
    dropInDirs,
  };
}

export interface ConfigOrigin {
  readonly file: string;
  readonly line: number;
}

export interface ConfigEntry {
  readonly key: string;
  /** Values in effect, in order (one for a single-valued key). */
  readonly values: readonly {
    readonly value: string;
    readonly origin: ConfigOrigin;
    readonly overrides: readonly ConfigOrigin[];
  }[];
  /** The empty assignment that last cleared the key, if any. */
  readonly resetBy?: ConfigOrigin;
  /** Unknown to the dialect's catalog: systemd ignores it. */
  readonly unknown: boolean;
}

export interface ConfigSectionView {
  /** '' for the keys of a section-less file (udev.conf). */
  readonly name: string;
  /** A repeatable section: this is one object, from one header. */
  readonly object?: ConfigOrigin;
  readonly entries: readonly ConfigEntry[];
}

export interface ConfigSource {
  readonly path: string;
  readonly text: string;
  readonly vendor?: boolean;
}

interface MutableEntry {
  key: string;
  values: { value: string; origin: ConfigOrigin; overrides: ConfigOrigin[] }[];
  resetBy?: ConfigOrigin;
  unknown: boolean;
}
interface MutableSection {
  name: string;
  object?: ConfigOrigin;
  entries: Map<string, MutableEntry>;
}

/** Merge a main file and its drop-ins (in order) as the dialect's program does. */
export function mergeConfig(dialect: Dialect, sources: readonly ConfigSource[]): ConfigSectionView[] {
  const out: MutableSection[] = [];
  const merged = new Map<string, MutableSection>();
  for (const src of sources) {
    const doc = parseUnit(src.text);
    for (const s of doc.sections) {
      const name = s.header ? s.header.name : dialect.sectionless ? '' : undefined;
      if (name === undefined || (s.header && !s.header.wellFormed)) continue;
      let view: MutableSection;
      if (dialect.section(name)?.repeatable) {
        view = { name, object: { file: src.path, line: (s.header?.line ?? 0) + 1 }, entries: new Map() };
        out.push(view);
      } else {
        const found = merged.get(name);
        if (found) view = found;
        else {
          view = { name, entries: new Map() };
          merged.set(name, view);
          out.push(view);
        }
      }
      for (const a of s.assignments) {
        const info = dialect.lookup(name, a.key);
        const origin = { file: src.path, line: a.line + 1 };
        let e = view.entries.get(a.key);
        if (!e) {
          e = { key: a.key, values: [], unknown: !info && !a.key.startsWith('X-') };
          view.entries.set(a.key, e);
        }
        const list = info?.list ?? 'no';
        if (a.value === '') {
          if (list !== 'add-only') {
            e.values = [];
            e.resetBy = origin;
          }
        } else if (list === 'no') {
          e.values = [{ value: a.value, origin, overrides: e.values.map((v) => v.origin) }];
        } else {
          e.values.push({ value: a.value, origin, overrides: [] });
        }
      }
    }
  }
  return out.map((s) => ({
    name: s.name,
    ...(s.object ? { object: s.object } : {}),
    entries: [...s.entries.values()],
  }));
}

export interface ConfigRenderOptions {
  readonly comments?: boolean;
  readonly title?: string;
  readonly sources?: readonly { readonly path: string; readonly vendor?: boolean }[];
  readonly notes?: readonly string[];
}

const at = (o: ConfigOrigin): string => `${o.file}:${o.line}`;

/** The merged configuration as text; reading it back gives the same values. */
export function renderConfig(view: readonly ConfigSectionView[], opts: ConfigRenderOptions = {}): string {
  const comments = opts.comments ?? true;
  const out: string[] = [];
  out.push(`# Effective configuration${opts.title ? ` of ${opts.title}` : ''}, merged from:`);
  for (const s of opts.sources ?? []) out.push(`#   ${s.path}${s.vendor ? ' (vendor)' : ''}`);
  if (!opts.sources?.length) out.push('#   (no files)');
  for (const n of opts.notes ?? []) out.push(`# ${n}`);
  for (const s of view) {
    out.push('');
    if (s.name) out.push(`[${s.name}]`);
    if (s.object && comments) out.push(`# one object, from ${at(s.object)}`);
    for (const e of s.entries) {
      if (!e.values.length) {
        if (comments && e.resetBy) out.push(`# ${e.key}= cleared by ${at(e.resetBy)}`);
        continue;
      }
      e.values.forEach((v, i) => {
        if (comments) {
          let c = `# from ${at(v.origin)}`;
          if (v.overrides.length) c += `, overrides ${v.overrides.map(at).join(', ')}`;
          if (i === 0 && e.unknown) c += ' (unknown: ignored)';
          out.push(c);
        }
        out.push(`${e.key}=${v.value}`);
      });
    }
  }
  return `${out.join('\n')}\n`;
}

export interface LoadedConfig {
  readonly view: ConfigSectionView[];
  readonly sources: readonly ConfigSource[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

/** Read the main file and the drop-ins (through the safe reader) and merge them; masked files count as empty. */
export function loadEffectiveConfig(h: ConfigHierarchy, fs: HierarchyFs = realFs): LoadedConfig {
  const sources: ConfigSource[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const f of [...(h.main ? [h.main] : []), ...h.dropIns]) {
    const r = readHierarchyFileResult(fs, f);
    if (!r.ok) skipped.push({ path: f.path, reason: r.reason });
    else sources.push({ path: f.path ?? posix.normalize(f.target), text: r.text, vendor: f.vendor });
  }
  return { view: mergeConfig(h.dialect, sources), sources, skipped };
}
