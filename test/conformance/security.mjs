#!/usr/bin/env node
/**
 * Conformance of `systemd-units security --target-version 252` with `systemd-analyze security --offline=true`
 * (systemd 252) on every real .service file of the conformance corpus (Debian 12 packages, see README.md, plus
 * this machine's /usr/lib/systemd/system). A template foo@.service is scored as the instance foo@x.service: the
 * template and its foo@.service.d/ drop-ins are copied into a temporary folder under that name, and both tools
 * read the copy.
 *
 * Compared per unit: the overall exposure and label (the pass mark), and each check's ✓/✗/n-a and share (reported).
 * Units the oracle refuses to load (no ExecStart=, bad settings…) are counted as skipped: systemd gives no score.
 *
 *   node test/conformance/security.mjs [--no-download] [--limit N] [--jobs N] [--verbose]
 *
 * Oracle outputs are cached in .cache/conformance/security-oracle/<sha256>.txt, keyed by the systemd version and the
 * content of the unit and its drop-ins. Exit code 0 when at least 99 % of the scored units agree.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCorpus } from './corpus.mjs';
import { ensureCli } from './compare.mjs';
import { systemdVersion } from './oracle.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = join(REPO, '.cache', 'conformance');
const ORACLE_CACHE = join(CACHE, 'security-oracle');

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const limit = opt('--limit') ? Number(opt('--limit')) : Infinity;
const jobs = opt('--jobs') ? Number(opt('--jobs')) : 2;
const verbose = args.includes('--verbose');

const version = systemdVersion();
if (!version || !/^systemd 252\b/.test(version)) {
  console.error(`security conformance needs systemd 252's systemd-analyze (found: ${version ?? 'none'})`);
  process.exit(2);
}
if (!args.includes('--no-download')) {
  const { fetchCorpus } = await import('../../scripts/conformance/fetch-corpus.mjs');
  await fetchCorpus({});
}
const built = ensureCli(REPO);
if (built) {
  console.error(built);
  process.exit(2);
}

// ---- the units -------------------------------------------------------------------------------------------------
const entries = listCorpus(join(CACHE, 'pkgs')).filter(
  (e) => e.scope === 'system' && (e.kind === 'unit' || e.kind === 'template') && e.name.endsWith('.service'),
);
const step = Number.isFinite(limit) && limit < entries.length ? entries.length / limit : 1;
const chosen = step === 1 ? entries : Array.from({ length: limit }, (_, i) => entries[Math.floor(i * step)]);
const work = mkdtempSync(join(tmpdir(), 'security-conformance-'));

/** The path both tools score, and the files whose content decides the result. */
function prepare(e, i) {
  const dropDir = (dir, name) => join(dir, `${name}.d`);
  const confs = (d) =>
    existsSync(d)
      ? readdirSync(d)
          .filter((n) => n.endsWith('.conf'))
          .sort()
          .map((n) => join(d, n))
      : [];
  if (e.kind === 'unit') return { path: e.file, files: [e.file, ...confs(dropDir(e.dir, e.name))] };
  const instance = e.name.replace('@.service', '@x.service');
  const dir = join(work, String(i));
  mkdirSync(dir, { recursive: true });
  copyFileSync(e.file, join(dir, instance));
  const files = [e.file];
  const d = dropDir(e.dir, e.name);
  if (existsSync(d)) {
    mkdirSync(dropDir(dir, e.name));
    for (const c of confs(d)) {
      copyFileSync(c, join(dropDir(dir, e.name), c.slice(d.length + 1)));
      files.push(c);
    }
  }
  return { path: join(dir, instance), files };
}

const units = chosen.map((e, i) => ({ entry: e, ...prepare(e, i) }));

// ---- the oracle ------------------------------------------------------------------------------------------------
mkdirSync(ORACLE_CACHE, { recursive: true });
function keyOf(u) {
  const h = createHash('sha256').update(
    `${version}\0security-offline-1\0${u.path.endsWith('@x.service') ? 'instance' : u.entry.name}\0`,
  );
  for (const f of u.files)
    h.update(f.slice(f.lastIndexOf('/') + 1))
      .update('\0')
      .update(readFileSync(f))
      .update('\0');
  return h.digest('hex');
}

