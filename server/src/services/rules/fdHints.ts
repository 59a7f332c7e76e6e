/**
 * Stage 3: `FileDescriptorName=socket(D,T,P)=N` hints for LD_PRELOAD socket activation (beyond what systemd checks:
 * to systemd the hint is just a name, so a wrong one fails silently at run time). systemd-facts.md §4–5.
 */
import { basename, dirname } from 'node:path';
import { unitPathRoot } from '../../units/searchPaths.js';
import type { Rule, WorkspaceUnit } from './types.js';
import type { Analysis, Entry } from '../model.js';
import {
  AF,
  SOCK,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  IPPROTO,
  parseHint,
  domainsOfAddress,
  typeOfListen,
  protocolsFor,
  domainName,
  typeName,
  type Hint,
} from '../../socketActivation/hints.js';
import { serviceOf } from '../socketHints.js';
import { LISTEN_DIRECTIVES } from './socket.js';

const LISTEN: readonly string[] = LISTEN_DIRECTIVES;

/** Why Linux's socket() refuses this triple, or undefined when it accepts it (or we cannot tell). */
function invalidCombination(h: Hint): string | undefined {
  const flags = h.type & ~0xf;
  if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
    return `the type ${h.type} carries flags other than SOCK_NONBLOCK (2048) and SOCK_CLOEXEC (524288), which socket() refuses with EINVAL`;
  const t = h.type & 0xf;
  const known = Object.values(SOCK) as number[];
  if (!known.includes(t)) return `${t} is not a socket type (SOCK_STREAM is 1, SOCK_DGRAM 2, SOCK_SEQPACKET 5)`;
  const p = h.protocol;
  switch (h.domain) {
    case AF.AF_UNIX:
      if (![SOCK.SOCK_STREAM, SOCK.SOCK_DGRAM, SOCK.SOCK_SEQPACKET, SOCK.SOCK_RAW].includes(t as 1))
        return 'AF_UNIX (1) takes only SOCK_STREAM, SOCK_DGRAM or SOCK_SEQPACKET';
      if (p !== 0 && p !== 1) return `AF_UNIX (1) takes protocol 0, not ${p}`;
      return undefined;
    case AF.AF_INET:
    case AF.AF_INET6: {
      const d = domainName(h.domain);
      if (
        t === SOCK.SOCK_STREAM &&
        ![0, IPPROTO.IPPROTO_TCP, IPPROTO.IPPROTO_MPTCP, IPPROTO.IPPROTO_SCTP].includes(p as 0)
      )
        return `${d} stream sockets take protocol 0, 6 (TCP), 132 (SCTP) or 262 (MPTCP), not ${p}`;
      if (
        t === SOCK.SOCK_DGRAM &&
        ![0, IPPROTO.IPPROTO_UDP, IPPROTO.IPPROTO_UDPLITE, IPPROTO.IPPROTO_ICMP, IPPROTO.IPPROTO_ICMPV6].includes(
          p as 0,
        )
      )
        return `${d} datagram sockets take protocol 0, 17 (UDP) or 136 (UDP-Lite), not ${p}`;
      if (t === SOCK.SOCK_SEQPACKET && p !== IPPROTO.IPPROTO_SCTP)
        return `${d} SOCK_SEQPACKET needs protocol 132 (SCTP)`;
      if (t === SOCK.SOCK_RAW && p === 0) return `${d} raw sockets need a non-zero protocol`;
      if (![SOCK.SOCK_STREAM, SOCK.SOCK_DGRAM, SOCK.SOCK_SEQPACKET, SOCK.SOCK_RAW].includes(t as 1))
        return `${d} does not take socket type ${t}`;
      return undefined;
    }
    case AF.AF_NETLINK:
      return t === SOCK.SOCK_RAW || t === SOCK.SOCK_DGRAM
        ? undefined
        : 'AF_NETLINK (16) takes only SOCK_RAW or SOCK_DGRAM';
    case AF.AF_PACKET:
      return t === SOCK.SOCK_RAW || t === SOCK.SOCK_DGRAM
        ? undefined
        : 'AF_PACKET (17) takes only SOCK_RAW or SOCK_DGRAM';
    case AF.AF_VSOCK:
      return p === 0 ? undefined : 'AF_VSOCK (40) takes protocol 0';
    default:
      if (h.domain <= 0 || h.domain >= 46)
        return `${h.domain} is not an address family on Linux (AF_UNIX is 1, AF_INET 2, AF_INET6 10)`;
      return undefined;
  }
}

