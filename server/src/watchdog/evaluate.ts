/**
 * What systemd does with a hardware watchdog timeout (RuntimeWatchdogSec= & co.): off, keep the programmed timeout,
 * or whole seconds (rounded up, capped) handed to the driver (systemd-facts.md §2.1). The one home of this fact:
 * the watchdog rule, the hover and the Set Hardware Watchdog command all use it.
 */
import { SYSTEMD_WATCHDOG_CAP } from './drivers.js';
import { parseTimespan } from '../values/timespan.js';

export interface WatchdogEvaluation {
  /** 'off' (0 or off), 'keep' (default/infinity: keep the programmed timeout), or whole seconds sent to the driver. */
  readonly mode: 'off' | 'keep' | 'seconds';
  readonly seconds?: number;
  readonly usec?: number;
}

export function evaluateWatchdogValue(value: string): WatchdogEvaluation | undefined {
  const v = value.trim();
  if (v === 'off') return { mode: 'off' };
  if (v === 'default') return { mode: 'keep' };
  const r = parseTimespan(v);
  if (!('usec' in r)) return undefined;
  if (r.usec === 'infinity') return { mode: 'keep' };
  if (r.usec === 0) return { mode: 'off' };
  const seconds = Math.min(Math.ceil(r.usec / 1e6), SYSTEMD_WATCHDOG_CAP);
  return { mode: 'seconds', seconds, usec: r.usec };
}
