/**
 * Byte sizes and percentages.
 * - parse_size() of systemd src/basic/parse-util.c (data/systemd-facts.md §3.2): suffixes
 *   B K M G T P E (upper-case only), descending components, fractions.
 * - parse_permyriad()/parse_percent() of src/basic/percent-util.c (§3.3).
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, isDigit, isWs } from './util.js';
import { parseBoolean } from './bool.js';

const SUFFIXES = ['E', 'P', 'T', 'G', 'M', 'K', 'B', ''] as const;
/** 2^64: anything at or above does not fit in uint64_t. */
const UINT64_MAX_EXCL = 18446744073709551616;
const U64_MAX = 18446744073709551615n;

function factor(suffix: string, base: number): number {
  switch (suffix) {
    case 'E':
      return base ** 6;
    case 'P':
      return base ** 5;
    case 'T':
      return base ** 4;
    case 'G':
      return base ** 3;
    case 'M':
      return base ** 2;
    case 'K':
      return base;
    default:
      return 1;
  }
}

export type BytesResult = { bytes: number } | { error: string; start: number; end: number };

/** parse_size(text, base) — base 1024 or 1000. Linear; never throws. */
export function parseBytes(text: string, base = 1024): BytesResult {
  const n = text.length;
  let p = 0;
  let total = 0;
  let startPos = 0;
  do {
    while (p < n && isWs(text[p])) p++;
    const compStart = p;
    let q = p;
    if (text[q] === '-') return { error: 'negative sizes are not allowed', start: q, end: n };
    if (text[q] === '+') q++;
    const ds = q;
    while (q < n && isDigit(text[q])) q++;
    if (q === ds) {
      let r = p;
      while (r < n && !isWs(text[r])) r++;
      return { error: `'${text.slice(p, Math.max(r, p + 1))}' is not a number`, start: p, end: Math.max(r, p + 1) };
    }
    const dsEnd = q;
    const intVal = Number(text.slice(ds, q));
    let frac = 0;
    if (text[q] === '.') {
      q++;
      const fs = q;
      while (q < n && isDigit(text[q])) q++;
      if (q > fs) frac = Number('0.' + text.slice(fs, q));
    }
    while (q < n && isWs(text[q])) q++;
    let i = startPos;
    for (; i < SUFFIXES.length; i++) {
      const sfx = SUFFIXES[i]!;
      if (sfx === '' || text.startsWith(sfx, q)) break;
    }
    if (i >= SUFFIXES.length) {
      return { error: 'components must be in descending order of units', start: compStart, end: n };
    }
    const sfx = SUFFIXES[i]!;
    if (sfx === '' && q < n) {
      // Something follows that is not a known suffix.
      let r = q;
      while (r < n && !isWs(text[r]) && !isDigit(text[r])) r++;
      const word = text.slice(q, Math.max(r, q + 1));
      const known = (SUFFIXES as readonly string[]).includes(word);
      return {
        error: known
          ? 'components must be in descending order of units (e.g. 1G 512M)'
          : `suffix '${word}' is not known`,
        start: known ? compStart : q,
        end: known ? Math.max(r, q + 1) : Math.max(r, q + 1),
      };
    }
    if (sfx !== '') {
      const after = q + sfx.length;
      if (after < n && /[A-Za-z]/.test(text[after]!)) {
        let r = after;
        while (r < n && !isWs(text[r]) && !isDigit(text[r])) r++;
        return { error: `suffix '${text.slice(q, r)}' is not known`, start: q, end: r };
      }
    }
    const f = factor(sfx, base);
    const v = intVal * f + Math.floor(frac * f);
    if (BigInt(text.slice(ds, dsEnd)) + (frac > 0 ? 1n : 0n) > U64_MAX / BigInt(f))
      return { error: 'the value is out of range', start: compStart, end: q + sfx.length };
    total += v;
    if (total >= UINT64_MAX_EXCL) return { error: 'the value is out of range', start: compStart, end: q + sfx.length };
    p = q + sfx.length;
    startPos = i + 1;
  } while (p < n);
  return { bytes: total };
}

const SIZE_HINT = 'a size with the suffixes B, K, M, G, T, P or E (upper-case, base 1024), e.g. 512M or 1G 512M';

