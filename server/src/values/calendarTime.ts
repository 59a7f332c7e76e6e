/**
 * Broken-down time the way glibc does it, for calendarSpec.ts: gmtime, localtime in an IANA zone, timegm and mktime.
 *
 * systemd computes calendar elapses with `struct tm` and `mktime()`; its behaviour around DST gaps and overlaps is
 * glibc's. So mktime here follows glibc's algorithm (time/mktime.c, __mktime_internal): probe with a guessed UTC
 * offset, refine, detect the oscillation of a spring-forward gap, and look for a neighbouring time with the
 * requested tm_isdst. glibc keeps the last offset in a static variable, which changes the answer for ambiguous
 * local times: here that variable is the explicit `MktimeState`.
 *
 * Zone data comes from Intl (the ICU time zone database of the running JavaScript engine), not from
 * /usr/share/zoneinfo; the two are the same IANA data, possibly of different releases.
 * Pure: no file system, no clock.
 */
import { BoundedCache } from '../util/cache.js';

/** `struct tm`: year counts from 1900, mon from 0, wday 0 = Sunday. */
export interface Tm {
  sec: number;
  min: number;
  hour: number;
  mday: number;
  mon: number;
  year: number;
  wday: number;
  yday: number;
  isdst: number;
  gmtoff: number;
  zone: string;
}

/** glibc's `static mktime_offset_t localtime_offset` of one process. */
export interface MktimeState {
  offset: number;
}

export interface TimeZone {
  /** The name as given (an IANA name, or "UTC"). */
  readonly name: string;
  /** The UTC offset in seconds and whether it is daylight saving time, at time `t` (seconds since the epoch). */
  offsetAt(t: number): { offset: number; isdst: boolean };
  /** The abbreviation shown by strftime's %Z at time `t` ("CET", "EDT", "+0530"). */
  abbreviationAt(t: number): string;
  /** glibc's tzname[0] and tzname[1] after tzset(): the standard and the daylight saving abbreviation. */
  tzname(now: number): [string, string];
}

const DAY = 86400;

