/**
 * Enumerations: enum, enum-or-bool and enum-list. The vocabularies arrive in ctx.enumValues
 * (data/directives.tsv column enum_values); pseudo tokens (<bool>, <a-b>, prefix:<X>, ~<LIST>, …)
 * are interpreted here as documented in data/directives.md.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { editDistance, err, splitWords, warn, suggesting } from './util.js';
import { parseBoolean, BOOLEAN_HINT } from './bool.js';
import { parseCInteger } from './numbers.js';
import { checkSpecifiers } from './specifiers.js';
import { specifierContextFor } from './context.js';
import { validatePathText } from './paths.js';
import { validateFdName } from './strings.js';

/**
 * Best suggestion for a mistyped enum value: an exact case-insensitive match first, then the
 * closest value by edit distance (at most 2, or 3 for long words). Undefined when nothing is close.
 */
export function suggestEnum(value: string, enumValues: readonly string[]): string | undefined {
  const literals = enumValues.filter((v) => !v.includes('<'));
  const lower = value.toLowerCase();
  const ci = literals.find((v) => v.toLowerCase() === lower);
  if (ci !== undefined) return ci === value ? undefined : ci;
  let best: string | undefined;
  let bestD = Number.MAX_SAFE_INTEGER;
  const max = value.length <= 4 ? 1 : value.length <= 8 ? 2 : 3;
  for (const v of literals) {
    const d = editDistance(lower, v.toLowerCase(), max);
    if (d <= max && d < bestD) {
      best = v;
      bestD = d;
    }
  }
  if (best !== undefined) return best;
  // prefix match ("notif" → "notify")
  const pref = literals.filter((v) => v.toLowerCase().startsWith(lower) && lower.length >= 3);
  return pref.length === 1 ? pref[0] : undefined;
}

/** Literal values and pseudo tokens of an enum_values list. */
export interface EnumSpec {
  readonly literals: readonly string[];
  readonly bool: boolean;
  readonly ranges: ReadonlyArray<readonly [number, number]>;
  readonly prefixes: readonly string[];
  readonly invert: boolean;
  readonly open: readonly string[];
}

export function enumSpec(values: readonly string[]): EnumSpec {
  const literals: string[] = [];
  const ranges: [number, number][] = [];
  const prefixes: string[] = [];
  const open: string[] = [];
  let bool = false;
  let invert = false;
  for (const v of values) {
    if (v === '<bool>') {
      bool = true;
      continue;
    }
    if (v.startsWith('~<')) {
      invert = true;
      continue;
    }
    const r = /^<(-?[0-9]+)-([0-9]+)>$/.exec(v);
    if (r) {
      ranges.push([Number(r[1]), Number(r[2])]);
      continue;
    }
    const pre = /^([a-z0-9-]+:)</i.exec(v);
    if (pre) {
      prefixes.push(pre[1]!);
      continue;
    }
    if (v.startsWith('<')) {
      open.push(v);
      continue;
    }
    literals.push(v);
  }
  return { literals, bool, ranges, prefixes, invert, open };
}

