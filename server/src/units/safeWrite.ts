/**
 * Writing drop-ins without ever losing a user's work:
 * - names are validated before they become paths (no `../../etc/passwd`, no '/', systemd's unit-name rules);
 * - files are written atomically (temporary file in the same folder, then rename or link) and an existing file
 *   is never replaced unless the caller says so; several files (the socket generator's) all or nothing;
 * - a write never leaves the folder the caller chose (`root`), even through a planted folder symlink;
 * - when a folder is not writable (e.g. /etc as a normal user) the caller gets the exact shell commands instead,
 *   every path quoted and `--` before paths and unit names;
 * - an existing drop-in is extended in place, keeping every comment, line, byte, its mode and owner, or the merge
 *   is refused with the reason (never "unreadable, so empty").
 */
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { UNIT_TYPES } from '../catalog/catalog.js';
import type { AssignmentNode } from '../parser/ast.js';
import { parseUnit } from '../parser/parser.js';
import { encodeText } from '../parser/bytes.js';
import { checkUnitName, type UnitNameKind } from '../values/unitName.js';
import { canonicalDirective, mergeModeOf } from './effective.js';
import { MAX_UNIT_BYTES, readTextFileSafe } from './safeRead.js';
import type { Scope } from './searchPaths.js';
import type { DropInAssignment } from './minimalDropIn.js';

const { join, dirname, basename } = posix;

export type NameCheck<T = object> = ({ readonly ok: true } & T) | { readonly ok: false; readonly reason: string };

/** A unit name that may become part of a path (systemd-facts.md §8.1 plus path safety). */
export function validateUnitName(name: string): NameCheck<{ kind: UnitNameKind; type: string }> {
  if (typeof name !== 'string' || name === '') return { ok: false, reason: 'the unit name is empty' };
  if (name.includes('/'))
    return { ok: false, reason: `'${name}' contains '/': a unit name is a file name, not a path` };
  if (name.includes('\0')) return { ok: false, reason: 'the unit name contains a NUL character' };
  if (name === '.' || name === '..') return { ok: false, reason: `'${name}' is not a unit name` };
  if (name.length > 255)
    return { ok: false, reason: `the unit name is ${name.length} characters long; systemd allows at most 255` };
  const r = checkUnitName(name);
  if (!r.ok) return { ok: false, reason: `'${name}' is not a valid unit name: ${r.reason}` };
  return { ok: true, kind: r.kind, type: r.type };
}

/** The file name of a drop-in: no '/', not hidden, ends in .conf (added when missing, like `systemctl edit --drop-in=`). */
export function validateDropInName(name: string): NameCheck<{ fileName: string }> {
  if (typeof name !== 'string' || name.trim() === '') return { ok: false, reason: 'the drop-in name is empty' };
  if (name.includes('/'))
    return { ok: false, reason: `'${name}' contains '/': a drop-in name is a file name, not a path` };
  if (name.includes('\0')) return { ok: false, reason: 'the drop-in name contains a NUL character' };
  if (name.startsWith('.'))
    return { ok: false, reason: `'${name}' starts with '.': systemd ignores hidden files in drop-in folders` };
  const fileName = name.endsWith('.conf') ? name : `${name}.conf`;
  if (fileName === '.conf') return { ok: false, reason: 'the drop-in name is empty' };
  if (Buffer.byteLength(fileName) > 255) return { ok: false, reason: 'the drop-in file name is longer than 255 bytes' };
  return { ok: true, fileName };
}

export interface DropInPathOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** `systemctl edit --runtime`: /run/systemd/system (or $XDG_RUNTIME_DIR/systemd/user). */
  readonly runtime?: boolean;
  /** `systemctl edit --global`: /etc/systemd/user (the defaults of every user). */
  readonly global?: boolean;
}

export type DropInPath = NameCheck<{ path: string; dir: string; fileName: string }>;

/**
 * Where `systemctl edit` puts a drop-in: /etc/systemd/system/<unit>.d/override.conf, or for the user manager
 * ~/.config/systemd/user/<unit>.d/override.conf ($XDG_CONFIG_HOME). `unit` may also be a type-level name such as
 * `service` (→ service.d/). The result lies inside `root`.
 */
