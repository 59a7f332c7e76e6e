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
];

const BASE: Record<string, [string, string]> = {
  Unit: ['service', '[Service]\nType=oneshot\nExecStart=/bin/true\n'],
  Service: ['service', '[Service]\nType=oneshot\nExecStart=/bin/true\n'],
  Socket: ['socket', '[Socket]\nListenStream=/run/oracle-x.sock\n'],
  Timer: ['timer', '[Timer]\nOnBootSec=5\n'],
  Path: ['path', '[Path]\nPathExists=/x\n'],
};

/** Lines about the environment, not the value. */
const BENIGN = /is not executable|not found|not loaded|Unit .* not found|Failed to load configuration|Cannot add dependency job/;

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
        if (body.startsWith(`[${section}]`)) text = body.replace(`[${section}]\n`, `[${section}]\n${directive}=${value}\n`);
        else text = `[${section}]\n${directive}=${value}\n${body}`;
        writeFileSync(join(dir, name), text);
        if (type !== 'service') writeFileSync(join(dir, `c${i}.service`), '[Service]\nExecStart=/bin/true\n');
        files.push(join(dir, name));
      });
      const r = spawnSync('systemd-analyze', ['verify', '--man=no', '--generators=no', ...files], { encoding: 'utf8', timeout: 60000 });
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
          disagreements.push(`${key}=${value}: expected ${expected ? 'error' : 'ok'}, systemd ${systemd ? 'error' : 'ok'}, ours ${ours ? 'error' : 'ok'}`);
        }
      });
      expect(disagreements).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
