/**
 * Where a write goes: the one place that decides which folders a command (VS Code, the language server, the CLI)
 * may write into, in which order they are offered, and which of them needs an explicit, confirmed choice.
 *
 * Rules:
 * - A workspace folder "mirrors a root" when it holds `etc/systemd/system/`, `usr/lib/systemd/system/` (or their
 *   `lib/`, `usr/local/lib/`, user-scope and `system.conf` counterparts), or when the document acted on sits under
 *   such a mirror. Targets inside a mirror come first, the document's own root before the others.
 * - The default is the first target that is inside a workspace folder and is not the live system. When there is
 *   none, there is no default: the caller asks.
 * - A target on the live system (root `/`, or the user's own configuration folders) or outside every workspace
 *   folder is never the default. It needs an explicit choice and a modal confirmation naming the full path; the
 *   confirmation says so when the process runs as root, because then nothing else stands between the click and the
 *   running system.
 * - Nothing here hard-codes a target: a manager drop-in (the watchdog's `system.conf.d/`) is derived from the root
 *   of the open `system.conf`, a unit drop-in from the root of the unit, a dialect's drop-in (`journald.conf.d/`,
 *   `foo.network.d/`) from the root of its file, in the first (highest-precedence, /etc) of the dialect's folders.
 *
 * Pure: the file system and the environment are injected.
 */
import { posix } from 'node:path';
import type { Scope } from './searchPaths.js';

const { join, dirname, normalize, relative, isAbsolute } = posix;

/** What a write target needs to know about the file system (`safeWrite.realProbe` fits). */
export interface WriteTargetFs {
  exists(path: string): boolean;
  isDir(path: string): boolean;
  /** May this process create entries in this existing folder? */
  canWrite(path: string): boolean;
}

export interface WriteTargetEnv {
  readonly HOME?: string;
  readonly XDG_CONFIG_HOME?: string;
}

/** The kind of write. */
export type WriteKind =
  /** A drop-in of one unit (Create Override, Move to Drop-in, Convert Full Copy): `<unit folder>/<unit>.d/`. */
  | { readonly kind: 'unitDropIn'; readonly unit: string }
  /** A drop-in of the manager (`system.conf.d/`, `user.conf.d/`), e.g. the hardware watchdog. */
  | { readonly kind: 'managerDropIn' }
  /** New unit files and drop-ins relative to the unit folder (socket units + the service drop-in from strace). */
  | { readonly kind: 'unitFiles' }
  /**
   * A drop-in of another dialect's file (journald.conf, foo.network…): `<root>/<dirs[0]>/<name>.d/`. `dirs` are the
   * dialect's folders relative to a root, highest precedence first (catalog/dialects.ts `searchDirs`, e.g.
   * `etc/systemd/network` first): the first is the one an administrator writes. The document's root is the one whose
   * folder holds the document (its main file, or a drop-in of it). A file outside those folders (no `dirs`, or a
   * copy elsewhere in the workspace) gets its drop-in folder next to it.
   */
  | { readonly kind: 'configDropIn'; readonly name: string; readonly dirs: readonly string[] };

export interface WriteTargetRequest {
  /** The document or unit file acted on (absolute path), when there is one. */
  readonly documentPath?: string;
  /** Workspace folders (absolute paths), in the editor's order. */
  readonly workspaceFolders: readonly string[];
  readonly write: WriteKind;
  readonly scope: Scope;
  readonly fs: WriteTargetFs;
  readonly env?: WriteTargetEnv;
}

export interface WriteTarget {
  /** The folder the files go into (absolute, normalised). */
  readonly folder: string;
  /** The folder that mirrors `/` this target belongs to (`/` for the live system). */
  readonly root: string;
  /** The root of the document acted on: the document decides, no picker is needed. */
  readonly ofDocument: boolean;
  /** Inside one of the workspace folders. */
  readonly insideWorkspace: boolean;
  /** The workspace folder it is inside, if any. */
  readonly workspaceFolder?: string;
  /** The live system: the machine's own configuration, read by the running systemd. */
  readonly live: boolean;
  /** The nearest existing folder is not writable by this process (the write will be staged for `sudo install`). */
  readonly needsPrivileges: boolean;
  /** Preselected: inside the workspace and not live. At most one target has it, the first. */
  readonly isDefault: boolean;
  /** Needs an explicit choice and a modal confirmation naming the path (live, or outside the workspace). */
  readonly needsConfirmation: boolean;
  /** Why it is offered, for a picker ("the workspace mirror this file belongs to", "this machine"). */
  readonly description: string;
}

