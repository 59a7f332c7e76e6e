/**
 * `systemd-units effective UNIT [--root DIR] [--extra-root DIR]... [--unit-dir DIR]... [--user] [--files] [--no-comments]`
 *
 * Prints a unit merged with its drop-ins (like `systemctl cat`, but merged), each setting with the file and line
 * that set it. UNIT may also be a path to a unit file (its folder is then searched first, like
 * SYSTEMD_UNIT_PATH=folder:), or `system.conf` / `user.conf` for the manager's own configuration.
 * Exit codes: 0 printed; 1 unit not found or a file unreadable; 2 bad usage.
 */
import { existsSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import {
  fileKindOf,
  dialectOfFile,
  findConfigHierarchy,
  loadEffectiveConfig,
  renderConfig,
  findManagerHierarchy,
  findUnitHierarchy,
  realFs,
  loadEffectiveManager,
  loadEffectiveUnit,
  renderEffective,
  validateUnitName,
  type DropInFile,
  type HierarchyFs,
} from '../planners.js';

export interface CommandIO {
  stdout(s: string): void;
  stderr(s: string): void;
}

const EFFECTIVE_USAGE = `Usage: systemd-units effective UNIT [--root DIR] [--extra-root DIR]... [--unit-dir DIR]... [--user] [--files] [--no-comments]
  Print UNIT merged with its drop-ins, each setting with the file and line that set it.
  UNIT: a unit name (foo.service, foo@bar.service), a path to a unit file, system.conf / user.conf, or another
        systemd config with its drop-ins (journald.conf, logind.conf, 10-lan.network, or a path to one).
  --root DIR        a folder that mirrors / (e.g. a repository with etc/systemd/system and usr/lib/systemd/system)
  --extra-root DIR  another mirrored root, searched after --root at each level (repeatable)
  --unit-dir DIR    a plain folder of unit files searched first (repeatable)
  --user            the user manager's search paths (~/.config/systemd/user, …)
  --files           list the files (fragment, drop-ins in order, hidden copies) instead of merging
  --no-comments     no "# from file:line" comments
  Exit code: 0 printed, 1 not found or unreadable, 2 bad usage.`;

export function runEffective(args: string[], io: CommandIO, fs: HierarchyFs = realFs): number {
  let root = '/';
  const extraRoots: string[] = [];
  const unitDirs: string[] = [];
  let scope: 'system' | 'user' = 'system';
  let files = false;
  let comments = true;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (flag === '--help' || flag === '-h') {
      io.stdout(`${EFFECTIVE_USAGE}\n`);
      return 0;
    }
    if (flag === '--root' || flag === '--extra-root' || flag === '--unit-dir') {
      const v = value();
      if (!v) return usage(io, `${flag} needs a folder`);
      if (!isDir(v)) return usage(io, `${flag} ${v}: no such folder`);
      const abs = posix.resolve(v);
      if (flag === '--root') root = abs;
      else if (flag === '--extra-root') extraRoots.push(abs);
      else unitDirs.push(abs);
    } else if (flag === '--user') scope = 'user';
    else if (flag === '--system') scope = 'system';
    else if (flag === '--files') files = true;
    else if (flag === '--no-comments') comments = false;
    else if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('-')) return usage(io, `unknown option '${a}'`);
    else positional.push(a);
  }
  if (positional.length !== 1) return usage(io, positional.length ? 'give exactly one UNIT' : 'no UNIT given');
  let unit = positional[0]!;

  if (unit === 'system.conf' || unit === 'user.conf') {
    const m = findManagerHierarchy(unit === 'system.conf' ? 'system' : 'user', { root, extraRoots, fs });
    if (files) {
      for (const f of m.mainFiles) io.stdout(`main     ${f.path}${f.masked ? ' (masked)' : ''}\n`);
      for (const d of m.dropIns) io.stdout(dropInLine(d));
      return 0;
    }
    const { effective, unreadable } = loadEffectiveManager(m, fs);
    for (const u of unreadable) io.stderr(`systemd-units: cannot read ${u}\n`);
    io.stdout(
      renderEffective(effective, {
        comments,
        unitName: unit,
        notes: m.mainFiles.length ? [] : [`no ${unit} found (${m.mainCandidates.join(', ')}); built-in defaults apply`],
      }),
    );
    return unreadable.length ? 1 : 0;
  }

  // Another dialect (journald.conf, foo.network…): the main file and its drop-ins, merged.
  const kind = fileKindOf(unit);
  const dialect = kind.kind === 'config' && !kind.dropIn ? dialectOfFile(kind) : undefined;
  if (dialect && kind.kind === 'config')
    return runEffectiveConfig(unit, dialect, { root, extraRoots, files, comments }, io, fs);

  if (unit.includes('/')) {
    // A path to a unit file: search its folder first.
    if (!existsSync(unit)) {
      io.stderr(`systemd-units: cannot read ${unit}: no such file\n`);
      return 1;
    }
    unitDirs.unshift(posix.resolve(posix.dirname(unit)));
    unit = posix.basename(unit);
  }
  const v = validateUnitName(unit);
  if (!v.ok) return usage(io, v.reason);

  const h = findUnitHierarchy(unit, { scope, root, extraRoots, unitDirs, fs });
  if (files) {
    if (h.masked) io.stdout(`masked   ${h.maskedBy}\n`);
    if (h.fragment)
      io.stdout(
        `fragment ${h.fragment.path}${h.fragment.vendor ? ' (vendor)' : ''}${h.fragment.linkText ? ` -> ${h.fragment.linkText}` : ''}\n`,
      );
    for (const s of h.shadowedFragments) io.stdout(`hidden   ${s.path}${s.vendor ? ' (vendor)' : ''}\n`);
    if (h.aliases.length) io.stdout(`aliases  ${h.aliases.join(' ')}\n`);
    for (const d of h.dropIns) io.stdout(dropInLine(d));
    if (!h.fragment && !h.masked) {
      io.stderr(`systemd-units: ${unit}: no unit file found in ${h.searchDirs.length} search folders\n`);
      return 1;
    }
    return 0;
  }
  if (h.masked) {
    io.stdout(
      `# ${unit} is masked by ${h.maskedBy} (a link to /dev/null or an empty file): systemd does not load it.\n`,
    );
    return 0;
  }
  if (!h.fragment && h.dropIns.length === 0) {
    io.stderr(
      `systemd-units: ${unit}: no unit file found in ${h.searchDirs.length} search folders${root !== '/' ? ` under ${root}` : ''}\n`,
    );
    return 1;
  }
  const { effective, unreadable, skipped } = loadEffectiveUnit(h, fs);
  for (const u of skipped) io.stderr(`systemd-units: skipped ${u.path}: ${u.reason}\n`);
  for (const u of unreadable.filter((x) => !skipped.some((k) => k.path === x)))
    io.stderr(`systemd-units: cannot read ${u}\n`);
  const notes: string[] = [];
  if (!h.fragment) notes.push(`no unit file found for ${unit}: only drop-ins (systemd reports it as not found)`);
  if (h.id !== unit) notes.push(`${unit} is an alias of ${h.id}`);
  io.stdout(renderEffective(effective, { comments, unitName: h.id, notes }));
  return !h.fragment || unreadable.length ? 1 : 0;
}

