/**
 * Each domain fact has one home (issue 9): one exported function, and one test of it here. Rules, features, the
 * CLI and the client call these functions instead of restating the fact.
 */
import { describe, it, expect } from 'vitest';
import { implicitServiceType } from '../server/src/catalog/serviceType.js';
import { NEWEST_VERSION, allDirectives, sectionsForUnitType, allSpecifiers } from '../server/src/catalog/catalog.js';
import { appliesToOneUnit, isVendorUnitFile, unitWorldOf } from '../server/src/units/unitWorld.js';
import { sectionsForFile, fileKindOf } from '../server/src/units/fileKind.js';
import { SPECIFIERS } from '../server/src/values/specifiers.js';
import { wordAt, wordBefore } from '../server/src/services/context.js';
import { dropInPathFor } from '../server/src/units/safeWrite.js';

describe('one home per domain fact', () => {
  it('the Type= of a service that does not set it: dbus with BusName=, simple with ExecStart=, else oneshot', () => {
    expect(implicitServiceType({ busName: true, execStart: true })).toBe('dbus');
    expect(implicitServiceType({ busName: false, execStart: true })).toBe('simple');
    expect(implicitServiceType({ busName: false, execStart: false })).toBe('oneshot');
  });

  it('vendor unit files: package folders of the live root and of a workspace mirror, never /etc', () => {
    expect(isVendorUnitFile('/usr/lib/systemd/system/ssh.service')).toBe(true);
    expect(isVendorUnitFile('/lib/systemd/system/ssh.service')).toBe(true);
    expect(isVendorUnitFile('/usr/local/lib/systemd/system/x.service')).toBe(true);
    expect(isVendorUnitFile('/usr/share/systemd/user/x.service')).toBe(true); // $XDG_DATA_DIRS/systemd/user
    expect(isVendorUnitFile('/repo/usr/lib/systemd/system/ssh.service')).toBe(true);
    expect(isVendorUnitFile('/etc/systemd/system/ssh.service')).toBe(false);
    expect(isVendorUnitFile('/repo/etc/systemd/system/ssh.service')).toBe(false);
    expect(isVendorUnitFile('/home/me/ssh.service')).toBe(false);
  });

  it('drop-in folders for one unit, and those for many (type-level, prefix)', () => {
    expect(appliesToOneUnit('foo.service', 'service')).toBe(true);
    expect(appliesToOneUnit('foo@.service', 'service')).toBe(true);
    expect(appliesToOneUnit('mnt-backup\\x2ddrive.mount', 'mount')).toBe(true);
    expect(appliesToOneUnit('service', 'service')).toBe(false);
    expect(appliesToOneUnit('foo-.service', 'service')).toBe(false);
    expect(appliesToOneUnit('foo-bar-.socket', 'socket')).toBe(false);
  });

  it('one view of the world: a workspace mirror looks in the workspace first, then the host', () => {
    expect(unitWorldOf('/repo/usr/lib/systemd/system/man-db.timer')).toEqual({
      root: '/repo',
      scope: 'system',
      roots: ['/repo', '/'],
      mirrored: true,
    });
    expect(unitWorldOf('/etc/systemd/user/x.service')).toEqual({
      root: '/',
      scope: 'user',
      roots: ['/'],
      mirrored: false,
    });
    expect(unitWorldOf('/home/me/x.service').roots).toEqual(['/']);
  });

  it('the sections of a unit type come from the catalog, also for file kinds', () => {
    expect(sectionsForUnitType('socket')).toEqual(['Unit', 'Socket', 'Install']);
    expect(sectionsForFile(fileKindOf('/x/foo.automount'))).toEqual(sectionsForUnitType('automount'));
    expect(sectionsForFile(fileKindOf('/x/foo.timer.d/a.conf'))).toEqual(sectionsForUnitType('timer'));
    expect(sectionsForFile(fileKindOf('/etc/systemd/system.conf'))).toEqual(['Manager']);
  });

  it("the specifier record is the catalog's (values/ derives from it, adds nothing)", () => {
    const fromCatalog = allSpecifiers()
      .filter((s) => s.letter !== '%')
      .map((s) => s.letter)
      .sort();
    expect(SPECIFIERS.map((s) => s.char).sort()).toEqual(fromCatalog);
    expect(fromCatalog).toContain('i');
  });

  it('the word under the cursor and the word being typed', () => {
    expect(wordAt('network.target  sshd.service', 18)).toEqual({ start: 16, end: 28 });
    expect(wordAt('a b', 1)).toEqual({ start: 0, end: 1 });
    expect(wordBefore('After=net', 9)).toBe(6);
    expect(wordBefore('a.service b', 11)).toBe(10);
  });

  it('the newest version is the newest since-version in the catalog', () => {
    const newest = Math.max(...allDirectives().map((d) => d.since));
    expect(NEWEST_VERSION).toBe(newest);
  });

  it('drop-in target paths: system, user and inside a root', () => {
    expect(dropInPathFor('foo.service', 'system')).toMatchObject({
      ok: true,
      path: '/etc/systemd/system/foo.service.d/override.conf',
    });
    expect(dropInPathFor('foo.service', 'system', 'a.conf', '/repo')).toMatchObject({
      ok: true,
      path: '/repo/etc/systemd/system/foo.service.d/a.conf',
    });
    expect(dropInPathFor('foo.service', 'user', 'override.conf', '/', { env: { HOME: '/home/me' } })).toMatchObject({
      ok: true,
      path: '/home/me/.config/systemd/user/foo.service.d/override.conf',
    });
    expect(dropInPathFor('../../etc/passwd', 'system').ok).toBe(false);
  });
});
