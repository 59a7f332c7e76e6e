import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, normaliseSettings, WATCHDOG_DRIVER_CHOICES } from '../server/src/languageService.js';

const manifest = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'));
const props = manifest.contributes.configuration.properties;

describe('settings', () => {
  it('the manifest defaults agree with the server defaults', () => {
    const d = defaultSettings();
    expect(props['systemd.targetVersion'].default).toBe(d.targetVersion);
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
      parts.slice(0, -1).forEach((p: string) => { o = o[p] ??= {}; });
      o[parts[parts.length - 1]!] = v.default;
    }
    expect(normaliseSettings(nested)).toEqual(defaultSettings());
  });

  it('reads nested settings and ignores junk', () => {
    const s = normaliseSettings({ targetVersion: 252, diagnostics: { severity: { 'user-nobody': 'off', bogus: 'error', 'unknown-directive': 'loud' } }, unitSearchPaths: ['/srv', 3] });
    expect(s.targetVersion).toBe(252);
    expect(s.severity).toEqual({ 'user-nobody': 'off' });
    expect(s.unitSearchPaths).toEqual(['/srv']);
    expect(normaliseSettings('nonsense')).toEqual(defaultSettings());
  });
});
