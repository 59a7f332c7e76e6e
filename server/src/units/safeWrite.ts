/**
 * Writing drop-ins without ever losing a user's work:
 * - names are validated before they become paths (no `../../etc/passwd`, no '/', systemd's unit-name rules);
 * - files are written atomically (temporary file in the same folder, then rename or link) and an existing file
 *   is never replaced unless the caller says so;
 * - when a folder is not writable (e.g. /etc as a normal user) the caller gets the exact shell commands instead;
 * - an existing drop-in is extended in place, keeping every comment and line.
 */
import { closeSync, constants, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync, accessSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { posix } from 'node:path';
import { UNIT_TYPES } from '../catalog/catalog.js';
import type { AssignmentNode } from '../parser/ast.js';
import { parseUnit } from '../parser/parser.js';
import { encodeText } from '../parser/bytes.js';
import { checkUnitName, type UnitNameKind } from '../values/unitName.js';
import { canonicalDirective, mergeModeOf } from './effective.js';
import type { Scope } from './searchPaths.js';
import type { DropInAssignment } from './minimalDropIn.js';

const { join, dirname, basename } = posix;

export type NameCheck<T = object> = ({ readonly ok: true } & T) | { readonly ok: false; readonly reason: string };

/** A unit name that may become part of a path (systemd-facts.md §8.1 plus path safety). */
export function validateUnitName(name: string): NameCheck<{ kind: UnitNameKind; type: string }> {
  if (typeof name !== 'string' || name === '') return { ok: false, reason: 'the unit name is empty' };
  if (name.includes('/')) return { ok: false, reason: `'${name}' contains '/': a unit name is a file name, not a path` };
  if (name.includes('\0')) return { ok: false, reason: 'the unit name contains a NUL character' };
  if (name === '.' || name === '..') return { ok: false, reason: `'${name}' is not a unit name` };
  if (name.length > 255) return { ok: false, reason: `the unit name is ${name.length} characters long; systemd allows at most 255` };
  const r = checkUnitName(name);
  if (!r.ok) return { ok: false, reason: `'${name}' is not a valid unit name: ${r.reason}` };
  return { ok: true, kind: r.kind, type: r.type };
}

/** The file name of a drop-in: no '/', not hidden, ends in .conf (added when missing, like `systemctl edit --drop-in=`). */
export function validateDropInName(name: string): NameCheck<{ fileName: string }> {
  if (typeof name !== 'string' || name.trim() === '') return { ok: false, reason: 'the drop-in name is empty' };
  if (name.includes('/')) return { ok: false, reason: `'${name}' contains '/': a drop-in name is a file name, not a path` };
  if (name.includes('\0')) return { ok: false, reason: 'the drop-in name contains a NUL character' };
  if (name.startsWith('.')) return { ok: false, reason: `'${name}' starts with '.': systemd ignores hidden files in drop-in folders` };
  const fileName = name.endsWith('.conf') ? name : `${name}.conf`;
  if (fileName === '.conf') return { ok: false, reason: 'the drop-in name is empty' };
  if (Buffer.byteLength(fileName) > 255) return { ok: false, reason: 'the drop-in file name is longer than 255 bytes' };
  return { ok: true, fileName };
}

export interface DropInPathOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** `systemctl edit --runtime`: /run/systemd/system (or $XDG_RUNTIME_DIR/systemd/user). */
  readonly runtime?: boolean;
  /** `systemctl edit --global`: /etc/systemd/user (the defaults of every user). */
  readonly global?: boolean;
}

export type DropInPath = NameCheck<{ path: string; dir: string; fileName: string }>;

/**
 * Where `systemctl edit` puts a drop-in: /etc/systemd/system/<unit>.d/override.conf, or for the user manager
 * ~/.config/systemd/user/<unit>.d/override.conf ($XDG_CONFIG_HOME). `unit` may also be a type-level name such as
 * `service` (→ service.d/). The result lies inside `root`.
 */
