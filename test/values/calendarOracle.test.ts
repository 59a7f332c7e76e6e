/**
 * Oracle: every expression of data/calendar-oracle.txt, group by group, through `systemd-analyze calendar
 * --base-time=BASE --iterations=5` (one run per group, with TZ set to the group's local zone) and through
 * calendarSpec.ts. Verdict, normalized form and the 5 next elapses must agree exactly.
 * CI runs on Debian 12 with systemd 252 (the oracle); the test fails where systemd-analyze is missing.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseCalendarSpec,
  nextElapses,
  formatTimestamp,
  parseTimestamp,
  timeZoneByName,
  type MktimeState,
} from '../../server/src/values/calendarSpec.js';

interface Group {
  tz: string;
  base: string;
  exprs: string[];
}

export function oracleGroups(): Group[] {
  const text = readFileSync(join(__dirname, '../../data/calendar-oracle.txt'), 'utf8');
  const groups: Group[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^@group (\S+) \| (.*)$/.exec(line);
    if (m) groups.push({ tz: m[1]!, base: m[2]!, exprs: [] });
    else groups[groups.length - 1]!.exprs.push(line);
  }
  return groups;
}

/** One block per expression: the lines we compare (no "From now", no "(in UTC)"), '' for a refused one. */
function systemdBlocks(g: Group): string[] {
  const r = spawnSync('systemd-analyze', ['calendar', `--base-time=${g.base}`, '--iterations=5', '--', ...g.exprs], {
    env: { ...process.env, TZ: g.tz, SYSTEMD_COLORS: '0', LC_ALL: 'C' },
    encoding: 'utf8',
    timeout: 60000,
  });
  expect(r.error, 'systemd-analyze must be installed (CI: Debian 12, systemd 252)').toBeUndefined();
  const lines = r.stdout.split('\n');
  const out: string[] = [];
  let i = 0;
  for (let k = 0; k < g.exprs.length; k++) {
    const b: string[] = [];
    while (i < lines.length && lines[i] !== '') b.push(lines[i++]!);
    i++;
    out.push(b.filter((l) => !/From now:|\(in UTC\):/.test(l)).join('\n'));
  }
  return out;
}

function ourBlocks(g: Group): string[] {
  const zone = timeZoneByName(g.tz)!;
  const state: MktimeState = { offset: 0 };
  const base = parseTimestamp(g.base, Date.now() * 1000, { localZone: zone, state })!;
  return g.exprs.map((e) => {
    const r = parseCalendarSpec(e, { localZone: zone, nowUsec: base });
    if (!r.ok) return '';
    const lines: string[] = [];
    if (r.normalized !== e) lines.push(`  Original form: ${e}`);
    lines.push(`Normalized form: ${r.normalized}`);
    const n = nextElapses(r.spec, base, 5, { localZone: zone, state });
    if (n.error) return '';
    if (n.elapses.length === 0) lines.push('    Next elapse: never');
    n.elapses.forEach((u, i) =>
      lines.push(`${i === 0 ? '    Next elapse' : `       Iter. #${i + 1}`}: ${formatTimestamp(u, zone)}`),
    );
    return lines.join('\n');
  });
}

describe('calendar expressions agree with systemd-analyze calendar (252)', () => {
  const groups = oracleGroups();
  it('has at least 300 expressions, valid and invalid, with time zones', () => {
    const all = groups.flatMap((g) => g.exprs);
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(all.filter((e) => / [A-Z][a-z]+\/[A-Z]/.test(e)).length).toBeGreaterThan(30);
    expect(new Set(groups.map((g) => g.tz)).size).toBeGreaterThanOrEqual(3);
  });
  it('verdict, normalized form and the next 5 elapses: 100%', () => {
    let total = 0,
      valid = 0;
    const mismatches: string[] = [];
    for (const g of groups) {
      const theirs = systemdBlocks(g);
      const ours = ourBlocks(g);
      g.exprs.forEach((e, k) => {
        total++;
        if (theirs[k] !== '') valid++;
        if (theirs[k] !== ours[k])
          mismatches.push(
            `[TZ=${g.tz} base ${g.base}] ${JSON.stringify(e)}\n systemd:\n${theirs[k]}\n ours:\n${ours[k]}`,
          );
      });
    }
    expect(mismatches.slice(0, 5).join('\n\n')).toBe('');
    expect(total - valid).toBeGreaterThan(50);
    expect(valid).toBeGreaterThan(200);
  });
});
