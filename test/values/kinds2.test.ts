/** Table-driven cases for the structured kinds. */
import { describe, it, expect } from 'vitest';
import { check, outcome, warnings } from './helpers.js';

type Case = [key: string, value: string, expected: 'ok' | 'error' | 'warning'];

const CASES: Record<string, Case[]> = {
  'exec-command': [
    ['Service.ExecStart', '/bin/true', 'ok'], ['Service.ExecStart', '-/usr/bin/foo --x "$ARG"', 'ok'], ['Service.ExecStart', 'true', 'ok'],
    ['Service.ExecStart', '@/bin/sh sh -c "echo hi"', 'ok'], ['Service.ExecStart', ':+/bin/true', 'ok'], ['Service.ExecStart', '!!/bin/true', 'ok'],
    ['Service.ExecStart', '!/bin/true', 'ok'], ['Service.ExecStart', '${FOO}', 'ok'], ['Service.ExecStart', '/bin/echo ${A} $B', 'ok'],
    ['Service.ExecStartPre', '/bin/true ; /bin/false', 'ok'], ['Service.ExecStartPre', '/bin/true \\; x', 'ok'],
    ['Service.ExecStart', "/bin/sh -c 'echo \"a b\"'", 'ok'], ['Service.ExecStart', '/bin/echo a"b c"d', 'ok'],
    ['Service.ExecStart', '/usr/bin/%N-helper %i', 'ok'], ['Service.ExecStart', '%t/foo', 'ok'], ['Service.ExecStart', '/bin/echo 100%', 'ok'],
    ['Service.ExecStart', '|echo hello', 'ok'],
    ['Service.ExecStart', 'foo/bar', 'error'], ['Service.ExecStart', '+!/bin/true', 'error'], ['Service.ExecStart', '!+/bin/true', 'error'],
    ['Service.ExecStart', '--/bin/true', 'error'], ['Service.ExecStart', '!!!/bin/true', 'error'], ['Service.ExecStart', '@/bin/true', 'error'],
    ['Service.ExecStart', '/bin/true "unterminated', 'error'], ['Service.ExecStart', "/bin/true 'a", 'error'], ['Service.ExecStart', '/', 'error'],
    ['Service.ExecStart', './foo', 'error'], ['Service.ExecStart', '.', 'error'], ['Service.ExecStart', '/usr/bin/%Z', 'error'],
    ['Service.ExecStart', '/bin/true \\q', 'warning'], ['Service.ExecStart', 'foo\\x2fbar', 'error'],
  ],
  specifiers: [
    ['Unit.Description', 'Web %i', 'ok'], ['Unit.Description', '100%% done', 'ok'], ['Unit.Description', '50% off', 'ok'],
    ['Unit.Description', 'trailing %', 'ok'], ['Unit.Description', '%Z', 'error'], ['Unit.Description', 'x %c', 'warning'],
    ['Unit.After', 'foo@%i.service', 'ok'], ['Unit.After', 'foo-%j.service', 'ok'], ['Unit.After', 'foo@%I.service', 'error'],
    ['Unit.After', 'foo-%f.service', 'error'], ['Unit.After', 'foo-%h.service', 'error'],
    ['Install.WantedBy', '%N.target', 'ok'],
  ],
  unit: [
    ['Service.Slice', 'foo.slice', 'ok'], ['Service.Slice', '-.slice', 'ok'], ['Service.Slice', 'a-b.slice', 'ok'],
    ['Service.Slice', 'foo.service', 'error'], ['Service.Slice', 'foo@x.slice', 'error'], ['Service.Slice', 'foo@.slice', 'error'],
    ['Path.Unit', 't.service', 'ok'], ['Path.Unit', 'nosuffix', 'error'], ['Timer.Unit', 'foo@bar.service', 'ok'],
    ['Socket.Service', 'foo.service', 'ok'], ['Socket.Service', 'foo.socket', 'error'], ['Socket.Service', 'foo@.service', 'error'],
  ],
  'unit-list': [
    ['Unit.After', 'network.target foo@%i.service', 'ok'], ['Unit.Wants', 'foo@.service', 'ok'], ['Unit.Wants', 'a:b.service', 'ok'],
    ['Unit.Wants', 'a\\x2d.service', 'ok'], ['Unit.Wants', 'foo..service', 'ok'], ['Unit.After', '-.mount dev-sda.device', 'ok'],
    ['Unit.Wants', 'nosuffix', 'error'], ['Unit.Wants', '@foo.service', 'error'], ['Unit.Wants', 'foo.bogus', 'error'],
    ['Unit.Wants', 'a~b.service', 'error'], ['Unit.Wants', 'foo.service,bar.service', 'error'], ['Unit.Wants', '"foo.service"', 'error'],
    ['Unit.Wants', 'ü.service', 'error'], ['Unit.Wants', 'x%%.service', 'error'], ['Unit.Wants', `${'a'.repeat(250)}.service`, 'error'],
    ['Service.Sockets', 'foo.socket', 'ok'], ['Service.Sockets', 'foo.service', 'error'],
    ['Install.WantedBy', 'multi-user.target', 'ok'], ['Install.Alias', 'foo.service', 'ok'],
  ],
  'socket-address': [
    ['Socket.ListenStream', '80', 'ok'], ['Socket.ListenStream', '127.0.0.1:8080', 'ok'], ['Socket.ListenStream', '[::1]:80', 'ok'],
    ['Socket.ListenStream', '[::]:80', 'ok'], ['Socket.ListenStream', '/run/x.sock', 'ok'], ['Socket.ListenStream', '@abstract', 'ok'],
    ['Socket.ListenStream', 'vsock:2:1234', 'ok'], ['Socket.ListenStream', 'vsock::1234', 'ok'], ['Socket.ListenStream', '%t/foo.sock', 'ok'],
    ['Socket.ListenStream', '[fe80::1%%eth0]:80', 'ok'],
    ['Socket.ListenStream', '0', 'error'], ['Socket.ListenStream', '65536', 'error'], ['Socket.ListenStream', '999.1.1.1:80', 'error'],
    ['Socket.ListenStream', '::1:80', 'error'], ['Socket.ListenStream', 'localhost:80', 'error'], ['Socket.ListenStream', 'relative', 'error'],
    ['Socket.ListenStream', '1.2.3.4', 'error'], ['Socket.ListenStream', '@', 'error'], ['Socket.ListenStream', 'vsock:2', 'error'],
    ['Socket.ListenStream', '*:80', 'error'], ['Socket.ListenStream', '[fe80::1%eth0]:80', 'error'],
    ['Socket.ListenDatagram', '0.0.0.0:514', 'ok'],
    ['Socket.ListenSequentialPacket', '/run/x.sock', 'ok'], ['Socket.ListenSequentialPacket', '127.0.0.1:80', 'error'],
    ['Socket.ListenNetlink', 'kobject-uevent 1', 'ok'], ['Socket.ListenNetlink', 'route', 'ok'], ['Socket.ListenNetlink', '9', 'ok'],
    ['Socket.ListenNetlink', 'bogus', 'error'], ['Socket.ListenNetlink', 'route x', 'error'],
    ['Socket.ListenFIFO', '/run/x', 'ok'], ['Socket.ListenFIFO', 'relative', 'error'], ['Socket.ListenFIFO', '/run/../x', 'error'],
    ['Socket.ListenMessageQueue', '/foo', 'ok'], ['Socket.ListenSpecial', '/dev/kmsg', 'ok'],
  ],
  'ip-address-list': [
    ['Service.IPAddressAllow', '10.0.0.0/8 ::1', 'ok'], ['Service.IPAddressAllow', 'any', 'ok'], ['Service.IPAddressAllow', 'localhost link-local multicast', 'ok'],
    ['Service.IPAddressAllow', '::/0', 'ok'], ['Service.IPAddressAllow', '::ffff:1.2.3.4', 'ok'], ['Service.IPAddressAllow', '10.1.2.3/8', 'ok'],
    ['Service.IPAddressAllow', '300.1.1.1', 'error'], ['Service.IPAddressAllow', '10.0.0.1/33', 'error'], ['Service.IPAddressAllow', 'fe80::1%eth0', 'error'],
    ['Service.IPAddressAllow', '10.0.0', 'error'], ['Service.IPAddressAllow', '1.2.3.4/', 'error'], ['Service.IPAddressAllow', 'ANY', 'error'],
    ['Service.IPAddressDeny', '2001:db8::/129', 'error'],
  ],
  'capability-list': [
    ['Service.CapabilityBoundingSet', 'CAP_NET_BIND_SERVICE', 'ok'], ['Service.CapabilityBoundingSet', '~CAP_SYS_ADMIN', 'ok'],
    ['Service.CapabilityBoundingSet', 'cap_chown', 'ok'], ['Service.CapabilityBoundingSet', '12', 'ok'], ['Service.CapabilityBoundingSet', '~', 'ok'],
    ['Service.AmbientCapabilities', 'CAP_NET_ADMIN CAP_NET_RAW', 'ok'],
    ['Service.CapabilityBoundingSet', 'CAP_RAWIO', 'warning'], ['Service.CapabilityBoundingSet', 'CAP_BOGUS', 'warning'],
    ['Service.CapabilityBoundingSet', 'CAP_CHOWN,CAP_KILL', 'warning'], ['Service.CapabilityBoundingSet', '99', 'warning'],
  ],
  'syscall-filter': [
    ['Service.SystemCallFilter', '@system-service', 'ok'], ['Service.SystemCallFilter', '~@mount', 'ok'], ['Service.SystemCallFilter', '~read:EPERM', 'ok'],
    ['Service.SystemCallFilter', '~@mount:EPERM', 'ok'], ['Service.SystemCallFilter', '~read:kill', 'ok'], ['Service.SystemCallFilter', 'read write', 'ok'],
    ['Service.SystemCallFilter', '@known', 'ok'], ['Service.SystemCallFilter', '~', 'ok'],
    ['Service.SystemCallFilter', '@nonexistent', 'error'], ['Service.SystemCallFilter', 'read:EPERM', 'error'], ['Service.SystemCallFilter', '~read:EBOGUS', 'error'],
    ['Service.SystemCallFilter', 'READ', 'error'], ['Service.SystemCallFilter', '@System-service', 'error'], ['Service.SystemCallFilter', 'read,write', 'error'],
    ['Service.SystemCallFilter', '~read:4096', 'error'],
    ['Service.SystemCallLog', '@system-service', 'ok'], ['Service.SystemCallLog', '~read', 'ok'], ['Service.SystemCallLog', 'read:EPERM', 'error'],
  ],
  'address-family-list': [
    ['Service.RestrictAddressFamilies', 'AF_UNIX AF_INET', 'ok'], ['Service.RestrictAddressFamilies', 'none', 'ok'],
    ['Service.RestrictAddressFamilies', '~AF_INET', 'ok'], ['Service.RestrictAddressFamilies', 'af_inet', 'ok'], ['Service.RestrictAddressFamilies', 'AF_ROUTE', 'ok'],
    ['Service.RestrictAddressFamilies', 'AF_BOGUS', 'error'], ['Service.RestrictAddressFamilies', 'AF_UNIX,AF_INET', 'error'],
    ['Service.RestrictAddressFamilies', '~none', 'error'], ['Service.RestrictAddressFamilies', 'none AF_INET', 'error'], ['Service.RestrictAddressFamilies', 'AF_UNSPEC', 'error'],
  ],
  paths: [
    ['Service.RootVerity', '/tmp/x', 'ok'], ['Service.RootVerity', 'relative/x', 'error'], ['Service.RootDirectory', '%S/foo', 'ok'],
    ['Service.WorkingDirectory', '~', 'ok'], ['Service.WorkingDirectory', '-/x', 'ok'], ['Service.WorkingDirectory', '-~', 'ok'],
    ['Service.WorkingDirectory', 'relative', 'error'], ['Service.WorkingDirectory', '~/x', 'error'], ['Service.WorkingDirectory', '-', 'error'],
    ['Service.WorkingDirectory', '/x/../y', 'error'], ['Service.WorkingDirectory', '/x//y/./z/', 'ok'],
    ['Service.PIDFile', '/run/foo.pid', 'ok'], ['Service.PIDFile', 'x.pid', 'ok'], ['Service.PIDFile', '../x', 'error'], ['Service.PIDFile', '/proc/1/x', 'warning'],
    ['Path.PathExistsGlob', '/a/*', 'ok'], ['Path.PathExists', 'a', 'error'],
    ['Service.ReadWritePaths', '/var/lib/x -/opt/y', 'ok'], ['Service.ReadWritePaths', '+/x -+/y', 'ok'], ['Service.ReadWritePaths', '"/a b"', 'ok'],
    ['Service.ReadWritePaths', '/x:/y', 'ok'], ['Service.ReadWritePaths', 'relative', 'error'], ['Service.ReadWritePaths', '+-/x', 'error'],
    ['Service.ReadWritePaths', '/a /b/../c', 'error'], ['Service.ReadWritePaths', '--/x', 'error'],
    ['Service.ExecSearchPath', '/a:/b', 'ok'], ['Service.ExecSearchPath', '/a::/b', 'error'], ['Service.ExecSearchPath', 'rel:/b', 'error'],
    ['Unit.RequiresMountsFor', '/a /b', 'ok'], ['Unit.RequiresMountsFor', 'rel', 'error'],
    ['Socket.Symlinks', '/a /b', 'ok'], ['Socket.Symlinks', 'rel', 'error'], ['Service.IPIngressFilterPath', '/sys/fs/bpf/x', 'ok'],
    ['Service.StateDirectory', 'foo foo/bar:alias', 'ok'], ['Service.StateDirectory', 'foo:bar:ro', 'ok'], ['Service.StateDirectory', 'foo::ro', 'ok'],
    ['Service.StateDirectory', '/abs', 'error'], ['Service.StateDirectory', 'private', 'error'], ['Service.StateDirectory', 'foo:/bar', 'error'],
    ['Service.StateDirectory', 'foo/../x', 'error'], ['Service.StateDirectory', '.', 'error'], ['Service.StateDirectory', '../x', 'error'],
    ['Service.CacheDirectory', 'foo/private', 'ok'],
    ['Service.EnvironmentFile', '-/etc/default/foo', 'ok'], ['Service.EnvironmentFile', 'relative', 'error'], ['Service.EnvironmentFile', '-relative', 'error'],
    ['Service.EnvironmentFile', '/etc/../x', 'error'], ['Service.EnvironmentFile', '--/etc/x', 'error'],
    ['Service.BindPaths', '/a:/b:norbind', 'ok'], ['Service.BindPaths', '-/a', 'ok'], ['Service.BindPaths', '/a:/b:', 'ok'], ['Service.BindPaths', '/a\\:b:/c', 'ok'],
    ['Service.BindReadOnlyPaths', '/etc/resolv.conf /x:/y:rbind', 'ok'],
    ['Service.BindPaths', 'relative', 'error'], ['Service.BindPaths', '/a:rel', 'error'], ['Service.BindPaths', '/a:/b:bogus', 'error'], ['Service.BindPaths', '/a::', 'error'],
    ['Service.TemporaryFileSystem', '/var:ro', 'ok'], ['Service.TemporaryFileSystem', '/var:size=10%,mode=0755 /x', 'ok'],
    ['Service.TemporaryFileSystem', 'relative', 'error'], ['Service.TemporaryFileSystem', '-/var', 'error'],
  ],
  environment: [
    ['Service.Environment', 'A=1 "B=two words"', 'ok'], ['Service.Environment', 'A=', 'ok'], ['Service.Environment', "'A=x y'", 'ok'],
    ['Service.Environment', 'A="x y"', 'ok'], ['Service.Environment', 'A=\\x41', 'ok'], ['Service.Environment', 'A=$B', 'ok'], ['Service.Environment', '_=1', 'ok'],
    ['Service.Environment', 'A=%i', 'ok'], ['Service.Environment', 'A=100%%', 'ok'],
    ['Service.Environment', '=1', 'error'], ['Service.Environment', '1A=x', 'error'], ['Service.Environment', 'A', 'error'], ['Service.Environment', 'A-B=1', 'error'],
    ['Service.Environment', 'A=\\q', 'error'], ['Service.Environment', 'A="unterminated', 'error'], ['Service.Environment', 'A=1 B', 'error'],
    ['Service.Environment', 'A=%Z', 'error'],
    ['Socket.LogExtraFields', 'A=1', 'ok'], ['Socket.LogExtraFields', 'A_B=1', 'ok'], ['Socket.LogExtraFields', '=1', 'error'], ['Socket.LogExtraFields', 'a=1', 'error'],
    ['Socket.LogExtraFields', '_A=1', 'error'], ['Socket.LogExtraFields', `${'A'.repeat(65)}=1`, 'error'], ['Socket.LogExtraFields', `${'A'.repeat(64)}=1`, 'ok'],
    ['Manager.DefaultEnvironment', 'PATH=/usr/bin:/bin', 'ok'],
  ],
  'env-name-list': [
    ['Service.PassEnvironment', 'PATH LANG', 'ok'], ['Service.PassEnvironment', '1FOO', 'error'], ['Service.PassEnvironment', 'A=1', 'error'],
    ['Service.UnsetEnvironment', 'PATH A=1', 'ok'], ['Service.UnsetEnvironment', 'A=', 'ok'], ['Service.UnsetEnvironment', '1FOO', 'error'], ['Service.UnsetEnvironment', '=1', 'error'],
  ],
  'cpu-set': [
    ['Service.AllowedCPUs', '0-1', 'ok'], ['Service.CPUAffinity', '0-3 8', 'ok'], ['Service.CPUAffinity', '1,2', 'ok'], ['Service.CPUAffinity', '0-3,8', 'ok'],
    ['Service.CPUAffinity', 'numa', 'ok'], ['Service.CPUAffinity', '0,,1', 'ok'], ['Service.CPUAffinity', '1 2, 3', 'ok'], ['Service.CPUAffinity', '8191', 'ok'],
    ['Service.NUMAMask', 'all', 'ok'],
    ['Service.AllowedCPUs', 'a-b', 'error'], ['Service.AllowedCPUs', '3-1', 'error'], ['Service.CPUAffinity', '0-', 'error'], ['Service.CPUAffinity', '-3', 'error'],
    ['Service.CPUAffinity', '8192', 'error'], ['Service.AllowedCPUs', 'all', 'error'], ['Service.NUMAMask', 'numa', 'error'],
  ],
  'device-allow': [
    ['Service.DeviceAllow', '/dev/null rw', 'ok'], ['Service.DeviceAllow', 'char-pts rw', 'ok'], ['Service.DeviceAllow', 'block-loop', 'ok'],
    ['Service.DeviceAllow', '/dev/null xyz', 'error'], ['Service.DeviceAllow', 'null rw', 'error'],
  ],
  'device-io': [
    ['Swap.IOWriteIOPSMax', '/dev/null 100', 'ok'], ['Service.IOReadBandwidthMax', '/dev/sda 10M', 'ok'], ['Service.IOReadBandwidthMax', '/dev/sda infinity', 'ok'],
    ['Service.IODeviceWeight', '/dev/sda 100', 'ok'], ['Service.IODeviceLatencyTargetSec', '/dev/sda 25ms', 'ok'],
    ['Swap.IOWriteIOPSMax', '/dev/null abc', 'error'], ['Service.IODeviceWeight', '/dev/sda 10001', 'error'], ['Service.IODeviceLatencyTargetSec', '/dev/sda 5secs', 'error'],
    ['Service.IOReadBandwidthMax', '/dev/sda', 'error'],
  ],
  limit: [
    ['Socket.LimitCORE', '1024', 'ok'], ['Service.LimitNOFILE', '1024:524288', 'ok'], ['Service.LimitCORE', '8M', 'ok'], ['Service.LimitCORE', 'infinity', 'ok'],
    ['Service.LimitNOFILE', 'infinity:infinity', 'ok'], ['Service.LimitCPU', '1h', 'ok'], ['Service.LimitCPU', '1min:infinity', 'ok'], ['Service.LimitRTTIME', '1s:2s', 'ok'],
    ['Service.LimitNICE', '+5', 'ok'], ['Service.LimitNICE', '-20', 'ok'], ['Service.LimitNICE', '40', 'ok'], ['Service.LimitAS', '4G:8G', 'ok'],
    ['Socket.LimitCORE', 'abc', 'error'], ['Service.LimitNOFILE', '2:1', 'error'], ['Service.LimitNOFILE', '8M', 'error'], ['Service.LimitNOFILE', '1024:', 'error'],
    ['Service.LimitNOFILE', ':1024', 'error'], ['Service.LimitNOFILE', '', 'error'], ['Service.LimitNICE', '41', 'error'], ['Service.LimitNICE', '-21', 'error'],
    ['Service.LimitCPU', '10:5', 'error'], ['Service.LimitAS', '1G:512M', 'error'], ['Service.LimitAS', '1k', 'error'],
  ],
  user: [
    ['Service.User', 'www-data', 'ok'], ['Service.User', '1000', 'ok'], ['Service.User', 'root', 'ok'], ['Service.User', '0', 'ok'], ['Service.User', 'a b', 'ok'],
    ['Service.User', 'foo@bar', 'ok'], ['Service.User', '1foo', 'ok'], ['Service.User', '-foo', 'ok'], ['Service.User', '4294967294', 'ok'], ['Service.User', '%u', 'ok'],
    ['Service.User', 'foo:bar', 'error'], ['Service.User', '-1', 'error'], ['Service.User', '4294967295', 'error'], ['Service.User', '65535', 'error'],
    ['Service.User', 'foo/bar', 'error'], ['Service.User', '..', 'error'],
    ['Service.SupplementaryGroups', 'a b', 'ok'], ['Service.SupplementaryGroups', '"a b"', 'ok'], ['Service.SupplementaryGroups', 'a foo:bar', 'error'],
  ],
  tuple: [
    ['Socket.MountImages', '/x.raw:/mnt', 'ok'], ['Socket.MountImages', '-/x.raw:/mnt:root:ro', 'ok'], ['Socket.MountImages', 'relative.raw:/mnt', 'error'],
    ['Service.LoadCredential', 'tls.key:/etc/tls/key', 'ok'], ['Service.LoadCredential', 'foo', 'ok'], ['Service.LoadCredential', 'foo:other', 'ok'],
    ['Service.LoadCredential', 'foo/bar:/x', 'error'], ['Service.LoadCredential', 'a:rel/x', 'error'],
    ['Service.SetCredential', 'a:hello world', 'ok'], ['Service.SetCredential', 'a:%Z', 'ok'], ['Service.SetCredential', 'nocolon', 'error'], ['Service.SetCredential', '%Z:a', 'error'],
    ['Service.ImportCredential', 'foo.*', 'ok'], ['Service.ExtensionImages', '/x.raw', 'ok'], ['Service.ExtensionImages', 'x.raw', 'error'],
    ['Service.SocketBindAllow', 'any', 'ok'], ['Service.SocketBindAllow', 'ipv6:tcp:8080-8090', 'ok'], ['Service.SocketBindAllow', 'tcp:%Z', 'error'],
    ['Service.BPFProgram', 'ingress:/sys/fs/bpf/x', 'ok'], ['Service.BPFProgram', 'bogus:/sys/fs/bpf/x', 'error'], ['Service.BPFProgram', '%Z', 'error'],
    ['Service.OpenFile', '/etc/x:name:read-only', 'ok'], ['Service.OpenFile', '/etc/x::bogus', 'error'], ['Service.NFTSet', 'cgroup:inet:filter:x', 'ok'],
    ['Service.RootImagePolicy', 'root=verity+signed:usr=encrypted', 'ok'],
  ],
  condition: [
    ['Unit.ConditionPathExists', '!/etc/x', 'ok'], ['Unit.ConditionPathExists', '|!/etc/x', 'ok'], ['Unit.ConditionPathExists', '%t/x', 'ok'],
    ['Unit.ConditionPathExists', 'relative', 'error'], ['Unit.ConditionPathExists', '!relative', 'error'],
    ['Unit.ConditionVirtualization', 'container', 'ok'], ['Unit.ConditionVirtualization', '!container', 'ok'], ['Unit.ConditionVirtualization', 'no', 'ok'],
    ['Unit.ConditionVirtualization', 'bogus', 'warning'], ['Unit.AssertCapability', 'CAP_CHOWN', 'ok'], ['Unit.AssertCapability', '%Z', 'error'],
    ['Unit.ConditionHost', '%Z', 'error'], ['Unit.ConditionHost', 'myhost*', 'ok'], ['Unit.ConditionKernelCommandLine', '!nomodeset', 'ok'],
    ['Unit.ConditionFirstBoot', 'yes', 'ok'], ['Unit.ConditionFirstBoot', 'maybe', 'warning'], ['Unit.ConditionNeedsUpdate', '|/etc', 'ok'],
    ['Unit.ConditionNeedsUpdate', '/usr', 'warning'], ['Unit.ConditionArchitecture', 'x86-64', 'ok'], ['Unit.ConditionArchitecture', 'amd64', 'warning'],
    ['Unit.ConditionSecurity', 'selinux', 'ok'], ['Unit.ConditionFirmware', 'uefi', 'ok'], ['Unit.ConditionMemory', '>=2G', 'ok'],
    ['Unit.ConditionCPUs', '>=4', 'ok'], ['Unit.ConditionControlGroupController', 'v2', 'ok'], ['Unit.ConditionControlGroupController', 'cpu memory', 'ok'],
    ['Unit.ConditionPathIsDirectory', '/sys/fs/cgroup', 'ok'], ['Unit.ConditionOSRelease', 'ID=debian', 'ok'], ['Unit.ConditionUser', '@system', 'ok'],
  ],
  calendar: [
    ['Timer.OnCalendar', 'daily', 'ok'], ['Timer.OnCalendar', 'DAILY', 'ok'], ['Timer.OnCalendar', 'Mon *-*-* 02:00', 'ok'], ['Timer.OnCalendar', 'Mon..Fri 9:00', 'ok'],
    ['Timer.OnCalendar', 'mon 9:00', 'ok'], ['Timer.OnCalendar', 'Monday 9:00', 'ok'], ['Timer.OnCalendar', 'Sat,Sun 10:00', 'ok'], ['Timer.OnCalendar', '*-*-* *:*:00', 'ok'],
    ['Timer.OnCalendar', '*:0/15', 'ok'], ['Timer.OnCalendar', 'hourly', 'ok'], ['Timer.OnCalendar', 'weekly', 'ok'], ['Timer.OnCalendar', 'semiannually', 'ok'],
    ['Timer.OnCalendar', '2024-01-01', 'ok'], ['Timer.OnCalendar', '2024-01-01 00:00:00 UTC', 'ok'], ['Timer.OnCalendar', '*-*-* 03:00 Europe/Berlin', 'ok'],
    ['Timer.OnCalendar', '*-*~01', 'ok'], ['Timer.OnCalendar', '12:00', 'ok'], ['Timer.OnCalendar', 'Tue *-*-1..7 3:00', 'ok'], ['Timer.OnCalendar', '@1234567', 'ok'],
    ['Timer.OnCalendar', '23:59:59.5', 'ok'], ['Timer.OnCalendar', 'weekly UTC', 'ok'], ['Timer.OnCalendar', 'Mon..Fri *-*-* 08..18:00:00', 'ok'],
    ['Timer.OnCalendar', '*-1/2-1', 'ok'], ['Timer.OnCalendar', 'Mon-Fri 9:00', 'ok'], ['Timer.OnCalendar', '*-*-* 06,18:00', 'ok'], ['Timer.OnCalendar', 'Sun *-*-* 01:00:00 Asia/Tokyo', 'ok'],
    ['Timer.OnCalendar', 'notadate', 'error'], ['Timer.OnCalendar', '*-*-* 25:00', 'error'], ['Timer.OnCalendar', 'Foo 9:00', 'error'],
    ['Timer.OnCalendar', 'Mon 9', 'error'], ['Timer.OnCalendar', '1,15 9:00', 'error'], ['Timer.OnCalendar', 'today', 'error'], ['Timer.OnCalendar', 'Mon 02:00 +0100', 'error'],
  ],
  string: [
    ['Socket.FileDescriptorName', 'socket(2,1,6)=0', 'ok'], ['Socket.FileDescriptorName', 'with space', 'ok'], ['Socket.FileDescriptorName', 'semi;colon', 'ok'],
    ['Socket.FileDescriptorName', '%n-x', 'ok'], ['Socket.FileDescriptorName', 'a'.repeat(255), 'ok'],
    ['Socket.FileDescriptorName', 'bad:name', 'error'], ['Socket.FileDescriptorName', 'ütf8', 'error'], ['Socket.FileDescriptorName', 'a'.repeat(256), 'error'],
    ['Socket.FileDescriptorName', '%Z', 'error'],
    ['Unit.Documentation', 'man:foo(8) https://example.org/x file:/usr/share/doc/x info:foo http://x', 'ok'], ['Unit.Documentation', 'notauri', 'error'],
    ['Unit.Documentation', 'ftp://x', 'error'],
    ['Socket.RestrictNetworkInterfaces', 'hello', 'ok'], ['Socket.RestrictNetworkInterfaces', '~eth0 wlan0', 'ok'], ['Socket.RestrictNetworkInterfaces', '%Z', 'error'],
    ['Socket.BindToDevice', 'eth0', 'ok'], ['Socket.BindToDevice', 'averyveryverylongname', 'error'], ['Socket.BindToDevice', '12', 'error'],
    ['Service.BusName', 'org.freedesktop.Foo', 'ok'], ['Service.BusName', 'nodots', 'error'],
    ['Service.StandardInputData', 'aGVsbG8K', 'ok'], ['Service.StandardInputData', '%%%', 'error'],
    ['Service.StandardInputText', 'hello\\nworld', 'ok'], ['Service.StandardInputText', 'bad \\q', 'error'],
    ['Service.RootHash', '0123456789abcdef0123456789abcdef', 'ok'], ['Service.RootHash', '/x.roothash', 'ok'], ['Service.RootHash', '%Z', 'error'],
    ['Service.RootHashSignature', 'base64:aGVsbG8=', 'ok'], ['Service.RootHashSignature', 'nope', 'error'],
    ['Service.SELinuxContext', '-system_u:system_r:foo_t:s0', 'ok'], ['Service.AppArmorProfile', '-%Z', 'error'],
    ['Unit.Description', 'Web %i', 'ok'], ['Socket.TCPCongestion', '%Z', 'ok'], ['Mount.What', '/dev/disk/by-label/x', 'ok'],
    ['Service.LogFilterPatterns', '~^foo.*$', 'ok'], ['Install.DefaultInstance', 'tty1', 'ok'],
  ],
  ignored: [['Service.MemoryLimit', 'anything at all', 'ok']],
};

