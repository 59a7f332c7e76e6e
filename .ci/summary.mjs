// Prints the closing "N passed, N failed" line for CI from the suites' reports.
import { existsSync, readFileSync } from 'node:fs';
let passed = 0;
let failed = 0;
const parts = [];
if (existsSync('test-results/vitest.json')) {
  const r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests;
  parts.push(`vitest ${r.numPassedTests}/${r.numTotalTests}`);
}
for (const f of ['test-results/conformance.txt', 'test-results/e2e.txt']) {
  if (!existsSync(f)) continue;
  const m = /(\d+) passed, (\d+) failed/.exec(readFileSync(f, 'utf8').trim().split('\n').reverse().find((l) => /\d+ passed, \d+ failed/.test(l)) ?? '');
  if (m) { passed += Number(m[1]); failed += Number(m[2]); parts.push(`${f.replace(/^test-results\/|\.txt$/g, '')} ${m[1]}/${Number(m[1]) + Number(m[2])}`); }
}
console.log(`(${parts.join(', ')})`);
console.log(`${passed} passed, ${failed} failed`);
