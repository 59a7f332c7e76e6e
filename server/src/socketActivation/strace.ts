/**
 * Socket units from an strace log, for socket activation of an unmodified daemon through an LD_PRELOAD library.
 *
 * Reads the usual output of `strace -f -e trace=socket,bind,listen` (with or without pids, timestamps, symbolic or
 * numeric constants, `<unfinished …>`/`<… resumed>` pairs), finds the sockets the daemon receives on (stream sockets
 * it bind()s and listen()s on, datagram sockets it bind()s), and writes one .socket unit per binding with the
 * FileDescriptorName= hint `socket(DOMAIN,TYPE,PROTOCOL)=N` (N counts calls with that exact triple, from 0), plus
 * a drop-in for the service that preloads the library.
 *
 * The log is untrusted input (a crafted one is easy to hand to someone), and so are the service name and the
 * preload path (a workspace setting): every value written into a unit is checked for its kind (absolute paths,
 * IP addresses, valid unit names, no control characters: systemd ends a line at NUL, CR and LF) and escaped as
 * systemd expects (`%` → `%%`, C escapes in Environment=), and every generated file is parsed again to check that
 * it holds exactly the lines intended. Anything else is refused with the reason.
 */
import { isIP } from 'node:net';
import { parseUnit } from '../parser/parser.js';
import { checkUnitName } from '../values/unitName.js';
import { AF, SOCK, IPPROTO, SOCK_CLOEXEC, SOCK_NONBLOCK, describeHint } from './hints.js';

export interface TracedSocket {
  readonly domain: number;
  readonly type: number;
  readonly protocol: number;
  /** Index among socket() calls with the same triple, in call order. */
  readonly index: number;
  readonly fd: number;
  address?: {
    readonly kind: 'inet' | 'inet6' | 'unix';
    readonly host: string;
    readonly port: number;
    readonly path?: string;
    readonly abstract?: boolean;
  };
  listened: boolean;
  readonly line: number;
}

export interface StraceResult {
  readonly sockets: TracedSocket[];
  /** Lines we could not read that looked like socket calls. */
  readonly skipped: { line: number; text: string }[];
  /** bind() calls whose address cannot go into a unit (a control character, a host that is not an IP address…). */
  readonly rejected: { line: number; reason: string }[];
}

const CONSTANTS: Record<string, number> = {
  ...AF,
  PF_UNIX: 1,
  PF_LOCAL: 1,
  AF_LOCAL: 1,
  PF_INET: 2,
  PF_INET6: 10,
  ...SOCK,
  SOCK_NONBLOCK,
  SOCK_CLOEXEC,
  ...IPPROTO,
  IPPROTO_IP: 0,
  IPPROTO_HOPOPTS: 0,
};

/** `SOCK_STREAM|SOCK_CLOEXEC`, `0x1`, `2`, `IPPROTO_TCP` → number. */
function constant(expr: string): number | undefined {
  let total = 0;
  for (const part of expr
    .trim()
    .split('|')
    .map((p) => p.trim())) {
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
    if (pidm) {
      pid = pidm[1] ?? pidm[2]!;
      l = l.slice(pidm[0].length);
    }
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
      if (!p) {
        skipped.push({ line: i + 1, text: raw });
        return;
      }
      const rest = /^(.*)\)\s*=\s*(-?\d+|\?)/.exec(resumed[2]!);
      if (rest) {
        p.args += rest[1];
        p.result = rest[2]!;
      }
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

/** strace's C escapes (`\n`, `\t`, `\"`, `\\`, `\xHH`, octal `\NNN`) back to the characters they stand for. */
export function unescapeStrace(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      v: '\v',
      f: '\f',
      a: '\x07',
      b: '\b',
      e: '\x1b',
    };
    return simple[e] ?? e;
  });
}

/** A character systemd's parser or a reader would take for something else: C0 controls and DEL. */
const CONTROL = /[\x00-\x1f\x7f]/;

