import { describe, it, expect } from 'vitest';
import { effectiveOfText, loadEffectiveUnit, mergeUnit, renderEffective } from '../../server/src/units/effective.js';
import { findUnitHierarchy, memoryFs } from '../../server/src/units/hierarchy.js';

const VENDOR = '/usr/lib/systemd/system/foo.service';
const OVR = '/etc/systemd/system/foo.service.d/override.conf';

const merge = (base: string, ...dropins: string[]) =>
  mergeUnit([
    { path: VENDOR, text: base, vendor: true },
    ...dropins.map((text, i) => ({ path: i === 0 ? OVR : `/etc/systemd/system/foo.service.d/${i}.conf`, text })),
  ]);

describe('single values', () => {
  it('the last assignment wins, across files and within a file', () => {
    const e = merge('[Service]\nNice=1\nNice=2\n', '[Service]\nNice=3\n');
    expect(e.valuesOf('Service', 'Nice')).toEqual(['3']);
    const o = e.originOf('Service', 'Nice')!;
    expect(o.setBy.map((x) => `${x.file}:${x.line}`)).toEqual([`${OVR}:2`]);
    expect(o.overridden.map((x) => x.value)).toEqual(['2', '1']);
    expect(o.message).toBe(`set in ${OVR}:2, overrides the vendor value \`2\` (${VENDOR}:3)`);
  });

  it('an empty assignment resets to the default', () => {
    const e = merge('[Service]\nUser=www-data\n', '[Service]\nUser=\n');
    expect(e.valuesOf('Service', 'User')).toEqual([]);
    const o = e.originOf('Service', 'User')!;
    expect(o.resetBy?.line).toBe(2);
    expect(o.message).toContain('reset to its default by the empty assignment in');
    expect(o.message).toContain('www-data');
  });

  it('Timer/Path Unit= keeps the first value (config_parse_trigger_unit)', () => {
    const e = mergeUnit([
      { path: '/usr/lib/systemd/system/t.timer', text: '[Timer]\nUnit=a.service\nOnBootSec=5\n' },
      { path: '/etc/x.conf', text: '[Timer]\nUnit=b.service\nUnit=\n' },
    ]);
    expect(e.valuesOf('Timer', 'Unit')).toEqual(['a.service']);
    const o = e.originOf('Timer', 'Unit')!;
    expect(o.ignored).toHaveLength(2);
    expect(o.message).toContain('first');
    const p = effectiveOfText('[Path]\nUnit=x.service\nUnit=y.service\n');
    expect(p.valuesOf('Path', 'Unit')).toEqual(['x.service']);
  });
});

