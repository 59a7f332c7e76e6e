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
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** The `file` column of the tables -> our dialect id. */
export const DIALECT_IDS = {
  '*.network': 'network', '*.netdev': 'netdev', '*.link': 'link',
  'journald.conf': 'journald', 'journal-remote.conf': 'journal-remote', 'journal-upload.conf': 'journal-upload',
  'logind.conf': 'logind', 'resolved.conf': 'resolved', 'timesyncd.conf': 'timesyncd', 'coredump.conf': 'coredump',
  'networkd.conf': 'networkd', 'oomd.conf': 'oomd', 'sleep.conf': 'sleep', 'homed.conf': 'homed', 'pstore.conf': 'pstore',
  'iocost.conf': 'iocost', 'sysext.conf': 'sysext', 'confext.conf': 'confext', 'udev.conf': 'udev',
  'kernel/install.conf': 'kernel-install', '*.dnssd': 'dnssd', '*.dns-delegate': 'dns-delegate', '*.nspawn': 'nspawn',
  'repart.d/*.conf': 'repart', 'sysupdate.d/*.transfer': 'sysupdate-transfer', 'sysupdate.d/*.feature': 'sysupdate-feature',
};

function readTsv(path) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => l.split('\t'));
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
    const part = raw.replace(/\s*\(src\/[^)]*\)\s*$/, '').replace(/\s*\(man\/[^)]*\)\s*$/, '').trim();
    if (/does not check|\bwhen\b|^\w+=\/\w+=/.test(part)) continue;
    let m = /^one of ((?:\w[\w-]*=,? ?)+)(?:\(or ([\w=/-]+)\))?/.exec(part);
    if (m) {
      const keys = [...m[1].matchAll(/(\w[\w-]*)=/g), ...(m[2] ? m[2].matchAll(/(\w[\w-]*)=/g) : [])].map((x) => x[1]);
      out.push(keys);
      continue;
    }
    m = /^(\w[\w-]*)= and (\w[\w-]*)=/.exec(part);
    if (m) { out.push([m[1]], [m[2]]); continue; }
    m = /^(\w[\w-]*)=(?: \((?:or (?:old )?)?(\w[\w-]*)=\)| or (\w[\w-]*)=)?/.exec(part);
    if (m) { out.push([m[1], ...(m[2] ? [m[2]] : []), ...(m[3] ? [m[3]] : [])]); continue; }
  }
  return out;
}

