#!/usr/bin/env node
/** Bundles the client, the server and the CLI with esbuild into dist/. `--watch` rebuilds on change. */
import * as esbuild from 'esbuild';
import { existsSync, rmSync, chmodSync } from 'node:fs';

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
};

const builds = [{ entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', define: { __CLI_ENTRY__: 'true' } }];
if (existsSync('server/src/main.ts')) builds.push({ entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' });
if (existsSync('client/src/extension.ts'))
  builds.push({
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode', './commands.js'],
  });
if (existsSync('client/src/commands.ts'))
  builds.push({ entryPoints: ['client/src/commands.ts'], outfile: 'dist/commands.js', external: ['vscode'] });

if (watch) {
  for (const b of builds) (await esbuild.context({ ...common, ...b })).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  chmodSync('dist/cli.js', 0o755);
  console.log(`built ${builds.map((b) => b.outfile).join(', ')}`);
  if ((await import('./buildPreload.mjs')).buildPreload().status === 'failed') process.exitCode = 1;
}
