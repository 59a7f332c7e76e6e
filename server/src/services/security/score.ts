/**
 * The exposure score of `systemd-analyze security` (assess() in src/analyze/analyze-security.c; the formula is in
 * data/security-scoring.md's source, ../shared/reference/security-scoring.md):
 *
 *   per applicable check:  points = ceil(badness × weight / range)
 *   exposure (tenths)    = ceil(Σ points × 100 / Σ weight)          0 … 100, printed as 0.0 … 10.0
 *   a check's share      = ceil(ceil(badness × weight × 100 / range) / Σ weight)   (only when badness > 0)
 *
 * Checks that only apply with default dependencies are skipped for DefaultDependencies=no; SupplementaryGroups= and
 * RemoveIPC= are skipped for a service that runs as root. The table follows the target version: 252 (the v252 tag
 * has 80 checks; CapabilityBoundingSet=~CAP_BPF came with 255 and reached 252.19, so `252` here means the 252.19+
 * point releases Debian 12 ships, 81 checks) or later.
 */
import type { EffectiveUnit } from '../../units/effective.js';
import { capabilities, nativeSyscalls, once, securityChecks, type CheckRow } from './tables.js';
import { nsBit, securityInfoOf, syscallGroups, type NamespaceName, type SecurityInfo } from './info.js';

export type ExposureLabel = 'PERFECT' | 'SAFE' | 'OK' | 'MEDIUM' | 'EXPOSED' | 'UNSAFE' | 'DANGEROUS';

export interface CheckResult {
  /** systemd's id ("PrivateTmp=", "CapabilityBoundingSet=~CAP_SYS_ADMIN"). */
  readonly id: string;
  readonly json_field: string;
  /** true: good (badness 0); false: bad in part or whole; null: does not apply to this service. */
  readonly set: boolean | null;
  /** The check's share of the exposure in tenths (0 when good or not applicable). */
  readonly exposureTenths: number;
  /** "0.3", or null (systemd prints no share for good and not-applicable rows). */
  readonly exposure: string | null;
  readonly description: string;
  readonly badness: number | null;
  readonly weight: number;
  readonly range: number;
  /** The directive a fix sets ("PrivateTmp", "CapabilityBoundingSet"…). */
  readonly directive: string;
  /** Points this check adds to the badness sum (ceil(badness × weight / range)). */
  readonly points: number;
  readonly url: string;
}

export interface SecurityScore {
  readonly unit: string;
  readonly version: number;
  /** In tenths, 0 … 100 (systemd's integer). */
  readonly exposureTenths: number;
  /** "8.4" */
  readonly exposure: string;
  readonly label: ExposureLabel;
  readonly checks: readonly CheckResult[];
  readonly badnessSum: number;
  readonly weightSum: number;
}

const LABELS: readonly [number, ExposureLabel][] = [
  [100, 'DANGEROUS'],
  [90, 'UNSAFE'],
  [75, 'EXPOSED'],
  [50, 'MEDIUM'],
  [10, 'OK'],
  [1, 'SAFE'],
  [0, 'PERFECT'],
];

export function labelOf(tenths: number): ExposureLabel {
  return LABELS.find(([t]) => tenths >= t)![1];
}

export const formatTenths = (t: number): string => `${Math.floor(t / 10)}.${t % 10}`;

const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b);

/** The checks of a target version, in systemd's order. */
export function checksFor(version: number): readonly CheckRow[] {
  // 252 as shipped (252.19 and later point releases) has the CAP_BPF check too; see the file comment.
  return version >= 252 ? securityChecks() : checksBefore252();
}

const checksBefore252 = once(() => securityChecks().filter((c) => c.in252));

function capBits(...names: string[]): bigint {
  let m = 0n;
  const caps = capabilities();
  for (const n of names) m |= 1n << BigInt(caps.indexOf(n));
  return m;
}