export function generateDialects(root, check) {
  const out = join(root, 'server/src/catalog/dialects.generated.ts');
  const fail = (msg) => { console.error(`generateDialects: ${msg}`); process.exit(1); };
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
    if (!stringIndex.has(v)) { stringIndex.set(v, strings.length); strings.push(v); }
    return stringIndex.get(v);
  };
  const enumSets = [];
  const enumIndex = new Map();

  const byDialect = new Map();
  for (const t of tables) {
    const col = Object.fromEntries(t.header.map((h, i) => [h, i + 1]));
    for (const need of ['section', 'directive', 'since_version', 'in_v252', 'status_v260', 'replacement', 'parser', 'value_kind', 'list', 'enum_values', 'default', 'man_page', 'notes']) {
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
    if (!existsSync(sumPath)) { pending.push(id); continue; }
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
      if (stub) { status = 'ignored'; statusSince = Number(stub[1]); }
      if (!['active', 'renamed', 'deprecated'].includes(status) && !stub) fail(`${id}: unknown status ${statusRaw} for ${key}`);
      const ev = r[col.enum_values];
      let enumSet = -1;
      if (ev) {
        if (!enumIndex.has(ev)) { enumIndex.set(ev, enumSets.length); enumSets.push(ev.split('|')); }
        enumSet = enumIndex.get(ev);
      }
      const notes = r[col.notes] ?? '';
      const range = /(?:^|;\s*)range=(-?\d+)\.\.(-?\d+)/.exec(notes);
      packed.push([
        intern(section), name, Number(r[col.since_version]) || 0, r[col.in_v252] === 'yes' ? 1 : 0, intern(status), statusSince,
        intern(r[col.replacement]), intern(r[col.parser]), intern(r[col.value_kind]), intern(r[col.list]), enumSet,
        intern(r[col.default]), intern(r[col.man_page]), intern(summary ?? ''), range ? [range[1], range[2]] : null,
        /(?:^|;\s*)fatal\b/.test(notes) ? 1 : 0,
      ]);
    }
    if (missing.length) fail(`summaries-${id}.tsv: no summary for ${missing.length} key(s): ${missing.slice(0, 20).join(', ')}`);
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
        name, c[sh.repeatable] === 'yes' ? 1 : 0, parseRequired(c[sh.required]),
        c[sh.netdev_kinds] ? c[sh.netdev_kinds].split(/\s+/) : null, c[sh.accepted_by_parser] === 'no' ? 0 : 1,
        renamed ? renamed[1] : null, sectionSummaries.has(ssKey) ? intern(sectionSummaries.get(ssKey)) : -1,
      ]);
    }
    keyCount += packed.length;
    dialects[id] = { file, sections, rows: packed };
  }
  const unusedSS = [...sectionSummaries.keys()].filter((k) => !usedSectionSummaries.has(k) && !pending.includes(k.split('\u0000')[0]));
  if (unusedSS.length) fail(`section-summaries.tsv: unknown sections ${unusedSS.map((k) => k.replace('\u0000', ' ')).join(', ')}`);

  const lines = [];
  lines.push('// GENERATED by scripts/generateDialects.mjs (run by scripts/generateCatalog.mjs) from data/dialects/. DO NOT EDIT.');
  lines.push('// Regenerate with `npm run generate`; a test fails when this file is stale.');
  lines.push('/* eslint-disable */');
  lines.push('');
  lines.push('/** [section#, name, since, inV252, status#, statusSince, replacement#, parser#, kind#, list#, enumSet, default#, manPage#, summary#, range, fatal] (# = index into DIALECT_STRINGS) */');
  lines.push('export type DialectRow = readonly [number, string, number, 0 | 1, number, number, number, number, number, number, number, number, number, number, readonly [string, string] | null, 0 | 1];');
  lines.push('/** [name, repeatable, required (each: alternative keys), netdevKinds, acceptedByParser, renamedTo, summary# or -1] */');
  lines.push('export type DialectSectionRow = readonly [string, 0 | 1, readonly (readonly string[])[], readonly string[] | null, 0 | 1, string | null, number];');
  lines.push('');
  lines.push(`/** Dialects still without summaries (not generated): ${pending.join(', ') || 'none'}. */`);
  lines.push(`export const PENDING_DIALECTS: readonly string[] = ${JSON.stringify(pending)};`);
  lines.push('');
  lines.push('export const DIALECT_ENUM_SETS: readonly (readonly string[])[] = [');
  for (const e of enumSets) lines.push(`  ${JSON.stringify(e)},`);
  lines.push('];');
  lines.push('');
  lines.push('export const DIALECT_TABLES: Readonly<Record<string, { readonly file: string; readonly sections: readonly DialectSectionRow[]; readonly rows: readonly DialectRow[] }>> = {');
  for (const [id, d] of Object.entries(dialects)) {
    lines.push(`  ${JSON.stringify(id)}: {`);
    lines.push(`    file: ${JSON.stringify(d.file)},`);
    lines.push('    sections: [');
    for (const s of d.sections) lines.push(`      ${JSON.stringify(s)},`);
    lines.push('    ],');
    lines.push('    rows: [');
    for (const r of d.rows) lines.push(`      ${JSON.stringify(r)},`);
    lines.push('    ],');
    lines.push('  },');
  }
  lines.push('};');
  lines.push('');
  lines.push(`export const DIALECT_STRINGS: readonly string[] = ${JSON.stringify(strings)};`);
  lines.push('');
  const content = lines.join('\n');
  if (check) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current !== content) fail('server/src/catalog/dialects.generated.ts is stale: run `npm run generate`.');
    console.log(`dialect catalogs are up to date (${Object.keys(dialects).length} dialects, ${keyCount} keys; pending: ${pending.join(', ') || 'none'})`);
  } else {
    writeFileSync(out, content);
    console.log(`wrote ${out}: ${Object.keys(dialects).length} dialects, ${keyCount} keys; pending: ${pending.join(', ') || 'none'}`);
  }
}
