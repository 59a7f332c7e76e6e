/**
 * Settings under `systemd.*`. The defaults here and in package.json's contributes.configuration must agree
 * (a test checks it).
 */
import { NEWEST_VERSION } from '../catalog/catalog.js';
import { CODES } from './codes.js';
import type { Severity } from '../values/types.js';
import {
  WATCHDOG_DRIVERS,
  DEFAULT_WATCHDOG_DRIVER,
  limitsForDriver,
  type WatchdogLimits,
} from '../watchdog/drivers.js';
import { localSystemdVersion } from '../units/localSystemd.js';
import { localPodmanVersion } from '../units/localPodman.js';
import { NEWEST_PODMAN } from '../catalog/dialects.js';

export const DEFAULT_PRELOAD_LIBRARY = '/usr/local/lib/sockethack/libsockethack.so';
export const WATCHDOG_DRIVER_CHOICES = ['auto', ...WATCHDOG_DRIVERS.map((d) => d.id), 'custom'];

export interface Settings {
  /** systemd version the units are checked against: the setting, or for 'auto' the version resolved below. */
  targetVersion: number;
  /** The setting as given (systemd.targetVersion, --target-version): a version, or 'auto' (the default). */
  targetVersionSetting: number | 'auto';
  /** Where targetVersion comes from: the setting, this machine's systemd ('auto'), or the newest known ('auto' without one). */
  targetVersionFrom: 'setting' | 'machine' | 'newest';
  /** Podman release Quadlet files are checked against ("5.8.2"): the setting, or for 'auto' the local podman's, else the newest known. */
  podmanVersion: string;
  /** The setting as given (systemd.podmanVersion): "MAJOR.MINOR[.PATCH]" or 'auto' (the default). */
  podmanVersionSetting: string;
  /** Where podmanVersion comes from. */
  podmanVersionFrom: 'setting' | 'machine' | 'newest';
  /** Per-code severity overrides (systemd.diagnostics.severity). */
  severity: Record<string, Severity | 'off'>;
  /** Extra folders searched for units, each a unit folder or a root holding etc/systemd/system… (systemd.unitSearchPaths). */
  unitSearchPaths: string[];
  /** At most this many diagnostics per file (systemd.diagnostics.maxPerFile). */
  maxDiagnostics: number;
  /** Show the local man page's text in hovers (systemd.hover.manPages). */
  manPages: boolean;
  /** Hardware watchdog driver whose limits RuntimeWatchdogSec= & co. are checked against (systemd.watchdog.driver). */
  watchdogDriver: string;
  /** Range for watchdogDriver 'custom' (systemd.watchdog.customRange). */
  watchdogCustomRange: { min: number; max: number };
  /** LD_PRELOAD library for socket activation of unmodified daemons (systemd.socketActivation.preloadLibrary). */
  preloadLibrary: string;
  /** One hint per failing exposure check of a service (systemd.hardening.diagnostics). */
  hardeningDiagnostics: boolean;
}

export function defaultSettings(): Settings {
  return {
    targetVersion: NEWEST_VERSION,
    targetVersionSetting: 'auto',
    targetVersionFrom: 'newest',
    podmanVersion: NEWEST_PODMAN,
    podmanVersionSetting: 'auto',
    podmanVersionFrom: 'newest',
    severity: {},
    unitSearchPaths: [],
    maxDiagnostics: 1000,
    manPages: true,
    watchdogDriver: 'auto',
    watchdogCustomRange: { min: 1, max: 600 },
    preloadLibrary: DEFAULT_PRELOAD_LIBRARY,
    hardeningDiagnostics: true,
  };
}

const LEVELS = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * The version to check against for a target version setting: the number itself, or for 'auto' the local systemd's
 * version (`detect`, by default `systemctl --version` or the libsystemd-shared-NNN.so name), else the newest known.
 */
export function resolveTargetVersion(
  setting: number | 'auto',
  detect: () => number | undefined = localSystemdVersion,
): Pick<Settings, 'targetVersion' | 'targetVersionSetting' | 'targetVersionFrom'> {
  if (setting !== 'auto')
    return { targetVersion: setting, targetVersionSetting: setting, targetVersionFrom: 'setting' };
  const local = detect();
  return local !== undefined && local >= 1 && local <= 999
    ? { targetVersion: local, targetVersionSetting: 'auto', targetVersionFrom: 'machine' }
    : { targetVersion: NEWEST_VERSION, targetVersionSetting: 'auto', targetVersionFrom: 'newest' };
}

