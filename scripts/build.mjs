#!/usr/bin/env node
/** Bundles the client, the server and the CLI with esbuild into dist/. `--watch` rebuilds on change. */
import * as esbuild from 'esbuild';
import { existsSync, rmSync, chmodSync, cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const watch = process.argv.includes('--watch');
const production = !watch;
if (!watch) rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20', // package.json engines: node >=20
  format: 'cjs',
  sourcemap: watch ? 'inline' : false,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  // The generated tables are JSON read at run time from dist/data/ (server/src/util/dataFile.ts).
  define: { __BUNDLED__: 'true' },
  // dataFile.ts's source-tree branch uses import.meta.url; in a bundle that branch is never taken.
  logOverride: { 'empty-import-meta': 'silent' },
};

/** Every server/src/**\/*.generated.json, copied to dist/data/ with its path below server/src. */
function copyTables() {
  const found = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.generated.json')) found.push(p);
    }
  };
  walk('server/src');
  for (const p of found) {
    const to = join('dist/data', relative('server/src', p));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(p, to);
  }
  return found.length;
}

const builds = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', define: { ...common.define, __CLI_ENTRY__: 'true' } },
];
/**
 * The LSP server: ES modules split in chunks, so what the first diagnostics do not need (services/onDemand.ts:
 * completion, hover, commands, writers) is a chunk loaded on demand. dist/server.mjs is the start-up part;
 * dist/server.js, the path clients start, is a two-line CommonJS launcher. The banner gives the bundled CommonJS
 * dependencies (vscode-languageserver) `require`, and our code `__dirname` (dataFile.ts finds dist/data by it).
 */
const serverBuild = {
  entryPoints: { server: 'server/src/main.ts' },
  outdir: 'dist',
  format: 'esm',
  splitting: true,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'server-[name]-[hash]',
  metafile: true,
  banner: {
    js: "import { createRequire as __sduRequire } from 'node:module'; import { fileURLToPath as __sduPath } from 'node:url'; const require = __sduRequire(import.meta.url); const __filename = __sduPath(import.meta.url); const __dirname = __sduPath(new URL('.', import.meta.url));",
  },
};
const LAUNCHER = `'use strict';
// Starts the language server (dist/server.mjs and its chunks: ES modules, loaded on demand). Editors start this file.
import('./server.mjs').catch((err) => {
  process.stderr.write(\`systemd-units: cannot start the language server: \${err && err.stack ? err.stack : err}\\n\`);
  process.exit(1);
});
`;
if (existsSync('server/src/main.ts')) builds.push(serverBuild);
if (existsSync('client/src/extension.ts'))
  builds.push({
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode', './commands.js'],
  });
if (existsSync('client/src/commands.ts'))
  builds.push({ entryPoints: ['client/src/commands.ts'], outfile: 'dist/commands.js', external: ['vscode'] });

if (watch) {
  copyTables();
  for (const b of builds) (await esbuild.context({ ...common, ...b })).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  if (builds.includes(serverBuild)) writeFileSync('dist/server.js', LAUNCHER);
  chmodSync('dist/cli.js', 0o755);
  const tables = copyTables();
  console.log(
    `built ${builds.map((b) => b.outfile ?? 'dist/server.js (+ dist/server*.mjs)').join(', ')} and ${tables} tables in dist/data`,
  );
  if ((await import('./buildPreload.mjs')).buildPreload().status === 'failed') process.exitCode = 1;
}
