/**
 * `FileDescriptorName=socket(DOMAIN,TYPE,PROTOCOL)=N` hints for socket activation of unmodified daemons through
 * an LD_PRELOAD library: the N-th (from 0) call to socket() with those numbers gets this unit's descriptor.
 * Numbers from systemd-facts.md §5 (Linux generic ABI).
 */
export const AF = { AF_UNIX: 1, AF_INET: 2, AF_INET6: 10, AF_NETLINK: 16, AF_PACKET: 17, AF_VSOCK: 40 } as const;
export const SOCK = {
  SOCK_STREAM: 1,
  SOCK_DGRAM: 2,
  SOCK_RAW: 3,
  SOCK_RDM: 4,
  SOCK_SEQPACKET: 5,
  SOCK_DCCP: 6,
  SOCK_PACKET: 10,
} as const;
export const SOCK_NONBLOCK = 0x800;
export const SOCK_CLOEXEC = 0x80000;
export const IPPROTO = {
  IPPROTO_IP: 0,
  IPPROTO_ICMP: 1,
  IPPROTO_TCP: 6,
  IPPROTO_UDP: 17,
  IPPROTO_IPV6: 41,
  IPPROTO_ICMPV6: 58,
  IPPROTO_SCTP: 132,
  IPPROTO_UDPLITE: 136,
  IPPROTO_RAW: 255,
  IPPROTO_MPTCP: 262,
} as const;

const nameOf = (table: Record<string, number>, n: number): string | undefined =>
  Object.entries(table).find(([, v]) => v === n)?.[0];

export function domainName(n: number): string {
  return nameOf(AF, n) ?? String(n);
}
export function typeName(n: number): string {
  const base = nameOf(SOCK, n & 0xf) ?? String(n & 0xf);
  const flags = [n & SOCK_NONBLOCK ? 'SOCK_NONBLOCK' : '', n & SOCK_CLOEXEC ? 'SOCK_CLOEXEC' : ''].filter(Boolean);
  return [base, ...flags].join('|');
}
function protocolName(n: number, domain: number): string {
  if (n === 0) return domain === AF.AF_UNIX ? '0' : 'IPPROTO_IP';
  return nameOf(IPPROTO, n) ?? String(n);
}

export interface Hint {
  readonly domain: number;
  readonly type: number;
  readonly protocol: number;
  readonly index: number;
}

/** A name that is an attempt at a hint: `socket(`, `sockets(`, `Socket (` … (any case, spaces allowed). */
const HINT_ATTEMPT = /^\s*sockets?\s*\(/i;

/**
 * Parse `socket(D,T,P)=N`; undefined when the name is not hint-shaped at all. Any name that starts like a hint
 * (HINT_ATTEMPT) but is not exactly that form is malformed: the preload library only reads the exact form.
 */
export function parseHint(name: string): { hint?: Hint; error?: string } | undefined {
  if (!HINT_ATTEMPT.test(name)) return undefined;
  const m = /^socket\((\d+),(\d+),(\d+)\)=(\d+)$/.exec(name);
  if (!m) {
    if (/\s/.test(name))
      return { error: 'A socket hint must not contain spaces: write socket(DOMAIN,TYPE,PROTOCOL)=N.' };
    if (!/^socket\(/.test(name))
      return {
        error: `A socket hint starts with 'socket(' exactly (lower case, no 's', no space before the parenthesis): write socket(DOMAIN,TYPE,PROTOCOL)=N.`,
      };
    if (/^socket\(.*\)=-/.test(name)) return { error: 'The call index N must be 0 or more.' };
    return {
      error: 'A socket hint must be socket(DOMAIN,TYPE,PROTOCOL)=N with decimal numbers, e.g. socket(2,1,6)=0.',
    };
  }
  return { hint: { domain: Number(m[1]), type: Number(m[2]), protocol: Number(m[3]), index: Number(m[4]) } };
}

function ordinal(n: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  if (n < words.length) return words[n]!;
  const s = n + 1;
  const suf =
    s % 10 === 1 && s % 100 !== 11
      ? 'st'
      : s % 10 === 2 && s % 100 !== 12
        ? 'nd'
        : s % 10 === 3 && s % 100 !== 13
          ? 'rd'
          : 'th';
  return `${s}${suf}`;
}

export function describeHint(h: Hint, service: string): string {
  return `the ${ordinal(h.index)} \`socket(${domainName(h.domain)}, ${typeName(h.type)}, ${protocolName(h.protocol, h.domain)})\` call of ${service} gets this socket`;
}

/** Which domains a Listen*= address can mean (a bare port may be IPv4 or IPv6). */
export function domainsOfAddress(address: string): number[] {
  const a = address.trim();
  if (a.startsWith('/') || a.startsWith('@')) return [AF.AF_UNIX];
  if (a.startsWith('vsock:')) return [AF.AF_VSOCK];
  if (a.startsWith('[')) return [AF.AF_INET6];
  if (/^\d+$/.test(a)) return [AF.AF_INET6, AF.AF_INET];
  if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) return [AF.AF_INET];
  if (a.includes('::') || (a.match(/:/g) ?? []).length > 1) return [AF.AF_INET6];
  return [];
}

/** The socket type a Listen*= directive creates. */
export function typeOfListen(directive: string): number | undefined {
  switch (directive) {
    case 'ListenStream':
      return SOCK.SOCK_STREAM;
    case 'ListenDatagram':
      return SOCK.SOCK_DGRAM;
    case 'ListenSequentialPacket':
      return SOCK.SOCK_SEQPACKET;
    default:
      return undefined;
  }
}

/**
 * Protocols of a daemon's socket() call that get the socket systemd opens for a domain and type. systemd opens TCP
 * for inet streams and UDP for inet datagrams unless the unit sets SocketProtocol= (sctp, udplite, mptcp): then
 * only that protocol's call matches, and a call asking for SCTP gets nothing from a TCP socket. 0/1 for unix.
 */
export function protocolsFor(domain: number, type: number, socketProtocol?: string): number[] {
  const base = type & 0xf;
  if (domain === AF.AF_UNIX) return [0, 1];
  if (domain === AF.AF_INET || domain === AF.AF_INET6) {
    const chosen =
      socketProtocol === 'sctp'
        ? IPPROTO.IPPROTO_SCTP
        : socketProtocol === 'udplite'
          ? IPPROTO.IPPROTO_UDPLITE
          : socketProtocol === 'mptcp'
            ? IPPROTO.IPPROTO_MPTCP
            : undefined;
    if (base === SOCK.SOCK_STREAM)
      return chosen === IPPROTO.IPPROTO_SCTP || chosen === IPPROTO.IPPROTO_MPTCP ? [chosen] : [0, IPPROTO.IPPROTO_TCP];
    if (base === SOCK.SOCK_DGRAM) return chosen === IPPROTO.IPPROTO_UDPLITE ? [chosen] : [0, IPPROTO.IPPROTO_UDP];
    if (base === SOCK.SOCK_SEQPACKET) return [IPPROTO.IPPROTO_SCTP];
  }
  if (domain === AF.AF_VSOCK) return [0];
  return [];
}
