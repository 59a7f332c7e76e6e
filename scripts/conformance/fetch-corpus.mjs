#!/usr/bin/env node
/**
 * Conformance corpus fetcher: downloads Debian packages that ship systemd unit files (`apt-get download`,
 * nothing is installed), and unpacks their systemd folders into `.cache/conformance/pkgs/<package>/`.
 * The .deb files are kept in `.cache/conformance/debs/`, so a second run downloads nothing.
 *
 * Which packages: Debian's Contents index, searched with apt-file for unit files and drop-ins under
 * /lib/systemd/{system,user} and /usr/lib/systemd/{system,user}. Packages over --max-package-mb are skipped;
 * the rest are ranked by download size per unit file (cheapest first) and taken until --max-total-mb is reached.
 * If apt-file cannot be used (not root, apt-file install or update fails), the committed list
 * scripts/conformance/packages.txt is used instead (it was made the same way and checked with apt-cache).
 *
 * The other dialects (issue 13): every package that ships a daemon config (/etc/systemd/*.conf, *.conf.d/), a
 * networkd or udev file ((usr/)lib/systemd/network/*), udev.conf, kernel/install.conf, repart.d, sysupdate.d, .dnssd
 * or .nspawn is added whatever the budget (Debian 12 has about 16 of them, a few MB in all; the list
 * scripts/conformance/config-packages.txt is the fallback). Besides lib/systemd, usr/lib/systemd and etc/systemd,
 * the unpacking keeps etc/udev, etc/kernel, (usr/)lib/kernel and the repart.d/sysupdate.d folders (packages unpacked
 * before that are unpacked again only when they ship dialect files).
 *
 * Usage: node scripts/conformance/fetch-corpus.mjs [--max-total-mb 150] [--max-package-mb 20]
 *                                                  [--list committed|apt-file] [--write-list] [--quiet]
 *   --list committed   use scripts/conformance/packages.txt without asking apt-file
 *   --write-list       write the apt-file selection to scripts/conformance/packages.txt (maintainers)
 * Needs: apt-get, apt-cache, dpkg-deb, tar (Debian). Runs `apt-get update` first when root.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '..', '..');
export const CACHE = join(REPO, '.cache', 'conformance');
export const DEBS = join(CACHE, 'debs');
export const PKGS = join(CACHE, 'pkgs');
const COMMITTED_LIST = join(HERE, 'packages.txt');
const COMMITTED_CONFIG_LIST = join(HERE, 'config-packages.txt');
const SELECTED_LIST = join(CACHE, 'packages.selected.txt');

/** Paths of files the corpus is about, as apt-file (Perl regex) and as a JS check. */
const CONTENTS_REGEX = String.raw`^/(usr/)?lib/systemd/(system|user)/([^/]+\.(service|socket|timer|path|mount|automount|swap|target|slice)|[^/]+\.d/[^/]+\.conf)$`;

/** The dialect files (issue 13), as apt-file (Perl regex). */
const CONFIG_CONTENTS_REGEX = String.raw`^/((usr/)?lib/systemd/(network/[^/]+\.(network|netdev|link)|network/[^/]+\.d/[^/]+\.conf|[^/]+\.conf\.d/[^/]+\.conf|[^/]+\.conf|repart\.d/.*|sysupdate\.d/.*|dnssd/.*|nspawn/.*)|etc/systemd/([^/]+\.conf|[^/]+\.conf\.d/[^/]+\.conf|network/.*|dnssd/.*|nspawn/.*)|etc/udev/(udev|iocost)\.conf|(usr/)?lib/kernel/install\.conf|etc/kernel/install\.conf|(usr/)?lib/(repart|sysupdate)\.d/.*)$`;

/** What the unpacking keeps; the version goes into `.done`, so a change unpacks the cached packages again. */
const UNPACK_PATTERNS = [
  './lib/systemd/*',
  './usr/lib/systemd/*',
  './etc/systemd/*',
  './etc/udev/*',
  './etc/kernel/*',
  './usr/lib/kernel/*',
  './lib/kernel/*',
  './usr/lib/repart.d/*',
  './usr/lib/sysupdate.d/*',
];
const UNPACK_VERSION = 'unpack-v2';

