/**
 * Generates server/src/catalog/dialects.generated.ts: the catalogs of the systemd configuration dialects other
 * than units and system.conf/user.conf (those stay in catalogData.generated.ts). Called from generateCatalog.mjs.
 *
 * Inputs (copied from ../shared/reference/dialects/):
 *   data/dialects/network.tsv, netdev.tsv, link.tsv   one row per [Section] Key= of .network/.netdev/.link
 *   data/dialects/daemons.tsv                         the same with a first column `file` naming the dialect
 *   data/dialects/sections.tsv                        per (file, section): repeatable, required keys, netdev kinds
 * Our own words:
 *   data/dialects/summaries-<id>.tsv                  Section.Key<TAB>one-line summary (Key alone for section-less files)
 *   data/dialects/section-summaries.tsv               <id><TAB>Section<TAB>one-line summary (optional per section)
 *
 * A dialect is generated only when its summaries file exists, and then every key must have a summary (the build
 * fails otherwise); dialects without one are listed as pending.
 */
import { readFileSync, existsSync } from 'node:fs';
import { tableFiles, writeOrCheck } from './lib/generated.mjs';
import { join } from 'node:path';

/** The `file` column of the tables -> our dialect id. */
export const DIALECT_IDS = {
  '*.network': 'network',
  '*.netdev': 'netdev',
  '*.link': 'link',
  'journald.conf': 'journald',
  'journal-remote.conf': 'journal-remote',
  'journal-upload.conf': 'journal-upload',
  'logind.conf': 'logind',
  'resolved.conf': 'resolved',
  'timesyncd.conf': 'timesyncd',
  'coredump.conf': 'coredump',
  'networkd.conf': 'networkd',
  'oomd.conf': 'oomd',
  'sleep.conf': 'sleep',
  'homed.conf': 'homed',
  'pstore.conf': 'pstore',
  'iocost.conf': 'iocost',
  'sysext.conf': 'sysext',
  'confext.conf': 'confext',
  'udev.conf': 'udev',
  'kernel/install.conf': 'kernel-install',
  '*.dnssd': 'dnssd',
  '*.dns-delegate': 'dns-delegate',
  '*.nspawn': 'nspawn',
  'repart.d/*.conf': 'repart',
  'sysupdate.d/*.transfer': 'sysupdate-transfer',
  'sysupdate.d/*.feature': 'sysupdate-feature',
};

function readTsv(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'));
}

/**
 * The `required` column of sections.tsv in a form a rule can check: a list of requirements, each a list of
 * alternative keys (one of them must be set). Conditional requirements ("when …", "the code does not check it",
 * "Local=/Remote= of the family …") and the [Match] prose are left out; [Match] is a whole-file rule of its own.
 */
export function parseRequired(text) {
  const out = [];
  if (!text || /^at least one \[Match\]/.test(text)) return out;
  for (const raw of text.split(/\s;\s/)) {
    const part = raw
      .replace(/\s*\(src\/[^)]*\)\s*$/, '')
      .replace(/\s*\(man\/[^)]*\)\s*$/, '')
      .trim();
    if (/does not check|\bwhen\b|^\w+=\/\w+=/.test(part)) continue;
    let m = /^one of ((?:\w[\w-]*=,? ?)+)(?:\(or ([\w=/-]+)\))?/.exec(part);
    if (m) {
      const keys = [...m[1].matchAll(/(\w[\w-]*)=/g), ...(m[2] ? m[2].matchAll(/(\w[\w-]*)=/g) : [])].map((x) => x[1]);
      out.push(keys);
      continue;
    }
    m = /^(\w[\w-]*)= and (\w[\w-]*)=/.exec(part);
    if (m) {
      out.push([m[1]], [m[2]]);
      continue;
    }
    m = /^(\w[\w-]*)=(?: \((?:or (?:old )?)?(\w[\w-]*)=\)| or (\w[\w-]*)=)?/.exec(part);
    if (m) {
      out.push([m[1], ...(m[2] ? [m[2]] : []), ...(m[3] ? [m[3]] : [])]);
      continue;
    }
  }
  return out;
}

