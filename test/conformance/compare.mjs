/**
 * Comparing our checker's findings with systemd's, line by line; shared by the corpus run and the mutation tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * For each physical line (1-based), the range [start, end] of the logical line it belongs to. systemd joins lines
 * ending in a backslash (comment lines inside such a run are skipped) and reports a finding at the LAST physical
 * line of the run, while we may report the first: a finding matches when the ranges meet.
 */
export function logicalRanges(text) {
  const lines = text.split(/\r?\n/);
  const ranges = new Array(lines.length + 2);
  let start = null;
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const t = lines[i].trim();
    const inRun = start !== null;
    if (!inRun) start = n;
    const continues = t.endsWith('\\') || (inRun && (t.startsWith('#') || t.startsWith(';')));
    if (!continues) {
      for (let k = start; k <= n; k++) ranges[k] = [start, n];
      start = null;
    }
  }
  if (start !== null) for (let k = start; k <= lines.length; k++) ranges[k] = [start, lines.length];
  return (line) => ranges[line] ?? [line, line];
}

/** Newest mtime under a folder (to know whether dist/ is older than the sources). */
function newestMtime(dir) {
  let newest = 0;
  for (const n of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, n.name);
    newest = Math.max(newest, n.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Build dist/cli.js when it is missing or older than server/src. Returns an error message or null. */
export function ensureCli(repo, { force = false } = {}) {
  if (process.env.CONFORMANCE_CLI)
    return existsSync(process.env.CONFORMANCE_CLI)
      ? null
      : `CONFORMANCE_CLI=${process.env.CONFORMANCE_CLI} does not exist`;
  const cli = join(repo, 'dist', 'cli.js');
  const stale = !existsSync(cli) || newestMtime(join(repo, 'server', 'src')) > statSync(cli).mtimeMs;
  if (!force && !stale) return null;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(cli))
    return `build failed:\n${(r.stderr || r.stdout || '')
      .split('\n')
      .filter((l) => /error/i.test(l))
      .slice(0, 10)
      .join('\n')}`;
  return null;
}

/**
 * Run our CLI once (chunked only if the argument list would get too long) on the files.
 * @returns {{ findings: Array<{file,line,column,endLine,endColumn,severity,code,message}>, ms: number }}
 */
export function runCli(repo, files, { targetVersion = 252 } = {}) {
  // CONFORMANCE_CLI: another build of the CLI to compare (default: the repo's dist/cli.js).
  const cli = process.env.CONFORMANCE_CLI || join(repo, 'dist', 'cli.js');
  const findings = [];
  let ms = 0;
  const chunks = [];
  let cur = [];
  let len = 0;
  for (const f of files) {
    if (len + f.length + 1 > 1_000_000 && cur.length) {
      chunks.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(f);
    len += f.length + 1;
  }
  if (cur.length) chunks.push(cur);
  for (const chunk of chunks) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      [cli, 'check', '--format', 'json', '--target-version', String(targetVersion), '--', ...chunk],
      { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
    );
    ms += Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.error) throw r.error;
    if (r.status !== 0 && r.status !== 1)
      throw new Error(`our CLI exited ${r.status}: ${(r.stderr || '').slice(0, 2000)}`);
    let parsed;
    try {
      parsed = JSON.parse(r.stdout);
    } catch (e) {
      throw new Error(
        `our CLI did not print one JSON array (${e.message}); stderr: ${(r.stderr || '').slice(0, 2000)}`,
        { cause: e },
      );
    }
    if (!Array.isArray(parsed)) throw new Error('our CLI did not print a JSON array');
    findings.push(...parsed);
  }
  return { findings, ms };
}

/**
 * Compare one file.
 * @param {string} text the file's text
 * @param {Array<{line:number,message:string,noise:string|null}>} sysLines systemd's per-line findings (with noise)
 * @param {Array} ours our findings on this file
 * @param {boolean} unitFailed systemd refused the unit (then lines it did not flag are not known to be fine)
 * @param {Set<number>} [ignoreLines] lines not to count as false errors (the mutated lines, judged apart)
 * @returns {{ kept: Array, flagged: Array, flaggedError: Array, missed: Array, falseErrors: Array, extra: Array }}
 *   kept: systemd findings after the noise filter (one per line); flagged / flaggedError: those we flag (any
 *   severity / as error); missed: those we do not; falseErrors: our errors where systemd printed nothing and did
 *   not refuse the unit; extra: our findings (any severity) on lines systemd printed nothing for.
 */
export function compareFile(text, sysLines, ours, unitFailed, ignoreLines = new Set()) {
  const range = logicalRanges(text);
  const meets = (f, line) => {
    const [a, b] = range(line);
    const [c] = range(f.line);
    const [, d] = range(f.endLine ?? f.line);
    return c <= b && d >= a;
  };
  const keptByLine = new Map();
  for (const s of sysLines) if (!s.noise && !keptByLine.has(s.line)) keptByLine.set(s.line, s);
  const kept = [...keptByLine.values()];
  const flagged = [];
  const flaggedError = [];
  const missed = [];
  for (const s of kept) {
    const hits = ours.filter((f) => meets(f, s.line));
    if (hits.length) flagged.push({ sys: s, ours: hits });
    else missed.push({ sys: s });
    if (hits.some((f) => f.severity === 'error')) flaggedError.push({ sys: s, ours: hits });
  }
  const falseErrors = [];
  const extra = [];
  const lines = text.split(/\r?\n/);
  for (const f of ours) {
    const printed = sysLines.some((s) => meets(f, s.line)); // noise included: systemd did say something there
    if (printed) continue;
    extra.push(f);
    if (f.severity === 'error' && !unitFailed && !ignoreLines.has(f.line)) {
      falseErrors.push({ ...f, text: lines[f.line - 1] ?? '' });
    }
  }
  return { kept, flagged, flaggedError, missed, falseErrors, extra };
}

/** Group our findings by file. */
export function byFile(findings) {
  const m = new Map();
  for (const f of findings) {
    if (!m.has(f.file)) m.set(f.file, []);
    m.get(f.file).push(f);
  }
  return m;
}

export function readText(file) {
  return readFileSync(file, 'utf8');
}
