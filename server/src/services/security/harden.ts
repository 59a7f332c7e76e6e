/**
 * "Harden This Service": a drop-in with sandboxing settings that do not break what the unit visibly needs, and a
 * stricter second level with what may need testing. Pure: the caller gives the unit's files (fragment and drop-ins
 * in systemd's order, as units/effective.ts SourceFile) and where the drop-in would go; writing it is the caller's
 * business (writeTarget.ts / safeWrite.ts, like every writer).
 *
 * What the unit needs is read from the unit itself:
 * - network: sockets it is activated by (Sockets=, a .socket named in Requires=/Wants=/After=), network targets in
 *   After=/Wants=/Requires=, or IP-related settings: then no PrivateNetwork=, and the address families keep AF_INET
 *   and AF_INET6;
 * - paths: ExecStart= and friends, ReadWritePaths=, WorkingDirectory=, EnvironmentFile=, … under /home, /root or
 *   /run/user keep home directories readable (ProtectHome=read-only) or untouched when written; paths under /tmp
 *   or /var/tmp skip PrivateTmp=; written paths under /etc, /usr or /boot skip ProtectSystem=;
 * - devices: DeviceAllow= or /dev paths skip PrivateDevices=;
 * - User=root (or no User=) is never changed: a note says what a dedicated user would gain.
 */
import { mergeUnit, type EffectiveUnit, type SourceFile } from '../../units/effective.js';
import { scoreService, type SecurityScore } from './score.js';
import { words } from './info.js';

export type HardenLevel = 'safe' | 'strict';

export interface HardenLine {
  readonly directive: string;
  readonly value: string;
  /** Why, in one line (becomes the comment above the line). */
  readonly why: string;
}

export interface HardenPlan {
  readonly level: HardenLevel;
  readonly lines: readonly HardenLine[];
  /** The drop-in's text ([Service] with a comment before each line). */
  readonly text: string;
  readonly before: SecurityScore;
  readonly after: SecurityScore;
  /** What was left out and why; for the strict level, what to test. */
  readonly notes: readonly string[];
}

const PATH_KEYS = [
  'ExecStart',
  'ExecStartPre',
  'ExecStartPost',
  'ExecReload',
  'ExecStop',
  'ExecStopPost',
  'ExecCondition',
  'WorkingDirectory',
  'EnvironmentFile',
  'PIDFile',
  'RootDirectory',
];
const WRITE_KEYS = [
  'ReadWritePaths',
  'ReadWriteDirectories',
  'BindPaths',
  'LogsDirectory',
  'StandardOutput',
  'StandardError',
];

function values(eff: EffectiveUnit, section: string, name: string): string[] {
  return eff.valuesOf(section, name);
}

function pathsIn(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of texts)
    for (const w of words(t)) {
      const m = /(?:^|[=:+\-@!|])(\/[^\s:]*)/.exec(w);
      if (m) out.push(m[1]!);
    }
  return out;
}

const under = (p: string, ...dirs: string[]): boolean => dirs.some((d) => p === d || p.startsWith(`${d}/`));

