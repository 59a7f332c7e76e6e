/**
 * Staging for `sudo install`: when a target folder is not writable by this process, the content is written to a
 * private folder first and the user gets the command that installs it from there.
 *
 * The folder is made with `mkdtemp` (a random name nobody can predict or plant in advance), checked to be a real
 * folder owned by this process with mode 0700, and every staged file is created there exclusively (`O_EXCL`,
 * `O_NOFOLLOW`), then read back and compared byte for byte. Only a staging that passed all of this may be offered
 * for installation; `verifyStaged` repeats the check right before a command runs.
 *
 * (The old predictable `$TMPDIR/systemd-units-<dir>-<name>` path let another local user plant a file or a symlink
 * there, which the install command would then have copied into /etc as root.)
 */
import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { encodeText } from '../parser/bytes.js';

const { join, basename } = posix;

export interface FileToStage {
  /** Where the file is meant to go (absolute). */
  readonly target: string;
  readonly content: string | Uint8Array;
}

export interface StagedFile {
  readonly target: string;
  /** The private copy, inside `Staging.dir`. */
  readonly stagePath: string;
  readonly bytes: Uint8Array;
}

export interface Staging {
  /** The private folder (mode 0700, owned by this process). */
  readonly dir: string;
  readonly files: readonly StagedFile[];
}

export type StageResult = ({ readonly ok: true } & Staging) | { readonly ok: false; readonly reason: string };

export interface StageOptions {
  /** Where the private folder is made (default: the system's temp folder). */
  readonly tmpRoot?: string;
}

const errText = (e: unknown): string =>
  (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));

/** Is `dir` a real folder (not a symlink), owned by this process, with no access for group or others? */
function privateDirProblem(dir: string): string | undefined {
  let st;
  try {
    st = lstatSync(dir);
  } catch (e) {
    return `cannot look at ${dir}: ${errText(e)}`;
  }
  if (!st.isDirectory()) return `${dir} is not a folder`;
  if (typeof process.getuid === 'function' && st.uid !== process.getuid())
    return `${dir} belongs to another user (uid ${st.uid})`;
  if ((st.mode & 0o077) !== 0) return `${dir} is accessible to other users (mode ${(st.mode & 0o777).toString(8)})`;
  return undefined;
}

/** Read a staged file without following a symlink, and compare it with `bytes`. */
function stagedFileProblem(f: StagedFile): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(f.stagePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return `${f.stagePath} is not a regular file`;
    if (typeof process.getuid === 'function' && st.uid !== process.getuid())
      return `${f.stagePath} belongs to another user`;
    if (st.size !== f.bytes.length) return `${f.stagePath} holds ${st.size} bytes instead of ${f.bytes.length}`;
    const back = Buffer.alloc(f.bytes.length + 1);
    let off = 0;
    for (;;) {
      const n = readSync(fd, back, off, back.length - off, null);
      if (n === 0) break;
      off += n;
      if (off >= back.length) break;
    }
    if (off !== f.bytes.length || !back.subarray(0, off).equals(Buffer.from(f.bytes)))
      return `${f.stagePath} does not hold what was staged`;
    return undefined;
  } catch (e) {
    return `cannot read back ${f.stagePath}: ${errText(e)}`;
  } finally {
    if (fd !== undefined)
      try {
        closeSync(fd);
      } catch {
        /* ignore */
      }
  }
}

/** A file name inside the private folder: a number (two files may share a name) and the target's name. */
function stageName(i: number, target: string): string {
  const name = basename(target).replace(/[^A-Za-z0-9_.@:+-]/g, '_');
  return `${i + 1}-${name || 'file'}`;
}

/**
 * Stage `files` in a new private folder. Every file is read back and compared; on any problem the folder is removed
 * and the reason returned, so nothing unchecked can be offered for installation.
 */
export function stageFiles(files: readonly FileToStage[], opts: StageOptions = {}): StageResult {
  let dir: string;
  try {
    dir = mkdtempSync(join(opts.tmpRoot ?? tmpdir(), 'systemd-units-'));
    chmodSync(dir, 0o700);
  } catch (e) {
    return { ok: false, reason: `cannot make a private staging folder in ${opts.tmpRoot ?? tmpdir()}: ${errText(e)}` };
  }
  const fail = (reason: string): StageResult => {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* ignore */
    }
    return { ok: false, reason };
  };
  const dirProblem = privateDirProblem(dir);
  if (dirProblem) return fail(`the staging folder is not private: ${dirProblem}`);

  const staged: StagedFile[] = [];
  for (const [i, f] of files.entries()) {
    const bytes = typeof f.content === 'string' ? encodeText(f.content) : f.content;
    const stagePath = join(dir, stageName(i, f.target));
    let fd: number | undefined;
    try {
      fd = openSync(stagePath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      closeSync(fd);
      fd = undefined;
    } catch (e) {
      if (fd !== undefined)
        try {
          closeSync(fd);
        } catch {
          /* ignore */
        }
      return fail(`cannot stage ${f.target} in ${dir}: ${errText(e)}`);
    }
    const s: StagedFile = { target: f.target, stagePath, bytes };
    const problem = stagedFileProblem(s);
    if (problem) return fail(`staging ${f.target} failed the check: ${problem}`);
    staged.push(s);
  }
  return { ok: true, dir, files: staged };
}

/**
 * Check a staging again (right before a command installs it): the folder is still private and every file still
 * holds exactly what was staged. Returns the problem, or undefined when all is as staged.
 */
export function verifyStaged(staging: Staging): string | undefined {
  const d = privateDirProblem(staging.dir);
  if (d) return `the staging folder changed: ${d}`;
  for (const f of staging.files) {
    const p = stagedFileProblem(f);
    if (p) return p;
  }
  return undefined;
}

/** Remove a staging folder (after the install, or when the user dismissed it). */
export function discardStaging(staging: Pick<Staging, 'dir'>): void {
  try {
    rmSync(staging.dir, { recursive: true, force: true });
  } catch {
    /* ignore */
  }
}
