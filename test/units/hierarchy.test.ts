import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIsolated } from './isolated.js';
import {
  dropInDirNamesFor,
  findManagerHierarchy,
  findUnitHierarchy,
  findUnitHierarchyInRoots,
  isVendorPath,
  memoryFs,
  templateOf,
  unitSearchDirs,
} from '../../server/src/units/hierarchy.js';
import { baseUnitOf } from '../../server/src/units/baseUnit.js';

const SYS = '/etc/systemd/system';
const RUN = '/run/systemd/system';
const LIB = '/usr/lib/systemd/system';
const UNIT = '[Service]\nExecStart=/bin/true\n';

const dropInPaths = (h: ReturnType<typeof findUnitHierarchy>): string[] => h.dropIns.map((d) => d.path);

describe('drop-in folder names (dropin.c unit_file_find_dirs)', () => {
  it('walks the dash prefixes, deepest first', () => {
    expect(dropInDirNamesFor('foo-bar-baz.service').map((n) => n.name)).toEqual([
      'foo-bar-baz.service',
      'foo-bar-.service',
      'foo-.service',
    ]);
    expect(dropInDirNamesFor('foo-bar-baz.service').map((n) => n.level)).toEqual(['unit', 'prefix', 'prefix']);
  });

  it("adds the template for an instance, and the template's own prefixes, before the instance prefixes", () => {
    expect(dropInDirNamesFor('foo-bar@baz.service').map((n) => n.name)).toEqual([
      'foo-bar@baz.service',
      'foo-bar@.service',
      'foo-.service',
      'foo-@baz.service',
      'foo-@.service',
    ]);
    expect(dropInDirNamesFor('getty@tty1.service').map((n) => [n.name, n.level])).toEqual([
      ['getty@tty1.service', 'unit'],
      ['getty@.service', 'template'],
    ]);
  });

  it('stops at a leading dash, chops one trailing dash, and has nothing for plain names', () => {
    expect(dropInDirNamesFor('foo.service').map((n) => n.name)).toEqual(['foo.service']);
    expect(dropInDirNamesFor('-foo.service').map((n) => n.name)).toEqual(['-foo.service']);
    expect(dropInDirNamesFor('foo-.service').map((n) => n.name)).toEqual(['foo-.service']);
    expect(dropInDirNamesFor('a-b-.service').map((n) => n.name)).toEqual(['a-b-.service', 'a-.service']);
    expect(dropInDirNamesFor('service').map((n) => n.name)).toEqual(['service']);
  });

  it('templateOf', () => {
    expect(templateOf('foo@bar.service')).toBe('foo@.service');
    expect(templateOf('foo@.service')).toBeUndefined();
    expect(templateOf('foo.service')).toBeUndefined();
  });
});

describe('search folders and vendor files', () => {
  it('lists /etc before /run before /usr/lib, per root, and marks vendor folders', () => {
    const dirs = unitSearchDirs({ root: '/ws', extraRoots: ['/'] });
    const i = (d: string): number => dirs.findIndex((x) => x.dir === d);
    expect(i('/ws/etc/systemd/system')).toBeLessThan(i('/etc/systemd/system'));
    expect(i('/etc/systemd/system')).toBeLessThan(i('/ws/run/systemd/system'));
    expect(i('/run/systemd/system')).toBeLessThan(i('/ws/usr/lib/systemd/system'));
    expect(dirs.find((x) => x.dir === '/ws/usr/lib/systemd/system')!.vendor).toBe(true);
    expect(dirs.find((x) => x.dir === '/ws/etc/systemd/system')!.vendor).toBe(false);
  });

  it('unit folders given explicitly come first', () => {
    expect(unitSearchDirs({ unitDirs: ['/tmp/x'] })[0]!.dir).toBe('/tmp/x');
  });

  it('knows vendor paths', () => {
    expect(isVendorPath('/usr/lib/systemd/system/foo.service')).toBe(true);
    expect(isVendorPath('/lib/systemd/system/foo.service')).toBe(true);
    expect(isVendorPath('/usr/local/lib/systemd/system/foo.service')).toBe(true);
    expect(isVendorPath('/usr/share/systemd/user/foo.service')).toBe(true);
    expect(isVendorPath('/etc/systemd/system/foo.service')).toBe(false);
    expect(isVendorPath('/ws/usr/lib/systemd/system/foo.service', ['/ws'])).toBe(true);
    expect(isVendorPath('/usr/libexec/foo')).toBe(false);
  });
});

