// Prints the closing "N passed, N failed" line for CI from the suites' reports: every vitest JSON report in
// test-results/ (vitest.json from `npm test`, vitest-slow.json from `npm run test:slow`) and the last
// "N passed, N failed" line of the conformance and real-editor logs, plus one failure per step in
// test-results/failed-steps.txt.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
let passed = 0;
let failed = 0;
const parts = [];
const reports = existsSync('test-results')
  ? readdirSync('test-results')
      .filter((f) => /^vitest.*\.json$/.test(f))
      .sort((a, b) => a.length - b.length || a.localeCompare(b))
  : [];
for (const f of reports) {
  const r = JSON.parse(readFileSync(`test-results/${f}`, 'utf8'));
  // A file that fails to load (syntax error, throwing import) has no tests in the counts; count it as one failure.
  const brokenFiles = (r.testResults ?? []).filter(
    (t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0,
  ).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + brokenFiles;
  parts.push(`${f.replace(/\.json$/, '')} ${r.numPassedTests}/${r.numTotalTests + brokenFiles}`);
}
for (const f of [
  'test-results/conformance.txt',
  'test-results/security.txt',
  'test-results/e2e.txt',
  'test-results/preload-e2e.txt',
]) {
  if (!existsSync(f)) continue;
  const m = /(\d+) passed, (\d+) failed/.exec(
    readFileSync(f, 'utf8')
      .trim()
      .split('\n')
      .reverse()
      .find((l) => /\d+ passed, \d+ failed/.test(l)) ?? '',
  );
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
    parts.push(`${f.replace(/^test-results\/|\.txt$/g, '')} ${m[1]}/${Number(m[1]) + Number(m[2])}`);
  }
}
// Steps that failed before writing any report (.ci/run lists them), e.g. lint or typecheck in `npm test`.
if (existsSync('test-results/failed-steps.txt')) {
  for (const step of readFileSync('test-results/failed-steps.txt', 'utf8').split('\n').filter(Boolean)) {
    failed += 1;
    parts.push(`${step} failed before its tests ran`);
  }
}
console.log(`(${parts.join(', ')})`);
console.log(`${passed} passed, ${failed} failed`);
