/**
 * Socket units from an strace log, for socket activation of an unmodified daemon through an LD_PRELOAD library.
 *
 * Reads the usual output of `strace -f -e trace=socket,bind,listen` (with or without pids, timestamps, symbolic or
 * numeric constants, `<unfinished …>`/`<… resumed>` pairs), finds the sockets the daemon receives on (stream sockets
 * it bind()s and listen()s on, datagram sockets it bind()s), and writes one .socket unit per binding with the
 * FileDescriptorName= hint `socket(DOMAIN,TYPE,PROTOCOL)=N` (N counts calls with that exact triple, from 0), plus
 * a drop-in for the service that preloads the library.
 */
import { AF, SOCK, IPPROTO, SOCK_CLOEXEC, SOCK_NONBLOCK, describeHint } from './hints.js';

export interface TracedSocket {
  readonly domain: number;
  readonly type: number;
  readonly protocol: number;
  /** Index among socket() calls with the same triple, in call order. */
  readonly index: number;
  readonly fd: number;
  address?: { readonly kind: 'inet' | 'inet6' | 'unix'; readonly host: string; readonly port: number; readonly path?: string; readonly abstract?: boolean };
  listened: boolean;
  readonly line: number;
}

export interface StraceResult {
  readonly sockets: TracedSocket[];
  /** Lines we could not read that looked like socket calls. */
  readonly skipped: { line: number; text: string }[];
}

const CONSTANTS: Record<string, number> = {
  ...AF, PF_UNIX: 1, PF_LOCAL: 1, AF_LOCAL: 1, PF_INET: 2, PF_INET6: 10,
  ...SOCK, SOCK_NONBLOCK, SOCK_CLOEXEC,
  ...IPPROTO, IPPROTO_IP: 0, IPPROTO_HOPOPTS: 0,
};

/** `SOCK_STREAM|SOCK_CLOEXEC`, `0x1`, `2`, `IPPROTO_TCP` → number. */
function constant(expr: string): number | undefined {
  let total = 0;
  for (const part of expr.trim().split('|').map((p) => p.trim())) {
    if (/^0x[0-9a-f]+$/i.test(part)) total |= parseInt(part, 16);
    else if (/^\d+$/.test(part)) total |= Number(part);
    else if (part in CONSTANTS) total |= CONSTANTS[part]!;
    else return undefined;
  }
  return total;
}

interface Call {
  name: string;
  args: string;
  result: string;
  line: number;
}

/** Strip pid/time prefixes and join `<unfinished …>` with its `<… resumed>`. */
function calls(log: string): { calls: Call[]; skipped: { line: number; text: string }[] } {
  const out: Call[] = [];
  const skipped: { line: number; text: string }[] = [];
  // An unfinished call keeps its place in call order; its resumption fills in the rest.
  const pending = new Map<string, Call>();
  const lines = log.split(/\r?\n/);
  lines.forEach((raw, i) => {
    let l = raw.trim();
    let pid = '';
    const pidm = /^(?:\[pid\s+(\d+)\]|(\d+))\s+/.exec(l);
    if (pidm) { pid = pidm[1] ?? pidm[2]!; l = l.slice(pidm[0].length); }
    l = l.replace(/^(\d{2}:\d{2}:\d{2}(\.\d+)?|\d+\.\d+)\s+/, '');
    const unfinished = /^(socket|bind|listen)\((.*?)\s*<unfinished \.\.\.>$/.exec(l);
    if (unfinished) {
      const c: Call = { name: unfinished[1]!, args: unfinished[2]!, result: '?', line: i + 1 };
      out.push(c);
      pending.set(`${pid}:${unfinished[1]}`, c);
      return;
    }
    const resumed = /^<\.\.\. (socket|bind|listen) resumed>\s*(.*)$/.exec(l);
    if (resumed) {
      const p = pending.get(`${pid}:${resumed[1]}`);
      pending.delete(`${pid}:${resumed[1]}`);
      if (!p) { skipped.push({ line: i + 1, text: raw }); return; }
      const rest = /^(.*)\)\s*=\s*(-?\d+|\?)/.exec(resumed[2]!);
      if (rest) { p.args += rest[1]; p.result = rest[2]!; }
      return;
    }
    const m = /^(socket|bind|listen)\((.*)\)\s*=\s*(-?\d+|\?)(.*)$/.exec(l);
    if (!m) {
      if (/^(socket|bind|listen)\(/.test(l)) skipped.push({ line: i + 1, text: raw });
      return;
    }
    out.push({ name: m[1]!, args: m[2]!, result: m[3]!, line: i + 1 });
  });
  return { calls: out, skipped };
}

function parseSockaddr(args: string): TracedSocket['address'] | undefined {
  const family = /sa_family=(AF_\w+|\d+)/.exec(args)?.[1];
  const fam = family === undefined ? undefined : constant(family);
  if (fam === AF.AF_INET) {
    const port = Number(/sin_port=htons\((\d+)\)/.exec(args)?.[1] ?? /sin_port=(\d+)/.exec(args)?.[1]);
    const host = /inet_addr\("([^"]+)"\)/.exec(args)?.[1] ?? '0.0.0.0';
    return Number.isInteger(port) ? { kind: 'inet', host, port } : undefined;
  }
  if (fam === AF.AF_INET6) {
    const port = Number(/sin6_port=htons\((\d+)\)/.exec(args)?.[1] ?? /sin6_port=(\d+)/.exec(args)?.[1]);
    const host = /inet_pton\(AF_INET6,\s*"([^"]+)"/.exec(args)?.[1] ?? '::';
    return Number.isInteger(port) ? { kind: 'inet6', host, port } : undefined;
  }
  if (fam === AF.AF_UNIX) {
    const m = /sun_path=(@?)"((?:[^"\\]|\\.)*)"/.exec(args);
    if (!m) return undefined;
    return { kind: 'unix', host: '', port: 0, path: m[2]!.replace(/\\0/g, ''), abstract: m[1] === '@' };
  }
  return undefined;
}