/** Show a value with its control characters visible (for messages). */
function visible(s: string): string {
  return s.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

type Sockaddr = NonNullable<TracedSocket['address']>;

/** The bound address, `undefined` when there is none to read, or why it cannot go into a unit. */
function parseSockaddr(args: string): Sockaddr | { rejected: string } | undefined {
  const family = /sa_family=(AF_\w+|\d+)/.exec(args)?.[1];
  const fam = family === undefined ? undefined : constant(family);
  if (fam === AF.AF_INET || fam === AF.AF_INET6) {
    const v6 = fam === AF.AF_INET6;
    const port = Number(
      (v6 ? /sin6_port=htons\((\d+)\)/ : /sin_port=htons\((\d+)\)/).exec(args)?.[1] ??
        (v6 ? /sin6_port=(\d+)/ : /sin_port=(\d+)/).exec(args)?.[1],
    );
    const host =
      (v6 ? /inet_pton\(AF_INET6,\s*"([^"]+)"/ : /inet_addr\("([^"]+)"\)/).exec(args)?.[1] ?? (v6 ? '::' : '0.0.0.0');
    if (!Number.isInteger(port)) return undefined;
    if (port < 0 || port > 65535) return { rejected: `the port ${port} is out of range` };
    if (isIP(host) !== (v6 ? 6 : 4)) return { rejected: `'${visible(host)}' is not an IPv${v6 ? 6 : 4} address` };
    return { kind: v6 ? 'inet6' : 'inet', host, port };
  }
  if (fam === AF.AF_UNIX) {
    const m = /sun_path=(@?)"((?:[^"\\]|\\.)*)"/.exec(args);
    if (!m) return undefined;
    const abstract = m[1] === '@';
    if (CONTROL.test(m[2]!))
      return {
        rejected: `the socket path '${visible(m[2]!)}' contains a control character (systemd would end the line there)`,
      };
    // NULs that strace shows as \0 pad an abstract name; anything else that decodes to a control character is refused.
    const path = unescapeStrace(m[2]!).replace(/\0+$/, '');
    if (CONTROL.test(path))
      return {
        rejected: `the socket path '${visible(path)}' contains a control character (systemd would end the line there)`,
      };
    if (!abstract && !path.startsWith('/')) return { rejected: `the socket path '${path}' is not absolute` };
    if (path === '' || Buffer.byteLength(path) > 107)
      return { rejected: `the socket path '${path}' is empty or longer than 107 bytes` };
    if (/^\s|\s$|\\$/.test(path))
      return {
        rejected: `the socket path '${path}' starts or ends with a space or ends with a backslash, which a unit file cannot keep`,
      };
    return { kind: 'unix', host: '', port: 0, path, abstract };
  }
  return undefined;
}

export function parseStrace(log: string): StraceResult {
  const { calls: cs, skipped } = calls(log);
  const rejected: { line: number; reason: string }[] = [];
  const sockets: TracedSocket[] = [];
  const byFd = new Map<number, TracedSocket>();
  const counts = new Map<string, number>();
  for (const c of cs) {
    const result = Number(c.result);
    if (c.name === 'socket') {
      const parts = c.args.split(',');
      if (parts.length !== 3) {
        skipped.push({ line: c.line, text: `${c.name}(${c.args})` });
        continue;
      }
      const [d, t, p] = parts.map(constant);
      if (d === undefined || t === undefined || p === undefined) {
        skipped.push({ line: c.line, text: `${c.name}(${c.args})` });
        continue;
      }
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
      if (addr && 'rejected' in addr) {
        if (s) rejected.push({ line: c.line, reason: addr.rejected });
        continue;
      }
      if (s && addr) s.address = addr;
    } else if (c.name === 'listen') {
      if (result !== 0) continue;
      const s = byFd.get(Number(/^\s*(\d+)/.exec(c.args)?.[1]));
      if (s) s.listened = true;
    }
  }
  return { sockets, skipped, rejected };
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
  /** Empty when `errors` is not. */
  readonly files: GeneratedFile[];
  readonly socketUnits: string[];
  /** What the user still has to do, as commands (unit names quoted, after `--`). */
  readonly steps: string[];
  readonly warnings: string[];
  /** Why nothing was generated: an invalid service name or preload path, or a file that did not read back as written. */
  readonly errors: string[];
}

/** A line of a generated unit, kept structured until it is checked. */
export type UnitLine =
  | { readonly section: string }
  | { readonly key: string; readonly value: string }
  | { readonly comment: string }
  | { readonly blank: true };

/** `%` starts a specifier in almost every setting: write it as `%%`. */
function escapeSpecifiers(v: string): string {
  return v.replace(/%/g, '%%');
}

/**
 * An Environment= assignment's word (systemd.exec(5): quotes and C escapes are unescaped, specifiers expanded).
 * The value has no whitespace (checked before), so escaping backslashes and quotes is enough.
 */