function listForMessage(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown}, …` : shown;
}

function describeExpected(spec: EnumSpec): string {
  const parts: string[] = [];
  if (spec.literals.length) parts.push(listForMessage(spec.literals));
  for (const p of spec.prefixes) parts.push(`${p}…`);
  for (const [a, b] of spec.ranges) parts.push(`a number ${a}..${b}`);
  if (spec.bool) parts.push('a boolean');
  return parts.join(', ');
}

function unknownValue(value: string, start: number, end: number, spec: EnumSpec, what: string): ValueProblem {
  const sug = suggestEnum(value, spec.literals);
  const hint = sug ? ` Did you mean '${sug}'?` : '';
  return suggesting(
    err(start, end, `Invalid ${what} '${value}': expected one of ${describeExpected(spec)}.${hint}`),
    sug,
  );
}

function inRanges(text: string, spec: EnumSpec): boolean {
  if (!spec.ranges.length) return false;
  const v = parseCInteger(text, true);
  if (v === undefined) return false;
  return spec.ranges.some(([a, b]) => v >= a && v <= b);
}

/* ---------- errno names (syscall_errno, SystemCallFilter=…:ERRNO) ---------- */

/** Linux errno names (asm-generic/errno-base.h, errno.h, plus the glibc aliases), as systemd's errno-list. */
export const ERRNO_NAMES: readonly string[] = (
  'EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC EBADF ECHILD EAGAIN ENOMEM EACCES EFAULT ENOTBLK EBUSY ' +
  'EEXIST EXDEV ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY ETXTBSY EFBIG ENOSPC ESPIPE EROFS EMLINK EPIPE ' +
  'EDOM ERANGE EDEADLK ENAMETOOLONG ENOLCK ENOSYS ENOTEMPTY ELOOP ENOMSG EIDRM ECHRNG EL2NSYNC EL3HLT EL3RST ' +
  'ELNRNG EUNATCH ENOCSI EL2HLT EBADE EBADR EXFULL ENOANO EBADRQC EBADSLT EBFONT ENOSTR ENODATA ETIME ENOSR ' +
  'ENONET ENOPKG EREMOTE ENOLINK EADV ESRMNT ECOMM EPROTO EMULTIHOP EDOTDOT EBADMSG EOVERFLOW ENOTUNIQ EBADFD ' +
  'EREMCHG ELIBACC ELIBBAD ELIBSCN ELIBMAX ELIBEXEC EILSEQ ERESTART ESTRPIPE EUSERS ENOTSOCK EDESTADDRREQ ' +
  'EMSGSIZE EPROTOTYPE ENOPROTOOPT EPROTONOSUPPORT ESOCKTNOSUPPORT EOPNOTSUPP EPFNOSUPPORT EAFNOSUPPORT ' +
  'EADDRINUSE EADDRNOTAVAIL ENETDOWN ENETUNREACH ENETRESET ECONNABORTED ECONNRESET ENOBUFS EISCONN ENOTCONN ' +
  'ESHUTDOWN ETOOMANYREFS ETIMEDOUT ECONNREFUSED EHOSTDOWN EHOSTUNREACH EALREADY EINPROGRESS ESTALE EUCLEAN ' +
  'ENOTNAM ENAVAIL EISNAM EREMOTEIO EDQUOT ENOMEDIUM EMEDIUMTYPE ECANCELED ENOKEY EKEYEXPIRED EKEYREVOKED ' +
  'EKEYREJECTED EOWNERDEAD ENOTRECOVERABLE ERFKILL EHWPOISON EWOULDBLOCK EDEADLOCK ENOTSUP'
).split(' ');

const ERRNO_UPPER = new Set(ERRNO_NAMES);

/** errno name (case-insensitive, like systemd's errno_from_name) or number 1..4095. */
export function isErrno(text: string): boolean {
  if (ERRNO_UPPER.has(text.toUpperCase())) return true;
  const v = parseCInteger(text, false);
  return v !== undefined && v >= 1 && v <= 4095;
}

/* ---------- enum ---------- */

const LOG_LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

export function validateEnum(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const spec = enumSpec(ctx.enumValues);
  switch (ctx.parser) {
    case 'config_parse_syscall_errno': {
      if (value === 'kill' || isErrno(value)) return [];
      const v = parseCInteger(value, true);
      if (v !== undefined)
        return [
          err(
            0,
            value.length,
            `Invalid error number '${value}': expected an errno name such as EPERM, a number 1..4095, or 'kill'.`,
          ),
        ];
      const sug = suggestEnum(value.toUpperCase(), ERRNO_NAMES);
      return [
        suggesting(
          err(
            0,
            value.length,
            `Unknown errno name '${value}': expected an errno name such as EPERM or EACCES, a number 1..4095, or 'kill'${sug ? ` (did you mean '${sug}'?)` : ''}.`,
          ),
          sug,
        ),
      ];
    }
    case 'config_parse_level2':
      return validateLevel2(value, spec);
    case 'config_parse_exec_output':
    case 'config_parse_exec_input':
    case 'config_parse_output_restricted':
      return validateStdio(value, ctx, spec);
    case 'config_parse_kill_mode':
      if (value === 'none')
        return [
          warn(
            0,
            value.length,
            "KillMode=none is deprecated: processes are left behind when the unit stops; use 'mixed' or 'control-group'.",
            'deprecated-value',
          ),
        ];
      break;
    case 'config_parse_socket_protocol':
      // parse_ip_protocol() also takes the protocol numbers
      if (/^(136|132|262)$/.test(value)) return [];
      break;
    default:
      break;
  }
  if (spec.literals.includes(value)) return [];
  if (inRanges(value, spec)) return [];
  if (spec.bool && parseBoolean(value) !== undefined) return [];
  for (const p of spec.prefixes) if (value.startsWith(p)) return [];
  return [unknownValue(value, 0, value.length, spec, `${ctx.directive}= value`)];
}

/** LogLevel= of system.conf: LEVEL, or comma-separated [TARGET:]LEVEL (config_parse_level2). */
function validateLevel2(value: string, spec: EnumSpec): ValueProblem[] {
  const out: ValueProblem[] = [];
  const levels = spec.literals.length ? spec.literals : LOG_LEVELS;
  let pos = 0;
  for (const item of value.split(',')) {
    const start = pos;
    pos += item.length + 1;
    if (item === '') continue;
    const colon = item.indexOf(':');
    const level = colon >= 0 ? item.slice(colon + 1) : item;
    const lstart = colon >= 0 ? start + colon + 1 : start;
    if (colon >= 0) {
      const target = item.slice(0, colon);
      if (!['console', 'syslog', 'kmsg', 'journal'].includes(target)) {
        out.push(
          err(
            start,
            start + colon,
            `Unknown log target '${target}' in LogLevel=: expected console, syslog, kmsg or journal.`,
          ),
        );
      }
    }
    if (!levels.includes(level) && !inRanges(level, spec)) {
      const sug = suggestEnum(level, levels);
      out.push(
        suggesting(
          err(
            lstart,
            lstart + level.length,
            `Invalid log level '${level}': expected one of ${levels.join(', ')} or 0..7${sug ? ` (did you mean '${sug}'?)` : ''}.`,
          ),
          sug,
        ),
      );
    }
  }
  return out;
}

function validateStdio(value: string, ctx: ValueContext, spec: EnumSpec): ValueProblem[] {
  const out: ValueProblem[] = [];
  const sctx = specifierContextFor(ctx);
  if (value === 'syslog' || value === 'syslog+console') {
    const repl = value === 'syslog' ? 'journal' : 'journal+console';
    return [
      warn(
        0,
        value.length,
        `'${value}' is an obsolete spelling; systemd treats it as '${repl}'. Use '${repl}'.`,
        'deprecated-value',
      ),
    ];
  }
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon + 1);
    if (spec.prefixes.includes(prefix)) {
      const arg = value.slice(colon + 1);
      const off = colon + 1;
      out.push(...checkSpecifiers(arg, sctx, ctx.targetVersion, off));
      if (prefix === 'fd:') {
        if (arg === '') return [...out, err(0, value.length, `'fd:' needs a file descriptor name, e.g. fd:foo.`)];
        out.push(...validateFdName(arg, off, ctx));
      } else {
        out.push(...validatePathText(arg, off, { directive: ctx.directive, absolute: true }));
      }
      return out;
    }
  }
  if (spec.literals.includes(value)) return out;
  if (value === 'fd' || value === 'file' || value === 'append' || value === 'truncate') {
    return [err(0, value.length, `'${value}' needs an argument: write ${value}:${value === 'fd' ? 'NAME' : '/path'}.`)];
  }
  if (!spec.prefixes.length && /^(fd|file|append|truncate|socket):?/.test(value)) {
    return [
      err(
        0,
        value.length,
        `${ctx.directive}= does not accept '${value}' here; expected one of ${describeExpected(spec)}.`,
      ),
    ];
  }
  return [unknownValue(value, 0, value.length, spec, `${ctx.directive}= value`)];
}

/* ---------- enum-or-bool ---------- */

export function validateEnumOrBool(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const spec = enumSpec(ctx.enumValues);
  if (spec.literals.includes(value)) return [];
  if (parseBoolean(value) !== undefined) return [];
  switch (ctx.parser) {
    case 'config_parse_crash_chvt': {
      const v = parseCInteger(value, false);
      if (v !== undefined && v >= 1 && v <= 63) return [];
      break;
    }
    case 'config_parse_socket_timestamping':
      if (['usec', '\u00b5s', '\u03bcs', 'nsec', 'us', 'ns'].includes(value)) return [];
      break;
    case 'config_parse_protect_hostname': {
      const m = /^(yes|private):(.*)$/.exec(value);
      if (m) {
        const host = m[2]!;
        if (
          host === '' ||
          host.length > 64 ||
          !/^[A-Za-z0-9._-]+$/.test(host) ||
          host.startsWith('.') ||
          host.endsWith('.') ||
          host.includes('..')
        ) {
          return [err(m[1]!.length + 1, value.length, `Invalid host name '${host}' in ProtectHostname=.`)];
        }
        return [];
      }
      break;
    }
    default:
      break;
  }
  for (const p of spec.prefixes) if (value.startsWith(p)) return [];
  if (inRanges(value, spec)) return [];
  const sug = suggestEnum(value, spec.literals);
  return [
    suggesting(
      err(
        0,
        value.length,
        `Invalid ${ctx.directive}= value '${value}': expected ${BOOLEAN_HINT}, or one of ${listForMessage(spec.literals.filter((l) => parseBoolean(l) === undefined))}.${sug ? ` Did you mean '${sug}'?` : ''}`,
      ),
      sug,
    ),
  ];
}

/* ---------- enum-list ---------- */

const COMMA_LISTS = new Set([
  'config_parse_bpf_delegate_attachments',
  'config_parse_bpf_delegate_commands',
  'config_parse_bpf_delegate_maps',
  'config_parse_bpf_delegate_programs',
]);

export function validateEnumList(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const spec = enumSpec(ctx.enumValues);
  const parser = ctx.parser;
  // A single boolean where allowed (Delegate=, RestrictNamespaces=, RefreshOnReload=, …).
  if (spec.bool && parseBoolean(value) !== undefined) return [];
  let text = value;
  let off = 0;
  if (spec.invert && text.startsWith('~')) {
    text = text.slice(1);
    off = 1;
  }
  const comma = COMMA_LISTS.has(parser);
  const { words, error } = splitWords(text, { unquote: true, separators: comma ? ',' : ' \t\n\r' });
  const out: ValueProblem[] = [];
  if (error) out.push(err(error.start + off, error.end + off, `${error.message}.`));
  const hex = spec.open.includes('<HEX-MASK>');
  const fstype = spec.open.includes('<FSTYPE>');
  // Unknown words are silently skipped in SecureBits= (no log) and logged without a line in BPFDelegate*=.
  const silent = parser === 'config_parse_exec_secure_bits' || comma;
  for (const w of words) {
    const t = w.text;
    if (spec.literals.includes(t)) continue;
    if (hex && /^(0[xX])?[0-9a-fA-F]+$/.test(t)) continue;
    if (fstype) {
      if (t.startsWith('@')) {
        out.push(
          err(
            w.start + off,
            w.end + off,
            `Unknown file system group '${t}': expected one of ${listForMessage(spec.literals.filter((l) => l.startsWith('@')))}.`,
          ),
        );
        continue;
      }
      if (/^[a-z0-9._-]+$/i.test(t)) continue; // file system type names are an open set
    }
    const sug = suggestEnum(t, spec.literals);
    const msg = `Unknown ${ctx.directive}= value '${t}': expected ${describeExpected({ ...spec, bool: false })}${sug ? ` (did you mean '${sug}'?)` : ''}`;
    if (silent) out.push(suggesting(warn(w.start + off, w.end + off, `${msg}; systemd silently skips it.`), sug));
    else out.push(suggesting(err(w.start + off, w.end + off, `${msg}.`), sug));
  }
  return out;
}
