/**
 * What `systemd-analyze security` looks at, read from a service's effective unit the way systemd's unit loader
 * reads it: each directive's assignments replayed in order through the same rules as systemd's config parsers
 * (load-fragment.c), then the implications systemd adds when it loads the unit (unit_patch_contexts():
 * DynamicUser=, PrivateDevices=, ProtectClock=, ProtectKernelModules=, ProtectKernelLogs=, RootImage=, encrypted
 * credentials). A value systemd rejects leaves the setting as it was, as systemd does ("…, ignoring").
 *
 * Pure: no file system, no clock. The version decides which spellings are accepted (252 reads PrivateTmp= and
 * friends as plain booleans; later versions take more words and still score any of them as "set").
 */
import { isIPv4, isIPv6 } from 'node:net';
import { canonicalDirective, resetGroupOf, type EffectiveUnit } from '../../units/effective.js';
import type { Analysis } from '../model.js';
import { parseBoolean } from '../../values/bool.js';
import { syscallNames252 } from '../../values/syscall.js';
import { addressFamilies, architectures, capabilities, once, syscallGroups252 } from './tables.js';

export const ALL_CAPS = (1n << 64n) - 1n;
const NAMESPACES = ['cgroup', 'ipc', 'net', 'mnt', 'pid', 'user', 'uts', 'time'] as const;
export type NamespaceName = (typeof NAMESPACES)[number];
const NS_ALL = (1 << NAMESPACES.length) - 1;
export const nsBit = (n: NamespaceName): number => 1 << NAMESPACES.indexOf(n);

export interface SecurityInfo {
  readonly unitName: string;
  readonly version: number;
  defaultDependencies: boolean;
  user: string | undefined;
  dynamicUser: boolean;
  supplementaryGroups: string[];
  ambientCapabilities: bigint;
  capabilityBoundingSet: bigint;
  keyringMode: string;
  protectProc: string;
  procSubset: string;
  notifyAccess: string;
  lockPersonality: boolean;
  memoryDenyWriteExecute: boolean;
  noNewPrivileges: boolean;
  protectHostname: boolean;
  privateDevices: boolean;
  privateMounts: boolean;
  privateNetwork: boolean;
  privateTmp: boolean;
  privateUsers: boolean;
  protectControlGroups: boolean;
  protectKernelModules: boolean;
  protectKernelTunables: boolean;
  protectKernelLogs: boolean;
  protectClock: boolean;
  protectHome: string;
  protectSystem: string;
  removeIpc: boolean;
  /** RestrictAddressFamilies=: true = that class of sockets is refused. */
  restrictInet: boolean;
  restrictUnix: boolean;
  restrictNetlink: boolean;
  restrictPacket: boolean;
  restrictOther: boolean;
  /** Namespace types the service may create (bit per NAMESPACES entry); undefined = never set (all). */
  restrictNamespaces: number | undefined;
  restrictRealtime: boolean;
  restrictSuidSgid: boolean;
  rootDirectory: string | undefined;
  rootImage: string | undefined;
  umask: number;
  systemCallArchitectures: Set<string>;
  systemCallFilterAllowList: boolean;
  systemCallFilter: Set<string>;
  delegate: boolean;
  devicePolicy: string;
  deviceAllow: string[];
  ipAddressDenyAll: boolean;
  ipAddressAllowLocalhost: boolean;
  ipAddressAllowOther: boolean;
  ipFiltersCustom: boolean;
}

/** systemd's syscall groups for a version: 252's as measured, with the changes of later versions to the groups the checks use. */
export function syscallGroups(version: number): Readonly<Record<string, readonly string[]>> {
  return version <= 252 ? syscallGroups252() : laterSyscallGroups();
}

