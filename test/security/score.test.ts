/**
 * The assessors on edge cases, against what systemd 252's `systemd-analyze security --offline=true` printed for the
 * same unit (oracle-cases.json, recorded on Debian 12 with systemd 252.38: overall exposure and label, and each
 * check's json_field → [set, share]). The whole corpus is compared in test/conformance/security.mjs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveOfText, mergeUnit } from '../../server/src/units/effective.js';
import { scoreService, checksFor, labelOf } from '../../server/src/services/security/index.js';

interface Case {
  name: string;
  unit: string;
  text: string;
  exposure: string;
  label: string;
  checks: Record<string, [boolean | null, string | null]>;
}
const cases = JSON.parse(readFileSync(join(__dirname, 'oracle-cases.json'), 'utf8')) as Case[];

describe('security score = systemd-analyze security (252)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const s = scoreService(effectiveOfText(c.text, `/x/${c.unit}`), c.unit, 252);
      expect(`${s.exposure} ${s.label}`).toBe(`${c.exposure} ${c.label}`);
      const ours = Object.fromEntries(s.checks.map((x) => [x.json_field, [x.set, x.exposure]]));
      expect(ours).toEqual(c.checks);
    });
  }
});

describe('security score: the table and the formula', () => {
  it('has 81 checks for 252 (252.19+ has CAP_BPF) and later, 80 before', () => {
    expect(checksFor(252)).toHaveLength(81);
    expect(checksFor(260)).toHaveLength(81);
    expect(checksFor(251)).toHaveLength(80);
    expect(checksFor(260).reduce((a, c) => a + c.weight, 0)).toBe(56460);
  });
  it('labels by threshold', () => {
    expect([0, 1, 9, 10, 49, 50, 74, 75, 89, 90, 99, 100].map(labelOf)).toEqual([
      'PERFECT',
      'SAFE',
      'SAFE',
      'OK',
      'OK',
      'MEDIUM',
      'MEDIUM',
      'EXPOSED',
      'EXPOSED',
      'UNSAFE',
      'UNSAFE',
      'DANGEROUS',
    ]);
  });
  it('a drop-in counts: the effective unit is scored', () => {
    const eff = mergeUnit([
      { path: '/usr/lib/systemd/system/a.service', text: '[Service]\nExecStart=/bin/true\nUser=foo\n', vendor: true },
      { path: '/etc/systemd/system/a.service.d/h.conf', text: '[Service]\nPrivateTmp=yes\nProtectSystem=strict\n' },
    ]);
    const s = scoreService(eff, 'a.service', 252);
    expect(s.checks.find((c) => c.json_field === 'PrivateTmp')?.set).toBe(true);
    expect(s.checks.find((c) => c.json_field === 'ProtectSystem')?.set).toBe(true);
  });
  it('260 accepts PrivateTmp=disconnected as set; 252 ignores the value', () => {
    const eff = effectiveOfText('[Service]\nExecStart=/bin/true\nPrivateTmp=disconnected\n', '/x/a.service');
    expect(scoreService(eff, 'a.service', 260).checks.find((c) => c.json_field === 'PrivateTmp')?.set).toBe(true);
    expect(scoreService(eff, 'a.service', 252).checks.find((c) => c.json_field === 'PrivateTmp')?.set).toBe(false);
  });
  it('260 groups: an allow list with open_tree no longer leaks @mount', () => {
    const eff = effectiveOfText('[Service]\nExecStart=/bin/true\nSystemCallFilter=open_tree\n', '/x/a.service');
    expect(
      scoreService(eff, 'a.service', 252).checks.find((c) => c.json_field === 'SystemCallFilter_mount')?.badness,
    ).toBe(9);
    expect(
      scoreService(eff, 'a.service', 260).checks.find((c) => c.json_field === 'SystemCallFilter_mount')?.badness,
    ).toBe(0);
  });
});
