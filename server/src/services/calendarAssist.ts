/**
 * Calendar events (OnCalendar=) in the editor: the hover (normalized form and the next elapses in the user's time
 * zone, as `systemd-analyze calendar` computes them) and the completion items (shorthands, weekdays).
 */
import {
  parseCalendarSpec,
  nextElapses,
  formatTimestamp,
  formatTimestampRelative,
  defaultLocalZone,
  CALENDAR_SHORTHANDS,
  type TimeZone,
} from '../values/calendarSpec.js';

const SHORTHAND_MEANING: Record<string, string> = {
  minutely: 'every minute, at second 0',
  hourly: 'every hour, at minute 0',
  daily: 'every day at midnight',
  weekly: 'every Monday at midnight',
  monthly: 'on the 1st of every month at midnight',
  yearly: 'on January 1st at midnight',
  annually: 'on January 1st at midnight',
  quarterly: 'on the 1st of January, April, July and October at midnight',
  semiannually: 'on the 1st of January and July at midnight',
};

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Markdown for a hover on an OnCalendar= value, or undefined when the value has specifiers (known at run time). */
export function calendarHoverMarkdown(
  value: string,
  nowMs: number,
  zone: TimeZone = defaultLocalZone(),
  count = 5,
): string | undefined {
  if (value === '' || value.includes('%')) return undefined;
  const nowUsec = Math.floor(nowMs) * 1000;
  const r = parseCalendarSpec(value, { localZone: zone, nowUsec });
  if (!r.ok) return `\`${value}\` is not a calendar event systemd accepts: ${r.error.reason}.`;
  const lines = [`**Calendar event** \`${value}\``, '', `Normalized: \`${r.normalized}\``];
  const n = nextElapses(r.spec, nowUsec, count, { localZone: zone });
  if (n.error) lines.push('', `systemd cannot compute the next elapse: ${n.error.message}.`);
  else if (n.elapses.length === 0) lines.push('', 'Next elapse: **never** (every time it names is in the past).');
  else {
    lines.push('', `Next elapses (${zone.name}):`);
    for (const u of n.elapses) lines.push(`- ${formatTimestamp(u, zone)} (${formatTimestampRelative(u, nowUsec)})`);
  }
  return lines.join('\n');
}

export interface CalendarCompletion {
  readonly value: string;
  readonly doc?: string;
}

/**
 * What to offer for the word being typed in an OnCalendar= value: shorthands and weekdays for the first word
 * (weekdays come first in an event), the next weekday after "Mon," or "Mon..".
 */
export function calendarCompletions(before: string, word: string): CalendarCompletion[] {
  if (before.trim() !== '') return [];
  const cut = Math.max(word.lastIndexOf(','), word.lastIndexOf('.'), word.lastIndexOf('-'));
  if (cut >= 0) {
    const prefix = word.slice(0, cut + 1);
    return DAYS.map((d) => ({ value: prefix + d }));
  }
  const shorthands = CALENDAR_SHORTHANDS.filter((s) => SHORTHAND_MEANING[s]).map((s) => ({
    value: s,
    doc: `\`${s}\`: ${SHORTHAND_MEANING[s]}.`,
  }));
  const days = [
    ...DAYS.map((d) => ({ value: d })),
    { value: 'Mon..Fri', doc: 'Monday to Friday' },
    { value: 'Sat,Sun', doc: 'Saturday and Sunday' },
  ];
  return [...shorthands, ...days];
}