const laterSyscallGroups = once((): Readonly<Record<string, readonly string[]>> => {
  const g: Record<string, string[]> = Object.fromEntries(
    Object.entries(syscallGroups252()).map(([k, v]) => [k, [...v]]),
  );
  const add = (group: string, name: string): void => {
    if (!g[group]!.includes(name)) g[group]!.push(name);
  };
  const drop = (group: string, name: string): void => {
    g[group] = g[group]!.filter((n) => n !== name);
  };
  // security-252-vs-260.md: @mount gained open_tree_attr and gave open_tree to @file-system; @privileged gained
  // quotactl_fd; @resources gained set_mempolicy_home_node.
  add('@mount', 'open_tree_attr');
  drop('@mount', 'open_tree');
  add('@file-system', 'open_tree');
  add('@privileged', 'quotactl_fd');
  add('@resources', 'set_mempolicy_home_node');
  return g;
});

/** The words of a list value (extract_first_word with quotes removed). */
export function words(value: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+)/g;
  for (const m of value.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** The few specifiers a score depends on (User=%i in a template). Others become a placeholder word. */
export function expandSpecifiers(value: string, unitName: string): string {
  if (!value.includes('%')) return value;
  const dot = unitName.lastIndexOf('.');
  const base = dot > 0 ? unitName.slice(0, dot) : unitName;
  const at = base.indexOf('@');
  const prefix = at >= 0 ? base.slice(0, at) : base;
  const instance = at >= 0 ? base.slice(at + 1) : '';
  const unescape = (s: string): string =>
    s.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/-/g, '/');
  const map: Record<string, string> = {
    n: unitName,
    N: base,
    p: prefix,
    P: unescape(prefix),
    i: instance,
    I: unescape(instance),
    u: 'root',
    U: '0',
    g: 'root',
    G: '0',
    h: '/root',
    '%': '%',
  };
  return value.replace(/%(.)/g, (_, c: string) => map[c] ?? 'x');
}

/** valid_user_group_name() in its relaxed form, as User= and SupplementaryGroups= use it. */
function validUserName(s: string): boolean {
  if (s === '' || s === '.' || s === '..' || s.length > 256) return false;
  if (/[\s:/,]/.test(s) || s.startsWith('-')) return false;
  if (/^\d+$/.test(s)) return Number(s) < 4294967295;
  return true;
}

function capabilityNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) {
    const n = Number(word);
    return n < 64 ? n : undefined;
  }
  const i = capabilities().indexOf(word.toUpperCase());
  return i >= 0 ? i : undefined;
}

function capabilitySum(value: string): bigint {
  let sum = 0n;
  for (const w of words(value)) {
    const n = capabilityNumber(w);
    if (n !== undefined) sum |= 1n << BigInt(n);
  }
  return sum;
}

/** config_parse_capability_set(): `initial` is the set's default (all for the bounding set, none for ambient). */
function applyCapabilities(current: bigint, raw: string, initial: bigint): bigint {
  let value = raw;
  let invert = false;
  if (value.startsWith('~')) {
    invert = true;
    value = value.slice(1);
  }
  const sum = capabilitySum(value);
  if (sum === 0n || current === initial) return invert ? ~sum & ALL_CAPS : sum;
  return invert ? current & ~sum & ALL_CAPS : current | sum;
}

function simplifyPath(p: string): string {
  const parts = p.split('/').filter((x) => x !== '' && x !== '.');
  return `/${parts.join('/')}`;
}

function userFromUnitName(unitName: string): string {
  const base = unitName.slice(0, unitName.lastIndexOf('.') > 0 ? unitName.lastIndexOf('.') : unitName.length);
  const name = base.replace('@', '-');
  return /^[a-zA-Z_][a-zA-Z0-9_-]{0,30}$/.test(name) ? name : `_du${name.length}`;
}

// ---- IP address prefixes (config_parse_in_addr_prefixes) ---------------------------------------------------------

interface Prefix {
  readonly family: 4 | 6;
  readonly prefixlen: number;
  readonly localhost: boolean;
}