describe('findUnitHierarchy', () => {
  it('takes the fragment from the highest-priority folder and lists the hidden copies', () => {
    const fs = memoryFs({ [`${LIB}/foo.service`]: UNIT, [`${SYS}/foo.service`]: UNIT, [`${RUN}/foo.service`]: UNIT });
    const h = findUnitHierarchy('foo.service', { fs });
    expect(h.fragment?.path).toBe(`${SYS}/foo.service`);
    expect(h.fragment?.vendor).toBe(false);
    expect(h.shadowedFragments.map((s) => s.path)).toEqual([`${RUN}/foo.service`, `${LIB}/foo.service`]);
    expect(h.shadowedFragments[1]!.vendor).toBe(true);
    expect(h.masked).toBe(false);
  });

  it('marks a vendor fragment', () => {
    const h = findUnitHierarchy('foo.service', { fs: memoryFs({ [`${LIB}/foo.service`]: UNIT }) });
    expect(h.fragment).toMatchObject({ path: `${LIB}/foo.service`, vendor: true });
  });

  it('sees a symlink to /dev/null and an empty file as masked', () => {
    const a = findUnitHierarchy('foo.service', {
      fs: memoryFs({ [`${SYS}/foo.service`]: { symlink: '/dev/null' }, [`${LIB}/foo.service`]: UNIT }),
    });
    expect(a).toMatchObject({ masked: true, maskedBy: `${SYS}/foo.service`, fragment: undefined });
    const b = findUnitHierarchy('foo.service', {
      fs: memoryFs({ [`${SYS}/foo.service`]: '', [`${LIB}/foo.service`]: UNIT }),
    });
    expect(b.masked).toBe(true);
  });

  it('orders drop-ins by file name across folders; the same name in a higher folder wins', () => {
    const fs = memoryFs({
      [`${LIB}/foo.service`]: UNIT,
      [`${LIB}/foo.service.d/10-a.conf`]: 'x',
      [`${LIB}/foo.service.d/05-vendor.conf`]: 'x',
      [`${SYS}/foo.service.d/10-a.conf`]: 'x',
      [`${RUN}/foo.service.d/20-b.conf`]: 'x',
      [`${RUN}/foo.service.d/10-a.conf`]: 'x',
    });
    const h = findUnitHierarchy('foo.service', { fs });
    expect(dropInPaths(h)).toEqual([
      `${LIB}/foo.service.d/05-vendor.conf`,
      `${SYS}/foo.service.d/10-a.conf`,
      `${RUN}/foo.service.d/20-b.conf`,
    ]);
    expect(h.dropIns[1]!.shadows.map((s) => s.path)).toEqual([
      `${RUN}/foo.service.d/10-a.conf`,
      `${LIB}/foo.service.d/10-a.conf`,
    ]);
    expect(h.dropIns[0]!.vendor).toBe(true);
    expect(h.dropIns[1]!.vendor).toBe(false);
  });

  it('reads prefix folders; the deeper prefix wins within one search folder, but a higher search folder wins first', () => {
    const fs = memoryFs({
      [`${LIB}/foo-bar-baz.service`]: UNIT,
      [`${SYS}/foo-.service.d/10-x.conf`]: 'etc-shallow',
      [`${SYS}/foo-bar-.service.d/10-x.conf`]: 'etc-deep',
      [`${LIB}/foo-bar-baz.service.d/10-x.conf`]: 'lib-exact',
      [`${LIB}/foo-.service.d/20-y.conf`]: 'lib-shallow',
      [`${LIB}/foo-bar-.service.d/20-y.conf`]: 'lib-deep',
    });
    const h = findUnitHierarchy('foo-bar-baz.service', { fs });
    expect(dropInPaths(h)).toEqual([`${SYS}/foo-bar-.service.d/10-x.conf`, `${LIB}/foo-bar-.service.d/20-y.conf`]);
    expect(h.dropIns.map((d) => d.level)).toEqual(['prefix', 'prefix']);
    expect(h.dropIns[0]!.shadows.map((s) => s.path)).toEqual([
      `${SYS}/foo-.service.d/10-x.conf`,
      `${LIB}/foo-bar-baz.service.d/10-x.conf`,
    ]);
  });

  it('puts type-level service.d/ lowest, even when it is in /etc', () => {
    const fs = memoryFs({
      [`${LIB}/foo.service`]: UNIT,
      [`${SYS}/service.d/10-x.conf`]: 'type',
      [`${SYS}/service.d/05-t.conf`]: 'type',
      [`${LIB}/foo.service.d/10-x.conf`]: 'unit',
    });
    const h = findUnitHierarchy('foo.service', { fs });
    expect(dropInPaths(h)).toEqual([`${SYS}/service.d/05-t.conf`, `${LIB}/foo.service.d/10-x.conf`]);
    expect(h.dropIns.map((d) => d.level)).toEqual(['type', 'unit']);
    expect(h.dropIns[1]!.shadows[0]!.path).toBe(`${SYS}/service.d/10-x.conf`);
  });

  it('gives an instance the template file and both drop-in folders, the instance folder winning', () => {
    const fs = memoryFs({
      [`${LIB}/getty@.service`]: UNIT,
      [`${LIB}/getty@.service.d/10-a.conf`]: 'template',
      [`${SYS}/getty@.service.d/20-b.conf`]: 'template',
      [`${LIB}/getty@tty1.service.d/10-a.conf`]: 'instance',
    });
    const h = findUnitHierarchy('getty@tty1.service', { fs });
    expect(h.fragment?.path).toBe(`${LIB}/getty@.service`);
    expect(dropInPaths(h)).toEqual([`${LIB}/getty@tty1.service.d/10-a.conf`, `${SYS}/getty@.service.d/20-b.conf`]);
    expect(h.dropIns.map((d) => d.level)).toEqual(['unit', 'template']);
    // An instance file of its own beats the template.
    const h2 = findUnitHierarchy('getty@tty1.service', {
      fs: memoryFs({ [`${SYS}/getty@.service`]: UNIT, [`${LIB}/getty@tty1.service`]: UNIT }),
    });
    expect(h2.fragment?.path).toBe(`${LIB}/getty@tty1.service`);
  });

  it('masks an instance whose template is masked', () => {
    const h = findUnitHierarchy('getty@tty1.service', {
      fs: memoryFs({ [`${SYS}/getty@.service`]: { symlink: '/dev/null' }, [`${LIB}/getty@.service`]: UNIT }),
    });
    expect(h.masked).toBe(true);
  });

  it('ignores hidden files, non-.conf files, .ignore files and folders', () => {
    const fs = memoryFs({
      [`${LIB}/foo.service`]: UNIT,
      [`${SYS}/foo.service.d/.hidden.conf`]: 'x',
      [`${SYS}/foo.service.d/.#override.conf3a1b2c3d4e5f6a7b`]: 'x',
      [`${SYS}/foo.service.d/README`]: 'x',
      [`${SYS}/foo.service.d/x.conf.ignore`]: 'x',
      [`${SYS}/foo.service.d/old.conf~`]: 'x',
      [`${SYS}/foo.service.d/dir.conf/`]: '',
      [`${SYS}/foo.service.d/ok.conf`]: 'x',
    });
    expect(dropInPaths(findUnitHierarchy('foo.service', { fs }))).toEqual([`${SYS}/foo.service.d/ok.conf`]);
  });

  it('a drop-in linked to /dev/null hides the vendor drop-in of the same name and is reported as masked', () => {
    const fs = memoryFs({
      [`${LIB}/foo.service`]: UNIT,
      [`${LIB}/foo.service.d/10-a.conf`]: '[Service]\nNice=5\n',
      [`${SYS}/foo.service.d/10-a.conf`]: { symlink: '/dev/null' },
    });
    const h = findUnitHierarchy('foo.service', { fs });
    expect(h.dropIns).toHaveLength(1);
    expect(h.dropIns[0]).toMatchObject({ path: `${SYS}/foo.service.d/10-a.conf`, masked: true });
  });

  it('follows an alias symlink and reads the drop-ins of both names', () => {
    const fs = memoryFs({
      [`${LIB}/real.service`]: UNIT,
      [`${SYS}/alias.service`]: { symlink: `${LIB}/real.service` },
      [`${SYS}/alias.service.d/10-a.conf`]: 'x',
      [`${SYS}/real.service.d/20-b.conf`]: 'x',
    });
    const viaAlias = findUnitHierarchy('alias.service', { fs });
    expect(viaAlias.id).toBe('real.service');
    expect(viaAlias.aliases).toEqual(['alias.service']);
    expect(viaAlias.fragment?.target).toBe(`${LIB}/real.service`);
    expect(dropInPaths(viaAlias)).toEqual([`${SYS}/alias.service.d/10-a.conf`, `${SYS}/real.service.d/20-b.conf`]);
    const direct = findUnitHierarchy('real.service', { fs });
    expect(direct.aliases).toEqual(['alias.service']);
    expect(dropInPaths(direct)).toEqual(dropInPaths(viaAlias));
    expect(dropInPaths(direct)[0]).toBe(`${SYS}/alias.service.d/10-a.conf`);
    expect(direct.dropIns[0]!.level).toBe('alias');
  });

  it('resolves absolute links inside a mirrored root', () => {
    const fs = memoryFs({
      [`/ws${LIB}/real.service`]: UNIT,
      [`/ws${SYS}/alias.service`]: { symlink: `${LIB}/real.service` },
    });
    const h = findUnitHierarchy('alias.service', { fs, root: '/ws' });
    expect(h.fragment?.target).toBe(`/ws${LIB}/real.service`);
    expect(h.id).toBe('real.service');
  });

  it("a workspace root overrides the machine at the same level, and the machine's /etc beats the workspace's vendor files", () => {
    const fs = memoryFs({
      [`/ws${LIB}/foo.service`]: UNIT,
      [`/ws${SYS}/foo.service.d/10-ws.conf`]: 'x',
      [`${SYS}/foo.service.d/10-ws.conf`]: 'x',
      [`${LIB}/foo.service`]: UNIT,
    });
    const h = findUnitHierarchy('foo.service', { fs, root: '/ws', extraRoots: ['/'] });
    expect(h.fragment?.path).toBe(`/ws${LIB}/foo.service`);
    expect(h.shadowedFragments.map((s) => s.path)).toEqual([`${LIB}/foo.service`]);
    expect(dropInPaths(h)).toEqual([`/ws${SYS}/foo.service.d/10-ws.conf`]);
  });

  it('user scope searches ~/.config/systemd/user first', () => {
    const env = { HOME: '/home/u' };
    const fs = memoryFs({
      '/home/u/.config/systemd/user/foo.service': UNIT,
      '/usr/lib/systemd/user/foo.service': UNIT,
      '/etc/systemd/user/foo.service.d/10-a.conf': 'x',
    });
    const h = findUnitHierarchy('foo.service', { fs, scope: 'user', env });
    expect(h.fragment?.path).toBe('/home/u/.config/systemd/user/foo.service');
    expect(dropInPaths(h)).toEqual(['/etc/systemd/user/foo.service.d/10-a.conf']);
  });

  it('reports no fragment for an unknown unit, but still finds its drop-ins', () => {
    const h = findUnitHierarchy('nope.service', { fs: memoryFs({ [`${SYS}/nope.service.d/a.conf`]: 'x' }) });
    expect(h.fragment).toBeUndefined();
    expect(h.masked).toBe(false);
    expect(dropInPaths(h)).toEqual([`${SYS}/nope.service.d/a.conf`]);
  });
});

