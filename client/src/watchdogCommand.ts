/**
 * Set Hardware Watchdog: a drop-in `60-watchdog.conf` in the `system.conf.d/` folder of the open `system.conf`'s
 * root (a workspace that mirrors a root gets it inside the workspace; system.conf itself is never edited). Without a
 * system.conf open, the user picks among the workspace's mirrors and (confirmed) the live system.
 */
import * as vscode from 'vscode';
import { join } from 'node:path';
import {
  WATCHDOG_DRIVERS,
  DEFAULT_WATCHDOG_DRIVER,
  limitsForDriver,
  kernelWatchdogLimits,
  evaluateWatchdogValue,
  fileKindOf,
  type WatchdogLimits,
} from '../../server/src/languageService.js';
import { chooseTarget, installFiles, requireTrust } from './install.js';

interface DriverItem extends vscode.QuickPickItem {
  readonly limits: WatchdogLimits;
  readonly id: string;
}

/**
 * The drivers to offer, the one to preselect first, chosen as the checks choose their limits (watchdogLimitsFor):
 * the configured `systemd.watchdog.driver`; with `auto`, the machine's own watchdog as the kernel reports it, or
 * the default driver when the machine reports none. The other drivers follow.
 */
export function driverItems(
  configured: string | undefined,
  custom: { min: number; max: number } | undefined,
  kernel: WatchdogLimits | undefined,
): DriverItem[] {
  const known = WATCHDOG_DRIVERS.map((d): DriverItem => ({
    id: d.id,
    label: d.id,
    description: `${d.label}: ${d.min}–${d.max} s`,
    limits: limitsForDriver(d.id),
  }));
  const machine: DriverItem | undefined = kernel
    ? {
        id: 'kernel',
        label: 'This machine',
        description: `${kernel.label}: ${kernel.min}–${kernel.max} s`,
        limits: kernel,
      }
    : undefined;
  const auto = !configured || configured === 'auto';
  let first: DriverItem | undefined;
  let why: string;
  if (configured === 'custom' && custom) {
    first = {
      id: 'custom',
      label: 'custom',
      description: `systemd.watchdog.customRange: ${custom.min}–${custom.max} s`,
      limits: limitsForDriver('custom', custom),
    };
    why = 'from the setting systemd.watchdog.customRange';
  } else if (!auto && known.some((k) => k.id === configured)) {
    first = known.find((k) => k.id === configured);
    why = 'from the setting systemd.watchdog.driver';
  } else if (machine) {
    first = machine;
    why = 'detected on this machine';
  } else {
    first = known.find((k) => k.id === DEFAULT_WATCHDOG_DRIVER);
    why = 'this machine reports no watchdog: the default of systemd.watchdog.driver "auto"';
  }
  const rest = [...(machine && machine !== first ? [machine] : []), ...known.filter((k) => k !== first)];
  return first ? [{ ...first, detail: why }, ...rest] : rest;
}

export async function setHardwareWatchdog(): Promise<void> {
  if (!requireTrust('Set Hardware Watchdog')) return;
  const cfg = vscode.workspace.getConfiguration('systemd');
  const configured = cfg.get<string>('watchdog.driver');
  const custom = cfg.get<{ min: number; max: number }>('watchdog.customRange');
  const items = driverItems(configured, custom, kernelWatchdogLimits());
  const driver = await vscode.window.showQuickPick(items, { title: 'systemd: hardware watchdog driver' });
  if (!driver) return;
  const { min, max } = driver.limits;
  const value = await vscode.window.showInputBox({
    title: `systemd: RuntimeWatchdogSec= (accepted: ${min}–${max} s)`,
    value: `${Math.min(max, Math.max(min, 30))}s`,
    validateInput: (v) => {
      const ev = evaluateWatchdogValue(v);
      if (!ev) return 'A time span such as 30s or 5min, or off';
      if (ev.mode === 'seconds' && (ev.seconds! < min || ev.seconds! > max))
        return `${ev.seconds} s (rounded up) is outside ${min}–${max} s: the driver would refuse it and the watchdog would stay off`;
      return undefined;
    },
  });
  if (!value) return;
  // The root comes from the open system.conf (or one of its drop-ins), never from a fixed path.
  const active = vscode.window.activeTextEditor?.document;
  const activePath = active?.uri.scheme === 'file' ? active.uri.fsPath : undefined;
  const kind = activePath ? fileKindOf(activePath) : undefined;
  const documentPath = kind?.kind === 'manager' && kind.scope === 'system' ? activePath : undefined;
  const target = await chooseTarget({ kind: 'managerDropIn' }, 'system', {
    documentPath,
    title: 'systemd: where to write 60-watchdog.conf',
  });
  if (!target) return;
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
  await installFiles([{ path: join(target.folder, '60-watchdog.conf'), content, mergeable: true }], {
    target,
    reloadHint: target.live ? 'sudo systemctl daemon-reexec' : undefined,
  });
}