export function dropInPathFor(unit: string, scope: Scope, name = 'override.conf', root = '/', opts: DropInPathOptions = {}): DropInPath {
  const isTypeLevel = (UNIT_TYPES as readonly string[]).includes(unit);
  if (!isTypeLevel) {
    const u = validateUnitName(unit);
    if (!u.ok) return u;
  }
  const n = validateDropInName(name);
  if (!n.ok) return n;
  const env = opts.env ?? process.env;
  let base: string;
  if (scope === 'system') base = opts.runtime ? '/run/systemd/system' : '/etc/systemd/system';
  else if (opts.global) base = opts.runtime ? '/run/systemd/user' : '/etc/systemd/user';
  else if (opts.runtime) {
    if (!env.XDG_RUNTIME_DIR) return { ok: false, reason: 'XDG_RUNTIME_DIR is not set, so there is no runtime folder for the user manager' };
    base = join(env.XDG_RUNTIME_DIR, 'systemd/user');
  } else {
    const home = env.HOME;
    const configHome = env.XDG_CONFIG_HOME || (home ? join(home, '.config') : undefined);
    if (!configHome) return { ok: false, reason: 'neither XDG_CONFIG_HOME nor HOME is set, so the user configuration folder is unknown' };
    base = join(configHome, 'systemd/user');
  }
  const dir = join(root, base, `${unit}.d`);
  const path = join(dir, n.fileName);
  // Belt and braces: the result must stay inside the unit folder.
  if (dirname(path) !== dir || !posix.normalize(path).startsWith(posix.normalize(join(root, base)) + '/')) {
    return { ok: false, reason: `refusing a path outside ${join(root, base)}` };
  }
  return { ok: true, path, dir, fileName: n.fileName };
}

export interface WriteOptions {
  /** Replace an existing file (default false: refuse). */
  readonly overwrite?: boolean;
  /** File mode (default 0644). */
  readonly mode?: number;
}

export type WriteResult =
  | { readonly ok: true; readonly path: string; readonly replaced: boolean; readonly createdDirs: readonly string[] }
  | { readonly ok: false; readonly path: string; readonly code: 'exists' | 'not-writable' | 'not-a-file' | 'io'; readonly reason: string };

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? String(e);
}

/**
 * Write atomically: a temporary `.#<name><16 hex>` file in the same folder (systemd ignores dot files), fsync,
 * then link() it into place (fails if the target exists: no race) or, with overwrite, rename() over it.
 * Missing parent folders are created (0755). Never throws.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, opts: WriteOptions = {}): WriteResult {
  const abs = posix.resolve(path);
  const dir = dirname(abs);
  const mode = opts.mode ?? 0o644;
  let existing: ReturnType<typeof lstatSync> | undefined;
  try { existing = lstatSync(abs, { throwIfNoEntry: false }); } catch (e) { return { ok: false, path: abs, code: 'io', reason: `cannot look at ${abs}: ${errCode(e)}` }; }
  if (existing && !opts.overwrite) return { ok: false, path: abs, code: 'exists', reason: `${abs} already exists; it was left untouched` };
  if (existing && !existing.isFile()) return { ok: false, path: abs, code: 'not-a-file', reason: `${abs} exists and is not a regular file (a symlink or folder); it was left untouched` };

  const createdDirs: string[] = [];
  try {
    const missing: string[] = [];
    for (let d = dir; !existsSync(d); d = dirname(d)) { missing.unshift(d); if (d === dirname(d)) break; }
    for (const d of missing) { mkdirSync(d, { mode: 0o755 }); createdDirs.push(d); }
  } catch (e) {
    const c = errCode(e);
    return { ok: false, path: abs, code: c === 'EACCES' || c === 'EPERM' || c === 'EROFS' ? 'not-writable' : 'io', reason: `cannot create ${dir}: ${c}` };
  }

  const tmp = join(dir, `.#${basename(abs)}${randomBytes(8).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    const bytes = typeof content === 'string' ? encodeText(content) : content;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
  } catch (e) {
    if (fd !== undefined) try { closeSync(fd); } catch { /* ignore */ }
    try { unlinkSync(tmp); } catch { /* ignore */ }
    const c = errCode(e);
    return { ok: false, path: abs, code: c === 'EACCES' || c === 'EPERM' || c === 'EROFS' ? 'not-writable' : 'io', reason: `cannot write in ${dir}: ${c}` };
  }

  try {
    if (opts.overwrite) {
      renameSync(tmp, abs);
    } else {
      try {
        linkSync(tmp, abs); // atomic "create if absent"
      } catch (e) {
        if (errCode(e) === 'EEXIST') throw e;
        // File systems without hard links: fall back to a checked rename (small race window).
        if (existsSync(abs)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        renameSync(tmp, abs);
      }
      try { unlinkSync(tmp); } catch { /* already renamed */ }
    }
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* ignore */ }
    if (errCode(e) === 'EEXIST') return { ok: false, path: abs, code: 'exists', reason: `${abs} already exists (created meanwhile); it was left untouched` };
    return { ok: false, path: abs, code: 'io', reason: `cannot put ${abs} in place: ${errCode(e)}` };
  }
  try {
    const dfd = openSync(dir, 'r');
    try { fsyncSync(dfd); } finally { closeSync(dfd); }
  } catch { /* best effort */ }
  return { ok: true, path: abs, replaced: !!existing, createdDirs };
}

