/**
 * Unit search paths in precedence order (systemd.unit(5) "Unit File Load Path"; systemd-facts.md §7.1).
 * Only the folders an editor can read are listed (no transient or generator folders under /run/user).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export type Scope = 'system' | 'user';

export interface SearchPath {
  readonly dir: string;
  /** Vendor folders hold files shipped by packages: edit them through drop-ins. */
  readonly vendor: boolean;
}

export function systemSearchPaths(root = '/'): SearchPath[] {
  const r = (p: string): string => join(root, p);
  return [
    { dir: r('etc/systemd/system.control'), vendor: false },
    { dir: r('run/systemd/system.control'), vendor: false },
    { dir: r('run/systemd/transient'), vendor: false },
    { dir: r('run/systemd/generator.early'), vendor: false },
    { dir: r('etc/systemd/system'), vendor: false },
    { dir: r('etc/systemd/system.attached'), vendor: false },
    { dir: r('run/systemd/system'), vendor: false },
    { dir: r('run/systemd/system.attached'), vendor: false },
    { dir: r('run/systemd/generator'), vendor: false },
    { dir: r('usr/local/lib/systemd/system'), vendor: true },
    { dir: r('lib/systemd/system'), vendor: true },
    { dir: r('usr/lib/systemd/system'), vendor: true },
    { dir: r('run/systemd/generator.late'), vendor: false },
  ];
}

export function userSearchPaths(root = '/', env: NodeJS.ProcessEnv = process.env): SearchPath[] {
  const home = env.HOME || homedir();
  const configHome = env.XDG_CONFIG_HOME || join(home, '.config');
  const dataHome = env.XDG_DATA_HOME || join(home, '.local/share');
  const configDirs = (env.XDG_CONFIG_DIRS || '/etc/xdg').split(':').filter(Boolean);
  const dataDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter(Boolean);
  const runtime = env.XDG_RUNTIME_DIR;
  const r = (p: string): string => join(root, p);
  const out: SearchPath[] = [
    { dir: r(join(configHome, 'systemd/user.control')), vendor: false },
    ...(runtime
      ? [
          { dir: r(join(runtime, 'systemd/user.control')), vendor: false },
          { dir: r(join(runtime, 'systemd/transient')), vendor: false },
        ]
      : []),
    { dir: r(join(configHome, 'systemd/user')), vendor: false },
    ...configDirs.map((d) => ({ dir: r(join(d, 'systemd/user')), vendor: false })),
    { dir: r('etc/systemd/user'), vendor: false },
    ...(runtime ? [{ dir: r(join(runtime, 'systemd/user')), vendor: false }] : []),
    { dir: r('run/systemd/user'), vendor: false },
    { dir: r(join(dataHome, 'systemd/user')), vendor: false },
    ...dataDirs.map((d) => ({ dir: r(join(d, 'systemd/user')), vendor: true })),
    { dir: r('usr/local/lib/systemd/user'), vendor: true },
    { dir: r('usr/lib/systemd/user'), vendor: true },
  ];
  return out;
}

/**
 * The root a unit path lives under and its scope: `/etc/systemd/system/x.service` → root `/`; a workspace folder that
 * mirrors a root (`/repo/usr/lib/systemd/system/x.service`) → root `/repo`. Undefined outside unit folders.
 */
export function unitPathRoot(path: string): { root: string; scope: Scope } | undefined {
  const m =
    /^(.*?)\/(?:etc|run|usr\/local\/lib|usr\/lib|lib|usr\/share|usr\/local\/share)\/systemd\/(system|user)\//.exec(
      path,
    );
  return m ? { root: m[1] || '/', scope: m[2] === 'user' ? 'user' : 'system' } : undefined;
}
