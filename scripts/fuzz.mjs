#!/usr/bin/env node
/**
 * Fuzz the parser and every language-service feature (see test/robustness/fuzzCore.ts for the inputs and the
 * property). The TypeScript core is bundled with esbuild into a temporary file first, so a run goes at full speed.
 *
 *   npm run fuzz -- --runs 100000 [--jobs 2] [--seed N] [--kind all|random|bytes|structured|mutated] [--batch 2000]
 *
 * Runs are split into batches (each with its own seed, printed); the first failure prints the shrunk input and the
 * seed/path to replay it, and the exit code is 1. `--jobs N` forks N worker processes with different seeds.
 * An input that takes longer than --slow-ms (default 2000) fails as well (a hang in the editor).
 * Known, reported bugs (KNOWN_ISSUES in fuzzCore.ts) are counted, not failed, unless `--strict`.
 */
import * as esbuild from 'esbuild';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const o = {
    runs: 10000,
    jobs: 1,
    seed: undefined,
    kind: 'all',
    batch: 2000,
    worker: undefined,
    quiet: false,
    json: undefined,
    strict: false,
    slowMs: 2000,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const val = () => inline ?? argv[++i];
    switch (flag) {
      case '--runs':
        o.runs = Number(val());
        break;
      case '--jobs':
        o.jobs = Number(val());
        break;
      case '--seed':
        o.seed = Number(val());
        break;
      case '--kind':
        o.kind = val();
        break;
      case '--batch':
        o.batch = Number(val());
        break;
      case '--worker':
        o.worker = Number(val());
        break;
      case '--quiet':
        o.quiet = true;
        break;
      case '--strict':
        o.strict = true;
        break;
      case '--slow-ms':
        o.slowMs = Number(val());
        break;
      case '--json':
        o.json = val();
        break;
      case '--help':
      case '-h':
        console.log(
          'usage: node scripts/fuzz.mjs [--runs N] [--jobs J] [--seed S] [--kind all|random|bytes|structured|mutated] [--batch B] [--json FILE] [--strict] [--slow-ms MS]',
        );
        process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default:
        console.error(`fuzz: unknown argument ${a}`);
        process.exit(2);
    }
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) {
    console.error('fuzz: --runs needs a positive integer');
    process.exit(2);
  }
  if (!Number.isInteger(o.jobs) || o.jobs < 1) {
    console.error('fuzz: --jobs needs a positive integer');
    process.exit(2);
  }
  if (o.seed === undefined) o.seed = (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  return o;
}

const opts = parseArgs(process.argv.slice(2));

