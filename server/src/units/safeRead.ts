/**
 * Reading a file that someone else may have planted (a cloned repository, a shared folder) without hanging or
 * running out of memory:
 * - only regular files are read: a FIFO, a socket, a device such as /dev/zero, or a folder is skipped;
 * - files of the kernel's own file systems (/proc, /sys, …) are skipped: they claim a size of 0 and never end;
 * - the size is checked before reading, and reading stops after the cap anyway (the file may grow meanwhile);
 * - the file is opened with O_NONBLOCK | O_NOFOLLOW | O_NOCTTY on its real path, then checked again on the
 *   open descriptor, so swapping the file between the check and the read does not help;
 * - with `allowedRoots`, a path whose real location (after every symlink) is outside those folders is not read.
 *
 * Nothing here throws: a file that is not read comes back as `{ ok: false, skipped, reason }`, with a sentence
 * the caller can show as it is.
 */
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  statfsSync,
  type Stats,
} from 'node:fs';
import { posix } from 'node:path';
import { decodeBytes } from '../parser/bytes.js';

/** The largest unit file or drop-in that is read at all (systemd itself refuses lines over 1 MiB). */
export const MAX_UNIT_BYTES = 4 * 1024 * 1024;

export type SkipKind =
  | 'missing'
  | 'directory'
  /** A FIFO, a socket, a character or block device. */
  | 'not-a-regular-file'
  /** A file of /proc, /sys or another kernel file system. */
  | 'kernel-file'
  | 'too-large'
  /** Its real path leaves the folders it may be read from. */
  | 'outside-roots'
  /** Permission denied, I/O error, a symlink loop… */
  | 'unreadable';

export type SafeReadResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly bytes: Uint8Array;
      readonly realPath: string;
      readonly stat?: FileStat;
    }
  | { readonly ok: false; readonly skipped: SkipKind; readonly reason: string };

/** What the open file was (from fstat of the descriptor that was read). */
export interface FileStat {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

export type SafeCheckResult =
  | { readonly ok: true; readonly realPath: string; readonly size: number }
  | { readonly ok: false; readonly skipped: SkipKind; readonly reason: string };

export interface SafeReadOptions {
  /** Default MAX_UNIT_BYTES. */
  readonly maxBytes?: number;
  /**
   * Folders the file's real path must stay inside (symlinks are resolved first). Undefined: anywhere (still only
   * regular files of a disk file system).
   */
  readonly allowedRoots?: readonly string[];
  /** Another file system (tests, or a caller with its own view of the files). */
  readonly fs?: SafeReadFs;
}

/** The file-system side of safe reading, injectable (hierarchy.ts's memoryFs provides one for tests). */
export interface SafeReadFs {
  check(path: string, opts: { readonly maxBytes: number; readonly allowedRoots?: readonly string[] }): SafeCheckResult;
  read(path: string, opts: { readonly maxBytes: number; readonly allowedRoots?: readonly string[] }): SafeReadResult;
}

/** Magic numbers of file systems whose files are made up by the kernel (statfs(2) f_type). */
const KERNEL_FS: Record<number, string> = {
  0x9fa0: 'proc',
  0x62656572: 'sysfs',
  0x64626720: 'debugfs',
  0x74726163: 'tracefs',
  0x73636673: 'securityfs',
  0x27e0eb: 'cgroup',
  0x63677270: 'cgroup2',
  0x62656570: 'configfs',
  0xcafe4a11: 'bpf',
  0x6165676c: 'pstore',
  0xde5e81e4: 'efivarfs',
  0x65735543: 'fusectl',
  0x1cd1: 'devpts',
  0x42494e4d: 'binfmt_misc',
};
const KERNEL_PREFIXES = ['/proc/', '/sys/'];

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? String(e);
}

function why(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symlinks (or a symlink appeared while reading)';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENXIO':
      return 'it is a socket or a device without a driver';
    default:
      return code;
  }
}

/** 4194304 → "4 MiB", 6000000 → "5.7 MiB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = -1;
  do {
    v /= 1024;
    u++;
  } while (v >= 1024 && u < units.length - 1);
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}

function kindOfStats(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Is `p` equal to or below one of `roots`? Both are compared as given (resolve them first). */
export function isInsideRoots(p: string, roots: readonly string[]): boolean {
  for (const r of roots) {
    if (r === '/' || p === r || p.startsWith(r.endsWith('/') ? r : `${r}/`)) return true;
  }
  return false;
}

