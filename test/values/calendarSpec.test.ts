/** calendarSpec.ts on its own: never throws, and a few facts systemd's parser has that are easy to get wrong. */
import { describe, it, expect } from 'vitest';
import { parseCalendarSpec, nextElapse, UTC_ZONE } from '../../server/src/values/calendarSpec.js';
import { calendarProblem } from '../../server/src/values/calendar.js';

const norm = (s: string) => {
  const r = parseCalendarSpec(s, { localZone: UTC_ZONE });
  return r.ok ? r.normalized : `!${r.error.errno}`;
};

describe('calendar spec', () => {
  it('normalizes like systemd', () => {
    expect(norm('Mon,Tue,Wed 9:00')).toBe('Mon..Wed *-*-* 09:00:00');
    expect(norm('Sat,Sun,Mon')).toBe('Mon,Sat,Sun *-*-* 00:00:00');
    expect(norm('*:*:0/0.5')).toBe('*-*-* *:*:00/0.500000');
    expect(norm('*-*-* 8..18/5:00')).toBe('*-*-* 08..18/5:00:00');
    expect(norm('*-*-* 8..17/5:00')).toBe('*-*-* 08..13/5:00:00');
    expect(norm('26-1-1')).toBe('2026-01-01 00:00:00');
    expect(norm('@1800000000')).toBe('2027-01-15 08:00:00 UTC');
    expect(norm('quarterly')).toBe('*-01,04,07,10-01 00:00:00');
  });

  it('refuses with errno and a reason', () => {
    expect(norm('*:50/20')).toBe('!EINVAL');
    expect(norm('*:0/0')).toBe('!ERANGE');
    expect(calendarProblem('*-*-* 25:00')).toContain('the hour 25 is out of range');
    expect(calendarProblem('Fri..Mon')).toContain('goes backwards');
    expect(calendarProblem('daily')).toBeUndefined();
  });

  it('never throws, and stays fast on long input', () => {
    const alphabet = '0123456789*-~:.,/ @MonTueUTCEurope/Berlin';
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const n = Math.floor(rnd() * 30);
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const r = parseCalendarSpec(s, { localZone: UTC_ZONE });
      if (r.ok) expect(() => nextElapse(r.spec, 1774612800e6, { localZone: UTC_ZONE })).not.toThrow();
    }
    const t = Date.now();
    expect(parseCalendarSpec(`*:${'1,'.repeat(5000)}1`).ok).toBe(false);
    expect(parseCalendarSpec('Mon'.repeat(20000)).ok).toBe(false);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});
