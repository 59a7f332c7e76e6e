/**
 * Oracle: when systemd-analyze (252) is installed, write one unit per case, verify them all in
 * one run, and check that our validator reports an error exactly when systemd reports the line.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from './helpers.js';

function hasAnalyze(): boolean {
  try {
    execFileSync('systemd-analyze', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** [Section.Directive, value, systemd 252 flags the line?] */
const CASES: Array<[string, string, boolean]> = [
  ['Service.TimeoutStartSec', '5min 20s', false],
  ['Service.TimeoutStartSec', '1h30', false],
  ['Service.TimeoutStartSec', 'infinity', false],
  ['Service.TimeoutStartSec', '5secs', true],
  ['Service.TimeoutStartSec', '10MIN', true],
  ['Service.TimeoutStartSec', '-1', true],
  ['Service.RestartSec', '1.5', false],
  ['Service.RestartSec', '2.', true],
  ['Service.TimerSlackNSec', '50us', false],
  ['Service.TimerSlackNSec', '5parsecs', true],
  ['Service.MemoryMax', '1G 512M', false],
  ['Service.MemoryMax', '512M 1G', true],
  ['Service.MemoryMax', '1k', true],
  ['Service.MemoryMax', '50.55%', false],
  ['Service.MemoryMax', '50.555%', true],
  ['Service.MemoryMax', '0', true],
  ['Service.MemoryLow', '0', false],
  ['Service.CPUQuota', '150%', false],
  ['Service.CPUQuota', '20', true],
  ['Service.TasksMax', '0', true],
  ['Service.TasksMax', '15%', false],
  ['Service.CPUWeight', 'idle', false],
  ['Service.CPUWeight', '10001', true],
  ['Service.IOWeight', '0', true],
  ['Service.Nice', '-20', false],
  ['Service.Nice', '20', true],
  ['Service.OOMScoreAdjust', '1001', true],
  ['Service.UMask', '0027', false],
  ['Service.UMask', '0999', true],
  ['Service.KillSignal', 'SIGRTMIN+1', false],
  ['Service.KillSignal', 'SIGFOO', true],
  ['Service.KillSignal', 'RTMIN+31', true],
  ['Service.SuccessExitStatus', '1 2 SIGHUP TEMPFAIL', false],
  ['Service.SuccessExitStatus', 'FOOBAR', true],
  ['Unit.FailureActionExitStatus', '256', true],
  ['Service.NoNewPrivileges', 'on', false],
  ['Service.NoNewPrivileges', 'maybe', true],
  ['Service.Type', 'notify', false],
  ['Service.Type', 'Notify', true],
  ['Service.ProtectSystem', 'strict', false],
  ['Service.ProtectHome', 'bogus', true],
  ['Service.StandardOutput', 'append:/var/log/x', false],
  ['Service.StandardOutput', 'file:relative', true],
  ['Service.SystemCallArchitectures', 'native', false],
  ['Service.SystemCallArchitectures', 'bogus', true],
  ['Service.SystemCallErrorNumber', 'EPERM', false],
  ['Service.SystemCallErrorNumber', 'EBOGUS', true],
  ['Service.SystemCallFilter', '~@mount:EPERM', false],
  ['Service.SystemCallFilter', '@nonexistent', true],
  ['Service.SystemCallFilter', 'read:EPERM', true],
  ['Service.RestrictAddressFamilies', 'AF_UNIX AF_INET', false],
  ['Service.RestrictAddressFamilies', 'AF_BOGUS', true],
  ['Service.CapabilityBoundingSet', 'CAP_RAWIO', false],
  ['Service.ExecStartPre', '-/bin/true --x "$ARG"', false],
  ['Service.ExecStartPre', 'foo/bar', true],
  ['Service.ExecStartPre', '+!/bin/true', true],
  ['Service.ExecStartPre', '/bin/true "unterminated', true],
  ['Service.ExecStartPre', '/bin/true ; /bin/false', false],
  ['Service.ExecStartPre', '@/bin/true', true],
  ['Service.ExecStartPre', '/usr/bin/%Z', true],
  ['Service.Environment', 'A=1 "B=two words"', false],
  ['Service.Environment', '1A=x', true],
  ['Service.LogExtraFields', 'a=1', true],
  ['Service.PassEnvironment', 'PATH LANG', false],
  ['Service.UnsetEnvironment', '1FOO', true],
  ['Service.EnvironmentFile', '-/etc/default/foo', false],
  ['Service.EnvironmentFile', 'relative', true],
  ['Service.User', 'www-data', false],
  ['Service.User', 'foo:bar', true],
  ['Service.SupplementaryGroups', 'a 65535', true],
  ['Service.ReadWritePaths', '/var/lib/x -/opt/y +/z', false],
  ['Service.ReadWritePaths', 'relative', true],
  ['Service.ReadWritePaths', '/a/../b', true],
  ['Service.StateDirectory', 'foo foo/bar:alias', false],
  ['Service.StateDirectory', '/abs', true],
  ['Service.CacheDirectory', 'private', true],
  ['Service.BindPaths', '/a:/b:norbind', false],
  ['Service.BindPaths', '/a:/b:bogus', true],
  ['Service.TemporaryFileSystem', '/var:ro', false],
  ['Service.WorkingDirectory', '-~', false],
  ['Service.WorkingDirectory', 'relative', true],
  ['Service.PIDFile', 'x.pid', false],
  ['Service.ExecSearchPath', '/a::/b', true],
  ['Service.CPUAffinity', '0-3 8', false],
  ['Service.CPUAffinity', '3-1', true],
  ['Service.NUMAMask', 'all', false],
  ['Service.DeviceAllow', '/dev/null rw', false],
  ['Service.DeviceAllow', '/dev/null xyz', true],
  ['Service.IOReadBandwidthMax', '/dev/sda 10M', false],
  ['Service.IOReadBandwidthMax', '/dev/sda abc', true],
  ['Service.LimitNOFILE', '1024:524288', false],
  ['Service.LimitNOFILE', '8M', true],
  ['Service.LimitNOFILE', '2:1', true],
  ['Service.LimitAS', '4G:8G', false],
  ['Service.LimitNICE', '-5', false],
  ['Service.LimitNICE', '41', true],
  ['Service.IPAddressAllow', '10.0.0.0/8 ::1 localhost', false],
  ['Service.IPAddressAllow', '300.1.1.1', true],
  ['Service.Slice', 'foo.slice', false],
  ['Service.Slice', 'foo.service', true],
  ['Service.LoadCredential', 'tls.key:/etc/tls/key', false],
  ['Service.LoadCredential', 'foo/bar:/x', true],
  ['Service.RestrictNamespaces', '~user net', false],
  ['Service.CoredumpFilter', 'default 0x3', false],
  ['Unit.Wants', 'foo@%i.service', false],
  ['Unit.Wants', 'nosuffix', true],
  ['Unit.After', 'foo@%I.service', true],
  ['Unit.Documentation', 'man:foo(8) https://example.org', false],
  ['Unit.Documentation', 'notauri', true],
  ['Unit.ConditionPathExists', '!/etc/x', false],
  ['Unit.ConditionPathExists', 'relative', true],
  ['Unit.ConditionHost', '%Z', true],
  ['Unit.Description', 'Web %i', false],
  ['Unit.Description', 'bad %Z', true],
  ['Socket.ListenStream', '[::1]:80', false],
  ['Socket.ListenStream', '999.1.1.1:80', true],
  ['Socket.ListenStream', '65536', true],
  ['Socket.ListenSequentialPacket', '127.0.0.1:80', true],
  ['Socket.ListenNetlink', 'kobject-uevent 1', false],
  ['Socket.ListenNetlink', 'bogus', true],
  ['Socket.FileDescriptorName', 'socket(2,1,6)=0', false],
  ['Socket.FileDescriptorName', 'bad:name', true],
  ['Socket.BindToDevice', 'eth0', false],
  ['Socket.Service', 'foo.socket', true],
  ['Socket.IPTOS', 'low-delay', false],
  ['Socket.Mark', 'five', true],
  ['Timer.OnCalendar', 'Mon *-*-* 02:00', false],
  ['Timer.OnCalendar', 'notadate', true],
  ['Timer.OnCalendar', '*-*-* 25:00', true],
  ['Timer.RandomizedDelaySec', '1h', false],
  ['Path.Unit', 'nosuffix', true],
  ['Service.DeviceAllow', 'null rw', true],
  ['Service.DeviceAllow', 'char-pts rw', false],
  ['Service.IOReadBandwidthMax', '/dev/sda', true],
  ['Service.IODeviceLatencyTargetSec', '/dev/sda 5secs', true],
  ['Service.IODeviceWeight', '/dev/sda 10001', true],
  ['Service.ExtensionImages', 'x.raw', true],
  ['Service.MountImages', '/x.raw:/mnt', false],
  ['Service.BPFProgram', 'bogus:/sys/fs/bpf/x', true],
  ['Service.SocketBindAllow', 'ipv6:tcp:8080-8090', false],
  ['Service.SocketBindAllow', 'tcp:x', true],
  ['Service.StandardInputText', 'bad \\q', true],
  ['Service.StandardInputData', '%%%', true],
  ['Service.RootHash', '0123456789abcdef0123456789abcdef', false],
  ['Service.RootHashSignature', 'nope', true],
  ['Service.BusName', 'nodots', true],
  ['Service.BusName', 'org.freedesktop.Foo', false],
  ['Socket.BindToDevice', 'averyveryverylongname', true],
  ['Socket.BindToDevice', '12', true],
  ['Unit.Documentation', 'ftp://x', true],
  ['Timer.OnCalendar', 'Mon 9', true],
  ['Timer.OnCalendar', 'Mon..Fri *-*-* 08..18:00:00', false],
  ['Timer.OnCalendar', '*-*-* 06,18:00', false],
  ['Service.LoadCredential', 'a:rel/x', true],
  ['Service.SetCredential', 'nocolon', true],
  ['Service.SetCredential', 'a:%Z', false],
  ['Unit.Wants', 'a'.repeat(250) + '.service', true],
  ['Service.CPUAffinity', '0-', true],
  ['Service.ExecStartPre', '/bin/true \\; x', false],
  ['Service.User', '-1', true],
  ['Service.User', '-foo', false],
  ['Socket.RestrictNetworkInterfaces', '%Z', true],
  ['Service.TemporaryFileSystem', '-/var', true],
  ['Service.ExecSearchPath', 'rel:/b', true],
  ['Service.StateDirectory', 'foo:/bar', true],
  ['Service.BindPaths', '/a::', true],
  ['Service.SupplementaryGroups', 'a foo:bar', true],
  ['Service.UnsetEnvironment', 'PATH A=1', false],
  ['Service.Environment', 'A=\\q', true],
  ['Service.LimitCPU', '10:5', true],
  ['Service.LimitRTTIME', '1s:2s', false],
  ['Service.IPAddressDeny', '2001:db8::/129', true],
  ['Service.RestrictAddressFamilies', 'none AF_INET', true],
  ['Service.SystemCallFilter', '~read:kill', false],
  ['Service.SystemCallLog', 'read:EPERM', true],
  ['Service.CoredumpFilter', 'bogus', true],
  ['Service.RestrictNamespaces', 'bogus', true],
  ['Service.Delegate', 'cpu bogus', true],
  ['Socket.ListenStream', '%t/foo.sock', false],
  ['Socket.ListenStream', '[fe80::1%eth0]:80', true],
  ['Socket.ListenDatagram', '0.0.0.0:514', false],
  ['Service.PIDFile', '../x', true],
  ['Unit.ConditionPathExists', '|!/etc/x', false],
  ['Unit.ConditionNeedsUpdate', '/usr', false],
  ['Unit.JobTimeoutSec', '0', false],
  ['Service.WatchdogSec', '3min', false],
  ['Service.StandardOutput', 'fd:foo:bar', true],
];