function escapeEnvironmentWord(v: string): string {
  return escapeSpecifiers(v.replace(/[\\"']/g, (c) => `\\${c}`));
}

/** Why the preload library path cannot go into `Environment=LD_PRELOAD=`, or undefined when it can. */
export function checkPreloadPath(preload: string): string | undefined {
  if (preload === '') return 'the preload library path is empty';
  if (CONTROL.test(preload))
    return `the preload library path '${visible(preload)}' contains a control character (a line break would add lines to the unit)`;
  if (!preload.startsWith('/')) return `the preload library path '${preload}' is not absolute`;
  if (/[\s:]/.test(preload))
    return `the preload library path '${preload}' contains a space or ':', which separate libraries in LD_PRELOAD`;
  if (Buffer.byteLength(preload) > 4095) return 'the preload library path is longer than 4095 bytes';
  return undefined;
}

/** Why the service name cannot be used, or undefined (foo or foo.service; a valid unit name without '/'). */
export function checkServiceName(service: string): string | undefined {
  const unit = service.endsWith('.service') ? service : `${service}.service`;
  if (CONTROL.test(unit)) return `the service name '${visible(service)}' contains a control character`;
  if (unit.includes('/')) return `the service name '${service}' contains '/'`;
  const r = checkUnitName(unit);
  if (!r.ok) return `'${service}' is not a valid service name: ${r.reason}`;
  if (r.type !== 'service') return `'${service}' is not a service`;
  return undefined;
}

function renderLines(lines: readonly UnitLine[]): string {
  return (
    lines
      .map((l) =>
        'section' in l ? `[${l.section}]` : 'key' in l ? `${l.key}=${l.value}` : 'comment' in l ? `# ${l.comment}` : '',
      )
      .join('\n') + '\n'
  );
}

/**
 * Render a unit and parse it again: it must hold exactly the sections, assignments (with these values) and
 * comments intended, and nothing else. Returns the text, or why it does not read back.
 */
export function renderChecked(lines: readonly UnitLine[]): { text: string } | { problem: string } {
  for (const l of lines) {
    const parts = 'section' in l ? [l.section] : 'key' in l ? [l.key, l.value] : 'comment' in l ? [l.comment] : [];
    for (const p of parts) if (CONTROL.test(p)) return { problem: `'${visible(p)}' contains a control character` };
    if ('key' in l && (/^\s|\s$/.test(l.value) || l.value.endsWith('\\')))
      return { problem: `the value '${l.value}' of ${l.key}= would not read back` };
    if ('comment' in l && l.comment.endsWith('\\')) return { problem: 'a comment ends with a backslash' };
  }
  const text = renderLines(lines);
  const doc = parseUnit(text);
  const got: string[] = [];
  let section = '';
  for (const n of doc.nodes) {
    if (n.kind === 'section') {
      section = n.name;
      got.push(JSON.stringify([n.name]));
    } else if (n.kind === 'assignment') got.push(JSON.stringify([section, n.key, n.value]));
    else if (n.kind === 'comment') got.push('#');
    else if (n.kind === 'invalid') got.push('!invalid');
  }
  const want: string[] = [];
  section = '';
  for (const l of lines) {
    if ('section' in l) {
      section = l.section;
      want.push(JSON.stringify([l.section]));
    } else if ('key' in l) want.push(JSON.stringify([section, l.key, l.value]));
    else if ('comment' in l) want.push('#');
  }
  if (got.length !== want.length || got.some((g, i) => g !== want[i])) {
    const i = got.findIndex((g, k) => g !== want[k]);
    return {
      problem: `it would read back as '${visible(got[i] ?? '(nothing)')}' instead of '${visible(want[i] ?? '(nothing)')}'`,
    };
  }
  return { text };
}

/** One word for a POSIX shell (single quotes when needed). */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) && !s.startsWith('-') ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `sudo systemctl ARGS -- UNITS`, the unit names quoted. */
function systemctlStep(args: string, units: readonly string[]): string {
  return `sudo systemctl ${args} -- ${units.map(shellWord).join(' ')}`;
}

/** The address as the Listen*= value (specifiers escaped). */
function listenAddress(s: TracedSocket): string {
  const a = s.address!;
  if (a.kind === 'unix') return escapeSpecifiers(a.abstract ? `@${a.path}` : a.path!);
  if (a.kind === 'inet6') return `[${a.host}]:${a.port}`;
  return `${a.host}:${a.port}`;
}

function listenLines(s: TracedSocket, bindV6Only: boolean): UnitLine[] {
  const t = s.type & 0xf;
  const key =
    t === SOCK.SOCK_DGRAM ? 'ListenDatagram' : t === SOCK.SOCK_SEQPACKET ? 'ListenSequentialPacket' : 'ListenStream';
  const out: UnitLine[] = [{ key, value: listenAddress(s) }];
  if (bindV6Only) out.push({ key: 'BindIPv6Only', value: 'ipv6-only' });
  return out;
}

function tagOf(s: TracedSocket, all: TracedSocket[]): string {
  const a = s.address!;
  const t = s.type & 0xf;
  if (a.kind === 'unix')
    return (a.path!.split('/').pop() || 'unix').replace(/\.(sock|socket)$/, '').replace(/[^A-Za-z0-9:_.-]/g, '_');
  let tag = String(a.port);
  if (t === SOCK.SOCK_DGRAM) tag += '-udp';
  const samePort = all.filter(
    (o) => o !== s && o.address?.kind !== 'unix' && o.address?.port === a.port && (o.type & 0xf) === t,
  );
  if (samePort.length) tag += a.kind === 'inet6' ? '-ipv6' : '-ipv4';
  return tag;
}

export function generateSocketUnits(log: string, service: string, preload: string): Generated {
  const refuse = (errors: string[], warnings: string[] = []): Generated => ({
    files: [],
    socketUnits: [],
    steps: [],
    warnings,
    errors,
  });
  const badService = checkServiceName(service);
  const badPreload = checkPreloadPath(preload);
  if (badService || badPreload)
    return refuse([badService, badPreload].filter((x): x is string => !!x).map((e) => `${e}; nothing was generated`));
  const name = service.replace(/\.service$/, '');
  const parsed = parseStrace(log);
  const receiving = receivingSockets(parsed);
  const warnings = [
    ...parsed.skipped.map((s) => `line ${s.line}: could not read ${visible(s.text.trim())}`),
    ...parsed.rejected.map((r) => `line ${r.line}: ${r.reason}; this socket was left out`),
  ];
  if (!receiving.length)
    warnings.push(
      'No socket that the daemon binds to receive on was found (stream sockets need bind() and listen(); datagram sockets need bind()).',
    );
  const units: { path: string; lines: UnitLine[] }[] = [];
  const socketUnits: string[] = [];
  const used = new Set<string>();
  for (const s of receiving) {
    let unit = receiving.length === 1 ? `${name}.socket` : `${name}-${tagOf(s, receiving)}.socket`;
    for (let k = 2; used.has(unit); k++) unit = `${name}-${tagOf(s, receiving)}-${k}.socket`;
    const valid = checkUnitName(unit);
    if (!valid.ok || unit.includes('/')) {
      warnings.push(`line ${s.line}: '${visible(unit)}' would not be a valid unit name; this socket was left out`);
      continue;
    }
    used.add(unit);
    socketUnits.push(unit);
    const a = s.address!;
    // A wildcard IPv6 socket next to an IPv4 one on the same port must not take the IPv4 traffic too.
    const v6only =
      a.kind === 'inet6' &&
      receiving.some(
        (o) => o.address?.kind === 'inet' && o.address.port === a.port && (o.type & 0xf) === (s.type & 0xf),
      );
    const hint = `socket(${s.domain},${s.type},${s.protocol})=${s.index}`;
    units.push({
      path: unit,
      lines: [
        { section: 'Unit' },
        {
          key: 'Description',
          value: `${name} socket ${listenAddress(s)} (handed to an unmodified daemon through LD_PRELOAD)`,
        },
        { blank: true },
        { section: 'Socket' },
        ...listenLines(s, v6only),
        {
          comment: `${capitalise(describeHint({ domain: s.domain, type: s.type, protocol: s.protocol, index: s.index }, `${name}.service`).replace(/`/g, ''))} (strace line ${s.line}).`,
        },
        { key: 'FileDescriptorName', value: hint },
        { key: 'Service', value: `${name}.service` },
        // Bind even before the address exists on the machine (IP sockets only).
        ...(a.kind === 'unix' ? [] : [{ key: 'FreeBind', value: 'true' }]),
        { blank: true },
        { section: 'Install' },
        { key: 'WantedBy', value: 'sockets.target' },
      ],
    });
  }
  if (socketUnits.length) {
    units.push({
      path: `${name}.service.d/50-socket-activation.conf`,
      lines: [
        { comment: "Hand the sockets of the units below to the daemon's own socket() calls." },
        { section: 'Unit' },
        { key: 'Requires', value: socketUnits.join(' ') },
        { key: 'After', value: socketUnits.join(' ') },
        { blank: true },
        { section: 'Service' },
        { key: 'Sockets', value: socketUnits.join(' ') },
        { key: 'Environment', value: `LD_PRELOAD=${escapeEnvironmentWord(preload)}` },
      ],
    });
  }
  const files: GeneratedFile[] = [];
  for (const u of units) {
    const r = renderChecked(u.lines);
    if ('problem' in r)
      return refuse([`the generated ${u.path} did not pass its check (${r.problem}); nothing was generated`], warnings);
    files.push({ path: u.path, content: r.text });
  }
  const steps = socketUnits.length
    ? [
        'sudo systemctl daemon-reload',
        systemctlStep('disable --now', [`${name}.service`]),
        systemctlStep('enable --now', socketUnits),
        `# The first connection starts ${name}.service; check with: systemctl status -- ${[socketUnits[0]!, `${name}.service`].map(shellWord).join(' ')}`,
      ]
    : [];
  return { files, socketUnits, steps, warnings, errors: [] };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
