/**
 * Oracle for EMPTY_REFUSED_252 (minimalDropIn.ts): for every single-valued (list=no) directive that systemd 252
 * knows, write `Directive=` into a unit of a type that takes it and check that systemd-analyze verify complains
 * about that line exactly when the directive's parser is in EMPTY_REFUSED_252. A complaint means the empty
 * assignment is ignored, so a drop-in cannot reset the setting that way.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allDirectives,
  directiveAllowedInType,
  type DirectiveInfo,
  type UnitType,
} from '../../server/src/catalog/catalog.js';
import { EMPTY_REFUSED_252 } from '../../server/src/units/minimalDropIn.js';

function hasAnalyze(): boolean {
  try {
    execFileSync('systemd-analyze', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Directives whose parser changed after 252 (directives.md "Parser changed between 252 and v260"). */
const PARSER_CHANGED_SINCE_252 = new Set(['PrivateMounts']);

const HOSTS: Record<string, { type: UnitType; body: (i: number) => string; companion?: string }> = {
  Unit: { type: 'service', body: () => '[Service]\nType=oneshot\nExecStart=/bin/true\n' },
  Service: { type: 'service', body: () => '[Service]\nType=oneshot\nExecStart=/bin/true\n' },
  Socket: {
    type: 'socket',
    body: (i) => `[Socket]\nListenStream=/run/empty-oracle-${i}.sock\n`,
    companion: '[Service]\nExecStart=/bin/true\n',
  },
  Timer: { type: 'timer', body: () => '[Timer]\nOnBootSec=5\n', companion: '[Service]\nExecStart=/bin/true\n' },
  Path: { type: 'path', body: () => '[Path]\nPathExists=/x\n', companion: '[Service]\nExecStart=/bin/true\n' },
  Slice: { type: 'slice', body: () => '[Slice]\n' },
};

describe.skipIf(!hasAnalyze())('which empty assignments systemd 252 refuses', () => {
  it('matches EMPTY_REFUSED_252 for every list=no directive of [Unit], [Service], [Socket], [Timer], [Path], [Slice]', () => {
    const cases: DirectiveInfo[] = allDirectives().filter(
      (d) =>
        d.section in HOSTS &&
        d.inV252 &&
        d.list === 'no' &&
        d.status !== 'ignored' &&
        d.parser !== 'config_parse_trigger_unit' &&
        directiveAllowedInType(d, HOSTS[d.section]!.type),
    );
    const dir = mkdtempSync(join(tmpdir(), 'empty-oracle-'));
    try {
      const files: string[] = [];
      cases.forEach((d, i) => {
        const host = HOSTS[d.section]!;
        const body = host.body(i);
        const text = body.startsWith(`[${d.section}]`)
          ? body.replace(`[${d.section}]\n`, `[${d.section}]\n${d.name}=\n`)
          : `[${d.section}]\n${d.name}=\n${body}`;
        writeFileSync(join(dir, `e${i}.${host.type}`), text);
        if (host.companion) writeFileSync(join(dir, `e${i}.service`), host.companion);
        files.push(join(dir, `e${i}.${host.type}`));
      });
      const flagged = new Set<number>();
      for (let k = 0; k < files.length; k += 150) {
        const r = spawnSync('systemd-analyze', ['verify', '--man=no', '--generators=no', ...files.slice(k, k + 150)], {
          encoding: 'utf8',
          timeout: 60000,
          env: { ...process.env, SYSTEMD_UNIT_PATH: `${dir}:` },
        });
        for (const line of (r.stderr + r.stdout).split('\n')) {
          const m = /\/e(\d+)\.\w+:2: /.exec(line) ?? /^e(\d+)\.\w+: Unit configuration has fatal error/.exec(line);
          if (m) flagged.add(Number(m[1]));
        }
      }
      const disagreements: string[] = [];
      cases.forEach((d, i) => {
        const expected = EMPTY_REFUSED_252.has(d.parser) || PARSER_CHANGED_SINCE_252.has(d.name);
        if (flagged.has(i) !== expected)
          disagreements.push(
            `${d.section}.${d.name}= (${d.parser}): systemd ${flagged.has(i) ? 'refuses' : 'accepts'} an empty value`,
          );
      });
      expect(cases.length).toBeGreaterThan(300);
      expect(disagreements).toEqual([]);
      console.log(
        `empty-value oracle: ${cases.length} directives, ${flagged.size} refuse an empty value on systemd 252`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
