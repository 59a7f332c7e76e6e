/**
 * Time spans (systemd.time(7); systemd src/basic/time-util.c parse_time(), parse_nsec(),
 * extract_multiplier(); data/systemd-facts.md §3.1). Units are matched case-sensitively as
 * prefixes in table order, so "5secs" is "5sec" followed by a stray "s" and is invalid.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, isDigit, isWs } from './util.js';

const USEC_PER_SEC = 1_000_000;

/** extract_multiplier() table of time-util.c, in source order (value in µs). */
const USEC_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['seconds', 1e6],
  ['second', 1e6],
  ['sec', 1e6],
  ['s', 1e6],
  ['minutes', 60e6],
  ['minute', 60e6],
  ['min', 60e6],
  ['months', 2_629_800e6],
  ['month', 2_629_800e6],
  ['M', 2_629_800e6],
  ['msec', 1e3],
  ['ms', 1e3],
  ['m', 60e6],
  ['hours', 3600e6],
  ['hour', 3600e6],
  ['hr', 3600e6],
  ['h', 3600e6],
  ['days', 86400e6],
  ['day', 86400e6],
  ['d', 86400e6],
  ['weeks', 604800e6],
  ['week', 604800e6],
  ['w', 604800e6],
  ['years', 31_557_600e6],
  ['year', 31_557_600e6],
  ['y', 31_557_600e6],
  ['usec', 1],
  ['us', 1],
  ['\u03bcs', 1],
  ['\u00b5s', 1],
];

/** parse_nsec() additionally knows nsec/ns; values here are in µs as well (ns = 0.001). */
const NSEC_EXTRA: ReadonlyArray<readonly [string, number]> = [
  ['nsec', 1e-3],
  ['ns', 1e-3],
];
const NSEC_UNITS = [...USEC_UNITS, ...NSEC_EXTRA];

/** USEC_INFINITY = NSEC_INFINITY = UINT64_MAX. */
const INF = 18446744073709551615n;

export const TIME_UNITS_HINT =
  'us, ms, s (sec, seconds), min (m, minutes), h (hr, hours), d (days), w (weeks), M (months), y (years)';

export type TimespanResult = { usec: number | 'infinity' } | { error: string; start: number; end: number };

/**
 * Parse a time span. `defaultUnitUsec` is the unit of a bare number in µs (1e6 = seconds,
 * 1 = µs, 0.001 = ns). With `nsec`, the units ns/nsec are also known. Linear; never throws.
 */