/**
 * `effective journald.conf`, `effective 10-lan.network`, or a path to such a file. A path inside one of the dialect's
 * folders (…/etc/systemd/journald.conf) takes the folder's root; elsewhere only that folder is searched.
 */
function runEffectiveConfig(
  arg: string,
  dialect: NonNullable<ReturnType<typeof dialectOfFile>>,
  o: { root: string; extraRoots: string[]; files: boolean; comments: boolean },
  io: CommandIO,
  fs: HierarchyFs,
): number {
  const name = posix.basename(arg);
  let root = o.root;
  let dirs: string[] | undefined;
  if (arg.includes('/')) {
    if (!existsSync(arg)) {
      io.stderr(`systemd-units: cannot read ${arg}: no such file\n`);
      return 1;
    }
    const dir = posix.dirname(posix.resolve(arg));
    const d = (dialect.recognition.searchDirs ?? []).find((s) => dir === `/${s}` || dir.endsWith(`/${s}`));
    if (d) root = dir.slice(0, dir.length - d.length - 1) || '/';
    else {
      root = dir;
      dirs = ['.'];
    }
  }
  const h = findConfigHierarchy(dialect, name, { root, extraRoots: o.extraRoots, fs, ...(dirs ? { dirs } : {}) });
  if (o.files) {
    if (h.main) io.stdout(`main     ${h.main.path}${h.main.masked ? ' (masked)' : ''}\n`);
    for (const s of h.shadowedMains) io.stdout(`hidden   ${s.path} (not read: a higher-precedence ${name} exists)\n`);
    for (const d of h.dropIns) io.stdout(dropInLine(d));
    return 0;
  }
  const { view, sources, skipped } = loadEffectiveConfig(h, fs);
  for (const s of skipped) io.stderr(`systemd-units: skipped ${s.path}: ${s.reason}\n`);
  const notes = h.main
    ? []
    : [`no ${name} found (${h.mainCandidates.length} places looked at); built-in defaults apply`];
  for (const s of h.shadowedMains) notes.push(`${s.path} is not read: ${h.main!.path} comes first`);
  io.stdout(renderConfig(view, { comments: o.comments, title: name, sources, notes }));
  return skipped.length ? 1 : 0;
}

function dropInLine(d: DropInFile): string {
  const extra = [d.vendor ? 'vendor' : '', d.level !== 'unit' ? d.level : '', d.masked ? 'masked' : '']
    .filter(Boolean)
    .join(', ');
  let s = `drop-in  ${d.path}${extra ? ` (${extra})` : ''}\n`;
  for (const h of d.shadows) s += `hidden   ${h.path} (same name, lower priority)\n`;
  return s;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function usage(io: CommandIO, msg: string): number {
  io.stderr(`systemd-units effective: ${msg}\n${EFFECTIVE_USAGE}\n`);
  return 2;
}