export interface WriteTargets {
  readonly targets: readonly WriteTarget[];
  /** The default target, if any (the first target when it is inside the workspace and not live). */
  readonly defaultTarget?: WriteTarget;
  /** Why no target could be offered, when `targets` is empty. */
  readonly reason?: string;
}

// ---------------------------------------------------------------------------------------------------------------

/** Folders whose presence makes a folder a mirror of `/`, per scope. */
const MIRROR_MARKERS: Record<Scope, readonly string[]> = {
  system: [
    'etc/systemd/system',
    'usr/lib/systemd/system',
    'lib/systemd/system',
    'usr/local/lib/systemd/system',
    'etc/systemd/system.conf',
  ],
  user: ['etc/systemd/user', 'usr/lib/systemd/user', 'usr/local/lib/systemd/user', 'etc/systemd/user.conf'],
};

/** Folders of a root a path may sit under for it to belong to that root (units, drop-ins, manager config). */
const ROOTED_PATH =
  /^(.*?)\/(?:etc|run|usr\/local\/lib|usr\/lib|lib|usr\/share|usr\/local\/share)\/systemd\/(system|user)(?:\/|\.conf$|\.conf\.d\/)/;

/**
 * The root of a dialect file or of one of its drop-ins: `/ws/etc/systemd/network/foo.network` or
 * `/ws/etc/systemd/network/foo.network.d/x.conf` → `/ws` (dir `etc/systemd/network`). Undefined when the path is in
 * none of `dirs` (the first fitting folder of the list wins, so `usr/lib/…` is taken before `lib/…`).
 */
export function rootOfConfigPath(
  path: string,
  name: string,
  dirs: readonly string[],
): { root: string; dir: string } | undefined {
  const p = normalize(path);
  for (const d of dirs) {
    for (const tail of [`/${d}/${name}`, `/${d}/${name}.d/`]) {
      const i = tail.endsWith('/') ? p.lastIndexOf(tail) : p.endsWith(tail) ? p.length - tail.length : -1;
      if (i < 0 || (tail.endsWith('/') && p.indexOf('/', i + tail.length) >= 0)) continue;
      return { root: p.slice(0, i) || '/', dir: d };
    }
  }
  return undefined;
}

/** The folder a dialect file (or its drop-in) sits in when it is in none of the dialect's folders. */
function configFolderOf(path: string, name: string): string {
  const p = normalize(path);
  const dir = dirname(p);
  return posix.basename(dir) === `${name}.d` ? dirname(dir) : dir;
}