export function parseStrace(log: string): StraceResult {
  const { calls: cs, skipped } = calls(log);
  const sockets: TracedSocket[] = [];
  const byFd = new Map<number, TracedSocket>();
  const counts = new Map<string, number>();
  for (const c of cs) {
    const result = Number(c.result);
    if (c.name === 'socket') {
      const parts = c.args.split(',');
      if (parts.length !== 3) { skipped.push({ line: c.line, text: `${c.name}(${c.args})` }); continue; }
      const [d, t, p] = parts.map(constant);
      if (d === undefined || t === undefined || p === undefined) { skipped.push({ line: c.line, text: `${c.name}(${c.args})` }); continue; }
      const key = `${d},${t},${p}`;
      // Failed calls count too: the library sees every call the daemon makes.
      const index = counts.get(key) ?? 0;
      counts.set(key, index + 1);
      if (!(result >= 0)) continue;
      const s: TracedSocket = { domain: d, type: t, protocol: p, index, fd: result, listened: false, line: c.line };
      sockets.push(s);
      byFd.set(result, s);
    } else if (c.name === 'bind') {
      if (result !== 0) continue;
      const fd = Number(/^\s*(\d+)/.exec(c.args)?.[1]);
      const s = byFd.get(fd);
      const addr = parseSockaddr(c.args);
      if (s && addr) s.address = addr;
    } else if (c.name === 'listen') {
      if (result !== 0) continue;
      const s = byFd.get(Number(/^\s*(\d+)/.exec(c.args)?.[1]));
      if (s) s.listened = true;
    }
  }
  return { sockets, skipped };
}

/** Sockets the daemon receives on: bound and listening streams/seqpackets, bound datagram sockets. */
export function receivingSockets(r: StraceResult): TracedSocket[] {
  return r.sockets.filter((s) => {
    if (!s.address) return false;
    const t = s.type & 0xf;
    if (t === SOCK.SOCK_STREAM || t === SOCK.SOCK_SEQPACKET) return s.listened;
    if (t === SOCK.SOCK_DGRAM) return s.address.kind === 'unix' || s.address.port > 0;
    return false;
  });
}

export interface GeneratedFile {
  /** Path relative to the install folder (/etc/systemd/system), e.g. `mosquitto-1883.socket`. */
  readonly path: string;
  readonly content: string;
}

export interface Generated {
  readonly files: GeneratedFile[];
  readonly socketUnits: string[];
  /** What the user still has to do, as commands. */
  readonly steps: string[];
  readonly warnings: string[];
}

