/**
 * Hardware watchdog drivers and the timeouts they accept (systemd-facts.md §1.2, §1.5), and systemd's handling of
 * RuntimeWatchdogSec= & co. (§2.1): the value is rounded UP to whole seconds, capped at 4294967 s, and handed to
 * the driver with WDIOC_SETTIMEOUT; a driver that refuses it leaves the watchdog disarmed.
 */

export interface WatchdogDriver {
  readonly id: string;
  readonly label: string;
  /** Accepted whole seconds, inclusive. */
  readonly min: number;
  readonly max: number;
  /** Seconds → hardware ticks, when the driver counts in ticks (iTCO). */
  readonly ticks?: (seconds: number) => number;
  readonly tickLabel?: string;
}

/** iTCO: (t*10)/6 ticks of 0.6 s; v1 halves it (counts down twice); v3 counts seconds. */
const tco = (t: number): number => Math.floor((t * 10) / 6);

export const WATCHDOG_DRIVERS: readonly WatchdogDriver[] = [
  {
    id: 'iTCO-v1',
    label: 'Intel iTCO (TCO v1: ICH–ICH5, 6300ESB)',
    min: 5,
    max: 76,
    ticks: (t) => Math.floor(tco(t) / 2),
    tickLabel: 'ticks of 0.6 s, counted down twice (max 0x3f)',
  },
  {
    id: 'iTCO-v2',
    label: 'Intel iTCO (TCO v2: ICH6 and later PCHs)',
    min: 3,
    max: 614,
    ticks: tco,
    tickLabel: 'ticks of 0.6 s (max 0x3ff)',
  },
  {
    id: 'iTCO-v3',
    label: 'Intel iTCO (TCO v3: Bay Trail, Braswell, Avoton, Denverton)',
    min: 4,
    max: 1023,
    ticks: (t) => t,
    tickLabel: 'ticks of 1 s (max 0x3ff)',
  },
  {
    id: 'iTCO-v4',
    label: 'Intel iTCO (TCO v4: Sunrise Point)',
    min: 3,
    max: 614,
    ticks: tco,
    tickLabel: 'ticks of 0.6 s (max 0x3ff)',
  },
  {
    id: 'iTCO-v5',
    label: 'Intel iTCO (TCO v5: Apollo Lake)',
    min: 3,
    max: 614,
    ticks: tco,
    tickLabel: 'ticks of 0.6 s (max 0x3ff)',
  },
  {
    id: 'iTCO-v6',
    label: 'Intel iTCO (TCO v6: Cannon Lake and later)',
    min: 3,
    max: 614,
    ticks: tco,
    tickLabel: 'ticks of 0.6 s (max 0x3ff)',
  },
  { id: 'softdog', label: 'softdog (software watchdog)', min: 1, max: 65535 },
  { id: 'sp5100_tco', label: 'AMD/Hygon FCH (sp5100_tco)', min: 1, max: 65535 },
  { id: 'i6300esb', label: 'Intel 6300ESB (i6300esb, also QEMU)', min: 1, max: 2046 },
];

export const DEFAULT_WATCHDOG_DRIVER = 'iTCO-v2';

/** systemd caps the timeout at min(UINT_MAX/1000, INT_MAX) seconds. */
export const SYSTEMD_WATCHDOG_CAP = 4294967;

export interface WatchdogLimits {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly ticks?: (seconds: number) => number;
  readonly tickLabel?: string;
  /** Where the limits come from: 'setting' or 'kernel' (sysfs of the machine the editor runs on). */
  readonly source: 'setting' | 'kernel';
}

export function limitsForDriver(id: string, custom?: { min: number; max: number }): WatchdogLimits {
  if (id === 'custom' && custom)
    return { label: `custom range ${custom.min}–${custom.max} s`, min: custom.min, max: custom.max, source: 'setting' };
  const d =
    WATCHDOG_DRIVERS.find((x) => x.id === id) ?? WATCHDOG_DRIVERS.find((x) => x.id === DEFAULT_WATCHDOG_DRIVER)!;
  return { label: d.label, min: d.min, max: d.max, ticks: d.ticks, tickLabel: d.tickLabel, source: 'setting' };
}

/** The settings that program the hardware watchdog. */
export const HARDWARE_WATCHDOG_SETTINGS = new Set([
  'RuntimeWatchdogSec',
  'RebootWatchdogSec',
  'KExecWatchdogSec',
  'ShutdownWatchdogSec',
]);