export function generateDialects(root, check) {
  const fail = (msg) => {
    console.error(`generateDialects: ${msg}`);
    process.exit(1);
  };
  const tables = [];
  for (const t of ['network', 'netdev', 'link']) {
    const [h, ...rows] = readTsv(join(root, `data/dialects/${t}.tsv`));
    tables.push({ header: h, rows: rows.map((r) => [`*.${t}`, ...r]) });
  }
  {
    const [h, ...rows] = readTsv(join(root, 'data/dialects/daemons.tsv'));
    tables.push({ header: h.slice(1), rows });
  }
  const sectionRows = readTsv(join(root, 'data/dialects/sections.tsv'));
  const sh = Object.fromEntries(sectionRows[0].map((c, i) => [c, i]));
  const sectionSummaryPath = join(root, 'data/dialects/section-summaries.tsv');
  const sectionSummaries = new Map();
  if (existsSync(sectionSummaryPath)) {
    for (const c of readTsv(sectionSummaryPath)) {
      if (c.length !== 3) fail(`section-summaries.tsv: expected 3 fields in "${c.join('\\t')}"`);
      sectionSummaries.set(`${c[0]}\u0000${c[1]}`, c[2]);
    }
  }

  const strings = [];
  const stringIndex = new Map();
  const intern = (v) => {
    if (!stringIndex.has(v)) {
      stringIndex.set(v, strings.length);
      strings.push(v);
    }
    return stringIndex.get(v);
  };
  const enumSets = [];
  const enumIndex = new Map();

  const byDialect = new Map();
  for (const t of tables) {
    const col = Object.fromEntries(t.header.map((h, i) => [h, i + 1]));
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
      'notes',
    ]) {
      if (!(need in col)) fail(`a dialect table lacks column ${need}`);
    }
    for (const r of t.rows) {
      const id = DIALECT_IDS[r[0]];
      if (!id) fail(`unknown dialect file ${r[0]}`);
      if (!byDialect.has(id)) byDialect.set(id, { file: r[0], rows: [] });
      byDialect.get(id).rows.push({ r, col });
    }
  }

  const dialects = {};
  const pending = [];
  let keyCount = 0;
  const usedSectionSummaries = new Set();
  for (const [id, { file, rows }] of [...byDialect].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const sumPath = join(root, `data/dialects/summaries-${id}.tsv`);
    if (!existsSync(sumPath)) {
      pending.push(id);
      continue;
    }
    const summaries = new Map();
    for (const c of readTsv(sumPath)) {
      if (c.length !== 2) fail(`summaries-${id}.tsv: expected 2 fields in "${c.join('\\t')}"`);
      if (summaries.has(c[0])) fail(`summaries-${id}.tsv: duplicate key ${c[0]}`);
      summaries.set(c[0], c[1]);
    }
    const used = new Set();
    const missing = [];
    const packed = [];
    for (const { r, col } of rows) {
      const section = r[col.section];
      const name = r[col.directive];
      const key = section ? `${section}.${name}` : name;
      const summary = summaries.get(key);
      if (!summary) missing.push(key);
      used.add(key);
      const statusRaw = r[col.status_v260];
      let status = statusRaw;
      let statusSince = 0;
      const stub = /^deprecated-stub\(since (\d+)\)$/.exec(statusRaw);
      if (stub) {
        status = 'ignored';
        statusSince = Number(stub[1]);
      }
      if (!['active', 'renamed', 'deprecated'].includes(status) && !stub)
        fail(`${id}: unknown status ${statusRaw} for ${key}`);
      const ev = r[col.enum_values];
      let enumSet = -1;
      if (ev) {
        if (!enumIndex.has(ev)) {
          enumIndex.set(ev, enumSets.length);
          enumSets.push(ev.split('|'));
        }
        enumSet = enumIndex.get(ev);
      }
      const notes = r[col.notes] ?? '';
      const range = /(?:^|;\s*)range=(-?\d+)\.\.(-?\d+)/.exec(notes);
      packed.push([
        intern(section),
        name,
        Number(r[col.since_version]) || 0,
        r[col.in_v252] === 'yes' ? 1 : 0,
        intern(status),
        statusSince,
        intern(r[col.replacement]),
        intern(r[col.parser]),
        intern(r[col.value_kind]),
        intern(r[col.list]),
        enumSet,
        intern(r[col.default]),
        intern(r[col.man_page]),
        intern(summary ?? ''),
        range ? [range[1], range[2]] : null,
        /(?:^|;\s*)fatal\b/.test(notes) ? 1 : 0,
      ]);
    }
    if (missing.length)
      fail(`summaries-${id}.tsv: no summary for ${missing.length} key(s): ${missing.slice(0, 20).join(', ')}`);
    const unused = [...summaries.keys()].filter((k) => !used.has(k));
    if (unused.length) fail(`summaries-${id}.tsv: summaries for unknown keys: ${unused.join(', ')}`);
    const sections = [];
    for (const c of sectionRows.slice(1)) {
      if (c[sh.file] !== file) continue;
      const name = c[sh.section];
      const renamed = /^renamed:(\S+)$/.exec(c[sh.status_v260]);
      const ssKey = `${id}\u0000${name}`;
      if (sectionSummaries.has(ssKey)) usedSectionSummaries.add(ssKey);
      sections.push([
        name,
        c[sh.repeatable] === 'yes' ? 1 : 0,
        parseRequired(c[sh.required]),
        c[sh.netdev_kinds] ? c[sh.netdev_kinds].split(/\s+/) : null,
        c[sh.accepted_by_parser] === 'no' ? 0 : 1,
        renamed ? renamed[1] : null,
        sectionSummaries.has(ssKey) ? intern(sectionSummaries.get(ssKey)) : -1,
      ]);
    }
    keyCount += packed.length;
    dialects[id] = { file, sections, rows: packed };
  }
  // Podman Quadlet: its own table (quadlet.tsv, other columns), one dialect per file type (quadletDialects below).
  const quadlet = quadletDialects(root, fail, intern, (ev) => {
    if (!enumIndex.has(ev)) {
      enumIndex.set(ev, enumSets.length);
      enumSets.push(ev.split('|'));
    }
    return enumIndex.get(ev);
  });
  for (const [id, d] of Object.entries(quadlet.dialects)) {
    dialects[id] = d;
    keyCount += d.rows.length;
  }
  const unusedSS = [...sectionSummaries.keys()].filter(
    (k) => !usedSectionSummaries.has(k) && !pending.includes(k.split('\u0000')[0]),
  );
  if (unusedSS.length)
    fail(`section-summaries.tsv: unknown sections ${unusedSS.map((k) => k.replace('\u0000', ' ')).join(', ')}`);

  const files = tableFiles({
    root,
    tsPath: 'server/src/catalog/dialects.generated.ts',
    header: [
      'GENERATED by scripts/generateDialects.mjs (run by scripts/generateCatalog.mjs) from data/dialects/. DO NOT EDIT.',
      'Regenerate with `npm run generate`; a test fails when this file is stale.',
    ],
    preamble: [
      '/** [section#, name, since, inV252, status#, statusSince, replacement#, parser#, kind#, list#, enumSet, default#, manPage#, summary#, range, fatal] (# = index into DIALECT_STRINGS) */',
      'export type DialectRow = readonly [number, string, number, 0 | 1, number, number, number, number, number, number, number, number, number, number, readonly [string, string] | null, 0 | 1];',
      '/** [name, repeatable, required (each: alternative keys), netdevKinds, acceptedByParser, renamedTo, summary# or -1] */',
      'export type DialectSectionRow = readonly [string, 0 | 1, readonly (readonly string[])[], readonly string[] | null, 0 | 1, string | null, number];',
      '',
      '/** The dialects that have a table (recognition needs only this; the tables are read on the first lookup). */',
      `export const GENERATED_DIALECT_IDS: readonly string[] = ${JSON.stringify(Object.keys(dialects))};`,
      `/** Dialects still without summaries (not generated): ${pending.join(', ') || 'none'}. */`,
      `export const PENDING_DIALECTS: readonly string[] = ${JSON.stringify(pending)};`,
    ],
    interfaceName: 'DialectTables',
    accessor: 'dialectTables',
    fields: [
      { name: 'DIALECT_ENUM_SETS', type: 'readonly (readonly string[])[]', value: enumSets, layout: 'rows' },
      {
        name: 'DIALECT_TABLES',
        type: 'Readonly<Record<string, { readonly file: string; readonly sections: readonly DialectSectionRow[]; readonly rows: readonly DialectRow[] }>>',
        value: dialects,
        layout: 'entries',
      },
      {
        name: 'QUADLET_FACTS',
        type: '{ readonly newestKeySince: string; readonly types: Readonly<Record<string, { readonly fileType: string; readonly since: string; readonly keySince: Readonly<Record<string, string>> }>>; readonly unitRows: readonly (readonly [string, string, string, string])[] }',
        doc: 'Podman Quadlet facts per dialect (quadlet.tsv): the podman release of each Section.Key, the file type, the first release of the type, and the [Unit]/[Service]/[Install] rows about the generated unit ([fileType, section, key, notes]).',
        value: quadlet.facts,
      },
      { name: 'DIALECT_STRINGS', type: 'readonly string[]', value: strings, layout: 'rows' },
    ],
  });
  const stale = writeOrCheck(root, files, check);
  console.log(
    `dialect catalogs ${check ? 'checked' : 'written'} (${Object.keys(dialects).length} dialects, ${keyCount} keys; pending: ${pending.join(', ') || 'none'})`,
  );
  return stale;
}

