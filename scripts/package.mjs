#!/usr/bin/env node
/**
 * `npm run package`: builds (unless --no-build), then runs `vsce package --no-dependencies`
 * and writes systemd-units-<version>.vsix in the repo root. Prints the size and the file list,
 * and fails if the package holds anything but bundled output (node_modules, maps, sources).
 *
 *   node scripts/package.mjs [--no-build] [--out FILE]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIdx = args.indexOf('--out');
const out = resolve(root, outIdx >= 0 ? args[outIdx + 1] : `${pkg.name}-${pkg.version}.vsix`);

function run(cmd, cmdArgs) {
  console.log(`$ ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`package: ${cmd} failed (${r.error?.message ?? `exit ${r.status}`})`);
    process.exit(1);
  }
}

if (!args.includes('--no-build')) run(process.execPath, [join(root, 'scripts/build.mjs')]);
for (const f of ['dist/client.js', 'dist/server.js']) {
  if (!existsSync(join(root, f))) {
    console.error(`package: ${f} is missing; build first`);
    process.exit(1);
  }
}

// vsce asks y/N questions for a missing LICENSE or repository field; with no stdin (CI) that
// would fail, so answer them with flags instead.
const vsceArgs = ['package', '--no-dependencies', '--out', out];
if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => existsSync(join(root, f)))) vsceArgs.push('--skip-license');
if (!pkg.repository) vsceArgs.push('--allow-missing-repository');
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
if (!existsSync(vsce)) {
  console.error('package: @vscode/vsce is not installed (npm install)');
  process.exit(1);
}
run(process.execPath, [vsce, ...vsceArgs]);

/** Reads the central directory of a zip: [{ name, size }] (enough for a .vsix). */
function listZip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip central directory');
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28),
      extraLen = buf.readUInt16LE(p + 30),
      commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const buf = readFileSync(out);
const entries = listZip(buf);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `\n${out.slice(root.length + 1)}: ${kb(statSync(out).size)} (${statSync(out).size} bytes), ${entries.length} files`,
);
for (const e of entries) console.log(`  ${e.name.padEnd(48)} ${kb(e.size).padStart(12)}`);

const bad = entries.filter((e) =>
  /(^|\/)node_modules\/|\.map$|\.tsx?$|(^|\/)(src|test|scripts|data|examples|\.cache)\//.test(
    e.name.replace(/^extension\//, ''),
  ),
);
if (bad.length) {
  console.error(`package: unexpected files in the .vsix:\n${bad.map((e) => `  ${e.name}`).join('\n')}`);
  process.exit(1);
}
