/**
 * Where systemd finds a unit and its drop-ins (systemd-facts.md §7; systemd src/shared/dropin.c
 * `unit_file_find_dropin_paths()`, src/basic/conf-files.c `conf_files_list_strv()`, src/core/main.c
 * `parse_config_file()`).
 *
 * Everything here is a pure function over a small file-system interface (`HierarchyFs`), so tests run on
 * in-memory trees (`memoryFs`) and the editor or CLI on the real one (`realFs`).
 *
 * A "root" is a folder that mirrors `/` (the real `/`, or a repository holding `etc/systemd/system/…` and
 * `usr/lib/systemd/system/…`). With several roots, each search path is looked up under every root in turn
 * (first root first), so a workspace's `etc/systemd/system` beats the machine's, which beats any `usr/lib`.
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { posix } from 'node:path';
import { UNIT_TYPES, type UnitType } from '../catalog/catalog.js';
import { encodeText } from '../parser/bytes.js';
import { checkUnitName } from '../values/unitName.js';
import {
  formatBytes,
  hostSystemdFolders,
  isInsideRoots,
  readTextFileSafe,
  realReadFs,
  type SafeCheckResult,
  type SafeReadFs,
  type SafeReadResult,
} from './safeRead.js';
import { systemSearchPaths, userSearchPaths, type Scope } from './searchPaths.js';
import { BoundedCache } from '../util/cache.js';

const { join, dirname, basename, isAbsolute, resolve } = posix;

// ---------------------------------------------------------------------------------------------------------------
// File system

export type FsEntryType = 'file' | 'dir' | 'symlink' | 'other';

/** The little of a file system the hierarchy needs. Every method returns undefined instead of throwing. */
export interface HierarchyFs {
  /** What is at `path`, without following a final symlink. */
  lstat(path: string): { readonly type: FsEntryType; readonly size: number } | undefined;
  readlink(path: string): string | undefined;
  /** Names in a folder (any order), or undefined when it is not a readable folder. */
  readdir(path: string): string[] | undefined;
  /** The contents of a regular file (never a FIFO, device or kernel file, never more than MAX_UNIT_BYTES). */
  readFile(path: string): string | undefined;
  /** Canonical path (optional; used only to avoid listing one file twice, e.g. Debian's /lib -> /usr/lib). */
  realpath?(path: string): string | undefined;
  /** Reading with reasons and allowed folders (safeRead.ts); without it, readFile is used. */
  readonly safe?: SafeReadFs;
}

function typeOf(st: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): FsEntryType {
  return st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
}

/**
 * The machine's file system. Files are decoded losslessly (bytes.ts), and only regular files up to MAX_UNIT_BYTES
 * are read (safeRead.ts): a FIFO, /dev/zero or /proc/self/pagemap planted in a repository is skipped.
 */
export const realFs: HierarchyFs = {
  lstat(p) {
    try {
      const st = lstatSync(p, { throwIfNoEntry: false });
      return st ? { type: typeOf(st), size: st.size } : undefined;
    } catch {
      return undefined;
    }
  },
  readlink(p) {
    try {
      return readlinkSync(p);
    } catch {
      return undefined;
    }
  },
  readdir(p) {
    try {
      return readdirSync(p);
    } catch {
      return undefined;
    }
  },
  readFile(p) {
    const r = readTextFileSafe(p);
    return r.ok ? r.text : undefined;
  },
  realpath(p) {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  },
  safe: realReadFs,
};

/**
 * The same file system with its lookups (lstat, readlink, readdir, realpath) kept for a short while: checking 200
 * units of one folder looks up the same folders and links 200 times. File contents are read through, never kept.
 * Under the one cache policy (util/cache.ts): bounded, short-lived, and cleared when a file changes.
 */