function parseArgs(argv) {
  const o = { maxTotalMb: 150, maxPackageMb: 20, list: 'auto', writeList: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--max-total-mb') o.maxTotalMb = Number(argv[++i]);
    else if (a === '--max-package-mb') o.maxPackageMb = Number(argv[++i]);
    else if (a === '--list') o.list = argv[++i];
    else if (a === '--write-list') o.writeList = true;
    else if (a === '--quiet') o.quiet = true;
    else throw new Error(`fetch-corpus: unknown option ${a}`);
  }
  return o;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    ...opts,
  });
  if (r.error) return { status: 127, stdout: '', stderr: String(r.error) };
  return r;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Package name -> download size in bytes (candidate version), from the local apt lists. */
function packageSizes(names) {
  const sizes = new Map();
  for (let i = 0; i < names.length; i += 400) {
    const r = run('apt-cache', ['show', '--no-all-versions', ...names.slice(i, i + 400)]);
    let pkg = null;
    for (const line of r.stdout.split('\n')) {
      if (line.startsWith('Package: ')) pkg = line.slice(9).trim();
      else if (line.startsWith('Size: ') && pkg && !sizes.has(pkg)) sizes.set(pkg, Number(line.slice(6)));
    }
  }
  return sizes;
}

/** apt-file: package -> number of unit files/drop-ins it ships. Null when apt-file cannot be used. */
function aptFileCounts(log) {
  if (run('apt-file', ['--help']).status === 127) {
    if (!isRoot()) return null;
    log('installing apt-file…');
    if (run('apt-get', ['install', '-y', '--no-install-recommends', 'apt-file']).status !== 0) return null;
  }
  log('apt-file update…');
  const up = run('apt-file', ['update'], { timeout: 300_000 });
  if (up.status !== 0) {
    log(`apt-file update failed: ${(up.stderr || '').trim().split('\n').pop()}`);
    return null;
  }
  const r = run('apt-file', ['search', '-x', CONTENTS_REGEX], { timeout: 300_000 });
  if (r.status !== 0 || !r.stdout.trim()) return null;
  const counts = new Map();
  for (const line of r.stdout.split('\n')) {
    const m = /^([^:\s]+): (\S+)/.exec(line);
    if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  return counts;
}

/** apt-file: the packages that ship dialect files (daemon configs, networkd, udev.conf…). Null when apt-file cannot be used. */
function aptFileConfigPackages() {
  if (run('apt-file', ['--help']).status === 127) return null;
  const r = run('apt-file', ['search', '-x', CONFIG_CONTENTS_REGEX], { timeout: 300_000 });
  if (r.status !== 0 || !r.stdout.trim()) return null;
  const names = new Set();
  for (const line of r.stdout.split('\n')) {
    const m = /^([^:\s]+): /.exec(line);
    if (m) names.add(m[1]);
  }
  return [...names].sort();
}

/** Rank by bytes per file (ties by name) and take packages until the size budget is spent. */
function select(counts, sizes, { maxTotalMb, maxPackageMb }) {
  const rows = [...counts]
    .filter(([name]) => sizes.has(name) && sizes.get(name) <= maxPackageMb * 1e6)
    .map(([name, n]) => ({ name, n, size: sizes.get(name) }))
    .sort((a, b) => a.size / a.n - b.size / b.n || (a.name < b.name ? -1 : 1));
  const out = [];
  let total = 0;
  for (const r of rows) {
    if (total + r.size > maxTotalMb * 1e6) continue;
    total += r.size;
    out.push(r);
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function debFor(name, debNames) {
  return debNames.find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
}

function download(names, log) {
  mkdirSync(DEBS, { recursive: true });
  let have = readdirSync(DEBS);
  const missing = names.filter((n) => !debFor(n, have));
  if (missing.length === 0) return;
  log(`downloading ${missing.length} package(s) into ${DEBS}…`);
  const failed = [];
  for (let i = 0; i < missing.length; i += 100) {
    const batch = missing.slice(i, i + 100);
    const r = run('apt-get', ['download', '-q', ...batch], { cwd: DEBS });
    if (r.status !== 0) {
      // One bad name fails the whole batch: retry one by one.
      for (const n of batch) if (run('apt-get', ['download', '-q', n], { cwd: DEBS }).status !== 0) failed.push(n);
    }
  }
  if (failed.length) log(`could not download ${failed.length}: ${failed.join(' ')}`);
  for (const f of readdirSync(DEBS))
    if (f.endsWith('.FAILED') || f.startsWith('partial')) rmSync(join(DEBS, f), { force: true, recursive: true });
}

/** Unpack only the systemd folders (what `dpkg-deb -x` would write under lib/, usr/lib/ and etc/systemd). */
function unpack(names, log, again = new Set()) {
  mkdirSync(PKGS, { recursive: true });
  const debNames = readdirSync(DEBS);
  let n = 0;
  for (const name of names) {
    const dest = join(PKGS, name);
    if (
      existsSync(join(dest, '.done')) &&
      (!again.has(name) || readFileSync(join(dest, '.done'), 'utf8').includes(UNPACK_VERSION))
    )
      continue;
    const deb = debFor(name, debNames);
    if (!deb) continue;
    rmSync(dest, { recursive: true, force: true });
    const tmp = `${dest}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const r = spawnSync(
      'bash',
      [
        '-c',
        // tar exits 2 when one of the patterns has no match (most packages have no etc/systemd): only dpkg-deb's status counts.
        'dest="$2"; deb="$1"; shift 2; dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dest" --wildcards --no-same-owner "$@" 2>/dev/null; exit ${PIPESTATUS[0]}',
        'bash',
        join(DEBS, deb),
        tmp,
        ...UNPACK_PATTERNS,
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) {
      log(`unpack failed: ${deb}`);
      continue;
    }
    writeFileSync(join(tmp, '.done'), `${deb}\n${UNPACK_VERSION}\n`);
    renameSync(tmp, dest);
    n++;
  }
  if (n) log(`unpacked ${n} package(s) into ${PKGS}`);
}

export function fetchCorpus(options = {}) {
  const o = { ...parseArgs([]), ...options };
  const log = o.quiet ? () => {} : (s) => console.log(`[fetch] ${s}`);
  mkdirSync(CACHE, { recursive: true });
  if (isRoot()) {
    log('apt-get update…');
    const up = run('apt-get', ['update', '-q']);
    if (up.status !== 0)
      log(`apt-get update failed (continuing with the lists there are): ${up.stderr.trim().split('\n').pop()}`);
  }
  let names;
  let source;
  const counts = o.list === 'committed' ? null : aptFileCounts(log);
  if (counts && counts.size > 0) {
    const sizes = packageSizes([...counts.keys()].sort());
    const chosen = select(counts, sizes, o);
    names = chosen.map((r) => r.name);
    source = 'apt-file';
    const mb = chosen.reduce((s, r) => s + r.size, 0) / 1e6;
    log(
      `apt-file: ${counts.size} packages ship unit files; selected ${names.length} (${chosen.reduce((s, r) => s + r.n, 0)} files, ${mb.toFixed(0)} MB)`,
    );
    if (o.writeList) {
      const head =
        '# Debian 12 (bookworm) packages that ship systemd unit files: the fallback corpus list of\n' +
        `# scripts/conformance/fetch-corpus.mjs, made with --write-list from apt-file (<= ${o.maxPackageMb} MB each, ${o.maxTotalMb} MB in all).\n`;
      writeFileSync(COMMITTED_LIST, `${head}${names.join('\n')}\n`);
    }
  } else {
    if (o.list === 'apt-file') throw new Error('fetch-corpus: apt-file is not usable');
    const listed = readFileSync(COMMITTED_LIST, 'utf8')
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('#'));
    const sizes = packageSizes(listed);
    names = listed.filter((n) => sizes.has(n) && sizes.get(n) <= o.maxPackageMb * 1e6);
    source = 'committed list';
    log(`using the committed list: ${names.length} of ${listed.length} packages available`);
  }
  // The dialect files' packages, whatever the budget (a few MB).
  let config = o.list === 'committed' ? null : aptFileConfigPackages();
  if (config && o.writeList) {
    writeFileSync(
      COMMITTED_CONFIG_LIST,
      `# Debian 12 (bookworm) packages that ship daemon configs, networkd/udev files and the other dialects: the fallback\n# list of scripts/conformance/fetch-corpus.mjs, made with --write-list from apt-file.\n${config.join('\n')}\n`,
    );
  }
  if (!config) {
    const listed = readFileSync(COMMITTED_CONFIG_LIST, 'utf8')
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('#'));
    const sizes = packageSizes(listed);
    config = listed.filter((n) => sizes.has(n));
  }
  const added = config.filter((n) => !names.includes(n));
  log(
    `dialect files: ${config.length} packages ship them, ${added.length} added to the selection${added.length ? ` (${added.join(' ')})` : ''}`,
  );
  names = [...names, ...added].sort();
  writeFileSync(SELECTED_LIST, `${names.join('\n')}\n`);
  download(names, log);
  unpack(names, log, new Set(config));
  return { source, packages: names };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const r = fetchCorpus(parseArgs(process.argv.slice(2)));
  console.log(
    `[fetch] ${r.packages.length} packages (${r.source}) ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}
