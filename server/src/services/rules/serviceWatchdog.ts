/** Stage 3: WatchdogSec= on a service that will not send WATCHDOG=1 keep-alives (systemd-facts.md §2.2). */
import type { Rule } from './types.js';
import { parseTimespan } from '../../values/timespan.js';
import { lastValue } from './service.js';
import { acceptedIn } from './duplicates.js';
import { implicitServiceType } from '../../catalog/serviceType.js';

export const serviceWatchdogRule: Rule = {
  stage: 3,
  name: 'service-watchdog',
  codes: ['service-watchdog-without-notify'],
  run(ctx) {
    const { analysis } = ctx;
    if (analysis.file.kind !== 'unit' || analysis.unitType !== 'service') return;
    const accepted = acceptedIn(ctx);
    const last = (name: string) => lastValue(analysis.entries, 'Service', name, accepted);
    const wd = last('WatchdogSec');
    if (!wd || !ctx.isClean(wd)) return;
    const r = parseTimespan(wd.node.value);
    if (!('usec' in r) || r.usec === 0 || r.usec === 'infinity') return;
    const type = last('Type')?.node.value ?? implicitServiceType({ busName: !!last('BusName'), execStart: !!last('ExecStart') });
    const notifyAccess = last('NotifyAccess')?.node.value ?? 'none';
    // notify types are written for sd_notify; dbus services use sd-bus and in practice send keep-alives too.
    if (type === 'notify' || type === 'notify-reload' || type === 'dbus' || notifyAccess !== 'none') return;
    ctx.report({
      start: wd.node.keySpan.start, end: wd.node.keySpan.end, code: 'service-watchdog-without-notify',
      message: `WatchdogSec=${wd.node.value} on a Type=${type} service: unless the program itself calls sd_notify("WATCHDOG=1") at least every ${wd.node.value}, systemd declares it hung and stops it (with WatchdogSignal=, SIGABRT by default). Use Type=notify for a daemon written for it, or set NotifyAccess= to say who sends the keep-alives.`,
    }, wd);
  },
};