/** What planWrite needs to know about the file system (injectable for tests; the default asks the real one). */
export interface WriteProbe {
  exists(path: string): boolean;
  isDir(path: string): boolean;
  /** May this process create or replace entries in this existing folder (or write this existing file)? */
  canWrite(path: string): boolean;
}

export const realProbe: WriteProbe = {
  exists: (p) => existsSync(p),
  isDir: (p) => { try { return statSync(p).isDirectory(); } catch { return false; } },
  canWrite: (p) => { try { accessSync(p, constants.W_OK); return true; } catch { return false; } },
};

export interface PlanOptions {
  readonly probe?: WriteProbe;
  /** The manager to reload afterwards (default: system for paths outside $HOME, else user). */
  readonly scope?: Scope;
  /** Where the content should be staged for the commands (default: $TMPDIR/systemd-units-<name>). */
  readonly stagePath?: string;
  /** Plan a replacement of an existing file (default false: an existing file is reported, not replaced). */
  readonly overwrite?: boolean;
}

export type WritePlan =
  | { readonly ok: true; readonly status: 'ok'; readonly path: string; readonly createsDirs: readonly string[] }
  | { readonly ok: false; readonly status: 'exists'; readonly path: string; readonly reason: string }
  | {
    readonly ok: false; readonly status: 'notWritable'; readonly notWritable: true; readonly path: string; readonly reason: string;
    /** Write `content` here first (the caller does, e.g. with writeFileAtomic). */
    readonly stagePath: string;
    readonly content: string;
    /** The commands, one per step. */
    readonly commands: readonly string[];
    /** The same, joined with && for one paste. */
    readonly shell: string;
  };

/** Quote for a POSIX shell when needed. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Can we write `path` ourselves? If not, the exact commands that install it (sudo install … && daemon-reload). */
export function planWrite(path: string, content: string, opts: PlanOptions = {}): WritePlan {
  const probe = opts.probe ?? realProbe;
  const abs = posix.resolve(path);
  if (probe.exists(abs) && !opts.overwrite) {
    return { ok: false, status: 'exists', path: abs, reason: `${abs} already exists; merge into it (mergeIntoExistingDropIn) or choose another name` };
  }
  const createsDirs: string[] = [];
  let d = dirname(abs);
  while (!probe.exists(d) && d !== dirname(d)) { createsDirs.unshift(d); d = dirname(d); }
  const writable = probe.isDir(d) && probe.canWrite(d) && (!probe.exists(abs) || probe.canWrite(abs));
  if (writable) return { ok: true, status: 'ok', path: abs, createsDirs };

  const home = process.env.HOME;
  const scope = opts.scope ?? (home && abs.startsWith(home + '/') ? 'user' : 'system');
  const stagePath = opts.stagePath ?? join(tmpdir(), `systemd-units-${basename(dirname(abs))}-${basename(abs)}`);
  const sudo = scope === 'system' ? 'sudo ' : '';
  const commands = [
    `${sudo}install -D -m 0644 ${shellQuote(stagePath)} ${shellQuote(abs)}`,
    scope === 'system' ? 'sudo systemctl daemon-reload' : 'systemctl --user daemon-reload',
  ];
  return {
    ok: false, status: 'notWritable', notWritable: true, path: abs,
    reason: `${probe.exists(d) ? d : abs} is not writable by this process`,
    stagePath, content, commands, shell: commands.join(' && '),
  };
}

export interface MergeResult {
  readonly text: string;
  /** Lines whose value was replaced in place (single-valued settings). */
  readonly updated: readonly DropInAssignment[];
  /** Lines added. */
  readonly appended: readonly DropInAssignment[];
}

