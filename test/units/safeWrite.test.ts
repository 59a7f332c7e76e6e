import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dropInPathFor, mergeIntoExistingDropIn, planWrite, shellQuote, validateDropInName, validateUnitName, writeFileAtomic, type WriteProbe,
} from '../../server/src/units/safeWrite.js';

describe('validateUnitName refuses', () => {
  it.each([
    ['../../etc/passwd', "contains '/'"],
    ['foo/bar.service', "contains '/'"],
    ['/etc/systemd/system/foo.service', "contains '/'"],
    ['..', 'not a unit name'],
    ['', 'empty'],
    ['foo', 'no type suffix'],
    ['foo.conf', "'.conf' is not a unit type suffix"],
    ['foo.service.d', 'is not a unit type suffix'],
    ['.service', 'the name before the suffix is empty'],
    ['@foo.service', "cannot start with '@'"],
    ['foo bar.service', 'contains characters'],
    ['foo\0.service', 'NUL'],
    [`${'a'.repeat(248)}.service`, 'at most 255'],
  ])('%j (%s)', (name, why) => {
    const r = validateUnitName(name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(why);
  });

  it('accepts real names, up to 255 characters', () => {
    for (const n of ['foo.service', 'getty@tty1.service', 'foo@.service', 'dev-sda1.swap', 'foo-bar-.service', 'a\\x2db.mount', `${'a'.repeat(247)}.service`]) {
      expect(validateUnitName(n).ok, n).toBe(true);
    }
    expect(validateUnitName('getty@tty1.service')).toMatchObject({ ok: true, kind: 'instance', type: 'service' });
  });
});

describe('validateDropInName', () => {
  it('refuses paths, hidden and empty names; adds .conf', () => {
    expect(validateDropInName('../x.conf').ok).toBe(false);
    expect(validateDropInName('a/b.conf').ok).toBe(false);
    expect(validateDropInName('.hidden.conf').ok).toBe(false);
    expect(validateDropInName('.conf').ok).toBe(false);
    expect(validateDropInName('').ok).toBe(false);
    expect(validateDropInName('x'.repeat(260)).ok).toBe(false);
    expect(validateDropInName('50-limits')).toEqual({ ok: true, fileName: '50-limits.conf' });
    expect(validateDropInName('override.conf')).toEqual({ ok: true, fileName: 'override.conf' });
  });
});

describe('dropInPathFor', () => {
  it('puts system drop-ins under /etc/systemd/system/<unit>.d/', () => {
    expect(dropInPathFor('foo.service', 'system')).toEqual({ ok: true, path: '/etc/systemd/system/foo.service.d/override.conf', dir: '/etc/systemd/system/foo.service.d', fileName: 'override.conf' });
    expect(dropInPathFor('foo.service', 'system', '50-x', '/ws')).toMatchObject({ ok: true, path: '/ws/etc/systemd/system/foo.service.d/50-x.conf' });
    expect(dropInPathFor('foo.service', 'system', 'override.conf', '/', { runtime: true })).toMatchObject({ path: '/run/systemd/system/foo.service.d/override.conf' });
    expect(dropInPathFor('service', 'system')).toMatchObject({ ok: true, path: '/etc/systemd/system/service.d/override.conf' });
  });

  it('puts user drop-ins under $XDG_CONFIG_HOME or ~/.config', () => {
    expect(dropInPathFor('foo.service', 'user', 'override.conf', '/', { env: { HOME: '/home/u' } })).toMatchObject({ path: '/home/u/.config/systemd/user/foo.service.d/override.conf' });
    expect(dropInPathFor('foo.service', 'user', 'override.conf', '/', { env: { HOME: '/home/u', XDG_CONFIG_HOME: '/cfg' } })).toMatchObject({ path: '/cfg/systemd/user/foo.service.d/override.conf' });
    expect(dropInPathFor('foo.service', 'user', 'override.conf', '/', { env: {}, global: true })).toMatchObject({ path: '/etc/systemd/user/foo.service.d/override.conf' });
    expect(dropInPathFor('foo.service', 'user', 'override.conf', '/', { env: {} }).ok).toBe(false);
  });

  it('refuses bad unit names and bad drop-in names', () => {
    expect(dropInPathFor('../../etc/passwd', 'system').ok).toBe(false);
    expect(dropInPathFor('foo.service', 'system', '../../../etc/passwd').ok).toBe(false);
    expect(dropInPathFor('foo.service', 'system', '.hidden').ok).toBe(false);
    expect(dropInPathFor('foo', 'system').ok).toBe(false);
  });
});

describe('writeFileAtomic', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'safewrite-')); });
  afterEach(() => { chmodSync(dir, 0o755); rmSync(dir, { recursive: true, force: true }); });

  it('creates missing parent folders and the file, leaving no temporary file behind', () => {
    const p = join(dir, 'etc/systemd/system/foo.service.d/override.conf');
    const r = writeFileAtomic(p, '[Service]\nNice=5\n');
    expect(r).toMatchObject({ ok: true, replaced: false });
    if (r.ok) expect(r.createdDirs).toHaveLength(4);
    expect(readFileSync(p, 'utf8')).toBe('[Service]\nNice=5\n');
    expect(readdirSync(join(dir, 'etc/systemd/system/foo.service.d'))).toEqual(['override.conf']);
  });

  it('never replaces an existing file unless told to', () => {
    const p = join(dir, 'override.conf');
    writeFileSync(p, 'precious user work\n');
    const r = writeFileAtomic(p, 'new');
    expect(r).toMatchObject({ ok: false, code: 'exists' });
    expect(readFileSync(p, 'utf8')).toBe('precious user work\n');
    expect(readdirSync(dir)).toEqual(['override.conf']);
    const o = writeFileAtomic(p, 'new', { overwrite: true });
    expect(o).toMatchObject({ ok: true, replaced: true });
    expect(readFileSync(p, 'utf8')).toBe('new');
  });

  it('refuses to write through a symlink or over a folder', () => {
    const target = join(dir, 'real.conf');
    writeFileSync(target, 'keep');
    symlinkSync(target, join(dir, 'link.conf'));
    expect(writeFileAtomic(join(dir, 'link.conf'), 'x', { overwrite: true })).toMatchObject({ ok: false, code: 'not-a-file' });
    expect(readFileSync(target, 'utf8')).toBe('keep');
    mkdirSync(join(dir, 'folder.conf'));
    expect(writeFileAtomic(join(dir, 'folder.conf'), 'x', { overwrite: true })).toMatchObject({ ok: false, code: 'not-a-file' });
  });

  it('reports an unwritable folder without throwing (when permissions apply to this user)', () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const r = writeFileAtomic(join(ro, 'x.conf'), 'x');
    if (process.getuid?.() === 0) expect(r.ok).toBe(true); // root ignores permission bits
    else expect(r).toMatchObject({ ok: false, code: 'not-writable' });
    chmodSync(ro, 0o755);
  });
});

