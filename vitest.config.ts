import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `fast` is what `npm test` runs (about 10 s); `slow` is `npm run test:slow`: the time-boxed
 * fuzzer, hostile files and the leak check over the real protocol, and the suites that ask systemd-analyze itself.
 * `npx vitest run some.test.ts` finds a file in either tier.
 */
const slow = [
  'test/robustness/**/*.test.ts',
  'test/values/oracle.test.ts',
  'test/units/*.oracle.test.ts',
  'test/units/minimalDropIn.systemd.test.ts',
];
const never = ['test/e2e/**', 'test/conformance/**', 'node_modules/**'];

export default defineConfig({
  test: {
    testTimeout: 30000,
    // The facade's on-demand features (completion, hover, commands…) loaded before any test, as the server does.
    setupFiles: ['test/support/loadFeatures.ts'],
    // In CI, also write a JSON report; .ci/summary.mjs turns test-results/vitest*.json into the closing
    // "N passed, N failed" line. `npm run test:slow` names its own file (--outputFile.json), so the tiers don't overwrite each other.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI ? { json: 'test-results/vitest.json' } : undefined,
    projects: [
      // The fast tier shares one module graph per worker (isolate: false): about half the wall time, since most files
      // import the same catalog and services. Tests restore what they change (env vars, temp folders); module caches
      // only hold facts about files by path. `npx vitest run --project fast --isolate` runs it the strict way.
      {
        extends: true,
        test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: [...never, ...slow], isolate: false },
      },
      { extends: true, test: { name: 'slow', include: slow, exclude: never } },
    ],
  },
});
