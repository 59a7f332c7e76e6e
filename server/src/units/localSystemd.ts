/**
 * The systemd version of the machine the editor or the CLI runs on, for the target version `auto`:
 * `systemctl --version` ("systemd 252 (252.38-1~deb12u1)"), else the version in the name of systemd's shared
 * library (libsystemd-shared-252.so) in the folders distributions install it to. Undefined where neither is found
 * (another OS, a container without systemd): the caller then takes the newest version the catalog knows.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { BoundedCache } from '../util/cache.js';

const LIBRARY_DIRS = [
  '/usr/lib/systemd',
  '/lib/systemd',
  '/usr/lib64/systemd',
  '/usr/lib/x86_64-linux-gnu/systemd',
  '/usr/lib/aarch64-linux-gnu/systemd',
  '/usr/lib/arm-linux-gnueabihf/systemd',
  '/usr/lib/i386-linux-gnu/systemd',
  '/usr/lib/riscv64-linux-gnu/systemd',
  '/usr/lib/powerpc64le-linux-gnu/systemd',
  '/usr/lib/s390x-linux-gnu/systemd',
];

/** "systemd 252 (252.38-1~deb12u1)" → 252. */
export function parseSystemctlVersion(text: string): number | undefined {
  const m = /^systemd (\d{2,4})\b/m.exec(text);
  return m ? Number(m[1]) : undefined;
}

function fromSystemctl(): number | undefined {
  try {
    const r = spawnSync('systemctl', ['--version'], {
      timeout: 2000,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
      env: { ...process.env, LC_ALL: 'C', SYSTEMD_PAGER: 'cat' },
    });
    return r.status === 0 ? parseSystemctlVersion(r.stdout ?? '') : undefined;
  } catch {
    return undefined;
  }
}

function fromLibrary(dirs: readonly string[]): number | undefined {
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      const m = /^libsystemd-(?:shared|core)-(\d{2,4})(?:[.-].*)?\.so$/.exec(n);
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

const cache = new BoundedCache<string, number | undefined>({ max: 2, ttlMs: 10 * 60 * 1000 });

/** The local systemd's version, or undefined where this machine has none. Remembered for ten minutes. */
export function localSystemdVersion(): number | undefined {
  return cache.get('local', () => fromSystemctl() ?? fromLibrary(LIBRARY_DIRS));
}

/** For tests: the library-name fallback over given folders. */
export function versionFromLibraryDirs(dirs: readonly string[]): number | undefined {
  return fromLibrary(dirs);
}