export function cachedLookups(fs: HierarchyFs, ttlMs = 2000, now?: () => number): HierarchyFs & { clear(): void } {
  const stats = new BoundedCache<string, ReturnType<HierarchyFs['lstat']> | null>({ max: 20000, ttlMs, now });
  const links = new BoundedCache<string, string | undefined>({ max: 20000, ttlMs, now });
  const dirs = new BoundedCache<string, readonly string[] | undefined>({ max: 2000, ttlMs, now });
  const reals = new BoundedCache<string, string | undefined>({ max: 20000, ttlMs, now });
  const realpath = fs.realpath?.bind(fs);
  return {
    // A regular file is looked at afresh each time: its size decides whether it masks (an empty file), and a drop-in
    // just created empty is written a moment later. Folders, links and absent paths are kept.
    lstat: (p) => {
      const hit = stats.peek(p);
      if (hit !== undefined) return hit ?? undefined;
      const st = fs.lstat(p);
      if (st?.type !== 'file') stats.set(p, st ?? null);
      return st;
    },
    readlink: (p) => links.get(p, () => fs.readlink(p)),
    // A copy for each caller: callers may sort or filter the list they get.
    readdir: (p) => dirs.get(p, () => fs.readdir(p))?.slice(),
    readFile: (p) => fs.readFile(p),
    ...(realpath ? { realpath: (p: string) => reals.get(p, () => realpath(p)) } : {}),
    ...(fs.safe ? { safe: fs.safe } : {}),
    clear() {
      for (const c of [stats, links, dirs, reals]) c.clear();
    },
  };
}

/** An entry of an in-memory tree: file contents, a symlink, or something that is not a regular file (a FIFO…). */
export type MemoryEntry = string | { readonly symlink: string } | { readonly special: 'fifo' | 'socket' | 'device' };

/**
 * An in-memory file system for tests: `{ '/etc/systemd/system/foo.service': '[Unit]\n…', '/etc/…/bar.service':
 * { symlink: '/dev/null' } }`. Folders are implied by the paths; a key ending in '/' makes an empty folder.
 */
export function memoryFs(tree: Readonly<Record<string, MemoryEntry>>): HierarchyFs {
  const files = new Map<string, string>();
  const links = new Map<string, string>();
  const specials = new Map<string, string>();
  const dirs = new Map<string, Set<string>>();
  const addDir = (d: string): void => {
    if (!dirs.has(d)) dirs.set(d, new Set());
    if (d !== '/') {
      const parent = dirname(d);
      addDir(parent);
      dirs.get(parent)!.add(basename(d));
    }
  };
  for (const [rawPath, entry] of Object.entries(tree)) {
    if (rawPath.endsWith('/')) {
      addDir(posix.normalize(rawPath).replace(/\/+$/, '') || '/');
      continue;
    }
    const p = posix.normalize(rawPath);
    addDir(dirname(p));
    dirs.get(dirname(p))!.add(basename(p));
    if (typeof entry === 'string') files.set(p, entry);
    else if ('symlink' in entry) links.set(p, entry.symlink);
    else specials.set(p, entry.special);
  }
  /** Follow every symlink (absolute targets as they are, like the kernel): the real path, or undefined. */
  const real = (p: string): string | undefined => {
    let cur = posix.normalize(p);
    for (let hops = 0; hops < 32; hops++) {
      const t = links.get(cur);
      if (t === undefined) return cur;
      cur = isAbsolute(t) ? posix.normalize(t) : resolve(dirname(cur), t);
    }
    return undefined;
  };
  const check = (p: string, o: { maxBytes: number; allowedRoots?: readonly string[] }): SafeCheckResult => {
    const r = real(p);
    if (r === undefined)
      return { ok: false, skipped: 'unreadable', reason: `${p} cannot be read: too many levels of symlinks` };
    if (
      o.allowedRoots &&
      !isInsideRoots(
        r,
        o.allowedRoots.map((x) => posix.normalize(x)),
      )
    ) {
      return {
        ok: false,
        skipped: 'outside-roots',
        reason: `${p} leads to ${r}, outside the workspace and the systemd folders; it was not followed`,
      };
    }
    if (dirs.has(r)) return { ok: false, skipped: 'directory', reason: `${p} is a folder` };
    if (specials.has(r) || r === '/dev/null' || r === '/dev/zero')
      return {
        ok: false,
        skipped: 'not-a-regular-file',
        reason: `${p} is ${specials.get(r) === 'fifo' ? 'a named pipe (FIFO)' : `a ${specials.get(r) ?? 'character device'}`}; only regular files are read`,
      };
    const text = files.get(r);
    if (text === undefined) return { ok: false, skipped: 'missing', reason: `${p} cannot be read: no such file` };
    const size = encodeText(text).length;
    if (size > o.maxBytes)
      return {
        ok: false,
        skipped: 'too-large',
        reason: `${p} is ${formatBytes(size)}, over the ${formatBytes(o.maxBytes)} limit for unit files; it was not read`,
      };
    return { ok: true, realPath: r, size };
  };
  const safe: SafeReadFs = {
    check,
    read(p, o): SafeReadResult {
      const c = check(p, o);
      if (!c.ok) return c;
      const text = files.get(c.realPath)!;
      return { ok: true, text, bytes: encodeText(text), realPath: c.realPath };
    },
  };
  return {
    safe,
    lstat(p) {
      const n = posix.normalize(p);
      if (links.has(n)) return { type: 'symlink', size: links.get(n)!.length };
      if (specials.has(n)) return { type: 'other', size: 0 };
      if (files.has(n)) return { type: 'file', size: files.get(n)!.length };
      if (dirs.has(n)) return { type: 'dir', size: 0 };
      if (n === '/dev/null') return { type: 'other', size: 0 };
      return undefined;
    },
    readlink: (p) => links.get(posix.normalize(p)),
    readdir: (p) => {
      const d = dirs.get(posix.normalize(p));
      return d ? [...d] : undefined;
    },
    readFile: (p) => files.get(posix.normalize(p)),
  };
}