const BASE: Record<string, [string, string]> = {
  Unit: ['service', '[Service]\nType=oneshot\nExecStart=/bin/true\n'],
  Service: ['service', '[Service]\nType=oneshot\nExecStart=/bin/true\n'],
  Socket: ['socket', '[Socket]\nListenStream=/run/oracle-x.sock\n'],
  Timer: ['timer', '[Timer]\nOnBootSec=5\n'],
  Path: ['path', '[Path]\nPathExists=/x\n'],
};

/** Lines about the environment, not the value. */
const BENIGN =
  /is not executable|not found|not loaded|Unit .* not found|Failed to load configuration|Cannot add dependency job/;

describe.skipIf(!hasAnalyze())('systemd-analyze verify agrees with validateValue', () => {
  it('flags exactly the lines we call errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'values-oracle-'));
    try {
      const files: string[] = [];
      CASES.forEach(([key, value], i) => {
        const [section, directive] = key.split('.') as [string, string];
        const [type, body] = BASE[section]!;
        const name = `c${i}.${type}`;
        let text: string;
        if (body.startsWith(`[${section}]`))
          text = body.replace(`[${section}]\n`, `[${section}]\n${directive}=${value}\n`);
        else text = `[${section}]\n${directive}=${value}\n${body}`;
        writeFileSync(join(dir, name), text);
        if (type !== 'service') writeFileSync(join(dir, `c${i}.service`), '[Service]\nExecStart=/bin/true\n');
        files.push(join(dir, name));
      });
      const r = spawnSync('systemd-analyze', ['verify', '--man=no', '--generators=no', ...files], {
        encoding: 'utf8',
        timeout: 60000,
      });
      const flagged = new Set<number>();
      for (const line of (r.stderr + r.stdout).split('\n')) {
        if (BENIGN.test(line)) continue;
        const m = /\/c(\d+)\.\w+:2: /.exec(line) ?? /^c(\d+)\.\w+: Unit configuration has fatal error/.exec(line);
        if (m) flagged.add(Number(m[1]));
      }
      expect(flagged.size).toBeGreaterThan(30);
      const disagreements: string[] = [];
      CASES.forEach(([key, value, expected], i) => {
        const systemd = flagged.has(i);
        const ours = check(key, value, 252).some((p) => p.severity === 'error');
        if (systemd !== expected || ours !== expected) {
          disagreements.push(
            `${key}=${value}: expected ${expected ? 'error' : 'ok'}, systemd ${systemd ? 'error' : 'ok'}, ours ${ours ? 'error' : 'ok'}`,
          );
        }
      });
      expect(disagreements).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Calendar specs: we must never call an error what `systemd-analyze calendar` accepts. */
const CALENDAR = [
  'daily',
  'DAILY',
  'notadate',
  'Mon *-*-* 02:00',
  'Mon..Fri 9:00',
  'mon 9:00',
  'Monday 9:00',
  'Sat,Sun 10:00',
  '*-*-* *:*:00',
  '*:0/15',
  'hourly',
  'weekly',
  'monthly',
  'yearly',
  'annually',
  'quarterly',
  'semiannually',
  'minutely',
  '2024-01-01',
  '2024-01-01 00:00:00 UTC',
  '*-*-* 03:00 Europe/Berlin',
  '*-*~01',
  '12:00',
  '*-02-29',
  'Mon,Fri',
  'Tue *-*-1..7 3:00',
  '@1234567',
  '*-*-* 25:00',
  'Mon foo',
  'Foo 9:00',
  '9:00 Mon',
  'Mon 9',
  '*-*-* 4:00:00',
  '1,15 9:00',
  '*-*-1,15 9:00',
  'today',
  '*:*',
  '23:59:59.5',
  'Mon 02:00 +0100',
  'weekly UTC',
  'daily Europe/Paris',
  'Mon..Fri *-*-* 08..18:00:00',
  '*-1/2-1',
  'x',
  '*',
  'Mon-Fri 9:00',
  'Sat, Sun 10:00',
  '*-*-* 10:00:00.000000',
  '*-*-* 00/6:00:00',
  '*-*-* *:00/5',
  '2023-*-* 00:00:00',
  'Thu,Fri 2012-*-1,5 11:12:13',
  '*/5:00',
  '*-*-* 9..17:00',
  '*-*-* 00:00:00 Etc/GMT+5',
  'Mon,Wed,Fri *-*-* 12:00',
  '*-*-* 1:2:3',
  'Sun 17:00 CET',
  '00:00',
  '*-*-1/7',
  'Mon..Fri',
  'mon,tue',
  '*-*-* 12:00 EST5EDT',
  '03-15',
  '*-12-25',
  '1:2',
];

describe.skipIf(!hasAnalyze())('systemd-analyze calendar agrees (no false errors)', () => {
  it('accepts everything systemd accepts and flags most garbage', () => {
    const falseErrors: string[] = [];
    let systemdFails = 0,
      caught = 0;
    for (const spec of CALENDAR) {
      const r = spawnSync('systemd-analyze', ['calendar', spec], { encoding: 'utf8', timeout: 5000 });
      const ok = r.status === 0;
      const ours = check('Timer.OnCalendar', spec, 252).some((p) => p.severity === 'error');
      if (ok && ours) falseErrors.push(spec);
      if (!ok) {
        systemdFails++;
        if (ours) caught++;
      }
    }
    expect(falseErrors).toEqual([]);
    expect(caught).toBeGreaterThanOrEqual(Math.floor(systemdFails * 0.6));
  });
});

/** Time spans: exact agreement with `systemd-analyze timespan` (bare numbers are seconds). */
const TIMESPANS = [
  '1h30',
  '5min 20s',
  '5min20s',
  '5 min',
  '55s500ms',
  '1d 1d',
  '1.5h',
  '.5s',
  '2.',
  '1.5.5',
  '-1',
  'infinity',
  'infinity 5s',
  '10secs',
  '10MIN',
  '5secs',
  '1y',
  '1M',
  '1 M',
  '0',
  '1e3',
  '1,5s',
  '1.s',
  '1 . 5s',
  '+5s',
  '5s+',
  '5 s',
  '1h 30',
  '1\u00b5s',
  '1\u03bcs',
  '1us',
  '1usec',
  '5m s',
  '5ms',
  '1minutes',
  '1mins',
  '1hr',
  '1hrs',
  '5w',
  '5weeks',
  '1 2',
  '0x10',
  '1.5',
  '00005',
  '1. 5',
  '5 .5s',
  '1sec5',
  '9999999999999999999',
  '584542y',
  'INFINITY',
  '1nsec',
  'abc',
  's',
  '5m5',
  '1h-1m',
  '3 weeks 2 days',
  '1msec',
  '2 hours',
  '.',
  '+.5',
];

describe.skipIf(!hasAnalyze())('systemd-analyze timespan agrees', () => {
  it('accepts and refuses the same spans', () => {
    const disagreements: string[] = [];
    for (const t of TIMESPANS) {
      const r = spawnSync('systemd-analyze', ['timespan', t], { encoding: 'utf8', timeout: 5000 });
      const ok = r.status === 0 && !/Failed/.test(r.stderr);
      const ours = check('Service.RestartSec', t, 252).some((p) => p.severity === 'error');
      if (ok === ours) disagreements.push(`${t}: systemd ${ok ? 'ok' : 'error'}, ours ${ours ? 'error' : 'ok'}`);
    }
    expect(disagreements).toEqual([]);
  });
});
