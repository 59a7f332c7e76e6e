import { describe, it, expect } from 'vitest';
import {
  mkdtempSync,
  writeFileSync,
  mkdirSync,
  readFileSync,
  existsSync,
  chmodSync,
  accessSync,
  constants,
  statSync,
  rmSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../server/src/cli.js';

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

/**
 * A folder this process cannot write. A normal user gets mode 0555; root ignores mode bits (and CI runs as root),
 * so for root the folder is bind-mounted read-only onto itself, and writes fail with EROFS.
 */
function readOnlyFolder(): { dir: string; release: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sdu-ro-'));
  chmodSync(dir, 0o555);
  const remove = (): void => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  };
  let release = remove;
  if (process.getuid?.() === 0) {
    execFileSync('mount', ['--bind', '-o', 'ro', dir, dir], { stdio: 'pipe' });
    release = () => {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      remove();
    };
  }
  expect(() => accessSync(dir, constants.W_OK), `${dir} should not be writable`).toThrow();
  return { dir, release };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdu-cli-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  return dir;
}

describe('systemd-units check', () => {
  it('prints JSON findings with 1-based positions and exits 1 on errors', () => {
    const dir = tree({
      'a.service': '[Service]\nExecStrat=/bin/true\nExecStart=/bin/true\n',
      'ok.socket': '[Socket]\nListenStream=80\n',
      'notes.txt': 'ignored',
    });
    const r = run(['check', '--format', 'json', dir]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out);
    expect(findings).toEqual([
      {
        file: join(dir, 'a.service'),
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 10,
        severity: 'error',
        code: 'unknown-directive',
        message: expect.stringContaining("Did you mean 'ExecStart='"),
      },
    ]);
  });

  it('exits 0 without errors, walks drop-in folders and manager drop-ins', () => {
    const dir = tree({
      'foo.service.d/o.conf': '[Service]\nExecStart=\nExecStart=/bin/x\n',
      'system.conf.d/w.conf': '[Manager]\nRuntimeWatchdogSec=30s\n',
    });
    const r = run(['check', dir]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('2 file(s) checked: 0 error(s)');
  });

  it('exits 2 on bad usage', () => {
    expect(run(['check']).code).toBe(2);
    expect(run(['check', '--format', 'xml', '.']).code).toBe(2);
    expect(run(['check', '--target-version', 'new', '.']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('reports an unreadable path clearly and still checks the others', () => {
    const dir = tree({ 'good.service': '[Service]\nExecStart=/bin/true\n' });
    const r = run(['check', join(dir, 'missing.service'), dir]);
    expect(r.err).toContain('missing.service: no such file or folder');
    expect(r.err).toContain('1 file(s) checked');
    expect(r.code).toBe(1);
  });

  it('writes SARIF 2.1.0', () => {
    const dir = tree({ 'a.service': '[Service]\nRestart=sometimes\nExecStart=/bin/true\n' });
    const sarif = JSON.parse(run(['check', '--format', 'sarif', dir]).out);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'invalid-value', level: 'error' });
  });

  it('honours --target-version and --severity', () => {
    const dir = tree({ 'a.service': '[Service]\nExecStart=/bin/true\nRestartSteps=3\nUser=nobody\n' });
    const r = JSON.parse(
      run(['check', '--format=json', '--target-version=252', '--severity', 'user-nobody=off', dir]).out,
    );
    expect(r.map((f: { code: string }) => f.code)).toEqual(['newer-than-target']);
  });
});

describe('systemd-units sockets-from-strace', () => {
  const log = join(__dirname, 'socketActivation/logs/mosquitto-f.log');
  it('prints the files after "# file:" lines', () => {
    const r = run(['sockets-from-strace', log, '--service', 'mosquitto']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# file: mosquitto-1883-ipv4.socket\n[Unit]');
    expect(r.out).toContain('# file: mosquitto.service.d/50-socket-activation.conf');
  });

  it('writes every file into --out', () => {
    const out = mkdtempSync(join(tmpdir(), 'sdu-out-'));
    const r = run([
      'sockets-from-strace',
      log,
      '--service',
      'mosquitto.service',
      '--out',
      out,
      '--preload',
      '/opt/lib/pre.so',
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'mosquitto-8883.socket'), 'utf8')).toContain('ListenStream=');
    expect(readFileSync(join(out, 'mosquitto.service.d/50-socket-activation.conf'), 'utf8')).toContain(
      'LD_PRELOAD=/opt/lib/pre.so',
    );
  });

  it('never replaces an existing file, and then writes nothing at all (all or nothing)', () => {
    const out = mkdtempSync(join(tmpdir(), 'sdu-out-'));
    writeFileSync(join(out, 'mosquitto-8883.socket'), 'mine\n');
    const r = run([
      'sockets-from-strace',
      log,
      '--service',
      'mosquitto.service',
      '--out',
      out,
      '--preload',
      '/opt/lib/pre.so',
    ]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(out, 'mosquitto-8883.socket'), 'utf8')).toBe('mine\n');
    expect(r.err).toContain('already exists');
    expect(existsSync(join(out, 'mosquitto.service.d'))).toBe(false);
    expect(existsSync(join(out, 'mosquitto-1883-ipv4.socket'))).toBe(false);
  });

  it('hands back the install commands when the folder is not writable', () => {
    const ro = readOnlyFolder();
    try {
      const r = run(['sockets-from-strace', log, '--service', 'mosquitto', '--out', ro.dir]);
      expect(r.code).toBe(0);
      const target = join(ro.dir, 'mosquitto-8883.socket');
      // `sudo install … STAGED TARGET`: the staged copy holds the content, the target is left alone.
      const install = new RegExp(
        `sudo install\\b.* (\\S+) ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
        'm',
      ).exec(r.out);
      expect(install, r.out).not.toBeNull();
      expect(readFileSync(install![1]!, 'utf8')).toContain('ListenStream=');
      expect(r.out).toContain('sudo systemctl daemon-reload');
      expect(r.err).toContain(`${ro.dir} is not writable by this process; the files are staged in`);
      // Staged in a private folder (0700), never at a name another user could guess.
      expect(statSync(dirname(install![1]!)).mode & 0o777).toBe(0o700);
      expect(existsSync(target)).toBe(false);
    } finally {
      ro.release();
    }
  });

  it('refuses a bad service name and bad usage', () => {
    expect(run(['sockets-from-strace', log, '--service', '../../etc/passwd']).code).toBe(2);
    expect(run(['sockets-from-strace', log]).code).toBe(2);
    expect(run(['sockets-from-strace', '/nonexistent.log', '--service', 'x']).code).toBe(1);
  });
});

describe('sockets-from-strace --out into a folder that does not exist yet', () => {
  it('makes the folder the user named, then writes every file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sdu-out-new-')), 'units');
    const r = run([
      'sockets-from-strace',
      join(__dirname, 'socketActivation/logs/mosquitto-f.log'),
      '--service',
      'mosquitto',
      '--out',
      out,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(out, 'mosquitto.service.d/50-socket-activation.conf'))).toBe(true);
  });
});
