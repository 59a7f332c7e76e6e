/**
 * Socket addresses (systemd src/shared/socket-netlink.c socket_address_parse(),
 * socket_address_parse_netlink()) and IP address prefixes (in_addr_prefix_from_string_auto()).
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, splitWords } from './util.js';
import { checkSpecifiers, stripSpecifiers } from './specifiers.js';
import { specifierContextFor } from './context.js';
import { parseCInteger } from './numbers.js';

/** inet_pton(AF_INET) as in glibc: four decimal octets 0..255, no leading zeros. */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** inet_pton(AF_INET6). */
export function isIPv6(s: string): boolean {
  if (s.length === 0 || s.length > 45) return false;
  let text = s;
  let groupsNeeded = 8;
  // embedded IPv4 at the end
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(text.slice(lastColon + 1))) return false;
    text = text.slice(0, lastColon + 1) + '0';
    groupsNeeded = 7;
  }
  const dbl = text.indexOf('::');
  if (dbl >= 0 && text.indexOf('::', dbl + 1) >= 0) return false;
  const hexGroup = /^[0-9a-fA-F]{1,4}$/;
  if (dbl >= 0) {
    const left = text.slice(0, dbl);
    const right = text.slice(dbl + 2);
    const l = left === '' ? [] : left.split(':');
    const r = right === '' ? [] : right.split(':');
    if (![...l, ...r].every((g) => hexGroup.test(g))) return false;
    const count = l.length + r.length + (groupsNeeded === 7 ? 1 : 0);
    return count <= 7;
  }
  const g = text.split(':');
  if (!g.every((x) => hexGroup.test(x))) return false;
  return g.length + (groupsNeeded === 7 ? 1 : 0) === 8;
}

function portProblem(port: string): string | undefined {
  if (!/^[0-9]+$/.test(port)) return `'${port}' is not a port number`;
  const v = Number(port);
  if (v < 1 || v > 65535) return `port ${port} is out of range (1..65535)`;
  return undefined;
}

/** Netlink families of systemd's netlink_family table (src/basic/socket-util.c). */
const NETLINK_FAMILIES = [
  'route',
  'firewall',
  'inet-diag',
  'nflog',
  'xfrm',
  'selinux',
  'iscsi',
  'audit',
  'fib-lookup',
  'connector',
  'netfilter',
  'ip6-fw',
  'dnrtmsg',
  'kobject-uevent',
  'generic',
  'scsitransport',
  'ecryptfs',
  'rdma',
];

const SUN_PATH_MAX = 108;

/** Reason why `s` (specifiers already replaced) is not a socket address, or undefined. */
export function socketAddressProblem(s: string): string | undefined {
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close < 0) return "the '[' of the IPv6 address is not closed";
    let addr = s.slice(1, close);
    const pct = addr.indexOf('%');
    if (pct >= 0) addr = addr.slice(0, pct);
    if (!isIPv6(addr)) return `'${addr}' is not an IPv6 address`;
    if (s[close + 1] !== ':') return 'the port is missing; write [ADDRESS]:PORT';
    return portProblem(s.slice(close + 2));
  }
  if (s.startsWith('/')) {
    if (s === '/') return "'/' is not a socket path";
    if (s.length >= SUN_PATH_MAX) return `the socket path is longer than ${SUN_PATH_MAX - 1} bytes`;
    return undefined;
  }
  if (s.startsWith('@')) {
    if (s.length === 1) return "the abstract socket name after '@' is empty";
    if (s.length > SUN_PATH_MAX) return `the abstract socket name is longer than ${SUN_PATH_MAX - 1} bytes`;
    return undefined;
  }
  if (s.startsWith('vsock-mux:')) return undefined;
  if (s.startsWith('vsock:')) {
    const rest = s.slice(6);
    const colon = rest.lastIndexOf(':');
    if (colon < 0) return 'expected vsock:CID:PORT';
    const cid = rest.slice(0, colon);
    if (cid !== '' && parseCInteger(cid, false) === undefined) return `'${cid}' is not a vsock CID`;
    const port = rest.slice(colon + 1);
    if (!/^[0-9]+$/.test(port) || Number(port) > 4294967295) return `'${port}' is not a vsock port`;
    return undefined;
  }
  if (/^[0-9]+$/.test(s)) return portProblem(s);
  const colon = s.lastIndexOf(':');
  if (colon > 0) {
    const host = s.slice(0, colon);
    const hostNoScope = host.includes('%') ? host.slice(0, host.indexOf('%')) : host;
    if (isIPv4(hostNoScope)) return portProblem(s.slice(colon + 1));
    if (isIPv6(host)) return 'an IPv6 address needs brackets: [ADDRESS]:PORT';
    return `'${host}' is not an IPv4 address (host names are not resolved)`;
  }
  if (isIPv4(s) || isIPv6(s)) return 'the port is missing';
  return 'expected a port, IPv4:PORT, [IPv6]:PORT, /path, @abstract or vsock:CID:PORT';
}

