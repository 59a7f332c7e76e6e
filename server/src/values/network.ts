/**
 * Validators for the value kinds the other dialects add (data/dialects/README: "New kinds"): hardware addresses,
 * interface names, IP addresses and prefixes, DNS servers and domains, routing tables, traffic-control handles,
 * 1000-based rates, 128-bit IDs, and the boolean-or-size/time forms. Each follows the parser the tables name;
 * where the syntax depends on facts we cannot know offline (a routing table name defined in networkd.conf), the
 * value is accepted.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, warn } from './util.js';
import { isIPv4, isIPv6 } from './socketAddress.js';
import { parseBoolean } from './bool.js';
import { parseBytes } from './bytes.js';
import { parseTimespan } from './timespan.js';

/** The parser after networkd's per-section dispatcher (`config_parse_route_section>config_parse_gateway`). */
function subParser(ctx: ValueContext): string {
  const i = ctx.parser.lastIndexOf('>');
  return i >= 0 ? ctx.parser.slice(i + 1) : ctx.parser;
}

/** Literal keywords of the enum_values column (pseudo tokens such as `<bool>` left out). */
function keywords(ctx: ValueContext): readonly string[] {
  return ctx.enumValues.filter((v) => !v.includes('<'));
}

/** Whitespace-separated words with their offsets. */
function words(value: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(value); m; m = re.exec(value))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export function validateBoolOrBytes(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '' || parseBoolean(value) !== undefined) return [];
  const r = parseBytes(value, 1024);
  if ('error' in r)
    return [
      err(0, value.length, `Invalid ${ctx.directive}= value '${value}': expected a boolean or a size such as 512K.`),
    ];
  return [];
}

export function validateBoolOrTimespan(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '' || parseBoolean(value) !== undefined) return [];
  const r = parseTimespan(value);
  if ('error' in r)
    return [
      err(
        0,
        value.length,
        `Invalid ${ctx.directive}= value '${value}': expected a boolean or a time span such as 10s.`,
      ),
    ];
  return [];
}

/** parse_size(…, 1000): numbers with optional decimals and a suffix K M G T P E (or B), several parts add up. */
export function validateBytesSi(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '' || keywords(ctx).includes(value)) return [];
  if (/^\s*(?:[0-9]+(?:\.[0-9]+)?\s*[KMGTPEB]?\s*)+$/.test(value)) return [];
  return [
    err(
      0,
      value.length,
      `Invalid ${ctx.directive}= value '${value}': expected a number with an optional suffix K, M, G, T, P or E (powers of 1000), e.g. 100M.`,
    ),
  ];
}

const HEX_PAIRS = /^[0-9a-fA-F]{1,2}(?:([:-])[0-9a-fA-F]{1,2})*$/;

/** Why `w` is not a hardware address (parse_hw_addr / parse_ether_addr), or undefined. */
function macProblem(w: string, ctx: ValueContext): string | undefined {
  if (keywords(ctx).includes(w)) return undefined;
  const parser = subParser(ctx);
  const anyLength =
    parser === 'config_parse_hw_addr' || parser === 'config_parse_hw_addrs' || parser === 'config_parse_netdev_hw_addr';
  if (/^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/.test(w)) return undefined;
  if (HEX_PAIRS.test(w) && !/[:][^:]*-|-[^-]*:/.test(w)) {
    const n = w.split(/[:-]/).length;
    if (n === 6 || (anyLength && (n === 4 || n === 16 || n === 20))) return undefined;
    return `it has ${n} byte(s), a hardware address has 6`;
  }
  if (anyLength && (isIPv4(w) || isIPv6(w))) return undefined;
  return 'expected six hexadecimal bytes such as 02:11:22:33:44:55';
}

export function validateMacAddress(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const reason = macProblem(value.trim(), ctx);
  return reason ? [err(0, value.length, `Invalid ${ctx.directive}= hardware address '${value}': ${reason}.`)] : [];
}

/** Invalid items are skipped with a warning; the valid ones are kept. */
export function validateMacAddressList(value: string, ctx: ValueContext): ValueProblem[] {
  const out: ValueProblem[] = [];
  for (const w of words(value)) {
    const reason = macProblem(w.text, ctx);
    if (reason)
      out.push(
        warn(
          w.start,
          w.end,
          `'${w.text}' is not a hardware address (${reason}); systemd skips it and keeps the others.`,
        ),
      );
  }
  return out;
}

