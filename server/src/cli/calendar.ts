/**
 * `systemd-units calendar [--iterations N] [--base-time TIME] [--format text|json] EXPR...`
 *
 * Like `systemd-analyze calendar`: each expression's normalized form and next elapses, computed as systemd 252 does
 * (values/calendarSpec.ts). Times are shown in the local time zone (TZ, /etc/localtime), with "(in UTC)" lines when
 * that is not UTC. Time zone names in expressions are checked as systemd does, against /usr/share/zoneinfo when
 * the machine has it. Exit codes: 0 all parsed, 1 an expression was refused, 2 bad usage.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import {
  parseCalendarSpec,
  nextElapses,
  formatTimestamp,
  formatTimestampRelative,
  parseTimestamp,
  defaultLocalZone,
  UTC_ZONE,
  type MktimeState,
  type TimeZone,
} from '../languageService.js';

export interface CommandIO {
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = `Usage: systemd-units calendar [--iterations N] [--base-time TIME] [--format text|json] EXPR...
  Normalize calendar expressions (as in OnCalendar=) and show when they elapse next, like systemd-analyze calendar.
  --iterations N     show the next N elapses (default 1)
  --base-time TIME   compute from TIME instead of now ("2026-03-27 12:00:00", "@1774612800", "+1d", "tomorrow", … UTC)
  --format text|json text like systemd-analyze, or one JSON array element per expression:
                     {expression, ok, normalized, next: [...], error}
  Exit code: 0 every expression is valid, 1 one is not, 2 bad usage.`;

const ZONEINFO = '/usr/share/zoneinfo/';

/** systemd's timezone_is_valid() file test: a regular file starting with the TZif magic. */
function zoneFileExists(name: string): boolean {
  try {
    const path = ZONEINFO + name;
    if (!statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(4);
      return readSync(fd, buf, 0, 4, 0) === 4 && buf.toString('latin1') === 'TZif';
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

export interface CalendarResult {
  expression: string;
  ok: boolean;
  normalized: string | null;
  next: string[];
  error: string | null;
}

/** glibc's "timezone == 0 && daylight == 0": no offset, no daylight saving time. */
function inUtc(zone: TimeZone, nowSec: number): boolean {
  if (zone === UTC_ZONE) return true;
  const jan = zone.offsetAt(nowSec - (nowSec % 31556952));
  const jul = zone.offsetAt(nowSec - (nowSec % 31556952) + 15778476);
  return jan.offset === 0 && jul.offset === 0 && !jan.isdst && !jul.isdst;
}

export function runCalendar(
  args: string[],
  io: CommandIO,
  nowUsec: number = Date.now() * 1000,
  localZone: TimeZone = defaultLocalZone(),
): number {
  let iterations = 1;
  let baseText: string | undefined;
  let format: 'text' | 'json' = 'text';
  const exprs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (flag === '--help' || flag === '-h') {
      io.stdout(`${USAGE}\n`);
      return 0;
    } else if (flag === '--iterations') {
      const v = value();
      if (!v || !/^[0-9]+$/.test(v) || Number(v) < 1 || Number(v) > 100000)
        return usage(io, '--iterations needs a positive number');
      iterations = Number(v);
    } else if (flag === '--base-time') {
      baseText = value();
      if (baseText === undefined) return usage(io, '--base-time needs a time');
    } else if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') return usage(io, '--format is text or json');
      format = v;
    } else if (a === '--') {
      exprs.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('--')) return usage(io, `unknown option ${a}`);
    else exprs.push(a);
  }
  if (exprs.length === 0) return usage(io, 'no calendar expression given');
  const state: MktimeState = { offset: 0 };
  const zoneCheck = existsSync(ZONEINFO) ? zoneFileExists : undefined;
  let base = nowUsec;
  if (baseText !== undefined) {
    const b = parseTimestamp(baseText, nowUsec, { localZone, state, zoneFileExists: zoneCheck });
    if (b === undefined) return usage(io, `cannot read the base time '${baseText}'`);
    base = b;
  }

  const results: CalendarResult[] = [];
  const blocks: string[] = [];
  let failed = false;
  const showUtc = !inUtc(localZone, Math.floor(nowUsec / 1e6));
  for (const expression of exprs) {
    const r = parseCalendarSpec(expression, { localZone, nowUsec, zoneFileExists: zoneCheck });
    if (!r.ok) {
      failed = true;
      const error = `Failed to parse calendar specification '${expression}': ${r.error.message} (${r.error.reason})`;
      results.push({ expression, ok: false, normalized: null, next: [], error });
      if (format === 'text') io.stderr(`${error}\n`);
      blocks.push('');
      continue;
    }
    const n = nextElapses(r.spec, base, iterations, { localZone, state });
    const next = n.elapses.map((u) => formatTimestamp(u, localZone));
    if (n.error) {
      failed = true;
      const error = `Failed to determine next elapse for '${expression}': ${n.error.message}`;
      results.push({ expression, ok: false, normalized: r.normalized, next, error });
      if (format === 'text') io.stderr(`${error}\n`);
      blocks.push('');
      continue;
    }
    results.push({ expression, ok: true, normalized: r.normalized, next, error: null });
    const rows: Array<[string, string]> = [];
    if (r.normalized !== expression) rows.push(['Original form', expression]);
    rows.push(['Normalized form', r.normalized]);
    if (n.elapses.length === 0) rows.push(['Next elapse', 'never']);
    n.elapses.forEach((u, i) => {
      rows.push([i === 0 ? 'Next elapse' : `Iter. #${i + 1}`, next[i]!]);
      if (showUtc) rows.push(['(in UTC)', formatTimestamp(u, UTC_ZONE)]);
      rows.push(['From now', formatTimestampRelative(u, nowUsec)]);
    });
    const width = Math.max(...rows.map(([k]) => k.length));
    blocks.push(rows.map(([k, v]) => `${k.padStart(width)}: ${v}\n`).join(''));
  }
  if (format === 'json') io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  else io.stdout(blocks.join('\n'));
  return failed ? 1 : 0;
}

function usage(io: CommandIO, message: string): number {
  io.stderr(`systemd-units calendar: ${message}\n${USAGE}\n`);
  return 2;
}
