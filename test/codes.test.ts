/** The codes table, the rules that report the codes, and the fixtures that show them agree (issue 9, item 4). */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../server/src/services/codes.js';
import { RULES } from '../server/src/services/rules/index.js';
import { ENGINE_CODES } from '../server/src/services/diagnostics.js';
import { VALUE_PROBLEM_CODES } from '../server/src/values/types.js';
import { PARSE_PROBLEM_CODES } from '../server/src/parser/ast.js';
import { actualDiagnostics } from './support/annotations.js';

/** Codes whose trigger cannot sit in a readable fixture file: the fixture is generated here. */
const GENERATED: Record<string, () => string> = {
  // systemd refuses a line over LONG_LINE_MAX (1 MiB).
  // Over MAX_UNIT_BYTES (4 MiB): not analysed, one diagnostic.
  'file-too-large': () => `[Service]\n${'#'.repeat(5 * 1024 * 1024)}\n`,
  'line-too-long': () => `[Service]\nExecStart=/bin/true\nEnvironment=A=${'x'.repeat(1024 * 1024)}\n`,
};

const fixtures = join(__dirname, 'fixtures/diagnostics');
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe('diagnostic codes', () => {
  const owners = new Map<string, string[]>();
  for (const r of RULES) for (const c of r.codes) owners.set(c, [...(owners.get(c) ?? []), r.name]);
  for (const c of ENGINE_CODES) owners.set(c, [...(owners.get(c) ?? []), 'engine']);

  it('every code in the table belongs to exactly one rule (or the engine)', () => {
    const wrong = Object.keys(CODES)
      .filter((c) => owners.get(c)?.length !== 1)
      .map((c) => `${c}: ${owners.get(c)?.join(', ') ?? 'no rule'}`);
    expect(wrong).toEqual([]);
  });

  it('every code a rule, a validator or the parser can emit is in the table', () => {
    const all = [...owners.keys(), ...VALUE_PROBLEM_CODES, ...PARSE_PROBLEM_CODES];
    expect(all.filter((c) => !(c in CODES))).toEqual([]);
  });

  it('every code has at least one annotated fixture', () => {
    const seen = new Set<string>();
    for (const [code, make] of Object.entries(GENERATED)) {
      if (actualDiagnostics('/tmp/generated.service', make(), {}).some((d) => d.code === code)) seen.add(code);
    }
    for (const f of walk(fixtures))
      for (const m of readFileSync(f, 'latin1').matchAll(
        /^\s*#\s*(?:\^+|<-*)\s+(?:error|warning|info|hint)\[([a-z0-9-]+)\]/gm,
      ))
        seen.add(m[1]!);
    expect(Object.keys(CODES).filter((c) => !seen.has(c))).toEqual([]);
  });
});
