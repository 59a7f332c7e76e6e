/**
 * Issue 10, "Done means": every CLI writer, run in a workspace that mirrors a root, changes nothing outside the
 * workspace and leaves every vendor file byte-identical. The CLI's only writer is `sockets-from-strace --out`; the
 * other subcommands print. Each is run here, and the host's systemd folders and the workspace's vendor files are
 * compared (path, size, mtime, hash) before and after.
 */
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../server/src/cli.js';

function snapshot(dirs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (p: string, depth: number): void => {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (depth > 6) return;
      out.set(p, `dir ${st.mtimeMs}`);
      let names: string[];
      try {
        names = readdirSync(p);
      } catch {
        return;
      }
      for (const n of names) walk(join(p, n), depth + 1);
    } else if (st.isFile()) {
      out.set(p, `${st.size} ${st.mtimeMs} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    } else out.set(p, `other ${st.mtimeMs}`);
  };
  for (const d of dirs) walk(d, 0);
  return out;
}

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

describe('CLI writers in a root-mirror workspace', () => {
  it('write only inside the workspace, and never change a vendor file', () => {
    const ws = mkdtempSync(join(tmpdir(), 'sdu-cliws-'));
    mkdirSync(join(ws, 'usr/lib/systemd/system'), { recursive: true });
    mkdirSync(join(ws, 'etc/systemd/system'), { recursive: true });
    writeFileSync(
      join(ws, 'usr/lib/systemd/system/mosquitto.service'),
      '[Service]\nExecStart=/usr/sbin/mosquitto -c /etc/mosquitto/mosquitto.conf\nRestart=on-failure\n',
    );
    writeFileSync(join(ws, 'etc/systemd/system.conf'), '[Manager]\nRuntimeWatchdogSec=off\n');
    const log = join(ws, 'mosquitto.trace');
    cpSync(join(__dirname, 'socketActivation/logs/mosquitto-f.log'), log);
    const host = [
      '/etc/systemd',
      '/lib/systemd/system',
      '/usr/lib/systemd/system',
      '/run/systemd/system',
      join(homedir(), '.config/systemd'),
    ].filter((d) => existsSync(d));
    const vendor = [join(ws, 'usr/lib/systemd/system')];
    const before = { host: snapshot(host), vendor: snapshot(vendor) };

    const out = join(ws, 'etc/systemd/system');
    expect(run(['sockets-from-strace', log, '--service', 'mosquitto', '--out', out]).code).toBe(0);
    expect(run(['effective', 'mosquitto.service', '--root', ws]).code).toBe(0);
    expect(
      run([
        'dropin',
        '--base',
        join(ws, 'usr/lib/systemd/system/mosquitto.service'),
        '--target',
        join(ws, 'usr/lib/systemd/system/mosquitto.service'),
      ]).code,
    ).toBe(0);
    expect([0, 1]).toContain(run(['check', ws]).code);

    expect(existsSync(join(out, 'mosquitto.service.d/50-socket-activation.conf'))).toBe(true);
    expect(snapshot(vendor)).toEqual(before.vendor);
    expect(snapshot(host)).toEqual(before.host);
  });
});
