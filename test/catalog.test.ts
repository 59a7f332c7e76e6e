import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allDirectives,
  lookupDirective,
  directivesNamed,
  sectionSummary,
  allSpecifiers,
  valueMeaning,
  directiveAllowedInType,
} from '../server/src/catalog/catalog.js';

const root = join(__dirname, '..');

describe('catalog', () => {
  it('is generated from data/ and not stale', () => {
    // Throws (exit 1) when server/src/catalog/catalogData.generated.ts differs from what the script writes.
    expect(() =>
      execFileSync(process.execPath, [join(root, 'scripts/generateCatalog.mjs'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('has every row of data/directives.tsv', () => {
    const rows = readFileSync(join(root, 'data/directives.tsv'), 'utf8').trim().split('\n').slice(1);
    expect(allDirectives()).toHaveLength(rows.length);
    expect(rows.length).toBe(1496);
  });

  it('has our own summary for all 515 unit directive names, 74 [Manager] keys and every section', () => {
    const unitNames = new Set(
      allDirectives()
        .filter((d) => d.section !== 'Manager')
        .map((d) => d.name),
    );
    const managerNames = new Set(
      allDirectives()
        .filter((d) => d.section === 'Manager')
        .map((d) => d.name),
    );
    expect(unitNames.size).toBe(515);
    expect(managerNames.size).toBe(74);
    const missing = allDirectives()
      .filter((d) => !/^[A-Z`].{20,}[.]$/.test(d.summary))
      .map((d) => `${d.section}.${d.name}`);
    expect(missing).toEqual([]);
    for (const s of [
      'Unit',
      'Install',
      'Service',
      'Socket',
      'Mount',
      'Automount',
      'Swap',
      'Timer',
      'Path',
      'Slice',
      'Scope',
      'Manager',
      'Target',
      'Device',
    ]) {
      expect(sectionSummary(s), s).toBeTruthy();
    }
  });

  it('knows everything systemd 252 dumps with --dump-configuration-items', () => {
    const dump = readFileSync(join(root, 'data/dump-configuration-items-252.txt'), 'utf8').split('\n');
    let section = '';
    const missing: string[] = [];
    for (const line of dump) {
      const h = /^\[(\w+)\]$/.exec(line);
      if (h) {
        section = h[1]!;
        continue;
      }
      const m = /^([A-Za-z0-9]+)=/.exec(line);
      if (m && !lookupDirective(section, m[1]!)?.inV252) missing.push(`${section}.${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('carries value kinds, lists, enums, versions, status and replacements from the data', () => {
    const exec = lookupDirective('Service', 'ExecStart')!;
    expect([exec.kind, exec.list, exec.since, exec.manPage]).toEqual(['exec-command', 'yes', 1, 'systemd.service(5)']);
    expect(lookupDirective('Unit', 'After')!.list).toBe('add-only');
    expect(lookupDirective('Service', 'ProtectSystem')!.enumValues).toEqual(
      expect.arrayContaining(['strict', 'full', '<bool>']),
    );
    expect(lookupDirective('Service', 'PrivateTmp')!.enumValues).toEqual(
      expect.arrayContaining(['connected', 'disconnected']),
    );
    expect(lookupDirective('Unit', 'BindTo')).toMatchObject({ status: 'renamed', replacement: 'BindsTo' });
    expect(lookupDirective('Service', 'MemoryLimit')).toMatchObject({
      status: 'ignored',
      statusSince: 258,
      replacement: 'MemoryMax',
    });
    expect(lookupDirective('Manager', 'RuntimeWatchdogSec')!.kind).toBe('timespan-sec');
    expect(directivesNamed('ListenStream').map((d) => d.section)).toEqual(['Socket']);
  });

  it('knows the unit types that refuse some directives (directives.md)', () => {
    const delegate = lookupDirective('Socket', 'Delegate')!;
    expect(directiveAllowedInType(delegate, 'socket')).toBe(false);
    expect(directiveAllowedInType(lookupDirective('Service', 'Delegate')!, 'service')).toBe(true);
    expect(directiveAllowedInType(lookupDirective('Slice', 'Slice')!, 'slice')).toBe(false);
    expect(lookupDirective('Install', 'Alias')!.restrictionWhen).toBe('enable');
  });

  it('has specifiers with contexts, and value meanings', () => {
    const i = allSpecifiers().find((s) => s.letter === 'i')!;
    expect(i.contexts['unit-names']).toBe(1);
    expect(allSpecifiers()).toHaveLength(43);
    expect(valueMeaning('Service', 'Type', 'notify')).toBeTruthy();
    expect(valueMeaning('Service', 'Restart', 'on-failure')).toBeTruthy();
  });
});
