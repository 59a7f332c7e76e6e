/** `systemd-units calendar`: text like systemd-analyze calendar, JSON, exit codes. */
import { describe, it, expect } from 'vitest';
import { main } from '../../server/src/cli.js';
import { runCalendar } from '../../server/src/cli/calendar.js';
import { timeZoneByName, UTC_ZONE } from '../../server/src/values/calendarSpec.js';

function run(args: string[], now?: number, zone = UTC_ZONE): { code: number; out: string; err: string } {
  let out = '',
    err = '';
  const io = {
    stdout: (s: string) => {
      out += s;
    },
    stderr: (s: string) => {
      err += s;
    },
  };
  const code = now === undefined ? main(['calendar', ...args], io) : runCalendar(args, io, now, zone);
  return { code, out, err };
}

const NOW = Date.UTC(2026, 11, 4, 11, 21, 11) * 1000;

describe('systemd-units calendar', () => {
  it('prints like systemd-analyze calendar (UTC)', () => {
    const r = run(
      ['--iterations', '2', '--base-time', '2026-03-27 12:00:00 UTC', 'daily', 'bogus', '*-*-* 02:30:00 Europe/Berlin'],
      NOW,
    );
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      [
        '  Original form: daily',
        'Normalized form: *-*-* 00:00:00',
        '    Next elapse: Sat 2026-03-28 00:00:00 UTC',
        '       From now: 8 months 7 days ago',
        '       Iter. #2: Sun 2026-03-29 00:00:00 UTC',
        '       From now: 8 months 6 days ago',
        '',
        '',
        'Normalized form: *-*-* 02:30:00 Europe/Berlin',
        '    Next elapse: Sat 2026-03-28 01:30:00 UTC',
        '       From now: 8 months 7 days ago',
        // 02:30 does not exist in Berlin on 2026-03-29 (clocks go forward): skipped, as systemd does
        '       Iter. #2: Mon 2026-03-30 00:30:00 UTC',
        '       From now: 8 months 5 days ago',
        '',
      ].join('\n'),
    );
    expect(r.err).toMatch(
      /^Failed to parse calendar specification 'bogus': Invalid argument \('bogus' is neither a shorthand/,
    );
  });

  it('adds "(in UTC)" lines in another local zone', () => {
    const r = run(['--base-time=2026-03-27 12:00:00 UTC', 'Mon 02:30'], NOW, timeZoneByName('Europe/Berlin'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      '    Next elapse: Mon 2026-03-30 02:30:00 CEST\n       (in UTC): Mon 2026-03-30 00:30:00 UTC\n',
    );
  });

  it('prints "never" for an elapse in the past', () => {
    const r = run(['--base-time', '2026-03-27 12:00:00 UTC', '2020-01-01'], NOW);
    expect(r.out).toBe('  Original form: 2020-01-01\nNormalized form: 2020-01-01 00:00:00\n    Next elapse: never\n');
    expect(r.code).toBe(0);
  });

  it('JSON: one element per expression', () => {
    const r = run([
      '--format',
      'json',
      '--iterations',
      '3',
      '--base-time',
      '@1774612800',
      'hourly',
      '*-*-* 25:00',
      'Fri *-*-13 UTC',
    ]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(j).toHaveLength(3);
    expect(j[0]).toEqual({
      expression: 'hourly',
      ok: true,
      normalized: '*-*-* *:00:00',
      next: expect.any(Array),
      error: null,
    });
    expect((j[0]!.next as string[]).length).toBe(3);
    expect(j[1]).toMatchObject({ expression: '*-*-* 25:00', ok: false, normalized: null, next: [] });
    expect(String(j[1]!.error)).toContain('the hour 25 is out of range');
    expect(j[2]).toMatchObject({ ok: true, normalized: 'Fri *-*-13 00:00:00 UTC' });
    expect((j[2]!.next as string[])[0]).toMatch(/^Fri 2026-11-13 00:00:00 /);
  });

  it('formats elapses like systemd with TZ=UTC', () => {
    const r = run(['--format=json', '--base-time', '2026-03-27 13:45:00 UTC', '*:0/2'], NOW);
    expect((JSON.parse(r.out) as Array<{ next: string[] }>)[0]!.next).toEqual(['Fri 2026-03-27 13:46:00 UTC']);
  });

  it('bad usage exits 2', () => {
    expect(run([]).code).toBe(2);
    expect(run(['--iterations', '0', 'daily']).code).toBe(2);
    expect(run(['--format', 'xml', 'daily']).code).toBe(2);
    expect(run(['--base-time', 'whenever', 'daily']).code).toBe(2);
    expect(run(['--bogus', 'daily']).code).toBe(2);
    expect(run(['--help']).code).toBe(0);
  });
});