describe.each(Object.entries(CASES))('%s', (_kind, cases) => {
  it.each(cases)('%s=%s → %s', (key, value, expected) => {
    expect(outcome(key, value)).toBe(expected);
  });
});

describe('messages, offsets and versions', () => {
  it('CAP_RAWIO suggests CAP_SYS_RAWIO', () => {
    const [p] = warnings('Service.CapabilityBoundingSet', 'CAP_CHOWN CAP_RAWIO');
    expect(p!.message).toContain('CAP_SYS_RAWIO');
    expect([p!.start, p!.end]).toEqual([10, 19]);
  });
  it('unknown specifier has code unknown-specifier and points at %x', () => {
    const [p] = check('Unit.Description', 'ab %Z cd');
    expect(p!.code).toBe('unknown-specifier');
    expect([p!.start, p!.end]).toEqual([3, 5]);
  });
  it('a specifier newer than the target version is an error (that version refuses the value: "Invalid slot")', () => {
    expect(outcome('Unit.Description', 'x %D', 252)).toBe('error');
    expect(outcome('Unit.Description', 'x %D', 260)).toBe('ok');
  });
  it('unit-name specifier invalid in unit names points at it', () => {
    const [p] = check('Unit.After', 'a.service foo@%I.service');
    expect([p!.start, p!.end]).toEqual([14, 16]);
  });
  it('exec: the bad command of several is reported', () => {
    const ps = check('Service.ExecStartPre', '/bin/true ; foo/bar x');
    expect(ps).toHaveLength(1);
    expect(ps[0]!.start).toBe(12);
  });
  it("'|' prefix before 258 is a warning, '!!' since 258 only a note (valid at every version)", () => {
    expect(outcome('Service.ExecStart', '|echo hi', 252)).toBe('warning');
    expect(outcome('Service.ExecStart', '!!/bin/true', 252)).toBe('ok');
    expect(check('Service.ExecStart', '!!/bin/true', 252)).toEqual([]);
    expect(check('Service.ExecStart', '!!/bin/true', 260).map((p) => p.severity)).toEqual(['info']);
  });
  it('manager environment before 254 does not expand specifiers', () => {
    expect(outcome('Manager.DefaultEnvironment', 'A=%Z', 253)).toBe('ok');
    expect(outcome('Manager.DefaultEnvironment', 'A=%Z', 254)).toBe('error');
  });
  it('never throws on odd input', () => {
    const weird = ['\\', '"', "'", '%', '%%%', '~', ':', ';', '\u0000', '\uffff', 'a'.repeat(10000), '${', '[', '@', '|', '!!!!'];
    for (const key of ['Service.ExecStart', 'Service.Environment', 'Timer.OnCalendar', 'Socket.ListenStream', 'Service.BindPaths', 'Service.MemoryMax', 'Unit.After', 'Service.LimitNOFILE', 'Service.SystemCallFilter', 'Service.LoadCredential']) {
      for (const v of weird) expect(() => check(key, v)).not.toThrow();
    }
  });
});
