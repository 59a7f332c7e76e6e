import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dropInPathFor,
  installCommand,
  mergeIntoDropInFile,
  mergeIntoExistingDropIn,
  planWrite,
  removeCommand,
  shellQuote,
  systemctlCommand,
  validateDropInName,
  validateUnitName,
  writeFileAtomic,
  writeFilesAllOrNothing,
  type WriteProbe,
} from '../../server/src/units/safeWrite.js';
import { runIsolated } from './isolated.js';

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
    for (const n of [
      'foo.service',
      'getty@tty1.service',
      'foo@.service',
      'dev-sda1.swap',
      'foo-bar-.service',
      'a\\x2db.mount',
      `${'a'.repeat(247)}.service`,
    ]) {
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
    expect(dropInPathFor('foo.service', 'system')).toEqual({
      ok: true,
      path: '/etc/systemd/system/foo.service.d/override.conf',
      dir: '/etc/systemd/system/foo.service.d',
      fileName: 'override.conf',
    });
    expect(dropInPathFor('foo.service', 'system', '50-x', '/ws')).toMatchObject({
      ok: true,
      path: '/ws/etc/systemd/system/foo.service.d/50-x.conf',
    });
    expect(dropInPathFor('foo.service', 'system', 'override.conf', '/', { runtime: true })).toMatchObject({
      path: '/run/systemd/system/foo.service.d/override.conf',
    });
    expect(dropInPathFor('service', 'system')).toMatchObject({
      ok: true,
      path: '/etc/systemd/system/service.d/override.conf',
    });
  });

  it('puts user drop-ins under $XDG_CONFIG_HOME or ~/.config', () => {
    expect(dropInPathFor('foo.service', 'user', 'override.conf', '/', { env: { HOME: '/home/u' } })).toMatchObject({
      path: '/home/u/.config/systemd/user/foo.service.d/override.conf',
    });
    expect(
      dropInPathFor('foo.service', 'user', 'override.conf', '/', { env: { HOME: '/home/u', XDG_CONFIG_HOME: '/cfg' } }),
    ).toMatchObject({ path: '/cfg/systemd/user/foo.service.d/override.conf' });
    expect(dropInPathFor('foo.service', 'user', 'override.conf', '/', { env: {}, global: true })).toMatchObject({
      path: '/etc/systemd/user/foo.service.d/override.conf',
    });
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
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'safewrite-'));
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

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
    expect(writeFileAtomic(join(dir, 'link.conf'), 'x', { overwrite: true })).toMatchObject({
      ok: false,
      code: 'not-a-file',
    });
    expect(readFileSync(target, 'utf8')).toBe('keep');
    mkdirSync(join(dir, 'folder.conf'));
    expect(writeFileAtomic(join(dir, 'folder.conf'), 'x', { overwrite: true })).toMatchObject({
      ok: false,
      code: 'not-a-file',
    });
  });

  it('reports an unwritable folder without throwing (when permissions apply to this user)', () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const r = writeFileAtomic(join(ro, 'x.conf'), 'x');
    if (process.getuid?.() === 0)
      expect(r.ok).toBe(true); // root ignores permission bits
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
    const r = planWrite('/home/u/.config/systemd/user/foo.service.d/override.conf', 'x', {
      probe: probe(['/', '/home', '/home/u', '/home/u/.config'], ['/home/u/.config']),
    });
    expect(r).toMatchObject({
      ok: true,
      status: 'ok',
      createsDirs: [
        '/home/u/.config/systemd',
        '/home/u/.config/systemd/user',
        '/home/u/.config/systemd/user/foo.service.d',
      ],
    });
  });

  it('returns the exact commands when the target is not writable', () => {
    const r = planWrite('/etc/systemd/system/foo.service.d/override.conf', '[Service]\nNice=5\n', {
      probe: probe(['/', '/etc', '/etc/systemd', '/etc/systemd/system'], []),
      stagePath: '/tmp/x.conf',
      scope: 'system',
    });
    expect(r.ok).toBe(false);
    if (r.status !== 'notWritable') throw new Error('expected notWritable');
    expect(r.notWritable).toBe(true);
    expect(r.commands).toEqual([
      'sudo install -D -m 0644 -- /tmp/x.conf /etc/systemd/system/foo.service.d/override.conf',
      'sudo systemctl daemon-reload',
    ]);
    expect(r.shell).toBe(
      'sudo install -D -m 0644 -- /tmp/x.conf /etc/systemd/system/foo.service.d/override.conf && sudo systemctl daemon-reload',
    );
    expect(r.content).toBe('[Service]\nNice=5\n');
    expect(r.reason).toContain('/etc/systemd/system is not writable');
  });

  it('quotes paths for the shell, and uses systemctl --user for the user manager', () => {
    const r = planWrite("/home/u/it's here/x.conf", 'x', {
      probe: probe(['/', '/home', '/home/u'], []),
      stagePath: '/tmp/a b.conf',
      scope: 'user',
    });
    if (r.status !== 'notWritable') throw new Error('expected notWritable');
    expect(r.commands).toEqual([
      `install -D -m 0644 -- '/tmp/a b.conf' '/home/u/it'\\''s here/x.conf'`,
      'systemctl --user daemon-reload',
    ]);
    expect(shellQuote('plain/path.conf')).toBe('plain/path.conf');
  });

  it('does not plan over an existing file', () => {
    const r = planWrite('/etc/systemd/system/foo.service.d/override.conf', 'x', {
      probe: probe(
        [
          '/',
          '/etc',
          '/etc/systemd',
          '/etc/systemd/system',
          '/etc/systemd/system/foo.service.d',
          '/etc/systemd/system/foo.service.d/override.conf',
        ],
        ['/etc/systemd/system/foo.service.d'],
      ),
    });
    expect(r).toMatchObject({ ok: false, status: 'exists' });
  });

  it('works against the real file system', () => {
    const d = mkdtempSync(join(tmpdir(), 'plan-'));
    try {
      expect(planWrite(join(d, 'a/b/x.conf'), 'x')).toMatchObject({
        ok: true,
        createsDirs: [join(d, 'a'), join(d, 'a/b')],
      });
      writeFileSync(join(d, 'y.conf'), 'y');
      expect(planWrite(join(d, 'y.conf'), 'x')).toMatchObject({ status: 'exists' });
      expect(existsSync(join(d, 'a'))).toBe(false);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('mergeIntoExistingDropIn', () => {
  const existing =
    '# Local tweaks, see ticket #42\n[Service]\n# keep this quiet\nNice=5\nEnvironment=A=1\n\n# trailing note\n';

  it('keeps every line and comment, updates single values in place, appends list items to the section', () => {
    const r = mergeIntoExistingDropIn(existing, [
      { section: 'Service', key: 'Nice', value: '10' },
      { section: 'Service', key: 'Environment', value: 'B=2' },
      { section: 'Unit', key: 'After', value: 'db.service' },
    ]);
    expect(r.text).toBe(
      '# Local tweaks, see ticket #42\n[Service]\n# keep this quiet\nNice=10\nEnvironment=A=1\nEnvironment=B=2\n\n# trailing note\n\n[Unit]\nAfter=db.service\n',
    );
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

  it("creates the file's first section in an empty file", () => {
    expect(mergeIntoExistingDropIn('', '[Service]\nNice=1\n').text).toBe('[Service]\nNice=1\n');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Issue 10: what an attack on the product found

describe('writes stay inside the chosen root (finding 6)', () => {
  let dir = '';
  let ws = '';
  let outside = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'confine-'));
    ws = join(dir, 'ws');
    outside = join(dir, 'outside');
    mkdirSync(join(ws, 'etc/systemd'), { recursive: true });
    mkdirSync(outside);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a target whose folder is a planted symlink out of the workspace, naming where it leads', () => {
    symlinkSync(outside, join(ws, 'etc/systemd/system'));
    const target = join(ws, 'etc/systemd/system/foo.service.d/override.conf');
    const r = writeFileAtomic(target, '[Service]\nNice=5\n', { root: ws });
    expect(r).toMatchObject({ ok: false, code: 'outside-root' });
    if (!r.ok) expect(r.reason).toContain(outside);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses a symlink deeper down too, and a path that climbs out with ..', () => {
    mkdirSync(join(ws, 'etc/systemd/system'));
    symlinkSync(outside, join(ws, 'etc/systemd/system/foo.service.d'));
    expect(
      writeFileAtomic(join(ws, 'etc/systemd/system/foo.service.d/override.conf'), 'x', { root: ws }),
    ).toMatchObject({ ok: false, code: 'outside-root' });
    expect(writeFileAtomic(join(ws, '../outside/x.conf'), 'x', { root: ws })).toMatchObject({
      ok: false,
      code: 'outside-root',
    });
    expect(readdirSync(outside)).toEqual([]);
  });

  it('writes through a folder symlink that stays inside the root', () => {
    mkdirSync(join(ws, 'lib-units'));
    symlinkSync('../../lib-units', join(ws, 'etc/systemd/system'));
    const r = writeFileAtomic(join(ws, 'etc/systemd/system/foo.service.d/override.conf'), 'x', { root: ws });
    expect(r).toMatchObject({ ok: true });
    expect(readFileSync(join(ws, 'lib-units/foo.service.d/override.conf'), 'utf8')).toBe('x');
  });

  it('planWrite refuses the same targets before anything is staged', () => {
    symlinkSync(outside, join(ws, 'etc/systemd/system'));
    const r = planWrite(join(ws, 'etc/systemd/system/foo.service.d/override.conf'), 'x', { root: ws });
    expect(r).toMatchObject({ ok: false, status: 'outsideRoot' });
    if (r.status === 'outsideRoot') expect(r.reason).toContain(outside);
  });
});

describe('temporary files are recognisable and cleaned up (finding 10)', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'temps-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a write killed with SIGKILL leaves a .#<name>.systemd-units.<random> file, which the next write removes once stale', () => {
    const run = runIsolated(`
      import { writeFileAtomic } from './server/src/units/safeWrite.ts';
      writeFileAtomic(${JSON.stringify(join(dir, 'a.conf'))}, 'x', { beforePlace: () => process.kill(process.pid, 'SIGKILL') });
      report('not killed');
    `);
    expect(run.signal).toBe('SIGKILL');
    const left = readdirSync(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.#a\.conf\.systemd-units\.[0-9a-f]{16}$/);
    // Not yet stale: a write in progress elsewhere may own it.
    expect(writeFileAtomic(join(dir, 'b.conf'), 'y')).toMatchObject({ ok: true });
    expect(readdirSync(dir).sort()).toEqual([left[0], 'b.conf'].sort());
    // Two minutes later it is ours and stale; systemctl edit's own temp files and other dot files stay.
    const old = new Date(Date.now() - 120_000);
    utimesSync(join(dir, left[0]!), old, old);
    writeFileSync(join(dir, '.#c.conf0123456789abcdef'), 'systemctl edit');
    utimesSync(join(dir, '.#c.conf0123456789abcdef'), old, old);
    writeFileSync(join(dir, '.hidden'), 'h');
    utimesSync(join(dir, '.hidden'), old, old);
    expect(writeFileAtomic(join(dir, 'd.conf'), 'z')).toMatchObject({ ok: true });
    expect(readdirSync(dir).sort()).toEqual(['.#c.conf0123456789abcdef', '.hidden', 'b.conf', 'd.conf']);
  });
});

describe('Merge into It keeps mode, owner and bytes, or refuses with the reason (finding 4)', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'merge-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a 0600 drop-in stays 0600, with its owner', () => {
    const p = join(dir, 'override.conf');
    writeFileSync(p, '[Service]\nNice=1\n', { mode: 0o600 });
    chmodSync(p, 0o600);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(p, 4321, 4322);
    const r = mergeIntoDropInFile(p, '[Service]\nNice=5\nEnvironment=A=1\n', { root: dir });
    expect(r).toMatchObject({ ok: true });
    expect(readFileSync(p, 'utf8')).toBe('[Service]\nNice=5\nEnvironment=A=1\n');
    const st = statSync(p);
    expect(st.mode & 0o7777).toBe(0o600);
    if (asRoot) expect([st.uid, st.gid]).toEqual([4321, 4322]);
    else expect(st.uid).toBe(process.getuid?.());
  });

  it('keeps Latin-1 and invalid UTF-8 bytes byte for byte', () => {
    const p = join(dir, 'override.conf');
    const before = Buffer.concat([
      Buffer.from('# Gr\xfc\xdfe aus K\xf6ln\n', 'latin1'),
      Buffer.from('[Service]\n# \xff\xfe\n'),
      Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]),
      Buffer.from('Nice=1\n'),
    ]);
    writeFileSync(p, before);
    const r = mergeIntoDropInFile(p, [{ section: 'Service', key: 'Nice', value: '5' }], { root: dir });
    expect(r).toMatchObject({ ok: true });
    const after = readFileSync(p);
    expect(after.equals(Buffer.from(before.toString('latin1').replace('Nice=1', 'Nice=5'), 'latin1'))).toBe(true);
  });

  it('refuses a folder, a file over the cap and a symlink, leaving them untouched', () => {
    mkdirSync(join(dir, 'folder.conf'));
    const big = join(dir, 'big.conf');
    writeFileSync(big, Buffer.alloc(5 * 1024 * 1024, 0x41));
    writeFileSync(join(dir, 'real.conf'), '[Service]\nNice=1\n');
    symlinkSync(join(dir, 'real.conf'), join(dir, 'link.conf'));
    const f = mergeIntoDropInFile(join(dir, 'folder.conf'), '[Service]\nNice=5\n', { root: dir });
    expect(f).toMatchObject({ ok: false });
    if (!f.ok) expect(f.reason).toContain('folder');
    const b = mergeIntoDropInFile(big, '[Service]\nNice=5\n', { root: dir });
    expect(b).toMatchObject({ ok: false });
    if (!b.ok) expect(b.reason).toContain('limit');
    expect(statSync(big).size).toBe(5 * 1024 * 1024);
    const l = mergeIntoDropInFile(join(dir, 'link.conf'), '[Service]\nNice=5\n', { root: dir });
    expect(l).toMatchObject({ ok: false });
    if (!l.ok) expect(l.reason).toContain('symlink');
    expect(readFileSync(join(dir, 'real.conf'), 'utf8')).toBe('[Service]\nNice=1\n');
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const fifo = join(dir, 'fifo.conf');
    execFileSync('mkfifo', [fifo]);
    const run = runIsolated<{ ok: boolean; reason?: string }>(`
      import { mergeIntoDropInFile } from './server/src/units/safeWrite.ts';
      const r = mergeIntoDropInFile(${JSON.stringify(fifo)}, '[Service]\\nNice=5\\n', { root: ${JSON.stringify(dir)} });
      report(r.ok ? { ok: true } : { ok: false, reason: r.reason });
    `);
    expect(run.timedOut, 'merging into a FIFO hung').toBe(false);
    expect(run.value).toMatchObject({ ok: false });
    expect(run.value!.reason).toContain('named pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe('several files are written all or nothing (finding 10, socket generator)', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'allornothing-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const files = (): { path: string; content: string }[] => [
    { path: join(dir, 'a.socket'), content: '[Socket]\nListenStream=1\n' },
    { path: join(dir, 'b.socket'), content: '[Socket]\nListenStream=2\n' },
    { path: join(dir, 'x.service.d/50-socket-activation.conf'), content: '[Service]\nSockets=a.socket\n' },
  ];

  it('writes every file when all can be written', () => {
    const r = writeFilesAllOrNothing(files(), { root: dir });
    expect(r).toMatchObject({ ok: true });
    expect(readdirSync(dir).sort()).toEqual(['a.socket', 'b.socket', 'x.service.d']);
    expect(readFileSync(join(dir, 'x.service.d/50-socket-activation.conf'), 'utf8')).toBe(
      '[Service]\nSockets=a.socket\n',
    );
  });

  it('writes nothing when one target already exists', () => {
    writeFileSync(join(dir, 'b.socket'), 'mine');
    const r = writeFilesAllOrNothing(files(), { root: dir });
    expect(r).toMatchObject({ ok: false, code: 'exists', path: join(dir, 'b.socket') });
    expect(readdirSync(dir)).toEqual(['b.socket']);
    expect(readFileSync(join(dir, 'b.socket'), 'utf8')).toBe('mine');
  });

  it('removes the files already put in place when a later one fails, and the folders it made', () => {
    const r = writeFilesAllOrNothing(files(), {
      root: dir,
      beforePlace: (i) => {
        if (i === 2) writeFileSync(join(dir, 'x.service.d/50-socket-activation.conf'), 'raced');
      },
    });
    expect(r).toMatchObject({ ok: false, code: 'exists' });
    expect(readdirSync(dir)).toEqual(['x.service.d']);
    expect(readdirSync(join(dir, 'x.service.d'))).toEqual(['50-socket-activation.conf']);
    expect(readFileSync(join(dir, 'x.service.d/50-socket-activation.conf'), 'utf8')).toBe('raced');
  });

  it('refuses the whole set when one target leaves the root', () => {
    const out = mkdtempSync(join(tmpdir(), 'allornothing-out-'));
    try {
      symlinkSync(out, join(dir, 'x.service.d'));
      expect(writeFilesAllOrNothing(files(), { root: dir })).toMatchObject({ ok: false, code: 'outside-root' });
      expect(readdirSync(dir)).toEqual(['x.service.d']);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('printed commands quote every path and put -- before names (finding 7)', () => {
  let dir = '';
  let bin = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'printed-'));
    bin = join(dir, 'bin');
    mkdirSync(bin);
    // Stand-ins that record their arguments instead of acting; sudo just runs the rest.
    writeFileSync(join(bin, 'sudo'), '#!/bin/sh\nexec "$@"\n', { mode: 0o755 });
    for (const c of ['install', 'rm', 'systemctl']) {
      writeFileSync(
        join(bin, c),
        `#!/bin/sh\n{ printf '%s' ${c}; for a in "$@"; do printf '\\037%s' "$a"; done; printf '\\036'; } >> "$LOG"\n`,
        { mode: 0o755 },
      );
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Run a printed command line in sh; what each stand-in received. */
  const run = (line: string): string[][] => {
    const log = join(dir, 'log');
    writeFileSync(log, '');
    execFileSync('/bin/sh', ['-c', line], { env: { PATH: `${bin}:/usr/bin:/bin`, LOG: log }, cwd: dir });
    return readFileSync(log, 'utf8')
      .split('\x1e')
      .filter(Boolean)
      .map((r) => r.split('\x1f'));
  };

  const nasty = (): string => join(dir, "my units/$(touch pwned)/it's `touch pwned2`.conf");

  it('install and rm', () => {
    const p = nasty();
    expect(run(installCommand(join(dir, 'stage dir/x.conf'), p, { scope: 'system' }))).toEqual([
      ['install', '-D', '-m', '0644', '--', join(dir, 'stage dir/x.conf'), p],
    ]);
    expect(run(removeCommand(p, 'system'))).toEqual([['rm', '--', p]]);
    expect(run(removeCommand('-rf.conf', 'user'))).toEqual([['rm', '--', '-rf.conf']]);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(dir, 'pwned2'))).toBe(false);
  });

  it('systemctl with a unit name starting with -', () => {
    expect(run(systemctlCommand('system', ['enable', '--now'], ['-x.socket', "a'b.socket"]))).toEqual([
      ['systemctl', 'enable', '--now', '--', '-x.socket', "a'b.socket"],
    ]);
    expect(run(systemctlCommand('user', ['daemon-reload'], []))).toEqual([['systemctl', '--user', 'daemon-reload']]);
  });

  it('planWrite commands, run as printed', () => {
    const p = nasty();
    const r = planWrite(p, 'x', {
      probe: { exists: (q) => q === '/' || q === dir, isDir: () => true, canWrite: () => false },
      stagePath: join(dir, "st'age.conf"),
      scope: 'system',
    });
    if (r.status !== 'notWritable') throw new Error('expected notWritable');
    expect(run(r.shell)).toEqual([
      ['install', '-D', '-m', '0644', '--', join(dir, "st'age.conf"), p],
      ['systemctl', 'daemon-reload'],
    ]);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });
});