export function validateSocketAddress(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const out = checkSpecifiers(value, specifierContextFor(ctx), ctx.targetVersion, 0);
  if (out.some((p) => p.severity === 'error')) return out;
  const s = stripSpecifiers(value);
  if (ctx.directive === 'ListenNetlink') {
    const parts = s.split(/[ \t]+/).filter((x) => x !== '');
    const fam = parts[0] ?? '';
    if (!NETLINK_FAMILIES.includes(fam) && parseCInteger(fam, false) === undefined) {
      out.push(
        err(
          0,
          value.length,
          `Invalid ListenNetlink= value '${value}': '${fam}' is not a netlink family (e.g. route, audit, kobject-uevent); expected FAMILY [GROUP].`,
        ),
      );
    } else if (
      parts.length > 2 ||
      (parts[1] !== undefined && (!/^[0-9]+$/.test(parts[1]) || Number(parts[1]) > 4294967295))
    ) {
      out.push(
        err(
          0,
          value.length,
          `Invalid ListenNetlink= value '${value}': expected FAMILY [GROUP] with a numeric multicast group.`,
        ),
      );
    }
    return out;
  }
  const reason = socketAddressProblem(s);
  if (reason) {
    out.push(err(0, value.length, `Invalid ${ctx.directive}= address '${value}': ${reason}.`));
    return out;
  }
  if (ctx.directive === 'ListenSequentialPacket' && !(s.startsWith('/') || s.startsWith('@'))) {
    out.push(
      err(
        0,
        value.length,
        `ListenSequentialPacket= supports only AF_UNIX sockets (/path or @abstract), not '${value}'.`,
      ),
    );
  }
  return out;
}

const IP_KEYWORDS = ['any', 'localhost', 'link-local', 'multicast'];

/** Reason why `w` is not ADDRESS[/PREFIXLEN] or a keyword, or undefined. */
export function ipPrefixProblem(w: string): string | undefined {
  if (IP_KEYWORDS.includes(w)) return undefined;
  const slash = w.indexOf('/');
  const addr = slash >= 0 ? w.slice(0, slash) : w;
  const v4 = isIPv4(addr);
  const v6 = !v4 && isIPv6(addr);
  if (!v4 && !v6) return `'${addr}' is not an IP address`;
  if (slash >= 0) {
    const p = w.slice(slash + 1);
    if (!/^[0-9]+$/.test(p)) return `'${p}' is not a prefix length`;
    const max = v4 ? 32 : 128;
    if (Number(p) > max) return `prefix length ${p} is larger than ${max}`;
  }
  return undefined;
}

export function validateIpAddressList(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const { words, error } = splitWords(value, { unquote: true });
  if (error) return [err(error.start, error.end, `${error.message}.`)];
  const out: ValueProblem[] = [];
  for (const w of words) {
    const reason = ipPrefixProblem(w.text);
    if (reason)
      out.push(
        err(
          w.start,
          w.end,
          `Invalid ${ctx.directive}= entry '${w.text}': ${reason}; expected ADDRESS[/PREFIXLEN], any, localhost, link-local or multicast.`,
        ),
      );
  }
  return out;
}
