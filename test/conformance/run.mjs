#!/usr/bin/env node
/**
 * Conformance suite: our checker vs `systemd-analyze verify` (systemd 252) on real unit files from Debian packages,
 * then mutation tests. See test/conformance/README.md.
 *
 * The dialect part (daemon configs, networkd, udev…; issue 13) follows: test/conformance/dialects.mjs.
 *
 * Usage: node test/conformance/run.mjs [--limit N] [--no-download] [--no-mutations] [--no-dialects] [--jobs N] [--verbose]
 *   --limit N        use N corpus files (spread evenly over the corpus) and at most N mutation base units
 *   --no-download    use what is in .cache/conformance/ (no apt-get); fails if the cache is empty
 *   --no-mutations   skip the mutation tests
 *   --no-dialects    skip the dialect part (daemon configs, networkd and udev files)
 *   --jobs N         parallel systemd-analyze runs (default: min(2, cores))
 * Exit: 0 all good, 1 a false error (or mutation detection under 90%), 2 the suite could not run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCorpus } from './corpus.mjs';
import { planJobs, runOracle, parseOutput, NOISE } from './oracle.mjs';
import { compareFile, ensureCli, runCli, byFile } from './compare.mjs';
import { runMutations } from './mutations.mjs';
import { runDialects } from './dialects.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const CACHE = join(REPO, '.cache', 'conformance');
const PKGS = join(CACHE, 'pkgs');

function parseArgs(argv) {
  const o = {
    limit: Infinity,
    download: true,
    mutations: true,
    dialects: true,
    jobs: Math.max(1, Math.min(2, availableParallelism())),
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) usage(`${a.split('=')[0]} needs a positive number`);
      return n;
    };
    if (a === '--limit' || a.startsWith('--limit=')) o.limit = val();
    else if (a === '--jobs' || a.startsWith('--jobs=')) o.jobs = val();
    else if (a === '--no-download') o.download = false;
    else if (a === '--no-mutations') o.mutations = false;
    else if (a === '--no-dialects') o.dialects = false;
    else if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a === '--help' || a === '-h') usage(null);
    else usage(`unknown option ${a}`);
  }
  return o;
}

function usage(msg) {
  const text =
    'Usage: node test/conformance/run.mjs [--limit N] [--no-download] [--no-mutations] [--no-dialects] [--jobs N] [--verbose]';
  if (msg) {
    console.error(`conformance: ${msg}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

/** N items spread evenly over the list (deterministic). */
function spread(list, n) {
  if (n >= list.length) return list;
  const out = [];
  for (let i = 0; i < n; i++) out.push(list[Math.floor((i * list.length) / n)]);
  return out;
}

