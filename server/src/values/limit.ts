/**
 * Resource limits (config_parse_rlimit → rlimit_parse(), src/basic/rlimit-util.c):
 * SOFT[:HARD], "infinity" allowed for either part; the unit of a value depends on the resource.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err } from './util.js';
import { parseBytes } from './bytes.js';
import { parseTimespan } from './timespan.js';

type Parsed = { v: number } | { error: string };

const BYTE_LIMITS = new Set(['FSIZE', 'DATA', 'STACK', 'CORE', 'RSS', 'AS', 'MEMLOCK', 'MSGQUEUE']);

function resourceOf(directive: string): string {
  return directive.replace(/^Default/, '').replace(/^Limit/, '');
}

function parseOne(text: string, resource: string): Parsed {
  if (text === 'infinity') return { v: Infinity };
  if (resource === 'CPU') {
    const r = parseTimespan(text, 1e6);
    if ('error' in r) return { error: `${r.error} (expected seconds or a time span such as 1h)` };
    return { v: r.usec === 'infinity' ? Infinity : Math.ceil(r.usec / 1e6) };
  }
  if (resource === 'RTTIME') {
    const r = parseTimespan(text, 1);
    if ('error' in r) return { error: `${r.error} (expected microseconds or a time span such as 1s)` };
    return { v: r.usec === 'infinity' ? Infinity : r.usec };
  }
  if (BYTE_LIMITS.has(resource)) {
    const r = parseBytes(text, 1024);
    if ('error' in r) return { error: `${r.error} (expected a size such as 8M)` };
    return { v: r.bytes };
  }
  if (resource === 'NICE') {
    const m = /^([+-])([0-9]+)$/.exec(text);
    if (m) {
      const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
      if (n < -20 || n > 19) return { error: 'a nice value must be between -20 and +19' };
      return { v: 20 - n };
    }
    if (/^[0-9]+$/.test(text)) {
      const n = Number(text);
      if (n > 40) return { error: 'a raw RLIMIT_NICE value must be between 0 and 40 (or use +N/-N nice values)' };
      return { v: n };
    }
    return { error: 'expected a nice value such as -5 or +5, or a raw value 0..40' };
  }
  if (!/^[0-9]+$/.test(text)) return { error: 'expected a non-negative number' };
  // Compared exactly: near 2^64 neighbouring integers are the same double.
  if (BigInt(text) >= 18446744073709551615n) return { error: 'the value is out of range' };
  return { v: Number(text) };
}

export function validateLimit(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [err(0, 0, `${ctx.directive}= cannot be empty; give a value or 'infinity'.`)];
  const resource = resourceOf(ctx.directive);
  const colon = value.indexOf(':');
  const soft = colon >= 0 ? value.slice(0, colon) : value;
  const hard = colon >= 0 ? value.slice(colon + 1) : undefined;
  const out: ValueProblem[] = [];
  const a = parseOne(soft, resource);
  if ('error' in a) out.push(err(0, soft.length, `Invalid ${ctx.directive}= value '${soft}': ${a.error}.`));
  let b: Parsed | undefined;
  if (hard !== undefined) {
    b = parseOne(hard, resource);
    if ('error' in b)
      out.push(err(colon + 1, value.length, `Invalid ${ctx.directive}= hard limit '${hard}': ${b.error}.`));
  }
  if (out.length === 0 && b && 'v' in a && 'v' in b && a.v > b.v) {
    out.push(
      err(0, value.length, `Soft limit ${soft} is higher than the hard limit ${hard}; use SOFT:HARD with SOFT ≤ HARD.`),
    );
  }
  return out;
}
