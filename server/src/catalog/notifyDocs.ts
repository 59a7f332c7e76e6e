/** The sd_notify() messages (systemd-facts.md §2.3), in our words, for hovers on Type=notify, WatchdogSec=, NotifyAccess=. */

const NOTIFY_MESSAGES: readonly (readonly [string, string])[] = [
  [
    'READY=1',
    'start-up (or a reload) is complete; `Type=notify` and `notify-reload` services are not "active" until they send it',
  ],
  ['RELOADING=1', 'the service has begun reloading its configuration; it sends `READY=1` when done'],
  ['STOPPING=1', 'the service has begun shutting down'],
  ['STATUS=…', 'a one-line status text that `systemctl status` shows'],
  ['WATCHDOG=1', 'keep-alive ping: must arrive within every `WatchdogSec=` interval or the service is considered hung'],
  ['WATCHDOG=trigger', 'the service reports itself broken; systemd acts as if the watchdog had expired'],
  ['WATCHDOG_USEC=…', 'changes the watchdog interval at run time (µs)'],
  ['EXTEND_TIMEOUT_USEC=…', 'asks for more time before the current start, run or stop timeout fires'],
  ['FDSTORE=1', 'hands file descriptors to systemd to keep across restarts (needs `FileDescriptorStoreMax=`)'],
  ['MAINPID=…', 'tells systemd which process is the main one'],
];

export function notifyMarkdown(focus: 'type' | 'watchdog' | 'access'): string {
  const intro = {
    type: 'With `Type=notify` the program tells systemd its state through `sd_notify()` over `$NOTIFY_SOCKET`:',
    watchdog:
      'The service keeps the watchdog happy by sending `WATCHDOG=1` through `sd_notify()`; systemd exports `$WATCHDOG_USEC` and `$WATCHDOG_PID` to tell it the interval. A non-zero value raises `NotifyAccess=` from `none` to `main`. Messages:',
    access:
      'Which processes of the service may send `sd_notify()` messages (`none`, `main`, `exec`, `all`). The messages:',
  }[focus];
  return `${intro}\n\n${NOTIFY_MESSAGES.map(([m, t]) => `- \`${m}\`: ${t}`).join('\n')}`;
}
