#!/usr/bin/env node
// End-to-end tests of the preload library with unmodified Debian daemons (run by scripts/preload-e2e.sh, which
// installs what they need). Prints ok/not ok per check, a report of the evidence (also written to
// test-results/preload-e2e/report.md), and a closing "N passed, N failed" line.
import { existsSync } from 'node:fs';
import { CLI, LIBRARY, check, counts, writeReport } from './lib.mjs';
import { mosquitto } from './mosquitto.mjs';
import { slapd } from './slapd.mjs';

const started = Date.now();
const only = process.argv.slice(2);
if (check(`${LIBRARY} is installed`, existsSync(LIBRARY)) & check(`${CLI} is built`, existsSync(CLI))) {
  for (const [name, test] of [
    ['mosquitto', mosquitto],
    ['slapd', slapd],
  ]) {
    if (only.length && !only.includes(name)) continue;
    try {
      await test();
    } catch (e) {
      check(`${name}: no exception`, false, e?.stack ?? e);
    }
  }
}
writeReport();
const { passed, failed } = counts();
console.log(`\npreload e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
