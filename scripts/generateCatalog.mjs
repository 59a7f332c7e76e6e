#!/usr/bin/env node
/**
 * Generates server/src/catalog/catalogData.generated.{ts,json} (and enumSince, dialects) from the data copied into data/:
 *   data/directives.tsv     (from ../shared/reference: one row per section+directive, systemd v260)
 *   data/directives.md      (the table of unit types that refuse some directives)
 *   data/specifiers.tsv     (% specifiers)
 *   data/summaries/*.tsv    (our own one-line summaries: Key<TAB>summary; Key = Name or Section.Name)
 *   data/section-summaries.tsv (our own one-line summary per section)
 *   data/value-docs/*.tsv   (our own meanings of enum values: Key<TAB>value<TAB>meaning)
 *
 * Usage: node scripts/generateCatalog.mjs          write the module
 *        node scripts/generateCatalog.mjs --check  exit 1 when the committed module is stale
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDialects } from './generateDialects.mjs';
import { tableFiles, writeOrCheck } from './lib/generated.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function readTsv(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'));
}

function fail(msg) {
  console.error(`generateCatalog: ${msg}`);
  process.exit(1);
}

// ---- directives.tsv
const [header, ...rows] = readTsv(join(root, 'data/directives.tsv'));
const col = Object.fromEntries(header.map((h, i) => [h, i]));
for (const need of [
  'section',
  'directive',
  'since_version',
  'in_v252',
  'status_v260',
  'replacement',
  'parser',
  'value_kind',
  'list',
  'enum_values',
  'default',
  'man_page',
]) {
  if (!(need in col)) fail(`data/directives.tsv lacks column ${need}`);
}

// ---- unit-type exceptions from directives.md ("accepted only in" table)
const md = readFileSync(join(root, 'data/directives.md'), 'utf8');
const tableStart = md.indexOf('| directive | accepted only in |');
if (tableStart < 0) fail('data/directives.md: exception table not found');
const restrictions = new Map(); // "Section.Name" or "*.Name" -> { only?: string[], except?: string[], when: 'load'|'enable' }
for (const line of md.slice(tableStart).split('\n').slice(2)) {
  if (!line.trim().startsWith('|')) break;
  const cells = line
    .split('|')
    .map((c) => c.trim())
    .filter((c, i, a) => i > 0 && i < a.length - 1);
  const [dirCell, where] = cells;
  const sectionMatch = /^\[(\w+)\]\s*/.exec(dirCell);
  const section = sectionMatch ? sectionMatch[1] : '*';
  const names = dirCell
    .replace(/^\[\w+\]\s*/, '')
    .split(',')
    .map((s) => s.trim().replace(/=$/, ''));
  let rule;
  const refused = /^refused in `\[(\w+)\]`/.exec(where);
  if (refused) {
    rule = { except: [refused[1].toLowerCase()] };
  } else {
    const types = where
      .split('(')[0]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    rule = { only: types };
  }
  rule.when = /systemctl enable/.test(where) ? 'enable' : 'load';
  for (const n of names) restrictions.set(`${section}.${n}`, rule);
}
if (restrictions.size < 8)
  fail(`data/directives.md: expected at least 8 restricted directives, found ${restrictions.size}`);

// ---- summaries and value docs
function readDir(dir, width) {
  const map = new Map();
  const path = join(root, dir);
  if (!existsSync(path)) return map;
  for (const f of readdirSync(path)
    .filter((f) => f.endsWith('.tsv'))
    .sort()) {
    for (const cells of readTsv(join(path, f))) {
      if (cells.length !== width) fail(`${dir}/${f}: expected ${width} fields in "${cells.join('\\t')}"`);
      const key = width === 2 ? cells[0] : `${cells[0]}\u0000${cells[1]}`;
      if (map.has(key)) fail(`${dir}/${f}: duplicate key ${cells.slice(0, width - 1).join(' ')}`);
      map.set(key, { file: f, text: cells[width - 1] });
    }
  }
  return map;
}
const summaries = readDir('data/summaries', 2);
const valueDocs = readDir('data/value-docs', 3);
const sectionSummaries = new Map(readTsv(join(root, 'data/section-summaries.tsv')).map(([k, v]) => [k, v]));