export function parseTimespan(text: string, defaultUnitUsec = USEC_PER_SEC, nsec = false): TimespanResult {
  const units = nsec ? NSEC_UNITS : USEC_UNITS;
  const n = text.length;
  let p = 0;
  while (p < n && isWs(text[p])) p++;
  if (text.startsWith('infinity', p)) {
    let q = p + 8;
    while (q < n && isWs(text[q])) q++;
    if (q === n) return { usec: 'infinity' };
    return { error: "'infinity' must stand alone", start: p, end: n };
  }
  let total = 0n;
  let something = false;
  for (;;) {
    while (p < n && isWs(text[p])) p++;
    if (p >= n) {
      if (!something) return { error: 'the value is empty', start: 0, end: n };
      break;
    }
    const compStart = p;
    if (text[p] === '-') return { error: 'negative values are not allowed', start: p, end: n };
    // strtoll(): optional '+', digits
    let q = p;
    if (text[q] === '+') q++;
    const digStart = q;
    while (q < n && isDigit(text[q])) q++;
    const intPart = text.slice(digStart, q);
    let fracDigits = '';
    if (text[q] === '.') {
      let r = q + 1;
      while (r < n && isDigit(text[r])) r++;
      fracDigits = text.slice(q + 1, r);
      if (intPart === '' && text[p] === '+') return { error: 'a number is expected', start: compStart, end: r };
      q = r;
      if (fracDigits === '')
        return {
          error: `'${text.slice(compStart, q)}' needs digits after the decimal point`,
          start: compStart,
          end: q,
        };
    } else if (intPart === '') {
      // No number here: either garbage or a unit without a number.
      let r = q;
      while (r < n && !isWs(text[r]) && !isDigit(text[r])) r++;
      const word = text.slice(compStart, Math.max(r, compStart + 1));
      return {
        error: `'${word}' is not a number followed by a known unit`,
        start: compStart,
        end: Math.max(r, compStart + 1),
      };
    }
    // unit
    let u = q;
    while (u < n && isWs(text[u])) u++;
    let mult = defaultUnitUsec;
    let unitEnd = q;
    for (const [suffix, m] of units) {
      if (text.startsWith(suffix, u)) {
        mult = m;
        unitEnd = u + suffix.length;
        break;
      }
    }
    if (unitEnd === q) {
      // no unit: the next character must be whitespace, end, or the start of a new number
      if (u < n && u === q && !isDigit(text[u]) && text[u] !== '+' && text[u] !== '-' && text[u] !== '.') {
        let r = u;
        while (r < n && !isWs(text[r]) && !isDigit(text[r])) r++;
        const word = text.slice(u, r);
        return { error: `unit '${word}' is not known`, start: u, end: r };
      }
      if (u < n && u === q && text[u] === '.')
        return {
          error: `'${text.slice(compStart, u + 1)}' has more than one decimal point`,
          start: compStart,
          end: u + 1,
        };
      unitEnd = q;
    } else {
      // after a unit, a letter that continues the word means an unknown/misspelt unit ("5secs")
      if (
        unitEnd < n &&
        !isWs(text[unitEnd]) &&
        !isDigit(text[unitEnd]) &&
        text[unitEnd] !== '.' &&
        text[unitEnd] !== '+'
      ) {
        let r = unitEnd;
        while (r < n && !isWs(text[r]) && !isDigit(text[r])) r++;
        const word = text.slice(u, r);
        return { error: `unit '${word}' is not known`, start: u, end: r };
      }
    }
    // Exact uint64 arithmetic as in parse_time()/parse_nsec() (base unit: µs, or ns for nsec).
    const m = BigInt(Math.round(nsec ? mult * 1000 : mult));
    const l = BigInt(intPart === '' ? '0' : intPart);
    if (m === 0n) return { error: 'the value is out of range', start: compStart, end: unitEnd };
    if (l >= INF / m) return { error: 'the value is out of range', start: compStart, end: unitEnd };
    let k = l * m;
    if (k >= INF - total) return { error: 'the value is out of range', start: compStart, end: unitEnd };
    total += k;
    let fm = m / 10n;
    for (const dch of fracDigits) {
      k = BigInt(dch.charCodeAt(0) - 48) * fm;
      if (k >= INF - total) return { error: 'the value is out of range', start: compStart, end: unitEnd };
      total += k;
      fm /= 10n;
    }
    something = true;
    p = unitEnd;
  }
  return { usec: nsec ? Number(total) / 1000 : Number(total) };
}

function defaultUnitFor(ctx: ValueContext): { unit: number; nsec: boolean } {
  if (ctx.kind === 'nsec') return { unit: 1e-3, nsec: true };
  return { unit: USEC_PER_SEC, nsec: false };
}

function timespanMessage(value: string, e: { error: string }, nsec: boolean): string {
  const units = nsec ? `ns, ${TIME_UNITS_HINT}` : TIME_UNITS_HINT;
  return `Invalid time span '${value}': ${e.error}; use a number with units such as ${units} (e.g. '5min 20s'), or 'infinity'.`;
}

/** timespan-sec and nsec kinds. */
export function validateTimespan(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  // keywords such as off|default (watchdog_sec) come in enum_values
  const keywords = ctx.enumValues.filter((v) => !v.startsWith('<'));
  if (keywords.includes(value)) return [];
  const { unit, nsec } = defaultUnitFor(ctx);
  const r = parseTimespan(value, unit, nsec);
  if ('error' in r) return [err(r.start, Math.max(r.end, r.start), timespanMessage(value, r, nsec))];
  if (ctx.parser === 'config_parse_managed_oom_mem_pressure_duration_sec') {
    if (r.usec === 'infinity' || r.usec < USEC_PER_SEC) {
      return [err(0, value.length, `${ctx.directive}= must be at least 1s and not infinity.`)];
    }
  }
  return [];
}
