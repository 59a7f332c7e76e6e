/**
 * A bounded fuzzing run (about 20 s) of the parser and every language-service feature; the long runs are
 * `npm run fuzz -- --runs N` (scripts/fuzz.mjs, same core). Any exception, rule error or broken invariant fails
 * with the shrunk input printed (fast-check also prints the seed and path to replay it).
 */
import { describe, it, expect } from 'vitest';
import {
  fc,
  arbitraries,
  checkInput,
  describeInput,
  loadCorpus,
  newStats,
  CORPUS_DIRS,
  type FuzzInput,
} from './fuzzCore.js';

const corpus = loadCorpus(CORPUS_DIRS, 1500);
const arbs = arbitraries(corpus);
const SLOW_MS = 5000;

function run(arb: fc.Arbitrary<FuzzInput>, ms: number): number {
  const stats = newStats();
  let runs = 0;
  const prop = fc.property(arb, (input) => {
    runs++;
    const t0 = performance.now();
    try {
      checkInput(input, stats);
    } catch (err) {
      // Print the input readably; fast-check shrinks and reports the smallest one last.
      (err as Error).message += `\n${describeInput(input)}`;
      throw err;
    }
    const elapsed = performance.now() - t0;
    if (elapsed > SLOW_MS) throw new Error(`slow input: ${elapsed.toFixed(0)} ms\n${describeInput(input)}`);
  });
  fc.assert(prop, { numRuns: 1_000_000, interruptAfterTimeLimit: ms, markInterruptAsFailure: false });
  console.log(
    `fuzz: ${runs} inputs in ${ms / 1000} s; ${stats.diagnostics} diagnostics, ${stats.completions} completion items, ${stats.hovers} hovers, ${stats.actions} code actions; known issues hit: ${JSON.stringify(stats.known)}`,
  );
  return runs;
}

describe('fuzzing (bounded)', () => {
  it('has real units to mutate', () => {
    expect(corpus.length).toBeGreaterThan(5);
  });

  it('mutated real units: parser round trip and every feature', () => {
    expect(run(arbs.mutated!, 10_000)).toBeGreaterThan(100);
  }, 60_000);

  it('random strings, random bytes and structured units', () => {
    expect(run(fc.oneof(arbs.random, arbs.bytes, arbs.structured), 10_000)).toBeGreaterThan(100);
  }, 60_000);
});