describe('lists', () => {
  it('accumulate, and an empty assignment clears the list', () => {
    const e = merge(
      '[Service]\nExecStart=/usr/bin/foo\nEnvironment=A=1\n',
      '[Service]\nExecStart=\nExecStart=/usr/bin/foo --debug\nEnvironment=B=2\n',
    );
    expect(e.valuesOf('Service', 'ExecStart')).toEqual(['/usr/bin/foo --debug']);
    expect(e.valuesOf('Service', 'Environment')).toEqual(['A=1', 'B=2']);
    const o = e.originOf('Service', 'ExecStart')!;
    expect(o.resetBy).toMatchObject({ file: OVR, line: 2 });
    expect(o.overridden.map((x) => x.value)).toEqual(['/usr/bin/foo']);
    expect(o.message).toContain(`after the empty assignment in ${OVR}:2 cleared 1 earlier value (vendor)`);
  });

  it('add-only lists accumulate and ignore an empty assignment (dependencies cannot be reset)', () => {
    const e = merge(
      '[Unit]\nAfter=a.service b.service\nWants=a.service\n',
      '[Unit]\nAfter=\nAfter=c.service a.service\nWants=\n',
    );
    expect(e.valuesOf('Unit', 'After')).toEqual(['a.service', 'b.service', 'c.service']);
    expect(e.valuesOf('Unit', 'Wants')).toEqual(['a.service']);
    const o = e.originOf('Unit', 'After')!;
    expect(o.ignored).toHaveLength(1);
    expect(o.ignored[0]!.reason).toContain('can only be added');
  });

  it('an empty Condition…= clears every condition, but not the asserts', () => {
    const e = merge(
      '[Unit]\nConditionPathExists=/etc/foo\nConditionHost=box\nAssertPathExists=/x\n',
      '[Unit]\nConditionVirtualization=\nConditionKernelVersion=>=6\n',
    );
    expect(e.valuesOf('Unit', 'ConditionPathExists')).toEqual([]);
    expect(e.valuesOf('Unit', 'ConditionHost')).toEqual([]);
    expect(e.valuesOf('Unit', 'ConditionKernelVersion')).toEqual(['>=6']);
    expect(e.valuesOf('Unit', 'AssertPathExists')).toEqual(['/x']);
    expect(e.originOf('Unit', 'ConditionHost')!.message).toContain(`cleared by the empty assignment in ${OVR}:2`);
  });

  it('an empty Assert…= clears every assert, but not the conditions', () => {
    const e = merge(
      '[Unit]\nConditionPathExists=/etc/foo\nAssertPathExists=/x\nAssertHost=h\n',
      '[Unit]\nAssertHost=\n',
    );
    expect(e.valuesOf('Unit', 'AssertPathExists')).toEqual([]);
    expect(e.valuesOf('Unit', 'AssertHost')).toEqual([]);
    expect(e.valuesOf('Unit', 'ConditionPathExists')).toEqual(['/etc/foo']);
  });

  it('an empty timer trigger clears all triggers; an empty path watch clears all watches', () => {
    const t = mergeUnit([
      { path: 'a', text: '[Timer]\nOnCalendar=daily\nOnBootSec=5min\nPersistent=yes\n' },
      { path: 'b', text: '[Timer]\nOnCalendar=\nOnCalendar=weekly\n' },
    ]);
    expect(t.valuesOf('Timer', 'OnCalendar')).toEqual(['weekly']);
    expect(t.valuesOf('Timer', 'OnBootSec')).toEqual([]);
    expect(t.valuesOf('Timer', 'Persistent')).toEqual(['yes']);
    const p = mergeUnit([
      { path: 'a', text: '[Path]\nPathExists=/a\nPathChanged=/b\n' },
      { path: 'b', text: '[Path]\nPathModified=\n' },
    ]);
    expect(p.valuesOf('Path', 'PathExists')).toEqual([]);
    expect(p.valuesOf('Path', 'PathChanged')).toEqual([]);
  });

  it('other lists are not grouped: an empty ExecStartPre= leaves ExecStartPost= alone', () => {
    const e = merge('[Service]\nExecStartPre=/a\nExecStartPost=/b\n', '[Service]\nExecStartPre=\n');
    expect(e.valuesOf('Service', 'ExecStartPre')).toEqual([]);
    expect(e.valuesOf('Service', 'ExecStartPost')).toEqual(['/b']);
  });
});

describe('renamed spellings share the storage of the current name', () => {
  it('ReadWriteDirectories= and ReadWritePaths= are one list', () => {
    const e = merge('[Service]\nReadWriteDirectories=/a\n', '[Service]\nReadWritePaths=/b\n');
    expect(e.valuesOf('Service', 'ReadWritePaths')).toEqual(['/a', '/b']);
    expect(e.valuesOf('Service', 'ReadWriteDirectories')).toEqual(['/a', '/b']);
    const e2 = merge('[Service]\nReadWritePaths=/a\n', '[Service]\nReadWriteDirectories=\n');
    expect(e2.valuesOf('Service', 'ReadWritePaths')).toEqual([]);
  });

  it('[Service] StartLimitBurst= is [Unit] StartLimitBurst=', () => {
    const e = merge('[Unit]\nStartLimitBurst=5\n', '[Service]\nStartLimitBurst=9\n');
    expect(e.valuesOf('Unit', 'StartLimitBurst')).toEqual(['9']);
  });
});

