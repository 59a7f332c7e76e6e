import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runEffective } from '../../server/src/cli/effective.js';
import { runDropin } from '../../server/src/cli/dropin.js';
import { runIsolated } from './isolated.js';

function io(): { out: string; err: string; io: { stdout(s: string): void; stderr(s: string): void } } {
  const r = {
    out: '',
    err: '',
    io: {
      stdout: (s: string) => {
        r.out += s;
      },
      stderr: (s: string) => {
        r.err += s;
      },
    },
  };
  return r;
}

let root = '';
const put = (rel: string, text: string): void => {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cmd-'));
  put('usr/lib/systemd/system/foo.service', '[Unit]\nDescription=Foo\n\n[Service]\nExecStart=/usr/bin/foo\nNice=1\n');
  put('etc/systemd/system/foo.service.d/override.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/foo -v\n');
  put('etc/systemd/system/system.conf', '[Manager]\nLogLevel=info\n');
  put('etc/systemd/system/bar.service', '');
  mkdirSync(join(root, 'etc/systemd/system.conf.d'), { recursive: true });
  put('etc/systemd/system.conf', '[Manager]\nLogLevel=info\n');
  put('usr/lib/systemd/system.conf.d/10-x.conf', '[Manager]\nLogLevel=debug\n');
  symlinkSync('/dev/null', join(root, 'etc/systemd/system/masked.service'));
  put('units/base.service', '[Unit]\nAfter=a.service\n[Service]\nType=simple\nExecStart=/bin/a\nEnvironment=A=1\n');
  put(
    'units/target.service',
    '[Unit]\nAfter=a.service b.service\n[Service]\nType=simple\nExecStart=/bin/b\nEnvironment=A=1\nEnvironment=B=2\n',
  );
  put('units/target-less.service', '[Unit]\n[Service]\nType=simple\nExecStart=/bin/a\nEnvironment=A=1\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('systemd-units effective', () => {
  it('prints the merged unit with origins', () => {
    const r = io();
    expect(runEffective(['foo.service', '--root', root], r.io)).toBe(0);
    expect(r.out).toContain(
      `# from ${root}/etc/systemd/system/foo.service.d/override.conf:3, overrides ${root}/usr/lib/systemd/system/foo.service:5\nExecStart=/usr/bin/foo -v\n`,
    );
    expect(r.out).toContain(`#   ${root}/usr/lib/systemd/system/foo.service (vendor)`);
    expect(r.err).toBe('');
  });

  it('--files lists the hierarchy', () => {
    const r = io();
    expect(runEffective(['--files', `--root=${root}`, 'foo.service'], r.io)).toBe(0);
    expect(r.out).toBe(
      `fragment ${root}/usr/lib/systemd/system/foo.service (vendor)\ndrop-in  ${root}/etc/systemd/system/foo.service.d/override.conf\n`,
    );
  });

  it('says when a unit is masked (a link to /dev/null or an empty file)', () => {
    for (const u of ['masked.service', 'bar.service']) {
      const r = io();
      expect(runEffective([u, '--root', root], r.io)).toBe(0);
      expect(r.out).toContain('is masked by');
    }
  });

  it('takes a path to a unit file', () => {
    const r = io();
    expect(runEffective([join(root, 'units/base.service'), '--no-comments'], r.io)).toBe(0);
    expect(r.out).toContain('\nExecStart=/bin/a\n');
    expect(r.out).not.toContain('# from');
  });

  it('renders system.conf with its drop-ins', () => {
    const r = io();
    expect(runEffective(['system.conf', '--root', root], r.io)).toBe(0);
    expect(r.out).toContain(
      `# from ${root}/usr/lib/systemd/system.conf.d/10-x.conf:2, overrides ${root}/etc/systemd/system.conf:2\nLogLevel=debug\n`,
    );
  });

  it('exit 1 for an unknown unit, 2 for bad usage and bad names', () => {
    let r = io();
    expect(runEffective(['nope.service', '--root', root], r.io)).toBe(1);
    expect(r.err).toContain('no unit file found');
    r = io();
    // A path is taken as a unit file, whose name must still be a unit name: /etc/passwd is refused.
    expect(runEffective(['/etc/passwd', '--root', root], r.io)).toBe(2);
    expect(r.err).toContain("'passwd' is not a valid unit name");
    r = io();
    expect(runEffective([join(root, 'no/such.service')], r.io)).toBe(1);
    expect(r.err).toContain('no such file');
    r = io();
    expect(runEffective(['passwd', '--root', root], r.io)).toBe(2);
    expect(r.err).toContain('not a valid unit name');
    r = io();
    expect(runEffective([], r.io)).toBe(2);
    r = io();
    expect(runEffective(['foo.service', '--bogus'], r.io)).toBe(2);
    r = io();
    expect(runEffective(['foo.service', '--root', join(root, 'missing')], r.io)).toBe(2);
    r = io();
    expect(runEffective(['--help'], r.io)).toBe(0);
    expect(r.out).toContain('Usage: systemd-units effective');
  });
});

