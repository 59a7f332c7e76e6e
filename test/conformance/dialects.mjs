/**
 * The dialect part of the conformance run (issue 13): the daemon configs, networkd and udev files and their drop-ins
 * that Debian packages ship (unpacked by scripts/conformance/fetch-corpus.mjs into .cache/conformance/pkgs/), plus
 * this machine's own. systemd has no offline check for these files, so the gates are ours:
 * - 0 errors from our CLI (`check --format json --target-version 252`, one run over every file), and 0 errors on
 *   the shipped samples with their commented settings (`#Storage=auto`) uncommented (checked in-process);
 * - every mutant flagged on its line (test/conformance/dialectCheck.ts: misspelled keys, a bad value per kind, keys in
 *   a section without them, no [Match], no Kind=).
 * Files of no dialect we read (bootchart.conf, zram-generator.conf) are listed and not counted.
 *
 * Usage: node test/conformance/dialects.mjs [--verbose]   (also run by run.mjs)
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCli, runCli } from './compare.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const CACHE = join(REPO, '.cache', 'conformance');
const PKGS = join(CACHE, 'pkgs');

const isFile = (p) => {
  try {
    return lstatSync(p).isFile();
  } catch {
    return false;
  }
};
const isDir = (p) => {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
};
const list = (d) => {
  try {
    return readdirSync(d).sort();
  } catch {
    return [];
  }
};

/** Folders (relative to a root) whose files and NAME.d/*.conf drop-ins belong to a dialect, and single files. */
const CONFIG_DIRS = [
  'etc/systemd',
  'lib/systemd',
  'usr/lib/systemd',
  'usr/local/lib/systemd',
  'etc/systemd/network',
  'lib/systemd/network',
  'usr/lib/systemd/network',
  'etc/systemd/dnssd',
  'usr/lib/systemd/dnssd',
  'etc/systemd/nspawn',
  'etc/repart.d',
  'usr/lib/repart.d',
  'etc/sysupdate.d',
  'usr/lib/sysupdate.d',
  'etc/udev',
  'lib/udev',
  'usr/lib/udev',
  'etc/kernel',
  'usr/lib/kernel',
  'lib/kernel',
];
/** What in those folders is a candidate: a main file of some dialect, or a drop-in folder of one. */
const CANDIDATE = /\.(conf|network|netdev|link|dnssd|nspawn|transfer|feature)$/;

/** Candidate dialect files under one root (regular files only: links are masks or aliases). */
export function dialectFilesUnder(root) {
  const out = [];
  for (const rel of CONFIG_DIRS) {
    const dir = join(root, rel);
    if (!isDir(dir)) continue;
    for (const name of list(dir)) {
      const p = join(dir, name);
      if (name.endsWith('.d') && CANDIDATE.test(name.slice(0, -2)) && isDir(p)) {
        for (const c of list(p)) if (c.endsWith('.conf') && isFile(join(p, c))) out.push(join(p, c));
      } else if (CANDIDATE.test(name) && isFile(p)) {
        // The unit search folders' own files are the unit corpus; resolv.conf and the like are left to recognition.
        out.push(p);
      }
    }
  }
  return out;
}

