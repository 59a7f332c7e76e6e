#!/usr/bin/env node
/**
 * `npm run package`: builds (unless --no-build), then runs `vsce package --no-dependencies`
 * and writes systemd-units-<version>.vsix in the repo root. Prints the size and the file list,
 * and fails if the package holds anything but bundled output (node_modules, maps, sources).
 * Then the Open VSX checks that need no network run on the .vsix (see ovsxProblems below);
 * the script fails when vsce or any of them fails.
 *
 *   node scripts/package.mjs [--no-build] [--out FILE]
 *   node scripts/package.mjs --check FILE     only the file-list and Open VSX checks of an existing .vsix
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIdx = args.indexOf('--out');
const checkIdx = args.indexOf('--check');
const checkOnly = checkIdx >= 0;
const out = resolve(
  checkOnly ? process.cwd() : root,
  checkOnly ? args[checkIdx + 1] : outIdx >= 0 ? args[outIdx + 1] : `${pkg.name}-${pkg.version}.vsix`,
);

/** A path as the user would type it from here. */
const shown = (p) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));

function run(cmd, cmdArgs) {
  console.log(`$ ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`package: ${cmd} failed (${r.error?.message ?? `exit ${r.status}`})`);
    process.exit(1);
  }
}

function vscePackage() {
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
}
if (!checkOnly) vscePackage();
if (!existsSync(out)) {
  console.error(`package: ${shown(out)} does not exist`);
  process.exit(1);
}

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
console.log(`\n${shown(out)}: ${kb(statSync(out).size)} (${statSync(out).size} bytes), ${entries.length} files`);
for (const e of entries) console.log(`  ${e.name.padEnd(48)} ${kb(e.size).padStart(12)}`);

const bad = entries.filter((e) =>
  // Source folders anywhere, and data/ at the top (dist/data/ holds the generated tables the server reads).
  /(^|\/)node_modules\/|\.map$|\.tsx?$|(^|\/)(src|test|scripts|examples|\.cache)\/|^data\//.test(
    e.name.replace(/^extension\//, ''),
  ),
);
if (bad.length) {
  console.error(`package: unexpected files in the .vsix:\n${bad.map((e) => `  ${e.name}`).join('\n')}`);
  process.exit(1);
}
// The server is dist/server.js plus ES module chunks (start-up part, features loaded on demand): all must ship.
const chunks = readdirSync(join(root, 'dist')).filter((f) => /^server.*\.mjs$/.test(f));
const missingChunks = chunks.filter((f) => !entries.some((e) => e.name === `extension/dist/${f}`));
if (!chunks.length || missingChunks.length) {
  console.error(
    `package: the server's modules are not all in the .vsix: ${missingChunks.join(', ') || 'no dist/server*.mjs'}`,
  );
  process.exit(1);
}

/**
 * Open VSX. `ovsx publish FILE.vsix` uploads the file and the registry checks it there; what ovsx itself does before
 * that needs no network, and is run here with ovsx's own functions:
 *  - the license check it makes before packaging for open-vsx.org (`isLicenseOk`: a `license` field or a LICENSE
 *    file; with no terminal it would not ask, and the registry would refuse the upload);
 *  - reading the manifest out of the .vsix as the upload does (`readVSIXPackage`), and `validateManifest` on it;
 *  - the registry's upload size limit (`Registry.maxPublishSize`).
 * The registry's own checks of the metadata (its published validation rules: name pattern, semantic version,
 * lengths, no control characters, absolute URLs, allowed values) are restated below on the packaged manifest.
 */
