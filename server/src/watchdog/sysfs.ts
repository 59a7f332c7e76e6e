/**
 * The limits the kernel reports for the machine's watchdog (/sys/class/watchdog/watchdog0/{identity,min_timeout,
 * max_timeout}). Used by the server and the CLI when present; the pure language service gets the result.
 */
import { readFileSync } from 'node:fs';
import { WATCHDOG_DRIVERS, type WatchdogLimits } from './drivers.js';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

export function kernelWatchdogLimits(dir = '/sys/class/watchdog/watchdog0'): WatchdogLimits | undefined {
  const identity = read(`${dir}/identity`);
  if (identity === undefined) return undefined;
  const min = Number(read(`${dir}/min_timeout`));
  const max = Number(read(`${dir}/max_timeout`));
  if (Number.isFinite(max) && max > 0) {
    return {
      label: `${identity} (limits reported by this machine's kernel)`,
      min: Number.isFinite(min) && min > 0 ? min : 1,
      max,
      source: 'kernel',
    };
  }
  // iTCO leaves min/max unset in the kernel: fall back to the driver's own arithmetic, named by identity.
  if (/iTCO/i.test(identity)) {
    const v2 = WATCHDOG_DRIVERS.find((d) => d.id === 'iTCO-v2')!;
    return {
      label: `${identity} on this machine (iTCO; TCO version not reported, assuming v2)`,
      min: v2.min,
      max: v2.max,
      ticks: v2.ticks,
      tickLabel: v2.tickLabel,
      source: 'kernel',
    };
  }
  return undefined;
}