/** Is `path` equal to or below `folder`? */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(normalize(folder), normalize(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The root a systemd path belongs to and its scope: `/ws/etc/systemd/system.conf` → `/ws`, system. */
export function rootOfSystemdPath(path: string): { root: string; scope: Scope } | undefined {
  const m = ROOTED_PATH.exec(normalize(path));
  if (!m) return undefined;
  return { root: m[1] || '/', scope: m[2] === 'user' ? 'user' : 'system' };
}

/** Does `folder` mirror a root for this scope (it holds one of the systemd folders of a root)? */
export function mirrorsRoot(folder: string, scope: Scope, fs: WriteTargetFs): boolean {
  return MIRROR_MARKERS[scope].some((m) => fs.exists(join(folder, m)));
}

/** Folders of the workspace that mirror a root, in the workspace's order. */
export function mirrorRoots(workspaceFolders: readonly string[], scope: Scope, fs: WriteTargetFs): string[] {
  return workspaceFolders.map((f) => normalize(f)).filter((f) => mirrorsRoot(f, scope, fs));
}

/** The folder for a write of `kind` under `root` (a mirror, or `/`). Undefined when the environment lacks a home. */
export function folderFor(root: string, write: WriteKind, scope: Scope, env: WriteTargetEnv = {}): string | undefined {
  if (write.kind === 'configDropIn')
    return write.dirs.length ? join(root, write.dirs[0]!, `${write.name}.d`) : undefined;
  const live = root === '/';
  let unitDir: string;
  if (scope === 'system') unitDir = join(root, 'etc/systemd/system');
  else if (!live) unitDir = join(root, 'etc/systemd/user');
  else {
    const configHome = env.XDG_CONFIG_HOME || (env.HOME ? join(env.HOME, '.config') : undefined);
    if (!configHome) return undefined;
    unitDir = join(configHome, 'systemd/user');
  }
  switch (write.kind) {
    case 'unitDropIn':
      return join(unitDir, `${write.unit}.d`);
    case 'unitFiles':
      return unitDir;
    case 'managerDropIn':
      return join(root, 'etc/systemd', scope === 'system' ? 'system.conf.d' : 'user.conf.d');
  }
}

/** The nearest existing ancestor of `path` (itself when it exists). */
function nearestExisting(path: string, fs: WriteTargetFs): string {
  let d = path;
  while (!fs.exists(d) && d !== dirname(d)) d = dirname(d);
  return d;
}

/** Would writing into `folder` need privileges this process lacks? */
export function needsPrivileges(folder: string, fs: WriteTargetFs): boolean {
  const d = nearestExisting(folder, fs);
  return !(fs.isDir(d) && fs.canWrite(d));
}

/**
 * The candidate target folders for a write, in the order to offer them, with the default first (when there is one).
 * See the module comment for the rules.
 */
export function writeTargets(req: WriteTargetRequest): WriteTargets {
  const { fs, scope, write } = req;
  const env = req.env ?? {};
  const workspace = req.workspaceFolders.map((f) => normalize(f));
  const roots: string[] = [];
  const add = (r: string): void => {
    const n = normalize(r);
    if (!roots.includes(n)) roots.push(n);
  };
  if (write.kind === 'configDropIn') return configWriteTargets(req, workspace);

  // 1. The root the document belongs to (a mirror, or the live system).
  const docRoot = req.documentPath ? rootOfSystemdPath(req.documentPath) : undefined;
  if (docRoot && docRoot.root !== '/') add(docRoot.root);
  // 2. The workspace's other mirrors.
  for (const r of mirrorRoots(workspace, scope, fs)) add(r);
  // 3. For new unit files only: a workspace folder that does not mirror a root yet may become one.
  if (write.kind === 'unitFiles' && !roots.some((r) => workspace.some((w) => isInside(r, w))))
    for (const w of workspace) add(w);
  // 4. The live system, last.
  add('/');

  const targets: WriteTarget[] = [];
  let hadDefault = false;
  for (const root of roots) {
    const folder = folderFor(root, write, scope, env);
    if (!folder) continue;
    const live = root === '/';
    const ws = workspace.find((w) => isInside(folder, w));
    const insideWorkspace = ws !== undefined;
    const isDefault = !hadDefault && insideWorkspace && !live;
    if (isDefault) hadDefault = true;
    const description = live
      ? scope === 'user'
        ? 'your user configuration on this machine (live)'
        : "this machine's live configuration"
      : docRoot && docRoot.root === root
        ? `the ${insideWorkspace ? 'workspace ' : ''}mirror this file belongs to`
        : insideWorkspace
          ? `in workspace folder ${ws}`
          : 'a mirror outside the workspace';
    targets.push({
      folder,
      root,
      ofDocument: docRoot?.root === root,
      insideWorkspace,
      workspaceFolder: ws,
      live,
      needsPrivileges: needsPrivileges(folder, fs),
      isDefault,
      needsConfirmation: live || !insideWorkspace,
      description,
    });
  }
  // The default first; the others keep their order.
  targets.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  if (!targets.length)
    return { targets, reason: 'neither XDG_CONFIG_HOME nor HOME is set, so the user configuration folder is unknown' };
  return { targets, defaultTarget: targets.find((t) => t.isDefault) };
}

/**
 * A dialect's drop-in: the document's own root first (a workspace mirror, or the live system), then the workspace's
 * other mirrors (a folder holding one of the dialect's folders or a unit mirror marker), the live system last. A
 * file outside the dialect's folders gets one target: the `NAME.d/` folder next to it.
 */
function configWriteTargets(req: WriteTargetRequest, workspace: readonly string[]): WriteTargets {
  const write = req.write as Extract<WriteKind, { kind: 'configDropIn' }>;
  const { fs } = req;
  const make = (
    folder: string,
    root: string,
    ofDocument: boolean,
    description: string,
  ): Omit<WriteTarget, 'isDefault'> => {
    const live = root === '/';
    const ws = workspace.find((w) => isInside(folder, w));
    return {
      folder,
      root,
      ofDocument,
      insideWorkspace: ws !== undefined,
      workspaceFolder: ws,
      live,
      needsPrivileges: needsPrivileges(folder, fs),
      needsConfirmation: live || ws === undefined,
      description,
    };
  };
  const found: Omit<WriteTarget, 'isDefault'>[] = [];
  const docRoot = req.documentPath ? rootOfConfigPath(req.documentPath, write.name, write.dirs) : undefined;
  if (req.documentPath && !docRoot) {
    const folder = join(configFolderOf(req.documentPath, write.name), `${write.name}.d`);
    const inWs = workspace.some((w) => isInside(folder, w));
    const outside = write.dirs.length ? ' (not one of the folders its program reads)' : '';
    found.push(
      make(folder, dirname(folder), true, `next to ${write.name}${inWs ? ' in the workspace' : ''}${outside}`),
    );
  } else if (write.dirs.length) {
    const roots: string[] = [];
    const add = (r: string): void => {
      const n = normalize(r);
      if (!roots.includes(n)) roots.push(n);
    };
    if (docRoot && docRoot.root !== '/') add(docRoot.root);
    for (const w of workspace)
      if (mirrorsRoot(w, 'system', fs) || write.dirs.some((d) => fs.exists(join(w, d)))) add(w);
    add('/');
    for (const root of roots) {
      const folder = join(root, write.dirs[0]!, `${write.name}.d`);
      const inWs = workspace.find((w) => isInside(folder, w));
      const description =
        root === '/'
          ? "this machine's live configuration"
          : docRoot?.root === root
            ? `the ${inWs ? 'workspace ' : ''}mirror this file belongs to`
            : inWs
              ? `in workspace folder ${inWs}`
              : 'a mirror outside the workspace';
      found.push(make(folder, root, docRoot?.root === root, description));
    }
  }
  let hadDefault = false;
  const targets: WriteTarget[] = found.map((t) => {
    const isDefault = !hadDefault && t.insideWorkspace && !t.live;
    if (isDefault) hadDefault = true;
    return { ...t, isDefault };
  });
  targets.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  if (!targets.length) return { targets, reason: `no folder is known for drop-ins of ${write.name}` };
  return { targets, defaultTarget: targets.find((t) => t.isDefault) };
}

/**
 * The text of the modal confirmation for a target that needs one. `paths` are the files about to be written (full
 * paths); the folder is named when there are none.
 */
export function confirmationMessage(
  target: WriteTarget,
  paths: readonly string[],
  opts: { asRoot?: boolean } = {},
): string {
  const what = paths.length ? paths.join('\n') : target.folder;
  const files = paths.length > 1 ? 'these files' : 'this file';
  const question = target.live
    ? `Write ${files} to this machine's live configuration?`
    : `Write ${files} outside the workspace?`;
  const where = target.live
    ? `This is the live configuration of this machine${target.insideWorkspace ? '' : ', outside the workspace'}: systemd reads it on the next reload.`
    : 'This is outside the workspace.';
  const root = opts.asRoot
    ? '\n\nVS Code runs as root here: the files are written directly, with no password prompt in between.'
    : '';
  const priv =
    target.needsPrivileges && !opts.asRoot
      ? '\n\nThe folder is not writable by VS Code: the content is staged and you get the install command to run.'
      : '';
  return `${question}\n\n${what}\n\n${where}${root}${priv}`;
}

/** The answer that confirms the modal of `confirmationMessage`. */
export const CONFIRM_WRITE = 'Write There';

// ---------------------------------------------------------------------------------------------------------------
// Errors

/** Error codes that mean "not allowed" (as opposed to "not there", "busy", "no trash on this file system"). */
const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'NoPermissions']);

/**
 * Should a failed delete or write of `path` suggest `sudo`? Only when the error is a permission error and the
 * folder holding the file is really not writable by this process (as root, or in a writable workspace, never).
 */
export function needsSudoAdvice(path: string, errorCode: string | undefined, fs: WriteTargetFs): boolean {
  if (!errorCode || !PERMISSION_CODES.has(errorCode)) return false;
  return needsPrivileges(dirname(normalize(path)), fs);
}