describe('systemd-units dropin', () => {
  it('prints the minimal drop-in', () => {
    const r = io();
    expect(
      runDropin(['--base', join(root, 'units/base.service'), '--target', join(root, 'units/target.service')], r.io),
    ).toBe(0);
    expect(r.out).toBe('[Unit]\nAfter=b.service\n\n[Service]\nExecStart=\nExecStart=/bin/b\nEnvironment=B=2\n');
    expect(r.err).toBe('');
  });

  it('warns about what a drop-in cannot do and exits 1', () => {
    const r = io();
    expect(
      runDropin(
        [`--base=${join(root, 'units/base.service')}`, `--target=${join(root, 'units/target-less.service')}`],
        r.io,
      ),
    ).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('warning: [Unit] After=: After= can only be added to in a drop-in');
  });

  it('says so when nothing differs', () => {
    const r = io();
    expect(
      runDropin(['--base', join(root, 'units/base.service'), '--target', join(root, 'units/base.service')], r.io),
    ).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('no drop-in needed');
  });

  it('names an unreadable file clearly (exit 1) and refuses bad usage (exit 2)', () => {
    let r = io();
    expect(
      runDropin(['--base', join(root, 'units/nope.service'), '--target', join(root, 'units/base.service')], r.io),
    ).toBe(1);
    expect(r.err).toBe(`systemd-units dropin: ${join(root, 'units/nope.service')} cannot be read: no such file\n`);
    r = io();
    expect(runDropin(['--base', join(root, 'units'), '--target', join(root, 'units/base.service')], r.io)).toBe(1);
    expect(r.err).toContain(`${join(root, 'units')} is a folder`);
    r = io();
    expect(runDropin(['--base', join(root, 'units/base.service')], r.io)).toBe(2);
    expect(r.err).toContain('--target is required');
    r = io();
    expect(runDropin(['--base', 'a', '--target', 'b', '--unit-type', 'bogus'], r.io)).toBe(2);
    r = io();
    expect(runDropin(['extra'], r.io)).toBe(2);
  });
});

describe('systemd-units effective on a hostile checkout (issue 10, finding 2)', () => {
  it('skips a FIFO, /dev/zero and a link out of the root with the reason, and answers at once', () => {
    const ws = mkdtempSync(join(tmpdir(), 'cmd-hostile-'));
    try {
      const d = join(ws, 'etc/systemd/system/foo.service.d');
      mkdirSync(d, { recursive: true });
      writeFileSync(join(ws, 'etc/systemd/system/foo.service'), '[Service]\nExecStart=/bin/foo\n');
      execFileSync('mkfifo', [join(d, '10-fifo.conf')]);
      symlinkSync('../../../../../../../../../../dev/zero', join(d, '20-zero.conf'));
      writeFileSync(join(d, '30-ok.conf'), '[Service]\nNice=3\n');
      const run = runIsolated<{ code: number; out: string; err: string }>(`
        import { runEffective } from './server/src/cli/effective.ts';
        let out = '', err = '';
        const code = runEffective(['foo.service', '--root', ${JSON.stringify(ws)}], { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
        report({ code, out, err });
      `);
      expect(run.timedOut, 'systemd-units effective hung').toBe(false);
      expect(run.ok, run.stderr).toBe(true);
      const v = run.value!;
      expect(v.code).toBe(1);
      expect(v.out).toContain('Nice=3');
      expect(v.err).toContain(join(d, '10-fifo.conf'));
      expect(v.err).toContain(join(d, '20-zero.conf'));
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
