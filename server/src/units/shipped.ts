/**
 * Vendor files stay as shipped (issue 10). For a unit file under a vendor folder (/usr/lib/systemd, /lib/systemd,
 * /usr/local/lib/systemd, … of the live system or of a workspace folder that mirrors a root), find what was
 * shipped, in this order:
 * 1. git: the file as committed (HEAD) when it sits in a git work tree: `git -C <dir> cat-file blob HEAD:./<name>`
 *    (plumbing: no pager, no textconv, no hooks; GIT_* variables of the server are not passed on);
 * 2. dpkg: when the file belongs to a Debian package of that root (`<root>/var/lib/dpkg/info/*.list`), the md5 of
 *    the current bytes against the package's `*.md5sums`. Then we know *whether* it differs, not the shipped text;
 * 3. the last saved version, passed by the caller.
 *
 * A dialect's file in /etc (journald.conf, logind.conf… on Debian) is a dpkg *conffile*: the package ships it and
 * dpkg keeps the md5 it shipped in `<root>/var/lib/dpkg/status` (`dpkg-query -W -f='${Conffiles}'` prints the same).
 * `conffileInfo` compares the current text with that md5. A changed conffile is not replaced by an upgrade: dpkg
 * stops and asks which version to keep when the package changes it too (issue 13).
 *
 * The file system and the process runner are injectable. Lookups are cached per path + mtime + size of the file
 * (and the dpkg database per folder + mtime); a child process gets a short timeout (2 s) and a size cap, so a hung
 * `git` or a huge blob never blocks the server for long.
 *
 * Also here: which directives differ from the shipped text (Move to Drop-in is offered only on those lines), and
 * the Move to Drop-in plan computed against the shipped text, not against the file on disk (which autosave may
 * already have changed): the drop-in and the vendor text to write back.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { decodeBytes, encodeText } from '../parser/bytes.js';
import { parseUnit } from '../parser/parser.js';
import type { UnitDocument } from '../parser/ast.js';
import type { UnitType } from '../catalog/catalog.js';
import { BoundedCache, ownString } from '../util/cache.js';
import { canonicalDirective, effectiveOfText, resetGroupOf, type EffectiveUnit } from './effective.js';
import { computeMinimalDropIn, type CannotExpress, type DropInAssignment } from './minimalDropIn.js';
import { MAX_UNIT_BYTES, readTextFileSafe } from './safeRead.js';
import { unitPathRoot } from './searchPaths.js';
import { isVendorUnitFile } from './unitWorld.js';

// ---------------------------------------------------------------------------------------------------------------
// Injectable world

export interface RunResult {
  /** Exit status; null when killed (timeout, output too large) or not started. */
  readonly status: number | null;
  readonly stdout: Uint8Array;
  readonly timedOut: boolean;
  /** Why it did not run or was stopped (ENOENT, ETIMEDOUT, ENOBUFS…). */
  readonly error?: string;
}

/** Runs a program without a shell and waits at most `timeoutMs`; output beyond `maxBytes` stops it. */
export type ProcessRunner = (
  file: string,
  args: readonly string[],
  opts: { readonly timeoutMs: number; readonly maxBytes: number },
) => RunResult;

export const spawnRunner: ProcessRunner = (file, args, o) => {
  // The server's own GIT_DIR / GIT_WORK_TREE … must not redirect the lookup to another repository.
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_NO_LAZY_FETCH = '1'; // a partial clone must not fetch from the network
  env.LC_ALL = 'C';
  const r = spawnSync(file, [...args], {
    timeout: o.timeoutMs,
    maxBuffer: o.maxBytes,
    stdio: ['ignore', 'pipe', 'ignore'],
    env,
    windowsHide: true,
    killSignal: 'SIGKILL',
  });
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  return {
    status: r.status,
    stdout: r.stdout ?? new Uint8Array(),
    timedOut: code === 'ETIMEDOUT',
    error: r.error ? (code ?? r.error.message) : undefined,
  };
};