/** Result of following a path's final symlinks inside a root. */
export interface Resolved {
  /** The path that was looked up. */
  readonly path: string;
  /** The file finally reached (equal to `path` unless it is a symlink). */
  readonly target: string;
  readonly type: 'file' | 'dir' | 'other' | 'missing';
  /** A symlink to /dev/null, or an empty regular file: systemd's "masked". */
  readonly masked: boolean;
  /** The first symlink's text, when `path` is a symlink. */
  readonly linkText: string | undefined;
  readonly size: number;
}

/**
 * Follow symlinks at the end of `path`. Absolute link targets are taken inside `root` (systemd's chase() with
 * a root), so a repository that mirrors `/` keeps its links working.
 */
export function resolveInRoot(fs: HierarchyFs, root: string, path: string): Resolved {
  let cur = path;
  let linkText: string | undefined;
  for (let hops = 0; hops < 32; hops++) {
    const st = fs.lstat(cur);
    if (!st) return { path, target: cur, type: 'missing', masked: false, linkText, size: 0 };
    if (st.type !== 'symlink') {
      const isNull = cur === '/dev/null' || (root !== '/' && cur === join(root, 'dev/null') && st.type !== 'file');
      const type = st.type === 'file' ? 'file' : st.type === 'dir' ? 'dir' : 'other';
      return { path, target: cur, type, masked: isNull || (type === 'file' && st.size === 0), linkText, size: st.size };
    }
    const t = fs.readlink(cur);
    if (t === undefined) return { path, target: cur, type: 'missing', masked: false, linkText, size: 0 };
    if (linkText === undefined) linkText = t;
    if (t === '/dev/null') return { path, target: '/dev/null', type: 'other', masked: true, linkText, size: 0 };
    cur = isAbsolute(t) ? (root === '/' ? posix.normalize(t) : join(root, t)) : resolve(dirname(cur), t);
  }
  return { path, target: cur, type: 'missing', masked: false, linkText, size: 0 };
}

// ---------------------------------------------------------------------------------------------------------------
// Search paths

export interface HierarchyOptions {
  readonly scope?: Scope;
  /** A folder that mirrors `/` (default `/`). */
  readonly root?: string;
  /** Further mirrored roots, searched after `root` at each search-path level. */
  readonly extraRoots?: readonly string[];
  /** Plain unit folders searched before everything else, like `SYSTEMD_UNIT_PATH=dir1:dir2:` (with the trailing colon). */
  readonly unitDirs?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly fs?: HierarchyFs;
  /**
   * Further folders a file of a workspace may lead into through a symlink (the workspace folders). The roots
   * other than `/`, the unit folders and the host's systemd folders are always allowed.
   */
  readonly readRoots?: readonly string[];
}

/**
 * Where the files of a hierarchy may be read from: a file found in the host's systemd folders is the
 * administrator's own and may link anywhere (`undefined`); a file found in a workspace may only lead into the
 * workspace (the roots other than `/`, the unit folders, `readRoots`) or into the host's systemd folders.
 */