/**
 * Podman Quadlet (data/dialects/quadlet.tsv, podman v5.8.2; files.md §4): one dialect per file type, `quadlet-<type>`,
 * with the type's own section and [Quadlet]. Rows use the systemd packing, with `since` 0 (the podman release is in
 * QUADLET_FACTS: the target is podman, not systemd) and value kinds narrowed to what the generic validators check
 * correctly for Quadlet (relative paths, podman's own syntaxes and placeholder enums stay strings; the Quadlet rule
 * checks those). Summaries, our own words: data/dialects/quadlet-summaries.tsv (`Section.Key`, `*.Key` for every
 * type, `[Section]` for a section); every key must have one.
 */
export const QUADLET_TYPES = ['container', 'volume', 'network', 'kube', 'image', 'build', 'pod', 'artifact'];
const QUADLET_TYPE_SINCE = {
  container: '4.4.0',
  volume: '4.4.0',
  network: '4.4.0',
  kube: '4.4.0',
  image: '4.8.0',
  pod: '5.0.0',
  build: '5.2.0',
  artifact: '5.7.0',
};
/** Kinds the generic validators check as podman reads them; anything else is kept as a string. */
const QUADLET_KINDS = new Set([
  'bool',
  'enum',
  'enum-or-bool',
  'unsigned',
  'int',
  'ip-address',
  'ip-addresses',
  'ip-prefix',
  'signal',
  'environment',
  'ifname',
]);