function realRoots(roots: readonly string[]): string[] {
  const out = new Set<string>();
  for (const r of roots) {
    const n = posix.resolve(r);
    out.add(n);
    try {
      out.add(realpathSync.native(n));
    } catch {
      /* a folder that does not exist holds nothing */
    }
  }
  return [...out];
}

function shown(path: string, real: string): string {
  return real === posix.resolve(path) ? path : `${path} (which leads to ${real})`;
}

/** The checks of readTextFileSafe without reading: is this a regular file, small enough, where it may be? */
function checkReal(path: string, maxBytes: number, allowedRoots: readonly string[] | undefined): SafeCheckResult {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch (e) {
    const c = errCode(e);
    return {
      ok: false,
      skipped: c === 'ENOENT' ? 'missing' : 'unreadable',
      reason: `${path} cannot be read: ${why(c)}`,
    };
  }
  if (allowedRoots && !isInsideRoots(real, realRoots(allowedRoots))) {
    return {
      ok: false,
      skipped: 'outside-roots',
      reason: `${path} leads to ${real}, outside the workspace and the systemd folders; it was not followed`,
    };
  }
  let st: Stats;
  try {
    st = statSync(real);
  } catch (e) {
    const c = errCode(e);
    return {
      ok: false,
      skipped: c === 'ENOENT' ? 'missing' : 'unreadable',
      reason: `${shown(path, real)} cannot be read: ${why(c)}`,
    };
  }
  if (st.isDirectory()) return { ok: false, skipped: 'directory', reason: `${shown(path, real)} is a folder` };
  if (!st.isFile())
    return {
      ok: false,
      skipped: 'not-a-regular-file',
      reason: `${shown(path, real)} is ${kindOfStats(st)}; only regular files are read`,
    };
  const kernel = kernelFs(real);
  if (kernel)
    return {
      ok: false,
      skipped: 'kernel-file',
      reason: `${shown(path, real)} is a file of the kernel's ${kernel} file system; only files on disk are read`,
    };
  if (st.size > maxBytes)
    return { ok: false, skipped: 'too-large', reason: tooLarge(shown(path, real), st.size, maxBytes) };
  return { ok: true, realPath: real, size: st.size };
}

function tooLarge(what: string, size: number | undefined, maxBytes: number): string {
  return `${what} is ${size === undefined ? 'larger than' : `${formatBytes(size)}, over`} the ${formatBytes(maxBytes)} limit for unit files; it was not read`;
}

function kernelFs(real: string): string | undefined {
  if (KERNEL_PREFIXES.some((p) => real.startsWith(p))) return real.split('/')[1];
  try {
    const t = statfsSync(real).type;
    return KERNEL_FS[t];
  } catch {
    return undefined;
  }
}

function readReal(path: string, maxBytes: number, allowedRoots: readonly string[] | undefined): SafeReadResult {
  const c = checkReal(path, maxBytes, allowedRoots);
  if (!c.ok) return c;
  const real = c.realPath;
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO put here after the check returns at once instead of waiting for a writer.
    // O_NOFOLLOW: the real path has no symlink left; one appearing now is refused (ELOOP).
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW | constants.O_NOCTTY);
    const st = fstatSync(fd);
    if (!st.isFile())
      return {
        ok: false,
        skipped: 'not-a-regular-file',
        reason: `${shown(path, real)} is ${kindOfStats(st)}; only regular files are read`,
      };
    if (st.size > maxBytes)
      return { ok: false, skipped: 'too-large', reason: tooLarge(shown(path, real), st.size, maxBytes) };
    // Read at most maxBytes + 1 bytes: the extra byte tells a file that grew past the cap.
    const cap = maxBytes + 1;
    const parts: Buffer[] = [];
    let total = 0;
    let want = Math.min(cap, Math.max(st.size + 1, 4096));
    while (total < cap) {
      want = Math.min(want, cap - total);
      const b = Buffer.allocUnsafe(want);
      let n: number;
      try {
        n = readSync(fd, b, 0, want, null);
      } catch (e) {
        if (errCode(e) === 'EAGAIN')
          return {
            ok: false,
            skipped: 'not-a-regular-file',
            reason: `${shown(path, real)} would block; only regular files are read`,
          };
        throw e;
      }
      if (n === 0) break;
      parts.push(n === want ? b : b.subarray(0, n));
      total += n;
      want = 1024 * 1024;
    }
    if (total > maxBytes)
      return { ok: false, skipped: 'too-large', reason: tooLarge(shown(path, real), undefined, maxBytes) };
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
    const stat: FileStat = {
      mode: st.mode,
      uid: st.uid,
      gid: st.gid,
      dev: st.dev,
      ino: st.ino,
      size: st.size,
      mtimeMs: st.mtimeMs,
    };
    return { ok: true, text: decodeBytes(bytes), bytes, realPath: real, stat };
  } catch (e) {
    const code = errCode(e);
    return {
      ok: false,
      skipped: code === 'ENOENT' ? 'missing' : 'unreadable',
      reason: `${shown(path, real)} cannot be read: ${why(code)}`,
    };
  } finally {
    if (fd !== undefined)
      try {
        closeSync(fd);
      } catch {
        /* ignore */
      }
  }
}