export interface ShippedStat {
  readonly mtimeMs: number;
  readonly size: number;
  readonly isDirectory: boolean;
}

export interface ShippedFs {
  stat(path: string): ShippedStat | undefined;
  readdir(dir: string): readonly string[] | undefined;
  /** A regular file's bytes (never a FIFO or device), undefined when missing, unreadable or over `maxBytes`. */
  read(path: string, maxBytes: number): Uint8Array | undefined;
}

export const realShippedFs: ShippedFs = {
  stat(p) {
    try {
      const s = statSync(p, { throwIfNoEntry: false });
      return s ? { mtimeMs: s.mtimeMs, size: s.size, isDirectory: s.isDirectory() } : undefined;
    } catch {
      return undefined;
    }
  },
  readdir(d) {
    try {
      return readdirSync(d);
    } catch {
      return undefined;
    }
  },
  read(p, maxBytes) {
    const r = readTextFileSafe(p, { maxBytes });
    return r.ok ? r.bytes : undefined;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// What was shipped

export type ShippedSource = 'git' | 'dpkg' | 'saved';

export interface ShippedInfo {
  readonly path: string;
  readonly source: ShippedSource;
  /** For messages: "the last commit (git HEAD)", "package openssh-server", "the last saved version". */
  readonly from: string;
  /** The shipped text (git HEAD, the last saved version); undefined when only a checksum is known (dpkg). */
  readonly text: string | undefined;
  /** The current text differs from what was shipped. */
  readonly differs: boolean;
  /** For dpkg: the package the file belongs to (without the architecture). */
  readonly package?: string;
  /** A dpkg conffile in /etc: an upgrade asks before replacing a changed one. */
  readonly conffile?: boolean;
}

export interface ShippedOptions {
  readonly run?: ProcessRunner;
  readonly fs?: ShippedFs;
  /** dpkg's database folder (default: `<root>/var/lib/dpkg` of the root the file lives under). */
  readonly dpkgRoot?: string;
  /** The last saved version, used when neither git nor dpkg knows the file. */
  readonly savedText?: string;
  /** Per child process (default 2000 ms). */
  readonly timeoutMs?: number;
  /** Default: one cache shared by the process. */
  readonly cache?: ShippedCache;
  /**
   * The root and root-relative path of a vendor file that is not a unit (a dialect's file: configDropIn.ts
   * `vendorConfigLocation`); default: `vendorLocation(path)`, units only.
   */
  readonly location?: { readonly root: string; readonly rel: string };
}

type Reference =
  | { readonly kind: 'git'; readonly text: string }
  | { readonly kind: 'dpkg'; readonly pkg: string; readonly md5: string }
  | { readonly kind: 'none' };

/** The lookups of one process: references per file (path + mtime + size) and dpkg indexes per database. */
export class ShippedCache {
  readonly refs = new BoundedCache<string, Reference>({ max: 512, ttlMs: 60_000 });
  /** Keyed by the info folder's mtime, which changes whenever a package is installed or removed. */
  readonly dpkg = new BoundedCache<string, DpkgIndex | undefined>({ max: 8, ttlMs: Infinity });
  /** Per git work tree: tracked and modified files (a short lifetime: the tree changes while you edit). */
  readonly repos = new BoundedCache<string, RepoState | undefined>({ max: 16, ttlMs: 2000 });
  /** Conffiles per dpkg status file, keyed by its mtime and size. */
  readonly conffiles = new BoundedCache<string, ReadonlyMap<string, { pkg: string; md5: string }> | undefined>({
    max: 8,
    ttlMs: Infinity,
  });
  /** Child processes started (for tests and measurements). */
  spawned = 0;
}

const defaultCache = new ShippedCache();

export const DEFAULT_TIMEOUT_MS = 2000;

/** The root and the root-relative path of a vendor unit file, or undefined when it is not one. */
export function vendorLocation(path: string): { root: string; rel: string } | undefined {
  if (!path.startsWith('/') || !isVendorUnitFile(path)) return undefined;
  const root = unitPathRoot(path)?.root ?? '/';
  const rel = posix.relative(root, posix.normalize(path));
  return rel.startsWith('..') ? undefined : { root, rel };
}

/**
 * What was shipped for the vendor unit at `path`, compared with `current` (the editor's text). Undefined when the
 * path is not a vendor unit or nothing is known about it. Never throws.
 */
export function shippedInfo(path: string, current: string, opts: ShippedOptions = {}): ShippedInfo | undefined {
  try {
    const loc = opts.location ?? vendorLocation(path);
    if (!loc) return undefined;
    const ref = reference(path, loc, opts);
    if (ref.kind === 'git')
      return { path, source: 'git', from: 'the last commit (git HEAD)', text: ref.text, differs: ref.text !== current };
    if (ref.kind === 'dpkg') {
      const md5 = createHash('md5').update(encodeText(current)).digest('hex');
      return {
        path,
        source: 'dpkg',
        from: `package ${ref.pkg}`,
        text: undefined,
        differs: md5 !== ref.md5,
        package: ref.pkg,
      };
    }
    if (opts.savedText !== undefined)
      return {
        path,
        source: 'saved',
        from: 'the last saved version',
        text: opts.savedText,
        differs: opts.savedText !== current,
      };
    return undefined;
  } catch {
    return undefined;
  }
}

function reference(path: string, loc: { root: string; rel: string }, opts: ShippedOptions): Reference {
  const fs = opts.fs ?? realShippedFs;
  const cache = opts.cache ?? defaultCache;
  const st = fs.stat(path);
  const dpkgRoot = opts.dpkgRoot ?? posix.join(loc.root, 'var/lib/dpkg');
  const key = `${path}\u0000${st ? `${st.mtimeMs}\u0000${st.size}` : 'missing'}\u0000${dpkgRoot}`;
  return cache.refs.get(
    key,
    () => gitReference(path, fs, opts, cache) ?? dpkgReference(loc, dpkgRoot, fs, cache) ?? { kind: 'none' },
  );
}

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file for worktrees and submodules). */
function gitTop(dir: string, fs: ShippedFs): string | undefined {
  for (let d = dir; ; d = posix.dirname(d)) {
    if (fs.stat(posix.join(d, '.git'))) return d;
    if (d === '/' || d === '.' || d === '') return undefined;
  }
}

/** What git knows of one work tree: its tracked files and those that differ from HEAD (paths relative to the top). */
interface RepoState {
  readonly tracked: ReadonlySet<string>;
  readonly modified: ReadonlySet<string>;
}

/**
 * Two git calls per work tree (cached a few seconds), not one per file: `check` over a repository of 1,500 units
 * stays fast. Undefined when git cannot tell (not installed, refused, too slow).
 */
function repoState(top: string, opts: ShippedOptions, cache: ShippedCache): RepoState | undefined {
  return cache.repos.get(top, () => {
    const run = opts.run ?? spawnRunner;
    const o = { timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: 64 * 1024 * 1024 };
    cache.spawned += 2;
    const ls = run('git', ['-C', top, 'ls-files', '-z'], o);
    const diff = run('git', ['-C', top, 'diff', '--name-only', '-z', 'HEAD'], o);
    if (ls.status !== 0 || ls.timedOut || ls.error || diff.status !== 0 || diff.timedOut || diff.error)
      return undefined;
    const split = (b: Uint8Array): Set<string> => new Set(Buffer.from(b).toString('utf8').split('\0').filter(Boolean));
    return { tracked: split(ls.stdout), modified: split(diff.stdout) };
  });
}

function gitReference(path: string, fs: ShippedFs, opts: ShippedOptions, cache: ShippedCache): Reference | undefined {
  const dir = posix.dirname(path);
  const top = gitTop(dir, fs);
  if (!top) return undefined;
  const rel = posix.relative(top, path);
  const state = repoState(top, opts, cache);
  if (state && !state.tracked.has(rel)) return undefined; // not committed: git does not know it
  if (state && !state.modified.has(rel)) {
    // As in HEAD: the file on disk is the committed text (no need to ask git for it).
    const bytes = fs.read(path, MAX_UNIT_BYTES);
    if (bytes) return { kind: 'git', text: decodeBytes(bytes) };
  }
  const run = opts.run ?? spawnRunner;
  cache.spawned++;
  const r = run('git', ['-C', dir, 'cat-file', 'blob', `HEAD:./${posix.basename(path)}`], {
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: MAX_UNIT_BYTES,
  });
  // Not committed, no HEAD yet, git missing, refused (another owner), too slow, too large: git does not know it.
  if (r.status !== 0 || r.timedOut || r.error) return undefined;
  return { kind: 'git', text: decodeBytes(r.stdout) };
}

// ---------------------------------------------------------------------------------------------------------------
// dpkg

/** Which package lists which systemd path (only paths containing /systemd/ are kept). */
export interface DpkgIndex {
  readonly infoDir: string;
  readonly byPath: ReadonlyMap<string, string>;
}

/** The largest *.list or *.md5sums file read (the biggest on a desktop system are a few MB). */
const MAX_DPKG_FILE = 64 * 1024 * 1024;

export function dpkgIndex(
  dpkgRoot: string,
  fs: ShippedFs = realShippedFs,
  cache: ShippedCache = defaultCache,
): DpkgIndex | undefined {
  const infoDir = posix.join(dpkgRoot, 'info');
  const st = fs.stat(infoDir);
  if (!st?.isDirectory) return undefined;
  return cache.dpkg.get(`${infoDir}\u0000${st.mtimeMs}`, () => {
    const byPath = new Map<string, string>();
    for (const name of fs.readdir(infoDir) ?? []) {
      if (!name.endsWith('.list')) continue;
      const bytes = fs.read(posix.join(infoDir, name), MAX_DPKG_FILE);
      if (!bytes) continue;
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      const pkg = name.slice(0, -'.list'.length);
      for (let i = text.indexOf('/systemd/'); i >= 0;) {
        const s = text.lastIndexOf('\n', i) + 1;
        let e = text.indexOf('\n', i);
        if (e < 0) e = text.length;
        byPath.set(text.slice(s, e), pkg);
        i = text.indexOf('/systemd/', e);
      }
    }
    return { infoDir, byPath };
  });
}

/** The same file under the other spelling of a merged /usr (lib/… ⇄ usr/lib/…). */
function relVariants(rel: string): string[] {
  if (rel.startsWith('usr/lib/')) return [rel, rel.slice(4)];
  if (rel.startsWith('lib/')) return [rel, `usr/${rel}`];
  return [rel];
}

function dpkgReference(
  loc: { rel: string },
  dpkgRoot: string,
  fs: ShippedFs,
  cache: ShippedCache,
): Reference | undefined {
  const index = dpkgIndex(dpkgRoot, fs, cache);
  if (!index) return undefined;
  for (const rel of relVariants(loc.rel)) {
    const pkg = index.byPath.get(`/${rel}`);
    if (!pkg) continue;
    const sums = fs.read(posix.join(index.infoDir, `${pkg}.md5sums`), MAX_DPKG_FILE);
    if (!sums) continue;
    const text = Buffer.from(sums.buffer, sums.byteOffset, sums.byteLength).toString('latin1');
    for (const r of relVariants(loc.rel)) {
      const m = new RegExp(`^([0-9a-f]{32}) {2}${escapeRegExp(r)}$`, 'm').exec(text);
      // A copy, not a slice: V8 keeps the whole md5sums text (46 KB for systemd's) alive behind a matched
      // substring, and this reference is cached per unit.
      if (m) return { kind: 'dpkg', pkg: ownString(pkg.replace(/:.*$/, '')), md5: ownString(m[1]!) };
    }
  }
  return undefined;
}

/**
 * The conffiles under /etc of the systemd family (paths containing `/systemd/`, `/udev/` or `/kernel/`) with their
 * package and shipped md5, from dpkg's status file. Obsolete and removed-on-upgrade entries are left out.
 */
export function dpkgConffiles(
  dpkgRoot: string,
  fs: ShippedFs = realShippedFs,
  cache: ShippedCache = defaultCache,
): ReadonlyMap<string, { pkg: string; md5: string }> | undefined {
  const status = posix.join(dpkgRoot, 'status');
  const st = fs.stat(status);
  if (!st || st.isDirectory) return undefined;
  return cache.conffiles.get(`${status}\u0000${st.mtimeMs}\u0000${st.size}`, () => {
    const bytes = fs.read(status, MAX_DPKG_FILE);
    if (!bytes) return undefined;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const out = new Map<string, { pkg: string; md5: string }>();
    for (const stanza of text.split(/\n\n+/)) {
      const i = stanza.indexOf('\nConffiles:\n');
      if (i < 0) continue;
      const pkg = /^Package: (\S+)/m.exec(stanza)?.[1];
      if (!pkg) continue;
      for (const line of stanza.slice(i + 12).split('\n')) {
        if (!line.startsWith(' ')) break;
        const m = /^ (\/etc(?:\/\S*)?\/(?:systemd|udev|kernel)\/\S*) ([0-9a-f]{32})$/.exec(line);
        if (m) out.set(m[1]!, { pkg, md5: m[2]! });
      }
    }
    return out;
  });
}

/**
 * What dpkg shipped for the conffile at `rel` (root-relative, `etc/systemd/journald.conf`) of `root`, compared with
 * `current`. Undefined when dpkg does not list it (no package, a workspace mirror without var/lib/dpkg). Never throws.
 */
export function conffileInfo(
  path: string,
  current: string,
  loc: { readonly root: string; readonly rel: string },
  opts: ShippedOptions = {},
): ShippedInfo | undefined {
  try {
    if (!loc.rel.startsWith('etc/')) return undefined;
    const files = dpkgConffiles(
      opts.dpkgRoot ?? posix.join(loc.root, 'var/lib/dpkg'),
      opts.fs ?? realShippedFs,
      opts.cache ?? defaultCache,
    );
    const ref = files?.get(`/${loc.rel}`);
    if (!ref) return undefined;
    const md5 = createHash('md5').update(encodeText(current)).digest('hex');
    const pkg = ref.pkg.replace(/:.*$/, '');
    return {
      path,
      source: 'dpkg',
      from: `package ${pkg} (a conffile)`,
      text: undefined,
      differs: md5 !== ref.md5,
      package: pkg,
      conffile: true,
    };
  } catch {
    return undefined;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------------------------
// What differs, and the Move to Drop-in plan

/** "Section\0Name" of a directive as systemd stores it (renamed spellings merged). */
function directiveKey(section: string, key: string): string {
  const c = canonicalDirective(section, key);
  return `${c.section}\u0000${c.name}`;
}

let lastChanged:
  | { current: string | UnitDocument; shipped: string; unitType: UnitType | undefined; keys: ReadonlySet<string> }
  | undefined;
/** The shipped text merged once: it stays the same while its vendor file is edited. */
let lastShipped: { text: string; effective: EffectiveUnit } | undefined;

/**
 * The directives ("Section\0Name", canonical) whose effective value differs between the shipped and the current
 * text. `current` may be the document's parse (the rules pass it: no second parse per keystroke).
 */
export function changedDirectives(
  current: string | UnitDocument,
  shipped: string,
  unitType?: UnitType,
): ReadonlySet<string> {
  if (
    lastChanged &&
    lastChanged.current === current &&
    lastChanged.shipped === shipped &&
    lastChanged.unitType === unitType
  )
    return lastChanged.keys;
  if (lastShipped?.text !== shipped) lastShipped = { text: shipped, effective: effectiveOfText(shipped, 'base') };
  const keys = new Set(
    computeMinimalDropIn(lastShipped.effective, current, { unitType }).changed.map((c) => `${c.section}\u0000${c.key}`),
  );
  lastChanged = { current, shipped, unitType, keys };
  return keys;
}

/** The directive on 0-based `line` of `text` (any physical line of a continued assignment), with its section. */
export function directiveAtLine(text: string, line: number): { section: string; key: string } | undefined {
  const tree = parseUnit(text);
  for (const s of tree.sections) {
    if (!s.name) continue;
    for (const a of s.assignments)
      if (a.line <= line && line < a.line + Math.max(1, a.pieces.length)) return { section: s.name, key: a.key };
  }
  return undefined;
}

/** Does the directive on `line` of `current` differ from the shipped text? (Move to Drop-in is offered only then.) */
export function lineDiffersFromShipped(current: string, shipped: string, line: number, unitType?: UnitType): boolean {
  const d = directiveAtLine(current, line);
  return d !== undefined && changedDirectives(current, shipped, unitType).has(directiveKey(d.section, d.key));
}

export interface MovePlan {
  /** The drop-in to write ('' when nothing can be moved). */
  readonly dropInText: string;
  readonly assignments: readonly DropInAssignment[];
  /** The vendor file after the move: the shipped text when everything moved. */
  readonly vendorText: string;
  /** The directives moved ("Section", "Name", canonical). */
  readonly moved: readonly { readonly section: string; readonly key: string }[];
  /** Changes a drop-in cannot express: they stay in the vendor file, each with a sentence for the user. */
  readonly cannotExpress: readonly CannotExpress[];
  /** True when the vendor text is back to exactly what was shipped. */
  readonly restored: boolean;
}

export interface MovePlanOptions {
  readonly unitType?: UnitType;
  /** Move only the directive on this 0-based line of `current` (with the rest of its reset group, if any). */
  readonly line?: number;
  /** Trust every empty assignment to reset (newer systemd); default: what 252 does. */
  readonly assumeEmptyResets?: boolean;
}

/**
 * Move the difference between the shipped text and the current one into a drop-in. The base is the shipped text,
 * never the file on disk. merge(vendorText, dropInText) has the effective values of `current` for every directive
 * not in `cannotExpress`. Moving everything that can be expressed gives back the shipped text byte for byte;
 * changes that cannot be expressed stay in the vendor text (and are listed).
 */
export function planMoveToDropIn(current: string, shipped: string, opts: MovePlanOptions = {}): MovePlan {
  const min = computeMinimalDropIn(shipped, current, {
    unitType: opts.unitType,
    assumeEmptyResets: opts.assumeEmptyResets,
  });
  const key = (s: string, k: string): string => directiveKey(s, k);
  const blocked = new Set(min.cannotExpress.map((c) => key(c.section, c.key)));
  let selected: Set<string>;
  if (opts.line === undefined) {
    selected = new Set(min.changed.map((c) => key(c.section, c.key)));
  } else {
    const d = directiveAtLine(current, opts.line);
    selected = new Set();
    if (d) {
      const k = key(d.section, d.key);
      if (min.changed.some((c) => key(c.section, c.key) === k)) {
        selected.add(k);
        // A Condition…/timer-trigger/path-watch group is cleared and written as a whole: move the whole group.
        const c = canonicalDirective(d.section, d.key);
        const group = resetGroupOf(c.section, c.name, c.info);
        if (group && min.groupResets.includes(`${c.section}/${group}`)) {
          for (const x of [...effectiveOfText(shipped).directives(), ...effectiveOfText(current).directives()]) {
            if (x.section === c.section && x.group === group) selected.add(`${x.section}\u0000${x.name}`);
          }
        }
      }
    }
  }
  const movable = new Set([...selected].filter((k) => !blocked.has(k)));
  const assignments = min.assignments.filter((a) => movable.has(key(a.section, a.key)));
  const cannotExpress = min.cannotExpress.filter((c) => selected.has(key(c.section, c.key)));
  const everything = opts.line === undefined && cannotExpress.length === 0;
  const vendorText = everything ? shipped : revertDirectives(current, shipped, movable);
  const moved = [...movable].map((k) => {
    const [section, name] = k.split('\u0000');
    return { section: section!, key: name! };
  });
  return {
    dropInText: renderDropIn(assignments),
    assignments,
    vendorText,
    moved,
    cannotExpress,
    restored: vendorText === shipped,
  };
}

function renderDropIn(assignments: readonly DropInAssignment[]): string {
  const blocks: string[] = [];
  let section: string | undefined;
  let block: string[] = [];
  for (const a of assignments) {
    if (a.section !== section) {
      if (section !== undefined) blocks.push(block.join(''));
      section = a.section;
      block = [`[${a.section}]\n`];
    }
    block.push(`${a.key}=${a.value}\n`);
  }
  if (section !== undefined) blocks.push(block.join(''));
  return blocks.join('\n');
}

/**
 * `current` with the lines of the given directives as in `shipped`: the current lines of each directive are
 * replaced by the shipped ones where the first of them was (or, when the current text has none, added at the end
 * of the section); every other line is kept as it is.
 */
export function revertDirectives(current: string, shipped: string, keys: ReadonlySet<string>): string {
  if (keys.size === 0) return current;
  const eol = /\r\n/.test(current) ? '\r\n' : '\n';
  const linesOf = (text: string) => {
    const tree = parseUnit(text);
    const out = new Map<string, { start: number; end: number; section: string }[]>();
    for (const s of tree.sections) {
      if (!s.name) continue;
      for (const a of s.assignments) {
        const k = directiveKey(s.name, a.key);
        if (!keys.has(k)) continue;
        const l = out.get(k);
        const item = { start: a.start, end: a.end, section: s.name };
        if (l) l.push(item);
        else out.set(k, [item]);
      }
    }
    return { tree, out };
  };
  const cur = linesOf(current);
  const shp = linesOf(shipped);
  const withEol = (t: string): string => (t === '' || /[\r\n]$/.test(t) ? t : t + eol);
  // Edits on `current`, applied from the end.
  const edits: { start: number; end: number; text: string }[] = [];
  const appendAtSectionEnd = new Map<string, string>();
  for (const k of keys) {
    const mine = cur.out.get(k) ?? [];
    const theirs = (shp.out.get(k) ?? []).map((a) => withEol(shipped.slice(a.start, a.end))).join('');
    if (mine.length) {
      mine.forEach((a, i) => edits.push({ start: a.start, end: a.end, text: i === 0 ? theirs : '' }));
    } else if (theirs) {
      const section = shp.out.get(k)![0]!.section;
      appendAtSectionEnd.set(section, (appendAtSectionEnd.get(section) ?? '') + theirs);
    }
  }
  let tail = '';
  for (const [section, text] of appendAtSectionEnd) {
    const s = [...cur.tree.sections].reverse().find((x) => x.name === section);
    const anchor = s ? (s.assignments[s.assignments.length - 1] ?? s.header) : undefined;
    if (anchor) {
      const open = !/[\r\n]$/.test(current.slice(anchor.start, anchor.end));
      edits.push({ start: anchor.end, end: anchor.end, text: (open ? eol : '') + text });
    } else {
      tail += `[${section}]${eol}${text}`;
    }
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = current;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (tail) {
    if (out !== '' && !/[\r\n]$/.test(out)) out += eol;
    out += (out === '' ? '' : eol) + tail;
  }
  return out;
}