/** Days from 1970-01-01 to year-01-01 (proleptic Gregorian, any integer year). */
function daysBeforeYear(y: number): number {
  const y1 = y - 1;
  const f = (n: number, d: number): number => Math.floor(n / d);
  return 365 * (y - 1970) + (f(y1, 4) - f(y1, 100) + f(y1, 400)) - (f(1969, 4) - f(1969, 100) + f(1969, 400));
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MON_YDAY: readonly (readonly number[])[] = [
  [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
  [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];

export function daysInMonth(year: number, mon0: number): number {
  const l = isLeap(year) ? 1 : 0;
  return MON_YDAY[l]![mon0 + 1]! - MON_YDAY[l]![mon0]!;
}

/** Seconds of (tm_year, yday, h:m:s) as if UTC: glibc's ydhms_diff against the epoch. */
function ydhms(year: number, yday: number, hour: number, min: number, sec: number): number {
  return (daysBeforeYear(year + 1900) + yday) * DAY + hour * 3600 + min * 60 + sec;
}

export function gmtime(t: number, offset = 0, zone = 'UTC', isdst = 0): Tm {
  const s = t + offset;
  const days = Math.floor(s / DAY);
  let rem = s - days * DAY;
  const hour = Math.floor(rem / 3600);
  rem -= hour * 3600;
  const min = Math.floor(rem / 60);
  const sec = rem - min * 60;
  // civil from days (Howard Hinnant's algorithm)
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const yday = MON_YDAY[isLeap(y) ? 1 : 0]![m - 1]! + d - 1;
  const wday = (((days + 4) % 7) + 7) % 7;
  return { sec, min, hour, mday: d, mon: m - 1, year: y - 1900, wday, yday, isdst, gmtoff: offset, zone };
}

export function localtime(t: number, zone: TimeZone): Tm {
  const { offset, isdst } = zone.offsetAt(t);
  return gmtime(t, offset, zone.abbreviationAt(t), isdst ? 1 : 0);
}

/** timegm(): normalizes `tm` in place; exact arithmetic (UTC has no gaps). */
export function timegm(tm: Tm): number {
  const { year, yday } = normalizedYearDay(tm);
  const t = ydhms(year, yday, tm.hour, tm.min, tm.sec);
  Object.assign(tm, gmtime(t));
  return t;
}

function normalizedYearDay(tm: Tm): { year: number; yday: number } {
  const monRem = tm.mon % 12;
  const neg = monRem < 0 ? 1 : 0;
  const monYears = Math.trunc(tm.mon / 12) - neg;
  const year = tm.year + monYears;
  const yday = MON_YDAY[isLeap(year + 1900) ? 1 : 0]![monRem + 12 * neg]! - 1 + tm.mday;
  return { year, yday };
}

function isdstDiffer(a: number, b: number): boolean {
  return !a !== !b && a >= 0 && b >= 0;
}

/**
 * mktime() in `zone`: glibc's __mktime_internal with localtime as the conversion. Normalizes `tm` in place and
 * returns the time, or -1 (the probes did not converge).
 */
export function mktime(tm: Tm, zone: TimeZone, state: MktimeState): number {
  if (isUtcZone(zone)) {
    const t = timegm(tm);
    state.offset = 0;
    return t;
  }
  const convert = (t: number): Tm => localtime(t, zone);
  let remaining = 6;
  const secRequested = tm.sec;
  const { min, hour, isdst } = tm;
  const { year, yday } = normalizedYearDay(tm);
  let dst2 = 0;
  const off = state.offset;
  const sec = Math.min(59, Math.max(0, secRequested));
  const want = ydhms(year, yday, hour, min, sec);
  const t0 = want + off;
  let t = t0,
    t1 = t0,
    t2 = t0;
  let cur: Tm;
  let found = false;
  for (;;) {
    cur = convert(t);
    const dt = want - ydhms(cur.year, cur.yday, cur.hour, cur.min, cur.sec);
    if (dt === 0) break;
    const curDst = cur.isdst !== 0 ? 1 : 0;
    if (t === t1 && t !== t2 && (cur.isdst < 0 || (isdst < 0 ? dst2 <= curDst : (isdst !== 0 ? 1 : 0) !== curDst))) {
      found = true; // oscillating around a spring-forward gap
      break;
    }
    if (--remaining === 0) return -1;
    t1 = t2;
    t2 = t;
    t += dt;
    dst2 = curDst;
  }
  if (!found && isdstDiffer(isdst, cur.isdst)) {
    const stride = 601200;
    const durationMax = 536454000;
    const deltaBound = durationMax / 2 + stride;
    let ok = false;
    search: for (let delta = stride; delta < deltaBound; delta += stride) {
      for (let direction = -1; direction <= 1; direction += 2) {
        const ot = t + delta * direction;
        const otm = convert(ot);
        if (!isdstDiffer(isdst, otm.isdst)) {
          const gt = ot + (want - ydhms(otm.year, otm.yday, otm.hour, otm.min, otm.sec));
          cur = convert(gt);
          t = gt;
          ok = true;
          break search;
        }
      }
    }
    if (!ok) return -1;
  }
  state.offset = t - t0 + off;
  if (secRequested !== cur.sec) {
    const adj = (sec === 0 && cur.sec === 60 ? 1 : 0) - sec + secRequested;
    t += adj;
    cur = convert(t);
  }
  Object.assign(tm, cur);
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Zones from Intl

const formatters = new BoundedCache<string, Intl.DateTimeFormat | null>({ max: 256, ttlMs: Infinity });
const abbreviationFormatters = new BoundedCache<string, Intl.DateTimeFormat>({ max: 256, ttlMs: Infinity });
const offsets = new BoundedCache<string, number>({ max: 20000, ttlMs: Infinity });
const zones = new BoundedCache<string, TimeZone | null>({ max: 256, ttlMs: Infinity });

function formatterFor(name: string): Intl.DateTimeFormat | null {
  return formatters.get(name, () => {
    try {
      return new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      return null;
    }
  });
}

function intlOffset(fmt: Intl.DateTimeFormat, t: number): number {
  const parts = fmt.formatToParts(new Date(t * 1000));
  const v: Record<string, string> = {};
  for (const p of parts) v[p.type] = p.value;
  let y = Number(v.year);
  if (v.era === 'BC' || v.era === 'B') y = 1 - y;
  const mon0 = Number(v.month) - 1;
  const days = daysBeforeYear(y) + MON_YDAY[isLeap(y) ? 1 : 0]![mon0]! + Number(v.day) - 1;
  return days * DAY + (Number(v.hour) % 24) * 3600 + Number(v.minute) * 60 + Number(v.second) - t;
}

/**
 * Intl names zones per locale; glibc prints the tz database's abbreviations. The first alphabetic short name in
 * these locales matches the tz database for about 91% of the zones (the rest print as numeric offsets or differ).
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-CA', 'en-GB', 'en-ZA', 'en-AU', 'en-IN'];

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu']);

function isUtcZone(z: TimeZone): boolean {
  return z === UTC_ZONE;
}

export const UTC_ZONE: TimeZone = {
  name: 'UTC',
  offsetAt: () => ({ offset: 0, isdst: false }),
  abbreviationAt: () => 'UTC',
  tzname: () => ['UTC', 'UTC'],
};

function numericAbbreviation(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const h = Math.floor(a / 3600),
    m = Math.floor((a % 3600) / 60),
    s = a % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${sign}${two(h)}${m || s ? two(m) : ''}${s ? two(s) : ''}`;
}

/**
 * The time zone `name` as Intl knows it, or undefined. "UTC" and its aliases are exact arithmetic. Names that
 * /usr/share/zoneinfo has under posix/ are the same zones.
 */
export function timeZoneByName(name: string): TimeZone | undefined {
  return (
    zones.get(name, () => {
      if (UTC_NAMES.has(name)) return UTC_ZONE;
      const plain = name.startsWith('posix/') ? name.slice(6) : name;
      const fmt = formatterFor(plain);
      if (!fmt) return null;
      const offsetAt = (t: number): number => offsets.get(`${plain}\u0000${t}`, () => intlOffset(fmt, t));
      const standard = new BoundedCache<number, number>({ max: 512, ttlMs: Infinity });
      const standardOffset = (t: number): number => {
        const y = gmtime(t).year + 1900;
        return standard.get(y, () => {
          const jan = daysBeforeYear(y) * DAY;
          const jul = (daysBeforeYear(y) + 181) * DAY;
          return Math.min(offsetAt(jan), offsetAt(jul));
        });
      };
      const info = (t: number): { offset: number; isdst: boolean } => {
        const offset = offsetAt(t);
        return { offset, isdst: offset > standardOffset(t) };
      };
      const abbreviationAt = (t: number): string => {
        const offset = offsetAt(t);
        for (const locale of ABBREVIATION_LOCALES) {
          const f = abbreviationFormatters.get(
            `${locale}\u0000${plain}`,
            () => new Intl.DateTimeFormat(locale, { timeZone: plain, timeZoneName: 'short' }),
          );
          const abbr = f.formatToParts(new Date(t * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? '';
          if (/^[A-Z]{2,6}$/.test(abbr) && !(abbr === 'GMT' && offset !== 0)) return abbr;
        }
        return numericAbbreviation(offset);
      };
      const zone: TimeZone = {
        name,
        offsetAt: info,
        abbreviationAt,
        tzname: (now: number) => {
          const y = gmtime(now).year + 1900;
          const jan = daysBeforeYear(y) * DAY,
            jul = (daysBeforeYear(y) + 181) * DAY;
          const a = info(jan),
            b = info(jul);
          const std = a.isdst ? b : a,
            dst = a.isdst ? a : b.isdst ? b : undefined;
          const stdAbbr = abbreviationAt(std === a ? jan : jul);
          return [stdAbbr, dst ? abbreviationAt(dst === a ? jan : jul) : stdAbbr];
        },
      };
      return zone;
    }) ?? undefined
  );
}

/** The local zone's name, found once per value of TZ (node resets the engine's zone when TZ is assigned). */
let localZoneName: { tz: string | undefined; name: string } | undefined;

/**
 * Whether the engine's local zone is UTC, asked without Intl: `Intl.DateTimeFormat().resolvedOptions()` loads
 * ICU's locale data (about 5 MiB of the node binary paged in), while the Date offsets and the zone's English name
 * in `Date.prototype.toString` cost a few pages. Zones at offset 0 with another name (GMT, Africa/Abidjan) are not
 * UTC: their abbreviation differs.
 */
function engineZoneIsUtc(): boolean {
  const samples = [0, 1_767_225_600_000, 1_782_864_000_000, Date.now()];
  if (samples.some((t) => new Date(t).getTimezoneOffset() !== 0)) return false;
  return new Date(0).toString().endsWith('(Coordinated Universal Time)');
}

/** The zone the JavaScript engine runs in (TZ, /etc/localtime), as `timeZoneByName` gives it. */
export function defaultLocalZone(): TimeZone {
  const tz = process.env.TZ;
  if (localZoneName === undefined || localZoneName.tz !== tz) {
    let name = 'UTC';
    try {
      if (!engineZoneIsUtc()) name = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch {
      // keep UTC
    }
    localZoneName = { tz, name };
  }
  return timeZoneByName(localZoneName.name) ?? UTC_ZONE;
}

/**
 * Whether `name` is a time zone systemd would accept (timezone_is_valid(): letters, digits, "-_+/", no leading,
 * trailing or double slash, and a zone file of that exact name). Without a zone folder to look in, the file test
 * is "Intl knows the zone, and the name is spelled with the capitals of IANA names".
 */
export function timeZoneNameValid(name: string, fileExists?: (name: string) => boolean): boolean {
  if (name === '') return false;
  if (name === 'UTC') return true;
  if (!/^[A-Za-z0-9_+/-]+$/.test(name) || name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return false;
  if (fileExists) return fileExists(name);
  if (name.startsWith('posix/') || name.startsWith('right/')) return false;
  const fmt = formatterFor(name);
  if (!fmt) return false;
  const resolved = fmt.resolvedOptions().timeZone;
  if (resolved.toLowerCase() === name.toLowerCase()) return resolved === name || UTC_NAMES.has(name);
  // An alias (Asia/Kolkata, US/Eastern, EST5EDT): Intl ignores case, zone files do not.
  return name.split('/').every((seg) => /^[A-Z0-9]/.test(seg));
}