if (opts.jobs > 1 && opts.worker === undefined) {
  // Coordinator: fork workers with disjoint seeds, sum their results.
  const start = Date.now();
  const per = Math.ceil(opts.runs / opts.jobs);
  console.log(`fuzz: ${opts.runs} inputs in ${opts.jobs} processes, base seed ${opts.seed}`);
  const results = await Promise.all(
    Array.from(
      { length: opts.jobs },
      (_, w) =>
        new Promise((res) => {
          const args = [
            '--runs',
            String(Math.min(per, opts.runs - per * w)),
            '--seed',
            String(opts.seed + w * 1_000_003),
            '--kind',
            opts.kind,
            '--batch',
            String(opts.batch),
            '--worker',
            String(w),
            ...(opts.strict ? ['--strict'] : []),
            '--slow-ms',
            String(opts.slowMs),
          ];
          const child = fork(fileURLToPath(import.meta.url), args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
          let summary;
          child.stdout.on('data', (d) => process.stdout.write(String(d).replace(/^(?=.)/gm, `[${w}] `)));
          child.on('message', (m) => {
            summary = m;
          });
          child.on('exit', (code) => res({ code, summary }));
        }),
    ),
  );
  const total = results.reduce((s, r) => s + (r.summary?.runs ?? 0), 0);
  const secs = (Date.now() - start) / 1000;
  const failed = results.filter((r) => r.code !== 0);
  console.log(
    `fuzz: ${failed.length ? 'FAILED' : 'ok'}: ${total} inputs in ${secs.toFixed(1)} s (${Math.round(total / secs)}/s over ${opts.jobs} processes)`,
  );
  if (opts.json)
    writeFileSync(
      opts.json,
      JSON.stringify(
        {
          runs: total,
          seconds: secs,
          jobs: opts.jobs,
          seed: opts.seed,
          failed: failed.length,
          workers: results.map((r) => r.summary),
        },
        null,
        2,
      ),
    );
  process.exit(failed.length ? 1 : 0);
}

// Worker (or single process): bundle the core, then run batches.
const tmp = mkdtempSync(join(tmpdir(), 'sdu-fuzz-'));
const bundle = join(tmp, 'fuzzCore.mjs');
await esbuild.build({
  entryPoints: [join(root, 'test/robustness/fuzzCore.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: bundle,
  define: { __DATA_ROOT__: JSON.stringify(join(root, 'server/src')) }, // the generated tables (util/dataFile.ts)
  sourcemap: 'inline',
  logLevel: 'warning',
  // esm output of cjs deps needs require(): give it one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
process.setSourceMapsEnabled?.(true);
const core = await import(pathToFileURL(bundle).href);
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const { fc } = core;

process.chdir(root);
const corpus = core.loadCorpus(core.CORPUS_DIRS);
const arbs = core.arbitraries(corpus);
const arb = arbs[opts.kind];
if (!arb) {
  console.error(`fuzz: no generator '${opts.kind}' (corpus: ${corpus.length} files)`);
  process.exit(2);
}

const log = (s) => {
  if (!opts.quiet) console.log(s);
};
log(`fuzz: ${opts.runs} inputs (${opts.kind}), seed ${opts.seed}, ${corpus.length} real units as mutation seeds`);
const stats = core.newStats();
if (opts.strict) core.setStrict(true);
let slowest = { ms: 0, origin: '' };
const prop = fc.property(arb, (input) => {
  const t0 = performance.now();
  core.checkInput(input, stats);
  const ms = performance.now() - t0;
  if (ms > slowest.ms) slowest = { ms, origin: input.origin.slice(0, 200), input };
  // A pathological input (super-linear code, a regex that backtracks) is a failure too; it shrinks like any other.
  if (ms > opts.slowMs) throw new Error(`slow input: ${ms.toFixed(0)} ms > ${opts.slowMs} ms`);
});

const start = Date.now();
let done = 0;
let lastLog = 0;
for (let b = 0; done < opts.runs; b++) {
  const n = Math.min(opts.batch, opts.runs - done);
  const seed = (opts.seed + b * 7919) | 0;
  const r = fc.check(prop, { numRuns: n, seed });
  if (r.failed) {
    console.log(`\nfuzz: FAILURE after ${done + r.numRuns} inputs (batch seed ${seed}, path ${r.counterexamplePath})`);
    console.log(`replay: node scripts/fuzz.mjs --kind ${opts.kind} --runs ${n} --seed ${seed} --batch ${n}`);
    const ex = r.counterexample?.[0];
    if (ex) console.log(`shrunk input (after ${r.numShrinks} shrinks):\n${core.describeInput(ex)}`);
    const err = r.errorInstance;
    console.log(`error: ${err instanceof Error ? err.stack : String(err)}`);
    process.send?.({ runs: done + r.numRuns, seconds: (Date.now() - start) / 1000, failed: true, seed });
    process.exit(1);
  }
  done += n;
  const now = Date.now();
  if (now - lastLog > 10000 || done >= opts.runs) {
    lastLog = now;
    const secs = (now - start) / 1000;
    log(
      `fuzz: ${done}/${opts.runs} inputs, ${secs.toFixed(1)} s, ${Math.round(done / secs)}/s; slowest input ${slowest.ms.toFixed(1)} ms`,
    );
  }
}
const secs = (Date.now() - start) / 1000;
console.log(
  `fuzz: ok: ${done} inputs in ${secs.toFixed(1)} s (${Math.round(done / secs)}/s); ${stats.diagnostics} diagnostics, ${stats.completions} completion items, ${stats.hovers} hovers, ${stats.actions} code actions checked; known issues hit: ${JSON.stringify(stats.known)}; slowest input ${slowest.ms.toFixed(1)} ms (${slowest.origin.slice(0, 120)})`,
);
if (slowest.ms > 200 && slowest.input)
  console.log(
    `slowest input:\n${core
      .describeInput(slowest.input)
      .split('\n')
      .filter((l) => !l.startsWith('bytes'))
      .join('\n')
      .slice(0, 1500)}`,
  );
process.send?.({ runs: done, seconds: secs, failed: false, seed: opts.seed, stats, slowestMs: slowest.ms });
if (opts.json && opts.worker === undefined)
  writeFileSync(
    opts.json,
    JSON.stringify({ runs: done, seconds: secs, jobs: 1, seed: opts.seed, stats, slowestMs: slowest.ms }, null, 2),
  );