describe('planWrite', () => {
  const probe = (existing: string[], writable: string[]): WriteProbe => ({
    exists: (p) => existing.includes(p),
    isDir: (p) => existing.includes(p) && !p.endsWith('.conf'),
    canWrite: (p) => writable.includes(p),
  });

  it('returns ok when the nearest existing folder is writable', () => {
    const r = planWrite('/home/u/.config/systemd/user/foo.service.d/override.conf', 'x', { probe: probe(['/', '/home', '/home/u', '/home/u/.config'], ['/home/u/.config']) });
    expect(r).toMatchObject({ ok: true, status: 'ok', createsDirs: ['/home/u/.config/systemd', '/home/u/.config/systemd/user', '/home/u/.config/systemd/user/foo.service.d'] });
  });

  it('returns the exact commands when the target is not writable', () => {
    const r = planWrite('/etc/systemd/system/foo.service.d/override.conf', '[Service]\nNice=5\n', {
      probe: probe(['/', '/etc', '/etc/systemd', '/etc/systemd/system'], []), stagePath: '/tmp/x.conf', scope: 'system',
    });
    expect(r.ok).toBe(false);
    if (r.status !== 'notWritable') throw new Error('expected notWritable');
    expect(r.notWritable).toBe(true);
    expect(r.commands).toEqual(['sudo install -D -m 0644 /tmp/x.conf /etc/systemd/system/foo.service.d/override.conf', 'sudo systemctl daemon-reload']);
    expect(r.shell).toBe('sudo install -D -m 0644 /tmp/x.conf /etc/systemd/system/foo.service.d/override.conf && sudo systemctl daemon-reload');
    expect(r.content).toBe('[Service]\nNice=5\n');
    expect(r.reason).toContain('/etc/systemd/system is not writable');
  });

  it('quotes paths for the shell, and uses systemctl --user for the user manager', () => {
    const r = planWrite("/home/u/it's here/x.conf", 'x', { probe: probe(['/', '/home', '/home/u'], []), stagePath: '/tmp/a b.conf', scope: 'user' });
    if (r.status !== 'notWritable') throw new Error('expected notWritable');
    expect(r.commands).toEqual([`install -D -m 0644 '/tmp/a b.conf' '/home/u/it'\\''s here/x.conf'`, 'systemctl --user daemon-reload']);
    expect(shellQuote('plain/path.conf')).toBe('plain/path.conf');
  });

  it('does not plan over an existing file', () => {
    const r = planWrite('/etc/systemd/system/foo.service.d/override.conf', 'x', { probe: probe(['/', '/etc', '/etc/systemd', '/etc/systemd/system', '/etc/systemd/system/foo.service.d', '/etc/systemd/system/foo.service.d/override.conf'], ['/etc/systemd/system/foo.service.d']) });
    expect(r).toMatchObject({ ok: false, status: 'exists' });
  });

  it('works against the real file system', () => {
    const d = mkdtempSync(join(tmpdir(), 'plan-'));
    try {
      expect(planWrite(join(d, 'a/b/x.conf'), 'x')).toMatchObject({ ok: true, createsDirs: [join(d, 'a'), join(d, 'a/b')] });
      writeFileSync(join(d, 'y.conf'), 'y');
      expect(planWrite(join(d, 'y.conf'), 'x')).toMatchObject({ status: 'exists' });
      expect(existsSync(join(d, 'a'))).toBe(false);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('mergeIntoExistingDropIn', () => {
  const existing = '# Local tweaks, see ticket #42\n[Service]\n# keep this quiet\nNice=5\nEnvironment=A=1\n\n# trailing note\n';

  it('keeps every line and comment, updates single values in place, appends list items to the section', () => {
    const r = mergeIntoExistingDropIn(existing, [
      { section: 'Service', key: 'Nice', value: '10' },
      { section: 'Service', key: 'Environment', value: 'B=2' },
      { section: 'Unit', key: 'After', value: 'db.service' },
    ]);
    expect(r.text).toBe('# Local tweaks, see ticket #42\n[Service]\n# keep this quiet\nNice=10\nEnvironment=A=1\nEnvironment=B=2\n\n# trailing note\n\n[Unit]\nAfter=db.service\n');
    expect(r.updated).toHaveLength(1);
    expect(r.appended).toHaveLength(2);
  });

  it('takes drop-in text, keeps CRLF line ends and handles a missing final newline', () => {
    const r = mergeIntoExistingDropIn('[Service]\r\nNice=5', '[Service]\nExecStart=\nExecStart=/bin/x\n');
    expect(r.text).toBe('[Service]\r\nNice=5\r\nExecStart=\r\nExecStart=/bin/x\r\n');
  });

  it('leaves the text alone when the single value is already there', () => {
    const r = mergeIntoExistingDropIn(existing, [{ section: 'Service', key: 'Nice', value: '5' }]);
    expect(r.text).toBe(existing);
    expect(r.updated).toEqual([]);
  });

  it('creates the file\'s first section in an empty file', () => {
    expect(mergeIntoExistingDropIn('', '[Service]\nNice=1\n').text).toBe('[Service]\nNice=1\n');
  });
});
