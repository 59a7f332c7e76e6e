/** Set Hardware Watchdog: a drop-in in /etc/systemd/system.conf.d/ (system.conf itself is never edited). */
import * as vscode from 'vscode';
import { WATCHDOG_DRIVERS, limitsForDriver } from '../../server/src/watchdog/drivers.js';
import { kernelWatchdogLimits } from '../../server/src/watchdog/sysfs.js';
import { evaluateWatchdogValue } from '../../server/src/services/rules/watchdog.js';
import { installFiles, requireTrust } from './install.js';

export async function setHardwareWatchdog(): Promise<void> {
  if (!requireTrust('Set Hardware Watchdog')) return;
  const kernel = kernelWatchdogLimits();
  const items = [
    ...(kernel ? [{ label: 'This machine', description: kernel.label, limits: kernel }] : []),
    ...WATCHDOG_DRIVERS.map((d) => ({ label: d.id, description: `${d.label}: ${d.min}–${d.max} s`, limits: limitsForDriver(d.id) })),
  ];
  const driver = await vscode.window.showQuickPick(items, { title: 'systemd: hardware watchdog driver' });
  if (!driver) return;
  const { min, max } = driver.limits;
  const value = await vscode.window.showInputBox({
    title: `systemd: RuntimeWatchdogSec= (accepted: ${min}–${max} s)`, value: `${Math.min(max, Math.max(min, 30))}s`,
    validateInput: (v) => {
      const ev = evaluateWatchdogValue(v);
      if (!ev) return 'A time span such as 30s or 5min, or off';
      if (ev.mode === 'seconds' && (ev.seconds! < min || ev.seconds! > max)) return `${ev.seconds} s (rounded up) is outside ${min}–${max} s: the driver would refuse it and the watchdog would stay off`;
      return undefined;
    },
  });
  if (!value) return;
  const reboot = `${Math.min(max, 600)}s`;
  const content = [
    '# Hardware watchdog, written by systemd Units.',
    `# Driver: ${driver.limits.label}; accepted timeouts ${min}–${max} s (systemd rounds up to whole seconds).`,
    '# Apply with: sudo systemctl daemon-reexec    Check with: wdctl (newer versions show the time left)',
    '[Manager]',
    `RuntimeWatchdogSec=${value}`,
    `RebootWatchdogSec=${reboot}`,
    '',
  ].join('\n');
  await installFiles([{ path: '/etc/systemd/system.conf.d/60-watchdog.conf', content, mergeable: true }], { reloadHint: 'sudo systemctl daemon-reexec' });
}
