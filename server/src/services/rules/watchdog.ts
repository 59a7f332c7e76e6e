/**
 * Stage 3: hardware watchdog timeouts in system.conf/user.conf (and drop-ins) against what the driver accepts.
 * systemd rounds up to whole seconds; a refused value leaves the watchdog silently disarmed (systemd-facts.md §2.1).
 */
import type { Rule } from './types.js';
import {
  HARDWARE_WATCHDOG_SETTINGS,
  limitsForDriver,
  DEFAULT_WATCHDOG_DRIVER,
  type WatchdogLimits,
} from '../../watchdog/drivers.js';
import { evaluateWatchdogValue } from '../../watchdog/evaluate.js';

export { evaluateWatchdogValue, type WatchdogEvaluation } from '../../watchdog/evaluate.js';

export const watchdogRule: Rule = {
  stage: 3,
  name: 'watchdog',
  codes: ['watchdog-out-of-range'],
  run(ctx) {
    if (ctx.analysis.file.kind !== 'manager') return;
    const limits: WatchdogLimits = ctx.options.watchdog ?? limitsForDriver(DEFAULT_WATCHDOG_DRIVER);
    const where =
      limits.source === 'kernel'
        ? `the limits this machine's kernel reports for ${limits.label}`
        : `the ${limits.label} driver (setting systemd.watchdog.driver)`;
    let runtimeSet = false;
    let rebootSet = false;
    for (const e of ctx.analysis.entries) {
      if (!e.info || e.info.section !== 'Manager' || !HARDWARE_WATCHDOG_SETTINGS.has(e.info.name) || !ctx.isClean(e))
        continue;
      if (e.info.name === 'RuntimeWatchdogSec') runtimeSet = true;
      if (e.info.name === 'RebootWatchdogSec' || e.info.name === 'ShutdownWatchdogSec') rebootSet = true;
      const ev = evaluateWatchdogValue(e.node.value);
      if (!ev || ev.mode !== 'seconds') continue;
      const s = ev.seconds!;
      if (s >= limits.min && s <= limits.max) continue;
      const rounded = ev.usec! % 1e6 !== 0 ? ` (rounded up from ${e.node.value})` : '';
      const edge = s > limits.max ? `above the maximum of ${limits.max} s` : `below the minimum of ${limits.min} s`;
      ctx.report(
        {
          start: e.node.valueSpan.start,
          end: e.node.valueSpan.end,
          code: 'watchdog-out-of-range',
          message: `${e.info.name}= asks the hardware watchdog for ${s} s${rounded}, ${edge} accepted by ${where}. The driver refuses it: systemd logs one error, disarms the watchdog and never pings it again, so the machine runs without a hardware watchdog. Use ${limits.min}–${limits.max} s.`,
          data: { suggestions: [s > limits.max ? `${limits.max}s` : `${limits.min}s`] },
        },
        e,
      );
    }
    // The default RebootWatchdogSec=10min is beyond TCO v1's 76 s.
    if (runtimeSet && !rebootSet && 600 > limits.max) {
      const first = ctx.analysis.entries.find((e) => e.info?.name === 'RuntimeWatchdogSec');
      if (first) {
        ctx.report(
          {
            start: first.node.keySpan.start,
            end: first.node.keySpan.end,
            code: 'watchdog-out-of-range',
            severity: 'info',
            message: `The default RebootWatchdogSec=10min (600 s) is above the ${limits.max} s maximum of ${where}; set RebootWatchdogSec= to at most ${limits.max}s so the watchdog stays armed during reboot.`,
            data: { suggestions: [] },
          },
          first,
        );
      }
    }
  },
};
