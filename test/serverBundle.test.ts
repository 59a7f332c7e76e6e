/**
 * The LSP server's bundle (scripts/build.mjs; `npm test` builds before it runs): dist/server.js launches
 * dist/server.mjs, which with the chunks it imports statically is what starts; the features of
 * services/onDemand.ts are a chunk of their own, loaded by import() on the first request.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '../dist');
const read = (f: string): string => readFileSync(join(DIST, f), 'utf8');
const chunkRefs = (src: string, re: RegExp): string[] => [...new Set([...src.matchAll(re)].map((m) => m[1]!))];
/** A sentence only the command planners (services/commands.ts) contain. */
const PLANNER_TEXT = 'Then: systemctl daemon-reexec, and check with wdctl.';

describe('server bundle', () => {
  it('is built (npm run build)', () => {
    expect(existsSync(join(DIST, 'server.js')), 'dist/server.js is missing: npm run build').toBe(true);
    expect(read('server.js')).toContain("import('./server.mjs')");
  });

  it('starts with at most 500 KiB, without the features it loads on demand', () => {
    const main = read('server.mjs');
    const eager = ['server.mjs', ...chunkRefs(main, /from\s*"\.\/(server-[^"]+\.mjs)"/g)];
    const lazy = chunkRefs(main, /import\("\.\/(server-[^"]+\.mjs)"\)/g);
    expect(lazy.length).toBeGreaterThan(0);
    for (const f of [...eager, ...lazy]) expect(existsSync(join(DIST, f)), f).toBe(true);
    // Chunks a lazy chunk imports statically but the start-up part does not are lazy too; none may be eager.
    const startup = eager.reduce((n, f) => n + statSync(join(DIST, f)).size, 0);
    expect(startup, `start-up part ${startup} bytes`).toBeLessThanOrEqual(500 * 1024);
    for (const f of eager) expect(read(f).includes(PLANNER_TEXT), `${f} holds the planners`).toBe(false);
    expect(lazy.some((f) => read(f).includes(PLANNER_TEXT))).toBe(true);
  });
});
