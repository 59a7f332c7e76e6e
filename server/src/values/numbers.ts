/**
 * Integers and weights. systemd's safe_atoi()/safe_atou() (src/basic/parse-util.c) use strtol()
 * with base 0: "0x" is hex and a leading "0" is octal ("08" is invalid). Ranges come from the
 * parsers in load-fragment.c / cgroup-util.c (data/directives.md Appendix A).
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err } from './util.js';
import { parsePermyriad } from './bytes.js';

/** strtol(…, 0) over the whole string. Returns undefined when it is not a number. */
const C_INTEGER = /^[ \t\n\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/;

export function parseCInteger(text: string, allowNegative = true): number | undefined {
  const m = C_INTEGER.exec(text);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  if (sign < 0 && !allowNegative) return undefined;
  const body = m[2]!;
  let v: number;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (body.length > 1 && body[0] === '0') v = parseInt(body, 8);
  else v = parseInt(body, 10);
  return sign * v;
}

/** The same, exactly, for 64-bit ranges (beyond 2^53 neighbouring integers are the same double). */
function parseCIntegerExact(text: string): bigint | undefined {
  const m = C_INTEGER.exec(text);
  if (!m) return undefined;
  const body = m[2]!;
  const octal = body.length > 1 && body[0] === '0' && !/^0[xX]/.test(body);
  const v = octal ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  return m[1] === '-' ? -v : v;
}

function rangeCheck<T extends number | bigint>(
  value: string,
  v: T | undefined,
  min: T,
  max: T,
  what: string,
  extra = '',
): ValueProblem[] {
  if (v === undefined)
    return [err(0, value.length, `Invalid ${what} '${value}': expected an integer between ${min} and ${max}${extra}.`)];
  if (v < min || v > max)
    return [err(0, value.length, `${capitalize(what)} '${value}' is out of range: expected ${min}..${max}${extra}.`)];
  return [];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const INT32 = [-2147483648, 2147483647] as const;
const INT64 = [-(2n ** 63n), 2n ** 63n - 1n] as const;

export function validateInt(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  if (ctx.range)
    return rangeCheck<bigint>(value, parseCIntegerExact(value), BigInt(ctx.range[0]), BigInt(ctx.range[1]), 'integer');
  switch (ctx.parser) {
    case 'config_parse_exec_cpu_sched_prio':
      // sched_get_priority_min/max of SCHED_RR/FIFO is 1..99; 0 is valid for other policies.
      return rangeCheck(value, parseCInteger(value), 0, 99, 'CPU scheduling priority');
    case 'config_parse_exec_io_priority':
      return rangeCheck(value, parseCInteger(value), 0, 7, 'IO scheduling priority');
    case 'config_parse_swap_priority':
      return rangeCheck(value, parseCInteger(value), -1, 32767, 'swap priority');
    case 'config_parse_long':
      return rangeCheck<bigint>(value, parseCIntegerExact(value), INT64[0], INT64[1], 'integer');
    default:
      return rangeCheck(value, parseCInteger(value), INT32[0], INT32[1], 'integer');
  }
}

export function validateUnsigned(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  if (ctx.parser === 'config_parse_concurrency_max' && value === 'infinity') return [];
  if (ctx.range)
    return rangeCheck<bigint>(value, parseCIntegerExact(value), BigInt(ctx.range[0]), BigInt(ctx.range[1]), 'number');
  const v = parseCInteger(value, false);
  const extra = ctx.parser === 'config_parse_concurrency_max' ? ", or 'infinity'" : '';
  if (v === undefined)
    return [err(0, value.length, `Invalid unsigned integer '${value}': expected a non-negative number${extra}.`)];
  if (v > 4294967295)
    return [err(0, value.length, `Unsigned integer '${value}' is out of range: expected 0..4294967295.`)];
  return [];
}

/** CPUWeight=: 1..10000 or idle (cgroup-util.c cg_cpu_weight_parse). */
export function validateCpuWeight(value: string, _ctx: ValueContext): ValueProblem[] {
  if (value === '' || value === 'idle') return [];
  return rangeCheck(value, parseCInteger(value, false), 1, 10000, 'CPU weight', ", or 'idle'");
}

/** IOWeight= and friends: 1..10000 (cg_weight_parse). */
export function validateIoWeight(value: string, _ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  return rangeCheck(value, parseCInteger(value, false), 1, 10000, 'weight');
}

/** Nice=: -20..19. */
export function validateNice(value: string, _ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  return rangeCheck(value, parseCInteger(value), -20, 19, 'nice priority');
}

/** OOMScoreAdjust=: -1000..1000. */
export function validateOomScore(value: string, _ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  return rangeCheck(value, parseCInteger(value), -1000, 1000, 'OOM score adjustment');
}

/** Octal mode ≤ 07777 without sign (parse_mode()). */
export function validateMode(value: string, _ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const m = /^[ \t\n\r]*([0-7]+)$/.exec(value);
  if (!m) return [err(0, value.length, `Invalid file mode '${value}': expected an octal number such as 0644 or 755.`)];
  if (parseInt(m[1]!, 8) > 0o7777)
    return [err(0, value.length, `File mode '${value}' is out of range: the maximum is 07777.`)];
  return [];
}

/** TasksMax=: N > 0, N% (0..100, up to two decimals) or infinity (config_parse_tasks_max). */
export function validateCountOrPercent(value: string, _ctx: ValueContext): ValueProblem[] {
  if (value === '' || value === 'infinity') return [];
  if (/[%\u2030\u2031]/.test(value)) {
    if (parsePermyriad(value) === undefined)
      return [err(0, value.length, `Invalid percentage '${value}': expected N%, N.N% or N.NN% between 0% and 100%.`)];
    return [];
  }
  const m = /^[ \t\n\r]*\+?([0-9]+)$/.exec(value);
  if (!m)
    return [
      err(
        0,
        value.length,
        `Invalid maximum tasks value '${value}': expected a positive number, a percentage such as 15%, or 'infinity'.`,
      ),
    ];
  const v = BigInt(m[1]!); // exact: near 2^64 neighbouring integers are the same double
  if (v === 0n || v >= 18446744073709551615n)
    return [
      err(
        0,
        value.length,
        `Maximum tasks value '${value}' is out of range: it must be greater than 0 (use 'infinity' for no limit).`,
      ),
    ];
  return [];
}
