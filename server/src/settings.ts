/**
 * Settings under `systemd.*`. The defaults here and in package.json's contributes.configuration must agree
 * (a test checks it).
 */
import { NEWEST_VERSION } from './catalog/catalog.js';
import { CODES } from './services/codes.js';
import type { Severity } from './values/types.js';

export interface Settings {
  /** systemd version the units are written for (systemd.targetVersion). */
  targetVersion: number;
  /** Per-code severity overrides (systemd.diagnostics.severity). */
  severity: Record<string, Severity | 'off'>;
  /** Extra folders searched for units, each a unit folder or a root holding etc/systemd/system… (systemd.unitSearchPaths). */
  unitSearchPaths: string[];
  /** At most this many diagnostics per file (systemd.diagnostics.maxPerFile). */
  maxDiagnostics: number;
  /** Show the local man page's text in hovers (systemd.hover.manPages). */
  manPages: boolean;
}

export function defaultSettings(): Settings {
  return { targetVersion: NEWEST_VERSION, severity: {}, unitSearchPaths: [], maxDiagnostics: 1000, manPages: true };
}

const LEVELS = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Accepts the `systemd` configuration object (nested as VS Code returns it); ignores what it does not understand. */
export function normaliseSettings(raw: unknown): Settings {
  const s = defaultSettings();
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  const tv = Number(r.targetVersion);
  if (Number.isInteger(tv) && tv >= 1 && tv <= 999) s.targetVersion = tv;
  const diag = (r.diagnostics ?? {}) as Record<string, unknown>;
  const sev = diag.severity;
  if (sev && typeof sev === 'object') {
    for (const [k, v] of Object.entries(sev as Record<string, unknown>)) {
      if (k in CODES && typeof v === 'string' && LEVELS.has(v)) s.severity[k] = v as Severity | 'off';
    }
  }
  const max = Number(diag.maxPerFile);
  if (Number.isInteger(max) && max > 0) s.maxDiagnostics = max;
  if (Array.isArray(r.unitSearchPaths)) s.unitSearchPaths = r.unitSearchPaths.filter((p): p is string => typeof p === 'string' && p.length > 0);
  const hover = (r.hover ?? {}) as Record<string, unknown>;
  if (typeof hover.manPages === 'boolean') s.manPages = hover.manPages;
  return s;
}