const enumSets = [];
const enumIndex = new Map();
const used = new Set();
const directives = [];
const missing = [];
for (const r of rows) {
  const section = r[col.section];
  const name = r[col.directive];
  const statusRaw = r[col.status_v260];
  let status = statusRaw;
  let statusSince = 0;
  const stub = /^deprecated-stub\(since (\d+)\)$/.exec(statusRaw);
  if (stub) {
    status = 'ignored';
    statusSince = Number(stub[1]);
  }
  if (!['active', 'renamed', 'deprecated', 'compat-moved', 'ignored'].includes(status))
    fail(`unknown status ${statusRaw} for ${section}.${name}`);
  const ev = r[col.enum_values];
  let enumSet = -1;
  if (ev) {
    if (!enumIndex.has(ev)) {
      enumIndex.set(ev, enumSets.length);
      enumSets.push(ev.split('|'));
    }
    enumSet = enumIndex.get(ev);
  }
  const sKey =
    section === 'Manager' ? `Manager.${name}` : summaries.has(`${section}.${name}`) ? `${section}.${name}` : name;
  const summary = summaries.get(sKey)?.text;
  if (!summary) missing.push(`${section}.${name}`);
  used.add(sKey);
  const restriction = restrictions.get(`${section}.${name}`) ?? restrictions.get(`*.${name}`);
  directives.push([
    section,
    name,
    Number(r[col.since_version]) || 0,
    r[col.in_v252] === 'yes' ? 1 : 0,
    status,
    statusSince,
    r[col.replacement],
    r[col.parser],
    r[col.value_kind],
    r[col.list],
    enumSet,
    r[col.default],
    r[col.man_page],
    restriction ? (restriction.only ?? null) : null,
    restriction ? (restriction.except ?? null) : null,
    restriction ? restriction.when : null,
    summary ?? '',
  ]);
}
if (missing.length) fail(`no summary for ${missing.length} directive(s): ${missing.slice(0, 20).join(', ')}`);
const unused = [...summaries.keys()].filter((k) => !used.has(k));
if (unused.length) fail(`summaries for unknown directives: ${unused.join(', ')}`);

// Value docs: key (Name or Section.Name) -> value -> meaning; every documented value must exist.
const valueDocRows = [];
for (const [k, v] of valueDocs) {
  const [key, value] = k.split('\u0000');
  const [a, b] = key.includes('.') ? key.split('.') : [undefined, key];
  const match = directives.filter((d) => d[1] === b && (a === undefined || d[0] === a));
  if (!match.length) fail(`value-docs/${v.file}: unknown directive ${key}`);
  if (!match.some((d) => d[10] >= 0 && enumSets[d[10]].includes(value)))
    fail(`value-docs/${v.file}: ${key} has no value ${value}`);
  valueDocRows.push([key, value, v.text]);
}
valueDocRows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));

// ---- specifiers.tsv
const [sh, ...srows] = readTsv(join(root, 'data/specifiers.tsv'));
const scol = Object.fromEntries(sh.map((h, i) => [h, i]));
const specifiers = srows.map((r) => {
  const contexts = {};
  for (const part of r[scol.valid_in]
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(.*)\((\d+)\)$/.exec(part);
    if (!m) fail(`specifiers.tsv: cannot read valid_in "${part}"`);
    const ctx = {
      'unit-file-values': 'unit-file-values',
      'unit-names': 'unit-names',
      '[Install]': 'install',
      'system.conf/user.conf-env': 'manager-env',
    }[m[1]];
    if (!ctx) fail(`specifiers.tsv: unknown context ${m[1]}`);
    contexts[ctx] = Number(m[2]);
  }
  return [r[scol.specifier].slice(1), r[scol.meaning], Number(r[scol.since_version]), contexts];
});

const sectionNames = [...new Set(directives.map((d) => d[0]))].sort();
for (const s of [...sectionNames, 'Target', 'Device'])
  if (!sectionSummaries.has(s) && s !== 'Target' && s !== 'Device') fail(`no summary for section ${s}`);

// Strings repeat a lot across rows (parsers, kinds, man pages, summaries shared by sections): intern them.
const strings = [];
const stringIndex = new Map();
const intern = (v) => {
  if (!stringIndex.has(v)) {
    stringIndex.set(v, strings.length);
    strings.push(v);
  }
  return stringIndex.get(v);
};
// Rows that differ only by section (exec, kill and cgroup settings shared by several unit types) are stored once.
const grouped = new Map();
for (const d of directives) {
  const rest = [
    d[1],
    d[2],
    d[3],
    intern(d[4]),
    d[5],
    intern(d[6]),
    intern(d[7]),
    intern(d[8]),
    intern(d[9]),
    d[10],
    intern(d[11]),
    intern(d[12]),
    d[13],
    d[14],
    d[15],
    intern(d[16]),
  ];
  const key = JSON.stringify(rest);
  const g = grouped.get(key);
  if (g) g[0].push(intern(d[0]));
  else grouped.set(key, [[intern(d[0])], ...rest]);
}
const packed = [...grouped.values()];
const valueDocsByKey = {};
for (const [k, v, m] of valueDocRows) (valueDocsByKey[k] ??= []).push([v, intern(m)]);
const check = process.argv.includes('--check');
const stale = [];