function runOne(u) {
  return new Promise((done) => {
    const p = spawn('systemd-analyze', ['security', '--offline=true', '--no-pager', u.path], {
      env: { ...process.env, SYSTEMD_COLORS: '0', SYSTEMD_PAGER: '' },
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('close', (code) => done({ code, out, err }));
  });
}

async function oracleAll() {
  const results = new Array(units.length);
  let next = 0;
  const worker = async () => {
    while (next < units.length) {
      const i = next++;
      const u = units[i];
      const file = join(ORACLE_CACHE, `${keyOf(u)}.json`);
      if (existsSync(file)) {
        results[i] = JSON.parse(readFileSync(file, 'utf8'));
        continue;
      }
      const r = await runOne(u);
      writeFileSync(file, JSON.stringify(r));
      results[i] = r;
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return results;
}

/** The table systemd-analyze prints: rows (mark, name, share) and the overall line. */
function parseOracle(out) {
  const m = /Overall exposure level for \S+: (\d+\.\d) (\w+)/.exec(out);
  if (!m) return undefined;
  const rows = new Map();
  for (const l of out.split('\n').slice(1)) {
    const r = /^([✓✗ ]) (\S+)\s.*?(?:\s(\d+\.\d))?$/.exec(l);
    if (!r || !r[2].includes('=')) continue;
    rows.set(r[2], { set: r[1] === '✓' ? true : r[1] === '✗' ? false : null, exposure: r[3] ?? null });
  }
  return { exposure: m[1], label: m[2], rows };
}

const t0 = Date.now();
const oracle = await oracleAll();
const tOracle = Date.now() - t0;

// ---- ours ------------------------------------------------------------------------------------------------------
const cli = process.env.CONFORMANCE_CLI || join(REPO, 'dist', 'cli.js');
const ours = new Map();
const t1 = Date.now();
for (let i = 0; i < units.length; i += 400) {
  const chunk = units.slice(i, i + 400).map((u) => u.path);
  const r = spawnSync(process.execPath, [cli, 'security', '--target-version', '252', '--format', 'json', ...chunk], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (!r.stdout) {
    console.error(`our CLI failed: ${r.stderr}`);
    process.exit(2);
  }
  for (const x of JSON.parse(r.stdout)) ours.set(x.file, x);
}
const tOurs = Date.now() - t1;

// ---- compare ---------------------------------------------------------------------------------------------------
let passed = 0;
let failed = 0;
let skipped = 0;
let checkRows = 0;
let checkDiffs = 0;
const failures = [];
const checkFailures = new Map();
units.forEach((u, i) => {
  const o = parseOracle(oracle[i].out);
  if (!o) {
    skipped++;
    if (verbose)
      console.log(`skipped (systemd gives no score): ${u.entry.file}: ${oracle[i].err.trim().split('\n').at(-1)}`);
    return;
  }
  const our = ours.get(u.path);
  if (!our) {
    failed++;
    failures.push(`${u.entry.file}: not scored by our CLI (systemd: ${o.exposure} ${o.label})`);
    return;
  }
  const ourExposure = our.exposure.toFixed(1);
  if (ourExposure === o.exposure && our.label === o.label) passed++;
  else {
    failed++;
    failures.push(
      `${u.entry.pkg}: ${u.entry.name}: ours ${ourExposure} ${our.label}, systemd ${o.exposure} ${o.label}`,
    );
  }
  for (const c of our.checks) {
    const r = o.rows.get(c.id);
    if (!r) continue;
    checkRows++;
    const ourShare = c.exposure === null ? null : c.exposure.toFixed(1);
    if (r.set !== c.set || r.exposure !== ourShare) {
      checkDiffs++;
      const list = checkFailures.get(c.id) ?? [];
      list.push(`${u.entry.name}: ours ${c.set}/${ourShare}, systemd ${r.set}/${r.exposure}`);
      checkFailures.set(c.id, list);
    }
  }
});
rmSync(work, { recursive: true, force: true });

const scored = passed + failed;
const pct = scored ? (100 * passed) / scored : 0;
console.log(
  `security conformance (${version}): ${units.length} services, ${skipped} not scored by systemd (they fail to load), oracle ${(tOracle / 1000).toFixed(1)} s, ours ${(tOurs / 1000).toFixed(1)} s`,
);
for (const f of failures.slice(0, verbose ? Infinity : 20)) console.log(`  differs: ${f}`);
for (const [id, list] of checkFailures) {
  console.log(`  check ${id}: ${list.length} rows differ`);
  for (const l of list.slice(0, verbose ? Infinity : 3)) console.log(`    ${l}`);
}
console.log(`checks: ${checkRows - checkDiffs} of ${checkRows} rows equal (mark and share)`);
console.log(`${passed} passed, ${failed} failed (${pct.toFixed(2)} % equal exposure and label)`);
process.exit(scored > 0 && pct >= 99 ? 0 : 1);