/** Plan the drop-in at one level. `sources`: the unit's files in systemd's order. */
export function planHardening(
  sources: readonly SourceFile[],
  unitName: string,
  version: number,
  level: HardenLevel = 'safe',
): HardenPlan {
  const eff = mergeUnit(sources);
  const before = scoreService(eff, unitName, version);
  const good = (field: string): boolean => before.checks.find((c) => c.json_field === field)?.set !== false;
  const S = 'Service';
  const deps = ['After', 'Wants', 'Requires', 'BindsTo']
    .flatMap((k) => values(eff, 'Unit', k))
    .flatMap((v) => words(v));
  const needsNetwork =
    deps.some((d) => /^network(-online)?\.target$|\.socket$/.test(d)) ||
    values(eff, S, 'Sockets').length > 0 ||
    values(eff, S, 'IPAddressAllow').length > 0 ||
    values(eff, S, 'RestrictAddressFamilies').some((v) => /AF_INET/.test(v));
  const read = pathsIn(PATH_KEYS.flatMap((k) => values(eff, S, k)));
  const written = pathsIn(WRITE_KEYS.flatMap((k) => values(eff, S, k)));
  const all = [...read, ...written];
  const user = values(eff, S, 'User').at(-1);
  const dynamic = /^(1|yes|y|true|t|on)$/i.test(values(eff, S, 'DynamicUser').at(-1) ?? '');
  const root = !dynamic && (!user || user === 'root' || user === '0');
  const notes: string[] = [];
  const lines: HardenLine[] = [];
  const add = (field: string, directive: string, value: string, why: string): void => {
    if (!good(field)) lines.push({ directive, value, why });
  };

  // Settings that only take away what a normal daemon never uses.
  add(
    'NoNewPrivileges',
    'NoNewPrivileges',
    'yes',
    'setuid/setgid programs and file capabilities cannot raise privileges',
  );
  if (all.some((p) => under(p, '/tmp', '/var/tmp')))
    notes.push('PrivateTmp= left out: the unit names paths under /tmp or /var/tmp that other programs may share.');
  else add('PrivateTmp', 'PrivateTmp', 'yes', 'a private /tmp and /var/tmp, removed when the service stops');
  if (written.some((p) => under(p, '/etc', '/usr', '/boot')))
    notes.push('ProtectSystem= left out: the unit writes under /etc, /usr or /boot.');
  else if (level === 'strict')
    add(
      'ProtectSystem',
      'ProtectSystem',
      'strict',
      'the whole file system read-only except ReadWritePaths=, StateDirectory= and friends, /dev, /proc and /sys',
    );
  else add('ProtectSystem', 'ProtectSystem', 'full', '/usr, /boot and /etc read-only');
  if (written.some((p) => under(p, '/home', '/root', '/run/user')))
    notes.push('ProtectHome= left out: the unit writes in home directories.');
  else if (read.some((p) => under(p, '/home', '/root', '/run/user')))
    add('ProtectHome', 'ProtectHome', 'read-only', 'home directories read-only (the unit reads files there)');
  else
    add(
      'ProtectHome',
      'ProtectHome',
      level === 'strict' ? 'yes' : 'read-only',
      level === 'strict' ? 'home directories hidden' : 'home directories read-only',
    );
  add('ProtectKernelTunables', 'ProtectKernelTunables', 'yes', '/proc/sys, /sys and similar read-only');
  add('ProtectKernelModules', 'ProtectKernelModules', 'yes', 'no loading of kernel modules');
  add('ProtectKernelLogs', 'ProtectKernelLogs', 'yes', 'no access to the kernel log buffer');
  add('ProtectControlGroups', 'ProtectControlGroups', 'yes', 'the cgroup tree read-only');
  add('ProtectClock', 'ProtectClock', 'yes', 'the system and hardware clocks cannot be set');
  add('ProtectHostname', 'ProtectHostname', 'yes', 'the host name cannot be changed');
  add('RestrictRealtime', 'RestrictRealtime', 'yes', 'no realtime scheduling, which could starve the machine');
  add('RestrictSUIDSGID', 'RestrictSUIDSGID', 'yes', 'no creating setuid/setgid files');
  add('LockPersonality', 'LockPersonality', 'yes', 'the execution domain (personality) cannot change');
  add('SystemCallArchitectures', 'SystemCallArchitectures', 'native', 'only the native system call ABI');
  if (!root)
    add(
      'RemoveIPC',
      'RemoveIPC',
      'yes',
      "SysV IPC objects and POSIX message queues of the service's user go when it stops",
    );
  if (values(eff, S, 'DeviceAllow').length || all.some((p) => under(p, '/dev')))
    notes.push('PrivateDevices= left out: the unit uses devices.');
  else
    add(
      'PrivateDevices',
      'PrivateDevices',
      'yes',
      'only pseudo devices (/dev/null, /dev/zero, /dev/random…) are visible',
    );
  const ns = before.checks.filter((c) => c.json_field.startsWith('RestrictNamespaces_') && c.set === false);
  if (ns.length)
    lines.push({
      directive: 'RestrictNamespaces',
      value: 'yes',
      why: 'no new namespaces of any kind (containers, sandboxes inside the service)',
    });
  if (needsNetwork) {
    notes.push('PrivateNetwork= left out: the unit uses the network (sockets or network targets).');
    if (
      before.checks.some((c) => c.json_field.startsWith('RestrictAddressFamilies_') && c.set === false) &&
      !values(eff, S, 'RestrictAddressFamilies').length
    ) {
      lines.push({
        directive: 'RestrictAddressFamilies',
        value: 'AF_UNIX AF_INET AF_INET6 AF_NETLINK',
        why: 'sockets of the usual families only (local, IPv4, IPv6, netlink)',
      });
    }
  } else {
    add(
      'PrivateNetwork',
      'PrivateNetwork',
      'yes',
      'no network except a private loopback (the unit shows no sign of using the network)',
    );
    if (!values(eff, S, 'RestrictAddressFamilies').length)
      lines.push({
        directive: 'RestrictAddressFamilies',
        value: 'AF_UNIX',
        why: 'local sockets only (journald, D-Bus)',
      });
  }
  if (root)
    notes.push(
      'User= left as it is: the service runs as root. DynamicUser=yes or a dedicated User= would cut the score most, after checking which files it owns.',
    );

  if (level === 'strict') {
    add(
      'MemoryDenyWriteExecute',
      'MemoryDenyWriteExecute',
      'yes',
      'no writable and executable memory (breaks JIT compilers: Java, Node.js, PCRE JIT…)',
    );
    if (
      before.checks.some((c) => c.json_field.startsWith('SystemCallFilter_') && c.set === false) &&
      !values(eff, S, 'SystemCallFilter').length
    ) {
      lines.push({
        directive: 'SystemCallFilter',
        value: '@system-service',
        why: 'only the system calls ordinary services use',
      });
      lines.push({
        directive: 'SystemCallFilter',
        value: '~@privileged @resources',
        why: 'and none of those that need privileges or change resource limits',
      });
    }
    add('ProtectProc', 'ProtectProc', 'invisible', "other users' processes are hidden in /proc");
    add('ProcSubset', 'ProcSubset', 'pid', '/proc shows processes only, not kernel files');
    add('UMask', 'UMask', '0077', 'new files readable by the owner only');
    if (!root) add('PrivateUsers', 'PrivateUsers', 'yes', 'other users and groups are not mapped into the service');
    if (!needsNetwork) add('IPAddressDeny', 'IPAddressDeny', 'any', 'no IP traffic at all');
    if (
      root &&
      before.checks.some((c) => c.json_field.startsWith('CapabilityBoundingSet_') && c.set === false) &&
      !values(eff, S, 'CapabilityBoundingSet').length
    ) {
      lines.push({
        directive: 'CapabilityBoundingSet',
        value:
          '~CAP_SYS_ADMIN CAP_SYS_PTRACE CAP_SYS_MODULE CAP_SYS_RAWIO CAP_SYS_BOOT CAP_SYS_TIME CAP_MKNOD CAP_MAC_ADMIN CAP_MAC_OVERRIDE CAP_LINUX_IMMUTABLE CAP_AUDIT_CONTROL CAP_SYS_PACCT CAP_SYS_TTY_CONFIG CAP_WAKE_ALARM CAP_BLOCK_SUSPEND',
        why: 'drop the capabilities daemons rarely need',
      });
    }
    notes.push(
      'Test the strict level before deploying: MemoryDenyWriteExecute= breaks JIT compilers, SystemCallFilter= kills the service on a system call outside the list, UMask=0077 hides new files from the group, ProtectSystem=strict needs ReadWritePaths= (or StateDirectory=…) for every folder the service writes.',
    );
  }

  const body = lines.map((l) => `# ${l.why}\n${l.directive}=${l.value}`).join('\n');
  const text = `# Hardening for ${unitName} (${level} level), from "Harden This Service".\n[Service]\n${body}\n`;
  const after = scoreService(
    mergeUnit([...sources, { path: `${unitName}.d/hardening.conf`, text }]),
    unitName,
    version,
  );
  return { level, lines, text, before, after, notes };
}