/** The machine's file system. */
export const realReadFs: SafeReadFs = {
  check: (p, o) => checkReal(p, o.maxBytes, o.allowedRoots),
  read: (p, o) => readReal(p, o.maxBytes, o.allowedRoots),
};

/**
 * Read a text file (decoded losslessly, bytes.ts) if it is a regular file of at most `maxBytes` (default
 * MAX_UNIT_BYTES) whose real path is inside `allowedRoots` (when given). Never blocks on a FIFO or device, never
 * reads more than the cap, never throws.
 */
export function readTextFileSafe(path: string, opts: SafeReadOptions = {}): SafeReadResult {
  const fs = opts.fs ?? realReadFs;
  try {
    return fs.read(path, { maxBytes: opts.maxBytes ?? MAX_UNIT_BYTES, allowedRoots: opts.allowedRoots });
  } catch (e) {
    return { ok: false, skipped: 'unreadable', reason: `${path} cannot be read: ${why(errCode(e))}` };
  }
}

/** The checks of readTextFileSafe without reading the contents (e.g. before offering a path to open). */
export function checkFileSafe(path: string, opts: SafeReadOptions = {}): SafeCheckResult {
  const fs = opts.fs ?? realReadFs;
  try {
    return fs.check(path, { maxBytes: opts.maxBytes ?? MAX_UNIT_BYTES, allowedRoots: opts.allowedRoots });
  } catch (e) {
    return { ok: false, skipped: 'unreadable', reason: `${path} cannot be read: ${why(errCode(e))}` };
  }
}

/**
 * For `systemd-units check` and the server: read a unit file the user named. A file over MAX_UNIT_BYTES, a FIFO,
 * a device or a kernel file comes back with one sentence saying why it was not analysed.
 */
export function readUnitFileForCheck(path: string, opts: Omit<SafeReadOptions, 'allowedRoots'> = {}): SafeReadResult {
  return readTextFileSafe(path, opts);
}

/**
 * The host's systemd folders: files found there are the administrator's own and may link anywhere; files of a
 * workspace may only lead into the workspace or into these.
 */
export function hostSystemdFolders(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = env.HOME;
  const configHome = env.XDG_CONFIG_HOME || (home ? posix.join(home, '.config') : undefined);
  const dataHome = env.XDG_DATA_HOME || (home ? posix.join(home, '.local/share') : undefined);
  const out = [
    '/etc/systemd',
    '/run/systemd',
    '/usr/lib/systemd',
    '/lib/systemd',
    '/usr/local/lib/systemd',
    '/usr/share/systemd',
    '/usr/local/share/systemd',
    '/etc/xdg/systemd',
  ];
  if (configHome) out.push(posix.join(configHome, 'systemd'));
  if (dataHome) out.push(posix.join(dataHome, 'systemd'));
  for (const d of (env.XDG_CONFIG_DIRS || '').split(':').filter((x) => x.startsWith('/')))
    out.push(posix.join(d, 'systemd'));
  for (const d of (env.XDG_DATA_DIRS || '').split(':').filter((x) => x.startsWith('/')))
    out.push(posix.join(d, 'systemd'));
  if (env.XDG_RUNTIME_DIR?.startsWith('/')) out.push(posix.join(env.XDG_RUNTIME_DIR, 'systemd'));
  return [...new Set(out)];
}