export function dropInPathFor(
  unit: string,
  scope: Scope,
  name = 'override.conf',
  root = '/',
  opts: DropInPathOptions = {},
): DropInPath {
  const isTypeLevel = (UNIT_TYPES as readonly string[]).includes(unit);
  if (!isTypeLevel) {
    const u = validateUnitName(unit);
    if (!u.ok) return u;
  }
  const n = validateDropInName(name);
  if (!n.ok) return n;
  const env = opts.env ?? process.env;
  let base: string;
  if (scope === 'system') base = opts.runtime ? '/run/systemd/system' : '/etc/systemd/system';
  else if (opts.global) base = opts.runtime ? '/run/systemd/user' : '/etc/systemd/user';
  else if (opts.runtime) {
    if (!env.XDG_RUNTIME_DIR)
      return { ok: false, reason: 'XDG_RUNTIME_DIR is not set, so there is no runtime folder for the user manager' };
    base = join(env.XDG_RUNTIME_DIR, 'systemd/user');
  } else {
    const home = env.HOME;
    const configHome = env.XDG_CONFIG_HOME || (home ? join(home, '.config') : undefined);
    if (!configHome)
      return {
        ok: false,
        reason: 'neither XDG_CONFIG_HOME nor HOME is set, so the user configuration folder is unknown',
      };
    base = join(configHome, 'systemd/user');
  }
  const dir = join(root, base, `${unit}.d`);
  const path = join(dir, n.fileName);
  // Belt and braces: the result must stay inside the unit folder.
  if (dirname(path) !== dir || !posix.normalize(path).startsWith(posix.normalize(join(root, base)) + '/')) {
    return { ok: false, reason: `refusing a path outside ${join(root, base)}` };
  }
  return { ok: true, path, dir, fileName: n.fileName };
}

export interface WriteOptions {
  /** Replace an existing file (default false: refuse). */
  readonly overwrite?: boolean;
  /** File mode (default 0644), set exactly (not reduced by the umask). */
  readonly mode?: number;
  /** Give the new file this owner before it is put in place (keeping the owner of a file being replaced). */
  readonly owner?: { readonly uid: number; readonly gid: number };
  /**
   * The folder the write must stay inside: the workspace, or the folder the user chose. The target's parent is
   * resolved through every symlink (of the nearest existing ancestor) and a target that leads outside is refused.
   * Pass it for every write; without it only the target itself is checked.
   */
  readonly root?: string;
  /** Replace the file only if it is still the one that was read (see readDropInForMerge); otherwise refuse. */
  readonly ifUnchanged?: FileIdentity;
  /** Test hook: called after the temporary file is complete, before it is put in place. */
  readonly beforePlace?: () => void;
}

/** What identifies the version of a file that was read (to refuse replacing a file changed meanwhile). */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

export type WriteErrorCode = 'exists' | 'not-writable' | 'not-a-file' | 'outside-root' | 'changed' | 'io';

export type WriteResult =
  | { readonly ok: true; readonly path: string; readonly replaced: boolean; readonly createdDirs: readonly string[] }
  | { readonly ok: false; readonly path: string; readonly code: WriteErrorCode; readonly reason: string };

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? String(e);
}

function writeErrCode(c: string): WriteErrorCode {
  return c === 'EACCES' || c === 'EPERM' || c === 'EROFS' ? 'not-writable' : 'io';
}

function isInside(p: string, folder: string): boolean {
  return folder === '/' || p === folder || p.startsWith(`${folder}/`);
}

// ---------------------------------------------------------------------------------------------------------------
// Temporary files

/** Marks our temporary files: `.#<name>.systemd-units.<16 hex>` (systemd ignores dot files in its folders). */
const TEMP_MARK = '.systemd-units.';
const TEMP_RE = /^\.#.+\.systemd-units\.[0-9a-f]{16}$/;
/** A temporary file of ours older than this was left by a killed process. */
export const STALE_TEMP_MS = 60_000;

/** The temporary name for writing `target`, in the same folder. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.#${basename(target)}${TEMP_MARK}${randomBytes(8).toString('hex')}`);
}

/** Is this file name one of our temporary files? */
export function isOurTempName(name: string): boolean {
  return TEMP_RE.test(name);
}

/**
 * Remove temporary files of ours (by name, owned by this user, regular files) older than STALE_TEMP_MS from
 * `dir`: what a write killed half-way (kill -9, power loss) left behind. Returns the removed paths; never throws.
 */