/**
 * Add assignments to an existing drop-in, keeping all its lines and comments. The result applies the new
 * assignments after the existing ones:
 * - a single-valued setting already in the file (same section) gets its last occurrence's value replaced;
 * - list settings (and anything new) are appended at the end of the section, which is created when missing.
 * `newAssignments` may be drop-in text (e.g. computeMinimalDropIn().text) or a list.
 */
export function mergeIntoExistingDropIn(existingText: string, newAssignments: string | readonly DropInAssignment[]): MergeResult {
  const adds: DropInAssignment[] = typeof newAssignments === 'string' ? assignmentsOfText(newAssignments) : [...newAssignments];
  const eol = /\r\n/.test(existingText) ? '\r\n' : '\n';
  const doc = parseUnit(existingText);
  const updated: DropInAssignment[] = [];
  const appended: DropInAssignment[] = [];

  // Edits as (offset, deleteLength, insertText), applied back to front.
  const edits: { at: number; del: number; ins: string; order: number }[] = [];
  let order = 0;
  const endSections: DropInAssignment[] = [];
  const sectionAppend = new Map<number, DropInAssignment[]>(); // section index -> lines to add at its end
  const replaced = new Set<AssignmentNode>();

  for (const a of adds) {
    const secIdx = lastSectionIndex(doc.sections, a.section);
    const mode = mergeModeOf(canonicalDirective(a.section, a.key).info);
    if (secIdx >= 0 && mode === 'single' && !(sectionAppend.get(secIdx) ?? []).some((x) => x.key === a.key)) {
      const sec = doc.sections[secIdx]!;
      const last = [...sec.assignments].reverse().find((n) => n.key === a.key);
      if (last && !replaced.has(last) && !a.value.includes('\n')) {
        replaced.add(last);
        if (last.value !== a.value) {
          edits.push({ at: last.valueSpan.start, del: last.valueSpan.end - last.valueSpan.start, ins: a.value, order: order++ });
          updated.push(a);
        }
        continue;
      }
    }
    if (secIdx >= 0) {
      let l = sectionAppend.get(secIdx);
      if (!l) sectionAppend.set(secIdx, (l = []));
      l.push(a);
    } else endSections.push(a);
    appended.push(a);
  }

  for (const [idx, list] of sectionAppend) {
    const sec = doc.sections[idx]!;
    // After the section's last assignment or header (trailing blank lines and comments stay below).
    const lastNode = doc.nodes.filter((n) => n.start >= sec.start && n.end <= sec.end && (n.kind === 'assignment' || n.kind === 'section' || n.kind === 'invalid')).pop();
    let at = lastNode ? lastNode.end : sec.end;
    let prefix = '';
    if (at > 0 && !/[\n\r]$/.test(existingText.slice(0, at))) {
      // The node ends without a line terminator (end of file): start a new line.
      prefix = eol;
    } else if (lastNode === undefined) {
      at = sec.end;
    }
    edits.push({ at, del: 0, ins: prefix + list.map((a) => `${a.key}=${a.value}${eol}`).join(''), order: order++ });
  }

  let text = existingText;
  for (const e of edits.sort((x, y) => y.at - x.at || y.order - x.order)) text = text.slice(0, e.at) + e.ins + text.slice(e.at + e.del);

  if (endSections.length) {
    const groups = new Map<string, DropInAssignment[]>();
    for (const a of endSections) { const g = groups.get(a.section); if (g) g.push(a); else groups.set(a.section, [a]); }
    if (text.length && !/[\n\r]$/.test(text)) text += eol;
    for (const [section, list] of groups) {
      if (text.length && !/(\r?\n|\r)(\r?\n|\r)$/.test(text)) text += eol;
      text += `[${section}]${eol}${list.map((a) => `${a.key}=${a.value}${eol}`).join('')}`;
    }
  }
  return { text, updated, appended };
}

function lastSectionIndex(sections: ReturnType<typeof parseUnit>['sections'], name: string): number {
  for (let i = sections.length - 1; i >= 0; i--) if (sections[i]!.name === name) return i;
  return -1;
}

function assignmentsOfText(text: string): DropInAssignment[] {
  const out: DropInAssignment[] = [];
  for (const s of parseUnit(text).sections) {
    if (s.name === undefined) continue;
    for (const a of s.assignments) out.push({ section: s.name, key: a.key, value: a.value });
  }
  return out;
}
