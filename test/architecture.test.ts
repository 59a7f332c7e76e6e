/**
 * The layer rule of ARCHITECTURE.md, checked on every import in server/src and client/src (static, dynamic and
 * type-only). Bottom to top:
 *
 *   0  util/, parser/                     (each imports only itself)
 *   1  catalog/, man/
 *   2  values/, watchdog/, socketActivation/
 *   3  units/
 *   4  services/
 *   5  languageService.ts, planners.ts     (the facade: the LSP server's part, and the commands' whole of it)
 *   6  server.ts, main.ts, idleMemory.ts, cli.ts, cli/, settings.ts   (the edges: LSP and terminal; they reach the
 *                                       rest through the facade)
 *      client/src                          (reaches server/src only through the facade)
 *
 * The LSP server (server.ts, main.ts) imports languageService.ts, never planners.ts: what planners.ts adds, and
 * services/onDemand.ts (which only the facade imports, with import()), stays out of the server's start-up bundle.
 *
 * A file may import its own layer and the layers below; the edges and the client only the facade (and each other).
 * Only server.ts, main.ts and cli.ts may import vscode-languageserver.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const ROOT = join(__dirname, '..');

interface Layer {
  readonly name: string;
  readonly rank: number;
}

const FOLDER_LAYERS: Record<string, Layer> = {
  util: { name: 'util', rank: 0 },
  parser: { name: 'parser', rank: 0 },
  catalog: { name: 'catalog', rank: 1 },
  man: { name: 'man', rank: 1 },
  values: { name: 'values', rank: 2 },
  watchdog: { name: 'watchdog', rank: 2 },
  socketActivation: { name: 'socketActivation', rank: 2 },
  units: { name: 'units', rank: 3 },
  services: { name: 'services', rank: 4 },
  cli: { name: 'cli', rank: 6 },
};
const FILE_LAYERS: Record<string, Layer> = {
  languageService: { name: 'facade', rank: 5 },
  planners: { name: 'facade', rank: 5 },
  server: { name: 'server', rank: 6 },
  main: { name: 'main', rank: 6 },
  idleMemory: { name: 'main', rank: 6 },
  cli: { name: 'cli', rank: 6 },
  settings: { name: 'settings', rank: 6 },
};
const EDGE_RANK = 6;
const FACADE_RANK = 5;
const CLIENT: Layer = { name: 'client', rank: 7 };
/** Files allowed to import vscode-languageserver. */
const LSP_FILES = new Set(['server/src/server.ts', 'server/src/main.ts', 'server/src/cli.ts']);

/** The layer of a repository path (with or without extension); `undefined` for a server/src path no layer claims. */
function layerOf(path: string): Layer | undefined {
  if (path.startsWith('client/src/')) return CLIENT;
  const m = /^server\/src\/(.+)$/.exec(path);
  if (!m) return undefined;
  const parts = m[1]!.split('/');
  if (parts.length === 1) return FILE_LAYERS[parts[0]!.replace(/\.[cm]?[jt]s$/, '')];
  return FOLDER_LAYERS[parts[0]!];
}