export function readRootsFor(opts: HierarchyOptions): {
  readonly forPath: (path: string) => readonly string[] | undefined;
  readonly all: readonly string[];
} {
  const env = opts.env ?? process.env;
  const host = hostSystemdFolders(env);
  const roots = [opts.root ?? '/', ...(opts.extraRoots ?? [])].filter((r) => posix.resolve(r) !== '/');
  const all = [
    ...new Set(
      [...roots, ...(opts.unitDirs ?? []), ...(opts.readRoots ?? [])].map((r) => posix.resolve(r)).concat(host),
    ),
  ];
  return { all, forPath: (path) => (isInsideRoots(posix.normalize(path), host) ? undefined : all) };
}

export interface SearchDir {
  readonly dir: string;
  /** Files shipped by packages (/usr/lib, /lib, /usr/local/lib, /usr/share): change them through drop-ins. */
  readonly vendor: boolean;
  /** The root the folder belongs to (absolute symlinks are resolved inside it). */
  readonly root: string;
}

const VENDOR_PREFIXES = ['usr/lib/', 'lib/', 'usr/local/lib/', 'usr/share/', 'usr/local/share/'];

/** Is `path` a vendor file: below /usr/lib, /lib, /usr/local/lib or /usr/share of one of the roots? */
export function isVendorPath(path: string, roots: readonly string[] = ['/']): boolean {
  const p = posix.normalize(path);
  for (const r of roots) {
    const rel = posix.relative(r, p);
    if (rel.startsWith('..') || isAbsolute(rel)) continue;
    if (VENDOR_PREFIXES.some((v) => `${rel}/`.startsWith(v))) return true;
  }
  return false;
}

