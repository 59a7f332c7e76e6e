/**
 * Every hardening quick fix does what its title says: on a unit that fails the check, the added line makes that
 * check pass (or, for the "other families" check, not fail) and lowers the score. Also the code family: one
 * `hardening-…` code per check, in the codes table.
 */
import { describe, it, expect } from 'vitest';
import { CODES, mergeUnit } from '../../server/src/languageService.js';
import {
  checksFor,
  fixForCheck,
  fixLine,
  hardeningCodeOf,
  scoreService,
  scoreWithLine,
  securityHoverMarkdown,
  withServiceLine,
} from '../../server/src/services/security/index.js';

const UNITS = {
  root: '[Service]\nExecStart=/usr/bin/d\nNotifyAccess=all\nDelegate=yes\nKeyringMode=shared\nAmbientCapabilities=CAP_NET_ADMIN\n',
  user: '[Service]\nExecStart=/usr/bin/d\nUser=daemon\nSupplementaryGroups=adm\n',
};

describe('hardening fixes', () => {
  for (const version of [252, 260]) {
    for (const [kind, text] of Object.entries(UNITS)) {
      it(`each fix passes its check (${kind} service, systemd ${version})`, () => {
        const sources = [{ path: '/etc/systemd/system/d.service', text }];
        const before = scoreService(mergeUnit(sources), 'd.service', version);
        const wrong: string[] = [];
        let tried = 0;
        for (const c of before.checks.filter((x) => x.set === false)) {
          const fix = fixForCheck(c.id);
          if (!fix) {
            if (c.id !== 'RootDirectory=/RootImage=') wrong.push(`${c.id}: no fix`);
            continue;
          }
          tried++;
          for (const inline of [undefined, 0]) {
            const after = scoreWithLine(sources, 'd.service', version, fixLine(fix), inline);
            const same = after.checks.find((x) => x.id === c.id)!;
            if (same.set === false) wrong.push(`${c.id}: still fails after ${fixLine(fix)} (${same.description})`);
            if (after.exposureTenths > before.exposureTenths) wrong.push(`${c.id}: score went up`);
          }
        }
        expect(wrong).toEqual([]);
        expect(tried).toBeGreaterThan(60);
      });
    }
  }

  it('one code per check of the newest table, each in the codes table as a hint', () => {
    const codes = checksFor(260).map((c) => hardeningCodeOf(c.jsonField));
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) {
      expect(c).toMatch(/^hardening-[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect((CODES as Record<string, { severity: string }>)[c]?.severity).toBe('hint');
    }
  });

  it('adds a line at the end of [Service], before the next section', () => {
    expect(withServiceLine('[Service]\nA=1\n\n[Install]\nW=x\n', 'B=2').text).toBe(
      '[Service]\nA=1\nB=2\n\n[Install]\nW=x\n',
    );
    expect(withServiceLine('[Unit]\nD=x', 'B=2').text).toBe('[Unit]\nD=x\n[Service]\nB=2\n');
    expect(withServiceLine('[Service]\nA=1 \\\n  2\n', 'B=2').text).toBe('[Service]\nA=1 \\\n  2\nB=2\n');
  });

  it('the hover table keeps its columns when an id has a | in it', () => {
    const score = scoreService(
      mergeUnit([{ path: '/x/r.service', text: '[Service]\nExecStart=/bin/r\n' }]),
      'r.service',
      252,
    );
    const md = securityHoverMarkdown(score, 81);
    expect(md).toContain('CAP_SET(UID\\|GID\\|PCAP)');
    for (const row of md.split('\n').filter((l) => l.startsWith('| `')))
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(5);
  });
});