export function cleanStaleTempFiles(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const n of names) {
    if (!TEMP_RE.test(n)) continue;
    const p = join(dir, n);
    try {
      const st = lstatSync(p);
      if (!st.isFile() || (uid !== undefined && st.uid !== uid) || now - st.mtimeMs < STALE_TEMP_MS) continue;
      unlinkSync(p);
      removed.push(p);
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------------------------
// Staying inside the chosen folder

/**
 * Why writing `abs` would leave `root`, or undefined when it stays inside: the target must be below `root` as
 * written, and the real path of its parent (the nearest existing ancestor resolved through every symlink, plus the
 * folders still to be made) must be below the real path of `root`.
 */
export function whyOutsideRoot(abs: string, root: string): string | undefined {
  const r = posix.resolve(root);
  if (!isInside(abs, r) || abs === r) return `${abs} is outside ${r}`;
  let realRoot: string;
  try {
    realRoot = realpathSync.native(r);
  } catch (e) {
    return `the folder ${r} cannot be resolved (${errCode(e)})`;
  }
  let d = dirname(abs);
  const rest: string[] = [];
  for (;;) {
    let st: ReturnType<typeof lstatSync> | undefined;
    try {
      st = lstatSync(d, { throwIfNoEntry: false });
    } catch (e) {
      return `cannot look at ${d}: ${errCode(e)}`;
    }
    if (st) break;
    if (d === dirname(d)) break;
    rest.unshift(basename(d));
    d = dirname(d);
  }
  let realD: string;
  try {
    realD = realpathSync.native(d);
  } catch (e) {
    return `${d} leads nowhere (${errCode(e)})`;
  }
  const realParent = rest.length ? join(realD, ...rest) : realD;
  if (!isInside(realParent, realRoot)) {
    return `${dirname(abs)} leads to ${realParent}, outside ${r}${realRoot !== r ? ` (${realRoot})` : ''}; a symlink points out of it`;
  }
  return undefined;
}

/**
 * Create the folders up to `dir` (0755), refusing when `dir` is not inside `root` or a symlink would lead the result
 * out of it. For editors that create files but not folders (an LSP client applying a CreateFile edit).
 */
export function ensureFolderInside(
  dir: string,
  root: string,
): { ok: true; created: string[] } | { ok: false; reason: string } {
  const abs = posix.resolve(dir);
  const why = whyOutsideRoot(posix.join(abs, '.probe'), root);
  if (why) return { ok: false, reason: why };
  const r = makeParents(abs);
  return r.ok ? r : { ok: false, reason: r.reason };
}

function makeParents(
  dir: string,
): { ok: true; created: string[] } | { ok: false; code: WriteErrorCode; reason: string } {
  const created: string[] = [];
  try {
    const missing: string[] = [];
    for (let d = dir; !existsSync(d); d = dirname(d)) {
      missing.unshift(d);
      if (d === dirname(d)) break;
    }
    for (const d of missing) {
      mkdirSync(d, { mode: 0o755 });
      created.push(d);
    }
    return { ok: true, created };
  } catch (e) {
    removeDirs(created);
    const c = errCode(e);
    return { ok: false, code: writeErrCode(c), reason: `cannot create ${dir}: ${c}` };
  }
}

function removeDirs(created: readonly string[]): void {
  for (const d of [...created].reverse())
    try {
      rmdirSync(d);
    } catch {
      /* not empty: keep */
    }
}

/** Write `bytes` to a new temporary file next to `target`, with exactly `mode` (and `owner`), fsynced. */
function writeTemp(
  target: string,
  bytes: Uint8Array,
  mode: number,
  owner: WriteOptions['owner'],
): { ok: true; tmp: string; ino: number } | { ok: false; code: WriteErrorCode; reason: string } {
  const tmp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    if (owner) {
      try {
        fchownSync(fd, owner.uid, owner.gid);
      } catch (e) {
        throw Object.assign(new Error('owner'), { code: errCode(e), owner: true });
      }
    }
    fchmodSync(fd, mode);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    const ino = fstatSync(fd).ino;
    closeSync(fd);
    fd = undefined;
    return { ok: true, tmp, ino };
  } catch (e) {
    if (fd !== undefined)
      try {
        closeSync(fd);
      } catch {
        /* ignore */
      }
    try {
      unlinkSync(tmp);
    } catch {
      /* ignore */
    }
    const c = errCode(e);
    if ((e as { owner?: boolean }).owner) {
      return {
        ok: false,
        code: 'not-writable',
        reason: `cannot keep the owner of ${target} (uid ${owner!.uid}, gid ${owner!.gid}): ${c}; it was left untouched`,
      };
    }
    return { ok: false, code: writeErrCode(c), reason: `cannot write in ${dirname(target)}: ${c}` };
  }
}

/** Put a complete temporary file in place without replacing anything: link() (atomic), or a checked rename. */
function placeNew(tmp: string, abs: string): void {
  try {
    linkSync(tmp, abs);
  } catch (e) {
    if (errCode(e) === 'EEXIST') throw e;
    // File systems without hard links: fall back to a checked rename (small race window).
    if (lstatSync(abs, { throwIfNoEntry: false })) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(tmp, abs);
  }
  try {
    unlinkSync(tmp);
  } catch {
    /* already renamed */
  }
}

function fsyncDir(dir: string): void {
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    /* best effort */
  }
}

