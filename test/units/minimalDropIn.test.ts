import { describe, it, expect } from 'vitest';
import { computeMinimalDropIn } from '../../server/src/units/minimalDropIn.js';
import { mergeUnit } from '../../server/src/units/effective.js';

const BASE = `[Unit]
Description=Foo daemon
After=network.target
Wants=network.target
ConditionPathExists=/etc/foo.conf
ConditionHost=box

[Service]
Type=notify
ExecStart=/usr/bin/foo
Environment=A=1
User=foo
Nice=1
PrivateTmp=yes

[Install]
WantedBy=multi-user.target
`;

describe('computeMinimalDropIn', () => {
  it('is empty when nothing changes (also when the target says the same thing differently)', () => {
    expect(computeMinimalDropIn(BASE, BASE).text).toBe('');
    const reordered = BASE.replace(
      'After=network.target\nWants=network.target',
      'Wants=network.target\nAfter=network.target',
    );
    expect(computeMinimalDropIn(BASE, reordered).assignments).toEqual([]);
    // add-only lists are sets of words
    expect(
      computeMinimalDropIn(
        '[Unit]\nAfter=a.service b.service\n',
        '[Unit]\nAfter=b.service\nAfter=a.service a.service\n',
      ).text,
    ).toBe('');
  });

  it('writes only the changed single values, sections in the order [Unit], [Service], [Install]', () => {
    const target = BASE.replace('Nice=1', 'Nice=5')
      .replace('Description=Foo daemon', 'Description=Foo (patched)')
      .replace('WantedBy=multi-user.target', 'WantedBy=graphical.target');
    const r = computeMinimalDropIn(BASE, target);
    expect(r.text).toBe(
      '[Unit]\nDescription=Foo (patched)\n\n[Service]\nNice=5\n\n[Install]\nWantedBy=\nWantedBy=graphical.target\n',
    );
    expect(r.cannotExpress).toEqual([]);
  });

  it('resets a removed single value with an empty assignment when systemd accepts it', () => {
    const r = computeMinimalDropIn(BASE, BASE.replace('User=foo\n', '').replace('Nice=1\n', ''));
    expect(r.text).toBe('[Service]\nUser=\nNice=\n');
  });

  it('reports a removed single value systemd 252 refuses to reset (empty Type=, PrivateTmp=)', () => {
    const r = computeMinimalDropIn(BASE, BASE.replace('Type=notify\n', '').replace('PrivateTmp=yes\n', ''));
    expect(r.text).toBe('');
    expect(r.cannotExpress.map((c) => [c.key, c.kind])).toEqual([
      ['Type', 'empty-refused'],
      ['PrivateTmp', 'empty-refused'],
    ]);
    expect(r.cannotExpress[0]!.reason).toContain('write the value you want explicitly (the base sets Type=notify)');
    expect(r.cannotExpress[1]!.reason).toContain('write PrivateTmp=no (the default) instead');
    const loose = computeMinimalDropIn(BASE, BASE.replace('Type=notify\n', ''), { assumeEmptyResets: true });
    expect(loose.text).toBe('[Service]\nType=\n');
  });

  it('appends to a list whose base is a prefix of the target, and resets otherwise', () => {
    const more = computeMinimalDropIn(BASE, BASE.replace('Environment=A=1', 'Environment=A=1\nEnvironment=B=2'));
    expect(more.text).toBe('[Service]\nEnvironment=B=2\n');
    const replaced = computeMinimalDropIn(
      BASE,
      BASE.replace('ExecStart=/usr/bin/foo', 'ExecStart=/usr/bin/foo --verbose'),
    );
    expect(replaced.text).toBe('[Service]\nExecStart=\nExecStart=/usr/bin/foo --verbose\n');
    const dropped = computeMinimalDropIn(BASE, BASE.replace('Environment=A=1\n', ''));
    expect(dropped.text).toBe('[Service]\nEnvironment=\n');
  });

  it('adds to add-only lists and reports what it cannot remove', () => {
    const r = computeMinimalDropIn(BASE, BASE.replace('After=network.target', 'After=db.service'));
    expect(r.text).toBe('[Unit]\nAfter=db.service\n');
    expect(r.cannotExpress).toHaveLength(1);
    expect(r.cannotExpress[0]).toMatchObject({ section: 'Unit', key: 'After', kind: 'add-only-removal' });
    expect(r.cannotExpress[0]!.reason).toContain('network.target cannot be removed');
  });

  it('rewrites the whole condition group when one condition must be cleared', () => {
    const r = computeMinimalDropIn(
      BASE,
      BASE.replace('ConditionPathExists=/etc/foo.conf\n', 'ConditionPathExists=/etc/foo.d\n'),
    );
    expect(r.text).toBe('[Unit]\nConditionPathExists=\nConditionPathExists=/etc/foo.d\nConditionHost=box\n');
    expect(r.groupResets).toEqual(['Unit/conditions']);
    // Adding a condition needs no reset.
    const add = computeMinimalDropIn(
      BASE,
      BASE.replace('ConditionHost=box\n', 'ConditionHost=box\nConditionVirtualization=!container\n'),
    );
    expect(add.text).toBe('[Unit]\nConditionVirtualization=!container\n');
  });

  it('timer triggers form a group too, and Unit= can be set but never changed', () => {
    const base = '[Timer]\nOnCalendar=daily\nOnBootSec=5min\nUnit=a.service\n';
    const r = computeMinimalDropIn(base, '[Timer]\nOnCalendar=weekly\nOnBootSec=5min\nUnit=b.service\n');
    expect(r.text).toBe('[Timer]\nOnCalendar=\nOnCalendar=weekly\nOnBootSec=5min\n');
    expect(r.cannotExpress.map((c) => [c.key, c.kind])).toEqual([['Unit', 'first-wins']]);
    const set = computeMinimalDropIn('[Timer]\nOnCalendar=daily\n', '[Timer]\nOnCalendar=daily\nUnit=b.service\n');
    expect(set.text).toBe('[Timer]\nUnit=b.service\n');
  });

  it('base + drop-in gives the target (worked example)', () => {
    const target = `[Unit]
Description=Foo daemon
After=network.target db.service
Wants=network.target
ConditionPathExists=/etc/foo.conf

[Service]
Type=notify
ExecStart=/usr/bin/foo --config /etc/foo.conf
Environment=A=1 B=2
User=foo
PrivateTmp=yes
ProtectSystem=strict

[Install]
WantedBy=multi-user.target
`;
    const r = computeMinimalDropIn(BASE, target);
    expect(r.text).toBe(
      [
        // ConditionHost= is gone, so the condition group is cleared (with the removed key) and written again.
        '[Unit]',
        'After=db.service',
        'ConditionHost=',
        'ConditionPathExists=/etc/foo.conf',
        '',
        '[Service]',
        'ExecStart=',
        'ExecStart=/usr/bin/foo --config /etc/foo.conf',
        'Environment=',
        'Environment=A=1 B=2',
        'ProtectSystem=strict',
        'Nice=',
        '',
      ].join('\n'),
    );
    const merged = mergeUnit([
      { path: 'base', text: BASE },
      { path: 'drop', text: r.text },
    ]);
    const t = mergeUnit([{ path: 'target', text: target }]);
    for (const d of [...merged.directives(), ...t.directives()])
      expect(merged.valuesOf(d.section, d.name), d.name).toEqual(t.valuesOf(d.section, d.name));
  });
});