describe('findManagerHierarchy', () => {
  it('system.conf then system.conf.d/*.conf by name; /etc beats /run beats /usr/lib for the same name', () => {
    const fs = memoryFs({
      '/etc/systemd/system.conf': '[Manager]\n',
      '/etc/systemd/system.conf.d/10-a.conf': 'x',
      '/usr/lib/systemd/system.conf.d/10-a.conf': 'x',
      '/usr/lib/systemd/system.conf.d/05-b.conf': 'x',
      '/run/systemd/system.conf.d/20-c.conf': 'x',
    });
    const m = findManagerHierarchy('system', { fs });
    expect(m.mainFiles.map((f) => f.path)).toEqual(['/etc/systemd/system.conf']);
    expect(m.dropIns.map((d) => d.path)).toEqual([
      '/usr/lib/systemd/system.conf.d/05-b.conf',
      '/etc/systemd/system.conf.d/10-a.conf',
      '/run/systemd/system.conf.d/20-c.conf',
    ]);
    expect(m.dropIns[0]!.vendor).toBe(true);
  });

  it('user.conf: the config home first, for the main file and the drop-ins', () => {
    const fs = memoryFs({
      '/home/u/.config/systemd/user.conf': '[Manager]\n',
      '/etc/systemd/user.conf': '[Manager]\n',
      '/home/u/.config/systemd/user.conf.d/10-a.conf': 'x',
      '/etc/systemd/user.conf.d/10-a.conf': 'x',
    });
    const m = findManagerHierarchy('user', { fs, env: { HOME: '/home/u' } });
    expect(m.mainFiles.map((f) => f.path)).toEqual(['/home/u/.config/systemd/user.conf', '/etc/systemd/user.conf']);
    expect(m.dropIns.map((d) => d.path)).toEqual(['/home/u/.config/systemd/user.conf.d/10-a.conf']);
  });
});