/** Every module specifier in a source text: `import … from`, `export … from`, `import '…'`, `import('…')`. */
function importsOf(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

/**
 * Why `from` may not import `specifier`, or undefined when it may. `from` is a repository path; relative specifiers
 * are resolved against it, package names are checked only for vscode-languageserver.
 */
function violation(from: string, specifier: string): string | undefined {
  const source = layerOf(from);
  if (!source)
    return `${from} is in no layer: add its folder to the layer table in test/architecture.test.ts and ARCHITECTURE.md`;
  if (!specifier.startsWith('.')) {
    if (/^vscode-languageserver(\/|$)/.test(specifier) && !LSP_FILES.has(from)) {
      return `only server.ts, main.ts and cli.ts may import vscode-languageserver`;
    }
    return undefined;
  }
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  const dest = layerOf(target);
  if (source === CLIENT) {
    if (target.startsWith('client/src/') || !target.startsWith('server/src/')) return undefined;
    return dest?.rank === FACADE_RANK
      ? undefined
      : `client may import from server/src only the facade (server/src/languageService.ts, server/src/planners.ts)`;
  }
  if (!dest) {
    if (target.startsWith('server/src/')) return `${target} is in no layer`;
    // The snippets the extension contributes are static data: the catalog (layer 1) is their one reader.
    if (/^snippets\/[^/]+\.json$/.test(target) && source.name === 'catalog') return undefined;
    return `layer ${source.name} may not import ${target}, outside server/src`;
  }
  if (dest === CLIENT) return `layer ${source.name} may not import layer client`;
  if (
    (from === 'server/src/server.ts' || from === 'server/src/main.ts') &&
    /^server\/src\/planners(\.[jt]s)?$/.test(target)
  )
    return `the LSP server imports languageService.ts, not planners.ts (its planners load on demand)`;
  if (/^server\/src\/services\/onDemand(\.[jt]s)?$/.test(target) && from !== 'server/src/languageService.ts')
    return `only the facade loads services/onDemand.ts (loadLanguageFeatures)`;
  if (source.rank === 0 && dest.name !== source.name) return `layer ${source.name} may not import layer ${dest.name}`;
  if (dest.rank > source.rank) return `layer ${source.name} may not import layer ${dest.name}`;
  if (source.rank === EDGE_RANK && dest.rank < FACADE_RANK) {
    return `layer ${source.name} may not import layer ${dest.name}: the edges reach the language service through the facade`;
  }
  return undefined;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

describe('the layer checker itself', () => {
  it('maps paths to layers', () => {
    expect(layerOf('server/src/parser/parser.ts')?.name).toBe('parser');
    expect(layerOf('server/src/services/rules/values.ts')?.name).toBe('services');
    expect(layerOf('server/src/languageService.ts')?.name).toBe('facade');
    expect(layerOf('server/src/languageService')?.name).toBe('facade');
    expect(layerOf('server/src/cli/effective.ts')?.rank).toBe(EDGE_RANK);
    expect(layerOf('server/src/cli.js')?.rank).toBe(EDGE_RANK);
    expect(layerOf('client/src/extension.ts')).toBe(CLIENT);
    expect(layerOf('server/src/newFolder/x.ts')).toBeUndefined();
  });

  it('finds every kind of import, over several lines too', () => {
    const src = [
      "import { a,\n  b } from './a.js';",
      "import type { T } from '../types.js';",
      'export { c } from "./c.js";',
      "export * from './d.js';",
      "import './side-effect.js';",
      "const m = await import('./lazy.js');",
      "function f(x: import('../../units/fileKind.js').FileKind) {}",
      '// importing from here is fine in prose',
      "const s = 'from';",
    ].join('\n');
    expect(importsOf(src).sort()).toEqual(
      ['../../units/fileKind.js', '../types.js', './a.js', './c.js', './d.js', './lazy.js', './side-effect.js'].sort(),
    );
  });

  it('refuses upward imports and allows downward ones', () => {
    expect(violation('server/src/parser/parser.ts', '../catalog/catalog.js')).toBe(
      'layer parser may not import layer catalog',
    );
    expect(violation('server/src/parser/parser.ts', '../util/cache.js')).toBe('layer parser may not import layer util');
    expect(violation('server/src/parser/parser.ts', './lineIndex.js')).toBeUndefined();
    expect(violation('server/src/catalog/catalog.ts', '../values/types.js')).toBe(
      'layer catalog may not import layer values',
    );
    expect(violation('server/src/values/kinds.ts', '../catalog/catalog.js')).toBeUndefined();
    expect(violation('server/src/units/siblings.ts', '../languageService.js')).toBe(
      'layer units may not import layer facade',
    );
    expect(violation('server/src/units/siblings.ts', '../services/rules/types.js')).toBe(
      'layer units may not import layer services',
    );
    expect(violation('server/src/services/rules/fdHints.ts', '../../socketActivation/hints.js')).toBeUndefined();
    expect(violation('server/src/socketActivation/strace.ts', '../services/codes.js')).toBe(
      'layer socketActivation may not import layer services',
    );
    expect(violation('server/src/languageService.ts', './units/hierarchy.js')).toBeUndefined();
    expect(violation('server/src/languageService.ts', './server.js')).toBe('layer facade may not import layer server');
  });

  it('keeps the edges and the client on the facade, and vscode-languageserver at the edges', () => {
    expect(violation('server/src/server.ts', './languageService.js')).toBeUndefined();
    expect(violation('server/src/server.ts', './main.js')).toBeUndefined();
    expect(violation('server/src/cli/effective.ts', '../languageService.js')).toBeUndefined();
    expect(violation('server/src/cli/effective.ts', '../units/effective.js')).toMatch(
      /^layer cli may not import layer units: /,
    );
    expect(violation('server/src/server.ts', './services/hover.js')).toMatch(
      /^layer server may not import layer services: /,
    );
    expect(violation('client/src/extension.ts', '../../server/src/languageService.js')).toBeUndefined();
    expect(violation('client/src/extension.ts', './install.js')).toBeUndefined();
    expect(violation('client/src/watchdogCommand.ts', '../../server/src/services/rules/watchdog.js')).toMatch(
      /^client may import from server\/src only the facade/,
    );
    expect(violation('client/src/install.ts', '../../server/src/planners.js')).toBeUndefined();
    expect(violation('server/src/cli/effective.ts', '../planners.js')).toBeUndefined();
    expect(violation('server/src/server.ts', './planners.js')).toMatch(/^the LSP server imports languageService.ts/);
    expect(violation('server/src/services/hover.ts', './onDemand.js')).toMatch(/^only the facade loads/);
    expect(violation('server/src/languageService.ts', './services/onDemand.js')).toBeUndefined();
    expect(violation('server/src/server.ts', 'vscode-languageserver/node')).toBeUndefined();
    expect(violation('server/src/services/hover.ts', 'vscode-languageserver')).toBe(
      'only server.ts, main.ts and cli.ts may import vscode-languageserver',
    );
    expect(violation('server/src/units/x.ts', 'node:fs')).toBeUndefined();
    expect(violation('server/src/newFolder/x.ts', '../parser/parser.js')).toMatch(/is in no layer/);
  });
});

describe('the facade loads its on-demand features lazily', () => {
  it('languageService.ts names services/onDemand.ts only in import() and in types', () => {
    const src = readFileSync(join(ROOT, 'server/src/languageService.ts'), 'utf8');
    const mentions = [...src.matchAll(/[^\n]*onDemand\.js[^\n]*/g)].map((m) => m[0]);
    expect(mentions.length).toBeGreaterThan(0);
    for (const line of mentions) expect(line, line).toMatch(/import\('\.\/services\/onDemand\.js'\)/);
  });
});

describe('imports only go down the layers', () => {
  const files = [...sourceFiles('server/src'), ...sourceFiles('client/src')];

  it('every import of server/src and client/src respects the layer rule', () => {
    // Guard against a vacuous pass (wrong folder, broken regex): there are well over 80 files and 300 imports.
    const all = files.flatMap((f) => importsOf(readFileSync(join(ROOT, f), 'utf8')).map((spec) => ({ f, spec })));
    expect(files.length).toBeGreaterThan(80);
    expect(all.length).toBeGreaterThan(300);
    const unmapped = files
      .filter((f) => !layerOf(f))
      .map(
        (f) =>
          `${f} is in no layer: add its folder to the layer table in test/architecture.test.ts and ARCHITECTURE.md`,
      );
    const problems = all.flatMap(({ f, spec }) => {
      const why = layerOf(f) && violation(f, spec);
      return why ? [`${f} → ${spec} (${why})`] : [];
    });
    problems.unshift(...unmapped);
    expect(problems, `${problems.length} import(s) go against the layer rule:\n${problems.join('\n')}\n`).toEqual([]);
  });
});