/** The capabilities each CapabilityBoundingSet= check is about, as a mask (built on first use). */
const capParam = once((): Record<string, bigint> => ({
  CapabilityBoundingSet_CAP_SYS_ADMIN: capBits('CAP_SYS_ADMIN'),
  CapabilityBoundingSet_CAP_SET_UID_GID_PCAP: capBits('CAP_SETUID', 'CAP_SETGID', 'CAP_SETPCAP'),
  CapabilityBoundingSet_CAP_SYS_PTRACE: capBits('CAP_SYS_PTRACE'),
  CapabilityBoundingSet_CAP_SYS_TIME: capBits('CAP_SYS_TIME'),
  CapabilityBoundingSet_CAP_NET_ADMIN: capBits('CAP_NET_ADMIN'),
  CapabilityBoundingSet_CAP_SYS_RAWIO: capBits('CAP_SYS_RAWIO'),
  CapabilityBoundingSet_CAP_SYS_MODULE: capBits('CAP_SYS_MODULE'),
  CapabilityBoundingSet_CAP_AUDIT: capBits('CAP_AUDIT_CONTROL', 'CAP_AUDIT_READ', 'CAP_AUDIT_WRITE'),
  CapabilityBoundingSet_CAP_SYSLOG: capBits('CAP_SYSLOG'),
  CapabilityBoundingSet_CAP_SYS_NICE_RESOURCE: capBits('CAP_SYS_NICE', 'CAP_SYS_RESOURCE'),
  CapabilityBoundingSet_CAP_MKNOD: capBits('CAP_MKNOD'),
  CapabilityBoundingSet_CAP_CHOWN_FSETID_SETFCAP: capBits('CAP_CHOWN', 'CAP_FSETID', 'CAP_SETFCAP'),
  CapabilityBoundingSet_CAP_DAC_FOWNER_IPC_OWNER: capBits(
    'CAP_DAC_OVERRIDE',
    'CAP_DAC_READ_SEARCH',
    'CAP_FOWNER',
    'CAP_IPC_OWNER',
  ),
  CapabilityBoundingSet_CAP_KILL: capBits('CAP_KILL'),
  'CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW)': capBits(
    'CAP_NET_BIND_SERVICE',
    'CAP_NET_BROADCAST',
    'CAP_NET_RAW',
  ),
  CapabilityBoundingSet_CAP_SYS_BOOT: capBits('CAP_SYS_BOOT'),
  CapabilityBoundingSet_CAP_MAC: capBits('CAP_MAC_ADMIN', 'CAP_MAC_OVERRIDE'),
  CapabilityBoundingSet_CAP_LINUX_IMMUTABLE: capBits('CAP_LINUX_IMMUTABLE'),
  CapabilityBoundingSet_CAP_IPC_LOCK: capBits('CAP_IPC_LOCK'),
  CapabilityBoundingSet_CAP_SYS_CHROOT: capBits('CAP_SYS_CHROOT'),
  CapabilityBoundingSet_CAP_BLOCK_SUSPEND: capBits('CAP_BLOCK_SUSPEND'),
  CapabilityBoundingSet_CAP_WAKE_ALARM: capBits('CAP_WAKE_ALARM'),
  CapabilityBoundingSet_CAP_LEASE: capBits('CAP_LEASE'),
  CapabilityBoundingSet_CAP_SYS_TTY_CONFIG: capBits('CAP_SYS_TTY_CONFIG'),
  CapabilityBoundingSet_CAP_SYS_PACCT: capBits('CAP_SYS_PACCT'),
  CapabilityBoundingSet_CAP_BPF: capBits('CAP_BPF'),
}));

function runsPrivileged(i: SecurityInfo): boolean {
  if (i.user === '0' || i.user === 'root') return true;
  if (i.dynamicUser) return false;
  return !i.user;
}

/** Does the filter let a system call of the group through (skipping names that are not x86-64 system calls)? */
function groupLeaks(
  i: SecurityInfo,
  group: string,
  groups: Readonly<Record<string, readonly string[]>>,
  depth = 0,
): string | undefined {
  for (const m of groups[group] ?? []) {
    if (m.startsWith('@')) {
      if (depth < 8) {
        const r = groupLeaks(i, m, groups, depth + 1);
        if (r) return r;
      }
      continue;
    }
    if (!nativeSyscalls().has(m)) continue;
    if (i.systemCallFilter.has(m) === i.systemCallFilterAllowList) return m;
  }
  return undefined;
}

interface Assessed {
  readonly badness: number | null;
  readonly note?: string;
}