describe('symlinked files', () => {
  it('a link in /etc to a vendor file is a vendor fragment, and effective origins cite the target', async () => {
    const { loadEffectiveUnit } = await import('../../server/src/units/effective.js');
    const fs = memoryFs({
      [`${LIB}/real.service`]: '[Service]\nExecStart=/bin/true\nNice=2\n',
      [`${SYS}/alias.service`]: { symlink: `${LIB}/real.service` },
      '/opt/shared/10-nice.conf': '[Service]\nNice=4\n',
      [`${SYS}/real.service.d/10-nice.conf`]: { symlink: '/opt/shared/10-nice.conf' },
    });
    const h = findUnitHierarchy('alias.service', { fs });
    expect(h.fragment).toMatchObject({ path: `${SYS}/alias.service`, vendor: true });
    const { effective } = loadEffectiveUnit(h, fs);
    expect(effective.originOf('Service', 'Nice')!.message).toBe(
      `set in /opt/shared/10-nice.conf:2, overrides the vendor value \`2\` (${LIB}/real.service:3)`,
    );
  });
});

describe('a cloned repository with hostile files (issue 10, finding 2)', () => {
  // Each case runs in a child process with a deadline: before the fix these hung or ate gigabytes.
  let dir = '';
  let ws = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    ws = join(dir, 'ws');
    const sys = join(ws, 'etc/systemd/system');
    mkdirSync(join(sys, 'foo.service.d'), { recursive: true });
    writeFileSync(join(sys, 'foo.service'), '[Service]\nExecStart=/bin/foo\nNice=1\n');
    execFileSync('mkfifo', [join(sys, 'foo.service.d/10-fifo.conf')]);
    // Absolute links are taken inside the workspace root (like systemd --root), so planted ones climb out instead.
    symlinkSync('/dev/zero', join(sys, 'foo.service.d/15-zero-absolute.conf'));
    symlinkSync('../../../../../../../../../../dev/zero', join(sys, 'foo.service.d/20-zero.conf'));
    symlinkSync('../../../../../../../../../../proc/self/pagemap', join(sys, 'foo.service.d/30-pagemap.conf'));
    writeFileSync(
      join(sys, 'foo.service.d/40-big.conf'),
      Buffer.concat([Buffer.from('[Service]\nNice=7\n'), Buffer.alloc(6_000_000, 0)]),
    );
    writeFileSync(join(dir, 'secret.conf'), '[Service]\nUser=secret-from-outside\n');
    symlinkSync('../../../../../secret.conf', join(sys, 'foo.service.d/50-leak.conf'));
    writeFileSync(join(sys, 'foo.service.d/60-ok.conf'), '[Service]\nNice=3\n');
    // Siblings and index: a unit that is a FIFO, one that is /dev/zero, one that is /proc/self/pagemap.
    execFileSync('mkfifo', [join(sys, 'fifo.service')]);
    symlinkSync('/dev/zero', join(sys, 'zero.service'));
    symlinkSync('/proc/self/pagemap', join(sys, 'evil.service'));
    symlinkSync(join(dir, 'secret.conf'), join(sys, 'leak.service'));
    writeFileSync(join(sys, 'good.service'), '[Service]\nExecStart=/bin/good\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the effective unit skips the FIFO, /dev/zero, pagemap, the 6 MB file and the link out, each with a reason', () => {
    const run = runIsolated<{
      nice: string[];
      user: string[];
      unreadable: string[];
      skipped: { path: string; reason: string }[];
    }>(`
      import { findUnitHierarchy } from './server/src/units/hierarchy.ts';
      import { loadEffectiveUnit } from './server/src/units/effective.ts';
      const h = findUnitHierarchy('foo.service', { root: ${JSON.stringify(ws)} });
      const r = loadEffectiveUnit(h);
      report({ nice: r.effective.valuesOf('Service', 'Nice'), user: r.effective.valuesOf('Service', 'User'), unreadable: r.unreadable, skipped: r.skipped ?? [] });
    `);
    expect(run.timedOut, 'the effective unit did not come back within 5 s').toBe(false);
    expect(run.ok, run.stderr).toBe(true);
    const v = run.value!;
    expect(v.nice).toEqual(['3']);
    expect(v.user).toEqual([]);
    const d = join(ws, 'etc/systemd/system/foo.service.d');
    expect(v.unreadable.sort()).toEqual(
      ['10-fifo.conf', '20-zero.conf', '40-big.conf', '50-leak.conf'].map((n) => join(d, n)),
    );
    const why = Object.fromEntries(v.skipped.map((s) => [s.path.split('/').pop(), s.reason]));
    expect(why['10-fifo.conf']).toContain('named pipe');
    expect(why['20-zero.conf']).toMatch(/character device|outside the workspace/);
    expect(why['40-big.conf']).toContain('limit');
    expect(why['50-leak.conf']).toContain('outside the workspace');
  });

  it('sibling units skip the FIFO, /dev/zero, pagemap and the link out', () => {
    const run = runIsolated<string[]>(`
      import { siblingUnits } from './server/src/units/siblings.ts';
      const got = siblingUnits(${JSON.stringify(join(ws, 'etc/systemd/system'))}, (path, text) => text);
      report(got.map((u) => u.path.split('/').pop() + ':' + u.unit.length).sort());
    `);
    expect(run.timedOut, 'siblingUnits did not come back within 5 s').toBe(false);
    expect(run.ok, run.stderr).toBe(true);
    expect(run.value).toEqual([
      `60-ok.conf:${'[Service]\nNice=3\n'.length}`,
      `foo.service:${'[Service]\nExecStart=/bin/foo\nNice=1\n'.length}`,
      `good.service:${'[Service]\nExecStart=/bin/good\n'.length}`,
    ]);
  });

  it('go to definition never offers a FIFO, a device, a kernel file or a link out of the workspace', () => {
    const run = runIsolated<Record<string, string[]>>(`
      import { UnitIndex } from './server/src/units/unitIndex.ts';
      const idx = new UnitIndex([]);
      idx.setRoots([${JSON.stringify(ws)}], []);
      const out = {};
      for (const n of ['fifo.service', 'zero.service', 'evil.service', 'leak.service', 'good.service']) out[n] = idx.find(n);
      report(out);
    `);
    expect(run.timedOut).toBe(false);
    expect(run.ok, run.stderr).toBe(true);
    expect(run.value).toEqual({
      'fifo.service': [],
      'zero.service': [],
      'evil.service': [],
      'leak.service': [],
      'good.service': [join(ws, 'etc/systemd/system/good.service')],
    });
  });
});

