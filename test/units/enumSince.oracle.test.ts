/**
 * Oracle for the enum values by version (data/enum-values-since.tsv, catalog/enumSince.ts): every value of a
 * single-valued enum directive of [Unit], [Service], [Socket], [Timer], [Path] is written into a unit, and
 * systemd-analyze verify (252 on CI) must refuse exactly the values we call newer than 252. Slow tier.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allDirectives, directiveAllowedInType, type UnitType } from '../../server/src/catalog/catalog.js';
import { acceptsValue, enumValueSince } from '../../server/src/catalog/enumSince.js';

const HOSTS: Record<string, { type: UnitType; body: string }> = {
  Unit: { type: 'service', body: '[Service]\nType=oneshot\nExecStart=/bin/true\n' },
  Service: { type: 'service', body: '[Service]\nExecStart=/bin/true\n' },
  Socket: { type: 'socket', body: '[Socket]\nListenStream=/run/enum-oracle.sock\n' },
  Timer: { type: 'timer', body: '[Timer]\nOnBootSec=5\n' },
  Path: { type: 'path', body: '[Path]\nPathExists=/x\n' },
};

describe('enum values by version agree with systemd 252', () => {
  it('refuses exactly the values newer than 252', () => {
    const cases: Array<{ key: string; value: string; newer: boolean }> = [];
    for (const d of allDirectives()) {
      if (!(d.section in HOSTS) || !d.inV252 || d.list !== 'no' || d.kind !== 'enum' || d.status !== 'active') continue;
      if (!directiveAllowedInType(d, HOSTS[d.section]!.type)) continue;
      for (const v of d.enumValues) {
        if (v.includes('<') || /\s/.test(v) || v === '') continue;
        // Personality= takes only the architectures of the machine systemd runs on: not a version question.
        if (d.name === 'Personality') continue;
        const since = enumValueSince(d.name, v);
        cases.push({ key: `${d.section}.${d.name}`, value: v, newer: !!since && !acceptsValue(since, 252) });
      }
    }
    expect(cases.some((c) => c.newer)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'enum-oracle-'));
    try {
      const files = cases.map((c, i) => {
        const [section, name] = c.key.split('.');
        const host = HOSTS[section!]!;
        const text = host.body.startsWith(`[${section}]`)
          ? host.body.replace(`[${section}]\n`, `[${section}]\n${name}=${c.value}\n`)
          : `[${section}]\n${name}=${c.value}\n${host.body}`;
        const file = join(dir, `e${i}.${host.type}`);
        writeFileSync(file, text);
        if (host.type !== 'service') writeFileSync(join(dir, `e${i}.service`), '[Service]\nExecStart=/bin/true\n');
        return file;
      });
      const flagged = new Set<number>();
      for (let k = 0; k < files.length; k += 150) {
        const r = spawnSync('systemd-analyze', ['verify', '--man=no', '--generators=no', ...files.slice(k, k + 150)], {
          encoding: 'utf8',
          timeout: 120000,
          env: { ...process.env, SYSTEMD_UNIT_PATH: `${dir}:` },
        });
        // Refusals only ("…, ignoring"); deprecation notes (syslog, KillMode=none) are not about the version.
        for (const m of `${r.stdout}${r.stderr}`.matchAll(/\/e(\d+)\.[a-z]+:2: (.*)/g))
          if (/ignoring/.test(m[2]!) && !/obsolete/.test(m[2]!)) flagged.add(Number(m[1]));
      }
      const disagree = cases
        .filter((c, i) => c.newer !== flagged.has(i))
        .map((c) => `${c.key}=${c.value}: we say ${c.newer ? 'newer than 252' : 'known to 252'}`);
      expect(disagree).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