describe('rendering', () => {
  const base =
    '[Unit]\nDescription=Foo\nAfter=network.target\n\n[Service]\nExecStart=/usr/bin/foo\nNice=1\n\n[Install]\nWantedBy=multi-user.target\n';
  const drop = '[Service]\nExecStart=\nExecStart=/usr/bin/foo -v\nNice=\nEnvironment=A=1\n[Unit]\nAfter=db.service\n';

  it('prints the merged unit with # from file:line comments, sections in order', () => {
    const text = renderEffective(merge(base, drop), { unitName: 'foo.service' });
    expect(text).toBe(
      [
        '# Effective configuration of foo.service, merged from:',
        `#   ${VENDOR} (vendor)`,
        `#   ${OVR}`,
        '',
        '[Unit]',
        `# from ${VENDOR}:2`,
        'Description=Foo',
        `# from ${VENDOR}:3`,
        'After=network.target',
        `# from ${OVR}:7`,
        'After=db.service',
        '',
        '[Service]',
        `# from ${OVR}:3, overrides ${VENDOR}:6`,
        'ExecStart=/usr/bin/foo -v',
        `# Nice= reset to its default by ${OVR}:4`,
        `# from ${OVR}:5`,
        'Environment=A=1',
        '',
        '[Install]',
        `# from ${VENDOR}:10`,
        'WantedBy=multi-user.target',
        '',
      ].join('\n'),
    );
  });

  it('re-reading the rendered text gives the same effective values', () => {
    const e = merge(base, drop);
    const again = effectiveOfText(renderEffective(e));
    for (const d of e.directives())
      expect(again.valuesOf(d.section, d.name), d.name).toEqual(e.valuesOf(d.section, d.name));
    expect(renderEffective(e, { comments: false, header: false })).not.toContain('#');
  });

  it('keeps assignments before any section apart (systemd ignores them)', () => {
    const e = effectiveOfText('Nice=3\n[Service]\nNice=4\n');
    expect(e.outsideSection).toHaveLength(1);
    expect(e.valuesOf('Service', 'Nice')).toEqual(['4']);
  });
});

describe('from a hierarchy', () => {
  it("merges the fragment and the drop-ins in systemd's order and skips masked drop-ins", () => {
    const fs = memoryFs({
      [VENDOR]: '[Service]\nExecStart=/usr/bin/foo\nNice=1\n',
      '/usr/lib/systemd/system/foo.service.d/10-vendor.conf': '[Service]\nNice=2\n',
      '/etc/systemd/system/foo.service.d/10-vendor.conf': { symlink: '/dev/null' },
      '/etc/systemd/system/foo.service.d/20-local.conf': '[Service]\nNice=5\n',
      '/etc/systemd/system/service.d/05-all.conf': '[Service]\nNice=9\nProtectSystem=full\n',
    });
    const h = findUnitHierarchy('foo.service', { fs });
    const { effective, unreadable } = loadEffectiveUnit(h, fs);
    expect(unreadable).toEqual([]);
    expect(effective.valuesOf('Service', 'Nice')).toEqual(['5']);
    expect(effective.valuesOf('Service', 'ProtectSystem')).toEqual(['full']);
    expect(effective.originOf('Service', 'Nice')!.message).toBe(
      '/etc/systemd/system/foo.service.d/20-local.conf'.replace(/^/, 'set in ') +
        ':2, overrides the value `9` (/etc/systemd/system/service.d/05-all.conf:2)',
    );
  });
});

describe('each value knows what it displaced', () => {
  it('a replaced single value, and the list items cleared by a reset', () => {
    const e = merge(
      '[Service]\nNice=1\nExecStart=/a\nExecStart=/b\nEnvironment=A=1\n',
      '[Service]\nNice=2\nExecStart=\nExecStart=/c\nExecStart=/d\nEnvironment=B=2\n',
    );
    const nice = e.get('Service', 'Nice')!.values[0]!;
    expect(nice.overrides.map((o) => `${o.value}@${o.line}`)).toEqual(['1@2']);
    const exec = e.get('Service', 'ExecStart')!.values;
    expect(exec.map((v) => v.overrides.map((o) => o.value))).toEqual([['/b', '/a'], []]);
    expect(e.get('Service', 'Environment')!.values.map((v) => v.overrides.length)).toEqual([0, 0]);
  });

  it('a value after a reset to the default still names the value before the reset', () => {
    const e = merge('[Service]\nUser=a\n', '[Service]\nUser=\n', '[Service]\nUser=b\n');
    expect(e.get('Service', 'User')!.values[0]!.overrides.map((o) => o.value)).toEqual(['a']);
  });

  it("a condition cleared by another condition's reset is displaced too", () => {
    const e = merge('[Unit]\nConditionHost=x\n', '[Unit]\nConditionPathExists=\nConditionHost=y\n');
    expect(e.get('Unit', 'ConditionHost')!.values.map((v) => [v.value, v.overrides.map((o) => o.value)])).toEqual([
      ['y', ['x']],
    ]);
  });
});