export function listDialectCorpus(pkgsDir = PKGS, { host = true } = {}) {
  const files = [];
  const pkgs = existsSync(pkgsDir)
    ? list(pkgsDir).filter((n) => !n.endsWith('.tmp') && existsSync(join(pkgsDir, n, '.done')))
    : [];
  for (const pkg of pkgs) for (const f of dialectFilesUnder(join(pkgsDir, pkg))) files.push({ file: f, pkg });
  if (host) {
    const seen = new Set();
    for (const f of dialectFilesUnder('/')) {
      // /lib is /usr/lib on merged-/usr systems: one copy.
      const key = f.replace(/^\/usr\/lib\//, '/lib/');
      if (seen.has(key)) continue;
      seen.add(key);
      files.push({ file: f, pkg: '(host)' });
    }
  }
  return files;
}

/** Bundle dialectCheck.ts (it imports the facade) into the cache and load it. */
async function loadChecker() {
  const esbuild = await import('esbuild');
  const out = join(CACHE, 'dialectCheck.mjs');
  mkdirSync(CACHE, { recursive: true });
  await esbuild.build({
    entryPoints: [join(HERE, 'dialectCheck.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'error',
    define: { __DATA_ROOT__: JSON.stringify(join(HERE, '../../server/src')) }, // the generated tables (util/dataFile.ts)
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return import(`${pathToFileURL(out).href}?t=${Date.now()}`);
}

/**
 * The dialect conformance run. Returns the counts per dialect, the failures and a report object.
 * @param {{ verbose?: boolean, pkgsDir?: string, host?: boolean }} [opts]
 */
export async function runDialects(opts = {}) {
  const t0 = Date.now();
  const rel = (p) => (p.startsWith(PKGS) ? relative(PKGS, p) : p);
  const corpus = listDialectCorpus(opts.pkgsDir ?? PKGS, { host: opts.host !== false });
  const files = corpus.map((c) => ({ path: c.file, text: readFileSync(c.file, 'utf8') }));
  const checker = await loadChecker();
  const results = checker.checkDialectFiles(files, 252);
  const recognised = results.filter((r) => r.dialect && !r.uncommented);
  const samples = results.filter((r) => r.dialect && r.uncommented);
  const ignored = results.filter((r) => !r.dialect && !r.uncommented).map((r) => rel(r.path));

  // 0 errors on the real files, through the CLI as users run it.
  const buildErr = ensureCli(REPO);
  if (buildErr) throw new Error(`cannot build dist/cli.js: ${buildErr}`);
  const cli = runCli(
    REPO,
    recognised.map((r) => r.path),
  );
  const byPath = new Map();
  for (const f of cli.findings) {
    const p = resolve(f.file);
    if (!byPath.has(p)) byPath.set(p, []);
    byPath.get(p).push(f);
  }

  const perDialect = new Map();
  const errors = [];
  const missed = [];
  let warnings = 0;
  for (const r of [...recognised, ...samples]) {
    const id = r.dropIn ? `${r.dialect} drop-in` : r.dialect;
    const s = perDialect.get(id) ?? {
      files: 0,
      samples: 0,
      packages: new Set(),
      mutants: 0,
      flagged: 0,
      errors: 0,
      warnings: 0,
    };
    s.mutants += r.mutants;
    s.flagged += r.mutants - r.missed.length;
    for (const m of r.missed)
      missed.push({ file: `${rel(r.path)}${r.uncommented ? ' (uncommented)' : ''}`, mutant: m });
    perDialect.set(id, s);
    if (r.uncommented) {
      s.samples++;
      s.errors += r.errors.length;
      for (const e of r.errors)
        errors.push({
          file: `${rel(r.path)} (uncommented)`,
          line: Number(e.split(':')[0]),
          code: /error\[([^\]]+)\]/.exec(e)?.[1] ?? '?',
          message: e.replace(/^\d+: error\[[^\]]+\] /, ''),
        });
      continue;
    }
    const findings = byPath.get(resolve(r.path)) ?? [];
    const errs = findings.filter((f) => f.severity === 'error');
    s.files++;
    s.packages.add(corpus.find((c) => c.file === r.path)?.pkg);
    s.errors += errs.length;
    s.warnings += findings.filter((f) => f.severity === 'warning').length;
    warnings += findings.filter((f) => f.severity === 'warning').length;
    for (const e of errs) errors.push({ file: rel(r.path), line: e.line, code: e.code, message: e.message });
  }

  const totalMutants = [...recognised, ...samples].reduce((n, r) => n + r.mutants, 0);
  console.log('');
  console.log(
    `== Dialects: ${recognised.length} files (${new Set(corpus.filter((c) => c.pkg !== '(host)').map((c) => c.pkg)).size} Debian packages + this machine), ${samples.length} of them also uncommented, ${totalMutants} mutants`,
  );
  console.log('   dialect                      files  uncommented  packages  errors  warnings  mutants  flagged');
  for (const [id, s] of [...perDialect].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    console.log(
      `   ${id.padEnd(28)} ${String(s.files).padStart(5)} ${String(s.samples).padStart(12)} ${String(s.packages.size).padStart(9)} ${String(s.errors).padStart(7)} ${String(s.warnings).padStart(9)} ${String(s.mutants).padStart(8)} ${String(s.flagged).padStart(8)}`,
    );
  }
  if (ignored.length)
    console.log(
      `   not a dialect we read (not counted): ${ignored.length}${opts.verbose ? `: ${ignored.join(', ')}` : ` (e.g. ${ignored.slice(0, 3).join(', ')})`}`,
    );
  console.log(`   ERRORS on real files: ${errors.length}`);
  for (const e of errors) console.log(`     ${e.file}:${e.line}: error[${e.code}] ${e.message}`);
  console.log(`   MUTANTS NOT FLAGGED on their line: ${missed.length} of ${totalMutants}`);
  for (const m of missed.slice(0, opts.verbose ? Infinity : 20)) console.log(`     ${m.file}: ${m.mutant}`);
  console.log(
    `   timing: ${((Date.now() - t0) / 1000).toFixed(1)} s (our CLI ${(cli.ms / 1000).toFixed(1)} s for the real files)`,
  );

  const failedFiles = new Set(errors.map((e) => e.file)).size;
  const checked = recognised.length + samples.length;
  const failedMutants = missed.length;
  const report = {
    files: recognised.length,
    uncommentedSamples: samples.length,
    mutants: totalMutants,
    warnings,
    ignored,
    perDialect: Object.fromEntries([...perDialect].map(([k, s]) => [k, { ...s, packages: s.packages.size }])),
    errors,
    missed,
    ms: Date.now() - t0,
  };
  return {
    passed: checked - failedFiles + totalMutants - failedMutants,
    failed: failedFiles + failedMutants,
    report,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runDialects({ verbose: process.argv.includes('--verbose') || process.argv.includes('-v') }).then(
    (r) => {
      console.log(`conformance (dialects): ${r.passed} passed, ${r.failed} failed`);
      process.exitCode = r.failed ? 1 : 0;
    },
    (e) => {
      console.error(`conformance (dialects): ${e.stack || e}`);
      process.exit(2);
    },
  );
}
