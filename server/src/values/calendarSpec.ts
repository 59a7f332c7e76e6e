/**
 * Calendar events as systemd reads and evaluates them (systemd.time(7); src/shared/calendarspec.c of systemd 252):
 * the parser and its verdict, the normalized form `systemd-analyze calendar` prints, and the next elapses.
 *
 * Written anew in TypeScript after systemd's behaviour, step by step, so that the same input gives the same
 * verdict, the same normalized form and the same elapses (test/values/calendarOracle*.test.ts compares with
 * `systemd-analyze calendar` 252). Where systemd only says "Invalid argument", the `reason` says what is wrong.
 *
 * The elapse computation works on `struct tm` with glibc's mktime() (calendarTime.ts), as systemd does: that is
 * what decides the behaviour around daylight saving time changes (a wall-clock time that does not exist on the day
 * clocks go forward is skipped; a time that happens twice elapses once).
 *
 * Pure: zone data from Intl, the clock and the local zone are parameters.
 */
import {
  type Tm,
  type TimeZone,
  type MktimeState,
  gmtime,
  localtime,
  timegm,
  mktime,
  timeZoneByName,
  defaultLocalZone,
  timeZoneNameValid,
  UTC_ZONE,
} from './calendarTime.js';

export {
  timeZoneByName,
  defaultLocalZone,
  timeZoneNameValid,
  UTC_ZONE,
  type TimeZone,
  type MktimeState,
} from './calendarTime.js';

const USEC_PER_SEC = 1_000_000;
const BITS_WEEKDAYS = 127;
const MIN_YEAR = 1970;
const MAX_YEAR = 2199;
const COMPONENTS_MAX = 240;
const INT_MAX = 2147483647;
/** Thu 9999-12-30 23:59:59 UTC: the last time systemd formats. */
export const USEC_TIMESTAMP_FORMATTABLE_MAX = 253402214399000000;
const MAX_CALENDAR_ITERATIONS = 1000;

export interface CalendarComponent {
  readonly start: number;
  /** -1: no range. */
  readonly stop: number;
  /** 0: no repetition. */
  readonly repeat: number;
}

/** null: "*" (every value). Components sorted, without duplicates, as systemd normalizes them. */
export type CalendarChain = readonly CalendarComponent[] | null;

export interface CalendarSpec {
  /** Bit 0 = Monday … bit 6 = Sunday; -1: every day. */
  readonly weekdaysBits: number;
  readonly endOfMonth: boolean;
  readonly utc: boolean;
  /** 0 or 1 when the local zone's standard or daylight saving abbreviation was given; -1 otherwise. */
  readonly dst: number;
  readonly timezone: string | null;
  readonly year: CalendarChain;
  readonly month: CalendarChain;
  readonly day: CalendarChain;
  readonly hour: CalendarChain;
  readonly minute: CalendarChain;
  /** Seconds, in microseconds. */
  readonly microsecond: CalendarChain;
}

export type CalendarErrno = 'EINVAL' | 'ERANGE' | 'ENOBUFS';

export interface CalendarError {
  readonly errno: CalendarErrno;
  /** What systemd prints (strerror). */
  readonly message: string;
  /** What is wrong, in words. */
  readonly reason: string;
}

export type CalendarParseResult =
  | { readonly ok: true; readonly spec: CalendarSpec; readonly normalized: string }
  | { readonly ok: false; readonly error: CalendarError };

export interface CalendarOptions {
  /** The zone systemd would run in (TZ, /etc/localtime): default, the JavaScript engine's. */
  readonly localZone?: TimeZone;
  /** Now, in µs since the epoch: only picks the year whose zone abbreviations count as tzname[]. */
  readonly nowUsec?: number;
  /** systemd's test for a zone name: a TZif file of that name under /usr/share/zoneinfo (default: Intl's zones). */
  readonly zoneFileExists?: (name: string) => boolean;
}

const STRERROR: Record<CalendarErrno | 'EDEADLK' | 'ENOENT', string> = {
  EINVAL: 'Invalid argument',
  ERANGE: 'Numerical result out of range',
  ENOBUFS: 'No buffer space available',
  EDEADLK: 'Resource deadlock avoided',
  ENOENT: 'No such file or directory',
};