function sameFile(st: { dev: number; ino: number; size: number; mtimeMs: number }, id: FileIdentity): boolean {
  return st.dev === id.dev && st.ino === id.ino && st.size === id.size && st.mtimeMs === id.mtimeMs;
}

/**
 * Write atomically: a temporary `.#<name>.systemd-units.<16 hex>` file in the same folder (systemd ignores dot
 * files), fsync, then link() it into place (fails if the target exists: no race) or, with overwrite, rename() over
 * it. Missing parent folders are created (0755). With `root`, a target whose folder leads out of `root` through a
 * symlink is refused. Stale temporary files of ours in the folder are removed first. Never throws.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, opts: WriteOptions = {}): WriteResult {
  const abs = posix.resolve(path);
  const dir = dirname(abs);
  const mode = opts.mode ?? 0o644;
  if (opts.root !== undefined) {
    const why = whyOutsideRoot(abs, opts.root);
    if (why) return { ok: false, path: abs, code: 'outside-root', reason: `${why}; nothing was written` };
  }
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(abs, { throwIfNoEntry: false });
  } catch (e) {
    return { ok: false, path: abs, code: 'io', reason: `cannot look at ${abs}: ${errCode(e)}` };
  }
  if (existing && !opts.overwrite)
    return { ok: false, path: abs, code: 'exists', reason: `${abs} already exists; it was left untouched` };
  if (existing && !existing.isFile())
    return {
      ok: false,
      path: abs,
      code: 'not-a-file',
      reason: `${abs} exists and is ${kindOf(existing)}; it was left untouched`,
    };

  const made = makeParents(dir);
  if (!made.ok) return { ok: false, path: abs, code: made.code, reason: made.reason };
  const createdDirs = made.created;
  if (opts.root !== undefined) {
    // Again now that the folders exist: one swapped for a symlink meanwhile is caught here.
    const why = whyOutsideRoot(abs, opts.root);
    if (why) {
      removeDirs(createdDirs);
      return { ok: false, path: abs, code: 'outside-root', reason: `${why}; nothing was written` };
    }
  }
  cleanStaleTempFiles(dir);

  const t = writeTemp(abs, typeof content === 'string' ? encodeText(content) : content, mode, opts.owner);
  if (!t.ok) {
    removeDirs(createdDirs);
    return { ok: false, path: abs, code: t.code, reason: t.reason };
  }
  opts.beforePlace?.();

  try {
    if (opts.overwrite) {
      if (opts.ifUnchanged) {
        const now = lstatSync(abs, { throwIfNoEntry: false });
        if (!now || !now.isFile() || !sameFile(now, opts.ifUnchanged))
          throw Object.assign(new Error('changed'), { code: 'CHANGED' });
      }
      renameSync(t.tmp, abs);
    } else {
      placeNew(t.tmp, abs);
    }
  } catch (e) {
    try {
      unlinkSync(t.tmp);
    } catch {
      /* ignore */
    }
    removeDirs(createdDirs);
    if (errCode(e) === 'EEXIST')
      return {
        ok: false,
        path: abs,
        code: 'exists',
        reason: `${abs} already exists (created meanwhile); it was left untouched`,
      };
    if (errCode(e) === 'CHANGED')
      return {
        ok: false,
        path: abs,
        code: 'changed',
        reason: `${abs} changed on disk after it was read; it was left untouched`,
      };
    return { ok: false, path: abs, code: 'io', reason: `cannot put ${abs} in place: ${errCode(e)}` };
  }
  fsyncDir(dir);
  return { ok: true, path: abs, replaced: !!existing, createdDirs };
}