/** ifname_valid_full(): why `name` is not an interface name, or undefined. */
export function interfaceNameReason(name: string, altNames: boolean): string | undefined {
  const max = altNames ? 127 : 15;
  if (name.length === 0) return 'it is empty';
  if (name.length > max) return `it is longer than ${max} characters`;
  if (name === '.' || name === '..' || name === 'all' || name === 'default') return `'${name}' is reserved`;
  if (/^[0-9]+$/.test(name)) return 'it consists of digits only';
  for (const ch of name) {
    const c = ch.charCodeAt(0);
    if (c < 33 || c > 126) return 'it contains a space or a character outside printable ASCII';
    if (ch === ':' || ch === '/' || ch === '%') return `it contains '${ch}'`;
  }
  return undefined;
}

const ALT_NAME_PARSERS = new Set([
  'config_parse_fdb_interface',
  'config_parse_uplink',
  'config_parse_match_ifnames',
  'config_parse_ifnames',
]);
const IFINDEX_PARSERS = new Set(['config_parse_fdb_interface', 'config_parse_uplink']);

export function validateIfname(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '' || keywords(ctx).includes(value)) return [];
  const parser = subParser(ctx);
  if (IFINDEX_PARSERS.has(parser) && /^[1-9][0-9]*$/.test(value)) return [];
  const reason = interfaceNameReason(value, ALT_NAME_PARSERS.has(parser));
  return reason ? [err(0, value.length, `Invalid interface name '${value}' in ${ctx.directive}=: ${reason}.`)] : [];
}

export function validateIfnameList(value: string, ctx: ValueContext): ValueProblem[] {
  const parser = subParser(ctx);
  const match = parser === 'config_parse_match_ifnames';
  const pairs = /iface_pair$/.test(parser);
  const out: ValueProblem[] = [];
  for (const w of words(value)) {
    let text = w.text;
    let start = w.start;
    if (match && text.startsWith('!') && w.start === words(value)[0]!.start) {
      text = text.slice(1);
      start++;
    }
    if (match && /[*?[]/.test(text)) continue; // a glob pattern
    const names = pairs ? text.split(':') : [text];
    if (pairs && names.length > 2) {
      out.push(err(w.start, w.end, `'${w.text}' is not HOST[:CONTAINER] in ${ctx.directive}=.`));
      continue;
    }
    for (const n of names) {
      const reason = interfaceNameReason(n, ALT_NAME_PARSERS.has(parser));
      if (!reason) continue;
      // config_parse_ifnames skips invalid names with a warning; the others refuse the line.
      const p = parser === 'config_parse_ifnames' ? warn : err;
      out.push(p(start, w.end, `'${n}' is not a valid interface name in ${ctx.directive}=: ${reason}.`));
      break;
    }
  }
  return out;
}

function ipProblem(w: string, ctx: ValueContext): string | undefined {
  if (keywords(ctx).includes(w)) return undefined;
  if (isIPv4(w) || isIPv6(w)) return undefined;
  if (w.includes('/')) return 'a prefix length is not allowed here';
  return 'expected an IPv4 or IPv6 address';
}

export function validateIpAddress(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const reason = ipProblem(value.trim(), ctx);
  return reason ? [err(0, value.length, `Invalid ${ctx.directive}= address '${value}': ${reason}.`)] : [];
}

export function validateIpAddresses(value: string, ctx: ValueContext): ValueProblem[] {
  const out: ValueProblem[] = [];
  for (const w of words(value)) {
    const reason = ipProblem(w.text, ctx);
    if (reason) out.push(err(w.start, w.end, `Invalid ${ctx.directive}= address '${w.text}': ${reason}.`));
  }
  return out;
}

export function validateIpPrefix(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '' || keywords(ctx).includes(value)) return [];
  const v = value.trim();
  const slash = v.indexOf('/');
  const addr = slash >= 0 ? v.slice(0, slash) : v;
  const v4 = isIPv4(addr);
  if (!v4 && !isIPv6(addr))
    return [err(0, value.length, `Invalid ${ctx.directive}= prefix '${value}': '${addr}' is not an IP address.`)];
  if (slash >= 0) {
    const p = v.slice(slash + 1);
    const max = v4 ? 32 : 128;
    if (!/^[0-9]+$/.test(p) || Number(p) > max)
      return [
        err(0, value.length, `Invalid ${ctx.directive}= prefix '${value}': the prefix length must be 0..${max}.`),
      ];
  }
  return [];
}