class ParseFailure extends Error {
  constructor(
    readonly errno: CalendarErrno,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function fail(reason: string, errno: CalendarErrno = 'EINVAL'): never {
  throw new ParseFailure(errno, reason);
}

interface MutableComponent {
  start: number;
  stop: number;
  repeat: number;
}

interface Draft {
  weekdaysBits: number;
  endOfMonth: boolean;
  utc: boolean;
  dst: number;
  timezone: string | null;
  year: MutableComponent[] | null;
  month: MutableComponent[] | null;
  day: MutableComponent[] | null;
  hour: MutableComponent[] | null;
  minute: MutableComponent[] | null;
  microsecond: MutableComponent[] | null;
}

const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const quote = (s: string): string => `'${s}'`;
/** The rest of the text from `i`, shortened for messages. */
const rest = (s: string, i: number): string =>
  i >= s.length ? 'the end' : quote(s.slice(i, i + 20) + (s.length > i + 20 ? '…' : ''));

const DAY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Monday', 0],
  ['Mon', 0],
  ['Tuesday', 1],
  ['Tue', 1],
  ['Wednesday', 2],
  ['Wed', 2],
  ['Thursday', 3],
  ['Thu', 3],
  ['Friday', 4],
  ['Fri', 4],
  ['Saturday', 5],
  ['Sat', 5],
  ['Sunday', 6],
  ['Sun', 6],
];
const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The shorthands calendar_spec_from_string() knows (case-insensitive). */
export const CALENDAR_SHORTHANDS = [
  'minutely',
  'hourly',
  'daily',
  'weekly',
  'monthly',
  'yearly',
  'annually',
  'quarterly',
  'semiannually',
  'semi-annually',
  'biannually',
  'bi-annually',
  'anually',
] as const;
export const CALENDAR_WEEKDAYS = [
  'Mon',
  'Tue',
  'Wed',
  'Thu',
  'Fri',
  'Sat',
  'Sun',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

class Cursor {
  constructor(
    readonly s: string,
    public i = 0,
  ) {}
  at(k = 0): string {
    return this.s[this.i + k] ?? '';
  }
  skipSpaces(): void {
    while (this.s[this.i] === ' ') this.i++;
  }
}

function parseWeekdays(p: Cursor, c: Draft): void {
  let l = -1;
  let first = true;
  for (;;) {
    let matched: readonly [string, number] | undefined;
    for (const d of DAY_NAMES) {
      if (asciiLower(p.s.slice(p.i, p.i + d[0].length)) !== asciiLower(d[0])) continue;
      const next = p.at(d[0].length);
      if (!['', '-', '.', ',', ' '].includes(next)) {
        const word = /^[^ ,.-]*/.exec(p.s.slice(p.i))![0];
        fail(`${quote(word)} is not a weekday (Mon, Tuesday, … Sun)`);
      }
      c.weekdaysBits |= 1 << d[1];
      if (l >= 0) {
        if (l > d[1])
          fail(`the weekday range ${WEEKDAY_SHORT[l]}..${WEEKDAY_SHORT[d[1]]} goes backwards (weeks start on Monday)`);
        for (let j = l + 1; j < d[1]; j++) c.weekdaysBits |= 1 << j;
      }
      p.i += d[0].length;
      matched = d;
      break;
    }
    if (!matched) {
      if (first) return;
      fail(`expected a weekday at ${rest(p.s, p.i)}`);
    }
    if (p.at() === '') return;
    if (p.at() === ' ') {
      p.skipSpaces();
      return;
    }
    if (p.at() === '.') {
      if (l >= 0) fail('a weekday range has more than two ends');
      if (p.at(1) !== '.') fail("a weekday range is written with '..' (Mon..Fri)");
      l = matched[1];
      p.i += 2;
    } else if (p.at() === '-') {
      if (l >= 0) fail('a weekday range has more than two ends');
      l = matched[1];
      p.i += 1;
    } else if (p.at() === ',') {
      l = -1;
      p.i += 1;
    }
    if (p.at() === '' || p.at() === ' ') {
      p.skipSpaces();
      if (l >= 0) fail('the weekday range has no end');
      return;
    }
    first = false;
  }
}

/** parse_fractional_part_u(…, 6): up to 6 digits, the 7th rounds. */
function parseFraction(p: Cursor): number {
  let val = 0;
  let i = 0;
  for (; i < 6; i++) {
    const ch = p.at();
    if (!isDigit(ch)) {
      if (i === 0) fail(`expected digits after the decimal point at ${rest(p.s, p.i)}`);
      for (; i < 6; i++) val *= 10;
      break;
    }
    val = val * 10 + (ch.charCodeAt(0) - 48);
    p.i++;
  }
  const ch = p.at();
  if (ch >= '5' && ch <= '9' && ch !== '') val++;
  while (isDigit(p.at())) p.i++;
  return val;
}

function parseDecimal(p: Cursor, usec: boolean, what: string): number {
  if (!isDigit(p.at())) fail(`expected a number or '*' for the ${what} at ${rest(p.s, p.i)}`);
  const m = /^[0-9]+/.exec(p.s.slice(p.i))![0];
  p.i += m.length;
  let value = Number(m);
  if (m.length > 20 || BigInt(m) > 0xffffffffffffffffn) fail(`${m} is too large`, 'ERANGE');
  if (usec) {
    if (value > 18446744073709) fail(`${m} is too large`, 'ERANGE');
    value *= USEC_PER_SEC;
    if (p.at() === '.' && p.at(1) !== '.') {
      p.i++;
      value += parseFraction(p);
    }
  }
  if (value > INT_MAX) fail(`${m} is too large`, 'ERANGE');
  return value;
}

function prependComponent(p: Cursor, usec: boolean, what: string, chain: MutableComponent[]): void {
  for (let nesting = 0; ; nesting++) {
    if (nesting > COMPONENTS_MAX) fail(`the ${what} list has more than ${COMPONENTS_MAX + 1} items`, 'ENOBUFS');
    const start = parseDecimal(p, usec, what);
    let stop = -1;
    let repeat = 0;
    if (p.at() === '.' && p.at(1) === '.') {
      p.i += 2;
      stop = parseDecimal(p, usec, what);
      repeat = usec ? USEC_PER_SEC : 1;
    }
    if (p.at() === '/') {
      p.i++;
      repeat = parseDecimal(p, usec, what);
      if (repeat === 0) fail(`the ${what} repetition /0 never advances`, 'ERANGE');
    } else {
      if (start > INT_MAX - repeat) fail(`${start} is too large`, 'ERANGE');
      if (usec && stop >= 0 && start + repeat > stop)
        fail(
          `the seconds range ${fmtUsec(start)}..${fmtUsec(stop)} is shorter than its 1 s step; add a repetition (/0.5)`,
        );
    }
    if (!['', ' ', ',', '-', '~', ':'].includes(p.at())) fail(`unexpected ${rest(p.s, p.i)} in the ${what}`);
    chain.unshift({ start, stop, repeat });
    if (p.at() !== ',') return;
    p.i++;
  }
}

function fmtUsec(v: number): string {
  return v % USEC_PER_SEC ? (v / USEC_PER_SEC).toString() : String(v / USEC_PER_SEC);
}

function parseChain(p: Cursor, usec: boolean, what: string): MutableComponent[] | null {
  if (p.at() === '*') {
    p.i++;
    return usec ? [{ start: 0, stop: -1, repeat: USEC_PER_SEC }] : null;
  }
  const chain: MutableComponent[] = [];
  prependComponent(p, usec, what, chain);
  return chain;
}

/** Returns true when the date was an @timestamp (no time follows). */
function parseDate(p: Cursor, c: Draft): boolean {
  if (p.at() === '') return false;
  if (p.at() === '@') {
    const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)/.exec(p.s.slice(p.i + 1));
    if (!m) fail(`expected seconds since the epoch after '@'`);
    let v = BigInt(m[2]!);
    if (v > 0xffffffffffffffffn) fail(`${m[2]} is too large`, 'ERANGE');
    if (m[1] === '-') v = (0x10000000000000000n - v) % 0x10000000000000000n;
    const signed = v >= 0x8000000000000000n ? v - 0x10000000000000000n : v;
    p.i += 1 + m[0].length;
    fromTimeT(c, signed);
    return true;
  }
  const t = new Cursor(p.s, p.i);
  const first = parseChain(t, false, 'year or month');
  if (t.at() === '' || t.at() === ':') return false;
  if (t.at() === '~') c.endOfMonth = true;
  else if (t.at() !== '-') fail(`a date is written YYYY-MM-DD or MM-DD; unexpected ${rest(t.s, t.i)}`);
  t.i++;
  const second = parseChain(t, false, 'month or day');
  if (t.at() === '' || t.at() === ' ') {
    t.skipSpaces();
    p.i = t.i;
    c.month = first;
    c.day = second;
    return false;
  }
  if (c.endOfMonth) fail("'~' (days from the end of the month) can only stand between the month and the day");
  if (t.at() === '~') c.endOfMonth = true;
  else if (t.at() !== '-') fail(`unexpected ${rest(t.s, t.i)} in the date`);
  t.i++;
  const third = parseChain(t, false, 'day');
  if (!(t.at() === '' || t.at() === ' ')) fail(`unexpected ${rest(t.s, t.i)} after the date`);
  t.skipSpaces();
  p.i = t.i;
  c.year = first;
  c.month = second;
  c.day = third;
  return false;
}

function fromTimeT(c: Draft, t: bigint): void {
  // gmtime_r() fails when the year does not fit an int.
  const years = t / 31556952n;
  if (years > BigInt(INT_MAX - 1900 - 1970) || years < -BigInt(INT_MAX))
    fail('the timestamp is out of range', 'ERANGE');
  const tm = gmtime(Number(t));
  c.year = [{ start: tm.year + 1900, stop: -1, repeat: 0 }];
  c.month = [{ start: tm.mon + 1, stop: -1, repeat: 0 }];
  c.day = [{ start: tm.mday, stop: -1, repeat: 0 }];
  c.hour = [{ start: tm.hour, stop: -1, repeat: 0 }];
  c.minute = [{ start: tm.min, stop: -1, repeat: 0 }];
  c.microsecond = [{ start: tm.sec * USEC_PER_SEC, stop: -1, repeat: 0 }];
  c.utc = true;
}

function parseTime(p: Cursor, c: Draft): void {
  const zero = (): MutableComponent[] => [{ start: 0, stop: -1, repeat: 0 }];
  if (p.at() === '') {
    c.hour = zero();
    c.minute = zero();
    c.microsecond = zero();
    return;
  }
  const h = parseChain(p, false, 'hour');
  if (p.at() !== ':')
    fail(
      p.at() === ''
        ? 'a time needs hours and minutes (HH:MM)'
        : `a time is written HH:MM[:SS]; unexpected ${rest(p.s, p.i)}`,
    );
  p.i++;
  const m = parseChain(p, false, 'minute');
  if (p.at() === '') {
    c.hour = h;
    c.minute = m;
    c.microsecond = zero();
    return;
  }
  if (p.at() !== ':') fail(`unexpected ${rest(p.s, p.i)} after the minutes`);
  p.i++;
  const s = parseChain(p, true, 'second');
  if (p.at() !== '') fail(`unexpected ${rest(p.s, p.i)} after the time`);
  c.hour = h;
  c.minute = m;
  c.microsecond = s;
}

function normalizeChain(chain: MutableComponent[] | null): MutableComponent[] | null {
  if (!chain) return null;
  for (const i of chain) {
    if (i.stop > i.start && i.repeat > 0) i.stop -= (i.stop - i.start) % i.repeat;
    if ((i.stop > i.start && i.repeat > 0 && i.start + i.repeat > i.stop) || i.start === i.stop) {
      i.repeat = 0;
      i.stop = -1;
    }
  }
  if (chain.length <= 1) return chain;
  const sorted = [...chain].sort((a, b) => a.start - b.start || a.stop - b.stop || a.repeat - b.repeat);
  return sorted.filter(
    (x, k) =>
      k === 0 ||
      !(x.start === sorted[k - 1]!.start && x.stop === sorted[k - 1]!.stop && x.repeat === sorted[k - 1]!.repeat),
  );
}

function fixYear(chain: MutableComponent[] | null): void {
  for (const c of chain ?? []) {
    if (c.start >= 0 && c.start < 70) c.start += 2000;
    if (c.stop >= 0 && c.stop < 70) c.stop += 2000;
    if (c.start >= 70 && c.start < 100) c.start += 1900;
    if (c.stop >= 70 && c.stop < 100) c.stop += 1900;
  }
}

/** chain_valid(): undefined when valid, else why not. */
function chainProblem(
  chain: CalendarChain,
  from: number,
  to: number,
  endOfMonth: boolean,
  what: string,
  usec: boolean,
): string | undefined {
  if (!chain) return undefined;
  const show = (v: number): string => (usec ? fmtUsec(v) : String(v));
  const range = `${show(from)}–${show(to)}`;
  if (endOfMonth) to -= 3;
  for (const c of chain) {
    if (c.start < from || c.start > to) {
      return endOfMonth
        ? `the day ${show(c.start)} from the end of the month is out of range (1–28 with '~')`
        : `the ${what} ${show(c.start)} is out of range (${range})`;
    }
    if (c.repeat > to - from)
      return `the ${what} repetition /${show(c.repeat)} is larger than the ${what} range (${range})`;
    if (c.stop >= 0) {
      if (c.stop < from || c.stop > to)
        return `the ${what} ${show(c.stop)} is out of range (${endOfMonth ? '1–28 with ~' : range})`;
      if (c.start + c.repeat > c.stop)
        return `the ${what} range ${show(c.start)}..${show(c.stop)} is empty or backwards`;
    } else {
      if (endOfMonth && c.start - c.repeat < from)
        return `the repetition /${show(c.repeat)} from day ${show(c.start)} before the end of the month never happens`;
      if (!endOfMonth && c.start + c.repeat > to)
        return `the ${what} ${show(c.start)}/${show(c.repeat)} never repeats within ${range}; write ${show(c.start)} alone`;
    }
  }
  return undefined;
}

/** calendar_spec_from_string(): the verdict, the spec and its normalized form. */
export function parseCalendarSpec(text: string, opts: CalendarOptions = {}): CalendarParseResult {
  const c: Draft = {
    weekdaysBits: 0,
    endOfMonth: false,
    utc: false,
    dst: -1,
    timezone: null,
    year: null,
    month: null,
    day: null,
    hour: null,
    minute: null,
    microsecond: null,
  };
  const localZone = opts.localZone ?? defaultLocalZone();
  try {
    let p = text;
    if (p.length >= 4 && asciiLower(p.slice(-4)) === ' utc') {
      c.utc = true;
      p = p.slice(0, -4);
    } else {
      const tzname = localZone.tzname(Math.floor((opts.nowUsec ?? 0) / USEC_PER_SEC) || 1767225600);
      let found = -1;
      for (let j = 0; j <= 1; j++) {
        const name = tzname[j]!;
        if (name === '') continue;
        const e = p.length - name.length;
        if (e < 0 || asciiLower(p.slice(e)) !== asciiLower(name)) continue;
        if (e === 0) continue;
        if (p[e - 1] !== ' ') continue;
        found = j;
        p = p.slice(0, e - 1);
        break;
      }
      if (found >= 0) c.dst = found;
      else {
        const lastSpace = p.lastIndexOf(' ');
        if (lastSpace >= 0 && timeZoneNameValid(p.slice(lastSpace + 1), opts.zoneFileExists)) {
          c.timezone = p.slice(lastSpace + 1);
          p = p.slice(0, lastSpace);
        }
      }
    }
    if (p === '') fail(text === '' ? 'the value is empty' : 'there is only a time zone');
    const zero = (): MutableComponent[] => [{ start: 0, stop: -1, repeat: 0 }];
    const one = (...v: number[]): MutableComponent[] => v.map((start) => ({ start, stop: -1, repeat: 0 }));
    const lower = asciiLower(p);
    const midnight = (): void => {
      c.hour = zero();
      c.minute = zero();
      c.microsecond = zero();
    };
    if (lower === 'minutely') c.microsecond = zero();
    else if (lower === 'hourly') {
      c.minute = zero();
      c.microsecond = zero();
    } else if (lower === 'daily') midnight();
    else if (lower === 'monthly') {
      c.day = one(1);
      midnight();
    } else if (lower === 'annually' || lower === 'yearly' || lower === 'anually') {
      c.month = one(1);
      c.day = one(1);
      midnight();
    } else if (lower === 'weekly') {
      c.weekdaysBits = 1;
      midnight();
    } else if (lower === 'quarterly') {
      c.month = one(1, 4, 7, 10);
      c.day = one(1);
      midnight();
    } else if (['biannually', 'bi-annually', 'semiannually', 'semi-annually'].includes(lower)) {
      c.month = one(1, 7);
      c.day = one(1);
      midnight();
    } else {
      const cur = new Cursor(p);
      parseWeekdays(cur, c);
      if (/[A-Za-z]/.test(cur.at())) {
        const word = /^[^ ]*/.exec(cur.s.slice(cur.i))![0];
        fail(
          cur.i === 0
            ? `${quote(word)} is neither a shorthand (daily, weekly, …), a weekday (Mon..Sun) nor a date`
            : `${quote(word)} is not a date or a time (order: weekday, date, time, time zone)`,
        );
      }
      const stamp = parseDate(cur, c);
      if (!stamp) parseTime(cur, c);
      if (cur.at() !== '') {
        if (stamp) fail(`nothing may follow an @timestamp (found ${rest(cur.s, cur.i)})`);
        fail(`unexpected ${rest(cur.s, cur.i)}`);
      }
    }
    // calendar_spec_normalize()
    if (c.timezone === 'UTC') {
      c.utc = true;
      c.timezone = null;
    }
    if (c.weekdaysBits <= 0 || c.weekdaysBits >= BITS_WEEKDAYS) c.weekdaysBits = -1;
    if (c.endOfMonth && !c.day) c.endOfMonth = false;
    fixYear(c.year);
    c.year = normalizeChain(c.year);
    c.month = normalizeChain(c.month);
    c.day = normalizeChain(c.day);
    c.hour = normalizeChain(c.hour);
    c.minute = normalizeChain(c.minute);
    c.microsecond = normalizeChain(c.microsecond);
    const problem =
      chainProblem(c.year, MIN_YEAR, MAX_YEAR, false, 'year', false) ??
      chainProblem(c.month, 1, 12, false, 'month', false) ??
      chainProblem(c.day, 1, 31, c.endOfMonth, 'day', false) ??
      chainProblem(c.hour, 0, 23, false, 'hour', false) ??
      chainProblem(c.minute, 0, 59, false, 'minute', false) ??
      chainProblem(c.microsecond, 0, 60 * USEC_PER_SEC - 1, false, 'second', true);
    if (problem) fail(problem);
    const spec: CalendarSpec = c;
    return { ok: true, spec, normalized: formatCalendarSpec(spec, localZone, opts.nowUsec) };
  } catch (e) {
    if (e instanceof ParseFailure)
      return { ok: false, error: { errno: e.errno, message: STRERROR[e.errno], reason: e.reason } };
    throw e;
  }
}

function formatWeekdays(bits: number): string {
  let out = '';
  let needComma = false;
  let l = -1;
  let x = 0;
  for (; x < 7; x++) {
    if (bits & (1 << x)) {
      if (l < 0) {
        if (needComma) out += ',';
        else needComma = true;
        out += WEEKDAY_SHORT[x];
        l = x;
      }
    } else if (l >= 0) {
      if (x > l + 1) out += (x > l + 2 ? '..' : ',') + WEEKDAY_SHORT[x - 1];
      l = -1;
    }
  }
  if (l >= 0 && x > l + 1) out += (x > l + 2 ? '..' : ',') + WEEKDAY_SHORT[x - 1];
  return out;
}

const pad = (n: number, w: number): string =>
  n < 0 ? '-' + String(-n).padStart(w - 1, '0') : String(n).padStart(w, '0');

function formatChain(chain: CalendarChain, space: number, usec: boolean): string {
  const d = usec ? USEC_PER_SEC : 1;
  if (!chain || (usec && chain.some((c) => c.start === 0 && c.stop < 0 && c.repeat === USEC_PER_SEC))) return '*';
  return chain
    .map((c) => {
      let s = pad(Math.trunc(c.start / d), space);
      if (c.start % d > 0) s += '.' + pad(c.start % d, 6);
      if (c.stop > 0) s += '..' + pad(Math.trunc(c.stop / d), space);
      if (c.stop % d > 0) s += '.' + pad(c.stop % d, 6);
      if (c.repeat > 0 && !(c.stop > 0 && c.repeat === d)) s += '/' + String(Math.trunc(c.repeat / d));
      if (c.repeat % d > 0) s += '.' + pad(c.repeat % d, 6);
      return s;
    })
    .join(',');
}

/** calendar_spec_to_string(): the normalized form. */
export function formatCalendarSpec(
  c: CalendarSpec,
  localZone: TimeZone = defaultLocalZone(),
  nowUsec?: number,
): string {
  let s = '';
  if (c.weekdaysBits > 0 && c.weekdaysBits <= BITS_WEEKDAYS) s += formatWeekdays(c.weekdaysBits) + ' ';
  s +=
    formatChain(c.year, 4, false) +
    '-' +
    formatChain(c.month, 2, false) +
    (c.endOfMonth ? '~' : '-') +
    formatChain(c.day, 2, false);
  s +=
    ' ' +
    formatChain(c.hour, 2, false) +
    ':' +
    formatChain(c.minute, 2, false) +
    ':' +
    formatChain(c.microsecond, 2, true);
  if (c.utc) s += ' UTC';
  else if (c.timezone) s += ' ' + c.timezone;
  else if (c.dst === 0 || c.dst === 1) {
    const name = localZone.tzname(Math.floor((nowUsec ?? 0) / USEC_PER_SEC) || 1767225600)[c.dst]!;
    if (name) s += ' ' + name;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Next elapse

export type ElapseResult =
  | { readonly ok: true; readonly usec: number }
  | { readonly ok: false; readonly errno: 'ENOENT' | 'EINVAL' | 'EDEADLK' | 'EZONE'; readonly message: string };

export interface ElapseOptions {
  readonly localZone?: TimeZone;
  /** glibc's mktime() memory of the process (systemd-analyze keeps one across its arguments). */
  readonly state?: MktimeState;
}

interface Ctx {
  readonly utc: boolean;
  readonly zone: TimeZone;
  readonly state: MktimeState;
}

const mkt = (tm: Tm, x: Ctx): number => (x.utc ? timegm(tm) : mktime(tm, x.zone, x.state));

function findEndOfMonth(tm: Tm, x: Ctx, day: number): number {
  const t = { ...tm };
  t.mon++;
  t.mday = 1 - day;
  if (mkt(t, x) < 0 || t.mon !== tm.mon) return -1;
  return t.mday;
}

/** find_matching_component(): [r, value]; r = -1 none, 0 unchanged, 1 changed. */
function findMatching(spec: CalendarSpec, chain: CalendarChain, tm: Tm, val: number, x: Ctx): [number, number] {
  if (!chain) return [0, val];
  const endOfMonth = spec.endOfMonth && chain === spec.day;
  let d = -1;
  let dSet = false;
  for (const c of chain) {
    let start: number, stop: number;
    if (endOfMonth) {
      start = findEndOfMonth(tm, x, c.start);
      stop = findEndOfMonth(tm, x, c.stop);
      if (stop > 0) [start, stop] = [stop, start];
    } else {
      start = c.start;
      stop = c.stop;
    }
    if (start >= val) {
      if (!dSet || start < d) {
        d = start;
        dSet = true;
      }
    } else if (c.repeat > 0) {
      const k = start + c.repeat * Math.trunc((val - start + c.repeat - 1) / c.repeat);
      if ((!dSet || k < d) && (stop < 0 || k <= stop)) {
        d = k;
        dSet = true;
      }
    }
  }
  if (!dSet) return [-1, val];
  return [val !== d ? 1 : 0, d];
}

const ERANGE = -34,
  EDEADLK = -35,
  ENOENT = -2,
  EOVERFLOW = -75;

/** tm_within_bounds(): 1 unchanged, 0 normalized (tm replaced), <0 error. */
function withinBounds(tm: Tm, x: Ctx): number {
  if (tm.year + 1900 > MAX_YEAR) return ERANGE;
  const t = { ...tm };
  if (mkt(t, x) < 0) return EOVERFLOW;
  // Normalization happened when a field changed: then the fields below it start over (3-33 becomes 4-2, and
  // 4-1 must not be skipped).
  let cmp: number;
  if ((cmp = Math.sign(t.year - tm.year)) !== 0) t.mon = 0;
  else if ((cmp = Math.sign(t.mon - tm.mon)) !== 0) t.mday = 1;
  else if ((cmp = Math.sign(t.mday - tm.mday)) !== 0) t.hour = 0;
  else if ((cmp = Math.sign(t.hour - tm.hour)) !== 0) t.min = 0;
  else if ((cmp = Math.sign(t.min - tm.min)) !== 0) t.sec = 0;
  else cmp = Math.sign(t.sec - tm.sec);
  if (cmp < 0) return EDEADLK;
  if (cmp > 0) Object.assign(tm, t);
  return cmp === 0 ? 1 : 0;
}

function matchesWeekday(bits: number, tm: Tm, x: Ctx): boolean {
  if (bits < 0 || bits >= BITS_WEEKDAYS) return true;
  const t = { ...tm };
  if (mkt(t, x) < 0) return false;
  const k = t.wday === 0 ? 6 : t.wday - 1;
  return (bits & (1 << k)) !== 0;
}

function findNext(spec: CalendarSpec, tm: Tm, usecIn: number, x: Ctx): { r: number; tm: Tm; usec: number } {
  const c = { ...tm };
  let tmUsec = usecIn;
  let r: number;
  const resetBelowDay = (): void => {
    c.hour = c.min = c.sec = tmUsec = 0;
  };
  // Once stuck on a wall-clock time that maps back to the start (a forced tm_isdst around a DST change), stop
  // forcing tm_isdst and let mktime() place the next hour, as systemd 252 does.
  let invalidateDst = false;
  for (let iteration = 0; iteration < MAX_CALENDAR_ITERATIONS; iteration++) {
    mkt(c, x);
    if (!invalidateDst) c.isdst = spec.dst;

    [r, c.year] = findMatching(spec, spec.year, c, c.year + 1900, x);
    c.year -= 1900;
    if (r > 0) {
      c.mon = 0;
      c.mday = 1;
      resetBelowDay();
    }
    if (r < 0) return { r, tm, usec: usecIn };
    if (withinBounds(c, x) <= 0) return { r: ENOENT, tm, usec: usecIn };

    [r, c.mon] = findMatching(spec, spec.month, c, c.mon + 1, x);
    c.mon -= 1;
    if (r > 0) {
      c.mday = 1;
      resetBelowDay();
    }
    if (r < 0 || (r = withinBounds(c, x)) < 0) {
      c.year++;
      c.mon = 0;
      c.mday = 1;
      resetBelowDay();
      continue;
    }
    if (r === 0) continue;

    [r, c.mday] = findMatching(spec, spec.day, c, c.mday, x);
    if (r > 0) resetBelowDay();
    if (r < 0 || (r = withinBounds(c, x)) < 0) {
      c.mon++;
      c.mday = 1;
      resetBelowDay();
      continue;
    }
    if (r === 0) continue;

    if (!matchesWeekday(spec.weekdaysBits, c, x)) {
      c.mday++;
      resetBelowDay();
      continue;
    }

    [r, c.hour] = findMatching(spec, spec.hour, c, c.hour, x);
    if (r > 0) c.min = c.sec = tmUsec = 0;
    if (r < 0 || (r = withinBounds(c, x)) < 0) {
      c.mday++;
      resetBelowDay();
      continue;
    }
    if (r === 0) continue;

    [r, c.min] = findMatching(spec, spec.minute, c, c.min, x);
    if (r > 0) c.sec = tmUsec = 0;
    if (r < 0 || (r = withinBounds(c, x)) < 0) {
      c.hour++;
      c.min = c.sec = tmUsec = 0;
      continue;
    }
    if (r === 0) continue;

    let v: number;
    [r, v] = findMatching(spec, spec.microsecond, c, c.sec * USEC_PER_SEC + tmUsec, x);
    tmUsec = v % USEC_PER_SEC;
    c.sec = Math.trunc(v / USEC_PER_SEC);
    if (r < 0 || (r = withinBounds(c, x)) < 0) {
      c.min++;
      c.sec = tmUsec = 0;
      continue;
    }
    if (r === 0) continue;

    let cmp =
      Math.sign(tm.year - c.year) ||
      Math.sign(tm.mon - c.mon) ||
      Math.sign(tm.mday - c.mday) ||
      Math.sign(tm.hour - c.hour) ||
      Math.sign(tm.min - c.min) ||
      Math.sign(tm.sec - c.sec);
    if (cmp === 0) cmp = Math.sign(usecIn - (tmUsec + 1));
    if (cmp >= 0) {
      invalidateDst = true;
      c.hour++;
      continue;
    }
    return { r: 0, tm: c, usec: tmUsec };
  }
  return { r: EDEADLK, tm, usec: usecIn };
}

/**
 * calendar_spec_next_usec(): the first elapse strictly after `usec` (µs since the epoch). A spec with a time zone
 * is computed in that zone (systemd forks a child with TZ set: the child's mktime() memory is thrown away after).
 */
export function nextElapse(spec: CalendarSpec, usec: number, opts: ElapseOptions = {}): ElapseResult {
  const parentState = opts.state ?? { offset: 0 };
  let zone = opts.localZone ?? defaultLocalZone();
  let state = parentState;
  if (spec.timezone) {
    const z = timeZoneByName(spec.timezone);
    if (!z)
      return {
        ok: false,
        errno: 'EZONE',
        message: `The time zone ${spec.timezone} is not in this program's time zone data`,
      };
    zone = z;
    state = { offset: parentState.offset };
  }
  if (usec > USEC_TIMESTAMP_FORMATTABLE_MAX) return { ok: false, errno: 'EINVAL', message: STRERROR.EINVAL };
  const x: Ctx = { utc: spec.utc, zone, state };
  const u = usec + 1;
  const t = Math.floor(u / USEC_PER_SEC);
  const tm = spec.utc ? gmtime(t) : localtime(t, zone);
  const res = findNext(spec, tm, u - t * USEC_PER_SEC, x);
  if (res.r === ENOENT) return { ok: false, errno: 'ENOENT', message: 'never' };
  if (res.r < 0) {
    return res.r === EDEADLK
      ? { ok: false, errno: 'EDEADLK', message: STRERROR.EDEADLK }
      : { ok: false, errno: 'ENOENT', message: 'never' };
  }
  const out = { ...res.tm };
  const tt = mkt(out, x);
  if (tt < 0) return { ok: false, errno: 'EINVAL', message: STRERROR.EINVAL };
  return { ok: true, usec: tt * USEC_PER_SEC + res.usec };
}

/** Up to `count` elapses after `usec`, each after the one before (like `systemd-analyze calendar --iterations`). */
export function nextElapses(
  spec: CalendarSpec,
  usec: number,
  count: number,
  opts: ElapseOptions = {},
): { elapses: number[]; error?: ElapseResult & { ok: false } } {
  const elapses: number[] = [];
  const state = opts.state ?? { offset: 0 };
  let n = usec;
  for (let i = 0; i < count; i++) {
    const r = nextElapse(spec, n, { ...opts, state });
    if (!r.ok) {
      if (r.errno === 'ENOENT') break;
      return { elapses, error: r };
    }
    elapses.push(r.usec);
    n = r.usec;
  }
  return { elapses };
}

// ---------------------------------------------------------------------------------------------------------------
// Timestamps as systemd prints them

const WDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** format_timestamp(): "Fri 2026-03-27 13:46:00 CET" in `zone` (UTC: "… UTC"). */
export function formatTimestamp(usec: number, zone: TimeZone = defaultLocalZone()): string {
  if (usec > USEC_TIMESTAMP_FORMATTABLE_MAX) return '--- XXXX-XX-XX XX:XX:XX';
  const tm = localtime(Math.floor(usec / USEC_PER_SEC), zone);
  const z = zone === UTC_ZONE ? 'UTC' : tm.zone;
  return `${WDAY[tm.wday]} ${tm.year + 1900}-${pad(tm.mon + 1, 2)}-${pad(tm.mday, 2)} ${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)}${z ? ' ' + z : ''}`;
}

const SEC = USEC_PER_SEC,
  MIN = 60 * SEC,
  HOUR = 60 * MIN,
  DAYU = 24 * HOUR,
  WEEK = 7 * DAYU;
const MONTH = 2629800 * SEC,
  YEAR = 31557600 * SEC;

/** format_timestamp_relative(): "8 months 7 days ago", "1h 2min left". */
export function formatTimestampRelative(usec: number, nowUsec: number): string {
  const ago = nowUsec > usec;
  const d = ago ? nowUsec - usec : usec - nowUsec;
  const s = ago ? 'ago' : 'left';
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const f = Math.floor;
  if (d >= YEAR)
    return `${plural(f(d / YEAR), 'year', 'years')} ${plural(f((d % YEAR) / MONTH), 'month', 'months')} ${s}`;
  if (d >= MONTH)
    return `${plural(f(d / MONTH), 'month', 'months')} ${plural(f((d % MONTH) / DAYU), 'day', 'days')} ${s}`;
  if (d >= WEEK) return `${plural(f(d / WEEK), 'week', 'weeks')} ${plural(f((d % WEEK) / DAYU), 'day', 'days')} ${s}`;
  if (d >= 2 * DAYU) return `${f(d / DAYU)} days ${s}`;
  if (d >= 25 * HOUR) return `1 day ${f((d - DAYU) / HOUR)}h ${s}`;
  if (d >= 6 * HOUR) return `${f(d / HOUR)}h ${s}`;
  if (d >= HOUR) return `${f(d / HOUR)}h ${f((d % HOUR) / MIN)}min ${s}`;
  if (d >= 5 * MIN) return `${f(d / MIN)}min ${s}`;
  if (d >= MIN) return `${f(d / MIN)}min ${f((d % MIN) / SEC)}s ${s}`;
  if (d >= SEC) return `${f(d / SEC)}s ${s}`;
  if (d >= 1000) return `${f(d / 1000)}ms ${s}`;
  if (d > 0) return `${d}us ${s}`;
  return 'now';
}

const SPAN_UNITS: Record<string, number> = {
  us: 1,
  usec: 1,
  ms: 1000,
  msec: 1000,
  s: SEC,
  sec: SEC,
  second: SEC,
  seconds: SEC,
  m: MIN,
  min: MIN,
  minute: MIN,
  minutes: MIN,
  h: HOUR,
  hr: HOUR,
  hour: HOUR,
  hours: HOUR,
  d: DAYU,
  day: DAYU,
  days: DAYU,
  w: WEEK,
  week: WEEK,
  weeks: WEEK,
  M: MONTH,
  month: MONTH,
  months: MONTH,
  y: YEAR,
  year: YEAR,
  years: YEAR,
};

function parseSpan(s: string): number | undefined {
  const re = /\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)/y;
  let total = 0;
  let any = false;
  re.lastIndex = 0;
  while (re.lastIndex < s.length) {
    const m = re.exec(s);
    if (!m) return undefined;
    const unit = m[2] === '' ? SEC : SPAN_UNITS[m[2]!];
    if (unit === undefined) return undefined;
    total += Math.round(Number(m[1]) * unit);
    any = true;
    if (/^\s*$/.test(s.slice(re.lastIndex))) break;
  }
  return any ? total : undefined;
}

/**
 * A subset of systemd's parse_timestamp() for --base-time: "now", "today", "yesterday", "tomorrow", "@SECONDS",
 * "+SPAN", "-SPAN", "SPAN ago", "SPAN left", "[WEEKDAY] YYYY-MM-DD [HH:MM[:SS[.FRACTION]]]", "HH:MM[:SS]", each
 * optionally followed by " UTC" or a time zone name. Returns µs since the epoch, or undefined.
 */
export function parseTimestamp(
  text: string,
  nowUsec: number,
  opts: { localZone?: TimeZone; state?: MktimeState; zoneFileExists?: (name: string) => boolean } = {},
): number | undefined {
  let s = text.trim();
  let zone = opts.localZone ?? defaultLocalZone();
  const state = opts.state ?? { offset: 0 };
  if (s === 'now') return nowUsec;
  if (s.startsWith('@')) {
    const m = /^@([0-9]+)(?:\.([0-9]{1,6}))?$/.exec(s);
    return m ? Number(m[1]) * SEC + (m[2] ? Number(m[2].padEnd(6, '0')) : 0) : undefined;
  }
  if (s.startsWith('+') || s.startsWith('-')) {
    const span = parseSpan(s.slice(1));
    return span === undefined ? undefined : s[0] === '+' ? nowUsec + span : nowUsec - span;
  }
  const rel = /^(.*)\s+(ago|left)$/.exec(s);
  if (rel) {
    const span = parseSpan(rel[1]!);
    return span === undefined ? undefined : rel[2] === 'ago' ? nowUsec - span : nowUsec + span;
  }
  let utc = false;
  const sp = s.lastIndexOf(' ');
  if (sp > 0) {
    const last = s.slice(sp + 1);
    if (last.toUpperCase() === 'UTC') {
      utc = true;
      s = s.slice(0, sp);
    } else if (timeZoneNameValid(last, opts.zoneFileExists) && timeZoneByName(last)) {
      zone = timeZoneByName(last)!;
      s = s.slice(0, sp);
    }
  }
  const x: Ctx = { utc, zone: utc ? UTC_ZONE : zone, state };
  const nowTm = utc ? gmtime(Math.floor(nowUsec / SEC)) : localtime(Math.floor(nowUsec / SEC), x.zone);
  const day = (delta: number): number | undefined => {
    const tm = { ...nowTm, hour: 0, min: 0, sec: 0, mday: nowTm.mday + delta, isdst: -1 };
    const t = mkt(tm, x);
    return t < 0 ? undefined : t * SEC;
  };
  if (s === 'today') return day(0);
  if (s === 'yesterday') return day(-1);
  if (s === 'tomorrow') return day(1);
  let weekday: number | undefined;
  const wd = /^([A-Za-z]+)\s+/.exec(s);
  if (wd) {
    const k = DAY_NAMES.find((d) => asciiLower(d[0]) === asciiLower(wd[1]!));
    if (!k) return undefined;
    weekday = (k[1] + 1) % 7;
    s = s.slice(wd[0].length);
  }
  const m =
    /^(?:([0-9]{2,4})-([0-9]{1,2})-([0-9]{1,2}))?(?:[ T]?([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?)?$/.exec(
      s,
    );
  if (!m || (!m[1] && !m[4])) return undefined;
  const tm: Tm = { ...nowTm, isdst: -1, hour: 0, min: 0, sec: 0 };
  if (m[1]) {
    const y = Number(m[1]);
    tm.year = (m[1].length === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y) - 1900;
    tm.mon = Number(m[2]) - 1;
    tm.mday = Number(m[3]);
    if (tm.mon > 11 || tm.mday < 1 || tm.mday > 31) return undefined;
  }
  if (m[4]) {
    tm.hour = Number(m[4]);
    tm.min = Number(m[5]);
    tm.sec = m[6] ? Number(m[6]) : 0;
    if (tm.hour > 23 || tm.min > 59 || tm.sec > 60) return undefined;
  }
  const want = { mday: tm.mday, mon: tm.mon };
  const t = mkt(tm, x);
  if (t < 0 || tm.mday !== want.mday || tm.mon !== want.mon) return undefined;
  if (weekday !== undefined && tm.wday !== weekday) return undefined;
  return t * SEC + (m[7] ? Number(m[7].padEnd(6, '0')) : 0);
}

/** The reason why `text` is not a calendar event systemd accepts, or undefined. */
export function calendarSpecProblem(text: string, opts: CalendarOptions = {}): string | undefined {
  const r = parseCalendarSpec(text, opts);
  return r.ok ? undefined : r.error.reason;
}

export { localtime, gmtime };
export const ZONE_UTC: TimeZone = UTC_ZONE;