/**
 * The podman release to check Quadlet files against: "MAJOR.MINOR[.PATCH]" as given, or for 'auto' (or anything
 * else) the local podman's (`detect`, by default `podman --version`), else the newest the Quadlet data knows.
 */
export function resolvePodmanVersion(
  setting: unknown,
  detect: () => string | undefined = localPodmanVersion,
): Pick<Settings, 'podmanVersion' | 'podmanVersionSetting' | 'podmanVersionFrom'> {
  const m = typeof setting === 'string' ? /^(\d{1,2})\.(\d{1,3})(?:\.(\d{1,3}))?$/.exec(setting.trim()) : null;
  if (m)
    return {
      podmanVersion: `${Number(m[1])}.${Number(m[2])}.${Number(m[3] ?? 0)}`,
      podmanVersionSetting: setting as string,
      podmanVersionFrom: 'setting',
    };
  const local = detect();
  return local
    ? { podmanVersion: local, podmanVersionSetting: 'auto', podmanVersionFrom: 'machine' }
    : { podmanVersion: NEWEST_PODMAN, podmanVersionSetting: 'auto', podmanVersionFrom: 'newest' };
}

/** A target version as a setting or option gives it: 'auto' or a whole number 1..999; undefined when invalid. */
export function parseTargetVersion(v: unknown): number | 'auto' | undefined {
  if (v === 'auto') return 'auto';
  const tv = typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)) ? Number(v) : NaN;
  return Number.isInteger(tv) && tv >= 1 && tv <= 999 ? tv : undefined;
}

/**
 * Accepts the `systemd` configuration object (nested as VS Code returns it); ignores what it does not understand.
 * `detect` finds the local systemd's version for the target version 'auto' (the default).
 */
export function normaliseSettings(
  raw: unknown,
  detect: () => number | undefined = localSystemdVersion,
  detectPodman: () => string | undefined = localPodmanVersion,
): Settings {
  const s = defaultSettings();
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  Object.assign(s, resolveTargetVersion(parseTargetVersion(r.targetVersion) ?? 'auto', detect));
  Object.assign(s, resolvePodmanVersion(r.podmanVersion, detectPodman));
  if (!raw || typeof raw !== 'object') return s;
  const diag = (r.diagnostics ?? {}) as Record<string, unknown>;
  const sev = diag.severity;
  if (sev && typeof sev === 'object') {
    for (const [k, v] of Object.entries(sev as Record<string, unknown>)) {
      if (k in CODES && typeof v === 'string' && LEVELS.has(v)) s.severity[k] = v as Severity | 'off';
    }
  }
  const max = Number(diag.maxPerFile);
  if (Number.isInteger(max) && max > 0) s.maxDiagnostics = max;
  if (Array.isArray(r.unitSearchPaths))
    s.unitSearchPaths = r.unitSearchPaths.filter((p): p is string => typeof p === 'string' && p.length > 0);
  const hover = (r.hover ?? {}) as Record<string, unknown>;
  if (typeof hover.manPages === 'boolean') s.manPages = hover.manPages;
  const wd = (r.watchdog ?? {}) as Record<string, unknown>;
  if (typeof wd.driver === 'string' && WATCHDOG_DRIVER_CHOICES.includes(wd.driver)) s.watchdogDriver = wd.driver;
  const range = (wd.customRange ?? {}) as Record<string, unknown>;
  const rmin = Number(range.min);
  const rmax = Number(range.max);
  if (Number.isInteger(rmin) && Number.isInteger(rmax) && rmin >= 1 && rmax >= rmin)
    s.watchdogCustomRange = { min: rmin, max: rmax };
  const sa = (r.socketActivation ?? {}) as Record<string, unknown>;
  if (typeof sa.preloadLibrary === 'string' && sa.preloadLibrary.startsWith('/')) s.preloadLibrary = sa.preloadLibrary;
  const hardening = (r.hardening ?? {}) as Record<string, unknown>;
  if (typeof hardening.diagnostics === 'boolean') s.hardeningDiagnostics = hardening.diagnostics;
  return s;
}

/** The watchdog limits to check against: the kernel's when 'auto' and the machine has a watchdog, else the driver's. */
export function watchdogLimitsFor(s: Settings, kernel: () => WatchdogLimits | undefined): WatchdogLimits {
  if (s.watchdogDriver === 'auto') return kernel() ?? limitsForDriver(DEFAULT_WATCHDOG_DRIVER);
  return limitsForDriver(s.watchdogDriver, s.watchdogCustomRange);
}
