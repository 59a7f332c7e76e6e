/**
 * The podman version of the machine the editor or the CLI runs on, for the Quadlet target `systemd.podmanVersion`
 * `auto`: `podman --version` ("podman version 5.8.2"). Undefined where podman is not installed; the caller then takes
 * the newest release the Quadlet data knows.
 */
import { spawnSync } from 'node:child_process';
import { BoundedCache } from '../util/cache.js';

/** "podman version 5.8.2" → "5.8.2"; "podman version 4.3.1" → "4.3.1". */
export function parsePodmanVersion(text: string): string | undefined {
  const m = /^podman(?:\.exe)? version (\d+)\.(\d+)(?:\.(\d+))?/m.exec(text);
  return m ? `${Number(m[1])}.${Number(m[2])}.${Number(m[3] ?? 0)}` : undefined;
}

const cache = new BoundedCache<string, string | undefined>({ max: 2, ttlMs: 10 * 60 * 1000 });

/** The local podman's version, or undefined where this machine has none. Remembered for ten minutes. */
export function localPodmanVersion(): string | undefined {
  return cache.get('local', () => {
    try {
      const r = spawnSync('podman', ['--version'], {
        timeout: 3000,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        windowsHide: true,
        env: { ...process.env, LC_ALL: 'C' },
      });
      return r.status === 0 ? parsePodmanVersion(r.stdout ?? '') : undefined;
    } catch {
      return undefined;
    }
  });
}
