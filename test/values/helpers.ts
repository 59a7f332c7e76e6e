/** Test helpers: load data/directives.tsv and build ValueContexts. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { ValueContext, ValueKind, ValueProblem } from '../../server/src/values/types.js';
import { validateValue } from '../../server/src/values/index.js';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');

export interface Row {
  section: string;
  directive: string;
  parser: string;
  kind: ValueKind;
  enumValues: string[];
  inV252: boolean;
}

let rows: Map<string, Row> | undefined;

export function directives(): Map<string, Row> {
  if (rows) return rows;
  rows = new Map();
  const text = readFileSync(join(ROOT, 'data', 'directives.tsv'), 'utf8');
  const lines = text.split('\n');
  const head = lines[0]!.split('\t');
  const col = (n: string) => head.indexOf(n);
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const f = line.split('\t');
    const r: Row = {
      section: f[col('section')]!,
      directive: f[col('directive')]!,
      parser: f[col('parser')]!,
      kind: f[col('value_kind')] as ValueKind,
      enumValues: f[col('enum_values')] ? f[col('enum_values')]!.split('|') : [],
      inV252: f[col('in_v252')] === 'yes',
    };
    rows.set(`${r.section}.${r.directive}`, r);
  }
  return rows;
}

const TYPE_OF_SECTION: Record<string, string | undefined> = {
  Service: 'service',
  Socket: 'socket',
  Mount: 'mount',
  Swap: 'swap',
  Path: 'path',
  Timer: 'timer',
  Automount: 'automount',
  Slice: 'slice',
  Scope: 'scope',
  Manager: undefined,
};

/** Context for Section.Directive (throws if unknown). */
export function ctxFor(key: string, targetVersion = 260, unitType?: string): ValueContext {
  const r = directives().get(key);
  if (!r) throw new Error(`unknown directive ${key}`);
  return {
    section: r.section,
    directive: r.directive,
    kind: r.kind,
    parser: r.parser,
    enumValues: r.enumValues,
    unitType: unitType ?? TYPE_OF_SECTION[r.section] ?? 'service',
    targetVersion,
  };
}

export function check(key: string, value: string, targetVersion = 260): ValueProblem[] {
  return validateValue(value, ctxFor(key, targetVersion));
}

export function errors(key: string, value: string, targetVersion = 260): ValueProblem[] {
  return check(key, value, targetVersion).filter((p) => p.severity === 'error');
}

export function warnings(key: string, value: string, targetVersion = 260): ValueProblem[] {
  return check(key, value, targetVersion).filter((p) => p.severity === 'warning');
}

/** Outcome summary: 'ok' (no problems), 'error', or 'warning' (no errors). */
export function outcome(key: string, value: string, targetVersion = 260): 'ok' | 'error' | 'warning' {
  const ps = check(key, value, targetVersion);
  if (ps.some((p) => p.severity === 'error')) return 'error';
  if (ps.some((p) => p.severity === 'warning')) return 'warning';
  return 'ok';
}

/** A tiny unit-file line splitter: yields [section, key, value, file, line]. */
export function* assignments(text: string): Generator<{ section: string; key: string; value: string; line: number }> {
  const lines = text.split('\n');
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      section = line.slice(1, -1);
      continue;
    }
    const start = i;
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = line.slice(0, -1) + ' ';
      i++;
      const next = lines[i]!;
      if (/^\s*[#;]/.test(next)) continue; // comment lines inside continuations are skipped
      line += next.trim();
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    yield { section, key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), line: start + 1 };
  }
}
