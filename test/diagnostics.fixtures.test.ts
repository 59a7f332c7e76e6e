import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAnnotations, actualDiagnostics, compare } from './support/annotations.js';
import { decodeBytes } from '../server/src/languageService.js';

const root = join(__dirname, 'fixtures/diagnostics');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

describe('annotated diagnostic fixtures', () => {
  for (const file of walk(root)) {
    it(relative(root, file), () => {
      const text = decodeBytes(readFileSync(file)); // lossless: invalid UTF-8 and NUL bytes reach the parser as written
      const { expected, options } = parseAnnotations(text);
      const problems = compare(expected, actualDiagnostics(file, text, options));
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