/** ADDRESS[:PORT][%IFNAME][#SERVERNAME], IPv6 in brackets when a port follows. */
function dnsServerProblem(w: string): string | undefined {
  let s = w;
  const hash = s.indexOf('#');
  if (hash >= 0) {
    if (hash === s.length - 1) return 'the server name after # is empty';
    s = s.slice(0, hash);
  }
  const pct = s.indexOf('%');
  if (pct >= 0) {
    const reason = interfaceNameReason(s.slice(pct + 1), true);
    if (reason && !/^[1-9][0-9]*$/.test(s.slice(pct + 1))) return `the interface after % is not valid (${reason})`;
    s = s.slice(0, pct);
  }
  let port: string | undefined;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close < 0) return "a '[' without its ']'";
    const rest = s.slice(close + 1);
    if (rest && !rest.startsWith(':')) return `unexpected '${rest}' after the address`;
    port = rest ? rest.slice(1) : undefined;
    s = s.slice(1, close);
    if (!isIPv6(s)) return `'${s}' is not an IPv6 address`;
  } else if (isIPv6(s)) {
    return undefined;
  } else {
    const colon = s.lastIndexOf(':');
    if (colon >= 0) {
      port = s.slice(colon + 1);
      s = s.slice(0, colon);
    }
    if (!isIPv4(s)) return `'${s}' is not an IP address`;
  }
  if (port !== undefined && (!/^[0-9]+$/.test(port) || Number(port) < 1 || Number(port) > 65535))
    return `port '${port}' is not 1..65535`;
  return undefined;
}

export function validateDnsServerList(value: string, ctx: ValueContext): ValueProblem[] {
  const out: ValueProblem[] = [];
  for (const w of words(value)) {
    if (keywords(ctx).includes(w.text)) continue;
    const reason = dnsServerProblem(w.text);
    if (reason) out.push(err(w.start, w.end, `Invalid DNS server '${w.text}' in ${ctx.directive}=: ${reason}.`));
  }
  return out;
}

/** dns_name_is_valid(), roughly: labels of 1..63 characters, no empty label inside the name. */
export function domainProblem(name: string): string | undefined {
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  if (n.length > 253) return 'it is longer than 253 characters';
  for (const label of n.split('.')) {
    if (label.length === 0) return 'it has an empty label (two dots in a row, or a leading dot)';
    if (label.length > 63) return `the label '${label.slice(0, 20)}…' is longer than 63 characters`;
  }
  return undefined;
}

export function validateDomainList(value: string, ctx: ValueContext): ValueProblem[] {
  const out: ValueProblem[] = [];
  for (const w of words(value)) {
    const d = w.text.startsWith('~') ? w.text.slice(1) : w.text;
    if (d === '.' || d === '*' || keywords(ctx).includes(w.text)) continue;
    const reason = domainProblem(d);
    if (reason) out.push(err(w.start, w.end, `Invalid domain '${w.text}' in ${ctx.directive}=: ${reason}.`));
  }
  return out;
}

/** default, main, local, a table number 1..4294967295, or a name defined in networkd.conf (not checked here). */
export function validateRouteTable(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '' || keywords(ctx).includes(value)) return [];
  if (/^wireguard/.test(subParser(ctx).replace(/^config_parse_/, '')) && parseBoolean(value) !== undefined) {
    return parseBoolean(value)
      ? [err(0, value.length, `${ctx.directive}= takes a table or 'off'; a true boolean is refused.`)]
      : [];
  }
  if (/^[0-9]+$/.test(value)) {
    const n = Number(value);
    return n >= 1 && n <= 4294967295
      ? []
      : [err(0, value.length, `Invalid ${ctx.directive}= table '${value}': a table number is 1..4294967295.`)];
  }
  return [];
}

/** Hexadecimal even without 0x: qdisc Handle= (16 bits), HTB DefaultClass= (32 bits). */
export function validateHexNumber(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const m = /^(?:0[xX])?([0-9a-fA-F]+)$/.exec(value);
  const max = subParser(ctx) === 'config_parse_qdisc_handle' ? 0xffff : 0xffffffff;
  if (!m || parseInt(m[1]!, 16) > max)
    return [
      err(
        0,
        value.length,
        `Invalid ${ctx.directive}= value '${value}': expected a hexadecimal number up to ${max.toString(16)}.`,
      ),
    ];
  return [];
}

/** MAJOR:MINOR in hexadecimal (each up to ffff), or a keyword such as root. */
export function validateTcHandle(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '' || keywords(ctx).includes(value)) return [];
  const m = /^([0-9a-fA-F]{1,4}):([0-9a-fA-F]{0,4})$/.exec(value);
  if (m) return [];
  const kw = keywords(ctx);
  return [
    err(
      0,
      value.length,
      `Invalid ${ctx.directive}= handle '${value}': expected MAJOR:MINOR in hexadecimal (e.g. 1:0)${kw.length ? `, or ${kw.join(', ')}` : ''}.`,
    ),
  ];
}

export function validateId128(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '' || keywords(ctx).includes(value)) return [];
  if (
    /^[0-9a-fA-F]{32}$/.test(value) ||
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value)
  )
    return [];
  return [
    err(0, value.length, `Invalid ${ctx.directive}= ID '${value}': expected 32 hexadecimal digits or the UUID form.`),
  ];
}
