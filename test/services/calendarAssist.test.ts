/** OnCalendar= in the editor: hover with the normalized form and next elapses; completion of shorthands and weekdays. */
import { describe, it, expect } from 'vitest';
import { getHover } from '../../server/src/services/hover.js';
import { getCompletions } from '../../server/src/services/completion.js';
import { calendarHoverMarkdown } from '../../server/src/services/calendarAssist.js';
import { timeZoneByName, UTC_ZONE } from '../../server/src/values/calendarSpec.js';
import { withCursor } from '../support/cursor.js';

const NOW = Date.UTC(2026, 2, 27, 12, 0, 0);
const hover = (text: string) => {
  const { doc, offset } = withCursor('/x/a.timer', text);
  return getHover(doc, offset, { manPages: false, now: () => NOW })?.markdown ?? '';
};
const labels = (text: string) => {
  const { doc, offset } = withCursor('/x/a.timer', text);
  return getCompletions(doc, offset, { targetVersion: 260 }).map((c) => c.label);
};

describe('OnCalendar= hover', () => {
  it('shows the normalized form and the next 5 elapses', () => {
    const h = hover('[Timer]\nOnCalendar=Mon..Fri 02:$030 Europe/Berlin\n');
    expect(h).toContain('Normalized: `Mon..Fri *-*-* 02:30:00 Europe/Berlin`');
    expect(h.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(5);
  });

  it('elapses are shown in the given zone, with the time left', () => {
    const md = calendarHoverMarkdown('daily', NOW, timeZoneByName('Europe/Berlin'))!;
    expect(md).toContain('Next elapses (Europe/Berlin):');
    expect(md).toContain('- Sat 2026-03-28 00:00:00 CET (11h left)');
    // 2026-03-29: clocks go forward at 02:00 in Berlin; midnight is still there, now in CET
    expect(md).toContain('- Sun 2026-03-29 00:00:00 CET');
    expect(md).toContain('- Mon 2026-03-30 00:00:00 CEST');
    expect(calendarHoverMarkdown('*:0/20', NOW, UTC_ZONE)).toContain('- Fri 2026-03-27 12:20:00 UTC (20min left)');
  });

  it('says why a value is refused, and "never" for past events', () => {
    expect(hover('[Timer]\nOnCalendar=*-*-* 2$05:00\n')).toContain('the hour 25 is out of range');
    expect(calendarHoverMarkdown('2020-01-01', NOW, UTC_ZONE)).toContain('**never**');
  });

  it('leaves values with specifiers alone', () => {
    expect(calendarHoverMarkdown('%i', NOW)).toBeUndefined();
  });
});

describe('OnCalendar= completion', () => {
  it('offers the shorthands and weekday names first', () => {
    const l = labels('[Timer]\nOnCalendar=$0\n');
    for (const s of [
      'daily',
      'weekly',
      'monthly',
      'hourly',
      'minutely',
      'yearly',
      'quarterly',
      'semiannually',
      'Mon',
      'Sun',
      'Mon..Fri',
    ])
      expect(l).toContain(s);
    expect(labels('[Timer]\nOnCalendar=da$0\n')).toContain('daily');
  });

  it('completes the second weekday of a list or range', () => {
    expect(labels('[Timer]\nOnCalendar=Mon..$0\n')).toContain('Mon..Fri');
    expect(labels('[Timer]\nOnCalendar=Sat,$0\n')).toContain('Sat,Sun');
  });

  it('offers nothing after the first word', () => {
    expect(labels('[Timer]\nOnCalendar=Mon $0\n')).not.toContain('daily');
  });
});