async function ovsxProblems(vsixPath, zipEntries) {
  const require = createRequire(import.meta.url);
  let ovsx, zip;
  try {
    ovsx = require('ovsx');
    zip = require('ovsx/lib/zip.js');
  } catch {
    return ['ovsx is not installed (npm install)'];
  }
  const problems = [];
  const registry = new ovsx.Registry();
  try {
    if (registry.requiresLicense && !(await ovsx.isLicenseOk(root)))
      problems.push(
        `${registry.url} accepts only licensed extensions: add "license" to package.json or a LICENSE file`,
      );
  } catch (e) {
    problems.push(`package.json: ${e.message}`);
  }
  let m;
  try {
    m = await zip.readVSIXPackage(vsixPath);
    ovsx.validateManifest(m);
  } catch (e) {
    problems.push(`the manifest in the .vsix: ${e.message}`);
    return problems;
  }
  const size = statSync(vsixPath).size;
  if (size > registry.maxPublishSize)
    problems.push(`${size} bytes: over the upload limit of ${registry.maxPublishSize}`);
  if (!m.license && !zipEntries.some((e) => /^extension\/licen[cs]e(\.(md|txt))?$/i.test(e.name)))
    problems.push('no license: neither a "license" field nor a LICENSE file in the package');

  const name = /^[\w\-+$~]+$/;
  for (const [field, v] of [
    ['publisher (the Open VSX namespace)', m.publisher],
    ['name', m.name],
  ]) {
    if (!name.test(v)) problems.push(`${field} '${v}' may hold only letters, digits, _ - + $ ~`);
    if (v.length > 255) problems.push(`${field} is longer than 255 characters`);
  }
  // Semantic Versioning 2.0 (https://semver.org), and not one of the names the registry uses in its URLs.
  const semver =
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
  if (!semver.test(m.version ?? '')) problems.push(`version '${m.version}' is not a semantic version`);
  if (['latest', 'pre-release', 'reviews'].includes(m.version)) problems.push(`version '${m.version}' is reserved`);
  if (!m.engines?.vscode) problems.push('engines.vscode is missing');

  // Text fields: a length limit, and no control, format, private-use or unassigned characters.
  const badChar = (v, allow = '') =>
    [...v].findIndex((c) => !allow.includes(c) && /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/u.test(c));
  const text = (field, v, limit, allow) => {
    if (v === undefined || v === null) return;
    if (typeof v !== 'string') return problems.push(`${field} is not a string`);
    const i = badChar(v, allow);
    if (i >= 0) problems.push(`${field} has a control or invisible character at index ${i}`);
    if (v.length > limit) problems.push(`${field} is longer than ${limit} characters`);
  };
  text('displayName', m.displayName, 255);
  text('description', m.description, 2048, '\u200d');
  for (const c of m.categories ?? []) text('categories', c, 255);
  for (const k of m.keywords ?? []) text('keywords', k, 255);
  text('license', m.license, 255);
  text('galleryBanner.color', m.galleryBanner?.color, 16);

  const isUrl = (v) => {
    try {
      const u = new URL(v.startsWith('git+') ? v.slice(4) : v);
      return !/^https?:$/.test(u.protocol) || u.host !== '';
    } catch {
      return false;
    }
  };
  const urlOf = (v) => (typeof v === 'string' ? v : v?.url);
  for (const [field, v] of [
    ['homepage', m.homepage],
    ['repository', urlOf(m.repository)],
    ['bugs', urlOf(m.bugs)],
  ]) {
    if (!v) continue;
    if (!isUrl(v)) problems.push(`${field} '${v}' is not an absolute URL`);
    if (v.length > 255) problems.push(`${field} is longer than 255 characters`);
  }
  const oneOf = (field, v, allowed) => {
    if (v && !allowed.includes(v)) problems.push(`${field} '${v}' is not one of ${allowed.join(', ')}`);
  };
  oneOf('markdown', m.markdown, ['github', 'standard']);
  oneOf('galleryBanner.theme', m.galleryBanner?.theme, ['dark', 'light']);
  if (m.qna !== undefined && m.qna !== false && !['marketplace', 'false'].includes(m.qna) && !isUrl(String(m.qna)))
    problems.push(`qna '${m.qna}' is not 'marketplace', false or a URL`);
  return problems;
}

const problems = await ovsxProblems(out, entries);
if (problems.length) {
  console.error(`package: Open VSX would refuse ${shown(out)}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Open VSX checks (ovsx ${createRequire(import.meta.url)('ovsx/package.json').version}, offline): passed`);
