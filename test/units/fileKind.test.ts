import { describe, it, expect } from 'vitest';
import { fileKindOf } from '../../server/src/units/fileKind.js';
import { dropInPathFor, validateUnitName } from '../../server/src/units/safeWrite.js';

describe('escaped unit names (issue 10, finding 8)', () => {
  const name = 'mnt-backup\\x2ddrive.mount';

  it('a unit file whose name holds a \\x2d escape is one unit name', () => {
    expect(fileKindOf(`/etc/systemd/system/${name}`)).toEqual({ kind: 'unit', unitType: 'mount', unitName: name });
    expect(fileKindOf(`/srv/ws/${name}`)).toEqual({ kind: 'unit', unitType: 'mount', unitName: name });
  });

  it('its drop-in folder is <name>.d, not cut at the backslash', () => {
    expect(fileKindOf(`/etc/systemd/system/${name}.d/override.conf`)).toEqual({
      kind: 'dropin',
      unitType: 'mount',
      unitName: name,
    });
    const p = dropInPathFor(name, 'system', 'override.conf', '/ws');
    expect(p).toMatchObject({
      ok: true,
      dir: `/ws/etc/systemd/system/${name}.d`,
      path: `/ws/etc/systemd/system/${name}.d/override.conf`,
    });
  });

  it('systemctl edit temporary files of escaped names', () => {
    expect(fileKindOf(`/etc/systemd/system/${name}.d/.#override.conf0123456789abcdef`)).toEqual({
      kind: 'dropin',
      unitType: 'mount',
      unitName: name,
    });
  });

  it('our own temporary files name their target too', () => {
    expect(fileKindOf(`/etc/systemd/system/${name}.d/.#override.conf.systemd-units.0123456789abcdef`)).toEqual({
      kind: 'dropin',
      unitType: 'mount',
      unitName: name,
    });
    expect(fileKindOf('/ws/.#foo.socket.systemd-units.0123456789abcdef')).toEqual({
      kind: 'unit',
      unitType: 'socket',
      unitName: 'foo.socket',
    });
  });

  it('still understands Windows paths', () => {
    expect(fileKindOf('C:\\repo\\etc\\systemd\\system\\foo.service')).toEqual({
      kind: 'unit',
      unitType: 'service',
      unitName: 'foo.service',
    });
    expect(fileKindOf('C:\\repo\\foo.service.d\\x.conf')).toMatchObject({ kind: 'dropin', unitName: 'foo.service' });
  });
});

describe('unit-name validation for paths', () => {
  it('allows systemd escapes', () => {
    for (const n of [
      'mnt-backup\\x2ddrive.mount',
      'dev-disk-by\\x2duuid-1234.device',
      'foo@a\\x20b.service',
      'system-getty.slice',
    ])
      expect(validateUnitName(n).ok, n).toBe(true);
  });
  it('refuses /, .., control characters', () => {
    for (const n of [
      'a/b.service',
      '..',
      '../x.service',
      'foo\n.service',
      'foo\r.service',
      'foo\t.service',
      'foo\x01.service',
      'foo\x7f.service',
      'foo@a\nb.service',
      'foo\0.service',
    ]) {
      expect(validateUnitName(n).ok, JSON.stringify(n)).toBe(false);
    }
  });
});
