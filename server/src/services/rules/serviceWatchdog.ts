/**
 * Stage 3: a reminder on WatchdogSec= of a service that is not Type=notify: the program itself must send
 * WATCHDOG=1 keep-alives (systemd-facts.md §2.2). Many do (systemd-journal-remote.service is Type=simple and
 * sends them; WatchdogSec= already makes NotifyAccess= default to main), so this is information, not a warning.
 */
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
    const type =
      last('Type')?.node.value ?? implicitServiceType({ busName: !!last('BusName'), execStart: !!last('ExecStart') });
    const notifyAccess = last('NotifyAccess')?.node.value ?? 'none';
    // notify types are written for sd_notify; dbus services use sd-bus and in practice send keep-alives too.
    if (type === 'notify' || type === 'notify-reload' || type === 'dbus' || notifyAccess !== 'none') return;
    ctx.report(
      {
        start: wd.node.keySpan.start,
        end: wd.node.keySpan.end,
        code: 'service-watchdog-without-notify',
        message: `Reminder: with WatchdogSec=${wd.node.value} the program must call sd_notify("WATCHDOG=1") at least every ${wd.node.value} (NotifyAccess= defaults to main with WatchdogSec=), or systemd takes it as hung and stops it with WatchdogSignal= (SIGABRT by default). Nothing is wrong if this Type=${type} daemon does so.`,
      },
      wd,
    );
  },
};
