/**
 * Calendar events (systemd.time(7)): the verdict is calendarSpec.ts's, which follows systemd's own parser
 * (calendar_spec_from_string() of systemd 252) and agrees with `systemd-analyze calendar` on the oracle corpus
 * (data/calendar-oracle.txt). Time zone names are checked against the zones Intl knows, and the local zone's
 * abbreviations (tzname) are those of the zone this program runs in, as for systemd.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err } from './util.js';
import { checkSpecifiers } from './specifiers.js';
import { specifierContextFor } from './context.js';
import { calendarSpecProblem } from './calendarSpec.js';

/** Reason why `spec` is not a calendar event systemd accepts, or undefined. */
export function calendarProblem(spec: string): string | undefined {
  return calendarSpecProblem(spec);
}

export function validateCalendar(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const out = checkSpecifiers(value, specifierContextFor(ctx), ctx.targetVersion, 0);
  if (out.some((p) => p.severity === 'error') || value.includes('%')) return out;
  const reason = calendarProblem(value);
  if (reason)
    out.push(
      err(
        0,
        value.length,
        `Invalid calendar specification '${value}': ${reason}; see systemd.time(7), e.g. 'daily' or 'Mon *-*-* 02:00'.`,
      ),
    );
  return out;
}