const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rel = (p) => (p.startsWith(PKGS) ? relative(PKGS, p) : p);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  mkdirSync(CACHE, { recursive: true });

  // 1. Corpus
  if (opts.download) {
    const { fetchCorpus } = await import('../../scripts/conformance/fetch-corpus.mjs');
    try {
      fetchCorpus({ quiet: false });
    } catch (e) {
      console.error(`conformance: fetching the corpus failed (${e.message}); going on with the cache`);
    }
  }
  const all = listCorpus(PKGS);
  const pkgCount = new Set(all.map((e) => e.pkg)).size;
  if (!all.some((e) => e.pkg !== '(host)')) {
    console.error('conformance: no corpus in .cache/conformance/pkgs (run without --no-download, as root on Debian)');
    if (!all.length) process.exit(2);
  }

  // 2. Oracle
  const planned = planJobs(all);
  let jobs = planned.jobs;
  if (opts.limit < Infinity) {
    // Keep whole jobs (a unit and its drop-ins), spread over the corpus, until N files.
    const picked = [];
    let n = 0;
    for (const j of spread(jobs, opts.limit)) {
      if (n >= opts.limit) break;
      picked.push(j);
      n += j.covers.length;
    }
    jobs = picked;
  }
  const tOracle = Date.now();
  const oracle = await runOracle(jobs, {
    cacheDir: join(CACHE, 'oracle'),
    concurrency: opts.jobs,
    onProgress: (d, n) => console.log(`[oracle] ${d}/${n} systemd-analyze runs`),
  });
  const oracleWallMs = Date.now() - tOracle;

  // Per file: systemd's per-line findings, whether a covering job saw the unit refused.
  const files = new Map(); // path -> { entry, sysLines: [], unitFailed, unitMessages: [] }
  const skipped = planned.skipped.map((s) => ({ file: s.entry.file, why: s.why }));
  let sysMsTotal = 0;
  for (const r of oracle.results) {
    sysMsTotal += r.ms;
    const p = parseOutput(r.job, r.output);
    if (p.targetMissing) {
      for (const e of r.job.covers) skipped.push({ file: e.file, why: `systemd did not find ${r.job.target}` });
      continue;
    }
    r.job.covers.forEach((e, i) => {
      if (!files.has(e.file)) files.set(e.file, { entry: e, sysLines: [], unitFailed: false, unitMessages: [] });
      const f = files.get(e.file);
      f.sysLines.push(...(p.perFile.get(i) ?? []));
      f.unitFailed ||= p.unitFailed;
      if (i === 0) f.unitMessages.push(...p.unitMessages.filter((u) => !u.other && !u.noise).map((u) => u.message));
    });
  }

  // 3. Our checker, once on every verified file
  const buildErr = ensureCli(REPO);
  if (buildErr) {
    console.error(`conformance: cannot build dist/cli.js: ${buildErr}`);
    process.exit(2);
  }
  const paths = [...files.keys()];
  const cli = runCli(REPO, paths);
  const ours = byFile(cli.findings.map((f) => ({ ...f, file: resolve(f.file) })));

  // 4. Compare
  const totals = {
    files: files.size,
    sysFindings: 0,
    flagged: 0,
    flaggedError: 0,
    missed: 0,
    falseErrors: 0,
    unitsRefused: 0,
  };
  const falseErrors = [];
  const missed = [];
  const extraByCode = new Map();
  const sysByMessage = new Map();
  let failedFiles = 0;
  const unitLevel = [];
  for (const [path, f] of files) {
    for (const message of new Set(f.unitMessages)) unitLevel.push({ file: rel(path), message, refused: f.unitFailed });
    const text = readFileSync(path, 'utf8');
    const c = compareFile(text, f.sysLines, ours.get(path) ?? [], f.unitFailed);
    if (f.unitFailed) totals.unitsRefused++;
    totals.sysFindings += c.kept.length;
    totals.flagged += c.flagged.length;
    totals.flaggedError += c.flaggedError.length;
    totals.missed += c.missed.length;
    for (const k of c.kept) {
      const key = k.message.replace(/: .*$/, ': …').replace(/'[^']*'/g, "'…'");
      const s = sysByMessage.get(key) ?? { count: 0, flagged: 0 };
      s.count++;
      if (c.flagged.some((x) => x.sys === k)) s.flagged++;
      sysByMessage.set(key, s);
    }
    for (const m of c.missed)
      missed.push({
        file: rel(path),
        line: m.sys.line,
        systemd: m.sys.message,
        text: text.split(/\r?\n/)[m.sys.line - 1] ?? '',
      });
    for (const e of c.extra) {
      const x = extraByCode.get(e.code) ?? { count: 0, severity: {}, examples: [] };
      x.count++;
      x.severity[e.severity] = (x.severity[e.severity] ?? 0) + 1;
      if (x.examples.length < 3)
        x.examples.push({
          file: rel(path),
          line: e.line,
          message: e.message,
          text: text.split(/\r?\n/)[e.line - 1] ?? '',
        });
      extraByCode.set(e.code, x);
    }
    if (c.falseErrors.length) {
      failedFiles++;
      totals.falseErrors += c.falseErrors.length;
      for (const e of c.falseErrors)
        falseErrors.push({ file: rel(path), line: e.line, code: e.code, message: e.message, text: e.text });
    }
  }

  const report = {
    systemd: oracle.version,
    packages: pkgCount - (all.some((e) => e.pkg === '(host)') ? 1 : 0),
    corpusFiles: all.length,
    totals,
    skipped,
    timing: {
      ourCliMs: Math.round(cli.ms),
      systemdVerifyTotalMs: Math.round(sysMsTotal),
      systemdRunsThisTime: oracle.ranJobs,
      systemdWallMsThisTime: oracleWallMs,
      systemdRuns: jobs.length,
    },
    systemdFindingsByMessage: Object.fromEntries([...sysByMessage].sort((a, b) => b[1].count - a[1].count)),
    falseErrors,
    missed,
    unitLevel,
    oursOnlyByCode: Object.fromEntries([...extraByCode].sort((a, b) => b[1].count - a[1].count)),
    noiseFilter: NOISE.map((n) => ({ pattern: String(n.re), why: n.why })),
  };

  // Print the corpus summary
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  console.log('');
  console.log(
    `== Corpus: ${report.packages} Debian packages + this machine's units; ${all.length} files, ${files.size} verified by ${oracle.version}`,
  );
  if (skipped.length)
    console.log(`   not verified: ${skipped.length} (${[...new Set(skipped.map((s) => s.why))].join('; ')})`);
  console.log(`   units systemd refuses: ${totals.unitsRefused}`);
  if (unitLevel.length) {
    console.log(`   unit-level messages (not on a line; not compared): ${unitLevel.length}`);
    for (const u of unitLevel.slice(0, opts.verbose ? Infinity : 8)) console.log(`       ${u.file}: ${u.message}`);
  }
  console.log(`   systemd per-line findings (after the noise filter): ${totals.sysFindings}`);
  console.log(
    `   ... that we flag: ${totals.flagged} (${pct(totals.flagged, totals.sysFindings)}), as error: ${totals.flaggedError}`,
  );
  for (const [k, v] of sysByMessage)
    console.log(`       ${String(v.flagged).padStart(4)}/${String(v.count).padEnd(4)} ${k}`);
  if (missed.length) {
    console.log(`   systemd findings we do not flag: ${missed.length}`);
    for (const m of missed.slice(0, opts.verbose ? Infinity : 10))
      console.log(`       ${m.file}:${m.line}: systemd: ${m.systemd}\n           | ${m.text}`);
  }
  console.log(`   we flag where systemd is silent (any severity), by code:`);
  for (const [code, x] of extraByCode) {
    console.log(`       ${String(x.count).padStart(5)} ${code} ${JSON.stringify(x.severity)}`);
    for (const e of x.examples.slice(0, opts.verbose ? 3 : 1))
      console.log(`             e.g. ${e.file}:${e.line}: ${e.message}\n                  | ${e.text}`);
  }
  console.log(
    `   timing: our CLI ${sec(cli.ms)} for ${files.size} files (one run); systemd-analyze verify ${sec(sysMsTotal)} summed over ${jobs.length} runs` +
      (oracle.ranJobs < jobs.length
        ? ` (measured when cached; ${oracle.ranJobs} run now, ${sec(oracleWallMs)} wall)`
        : ` (${sec(oracleWallMs)} wall with ${opts.jobs} in parallel)`),
  );
  console.log(
    `   FALSE ERRORS (we say error, systemd printed nothing for the line and accepted the unit): ${falseErrors.length} in ${failedFiles} file(s)`,
  );
  for (const e of falseErrors)
    console.log(`     ${e.file}:${e.line}: error[${e.code}] ${e.message}\n         | ${e.text}`);

  // 5. Mutations
  let mut = null;
  if (opts.mutations) {
    mut = await runMutations({
      repo: REPO,
      cache: CACHE,
      files,
      ours,
      concurrency: opts.jobs,
      limit: Math.min(100, opts.limit),
      verbose: opts.verbose,
    });
    report.mutations = mut.report;
  }
  // 6. The other dialects: daemon configs, networkd and udev files (0 errors, every mutant flagged).
  let dia = null;
  if (opts.dialects) {
    dia = await runDialects({ verbose: opts.verbose });
    report.dialects = dia.report;
  }
  writeFileSync(join(CACHE, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nreport: ${relative(REPO, join(CACHE, 'report.json'))}; total ${sec(Date.now() - t0)}`);

  // Closing line: corpus files (failed = has a false error) + mutants (failed = false error on a line systemd
  // accepts) + the detection gate (>= 90% of the lines systemd flags in mutants).
  let passed = files.size - failedFiles;
  let failed = failedFiles;
  if (mut) {
    passed += mut.passed;
    failed += mut.failed;
  }
  if (dia) {
    passed += dia.passed;
    failed += dia.failed;
  }
  console.log(`conformance: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`conformance: ${e.stack || e}`);
  process.exit(2);
});
