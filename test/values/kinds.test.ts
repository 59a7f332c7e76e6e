/** Table-driven valid/invalid cases per value kind (examples from data/directives.md and systemd-facts.md §3). */
import { describe, it, expect } from 'vitest';
import { check, outcome } from './helpers.js';

type Case = [key: string, value: string, expected: 'ok' | 'error' | 'warning'];

const CASES: Record<string, Case[]> = {
  bool: [
    ['Swap.ProtectClock', 'yes', 'ok'], ['Swap.ProtectClock', 'On', 'ok'], ['Service.NoNewPrivileges', 'on', 'ok'],
    ['Service.NoNewPrivileges', '0', 'ok'], ['Service.NoNewPrivileges', 'YES', 'ok'], ['Service.NoNewPrivileges', 't', 'ok'],
    ['Swap.ProtectClock', 'maybe', 'error'], ['Service.NoNewPrivileges', '2', 'error'], ['Service.NoNewPrivileges', 'enable', 'error'],
  ],
  'tristate-bool': [
    ['Swap.PrivateMounts', 'no', 'ok'], ['Swap.PrivateMounts', '', 'ok'], ['Swap.PrivateMounts', 'maybe', 'error'],
  ],
  'timespan-sec': [
    ['Mount.TimeoutCleanSec', '5min 20s', 'ok'], ['Service.TimeoutStartSec', '1h30', 'ok'], ['Service.TimeoutStartSec', 'infinity', 'ok'],
    ['Service.RestartSec', '5min20s', 'ok'], ['Service.RestartSec', '5 min', 'ok'], ['Service.RestartSec', '55s500ms', 'ok'],
    ['Service.RestartSec', '1d 1d', 'ok'], ['Service.RestartSec', '1.5h', 'ok'], ['Service.RestartSec', '.5s', 'ok'],
    ['Service.RestartSec', '1y', 'ok'], ['Service.RestartSec', '1M', 'ok'], ['Service.RestartSec', '0', 'ok'],
    ['Service.RestartSec', '+5s', 'ok'], ['Service.RestartSec', '1sec5', 'ok'], ['Service.RestartSec', '1\u00b5s', 'ok'],
    ['Service.RestartSec', '1\u03bcs', 'ok'], ['Service.RestartSec', '5weeks', 'ok'], ['Service.RestartSec', '1minutes', 'ok'],
    ['Service.RestartSec', '100ms', 'ok'],
    ['Mount.TimeoutCleanSec', '5secs', 'error'], ['Service.TimeoutStartSec', '10secs', 'error'], ['Service.TimeoutStartSec', '10MIN', 'error'],
    ['Service.TimeoutStartSec', '-1', 'error'], ['Service.RestartSec', '2.', 'error'], ['Service.RestartSec', '1.5.5', 'error'],
    ['Service.RestartSec', 'infinity 5s', 'error'], ['Service.RestartSec', 'INFINITY', 'error'], ['Service.RestartSec', '1e3', 'error'],
    ['Service.RestartSec', '1mins', 'error'], ['Service.RestartSec', '5m s', 'error'], ['Service.RestartSec', '1ns', 'error'],
    ['Service.RestartSec', '584543y', 'error'], ['Service.RestartSec', 'abc', 'error'],
    ['Manager.RuntimeWatchdogSec', 'off', 'ok'], ['Manager.RuntimeWatchdogSec', 'default', 'ok'], ['Manager.RuntimeWatchdogSec', '10min', 'ok'],
    ['Service.ManagedOOMMemoryPressureDurationSec', '500ms', 'error'], ['Service.ManagedOOMMemoryPressureDurationSec', '30s', 'ok'],
    ['Timer.OnBootSec', '15min', 'ok'], ['Timer.AccuracySec', '1us', 'ok'],
  ],
  nsec: [
    ['Socket.TimerSlackNSec', '50us', 'ok'], ['Socket.TimerSlackNSec', '1000', 'ok'], ['Socket.TimerSlackNSec', '10ns', 'ok'],
    ['Socket.TimerSlackNSec', '5parsecs', 'error'],
  ],
  bytes: [
    ['Socket.ReceiveBuffer', '1M', 'ok'], ['Socket.ReceiveBuffer', '1.5G', 'ok'], ['Socket.ReceiveBuffer', '1G 512M', 'ok'],
    ['Socket.ReceiveBuffer', '1k', 'error'], ['Socket.ReceiveBuffer', '1KiB', 'error'], ['Socket.ReceiveBuffer', '512M 1G', 'error'],
    ['Socket.ReceiveBuffer', '16E', 'error'], ['Socket.ReceiveBuffer', '15E', 'ok'],
  ],
  'bytes-or-percent': [
    ['Service.MemoryMax', '512M', 'ok'], ['Service.MemoryMax', '50%', 'ok'], ['Service.MemoryMax', 'infinity', 'ok'],
    ['Service.MemoryMax', '50.5%', 'ok'], ['Service.MemoryMax', '50.55%', 'ok'], ['Service.MemoryMax', '1G 512M', 'ok'],
    ['Service.MemoryMax', '1 G', 'ok'], ['Service.MemoryMax', '1.G', 'ok'], ['Service.MemoryMax', '100%', 'ok'],
    ['Service.MemoryMax', '1k', 'error'], ['Service.MemoryMax', '50 percent', 'error'], ['Service.MemoryMax', '50.555%', 'error'],
    ['Service.MemoryMax', '101%', 'error'], ['Service.MemoryMax', '0', 'error'], ['Service.MemoryMax', '0%', 'error'],
    ['Service.MemoryMax', '.5G', 'error'], ['Service.MemoryMax', 'max', 'error'], ['Service.MemoryMax', '512M 1G', 'error'],
    ['Service.MemoryLow', '0', 'ok'], ['Service.MemorySwapMax', '0', 'ok'],
    ['Service.StateDirectoryQuota', 'off', 'ok'], ['Service.StateDirectoryQuota', '10%', 'ok'], ['Service.StateDirectoryQuota', '1G', 'ok'],
  ],
  percent: [
    ['Mount.CPUQuota', '20%', 'ok'], ['Service.CPUQuota', '150%', 'ok'], ['Service.CPUQuota', '20.55%', 'ok'],
    ['Mount.CPUQuota', '20', 'error'], ['Service.CPUQuota', '0%', 'error'], ['Service.CPUQuota', '20.555%', 'error'],
    ['Service.ManagedOOMMemoryPressureLimit', '60%', 'ok'], ['Service.ManagedOOMMemoryPressureLimit', '150%', 'error'],
  ],
  'count-or-percent': [
    ['Mount.TasksMax', '4096', 'ok'], ['Mount.TasksMax', '15%', 'ok'], ['Mount.TasksMax', 'infinity', 'ok'], ['Mount.TasksMax', '15.5%', 'ok'],
    ['Mount.TasksMax', '0', 'error'], ['Mount.TasksMax', 'abc', 'error'], ['Mount.TasksMax', '101%', 'error'], ['Mount.TasksMax', '-1', 'error'],
  ],
  'cpu-weight': [
    ['Socket.StartupCPUWeight', '100', 'ok'], ['Service.CPUWeight', 'idle', 'ok'], ['Service.CPUWeight', '1', 'ok'],
    ['Socket.StartupCPUWeight', '10001', 'error'], ['Service.CPUWeight', '0', 'error'],
  ],
  'io-weight': [['Swap.IOWeight', '100', 'ok'], ['Swap.IOWeight', '10001', 'error'], ['Swap.IOWeight', '0', 'error']],
  nice: [['Service.Nice', '5', 'ok'], ['Service.Nice', '-20', 'ok'], ['Service.Nice', '20', 'error'], ['Service.Nice', '08', 'error'], ['Service.Nice', '010', 'ok']],
  'oom-score': [['Socket.OOMScoreAdjust', '100', 'ok'], ['Socket.OOMScoreAdjust', '-1000', 'ok'], ['Socket.OOMScoreAdjust', '1001', 'error']],
  int: [
    ['Socket.Mark', '5', 'ok'], ['Socket.Mark', '-1', 'ok'], ['Socket.Mark', '0x10', 'ok'], ['Socket.Mark', 'five', 'error'], ['Socket.Mark', '08', 'error'],
    ['Service.CPUSchedulingPriority', '99', 'ok'], ['Service.CPUSchedulingPriority', '100', 'error'],
    ['Service.IOSchedulingPriority', '7', 'ok'], ['Service.IOSchedulingPriority', '8', 'error'],
    ['Swap.Priority', '-1', 'ok'], ['Swap.Priority', '32767', 'ok'], ['Swap.Priority', '-2', 'error'], ['Swap.Priority', '32768', 'error'],
  ],
  unsigned: [
    ['Socket.Backlog', '64', 'ok'], ['Socket.Backlog', '0x10', 'ok'], ['Socket.Backlog', '-5', 'error'], ['Socket.Backlog', 'five', 'error'],
    ['Socket.Backlog', '4294967296', 'error'], ['Slice.ConcurrencyHardMax', 'infinity', 'ok'],
  ],
  mode: [
    ['Service.RuntimeDirectoryMode', '0644', 'ok'], ['Service.UMask', '755', 'ok'], ['Service.UMask', '7777', 'ok'],
    ['Service.RuntimeDirectoryMode', '0999', 'error'], ['Service.UMask', '+644', 'error'], ['Service.UMask', '17777', 'error'],
  ],
  signal: [
    ['Mount.WatchdogSignal', 'SIGTERM', 'ok'], ['Service.KillSignal', 'HUP', 'ok'], ['Service.KillSignal', '9', 'ok'],
    ['Service.KillSignal', 'RTMIN+1', 'ok'], ['Service.KillSignal', 'SIGRTMAX-30', 'ok'], ['Service.KillSignal', 'RTMIN', 'ok'], ['Service.KillSignal', '64', 'ok'],
    ['Mount.WatchdogSignal', 'SIGFOO', 'error'], ['Service.KillSignal', '0', 'error'], ['Service.KillSignal', '65', 'error'],
    ['Service.KillSignal', 'sigterm', 'error'], ['Service.KillSignal', 'RTMIN+31', 'error'], ['Service.KillSignal', 'SIGIOT', 'error'],
  ],
  'exit-status': [
    ['Unit.FailureActionExitStatus', '3', 'ok'], ['Unit.FailureActionExitStatus', '255', 'ok'],
    ['Unit.FailureActionExitStatus', '256', 'error'], ['Unit.FailureActionExitStatus', 'SUCCESS', 'error'],
    ['Service.SuccessExitStatus', '1 2 SIGHUP', 'ok'], ['Service.SuccessExitStatus', 'TEMPFAIL NOTINSTALLED EXCEPTION', 'ok'],
    ['Service.SuccessExitStatus', 'FOOBAR', 'error'], ['Service.SuccessExitStatus', '256', 'error'], ['Service.SuccessExitStatus', '1,2', 'error'],
    ['Service.SuccessExitStatus', 'sighup', 'error'],
  ],
  enum: [
    ['Service.Type', 'notify', 'ok'], ['Service.Type', 'notify-reload', 'ok'], ['Service.Type', 'bogus', 'error'], ['Service.Type', 'Notify', 'error'],
    ['Service.StandardOutput', 'append:/var/log/x', 'ok'], ['Service.StandardOutput', 'journal+console', 'ok'],
    ['Service.StandardOutput', 'truncate:/var/log/%n.log', 'ok'], ['Service.StandardOutput', 'fd:foo', 'ok'],
    ['Service.StandardOutput', 'file:relative', 'error'], ['Service.StandardOutput', 'syslog', 'warning'],
    ['Service.StandardError', 'syslog+console', 'warning'], ['Service.StandardInput', 'tty-force', 'ok'],
    ['Service.StandardInput', 'append:/x', 'error'],
    ['Service.DevicePolicy', 'closed', 'ok'], ['Service.DevicePolicy', 'bogus', 'error'],
    ['Service.KillMode', 'mixed', 'ok'], ['Service.KillMode', 'none', 'warning'],
    ['Service.LogLevelMax', 'debug', 'ok'], ['Service.LogLevelMax', '7', 'ok'], ['Service.LogLevelMax', '8', 'error'],
    ['Service.SyslogFacility', 'local7', 'ok'], ['Service.SyslogFacility', '23', 'ok'],
    ['Service.IOSchedulingClass', 'best-effort', 'ok'], ['Service.IOSchedulingClass', '3', 'ok'], ['Service.IOSchedulingClass', '4', 'error'],
    ['Socket.IPTOS', 'low-delay', 'ok'], ['Socket.IPTOS', '255', 'ok'], ['Socket.IPTOS', '256', 'error'],
    ['Service.SystemCallErrorNumber', 'EPERM', 'ok'], ['Service.SystemCallErrorNumber', 'eperm', 'ok'], ['Service.SystemCallErrorNumber', 'kill', 'ok'],
    ['Service.SystemCallErrorNumber', '4095', 'ok'], ['Service.SystemCallErrorNumber', 'EBOGUS', 'error'], ['Service.SystemCallErrorNumber', '0', 'error'],
    ['Service.SystemCallErrorNumber', '4096', 'error'],
    ['Manager.LogLevel', 'info', 'ok'], ['Manager.LogLevel', 'console:debug,journal:info', 'ok'], ['Manager.LogLevel', 'bogus:info', 'error'],
    ['Socket.SocketProtocol', 'sctp', 'ok'], ['Socket.SocketProtocol', '132', 'ok'], ['Socket.SocketProtocol', 'tcp', 'error'],
    ['Service.CPUSchedulingPolicy', 'fifo', 'ok'],
  ],
  'enum-or-bool': [
    ['Service.ProtectSystem', 'strict', 'ok'], ['Service.PrivateTmp', 'yes', 'ok'], ['Service.PrivateTmp', 'disconnected', 'ok'],
    ['Service.ProtectControlGroups', 'private', 'ok'], ['Service.PrivateUsers', 'self', 'ok'], ['Service.ProtectHome', 'read-only', 'ok'],
    ['Socket.ProtectHome', 'bogus-value', 'error'], ['Service.ProtectSystem', 'Strict', 'error'],
    ['Service.ProtectHostname', 'private:myhost', 'ok'], ['Socket.BindIPv6Only', 'ipv6-only', 'ok'], ['Socket.Timestamping', 'us', 'ok'],
    ['Service.RuntimeDirectoryPreserve', 'restart', 'ok'],
  ],
  'enum-list': [
    ['Service.RestrictNamespaces', '~user net', 'ok'], ['Service.RestrictNamespaces', 'yes', 'ok'], ['Service.RestrictNamespaces', 'cgroup ipc', 'ok'],
    ['Service.SystemCallArchitectures', 'native', 'ok'], ['Service.SystemCallArchitectures', 'x86-64 native', 'ok'],
    ['Service.SystemCallArchitectures', 'bogus', 'error'], ['Service.SystemCallArchitectures', 'x86_64', 'error'],
    ['Service.SecureBits', 'keep-caps noroot', 'ok'], ['Service.SecureBits', 'bogus', 'warning'],
    ['Service.CoredumpFilter', 'default 0x3 private-huge', 'ok'], ['Service.Delegate', 'cpu memory', 'ok'], ['Service.Delegate', 'yes', 'ok'],
    ['Service.RestrictFileSystems', '~@basic-api ext4', 'ok'], ['Service.RestrictFileSystems', '@bogus', 'error'],
    ['Service.BPFDelegateCommands', 'BPFMapCreate,BPFProgLoad', 'ok'],
  ],
};

describe.each(Object.entries(CASES))('%s', (_kind, cases) => {
  it.each(cases)('%s=%s → %s', (key, value, expected) => {
    expect(outcome(key, value)).toBe(expected);
  });
});

describe('messages and offsets', () => {
  it('time span message names the unit and the expected units', () => {
    const [p] = check('Service.TimeoutStartSec', '10secs');
    expect(p!.message).toContain("unit 'secs' is not known");
    expect(p!.message).toContain('min');
    expect(p!.start).toBe(2);
    expect(p!.end).toBe(6);
  });
  it('Type=Notify suggests notify', () => {
    const [p] = check('Service.Type', 'Notify');
    expect(p!.message).toContain("'notify'");
  });
  it('points at the bad word inside a list', () => {
    const [p] = check('Service.SystemCallArchitectures', 'native bogus');
    expect([p!.start, p!.end]).toEqual([7, 12]);
  });
  it('syslog output suggests journal', () => {
    expect(check('Service.StandardOutput', 'syslog')[0]!.message).toContain('journal');
  });
  it('bytes order error', () => {
    expect(check('Service.MemoryMax', '512M 1G')[0]!.message).toMatch(/descending/);
  });
});