function listenEntries(a: Analysis): Entry[] {
  return a.entries.filter((e) => e.info?.section === 'Socket' && LISTEN.includes(e.info.name) && e.node.value !== '');
}

function hintEntries(a: Analysis): { entry: Entry; hint: Hint }[] {
  const out: { entry: Entry; hint: Hint }[] = [];
  for (const e of a.entries) {
    if (e.info?.section !== 'Socket' || e.info.name !== 'FileDescriptorName') continue;
    const h = parseHint(e.node.value)?.hint;
    if (h) out.push({ entry: e, hint: h });
  }
  return out;
}

/** SocketProtocol= of the unit (last assignment; empty resets). */
function lastSocketProtocol(a: Analysis): string | undefined {
  let v: string | undefined;
  for (const e of a.entries)
    if (e.info?.section === 'Socket' && e.info.name === 'SocketProtocol') v = e.node.value || undefined;
  return v;
}

/** Units systemd loads side by side: in one folder, or in the unit search path of one root and scope. */
function installedTogether(a: string, b: string): boolean {
  if (dirname(a) === dirname(b)) return true;
  const ra = unitPathRoot(a);
  const rb = unitPathRoot(b);
  return !!ra && !!rb && ra.root === rb.root && ra.scope === rb.scope;
}

const key = (h: Hint): string => `${h.domain},${h.type},${h.protocol}=${h.index}`;