function kindOf(st: {
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (st.isSymbolicLink()) return 'a symlink';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

// ---------------------------------------------------------------------------------------------------------------
// Several files at once

export interface FileToWrite {
  readonly path: string;
  readonly content: string | Uint8Array;
  /** Default 0644. */
  readonly mode?: number;
}

export type WriteAllResult =
  | { readonly ok: true; readonly written: readonly string[]; readonly createdDirs: readonly string[] }
  | { readonly ok: false; readonly path: string; readonly code: WriteErrorCode; readonly reason: string };

/**
 * Write new files all or nothing (the socket generator's units and drop-in): every target is checked first
 * (inside `root`, not existing), then every file is written to a temporary file, then each is put in place without
 * replacing anything. If one cannot be written or put in place, the files already put in place, the temporary
 * files and the folders made for them are removed again, and nothing is left. Never throws.
 */
export function writeFilesAllOrNothing(
  files: readonly FileToWrite[],
  opts: { readonly root: string; readonly beforePlace?: (index: number) => void },
): WriteAllResult {
  const abs = files.map((f) => posix.resolve(f.path));
  const seen = new Set<string>();
  for (const p of abs) {
    if (seen.has(p)) return { ok: false, path: p, code: 'exists', reason: `${p} is named twice; nothing was written` };
    seen.add(p);
    const why = whyOutsideRoot(p, opts.root);
    if (why) return { ok: false, path: p, code: 'outside-root', reason: `${why}; nothing was written` };
    let st: ReturnType<typeof lstatSync> | undefined;
    try {
      st = lstatSync(p, { throwIfNoEntry: false });
    } catch (e) {
      return { ok: false, path: p, code: 'io', reason: `cannot look at ${p}: ${errCode(e)}; nothing was written` };
    }
    if (st) return { ok: false, path: p, code: 'exists', reason: `${p} already exists; nothing was written` };
  }
  const createdDirs: string[] = [];
  const temps: { tmp: string; ino: number; target: string }[] = [];
  const placed: { target: string; ino: number }[] = [];
  const undo = (): void => {
    for (const p of placed) {
      // Remove only what is still our file (same inode as our temporary file), never someone else's.
      try {
        const st = lstatSync(p.target, { throwIfNoEntry: false });
        if (st && st.ino === p.ino) unlinkSync(p.target);
      } catch {
        /* ignore */
      }
    }
    for (const t of temps)
      try {
        unlinkSync(t.tmp);
      } catch {
        /* placed by rename, or gone */
      }
    removeDirs(createdDirs);
  };
  for (const p of abs) {
    const made = makeParents(dirname(p));
    if (!made.ok) {
      undo();
      return { ok: false, path: p, code: made.code, reason: `${made.reason}; nothing was written` };
    }
    createdDirs.push(...made.created);
    const why = whyOutsideRoot(p, opts.root);
    if (why) {
      undo();
      return { ok: false, path: p, code: 'outside-root', reason: `${why}; nothing was written` };
    }
  }
  for (const d of new Set(abs.map((p) => dirname(p)))) cleanStaleTempFiles(d);
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const t = writeTemp(
      abs[i]!,
      typeof f.content === 'string' ? encodeText(f.content) : f.content,
      f.mode ?? 0o644,
      undefined,
    );
    if (!t.ok) {
      undo();
      return { ok: false, path: abs[i]!, code: t.code, reason: `${t.reason}; nothing was written` };
    }
    temps.push({ tmp: t.tmp, ino: t.ino, target: abs[i]! });
  }
  for (let i = 0; i < temps.length; i++) {
    const t = temps[i]!;
    try {
      opts.beforePlace?.(i);
      placeNew(t.tmp, t.target);
      placed.push({ target: t.target, ino: t.ino });
    } catch (e) {
      undo();
      const c = errCode(e);
      if (c === 'EEXIST')
        return {
          ok: false,
          path: t.target,
          code: 'exists',
          reason: `${t.target} was created meanwhile; nothing was written`,
        };
      return {
        ok: false,
        path: t.target,
        code: writeErrCode(c),
        reason: `cannot put ${t.target} in place: ${c}; nothing was written`,
      };
    }
  }
  for (const d of new Set(abs.map((p) => dirname(p)))) fsyncDir(d);
  return { ok: true, written: abs, createdDirs };
}

// ---------------------------------------------------------------------------------------------------------------
// Printed commands

/** What planWrite needs to know about the file system (injectable for tests; the default asks the real one). */
export interface WriteProbe {
  exists(path: string): boolean;
  isDir(path: string): boolean;
  /** May this process create or replace entries in this existing folder (or write this existing file)? */
  canWrite(path: string): boolean;
}

export const realProbe: WriteProbe = {
  exists: (p) => existsSync(p),
  isDir: (p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  },
  canWrite: (p) => {
    try {
      accessSync(p, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
};

export interface PlanOptions {
  readonly probe?: WriteProbe;
  /** The manager to reload afterwards (default: system for paths outside $HOME, else user). */
  readonly scope?: Scope;
  /**
   * Where the content is staged for the commands: pass the path staging.ts made (a private, checked folder). The
   * default is only an unpredictable name in $TMPDIR, not a checked staging.
   */
  readonly stagePath?: string;
  /** Plan a replacement of an existing file (default false: an existing file is reported, not replaced). */
  readonly overwrite?: boolean;
  /** The folder the target must stay inside (see WriteOptions.root). */
  readonly root?: string;
  /** The mode the install command sets (default 0644; keep the original's when replacing). */
  readonly mode?: number;
  /** The owner the install command sets (keep the original's when replacing). */
  readonly owner?: { readonly uid: number; readonly gid: number };
}

export type WritePlan =
  | { readonly ok: true; readonly status: 'ok'; readonly path: string; readonly createsDirs: readonly string[] }
  | { readonly ok: false; readonly status: 'exists'; readonly path: string; readonly reason: string }
  | { readonly ok: false; readonly status: 'outsideRoot'; readonly path: string; readonly reason: string }
  | {
      readonly ok: false;
      readonly status: 'notWritable';
      readonly notWritable: true;
      readonly path: string;
      readonly reason: string;
      /** Write `content` here first (the caller does, e.g. with writeFileAtomic). */
      readonly stagePath: string;
      readonly content: string;
      /** The commands, one per step. */
      readonly commands: readonly string[];
      /** The same, joined with && for one paste. */
      readonly shell: string;
    };

/** Quote for a POSIX shell when needed: single quotes, a ' inside becomes '\''. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A command line from words, each quoted for a POSIX shell. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

const sudoFor = (scope: Scope | undefined): string[] => (scope === 'user' ? [] : ['sudo']);

/** `sudo install -D -m 0644 -- STAGE TARGET` (no sudo for the user manager), every path quoted. */
export function installCommand(
  stagePath: string,
  target: string,
  opts: {
    readonly scope?: Scope;
    readonly mode?: number;
    readonly owner?: { readonly uid: number; readonly gid: number };
  } = {},
): string {
  const mode = (opts.mode ?? 0o644).toString(8).padStart(4, '0');
  const owner = opts.owner ? ['-o', String(opts.owner.uid), '-g', String(opts.owner.gid)] : [];
  return shellCommand([...sudoFor(opts.scope), 'install', '-D', '-m', mode, ...owner, '--', stagePath, target]);
}

/** `sudo rm -- PATH` (no sudo for the user manager), the path quoted. */
export function removeCommand(path: string, scope: Scope = 'system'): string {
  return shellCommand([...sudoFor(scope), 'rm', '--', path]);
}

/**
 * `sudo systemctl ARGS -- UNITS` or `systemctl --user ARGS -- UNITS`: every word quoted, and `--` before the unit
 * names so that a name starting with '-' stays a name.
 */
export function systemctlCommand(scope: Scope, args: readonly string[], units: readonly string[]): string {
  const head = scope === 'user' ? ['systemctl', '--user'] : ['sudo', 'systemctl'];
  return shellCommand([...head, ...args, ...(units.length ? ['--', ...units] : [])]);
}

/** `sudo systemctl daemon-reload` or `systemctl --user daemon-reload`. */
export function daemonReloadCommand(scope: Scope): string {
  return systemctlCommand(scope, ['daemon-reload'], []);
}

/** Can we write `path` ourselves? If not, the exact commands that install it (sudo install … && daemon-reload). */
export function planWrite(path: string, content: string, opts: PlanOptions = {}): WritePlan {
  const probe = opts.probe ?? realProbe;
  const abs = posix.resolve(path);
  if (opts.root !== undefined) {
    const why = whyOutsideRoot(abs, opts.root);
    if (why) return { ok: false, status: 'outsideRoot', path: abs, reason: `${why}; nothing will be written there` };
  }
  if (probe.exists(abs) && !opts.overwrite) {
    return {
      ok: false,
      status: 'exists',
      path: abs,
      reason: `${abs} already exists; merge into it (mergeIntoDropInFile) or choose another name`,
    };
  }
  const createsDirs: string[] = [];
  let d = dirname(abs);
  while (!probe.exists(d) && d !== dirname(d)) {
    createsDirs.unshift(d);
    d = dirname(d);
  }
  const writable = probe.isDir(d) && probe.canWrite(d) && (!probe.exists(abs) || probe.canWrite(abs));
  if (writable) return { ok: true, status: 'ok', path: abs, createsDirs };

  const home = process.env.HOME;
  const scope = opts.scope ?? (home && abs.startsWith(home + '/') ? 'user' : 'system');
  // Without a staging from staging.ts, at least never a name another user can guess and plant in advance.
  const stagePath = opts.stagePath ?? join(tmpdir(), `systemd-units-${randomBytes(8).toString('hex')}`, basename(abs));
  const commands = [
    installCommand(stagePath, abs, { scope, mode: opts.mode, owner: opts.owner }),
    daemonReloadCommand(scope),
  ];
  return {
    ok: false,
    status: 'notWritable',
    notWritable: true,
    path: abs,
    reason: `${probe.exists(d) ? d : abs} is not writable by this process`,
    stagePath,
    content,
    commands,
    shell: commands.join(' && '),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Merging into an existing drop-in file

export interface DropInForMerge {
  readonly path: string;
  /** Decoded losslessly (bytes.ts): invalid UTF-8 and Latin-1 bytes come back unchanged when encoded. */
  readonly text: string;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly identity: FileIdentity;
}

export type ReadForMergeResult =
  | ({ readonly ok: true } & DropInForMerge)
  | {
      readonly ok: false;
      readonly path: string;
      readonly code: 'missing' | 'not-a-file' | 'unreadable' | 'outside-root';
      readonly reason: string;
    };

/**
 * Read an existing drop-in to merge into it. A file that cannot be read is never taken as empty: a symlink, a FIFO,
 * a folder, a device, a file over MAX_UNIT_BYTES, a permission problem, or a path leading out of `root` comes back
 * with the reason. Opened with O_NONBLOCK | O_NOFOLLOW, so a FIFO never blocks.
 */
export function readDropInForMerge(path: string, opts: { readonly root?: string } = {}): ReadForMergeResult {
  const abs = posix.resolve(path);
  if (opts.root !== undefined) {
    const why = whyOutsideRoot(abs, opts.root);
    if (why) return { ok: false, path: abs, code: 'outside-root', reason: `${why}; it was left untouched` };
  }
  let st: ReturnType<typeof lstatSync> | undefined;
  try {
    st = lstatSync(abs, { throwIfNoEntry: false });
  } catch (e) {
    return { ok: false, path: abs, code: 'unreadable', reason: `cannot look at ${abs}: ${errCode(e)}` };
  }
  if (!st) return { ok: false, path: abs, code: 'missing', reason: `${abs} does not exist (any more)` };
  if (!st.isFile())
    return {
      ok: false,
      path: abs,
      code: 'not-a-file',
      reason: `${abs} is ${kindOf(st)}, not a drop-in that can be merged into; it was left untouched`,
    };
  const r = readTextFileSafe(abs, { maxBytes: MAX_UNIT_BYTES });
  if (!r.ok) {
    const code =
      r.skipped === 'missing'
        ? 'missing'
        : r.skipped === 'not-a-regular-file' || r.skipped === 'directory'
          ? 'not-a-file'
          : 'unreadable';
    return { ok: false, path: abs, code, reason: `cannot merge into ${abs}: ${r.reason}; it was left untouched` };
  }
  const s = r.stat;
  if (!s || r.realPath !== abs)
    return {
      ok: false,
      path: abs,
      code: 'not-a-file',
      reason: `${abs} changed while it was read; it was left untouched`,
    };
  return {
    ok: true,
    path: abs,
    text: r.text,
    mode: s.mode & 0o7777,
    uid: s.uid,
    gid: s.gid,
    identity: { dev: s.dev, ino: s.ino, size: s.size, mtimeMs: s.mtimeMs },
  };
}

export type MergeFileResult =
  | ({ readonly ok: true; readonly path: string; readonly text: string; readonly changed: boolean } & Omit<
      MergeResult,
      'text'
    >)
  | {
      readonly ok: false;
      readonly path: string;
      readonly code: WriteErrorCode | 'missing' | 'unreadable';
      readonly reason: string;
    };

/**
 * "Merge into it": add assignments to an existing drop-in on disk, keeping its lines, comments, bytes, mode and
 * owner, or refuse with the reason (see readDropInForMerge). The file is replaced atomically, and only if it is
 * still the version that was read. A folder that is not writable comes back as `not-writable`: plan the install
 * with planWrite(path, text, { overwrite: true, mode, owner }) from readDropInForMerge.
 */
export function mergeIntoDropInFile(
  path: string,
  newAssignments: string | readonly DropInAssignment[],
  opts: { readonly root?: string } = {},
): MergeFileResult {
  const r = readDropInForMerge(path, opts);
  if (!r.ok) return r;
  const merged = mergeIntoExistingDropIn(r.text, newAssignments);
  if (merged.text === r.text)
    return { ok: true, path: r.path, text: r.text, changed: false, updated: merged.updated, appended: merged.appended };
  const w = writeFileAtomic(r.path, merged.text, {
    overwrite: true,
    mode: r.mode,
    owner: { uid: r.uid, gid: r.gid },
    root: opts.root,
    ifUnchanged: r.identity,
  });
  if (!w.ok) return w;
  return {
    ok: true,
    path: r.path,
    text: merged.text,
    changed: true,
    updated: merged.updated,
    appended: merged.appended,
  };
}

export interface MergeResult {
  readonly text: string;
  /** Lines whose value was replaced in place (single-valued settings). */
  readonly updated: readonly DropInAssignment[];
  /** Lines added. */
  readonly appended: readonly DropInAssignment[];
}

/**
 * Add assignments to an existing drop-in, keeping all its lines and comments. The result applies the new
 * assignments after the existing ones:
 * - a single-valued setting already in the file (same section) gets its last occurrence's value replaced;
 * - list settings (and anything new) are appended at the end of the section, which is created when missing.
 * `newAssignments` may be drop-in text (e.g. computeMinimalDropIn().text) or a list.
 */
export function mergeIntoExistingDropIn(
  existingText: string,
  newAssignments: string | readonly DropInAssignment[],
): MergeResult {
  const adds: DropInAssignment[] =
    typeof newAssignments === 'string' ? assignmentsOfText(newAssignments) : [...newAssignments];
  const eol = /\r\n/.test(existingText) ? '\r\n' : '\n';
  const doc = parseUnit(existingText);
  const updated: DropInAssignment[] = [];
  const appended: DropInAssignment[] = [];

  // Edits as (offset, deleteLength, insertText), applied back to front.
  const edits: { at: number; del: number; ins: string; order: number }[] = [];
  let order = 0;
  const endSections: DropInAssignment[] = [];
  const sectionAppend = new Map<number, DropInAssignment[]>(); // section index -> lines to add at its end
  const replaced = new Set<AssignmentNode>();

  for (const a of adds) {
    const secIdx = lastSectionIndex(doc.sections, a.section);
    const mode = mergeModeOf(canonicalDirective(a.section, a.key).info);
    if (secIdx >= 0 && mode === 'single' && !(sectionAppend.get(secIdx) ?? []).some((x) => x.key === a.key)) {
      const sec = doc.sections[secIdx]!;
      const last = [...sec.assignments].reverse().find((n) => n.key === a.key);
      if (last && !replaced.has(last) && !a.value.includes('\n')) {
        replaced.add(last);
        if (last.value !== a.value) {
          edits.push({
            at: last.valueSpan.start,
            del: last.valueSpan.end - last.valueSpan.start,
            ins: a.value,
            order: order++,
          });
          updated.push(a);
        }
        continue;
      }
    }
    if (secIdx >= 0) {
      let l = sectionAppend.get(secIdx);
      if (!l) sectionAppend.set(secIdx, (l = []));
      l.push(a);
    } else endSections.push(a);
    appended.push(a);
  }

  for (const [idx, list] of sectionAppend) {
    const sec = doc.sections[idx]!;
    // After the section's last assignment or header (trailing blank lines and comments stay below).
    const lastNode = doc.nodes
      .filter(
        (n) =>
          n.start >= sec.start &&
          n.end <= sec.end &&
          (n.kind === 'assignment' || n.kind === 'section' || n.kind === 'invalid'),
      )
      .pop();
    let at = lastNode ? lastNode.end : sec.end;
    let prefix = '';
    if (at > 0 && !/[\n\r]$/.test(existingText.slice(0, at))) {
      // The node ends without a line terminator (end of file): start a new line.
      prefix = eol;
    } else if (lastNode === undefined) {
      at = sec.end;
    }
    edits.push({ at, del: 0, ins: prefix + list.map((a) => `${a.key}=${a.value}${eol}`).join(''), order: order++ });
  }

  let text = existingText;
  for (const e of edits.sort((x, y) => y.at - x.at || y.order - x.order))
    text = text.slice(0, e.at) + e.ins + text.slice(e.at + e.del);

  if (endSections.length) {
    const groups = new Map<string, DropInAssignment[]>();
    for (const a of endSections) {
      const g = groups.get(a.section);
      if (g) g.push(a);
      else groups.set(a.section, [a]);
    }
    if (text.length && !/[\n\r]$/.test(text)) text += eol;
    for (const [section, list] of groups) {
      if (text.length && !/(\r?\n|\r)(\r?\n|\r)$/.test(text)) text += eol;
      text += `[${section}]${eol}${list.map((a) => `${a.key}=${a.value}${eol}`).join('')}`;
    }
  }
  return { text, updated, appended };
}

function lastSectionIndex(sections: ReturnType<typeof parseUnit>['sections'], name: string): number {
  for (let i = sections.length - 1; i >= 0; i--) if (sections[i]!.name === name) return i;
  return -1;
}

function assignmentsOfText(text: string): DropInAssignment[] {
  const out: DropInAssignment[] = [];
  for (const s of parseUnit(text).sections) {
    if (s.name === undefined) continue;
    for (const a of s.assignments) out.push({ section: s.name, key: a.key, value: a.value });
  }
  return out;
}