describe('one view of the world: a workspace that mirrors a root (issue 10)', () => {
  const WS = '/ws';
  const tree = (withWorkspaceUnit: boolean) =>
    memoryFs({
      '/lib/systemd/system/man-db.timer': '[Timer]\nOnCalendar=daily\nPersistent=true\n',
      '/etc/systemd/system/man-db.timer.d/10-host.conf': '[Timer]\nRandomizedDelaySec=12h\n',
      ...(withWorkspaceUnit ? { [`${WS}/usr/lib/systemd/system/man-db.timer`]: '[Timer]\nOnCalendar=weekly\n' } : {}),
      [`${WS}/etc/systemd/system/man-db.timer.d/override.conf`]: '[Timer]\nOnCalendar=weekly\n',
      [`${WS}/etc/systemd/system/man-db.timer.d/05-first.conf`]: '[Timer]\nAccuracySec=1h\n',
    });
  const dropIn = `${WS}/etc/systemd/system/man-db.timer.d/override.conf`;

  it("the drop-in's base unit is the workspace's man-db.timer, not the host's", () => {
    const fs = tree(true);
    const b = baseUnitOf(dropIn, 'man-db.timer', { roots: [WS, '/'], fs })!;
    expect(b.fragmentPath).toBe(`${WS}/usr/lib/systemd/system/man-db.timer`);
    expect(b.effective!.valuesOf('Timer', 'OnCalendar')).toEqual(['weekly']);
    expect(b.effective!.valuesOf('Timer', 'Persistent')).toEqual([]);
    // Drop-ins applied before this one: the workspace's, never the host's.
    expect(b.effective!.valuesOf('Timer', 'AccuracySec')).toEqual(['1h']);
    expect(b.effective!.valuesOf('Timer', 'RandomizedDelaySec')).toEqual([]);
  });

  it('the roots default to the ones the path lives under, with the same answer', () => {
    expect(baseUnitOf(dropIn, 'man-db.timer', { fs: tree(true) })!.fragmentPath).toBe(
      `${WS}/usr/lib/systemd/system/man-db.timer`,
    );
  });

  it("the host's unit only when the workspace has none", () => {
    const b = baseUnitOf(dropIn, 'man-db.timer', { roots: [WS, '/'], fs: tree(false) })!;
    expect(b.fragmentPath).toBe('/lib/systemd/system/man-db.timer');
    expect(b.effective!.valuesOf('Timer', 'OnCalendar')).toEqual(['daily']);
  });

  it('Show Effective Unit and hover origins resolve through the same roots (findUnitHierarchyInRoots)', () => {
    for (const withUnit of [true, false]) {
      const fs = tree(withUnit);
      const h = findUnitHierarchyInRoots('man-db.timer', { roots: [WS, '/'], fs });
      expect(h.fragment?.path).toBe(baseUnitOf(dropIn, 'man-db.timer', { roots: [WS, '/'], fs })!.fragmentPath);
      expect(dropInPaths(h).every((p) => p.startsWith(withUnit ? `${WS}/` : '/'))).toBe(true);
    }
  });
});
