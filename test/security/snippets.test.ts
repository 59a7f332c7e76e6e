/**
 * The hardening snippets (service-hardened, dropin-sandbox) score what systemd 252 says: each is expanded with its
 * defaults (the first choice of each `${N|…|}`) and scored by `systemd-analyze security --offline=true` and by
 * services/security/. Needs systemd-analyze (CI: systemd 252 on Debian); two runs, so it stays in the fast tier.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeUnit, scoreService, createLanguageService } from '../../server/src/languageService.js';
import { snippetDefs } from '../../server/src/catalog/snippets.js';

/** A snippet body with every placeholder at its default and every choice at its first option. */
function expand(body: readonly string[]): string {
  let s = body.join('\n');
  const values = new Map<string, string>();
  for (let changed = true; changed;) {
    changed = false;
    s = s.replace(/\$\{(\d+)\|([^|,]*)(?:,[^|]*)?\|\}/g, (_m, n: string, first: string) => {
      changed = true;
      values.set(n, first);
      return first;
    });
    s = s.replace(/\$\{(\d+):([^${}]*)\}/g, (_m, n: string, def: string) => {
      changed = true;
      values.set(n, def);
      return def;
    });
  }
  return `${s.replace(/\$\{(\d+)\}/g, (_m, n: string) => values.get(n) ?? '').replace(/\$\d+/g, '')}\n`.replace(
    /\n+$/,
    '\n',
  );
}

const snippet = (prefix: string): readonly string[] =>
  Object.values(snippetDefs()).find((d) => d.prefix === prefix)!.body;

/** systemd-analyze's overall line: "→ Overall exposure level for foo.service: 1.9 OK 🙂". */
function systemdScore(path: string): string {
  const out = execFileSync('systemd-analyze', ['security', '--offline=true', '--no-pager', path], {
    env: { ...process.env, SYSTEMD_COLORS: '0', SYSTEMD_PAGER: '' },
    encoding: 'utf8',
  });
  const m = /Overall exposure level for \S+: (\d+\.\d) ([A-Z]+)/.exec(out);
  if (!m) throw new Error(`no overall line in:\n${out}`);
  return `${m[1]} ${m[2]}`;
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'secsnip-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hardening snippets score as in systemd 252', () => {
  it('service-hardened', () => {
    const text = expand(snippet('service-hardened'));
    expect(text).toContain('DynamicUser=yes\nStateDirectory=myservice\n');
    const path = join(dir, 'hardened.service');
    writeFileSync(path, text);
    const ours = scoreService(mergeUnit([{ path, text }]), 'hardened.service', 252);
    expect(`${ours.exposure} ${ours.label}`).toBe(systemdScore(path));
    expect(ours.exposureTenths).toBeLessThan(25);
  });

  it('dropin-sandbox on a plain root service', () => {
    const base = '[Unit]\nDescription=Plain\n\n[Service]\nExecStart=/usr/bin/plain\n';
    const drop = expand(snippet('dropin-sandbox'));
    const path = join(dir, 'plain.service');
    writeFileSync(path, base);
    mkdirSync(join(dir, 'plain.service.d'));
    writeFileSync(join(dir, 'plain.service.d/sandbox.conf'), drop);
    const before = scoreService(mergeUnit([{ path, text: base }]), 'plain.service', 252);
    const ours = scoreService(
      mergeUnit([
        { path, text: base },
        { path: join(dir, 'plain.service.d/sandbox.conf'), text: drop },
      ]),
      'plain.service',
      252,
    );
    expect(`${ours.exposure} ${ours.label}`).toBe(systemdScore(path));
    expect(ours.exposureTenths).toBeLessThan(before.exposureTenths);
  });

  it('are offered where they fit: the template in an empty .service, the drop-in in an empty drop-in', () => {
    const s = createLanguageService({ kernelWatchdogLimits: () => undefined });
    const labels = (path: string): string[] => s.getCompletions(s.parse(path, ''), 0).map((c) => c.label);
    expect(labels('/x/a.service')).toContain('service-hardened');
    expect(labels('/x/a.service.d/10-sandbox.conf')).toContain('dropin-sandbox');
    expect(labels('/x/a.socket')).not.toContain('service-hardened');
  });
});