const BOOL_FIELD: Record<string, keyof SecurityInfo> = {
  PrivateDevices: 'privateDevices',
  PrivateMounts: 'privateMounts',
  PrivateNetwork: 'privateNetwork',
  PrivateTmp: 'privateTmp',
  PrivateUsers: 'privateUsers',
  ProtectControlGroups: 'protectControlGroups',
  ProtectKernelModules: 'protectKernelModules',
  ProtectKernelTunables: 'protectKernelTunables',
  ProtectKernelLogs: 'protectKernelLogs',
  ProtectClock: 'protectClock',
  ProtectHostname: 'protectHostname',
  LockPersonality: 'lockPersonality',
  MemoryDenyWriteExecute: 'memoryDenyWriteExecute',
  NoNewPrivileges: 'noNewPrivileges',
  RestrictRealtime: 'restrictRealtime',
  RestrictSUIDSGID: 'restrictSuidSgid',
  RestrictAddressFamilies_AF_INET_INET6: 'restrictInet',
  RestrictAddressFamilies_AF_UNIX: 'restrictUnix',
  RestrictAddressFamilies_AF_NETLINK: 'restrictNetlink',
  RestrictAddressFamilies_AF_PACKET: 'restrictPacket',
  RestrictAddressFamilies_OTHER: 'restrictOther',
};

function assessOne(c: CheckRow, i: SecurityInfo): Assessed {
  const f = c.jsonField;
  if (f in BOOL_FIELD) return { badness: i[BOOL_FIELD[f]!] ? 0 : 1 };
  const cap = capParam()[f];
  if (cap !== undefined) return { badness: (i.capabilityBoundingSet & cap) !== 0n ? 1 : 0 };
  if (f.startsWith('RestrictNamespaces_')) {
    const ns = f.slice('RestrictNamespaces_'.length) as NamespaceName;
    return { badness: i.restrictNamespaces === undefined || (i.restrictNamespaces & nsBit(ns)) !== 0 ? 1 : 0 };
  }
  if (f.startsWith('SystemCallFilter_')) {
    const group = `@${f.slice('SystemCallFilter_'.length).replace(/_/g, '-')}`;
    if (!i.systemCallFilterAllowList && i.systemCallFilter.size === 0)
      return { badness: 10, note: 'no system call filter' };
    const leak = groupLeaks(i, group, syscallGroups(i.version));
    if (i.systemCallFilterAllowList)
      return leak
        ? { badness: 9, note: `the allow list lets ${group} through (${leak})` }
        : { badness: 0, note: `the allow list leaves ${group} out` };
    return leak
      ? { badness: 10, note: `the deny list misses ${group} (${leak})` }
      : { badness: 0, note: `the deny list covers ${group}` };
  }
  switch (f) {
    case 'UserOrDynamicUser':
      if (i.user === 'nobody')
        return { badness: 9, note: "runs as 'nobody', which is meant for unmapped files, not services" };
      if (i.dynamicUser && i.user !== '0' && i.user !== 'root') return { badness: 0, note: 'runs as a dynamic user' };
      if (i.user && i.user !== '0' && i.user !== 'root') return { badness: 0, note: `runs as ${i.user}` };
      return { badness: 10 };
    case 'SupplementaryGroups':
      return runsPrivileged(i)
        ? { badness: null, note: 'runs as root: groups do not matter' }
        : { badness: i.supplementaryGroups.length ? 1 : 0 };
    case 'RemoveIPC':
      return runsPrivileged(i)
        ? { badness: null, note: 'runs as root: not applicable' }
        : { badness: i.removeIpc ? 0 : 1 };
    case 'ProtectHome': {
      const m: Record<string, [number, string]> = {
        yes: [0, 'home directories unreachable'],
        tmpfs: [1, 'empty home directories'],
        'read-only': [5, 'home directories read-only'],
      };
      const r = m[i.protectHome] ?? [10, 'home directories fully reachable'];
      return { badness: r[0], note: r[1] };
    }
    case 'ProtectSystem': {
      const m: Record<string, [number, string]> = {
        strict: [0, 'whole OS tree read-only'],
        full: [3, '/usr, /boot and /etc read-only'],
        yes: [5, '/usr and /boot read-only'],
      };
      const r = m[i.protectSystem] ?? [10, 'OS tree writable'];
      return { badness: r[0], note: r[1] };
    }
    case 'RootDirectoryOrRootImage': {
      const isRoot = (p: string | undefined): boolean => !p || p === '/';
      return { badness: isRoot(i.rootDirectory) && isRoot(i.rootImage) ? 1 : 0 };
    }
    case 'UMask': {
      const u = i.umask;
      if (!(u & 0o002)) return { badness: 10, note: 'new files world-writable' };
      if (!(u & 0o004)) return { badness: 5, note: 'new files world-readable' };
      if (!(u & 0o020)) return { badness: 2, note: 'new files group-writable' };
      if (!(u & 0o040)) return { badness: 1, note: 'new files group-readable' };
      return { badness: 0, note: 'new files private to the owner' };
    }
    case 'KeyringMode':
      return { badness: i.keyringMode === 'private' ? 0 : 1 };
    case 'ProtectProc':
      return {
        badness:
          i.protectProc === 'noaccess' ? 1 : i.protectProc === 'invisible' || i.protectProc === 'ptraceable' ? 0 : 3,
      };
    case 'ProcSubset':
      return { badness: i.procSubset === 'pid' ? 0 : 1 };
    case 'NotifyAccess':
      return { badness: i.notifyAccess === 'all' ? 1 : 0 };
    case 'Delegate':
      return { badness: i.delegate ? 1 : 0 };
    case 'SystemCallArchitectures': {
      const a = i.systemCallArchitectures;
      if (a.size === 0) return { badness: 10 };
      if (a.has('native') && a.size === 1) return { badness: 0 };
      return { badness: 8, note: 'system calls of several ABIs allowed' };
    }
    case 'IPAddressDeny':
      if (i.ipFiltersCustom) return { badness: 0, note: 'custom BPF IP filters' };
      if (!i.ipAddressDenyAll) return { badness: 10 };
      if (i.ipAddressAllowOther) return { badness: 5, note: 'deny-all with allowed ranges beyond localhost' };
      if (i.ipAddressAllowLocalhost) return { badness: 2, note: 'deny-all, only localhost allowed' };
      return { badness: 0 };
    case 'DeviceAllow':
      if (i.devicePolicy === 'strict' || i.devicePolicy === 'closed') {
        return i.deviceAllow.length
          ? { badness: 5, note: `device ACL with ${i.deviceAllow.join(' ')}` }
          : { badness: 0 };
      }
      return { badness: 10 };
    case 'AmbientCapabilities':
      return { badness: i.ambientCapabilities !== 0n ? 1 : 0 };
    default:
      return { badness: 1, note: 'unknown check' };
  }
}