function quadletDialects(root, fail, intern, enumSetOf) {
  const rows = readTsv(join(root, 'data/dialects/quadlet.tsv'));
  const col = Object.fromEntries(rows[0].map((c, i) => [c, i]));
  for (const need of [
    'file_type',
    'section',
    'directive',
    'since_podman',
    'value_kind',
    'list',
    'enum_values',
    'default',
    'required',
    'notes',
  ]) {
    if (!(need in col)) fail(`quadlet.tsv lacks column ${need}`);
  }
  const summaries = new Map();
  for (const c of readTsv(join(root, 'data/dialects/quadlet-summaries.tsv'))) {
    if (c.length !== 2) fail(`quadlet-summaries.tsv: expected 2 fields in "${c.join('\\t')}"`);
    if (summaries.has(c[0])) fail(`quadlet-summaries.tsv: duplicate key ${c[0]}`);
    summaries.set(c[0], c[1]);
  }
  const used = new Set();
  const dialects = {};
  const facts = { newestKeySince: '', types: {}, unitRows: [] };
  const newer = (a, b) => {
    const x = a.split('.').map(Number);
    const y = b.split('.').map(Number);
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
    return false;
  };
  const missing = [];
  for (const t of QUADLET_TYPES) {
    const fileType = `.${t}`;
    const id = `quadlet-${t}`;
    const packed = [];
    const keySince = {};
    const required = new Map();
    for (const r of rows.slice(1)) {
      if (r[col.file_type] === '*' || r[col.file_type] === fileType) {
        if (['Unit', 'Service', 'Install'].includes(r[col.section])) {
          facts.unitRows.push([r[col.file_type], r[col.section], r[col.directive], r[col.notes] ?? '']);
          continue;
        }
      }
      if (r[col.file_type] !== fileType) continue;
      const section = r[col.section];
      const name = r[col.directive];
      const since = r[col.since_podman];
      if (!/^\d+\.\d+\.\d+$/.test(since)) fail(`quadlet.tsv: bad since_podman ${since} for ${fileType} ${name}`);
      if (!facts.newestKeySince || newer(since, facts.newestKeySince)) facts.newestKeySince = since;
      keySince[`${section}.${name}`] = since;
      const sKey = summaries.has(`${section}.${name}`) ? `${section}.${name}` : `*.${name}`;
      const summary = summaries.get(sKey);
      if (!summary) missing.push(`${section}.${name}`);
      used.add(sKey);
      const ev = r[col.enum_values] ?? '';
      let kind = r[col.value_kind];
      // Only Environment= holds variable names; Label=, Annotation=, Options=… take any KEY=VALUE.
      if (
        (kind === 'environment' && name !== 'Environment') ||
        !QUADLET_KINDS.has(kind) ||
        ((kind === 'enum' || kind === 'enum-or-bool') && ev.includes('<') && ev !== 'healthy|<bool>')
      )
        kind = 'string';
      const req = r[col.required] ?? '';
      if (req === 'yes') required.set(name, [name]);
      else if (/^yes \(or (\w+)=\)$/.test(req)) required.set(name, [name, /^yes \(or (\w+)=\)$/.exec(req)[1]]);
      else if (/^File= or SetWorkingDirectory= is required/.test(req))
        required.set(name, ['File', 'SetWorkingDirectory']);
      const notes = r[col.notes] ?? '';
      packed.push([
        intern(section),
        name,
        0,
        1,
        intern(/^deprecated\b/.test(notes) ? 'deprecated' : 'active'),
        0,
        intern(/^deprecated \(use (\w+)=/.exec(notes)?.[1] ?? ''),
        intern(''),
        intern(kind),
        intern(r[col.list]),
        ev ? enumSetOf(ev) : -1,
        intern(r[col.default] ?? ''),
        intern('podman-systemd.unit'),
        intern(summary ?? ''),
        null,
        0,
      ]);
    }
    const typeSection = t[0].toUpperCase() + t.slice(1);
    const sections = [typeSection, 'Quadlet'].map((name) => {
      const ss = summaries.get(`[${name}]`);
      if (ss) used.add(`[${name}]`);
      return [name, 0, name === typeSection ? [...required.values()] : [], null, 1, null, ss ? intern(ss) : -1];
    });
    dialects[id] = { file: fileType, sections, rows: packed };
    facts.types[id] = { fileType, since: QUADLET_TYPE_SINCE[t], keySince };
  }
  // The same [Unit]/[Service]/[Install] row can be listed once per type: keep each once.
  const seen = new Set();
  facts.unitRows = facts.unitRows.filter((r) => {
    const k = r.join('\t');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (missing.length)
    fail(`quadlet-summaries.tsv: no summary for ${missing.length} key(s): ${missing.slice(0, 20).join(', ')}`);
  const unused = [...summaries.keys()].filter((k) => !used.has(k));
  if (unused.length) fail(`quadlet-summaries.tsv: summaries for unknown keys: ${unused.join(', ')}`);
  return { dialects, facts };
}
