/**
 * Calendar events (systemd.time(7), src/basic/calendarspec.c calendar_spec_from_string()).
 * Deliberately conservative: only clear garbage is flagged. Cross-checked with
 * `systemd-analyze calendar` on 252. Time zone names are resolved at run time and not checked.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err } from './util.js';
import { checkSpecifiers } from './specifiers.js';
import { specifierContextFor } from './context.js';

const KEYWORDS = ['minutely', 'hourly', 'daily', 'monthly', 'weekly', 'yearly', 'annually', 'quarterly', 'semiannually'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const TZ_LIKE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

function isWeekdaySpec(tok: string): boolean {
  for (const item of tok.split(',')) {
    const parts = item.includes('..') ? item.split('..') : item.split('-');
    if (parts.length > 2 || parts.some((p) => !WEEKDAYS.includes(p.toLowerCase()))) return false;
  }
  return true;
}

/** Check the numeric items of one date/time field: "*", N, N..M, N/M, N~M, comma lists. */
function fieldProblem(field: string, max: number | undefined, name: string, allowFraction: boolean): string | undefined {
  if (field === '') return `the ${name} is empty`;
  for (const item of field.split(',')) {
    if (item === '') return `the ${name} has an empty list item`;
    const m = /^(\*|[0-9]+(?:\.[0-9]+)?)(?:\.\.([0-9]+(?:\.[0-9]+)?))?(?:\/([0-9]+(?:\.[0-9]+)?))?$/.exec(item);
    if (!m) return `'${item}' is not a valid ${name}`;
    for (const n of [m[1], m[2]]) {
      if (n === undefined || n === '*') continue;
      if (n.includes('.') && !allowFraction) return `'${item}' is not a valid ${name}`;
      if (max !== undefined && Math.floor(Number(n)) > max) return `${name} ${n} is out of range (max ${max})`;
    }
  }
  return undefined;
}

/** Reason why `spec` is not a calendar event, or undefined (conservative). */
export function calendarProblem(spec: string): string | undefined {
  const s = spec.trim();
  if (s === '') return 'the value is empty';
  if (/^@[0-9]+$/.test(s)) return undefined;
  let tokens = s.split(/[ \t]+/);
  if (tokens.length >= 2 && TZ_LIKE.test(tokens[tokens.length - 1]!) && !isWeekdaySpec(tokens[tokens.length - 1]!)) {
    tokens = tokens.slice(0, -1);
  }
  if (tokens.length === 1 && KEYWORDS.includes(tokens[0]!.toLowerCase())) return undefined;
  let i = 0;
  if (/^[A-Za-z]/.test(tokens[0]!)) {
    if (!isWeekdaySpec(tokens[0]!)) {
      return tokens.length === 1
        ? `'${tokens[0]}' is neither a keyword (daily, weekly, …) nor a weekday`
        : `'${tokens[0]}' is not a weekday (Mon..Sun) or a list/range of weekdays`;
    }
    i++;
  }
  let sawDate = false, sawTime = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.includes(':')) {
      if (sawTime) return `there is more than one time ('${t}')`;
      sawTime = true;
      const f = t.split(':');
      if (f.length < 2 || f.length > 3) return `'${t}' is not a time (HH:MM[:SS])`;
      const pr = fieldProblem(f[0]!, 23, 'hour', false) ?? fieldProblem(f[1]!, 59, 'minute', false) ?? (f[2] !== undefined ? fieldProblem(f[2], 59, 'second', true) : undefined);
      if (pr) return pr;
      continue;
    }
    if (t.includes('-') || t.includes('~')) {
      if (sawDate || sawTime) return `'${t}' is out of place (order: weekday, date, time, time zone)`;
      sawDate = true;
      if (!/^[0-9*.,/~-]+$/.test(t)) return `'${t}' is not a date (YYYY-MM-DD, with * and ranges)`;
      continue;
    }
    if (/^[A-Za-z]/.test(t)) return `'${t}' is out of place or unknown`;
    return `'${t}' is neither a date (YYYY-MM-DD) nor a time (HH:MM)`;
  }
  return undefined;
}

export function validateCalendar(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const out = checkSpecifiers(value, specifierContextFor(ctx), ctx.targetVersion, 0);
  if (out.some((p) => p.severity === 'error') || value.includes('%')) return out;
  const reason = calendarProblem(value);
  if (reason) out.push(err(0, value.length, `Invalid calendar specification '${value}': ${reason}; see systemd.time(7), e.g. 'daily' or 'Mon *-*-* 02:00'.`));
  return out;
}