/** parse_permyriad(): N%, N.N%, N.NN%, N‰, N.N‰, N‱. Returns permyriad or undefined. */
export function parsePermyriad(text: string, unbounded = false): number | undefined {
  const m = /^[ \t\n\r]*([0-9]+)(?:\.([0-9]{1,2}))?%$/.exec(text);
  let v: number | undefined;
  if (m) {
    v = Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
  } else {
    const pm = /^[ \t\n\r]*([0-9]+)(?:\.([0-9]))?\u2030$/.exec(text);
    if (pm) v = Number(pm[1]) * 10 + (pm[2] ? Number(pm[2]) : 0);
    else {
      const pmy = /^[ \t\n\r]*([0-9]+)\u2031$/.exec(text);
      if (pmy) v = Number(pmy[1]);
    }
  }
  if (v === undefined) return undefined;
  if (!unbounded && v > 10000) return undefined;
  return v;
}

/** parse_percent(): whole number followed by %, 0..100. */
export function parsePercent(text: string): number | undefined {
  const m = /^[ \t\n\r]*([0-9]+)%$/.exec(text);
  if (!m) return undefined;
  const v = Number(m[1]);
  return v <= 100 ? v : undefined;
}

/** Settings of config_parse_memory_limit that accept 0 (v260 source). */
const ZERO_OK = new Set([
  'MemorySwapMax',
  'StartupMemorySwapMax',
  'MemoryZSwapMax',
  'StartupMemoryZSwapMax',
  'MemoryLow',
  'StartupMemoryLow',
  'MemoryMin',
  'DefaultMemoryLow',
  'DefaultMemoryMin',
]);

export function validateBytes(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const r = parseBytes(value, 1024);
  if ('error' in r) return [err(r.start, r.end, `Invalid size '${value}': ${r.error}; expected ${SIZE_HINT}.`)];
  void ctx;
  return [];
}

export function validateBytesOrPercent(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const quota = ctx.parser === 'config_parse_exec_quota';
  if (quota) {
    if (parseBoolean(value) !== undefined) return [];
    const keywords = ctx.enumValues.filter((v) => !v.startsWith('<'));
    if (keywords.includes(value)) return [];
  } else if (value === 'infinity') return [];
  if (/%|\u2030|\u2031/.test(value)) {
    const pm = parsePermyriad(value);
    if (pm === undefined) {
      return [err(0, value.length, `Invalid percentage '${value}': expected N%, N.N% or N.NN% between 0% and 100%.`)];
    }
    if (!quota && pm === 0 && !ZERO_OK.has(ctx.directive)) {
      return [err(0, value.length, `${ctx.directive}= cannot be 0%; use a positive value or 'infinity'.`)];
    }
    return [];
  }
  const r = parseBytes(value, 1024);
  if ('error' in r) {
    return [
      err(
        r.start,
        r.end,
        `Invalid size '${value}': ${r.error}; expected ${SIZE_HINT}, a percentage such as 50%${quota ? '' : ", or 'infinity'"}.`,
      ),
    ];
  }
  if (!quota && r.bytes === 0 && !ZERO_OK.has(ctx.directive)) {
    return [err(0, value.length, `${ctx.directive}= cannot be 0; use a positive size or 'infinity'.`)];
  }
  return [];
}

/** percent kind: CPUQuota= (unbounded, > 0) and ManagedOOMMemoryPressureLimit= (0..100%). */
export function validatePercent(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const unbounded = ctx.parser === 'config_parse_cpu_quota';
  const pm = parsePermyriad(value, unbounded);
  if (pm === undefined) {
    return [
      err(
        0,
        value.length,
        unbounded
          ? `Invalid CPU quota '${value}': expected a percentage such as 20% or 150% (up to two decimals).`
          : `Invalid percentage '${value}': expected N%, N.N% or N.NN% between 0% and 100%.`,
      ),
    ];
  }
  if (unbounded && pm === 0)
    return [err(0, value.length, `Invalid CPU quota '${value}': the quota must be greater than 0%.`)];
  // parse_permyriad_unbounded() keeps the value in an int: 21474836.47% (2^31 - 1 permyriad) is the most it takes.
  if (unbounded && pm > 2147483647)
    return [err(0, value.length, `Invalid CPU quota '${value}': the largest quota systemd takes is 21474836.47%.`)];
  return [];
}
