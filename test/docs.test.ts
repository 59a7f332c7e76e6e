/** docs/diagnostics.md, the page every diagnostic links to, is generated from the codes table and up to date. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, codeDocsUrl } from '../server/src/services/codes.js';
// @ts-expect-error: a plain .mjs script without types
import { renderDiagnosticsDoc } from '../scripts/generateDocs.mjs';

describe('diagnostic code documentation', () => {
  it('is current (run node scripts/generateDocs.mjs after changing codes.ts)', () => {
    expect(readFileSync(join(__dirname, '../docs/diagnostics.md'), 'utf8')).toBe(renderDiagnosticsDoc(CODES));
  });
  it('has a heading (an anchor) for every code the diagnostics link to', () => {
    const page = readFileSync(join(__dirname, '../docs/diagnostics.md'), 'utf8');
    for (const code of Object.keys(CODES)) {
      expect(codeDocsUrl(code)).toMatch(new RegExp(`docs/diagnostics\\.md#${code}$`));
      expect(page).toContain(`\n## ${code}\n`);
    }
  });
});