/** Unit folders in precedence order (highest first), per root, with the vendor flag. */
export function unitSearchDirs(opts: HierarchyOptions = {}): SearchDir[] {
  const root = opts.root ?? '/';
  const roots = [root, ...(opts.extraRoots ?? [])];
  const base =
    (opts.scope ?? 'system') === 'system' ? systemSearchPaths('/') : userSearchPaths('/', opts.env ?? process.env);
  const out: SearchDir[] = [];
  const seen = new Set<string>();
  const push = (d: SearchDir): void => {
    if (seen.has(d.dir)) return;
    seen.add(d.dir);
    out.push(d);
  };
  for (const d of opts.unitDirs ?? [])
    push({ dir: posix.resolve(d), vendor: isVendorPath(posix.resolve(d), roots), root });
  for (const p of base) for (const r of roots) push({ dir: join(r, p.dir), vendor: p.vendor, root: r });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Unit names

const TYPE_SET = new Set<string>(UNIT_TYPES);

function unitTypeOfName(name: string): UnitType | undefined {
  const dot = name.lastIndexOf('.');
  const t = dot >= 0 ? name.slice(dot + 1) : '';
  return TYPE_SET.has(t) ? (t as UnitType) : undefined;
}

function isInstanceName(name: string): boolean {
  const r = checkUnitName(name);
  return r.ok && r.kind === 'instance';
}

/** foo@bar.service -> foo@.service */
export function templateOf(name: string): string | undefined {
  const at = name.indexOf('@');
  const dot = name.lastIndexOf('.');
  if (at <= 0 || dot <= at + 1) return undefined;
  return `${name.slice(0, at + 1)}${name.slice(dot)}`;
}

/** The part before '@' (or before the suffix): unit_name_to_prefix(). */
function prefixOf(name: string): string {
  const at = name.indexOf('@');
  return at >= 0 ? name.slice(0, at) : name.slice(0, name.lastIndexOf('.'));
}

function instanceOf(name: string): string | undefined {
  const at = name.indexOf('@');
  const dot = name.lastIndexOf('.');
  return at >= 0 && dot > at + 1 ? name.slice(at + 1, dot) : undefined;
}

export type DropInLevel = 'unit' | 'template' | 'prefix' | 'alias' | 'type';

export interface DropInDirName {
  /** Folder name without ".d", e.g. "foo-.service". */
  readonly name: string;
  readonly level: DropInLevel;
}

/**
 * The drop-in folder names systemd tries for one unit name inside one search path, in its order
 * (dropin.c `unit_file_find_dirs()`): the name; for an instance its template (and the template's prefixes); then
 * the dash prefixes, each with the same treatment: foo-bar@baz.service -> foo-bar@baz.service, foo-bar@.service,
 * foo-.service, foo-@baz.service, foo-@.service. Same-named files in earlier folders of this list win.
 */
export function dropInDirNamesFor(name: string, level: DropInLevel = 'unit'): DropInDirName[] {
  const out: DropInDirName[] = [];
  const walk = (n: string, lv: DropInLevel, depth: number): void => {
    if (depth > 64) return;
    out.push({ name: n, level: lv });
    if (isInstanceName(n)) {
      const t = templateOf(n);
      if (t) walk(t, lv === 'unit' ? 'template' : lv, depth + 1);
    }
    if (TYPE_SET.has(n)) return;
    let prefix = prefixOf(n);
    let chopped = false;
    for (;;) {
      const dash = prefix.lastIndexOf('-');
      if (dash < 0 || dash === 0) return;
      if (dash + 1 < prefix.length || chopped) {
        prefix = prefix.slice(0, dash + 1);
        break;
      }
      prefix = prefix.slice(0, dash);
      chopped = true;
    }
    if (!/^[A-Za-z0-9:_.\\-]+$/.test(prefix)) return;
    const type = unitTypeOfName(n);
    if (!type) return;
    const inst = isInstanceName(n) ? instanceOf(n) : undefined;
    walk(
      inst !== undefined ? `${prefix}@${inst}.${type}` : `${prefix}.${type}`,
      lv === 'alias' ? 'alias' : 'prefix',
      depth + 1,
    );
  };
  walk(name, level, 0);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Drop-in files

export interface DropInDir {
  readonly dir: string;
  readonly vendor: boolean;
  readonly level: DropInLevel;
  readonly root: string;
}

export interface ShadowedFile {
  readonly path: string;
  readonly vendor: boolean;
}

export interface DropInFile {
  readonly path: string;
  /** The file name, which decides the order. */
  readonly name: string;
  readonly dir: string;
  readonly vendor: boolean;
  readonly level: DropInLevel;
  /** A symlink to /dev/null or an empty file: it hides same-named files and sets nothing. */
  readonly masked: boolean;
  /** Where the contents come from (differs from `path` for a symlink). */
  readonly target: string;
  /** Same-named files in lower-priority folders that this one hides. */
  readonly shadows: readonly ShadowedFile[];
  /** Folders its contents may be read from (undefined: anywhere; see HierarchyOptions.readRoots). */
  readonly readRoots?: readonly string[];
}

/** Names systemd skips in conf folders (hidden_or_backup_file()); only `*.conf` files are read at all. */
export function isIgnoredConfName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.ignore') || !name.endsWith('.conf') || name === '.conf';
}

/**
 * conf_files_list_strv(): `*.conf` files of all folders, ordered by file name; for the same name the first
 * folder (highest priority) wins and hides the others.
 */
export function listDropInFiles(
  dirs: readonly DropInDir[],
  fs: HierarchyFs,
  readRoots?: (path: string) => readonly string[] | undefined,
): DropInFile[] {
  const byName = new Map<string, { winner: { d: DropInDir; path: string }; shadows: ShadowedFile[] }>();
  const seenDirs = new Set<string>();
  for (const d of dirs) {
    const real = fs.realpath?.(d.dir) ?? d.dir;
    if (seenDirs.has(real)) continue;
    seenDirs.add(real);
    const st = resolveInRoot(fs, d.root, d.dir);
    if (st.type !== 'dir') continue;
    const names = fs.readdir(st.target);
    if (!names) continue;
    for (const n of names) {
      if (isIgnoredConfName(n)) continue;
      const p = join(d.dir, n);
      const r = resolveInRoot(fs, d.root, p);
      if (r.type === 'dir' || r.type === 'missing') continue;
      const prev = byName.get(n);
      if (prev) prev.shadows.push({ path: p, vendor: d.vendor });
      else byName.set(n, { winner: { d, path: p }, shadows: [] });
    }
  }
  const out: DropInFile[] = [];
  for (const [name, { winner, shadows }] of byName) {
    const r = resolveInRoot(fs, winner.d.root, winner.path);
    out.push({
      path: winner.path,
      name,
      dir: winner.d.dir,
      vendor: winner.d.vendor || (r.target !== winner.path && isVendorPath(r.target, [winner.d.root])),
      level: winner.d.level,
      masked: r.masked,
      target: r.target,
      shadows,
      readRoots: readRoots?.(winner.path),
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------------------------
// Units

export interface FragmentFile {
  readonly path: string;
  readonly vendor: boolean;
  /** Where the contents come from (differs from `path` for a symlink). */
  readonly target: string;
  /** The symlink text when the fragment is a symlink. */
  readonly linkText: string | undefined;
  /** Folders its contents may be read from (undefined: anywhere; see HierarchyOptions.readRoots). */
  readonly readRoots?: readonly string[];
}

export interface UnitHierarchy {
  /** The name asked for. */
  readonly name: string;
  /** The name systemd loads it under (differs for an alias symlink such as dbus-org.foo.service -> foo.service). */
  readonly id: string;
  readonly type: UnitType;
  readonly scope: Scope;
  /** The unit file that is read, if any (for an instance without its own file: the template's). */
  readonly fragment: FragmentFile | undefined;
  /** Lower-priority copies of the fragment that are hidden by it. */
  readonly shadowedFragments: readonly ShadowedFile[];
  /** A symlink to /dev/null or an empty unit file: systemd will not load the unit at all. */
  readonly masked: boolean;
  readonly maskedBy: string | undefined;
  /** Other names of the unit (alias symlinks); their drop-in folders are read too. */
  readonly aliases: readonly string[];
  /** Drop-ins in the order systemd applies them (after the fragment). Masked drop-ins are included with masked=true. */
  readonly dropIns: readonly DropInFile[];
  /** Every drop-in folder systemd looks at, in its order (existing or not). */
  readonly dropInDirs: readonly DropInDir[];
  readonly searchDirs: readonly SearchDir[];
  /** The folders a workspace file may lead into through a symlink (see HierarchyOptions.readRoots). */
  readonly readRoots: readonly string[];
}

function findFile(
  name: string,
  dirs: readonly SearchDir[],
  fs: HierarchyFs,
): { hit: { sd: SearchDir; r: Resolved } | undefined; rest: ShadowedFile[] } {
  let hit: { sd: SearchDir; r: Resolved } | undefined;
  const rest: ShadowedFile[] = [];
  let hitReal: string | undefined;
  for (const sd of dirs) {
    const p = join(sd.dir, name);
    const st = fs.lstat(p);
    if (!st || st.type === 'dir') continue;
    const r = resolveInRoot(fs, sd.root, p);
    if (r.type === 'dir') continue;
    if (!hit) {
      hit = { sd, r };
      hitReal = fs.realpath?.(p);
      continue;
    }
    const real = fs.realpath?.(p);
    if (real !== undefined && real === hitReal) continue;
    rest.push({ path: p, vendor: sd.vendor });
  }
  return { hit, rest };
}

/** Other names that are symlinks to this unit in the search folders (what `systemctl enable` makes of Alias=). */
function reverseAliases(
  id: string,
  fragmentTarget: string | undefined,
  dirs: readonly SearchDir[],
  fs: HierarchyFs,
): string[] {
  const type = unitTypeOfName(id);
  const out = new Set<string>();
  for (const sd of dirs) {
    const names = fs.readdir(sd.dir);
    if (!names) continue;
    for (const n of names) {
      if (n === id || unitTypeOfName(n) !== type || !checkUnitName(n).ok) continue;
      const p = join(sd.dir, n);
      if (fs.lstat(p)?.type !== 'symlink') continue;
      const t = fs.readlink(p);
      if (!t || t === '/dev/null') continue;
      const r = resolveInRoot(fs, sd.root, p);
      if (basename(t) === id || (fragmentTarget !== undefined && r.target === fragmentTarget)) out.add(n);
    }
  }
  return [...out].sort();
}

/** The drop-in folders for a unit with these names, in systemd's order. */
export function dropInDirsFor(
  id: string,
  aliases: readonly string[],
  dirs: readonly SearchDir[],
  suffix = '.d',
): DropInDir[] {
  const out: DropInDir[] = [];
  const add = (names: DropInDirName[]): void => {
    for (const sd of dirs)
      for (const n of names)
        out.push({ dir: join(sd.dir, n.name + suffix), vendor: sd.vendor, level: n.level, root: sd.root });
  };
  add(dropInDirNamesFor(id, 'unit'));
  for (const a of aliases) add(dropInDirNamesFor(a, 'alias'));
  const type = unitTypeOfName(id);
  if (type) add([{ name: type, level: 'type' }]);
  return out;
}

/**
 * Find a unit's fragment, mask state, aliases and drop-ins. Never throws; an unknown unit has no fragment.
 * Refuses nothing: validate names first (safeWrite.validateUnitName) when they come from a user.
 */
export function findUnitHierarchy(name: string, opts: HierarchyOptions = {}): UnitHierarchy {
  const fs = opts.fs ?? realFs;
  const scope = opts.scope ?? 'system';
  const dirs = unitSearchDirs(opts);
  const type = unitTypeOfName(name) ?? 'service';
  const reads = readRootsFor(opts);

  let { hit, rest } = findFile(name, dirs, fs);
  let id = name;
  if (!hit) {
    const t = templateOf(name);
    if (t && isInstanceName(name)) ({ hit, rest } = findFile(t, dirs, fs));
  }
  let fragment: FragmentFile | undefined;
  let masked = false;
  let maskedBy: string | undefined;
  const aliases = new Set<string>();
  if (hit) {
    if (hit.r.masked) {
      masked = true;
      maskedBy = hit.r.path;
    } else if (hit.r.type === 'file') {
      // A link in /etc to a vendor file still holds vendor contents.
      const vendor = hit.sd.vendor || (hit.r.linkText !== undefined && isVendorPath(hit.r.target, [hit.sd.root]));
      fragment = {
        path: hit.r.path,
        vendor,
        target: hit.r.target,
        linkText: hit.r.linkText,
        readRoots: reads.forPath(hit.r.path),
      };
      // A symlink to a differently named unit makes `name` an alias of that unit (unit_file_build_name_map()).
      // (Template aliases, foo@.service -> bar@.service, are left alone: the instance keeps its name.)
      const targetName = basename(hit.r.target);
      const foundName = basename(hit.r.path);
      if (
        hit.r.linkText !== undefined &&
        foundName === name &&
        targetName !== name &&
        checkUnitName(targetName).ok &&
        unitTypeOfName(targetName) === type
      ) {
        id = targetName;
        aliases.add(name);
      }
    }
  }
  if (!masked) for (const a of reverseAliases(id, fragment?.target, dirs, fs)) if (a !== id) aliases.add(a);
  const aliasList = [...aliases].sort();
  const dropInDirs = dropInDirsFor(id, aliasList, dirs);
  const dropIns = listDropInFiles(dropInDirs, fs, reads.forPath);
  return {
    name,
    id,
    type,
    scope,
    fragment,
    shadowedFragments: rest,
    masked,
    maskedBy,
    aliases: aliasList,
    dropIns,
    dropInDirs,
    searchDirs: dirs,
    readRoots: reads.all,
  };
}

export interface RootsOptions extends Omit<HierarchyOptions, 'root' | 'extraRoots'> {
  /**
   * Roots in order, e.g. a workspace that mirrors `/` and then `/` itself (unitWorld.ts `roots`). Each is its own
   * world: the first root that has the unit (a fragment, or a mask) provides the whole hierarchy.
   */
  readonly roots: readonly string[];
}

/**
 * The one lookup for "which unit is this" used by the drop-in checks, hover origins and Show Effective Unit:
 * inside a workspace that mirrors a root, the workspace's folders come first and the host's are used only when
 * the workspace has no file for the unit (no mixing: the host's /lib/systemd/system never beats the workspace's
 * usr/lib/systemd/system). When no root has the unit, the first root's hierarchy (its drop-ins only).
 */
export function findUnitHierarchyInRoots(name: string, opts: RootsOptions): UnitHierarchy {
  const { roots, ...rest } = opts;
  let first: UnitHierarchy | undefined;
  for (const root of roots.length ? roots : ['/']) {
    const h = findUnitHierarchy(name, { ...rest, root });
    if (h.fragment || h.masked) return h;
    first ??= h;
  }
  return first!;
}

// ---------------------------------------------------------------------------------------------------------------
// system.conf / user.conf

export interface ManagerConfigFile {
  readonly path: string;
  readonly vendor: boolean;
  readonly masked: boolean;
  readonly target: string;
  /** Folders its contents may be read from (undefined: anywhere; see HierarchyOptions.readRoots). */
  readonly readRoots?: readonly string[];
}

export interface ManagerHierarchy {
  readonly scope: Scope;
  /** Main files that exist, in the order systemd parses them (all are parsed; later ones win). */
  readonly mainFiles: readonly ManagerConfigFile[];
  /** Main-file locations that were looked at. */
  readonly mainCandidates: readonly string[];
  readonly dropIns: readonly DropInFile[];
  readonly dropInDirs: readonly DropInDir[];
}

/**
 * system.conf / user.conf and their drop-ins ([Manager] only). 252 reads /etc/systemd/system.conf and the
 * `system.conf.d/` folders under /etc, /run, /usr/local/lib and /usr/lib (also /lib on split-usr systems).
 * For the user manager it parses `$XDG_CONFIG_HOME/systemd/user.conf` and then /etc/systemd/user.conf
 * (main.c manager_find_user_config_paths()), with `user.conf.d/` under the config home first.
 */
export function findManagerHierarchy(
  scope: Scope,
  opts: Omit<HierarchyOptions, 'scope' | 'unitDirs'> = {},
): ManagerHierarchy {
  const fs = opts.fs ?? realFs;
  const root = opts.root ?? '/';
  const roots = [root, ...(opts.extraRoots ?? [])];
  const reads = readRootsFor(opts);
  const file = scope === 'system' ? 'system.conf' : 'user.conf';
  const confDirs = ['etc/systemd', 'run/systemd', 'usr/local/lib/systemd', 'lib/systemd', 'usr/lib/systemd'];
  const levels: { rel: string; vendor: boolean }[] = confDirs.map((d) => ({ rel: d, vendor: isVendorPath(`/${d}`) }));
  const mainRel: string[] = [];
  if (scope === 'user') {
    const env = opts.env ?? process.env;
    const home = env.HOME || '/root';
    const configHome = env.XDG_CONFIG_HOME || join(home, '.config');
    levels.unshift({ rel: join(configHome, 'systemd').replace(/^\/+/, ''), vendor: false });
    mainRel.push(join(configHome, 'systemd', file).replace(/^\/+/, ''));
  }
  mainRel.push(`etc/systemd/${file}`);
  const mainCandidates: string[] = [];
  const mainFiles: ManagerConfigFile[] = [];
  for (const rel of mainRel) {
    for (const r of roots) {
      const p = join(r, rel);
      mainCandidates.push(p);
      const res = resolveInRoot(fs, r, p);
      if (res.type === 'missing' || res.type === 'dir') continue;
      mainFiles.push({ path: p, vendor: false, masked: res.masked, target: res.target, readRoots: reads.forPath(p) });
      break;
    }
  }
  const dropInDirs: DropInDir[] = [];
  for (const l of levels)
    for (const r of roots)
      dropInDirs.push({ dir: join(r, l.rel, `${file}.d`), vendor: l.vendor, level: 'unit', root: r });
  return { scope, mainFiles, mainCandidates, dropIns: listDropInFiles(dropInDirs, fs, reads.forPath), dropInDirs };
}

export interface HierarchyFileRef {
  readonly path?: string;
  readonly target: string;
  readonly masked?: boolean;
  readonly readRoots?: readonly string[];
}

/**
 * Read a file of the hierarchy (following its symlinks inside the root). Masked files read as empty. Only regular
 * files up to MAX_UNIT_BYTES are read, and a workspace file only where it stays inside `readRoots`; otherwise the
 * result says why it was skipped.
 */
export function readHierarchyFileResult(fs: HierarchyFs, f: HierarchyFileRef): SafeReadResult {
  if (f.masked) return { ok: true, text: '', bytes: new Uint8Array(0), realPath: f.target };
  const shownPath = f.path ?? f.target;
  if (fs.safe) {
    const r = readTextFileSafe(f.target, { fs: fs.safe, allowedRoots: f.readRoots });
    // A symlink's reason names its target: say which file of the hierarchy led there.
    return r.ok || shownPath === f.target ? r : { ...r, reason: `${shownPath} → ${r.reason}` };
  }
  const text = fs.readFile(f.target);
  return text === undefined
    ? { ok: false, skipped: 'unreadable', reason: `${shownPath} cannot be read` }
    : { ok: true, text, bytes: encodeText(text), realPath: f.target };
}

/** readHierarchyFileResult's text, or undefined when the file was not read. */
export function readHierarchyFile(fs: HierarchyFs, f: HierarchyFileRef): string | undefined {
  const r = readHierarchyFileResult(fs, f);
  return r.ok ? r.text : undefined;
}