function hasPreload(units: readonly WorkspaceUnit[], service: string): boolean | undefined {
  const mine = units.filter(
    (u) =>
      (u.analysis.file.kind === 'unit' || u.analysis.file.kind === 'dropin') && u.analysis.file.unitName === service,
  );
  if (!mine.some((u) => u.analysis.file.kind === 'unit')) return undefined; // the service is not here: cannot tell
  return mine.some((u) =>
    u.analysis.entries.some((e) => e.info?.name === 'Environment' && /(^|[\s"'])LD_PRELOAD=/.test(e.node.value)),
  );
}

export const fdHintsRule: Rule = {
  stage: 3,
  name: 'fd-hints',
  codes: ['fd-hint-syntax', 'fd-hint-invalid', 'fd-hint-mismatch', 'fd-hint-duplicate', 'fd-hint-no-preload'],
  run(ctx) {
    const { analysis } = ctx;
    if (analysis.unitType !== 'socket') return;
    for (const e of analysis.entries) {
      if (e.info?.section !== 'Socket' || e.info.name !== 'FileDescriptorName' || !ctx.isClean(e)) continue;
      const parsed = parseHint(e.node.value);
      if (!parsed) continue;
      const span = { start: e.node.valueSpan.start, end: e.node.valueSpan.end };
      if (parsed.error) {
        ctx.report({ ...span, code: 'fd-hint-syntax', message: parsed.error }, e);
        continue;
      }
      const h = parsed.hint!;
      const bad = invalidCombination(h);
      if (bad) {
        ctx.report(
          {
            ...span,
            code: 'fd-hint-invalid',
            message: `socket(${h.domain},${h.type},${h.protocol}) can never succeed on Linux: ${bad}. The daemon's call will not match this hint.`,
          },
          e,
        );
        continue;
      }
      const listens = listenEntries(analysis);
      if (listens.length > 1) {
        ctx.report(
          {
            ...span,
            code: 'fd-hint-mismatch',
            message: `This unit has ${listens.length} Listen*= lines, so all ${listens.length} sockets get this one name; give each binding its own .socket unit with its own hint.`,
          },
          e,
        );
      } else if (listens.length === 1) {
        const l = listens[0]!;
        const type = typeOfListen(l.info!.name);
        const domains = domainsOfAddress(l.node.value);
        const problems: string[] = [];
        if (type === undefined) problems.push(`${l.info!.name}= does not create a socket() the daemon could call`);
        else if ((h.type & 0xf) !== type)
          problems.push(
            `${l.info!.name}= makes a ${typeName(type)} socket, but the hint's type is ${typeName(h.type)}`,
          );
        if (domains.length && !domains.includes(h.domain))
          problems.push(
            `the address ${l.node.value} is ${domains.map(domainName).join(' or ')}, but the hint's domain is ${domainName(h.domain)} (${h.domain})`,
          );
        const socketProtocol = lastSocketProtocol(analysis);
        if (
          type !== undefined &&
          !problems.length &&
          !protocolsFor(h.domain, type, socketProtocol).includes(h.protocol)
        ) {
          problems.push(
            h.protocol === IPPROTO.IPPROTO_SCTP && type === SOCK.SOCK_STREAM && socketProtocol !== 'sctp'
              ? `the hint asks for SCTP (132), but systemd opens a TCP socket for ${l.info!.name}= unless the unit sets SocketProtocol=sctp`
              : `protocol ${h.protocol} does not fit the ${domainName(h.domain)} ${typeName(type)} socket systemd opens${socketProtocol ? ` (SocketProtocol=${socketProtocol})` : ''}`,
          );
        }
        if (problems.length) {
          const d = domains.includes(h.domain) ? h.domain : domains[0];
          const t = type ?? h.type & 0xf;
          const p =
            d === undefined || d === AF.AF_UNIX
              ? 0
              : (protocolsFor(d, t, lastSocketProtocol(analysis)).filter((x) => x !== 0)[0] ?? 0);
          const suggestion = d !== undefined ? `socket(${d},${t | (h.type & ~0xf)},${p})=${h.index}` : undefined;
          ctx.report(
            {
              ...span,
              code: 'fd-hint-mismatch',
              message: `The hint does not match this unit's socket: ${problems.join('; ')}.${suggestion ? ` Expected ${suggestion}.` : ''}`,
              data: suggestion ? { suggestions: [suggestion] } : undefined,
            },
            e,
          );
          continue;
        }
      }
      // Across files: the same hint twice for one service, and LD_PRELOAD in the service's environment.
      const workspace = ctx.options.workspace?.() ?? [];
      const service = serviceOf(analysis);
      const myPath = workspace.find((u) => u.analysis === analysis)?.path;
      for (const other of workspace) {
        if (other.analysis === analysis || other.analysis.unitType !== 'socket' || other.analysis.file.kind !== 'unit')
          continue;
        // The same unit (a copy, or the same file read twice) is never its own duplicate; and two sockets only feed
        // one service when they are installed together: the same folder, or the same unit search path.
        if (
          other.path === myPath ||
          (analysis.file.kind === 'unit' && other.analysis.file.unitName === analysis.file.unitName)
        )
          continue;
        if (myPath !== undefined && !installedTogether(myPath, other.path)) continue;
        if (serviceOf(other.analysis) !== service) continue;
        if (hintEntries(other.analysis).some((x) => key(x.hint) === key(h))) {
          ctx.report(
            {
              ...span,
              code: 'fd-hint-duplicate',
              message: `${basename(other.path)} feeds ${service} with the same hint ${e.node.value}; only one socket can be handed to that call. Raise the index of one of them.`,
            },
            e,
          );
        }
      }
      if (analysis.file.kind === 'unit' && hasPreload(workspace, service) === false) {
        ctx.report(
          {
            ...span,
            code: 'fd-hint-no-preload',
            message: `${service} has no LD_PRELOAD in its environment (unit and drop-ins here), so nothing hands this socket to the daemon's socket() call. Add a drop-in with Environment=LD_PRELOAD=… for ${service}.`,
          },
          e,
        );
      }
    }
  },
};