function directiveOf(c: CheckRow): string {
  const d = c.id.replace(/=.*$/, '');
  return d === 'User' ? 'DynamicUser' : d === 'RootDirectory' ? 'RootDirectory' : d;
}

/** Score a SecurityInfo against the table of a version. */
export function assessInfo(info: SecurityInfo): SecurityScore {
  const rows: { c: CheckRow; a: Assessed }[] = [];
  let badnessSum = 0;
  let weightSum = 0;
  for (const c of checksFor(info.version)) {
    let a: Assessed;
    if (c.defaultDependenciesOnly && !info.defaultDependencies)
      a = { badness: null, note: 'DefaultDependencies=no: an early-boot service, not applicable' };
    else a = assessOne(c, info);
    if (a.badness !== null) {
      badnessSum += ceilDiv(a.badness * c.weight, c.range);
      weightSum += c.weight;
    }
    rows.push({ c, a });
  }
  const exposureTenths = weightSum > 0 ? ceilDiv(badnessSum * 100, weightSum) : 0;
  const checks: CheckResult[] = rows.map(({ c, a }) => {
    const b = a.badness;
    const share = b !== null && b > 0 ? ceilDiv(ceilDiv(b * c.weight * 100, c.range), weightSum) : 0;
    const description =
      b === null
        ? (a.note ?? 'not applicable')
        : b === 0
          ? a.note && !/^the |^runs as/.test(a.note)
            ? a.note
            : c.good
          : b === c.range
            ? c.bad
            : (a.note ?? c.bad);
    return {
      id: c.id,
      json_field: c.jsonField,
      set: b === null ? null : b === 0,
      exposureTenths: share,
      exposure: share > 0 ? formatTenths(share) : null,
      description:
        b !== null && b > 0 && b < c.range && a.note
          ? a.note
          : b !== null && b === c.range && a.note && c.jsonField.startsWith('SystemCallFilter_')
            ? a.note
            : description,
      badness: b,
      weight: c.weight,
      range: c.range,
      directive: directiveOf(c),
      points: b === null ? 0 : ceilDiv(b * c.weight, c.range),
      url: c.url,
    };
  });
  return {
    unit: info.unitName,
    version: info.version,
    exposureTenths,
    exposure: formatTenths(exposureTenths),
    label: labelOf(exposureTenths),
    checks,
    badnessSum,
    weightSum,
  };
}

/** The score of a service from its effective unit (the unit file and its drop-ins, merged). */
export function scoreService(eff: EffectiveUnit, unitName: string, version: number): SecurityScore {
  return assessInfo(securityInfoOf(eff, unitName, version));
}
