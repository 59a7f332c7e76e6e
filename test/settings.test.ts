import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, normaliseSettings, WATCHDOG_DRIVER_CHOICES } from '../server/src/languageService.js';

const manifest = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'));
const props = manifest.contributes.configuration.properties;

describe('settings', () => {
  it('the manifest defaults agree with the server defaults', () => {
    const d = defaultSettings();
    expect(props['systemd.targetVersion'].default).toBe(d.targetVersionSetting);
    expect(props['systemd.diagnostics.severity'].default).toEqual(d.severity);
    expect(props['systemd.diagnostics.maxPerFile'].default).toBe(d.maxDiagnostics);
    expect(props['systemd.unitSearchPaths'].default).toEqual(d.unitSearchPaths);
    expect(props['systemd.hover.manPages'].default).toBe(d.manPages);
    expect(props['systemd.watchdog.driver'].default).toBe(d.watchdogDriver);
    expect(props['systemd.watchdog.driver'].enum).toEqual(WATCHDOG_DRIVER_CHOICES);
    expect(props['systemd.watchdog.customRange'].default).toEqual(d.watchdogCustomRange);
    expect(props['systemd.socketActivation.preloadLibrary'].default).toBe(d.preloadLibrary);
  });

  it('every manifest setting is understood by the server', () => {
    const nested: any = {};
    for (const [k, v] of Object.entries<any>(props)) {
      const parts = k.split('.').slice(1);
      let o = nested;
      parts.slice(0, -1).forEach((p: string) => {
        o = o[p] ??= {};
      });
      o[parts[parts.length - 1]!] = v.default;
    }
    // 'auto' resolves through the detector; without a local systemd it is the defaults exactly.
    expect(normaliseSettings(nested, () => undefined)).toEqual(defaultSettings());
  });

  it('reads nested settings and ignores junk', () => {
    const s = normaliseSettings({
      targetVersion: 252,
      diagnostics: { severity: { 'user-nobody': 'off', bogus: 'error', 'unknown-directive': 'loud' } },
      unitSearchPaths: ['/srv', 3],
    });
    expect(s.targetVersion).toBe(252);
    expect(s.severity).toEqual({ 'user-nobody': 'off' });
    expect(s.unitSearchPaths).toEqual(['/srv']);
    expect(normaliseSettings('nonsense', () => undefined)).toEqual(defaultSettings());
  });
});

describe('target version auto', () => {
  it('takes the local systemd, else the newest known; a number wins', () => {
    expect(normaliseSettings({}, () => 252)).toMatchObject({
      targetVersion: 252,
      targetVersionSetting: 'auto',
      targetVersionFrom: 'machine',
    });
    expect(normaliseSettings({ targetVersion: 'auto' }, () => undefined)).toMatchObject({
      targetVersion: defaultSettings().targetVersion,
      targetVersionFrom: 'newest',
    });
    expect(normaliseSettings({ targetVersion: 250 }, () => 252)).toMatchObject({
      targetVersion: 250,
      targetVersionSetting: 250,
      targetVersionFrom: 'setting',
    });
    expect(normaliseSettings({ targetVersion: 'soon' }, () => 249)).toMatchObject({
      targetVersion: 249,
      targetVersionSetting: 'auto',
    });
  });
  it('reads the version from systemctl and from the shared library name', async () => {
    const { parseSystemctlVersion, versionFromLibraryDirs } = await import('../server/src/units/localSystemd.js');
    expect(parseSystemctlVersion('systemd 252 (252.38-1~deb12u1)\n+PAM +AUDIT')).toBe(252);
    expect(parseSystemctlVersion('not systemd')).toBeUndefined();
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'libsd-'));
    try {
      writeFileSync(join(dir, 'libsystemd-shared-257.so'), '');
      expect(versionFromLibraryDirs(['/nonexistent', dir])).toBe(257);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