function v6Words(a: string): number[] | undefined {
  let s = a;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  let tail: number[] = [];
  if (v4) {
    const o = v4[1]!.split('.').map(Number);
    tail = [(o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!];
    s = s.slice(0, -v4[1]!.length) + (s.endsWith(`:${v4[1]}`) ? '' : '');
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
  }
  const halves = s.split('::');
  const parse = (h: string): number[] => (h === '' ? [] : h.split(':').map((x) => parseInt(x, 16)));
  const head = parse(halves[0]!);
  const rest = halves.length > 1 ? parse(halves[1]!) : [];
  const fill = 8 - head.length - rest.length - tail.length;
  if (fill < 0) return undefined;
  return [...head, ...Array<number>(halves.length > 1 ? fill : 0).fill(0), ...rest, ...tail];
}

function parsePrefixes(word: string): Prefix[] | undefined {
  switch (word) {
    case 'any':
      return [
        { family: 4, prefixlen: 0, localhost: false },
        { family: 6, prefixlen: 0, localhost: false },
      ];
    case 'localhost':
      return [
        { family: 4, prefixlen: 8, localhost: true },
        { family: 6, prefixlen: 128, localhost: true },
      ];
    case 'link-local':
      return [
        { family: 4, prefixlen: 16, localhost: false },
        { family: 6, prefixlen: 64, localhost: false },
      ];
    case 'multicast':
      return [
        { family: 4, prefixlen: 4, localhost: false },
        { family: 6, prefixlen: 8, localhost: false },
      ];
    default:
      break;
  }
  const slash = word.indexOf('/');
  const addr = slash >= 0 ? word.slice(0, slash) : word;
  const lenText = slash >= 0 ? word.slice(slash + 1) : undefined;
  const family = isIPv4(addr) ? 4 : isIPv6(addr) ? 6 : undefined;
  if (!family) return undefined;
  const max = family === 4 ? 32 : 128;
  if (lenText !== undefined && !/^\d+$/.test(lenText)) return undefined;
  const prefixlen = lenText === undefined ? max : Number(lenText);
  if (prefixlen > max) return undefined;
  let localhost: boolean;
  if (family === 4) {
    const first = Number(addr.split('.')[0]);
    const mask = prefixlen >= 8 ? 0xff : (0xff << (8 - prefixlen)) & 0xff;
    localhost = (first & mask) === 127;
  } else {
    const w = v6Words(addr);
    localhost = !!w && prefixlen === 128 && w.slice(0, 7).every((x) => x === 0) && w[7] === 1;
  }
  return [{ family, prefixlen, localhost }];
}

// ---- the replay -------------------------------------------------------------------------------------------------

/** The raw values assigned to a directive, in order (resets included as ''), as systemd's parser sees them. */
/**
 * Every directive the reader has ever looked up (canonical section and name), and the reset groups they belong
 * to. The reader's path through a unit depends only on the values it reads, so two units that agree on these
 * directives get the same score: `securityInputKey` names a text by them alone.
 */
const readDirectives = new Map<string, Set<string>>();
const readGroups = new Set<string>();
let readGeneration = 0;

function noteRead(section: string, name: string, group: string | undefined): void {
  let names = readDirectives.get(section);
  if (!names) readDirectives.set(section, (names = new Set()));
  if (!names.has(name)) {
    names.add(name);
    readGeneration++;
  }
  if (group !== undefined && !readGroups.has(group)) {
    readGroups.add(group);
    readGeneration++;
  }
}

/**
 * What of this text the score can depend on: the assignments of directives the reader looks at (and of their
 * reset groups), in order, tagged with the generation of that set. Typing anywhere else leaves the key unchanged,
 * so the editor does not score the unit again on every keystroke of an ExecStart= line.
 */
export function securityInputKey(analysis: Analysis): string {
  let key = String(readGeneration);
  for (const e of analysis.entries) {
    const sectionName = e.section.section.name;
    if (sectionName === undefined) continue;
    // The analysis looked the key up in its section already; only renamed keys need their canonical name.
    const c = e.info && !e.info.replacement ? undefined : canonicalDirective(sectionName, e.node.key);
    const section = c ? c.section : sectionName;
    const name = c ? c.name : e.node.key;
    const group = readGroups.size ? resetGroupOf(section, name, c ? c.info : e.info) : undefined;
    if (readDirectives.get(section)?.has(name) || (group !== undefined && readGroups.has(group)))
      key += `\u0000${section}\u0000${name}\u0000${e.node.value}`;
  }
  return key;
}

function assignments(eff: EffectiveUnit, section: string, name: string): string[] {
  const c = canonicalDirective(section, name);
  noteRead(c.section, c.name, resetGroupOf(c.section, c.name, c.info));
  const d = eff.get(section, name);
  if (!d) return [];
  return d.events
    .filter((e) => e.kind === 'set' || e.kind === 'append' || e.kind === 'reset')
    .map((e) => e.origin.value);
}

/**
 * Read the security-relevant settings of a service. `unitName` is the name systemd loads it under (an instance
 * for a template: foo@x.service).
 */
export function securityInfoOf(eff: EffectiveUnit, unitName: string, version: number): SecurityInfo {
  const S = 'Service';
  const info: SecurityInfo = {
    unitName,
    version,
    defaultDependencies: true,
    user: undefined,
    dynamicUser: false,
    supplementaryGroups: [],
    ambientCapabilities: 0n,
    capabilityBoundingSet: ALL_CAPS,
    keyringMode: 'private',
    protectProc: 'default',
    procSubset: 'all',
    notifyAccess: 'none',
    lockPersonality: false,
    memoryDenyWriteExecute: false,
    noNewPrivileges: false,
    protectHostname: false,
    privateDevices: false,
    privateMounts: false,
    privateNetwork: false,
    privateTmp: false,
    privateUsers: false,
    protectControlGroups: false,
    protectKernelModules: false,
    protectKernelTunables: false,
    protectKernelLogs: false,
    protectClock: false,
    protectHome: 'no',
    protectSystem: 'no',
    removeIpc: false,
    restrictInet: false,
    restrictUnix: false,
    restrictNetlink: false,
    restrictPacket: false,
    restrictOther: false,
    restrictNamespaces: undefined,
    restrictRealtime: false,
    restrictSuidSgid: false,
    rootDirectory: undefined,
    rootImage: undefined,
    umask: 0o022,
    systemCallArchitectures: new Set(),
    systemCallFilterAllowList: false,
    systemCallFilter: new Set(),
    delegate: false,
    devicePolicy: 'auto',
    deviceAllow: [],
    ipAddressDenyAll: false,
    ipAddressAllowLocalhost: false,
    ipAddressAllowOther: false,
    ipFiltersCustom: false,
  };

  const bool = (
    section: string,
    name: string,
    current: boolean,
    extraTrue: readonly string[] = [],
    extraFalse: readonly string[] = [],
  ): boolean => {
    let v = current;
    for (const raw of assignments(eff, section, name)) {
      const b = parseBoolean(raw);
      if (b !== undefined) v = b;
      else if (version > 252 && extraTrue.includes(raw.toLowerCase())) v = true;
      else if (version > 252 && extraFalse.includes(raw.toLowerCase())) v = false;
    }
    return v;
  };
  const oneOf = (
    name: string,
    current: string,
    values: readonly string[],
    withBool?: { yes: string; no: string },
  ): string => {
    let v = current;
    for (const raw of assignments(eff, S, name)) {
      const b = withBool ? parseBoolean(raw) : undefined;
      if (b !== undefined && withBool) v = b ? withBool.yes : withBool.no;
      else if (values.includes(raw)) v = raw;
    }
    return v;
  };

  info.defaultDependencies = bool('Unit', 'DefaultDependencies', true);

  // User=, DynamicUser=, SupplementaryGroups=
  for (const raw of assignments(eff, S, 'User')) {
    if (raw === '') {
      info.user = undefined;
      continue;
    }
    const v = expandSpecifiers(raw, unitName);
    if (validUserName(v)) info.user = v;
  }
  info.dynamicUser = bool(S, 'DynamicUser', false);
  for (const raw of assignments(eff, S, 'SupplementaryGroups')) {
    if (raw === '') {
      info.supplementaryGroups = [];
      continue;
    }
    for (const w of words(raw)) {
      const v = expandSpecifiers(w, unitName);
      if (validUserName(v)) info.supplementaryGroups.push(v);
    }
  }

  // Booleans (252 reads these five as booleans; later versions take more words, all scored as "set").
  info.privateTmp = bool(S, 'PrivateTmp', false, ['connected', 'disconnected'], []);
  info.privateUsers = bool(S, 'PrivateUsers', false, ['self', 'identity', 'full', 'managed'], []);
  info.protectControlGroups = bool(S, 'ProtectControlGroups', false, ['private', 'strict'], []);
  info.protectHostname = bool(S, 'ProtectHostname', false, ['private'], []);
  if (version > 252)
    for (const raw of assignments(eff, S, 'ProtectHostname'))
      if (/^(yes|private):/.test(raw)) info.protectHostname = true;
  info.privateMounts = bool(S, 'PrivateMounts', false);
  if (version > 252 && assignments(eff, S, 'PrivateMounts').at(-1) === '') info.privateMounts = false;
  info.privateDevices = bool(S, 'PrivateDevices', false);
  info.privateNetwork = bool(S, 'PrivateNetwork', false);
  info.protectKernelModules = bool(S, 'ProtectKernelModules', false);
  info.protectKernelTunables = bool(S, 'ProtectKernelTunables', false);
  info.protectKernelLogs = bool(S, 'ProtectKernelLogs', false);
  info.protectClock = bool(S, 'ProtectClock', false);
  info.lockPersonality = bool(S, 'LockPersonality', false);
  info.memoryDenyWriteExecute = bool(S, 'MemoryDenyWriteExecute', false);
  info.noNewPrivileges = bool(S, 'NoNewPrivileges', false);
  info.removeIpc = bool(S, 'RemoveIPC', false);
  info.restrictRealtime = bool(S, 'RestrictRealtime', false);
  info.restrictSuidSgid = bool(S, 'RestrictSUIDSGID', false);

  // Enums
  info.protectHome = oneOf('ProtectHome', 'no', ['read-only', 'tmpfs'], { yes: 'yes', no: 'no' });
  info.protectSystem = oneOf('ProtectSystem', 'no', ['full', 'strict'], { yes: 'yes', no: 'no' });
  info.keyringMode = oneOf('KeyringMode', 'private', ['inherit', 'private', 'shared']);
  info.protectProc = oneOf('ProtectProc', 'default', ['default', 'noaccess', 'invisible', 'ptraceable']);
  info.procSubset = oneOf('ProcSubset', 'all', ['all', 'pid']);
  info.notifyAccess = oneOf('NotifyAccess', 'none', ['none', 'main', 'exec', 'all']);
  info.devicePolicy = oneOf('DevicePolicy', 'auto', ['auto', 'closed', 'strict']);

  // UMask= (octal, at most 07777)
  for (const raw of assignments(eff, S, 'UMask'))
    if (/^[0-7]+$/.test(raw) && parseInt(raw, 8) <= 0o7777) info.umask = parseInt(raw, 8);

  // Capabilities
  for (const raw of assignments(eff, S, 'CapabilityBoundingSet'))
    info.capabilityBoundingSet = applyCapabilities(info.capabilityBoundingSet, raw, ALL_CAPS);
  for (const raw of assignments(eff, S, 'AmbientCapabilities'))
    info.ambientCapabilities = applyCapabilities(info.ambientCapabilities, raw, 0n);

  // RootDirectory=, RootImage=
  const path = (name: string): string | undefined => {
    let v: string | undefined;
    for (const raw of assignments(eff, S, name)) {
      if (raw === '') {
        v = undefined;
        continue;
      }
      const p = expandSpecifiers(raw, unitName);
      if (p.startsWith('/')) v = simplifyPath(p);
    }
    return v;
  };
  info.rootDirectory = path('RootDirectory');
  info.rootImage = path('RootImage');

  // RestrictNamespaces=
  for (const raw of assignments(eff, S, 'RestrictNamespaces')) {
    if (raw === '') {
      info.restrictNamespaces = undefined;
      continue;
    }
    const b = parseBoolean(raw);
    if (b !== undefined) {
      info.restrictNamespaces = b ? 0 : NS_ALL;
      continue;
    }
    let v = raw;
    const invert = v.startsWith('~');
    if (invert) v = v.slice(1);
    let flags = 0;
    let ok = true;
    for (const w of words(v)) {
      const i = (NAMESPACES as readonly string[]).indexOf(w);
      if (i < 0) {
        ok = false;
        break;
      }
      flags |= 1 << i;
    }
    if (!ok) continue;
    if (info.restrictNamespaces === undefined) info.restrictNamespaces = invert ? ~flags & NS_ALL : flags;
    else info.restrictNamespaces = invert ? info.restrictNamespaces & ~flags : info.restrictNamespaces | flags;
  }

  // RestrictAddressFamilies=
  let families: Set<string> | undefined;
  let familiesAllow = false;
  for (const raw of assignments(eff, S, 'RestrictAddressFamilies')) {
    if (raw === '') {
      families = undefined;
      familiesAllow = false;
      continue;
    }
    if (raw === 'none') {
      families = undefined;
      familiesAllow = true;
      continue;
    }
    let v = raw;
    const invert = v.startsWith('~');
    if (invert) v = v.slice(1);
    if (!families) {
      families = new Set();
      familiesAllow = !invert;
    }
    for (const w of words(v)) {
      const cls = addressFamilies()[w];
      if (!cls) continue;
      const key = cls === 'other' ? w : cls;
      if (!invert === familiesAllow) families.add(key);
      else families.delete(key);
    }
  }
  info.restrictInet =
    info.restrictUnix =
    info.restrictNetlink =
    info.restrictPacket =
    info.restrictOther =
      familiesAllow;
  for (const f of families ?? []) {
    if (f === 'inet') info.restrictInet = !familiesAllow;
    else if (f === 'unix') info.restrictUnix = !familiesAllow;
    else if (f === 'netlink') info.restrictNetlink = !familiesAllow;
    else if (f === 'packet') info.restrictPacket = !familiesAllow;
    else info.restrictOther = !familiesAllow;
  }

  // SystemCallArchitectures=
  for (const raw of assignments(eff, S, 'SystemCallArchitectures')) {
    if (raw === '') {
      info.systemCallArchitectures = new Set();
      continue;
    }
    for (const w of words(raw)) if (architectures().has(w)) info.systemCallArchitectures.add(w);
  }

  // SystemCallFilter=
  const groups = syscallGroups(version);
  let filter: Set<string> | undefined;
  let allowList = false;
  const applyName = (name: string, invert: boolean, depth = 0): void => {
    if (!filter || depth > 8) return;
    if (name.startsWith('@')) {
      for (const m of groups[name] ?? []) applyName(m, invert, depth + 1);
      return;
    }
    if (!syscallNames252().has(name)) return;
    if (!invert === allowList) filter.add(name);
    else filter.delete(name);
  };
  for (const raw of assignments(eff, S, 'SystemCallFilter')) {
    if (raw === '') {
      filter = undefined;
      allowList = false;
      continue;
    }
    let v = raw;
    const invert = v.startsWith('~');
    if (invert) v = v.slice(1);
    if (!filter) {
      filter = new Set();
      allowList = !invert;
      if (allowList) applyName('@default', false);
    }
    for (const w of words(v)) {
      const colon = w.indexOf(':');
      const name = colon >= 0 ? w.slice(0, colon) : w;
      if (colon >= 0) {
        const errno = w.slice(colon + 1);
        if (!/^(\d+|E[A-Z0-9]+|kill)$/.test(errno) || (/^\d+$/.test(errno) && Number(errno) > 4095)) continue;
        if (!invert) continue;
      }
      applyName(name, invert);
    }
  }
  info.systemCallFilterAllowList = allowList;
  info.systemCallFilter = filter ?? new Set();

  // Delegate=: empty or any list of controllers turns it on.
  for (const raw of assignments(eff, S, 'Delegate')) {
    const b = raw === '' ? true : parseBoolean(raw);
    info.delegate = b ?? true;
  }

  // DeviceAllow=
  for (const raw of assignments(eff, S, 'DeviceAllow')) {
    if (raw === '') {
      info.deviceAllow = [];
      continue;
    }
    const [first, ...restWords] = words(raw);
    if (!first) continue;
    const dev = expandSpecifiers(first, unitName);
    const perms = restWords.join('');
    if (!/^(block-|char-)/.test(dev)) {
      const p = simplifyPath(dev);
      if (!dev.startsWith('/') || !(p.startsWith('/dev/') || p.startsWith('/run/systemd/inaccessible/'))) continue;
    }
    if (perms && !/^[rwm]+$/.test(perms)) continue;
    info.deviceAllow.unshift(`${dev}:${perms || 'rwm'}`);
  }

  // IPAddressDeny=, IPAddressAllow=, IPIngressFilterPath=, IPEgressFilterPath=
  const prefixes = (name: string): Prefix[] => {
    let list: Prefix[] = [];
    for (const raw of assignments(eff, S, name)) {
      if (raw === '') {
        list = [];
        continue;
      }
      for (const w of words(raw)) list.push(...(parsePrefixes(w) ?? []));
    }
    return list;
  };
  const deny = prefixes('IPAddressDeny');
  info.ipAddressDenyAll =
    deny.some((p) => p.family === 4 && p.prefixlen === 0) && deny.some((p) => p.family === 6 && p.prefixlen === 0);
  for (const p of prefixes('IPAddressAllow')) {
    if (p.localhost) info.ipAddressAllowLocalhost = true;
    else info.ipAddressAllowOther = true;
  }
  for (const name of ['IPIngressFilterPath', 'IPEgressFilterPath']) {
    let n = 0;
    for (const raw of assignments(eff, S, name)) {
      if (raw === '') n = 0;
      else if (expandSpecifiers(raw, unitName).startsWith('/')) n++;
    }
    if (n > 0) info.ipFiltersCustom = true;
  }

  // What systemd adds when it loads the unit (unit_patch_contexts()).
  const caps = capabilities();
  if (info.privateDevices)
    info.capabilityBoundingSet &= ~(
      (1n << BigInt(caps.indexOf('CAP_MKNOD'))) |
      (1n << BigInt(caps.indexOf('CAP_SYS_RAWIO')))
    );
  if (info.protectKernelModules) info.capabilityBoundingSet &= ~(1n << BigInt(caps.indexOf('CAP_SYS_MODULE')));
  if (info.protectKernelLogs) info.capabilityBoundingSet &= ~(1n << BigInt(caps.indexOf('CAP_SYSLOG')));
  if (info.protectClock)
    info.capabilityBoundingSet &= ~(
      (1n << BigInt(caps.indexOf('CAP_SYS_TIME'))) |
      (1n << BigInt(caps.indexOf('CAP_WAKE_ALARM')))
    );
  if (info.dynamicUser) {
    info.user ??= userFromUnitName(unitName);
    info.privateTmp = true;
    info.removeIpc = true;
    info.protectSystem = 'strict';
    if (info.protectHome === 'no') info.protectHome = 'read-only';
    info.noNewPrivileges = true;
    info.restrictSuidSgid = true;
  }
  if (info.privateDevices && info.devicePolicy === 'auto') info.devicePolicy = 'closed';
  const mountImages =
    assignments(eff, S, 'MountImages').reduceRight<boolean | undefined>(
      (acc, v) => acc ?? (v === '' ? false : true),
      undefined,
    ) ?? false;
  if ((info.rootImage || mountImages) && (info.devicePolicy !== 'auto' || info.deviceAllow.length > 0)) {
    info.deviceAllow.push(
      '/dev/loop-control:rw',
      '/dev/mapper/control:rw',
      'block-loop:rwm',
      'block-blkext:rwm',
      'block-device-mapper:rwm',
    );
  }
  if (info.protectClock) info.deviceAllow.push('char-rtc:r');
  const encrypted = ['LoadCredentialEncrypted', 'SetCredentialEncrypted'].some((n) => {
    let any = false;
    for (const raw of assignments(eff, S, n)) any = raw !== '';
    return any;
  });
  if (encrypted) info.deviceAllow.push('char-tpm:rw');
  return info;
}