function listenLine(s: TracedSocket, bindV6Only: boolean): string[] {
  const a = s.address!;
  const t = s.type & 0xf;
  const key = t === SOCK.SOCK_DGRAM ? 'ListenDatagram' : t === SOCK.SOCK_SEQPACKET ? 'ListenSequentialPacket' : 'ListenStream';
  let addr: string;
  if (a.kind === 'unix') addr = a.abstract ? `@${a.path}` : a.path!;
  else if (a.kind === 'inet6') addr = `[${a.host}]:${a.port}`;
  else addr = `${a.host}:${a.port}`;
  const out = [`${key}=${addr}`];
  if (bindV6Only) out.push('BindIPv6Only=ipv6-only');
  return out;
}

function tagOf(s: TracedSocket, all: TracedSocket[]): string {
  const a = s.address!;
  const t = s.type & 0xf;
  if (a.kind === 'unix') return (a.path!.split('/').pop() || 'unix').replace(/\.(sock|socket)$/, '').replace(/[^A-Za-z0-9:_.-]/g, '_');
  let tag = String(a.port);
  if (t === SOCK.SOCK_DGRAM) tag += '-udp';
  const samePort = all.filter((o) => o !== s && o.address?.kind !== 'unix' && o.address?.port === a.port && (o.type & 0xf) === t);
  if (samePort.length) tag += a.kind === 'inet6' ? '-ipv6' : '-ipv4';
  return tag;
}

export function generateSocketUnits(log: string, service: string, preload: string): Generated {
  const name = service.replace(/\.service$/, '');
  const parsed = parseStrace(log);
  const receiving = receivingSockets(parsed);
  const warnings = parsed.skipped.map((s) => `line ${s.line}: could not read ${s.text.trim()}`);
  if (!receiving.length) warnings.push('No socket that the daemon binds to receive on was found (stream sockets need bind() and listen(); datagram sockets need bind()).');
  const files: GeneratedFile[] = [];
  const socketUnits: string[] = [];
  const used = new Set<string>();
  for (const s of receiving) {
    let unit = receiving.length === 1 ? `${name}.socket` : `${name}-${tagOf(s, receiving)}.socket`;
    for (let k = 2; used.has(unit); k++) unit = `${name}-${tagOf(s, receiving)}-${k}.socket`;
    used.add(unit);
    socketUnits.push(unit);
    const a = s.address!;
    // A wildcard IPv6 socket next to an IPv4 one on the same port must not take the IPv4 traffic too.
    const v6only = a.kind === 'inet6' && receiving.some((o) => o.address?.kind === 'inet' && o.address.port === a.port && (o.type & 0xf) === (s.type & 0xf));
    const hint = `socket(${s.domain},${s.type},${s.protocol})=${s.index}`;
    const content = [
      '[Unit]',
      `Description=${name} socket ${listenLine(s, false)[0]!.split('=')[1]} (handed to an unmodified daemon through LD_PRELOAD)`,
      '',
      '[Socket]',
      ...listenLine(s, v6only),
      `# ${capitalise(describeHint({ domain: s.domain, type: s.type, protocol: s.protocol, index: s.index }, `${name}.service`).replace(/`/g, ''))} (strace line ${s.line}).`,
      `FileDescriptorName=${hint}`,
      `Service=${name}.service`,
      // Bind even before the address exists on the machine (IP sockets only).
      ...(a.kind === 'unix' ? [] : ['FreeBind=true']),
      '',
      '[Install]',
      'WantedBy=sockets.target',
      '',
    ].join('\n');
    files.push({ path: unit, content });
  }
  if (receiving.length) {
    files.push({
      path: `${name}.service.d/50-socket-activation.conf`,
      content: [
        '# Hand the sockets of the units below to the daemon\'s own socket() calls.',
        '[Unit]',
        `Requires=${socketUnits.join(' ')}`,
        `After=${socketUnits.join(' ')}`,
        '',
        '[Service]',
        `Sockets=${socketUnits.join(' ')}`,
        `Environment=LD_PRELOAD=${preload}`,
        '',
      ].join('\n'),
    });
  }
  const steps = receiving.length ? [
    'sudo systemctl daemon-reload',
    `sudo systemctl disable --now ${name}.service`,
    `sudo systemctl enable --now ${socketUnits.join(' ')}`,
    `# The first connection starts ${name}.service; check with: systemctl status ${socketUnits[0]} ${name}.service`,
  ] : [];
  return { files, socketUnits, steps, warnings };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