const catalogFiles = tableFiles({
  root,
  tsPath: 'server/src/catalog/catalogData.generated.ts',
  header: [
    'GENERATED by scripts/generateCatalog.mjs from data/*.tsv and data/directives.md. DO NOT EDIT.',
    'Regenerate with `npm run generate`; a test fails when this file is stale.',
  ],
  preamble: [
    '/** [sections#[], name, since, inV252, status#, statusSince, replacement#, parser#, kind#, list#, enumSet, default#, manPage#, onlyTypes, exceptTypes, restrictionWhen, summary#] (# = index into STRINGS); one row per group of sections with identical facts */',
    'export type DirectiveRow = readonly [readonly number[], string, number, 0 | 1, number, number, number, number, number, number, number, number, number, readonly string[] | null, readonly string[] | null, string | null, number];',
  ],
  interfaceName: 'CatalogTables',
  accessor: 'catalogTables',
  fields: [
    { name: 'ENUM_SETS', type: 'readonly (readonly string[])[]', value: enumSets, layout: 'rows' },
    { name: 'DIRECTIVES', type: 'readonly DirectiveRow[]', value: packed, layout: 'rows' },
    {
      name: 'VALUE_DOCS',
      type: 'Readonly<Record<string, readonly (readonly [string, number])[]>>',
      doc: 'key (Name or Section.Name) -> [value, meaning#] (# = index into STRINGS)',
      value: valueDocsByKey,
      layout: 'entries',
    },
    {
      name: 'SECTION_SUMMARIES',
      type: 'Readonly<Record<string, string>>',
      value: Object.fromEntries([...sectionSummaries].sort()),
      layout: 'entries',
    },
    {
      name: 'SPECIFIERS',
      type: 'readonly (readonly [string, string, number, Readonly<Record<string, number>>])[]',
      doc: '[letter, meaning, since, contexts: first version per context]',
      value: specifiers,
      layout: 'rows',
    },
    {
      name: 'STRINGS',
      type: 'readonly string[]',
      doc: 'Interned strings; DIRECTIVES and VALUE_DOCS refer to them by index.',
      value: strings,
      layout: 'rows',
    },
  ],
});
stale.push(...writeOrCheck(root, catalogFiles, check));
console.log(
  check
    ? `catalog checked (${directives.length} directives, ${specifiers.length} specifiers)`
    : `wrote the catalog: ${directives.length} directives, ${enumSets.length} enum sets, ${valueDocRows.length} value docs, ${specifiers.length} specifiers`,
);

// ---- data/enum-values-since.tsv → server/src/catalog/enumSince.generated.ts (issue 15, self-contained)
// Values newer than v200, per directive name (the earliest release over the sections that have it: a section where
// the directive itself is newer is the directive check's business), with the stable series that got them backported.
// "build-dependent" values (address families from the build host's headers) are left out: no release is certain.
{
  const [eh, ...erows] = readTsv(join(root, 'data/enum-values-since.tsv'));
  const ecol = Object.fromEntries(eh.map((h, i) => [h, i]));
  const byDirective = new Map();
  for (const r of erows) {
    const sinceText = r[ecol.since_version];
    const source = r[ecol.source] ?? '';
    if (sinceText === '<=200' || /build-dependent/.test(source)) continue;
    const since = Number(sinceText);
    if (!Number.isInteger(since)) fail(`enum-values-since.tsv: cannot read since_version "${sinceText}"`);
    const backports = [...source.matchAll(/(\d+) \(seen at v\d+\.\d+\)/g)].map((m) => Number(m[1]));
    const name = r[ecol.directive];
    const value = r[ecol.value];
    if (!byDirective.has(name)) byDirective.set(name, new Map());
    const m = byDirective.get(name);
    const prev = m.get(value);
    if (!prev || since < prev[0]) m.set(value, [since, ...backports]);
  }
  const sorted = [...byDirective].sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const enumFiles = tableFiles({
    root,
    tsPath: 'server/src/catalog/enumSince.generated.ts',
    header: ['GENERATED by scripts/generateCatalog.mjs from data/enum-values-since.tsv. DO NOT EDIT.'],
    interfaceName: 'EnumSinceTables',
    accessor: 'enumSinceTables',
    fields: [
      {
        name: 'ENUM_VALUE_SINCE',
        type: 'Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>',
        doc: 'directive name -> value -> [first release that accepts it, ...stable series that got it backported]; only values newer than v200.',
        value: Object.fromEntries(sorted.map(([name, m]) => [name, Object.fromEntries(m)])),
        layout: 'entries',
      },
    ],
  });
  stale.push(...writeOrCheck(root, enumFiles, check));
}

// The other dialects (daemon configs, networkd, …): their own generated module (scripts/generateDialects.mjs).
stale.push(...generateDialects(root, check));
if (stale.length) fail(`stale generated files: ${stale.join(', ')}; run \`npm run generate\`.`);
