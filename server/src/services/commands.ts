/**
 * The drop-in workflows as server commands, for every LSP client (`workspace/executeCommand`). Each is a pure
 * planner: it returns text to show, or the files to write with the target folder that `units/writeTarget.ts` chose.
 * The server asks for confirmation when the target needs it and applies the plan with `workspace/applyEdit`;
 * nothing here writes.
 */
import { basename, join, posix } from 'node:path';
import type { SystemdDocument } from './document.js';
import { findUnitHierarchyInRoots, type HierarchyFs, type UnitHierarchy } from '../units/hierarchy.js';
import { loadEffectiveUnit, mergeUnit, renderEffective } from '../units/effective.js';
import { overrideTemplate } from '../units/overrideTemplate.js';
import { computeMinimalDropIn } from '../units/minimalDropIn.js';
import { planMoveToDropIn, type ShippedInfo } from '../units/shipped.js';
import { validateDropInName, validateUnitName } from '../units/safeWrite.js';
import { writeTargets, type WriteTarget, type WriteTargetFs } from '../units/writeTarget.js';
import { unitWorldOf, appliesToOneUnit, isVendorUnitFile } from '../units/unitWorld.js';
import { generateSocketUnits } from '../socketActivation/strace.js';
import type { SourceFile } from '../units/effective.js';
import {
  renderSecurityTable,
  scoreService,
  scoreWithLine,
  withServiceLine,
  type SecurityScore,
} from './security/index.js';
import { planHardening, type HardenLevel } from './security/harden.js';
import { limitsForDriver, type WatchdogLimits } from '../watchdog/drivers.js';
import { fileKindOf } from '../units/fileKind.js';
import { dialectById, type Dialect } from '../catalog/dialects.js';
import { loadEffectiveConfig, renderConfig, type ConfigHierarchy } from '../units/configHierarchy.js';
import {
  applyCommandOf,
  configHierarchyOf,
  configOverrideTemplate,
  configPlaceOf,
  planConfigMove,
} from '../units/configDropIn.js';

export { SERVER_COMMANDS, type ServerCommand } from './commandNames.js';

export interface PlannedFile {
  readonly path: string;
  readonly content: string;
}

export type CommandPlan =
  | { readonly kind: 'text'; readonly title: string; readonly text: string }
  | {
      readonly kind: 'write';
      readonly title: string;
      readonly target: WriteTarget;
      /** New files (never replacing one: an existing path makes the plan an error). */
      readonly files: readonly PlannedFile[];
      /** Whole-document replacements of files that exist (the vendor file restored to what was shipped). */
      readonly replace: readonly PlannedFile[];
      readonly notes: readonly string[];
    }
  | { readonly kind: 'error'; readonly message: string };

export interface CommandEnv {
  readonly workspaceFolders: readonly string[];
  readonly fs: HierarchyFs;
  readonly probe: WriteTargetFs;
  readonly exists: (path: string) => boolean;
  /** A document the editor has open (its unsaved text), else undefined. */
  readonly openDocument: (path: string) => SystemdDocument | undefined;
  readonly parseFile: (path: string) => SystemdDocument | undefined;
  readonly shipped: (doc: SystemdDocument) => ShippedInfo | undefined;
  readonly readText: (path: string) => string | undefined;
  readonly watchdog: WatchdogLimits;
  readonly preloadLibrary: string;
}

const err = (message: string): CommandPlan => ({ kind: 'error', message });

function unitOf(path: string): { unit: string; type: string } | undefined {
  const k = fileKindOf(path);
  if ((k.kind === 'unit' || k.kind === 'dropin') && appliesToOneUnit(k.unitName, k.unitType))
    return { unit: k.unitName, type: k.unitType };
  return undefined;
}

function hierarchyOf(path: string, unit: string, env: CommandEnv): UnitHierarchy {
  const world = unitWorldOf(path);
  return findUnitHierarchyInRoots(unit, {
    roots: world.roots,
    scope: world.scope,
    fs: env.fs,
    readRoots: env.workspaceFolders,
  });
}

function targetFor(
  path: string | undefined,
  write: Parameters<typeof writeTargets>[0]['write'],
  env: CommandEnv,
  scope: 'system' | 'user',
): WriteTarget | string {
  const t = writeTargets({ documentPath: path, workspaceFolders: env.workspaceFolders, write, scope, fs: env.probe });
  // Without a default (no workspace mirror), the first target is offered; the server confirms it by name.
  return t.defaultTarget ?? t.targets[0] ?? t.reason ?? 'no folder to write to';
}

function fresh(paths: readonly string[], env: CommandEnv): string | undefined {
  const taken = paths.find((p) => env.exists(p));
  return taken
    ? `${taken} already exists; nothing was written (open it and edit it, or choose another name)`
    : undefined;
}

/** The drop-in folder of `unit` to write into, for the scope of the unit file at `path`. */
function unitDropInTarget(path: string, unit: string, env: CommandEnv): WriteTarget | string {
  return targetFor(path, { kind: 'unitDropIn', unit }, env, unitWorldOf(path).scope);
}

/**
 * A plan that writes one new file, `fileName` in the target folder (Create Override, Convert Full Copy, Set Hardware
 * Watchdog): an error when there is no folder to write to or the file exists. `content` gets the file's path.
 */
function planNewFile(
  target: WriteTarget | string,
  fileName: string,
  env: CommandEnv,
  verb: 'Create' | 'Write',
  content: (file: string) => string,
  notes: readonly string[],
): CommandPlan {
  if (typeof target === 'string') return err(target);
  const file = join(target.folder, fileName);
  const taken = fresh([file], env);
  if (taken) return err(taken);
  return {
    kind: 'write',
    title: `${verb} ${file}`,
    target,
    replace: [],
    files: [{ path: file, content: content(file) }],
    notes,
  };
}

/** ' (vendor)', ' (masked)' after a file's path. */
function fileFlags(f: { readonly vendor: boolean; readonly masked: boolean }): string {
  return `${f.vendor ? ' (vendor)' : ''}${f.masked ? ' (masked)' : ''}`;
}

/** Show Drop-ins' text: the heading, the lines about the main file, then the drop-ins in the order they apply. */
function planDropInsText(
  name: string,
  head: readonly string[],
  dropIns: readonly { readonly path: string; readonly vendor: boolean; readonly masked: boolean }[],
): CommandPlan {
  const lines = [`# ${name}`, ...head];
  dropIns.forEach((d, i) => lines.push(`${i + 1}. ${d.path}${fileFlags(d)}`));
  if (!dropIns.length) lines.push('no drop-ins');
  return { kind: 'text', title: `Drop-ins of ${name}`, text: `${lines.join('\n')}\n` };
}

/**
 * Move to Drop-in's comparison: the text `path` was shipped with, or the error when there is none or nothing
 * differs. `what` is what the user copies the change into by hand ('drop-in', 'override').
 */
function shippedTextOf(path: string, doc: SystemdDocument, env: CommandEnv, what: string): string | CommandPlan {
  const shipped = env.shipped(doc);
  if (!shipped || shipped.text === undefined) {
    return err(
      shipped?.source === 'dpkg'
        ? `${path} differs from package ${shipped.package ?? ''}, but the shipped text is not available here: copy your change into a new ${what}, then reinstall the package.`
        : `Nothing to compare ${path} with (no git HEAD, no earlier version): create an override instead.`,
    );
  }
  if (!shipped.differs) return err(`${path} is as shipped: there is nothing to move.`);
  return shipped.text;
}

/** Move to Drop-in's plan: the moved change in the first free 50-moved-from-vendor[-N].conf of the target folder. */
function planMovedChange(
  target: WriteTarget | string,
  env: CommandEnv,
  dropInText: string,
  replace: readonly PlannedFile[],
  notes: readonly string[],
): CommandPlan {
  if (typeof target === 'string') return err(target);
  let name = '50-moved-from-vendor.conf';
  for (let i = 2; env.exists(join(target.folder, name)); i++) name = `50-moved-from-vendor-${i}.conf`;
  const file = join(target.folder, name);
  return {
    kind: 'write',
    title: `Move the change to ${file}`,
    target,
    files: [{ path: file, content: dropInText }],
    replace,
    notes,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Other dialects (journald.conf, logind.conf, foo.network…): the same workflows over configHierarchy.ts.

interface ConfigFile {
  readonly dialect: Dialect;
  /** The main file's name (journald.conf, 10-lan.network). */
  readonly name: string;
  readonly dropIn: boolean;
}

/** The dialect file (or drop-in of one) at `path`; the editor's text decides between dialects sharing a suffix. */
function configOf(path: string, env: CommandEnv): ConfigFile | undefined {
  const k = fileKindOf(path, env.openDocument(path)?.text);
  if (k.kind !== 'config') return undefined;
  const dialect = dialectById(k.dialect);
  return dialect ? { dialect, name: k.name, dropIn: k.dropIn } : undefined;
}

function configHierarchyFor(path: string, c: ConfigFile, env: CommandEnv): ConfigHierarchy {
  return configHierarchyOf(path, c.dialect, c.name, env.fs);
}

function configTarget(path: string, c: ConfigFile, env: CommandEnv): WriteTarget | string {
  return targetFor(
    path,
    { kind: 'configDropIn', name: c.name, dirs: c.dialect.recognition.searchDirs ?? [] },
    env,
    'system',
  );
}

/** What to run after a dialect's drop-in changed. */
function reloadNote(c: ConfigFile): string {
  // Podman Quadlet: its generator runs at daemon-reload and rewrites the service from the file and its drop-ins.
  if (c.dialect.id.startsWith('quadlet-'))
    return 'Then: systemctl daemon-reload (systemctl --user daemon-reload for your own Quadlet files), and restart the service.';
  const a = applyCommandOf(c.dialect);
  return a
    ? `Then: ${a.command}${a.caveat ? ` (${a.caveat})` : ''}`
    : `${c.name} is read when its program runs: nothing to reload.`;
}

function planConfigOverride(path: string, c: ConfigFile, env: CommandEnv, name: string): CommandPlan {
  if (!c.dialect.recognition.dropIns)
    return err(`${c.dialect.label} has no drop-ins: systemd reads only the file itself, so edit it in place.`);
  const n = validateDropInName(name);
  if (!n.ok) return err(n.reason);
  const h = configHierarchyFor(path, c, env);
  const { view } = loadEffectiveConfig(h, env.fs);
  return planNewFile(
    configTarget(path, c, env),
    n.fileName,
    env,
    'Create',
    (file) => configOverrideTemplate(c.dialect, view, { name: c.name, path: file }),
    [reloadNote(c)],
  );
}

function planConfigDropIns(path: string, c: ConfigFile, env: CommandEnv): CommandPlan {
  const h = configHierarchyFor(path, c, env);
  const head = [
    h.main ? `main file: ${h.main.path}${fileFlags(h.main)}` : 'main file: not found (built-in defaults apply)',
  ];
  for (const s of h.shadowedMains) head.push(`not read: ${s.path} (${h.main!.path} comes first)`);
  return planDropInsText(c.name, head, h.dropIns);
}

function planConfigEffective(path: string, c: ConfigFile, env: CommandEnv): CommandPlan {
  const h = configHierarchyFor(path, c, env);
  const { view, sources, skipped } = loadEffectiveConfig(h, env.fs);
  const notes = h.main
    ? []
    : [`no ${c.name} found (${h.mainCandidates.length} places looked at); built-in defaults apply`];
  for (const s of h.shadowedMains) notes.push(`${s.path} is not read: ${h.main!.path} comes first`);
  for (const s of skipped) notes.push(`skipped ${s.path}: ${s.reason}`);
  return {
    kind: 'text',
    title: `Effective ${c.name}`,
    text: renderConfig(view, { comments: true, title: c.name, sources, notes }),
  };
}

function planConfigMoveToDropIn(path: string, c: ConfigFile, env: CommandEnv, line?: number): CommandPlan {
  if (c.dropIn) return err(`${basename(path)} is a drop-in already.`);
  if (!c.dialect.recognition.dropIns) return err(`${c.dialect.label} has no drop-ins: keep the change in the file.`);
  if (!configPlaceOf(path, c.dialect, c.name).vendor)
    return err(`${path} is not a vendor file: edit it in place, or create an override.`);
  const doc = env.openDocument(path) ?? env.parseFile(path);
  if (!doc) return err(`${path} cannot be read.`);
  const shipped = shippedTextOf(path, doc, env, 'drop-in');
  if (typeof shipped !== 'string') return shipped;
  const plan = planConfigMove(c.dialect, doc.text, shipped, line);
  if (!plan.dropInText.trim())
    return err(
      `The change cannot be expressed in a drop-in${plan.cannotExpress.length ? `: ${plan.cannotExpress.map((x) => x.reason).join(' ')}` : ''}; nothing was moved.`,
    );
  return planMovedChange(
    configTarget(path, c, env),
    env,
    plan.dropInText,
    plan.vendorText === doc.text ? [] : [{ path, content: plan.vendorText }],
    [...plan.cannotExpress.map((x) => x.reason), reloadNote(c)],
  );
}

// ---------------------------------------------------------------------------------------------------------------

/** Create Override: a new drop-in prefilled with the effective values as comments, like `systemctl edit`. */
export function planCreateOverride(path: string, env: CommandEnv, name = 'override.conf'): CommandPlan {
  const c = configOf(path, env);
  if (c) return planConfigOverride(path, c, env, name);
  const u = unitOf(path);
  if (!u) return err(`${basename(path)} is not a unit file or a drop-in of one unit.`);
  const n = validateDropInName(name);
  if (!n.ok) return err(n.reason);
  const h = hierarchyOf(path, u.unit, env);
  const eff = h.fragment || h.dropIns.length ? loadEffectiveUnit(h, env.fs).effective : mergeUnit([]);
  return planNewFile(
    unitDropInTarget(path, u.unit, env),
    n.fileName,
    env,
    'Create',
    (file) => overrideTemplate(eff, { unitName: u.unit, path: file }),
    ['Then: systemctl daemon-reload'],
  );
}

/** Show Drop-ins: the unit file (or a dialect's main file) and its drop-ins in the order systemd applies them. */
export function planShowDropIns(path: string, env: CommandEnv): CommandPlan {
  const c = configOf(path, env);
  if (c) return planConfigDropIns(path, c, env);
  const u = unitOf(path);
  if (!u) return err(`${basename(path)} is not a unit file or a drop-in of one unit.`);
  const h = hierarchyOf(path, u.unit, env);
  return planDropInsText(
    u.unit,
    [h.fragment ? `unit file: ${h.fragment.path}${h.masked ? ' (masked)' : ''}` : 'unit file: not found'],
    h.dropIns,
  );
}

/** Show Effective Unit (or Config): the merged unit or dialect file, every line with the file and line that set it. */
export function planShowEffective(path: string, env: CommandEnv): CommandPlan {
  const c = configOf(path, env);
  if (c) return planConfigEffective(path, c, env);
  const u = unitOf(path);
  if (!u) return err(`${basename(path)} is not a unit file or a drop-in of one unit.`);
  const h = hierarchyOf(path, u.unit, env);
  if (!h.fragment && !h.dropIns.length) return err(`No file found for ${u.unit}.`);
  const { effective } = loadEffectiveUnit(h, env.fs);
  return {
    kind: 'text',
    title: `Effective ${u.unit}`,
    text: renderEffective(effective, { comments: true, unitName: h.id }),
  };
}

/**
 * Move to Drop-in: the difference between a vendor unit as it is now (the editor's text) and as it was shipped
 * (git HEAD, or the text when it was opened) goes into a new drop-in, and the vendor file is put back as shipped.
 * With `line`, only that directive moves.
 */
export function planMoveChangeToDropIn(path: string, env: CommandEnv, line?: number): CommandPlan {
  const c = configOf(path, env);
  if (c) return planConfigMoveToDropIn(path, c, env, line);
  const doc = env.openDocument(path) ?? env.parseFile(path);
  if (!doc || doc.file.kind !== 'unit') return err(`${basename(path)} is not a unit file.`);
  if (!isVendorUnitFile(path)) return err(`${path} is not a vendor unit: edit it in place, or create an override.`);
  const shipped = shippedTextOf(path, doc, env, 'override');
  if (typeof shipped !== 'string') return shipped;
  const plan = planMoveToDropInText(doc.text, shipped, doc.analysis.unitType, line);
  if (!plan.dropInText.trim())
    return err('The change cannot be expressed in a drop-in (see the warnings); nothing was moved.');
  return planMovedChange(
    unitDropInTarget(path, doc.file.unitName, env),
    env,
    plan.dropInText,
    [{ path, content: plan.vendorText }],
    [...plan.notes, 'Then: systemctl daemon-reload'],
  );
}

function planMoveToDropInText(
  current: string,
  shipped: string,
  unitType: SystemdDocument['analysis']['unitType'],
  line?: number,
): { dropInText: string; vendorText: string; notes: string[] } {
  const p = planMoveToDropIn(current, shipped, { unitType, ...(line !== undefined ? { line } : {}) });
  return { dropInText: p.dropInText, vendorText: p.vendorText, notes: p.cannotExpress.map((c) => c.reason) };
}

/** Convert Full Copy: the smallest drop-in that turns the vendor unit into the copy in /etc (the copy stays). */
export function planConvertFullCopy(path: string, env: CommandEnv): CommandPlan {
  const u = unitOf(path);
  const doc = env.openDocument(path) ?? env.parseFile(path);
  if (!u || !doc || doc.file.kind !== 'unit') return err(`${basename(path)} is not a unit file.`);
  if (isVendorUnitFile(path)) return err(`${path} is the vendor file itself; a full copy lives in etc/systemd/system.`);
  const h = hierarchyOf(path, u.unit, env);
  const vendor = [h.fragment, ...h.shadowedFragments].find((f) => f && f.path !== path && isVendorUnitFile(f.path));
  if (!vendor) return err(`Found no vendor copy of ${u.unit} to compare with.`);
  const base = env.readText(vendor.path);
  if (base === undefined) return err(`${vendor.path} cannot be read.`);
  const min = computeMinimalDropIn(base, doc.text);
  return planNewFile(
    unitDropInTarget(path, u.unit, env),
    'override.conf',
    env,
    'Write',
    () => (min.text.trim() ? min.text : '# The copy does not differ from the vendor unit.\n'),
    [...min.cannotExpress.map((c) => c.reason), `Then remove the full copy ${path} and run systemctl daemon-reload.`],
  );
}

/** Set Hardware Watchdog: a system.conf.d drop-in next to the system.conf of the same root (never a hard-coded path). */
export function planSetHardwareWatchdog(path: string | undefined, env: CommandEnv, seconds?: number): CommandPlan {
  const limits = env.watchdog ?? limitsForDriver('iTCO-v2');
  const s = seconds ?? limits.max;
  if (!Number.isInteger(s) || s < limits.min || s > limits.max)
    return err(`${s} s is outside what ${limits.label} accepts (${limits.min}–${limits.max} s).`);
  return planNewFile(
    targetFor(path, { kind: 'managerDropIn' }, env, 'system'),
    '60-watchdog.conf',
    env,
    'Create',
    () =>
      `# Hardware watchdog (${limits.label}: ${limits.min}–${limits.max} s).\n[Manager]\nRuntimeWatchdogSec=${s}s\nRebootWatchdogSec=${Math.min(600, limits.max)}s\n`,
    ['Then: systemctl daemon-reexec, and check with wdctl.'],
  );
}

/** Generate Socket Units: socket units and the service's LD_PRELOAD drop-in from an strace log. */
export function planGenerateSocketUnits(logPath: string, service: string, env: CommandEnv): CommandPlan {
  const unit = service.endsWith('.service') ? service : `${service}.service`;
  const ok = validateUnitName(unit);
  if (!ok.ok) return err(ok.reason);
  const log = env.readText(logPath);
  if (log === undefined) return err(`${logPath} cannot be read.`);
  const g = generateSocketUnits(log, unit, env.preloadLibrary);
  if (g.errors.length) return err(g.errors.join('; '));
  if (!g.files.length) return err(g.warnings.join('; ') || 'The log shows no listening socket.');
  const target = targetFor(undefined, { kind: 'unitFiles' }, env, 'system');
  if (typeof target === 'string') return err(target);
  const files = g.files.map((f) => ({ path: posix.join(target.folder, f.path), content: f.content }));
  const taken = fresh(
    files.map((f) => f.path),
    env,
  );
  if (taken) return err(taken);
  return {
    kind: 'write',
    title: `Write ${files.length} file(s) into ${target.folder}`,
    target,
    files,
    replace: [],
    notes: [...g.warnings, ...g.steps],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Security: the exposure table, and Harden This Service.

/** Show Security: systemd-analyze security's table for the service (the score from the facade's cache). */
export function planShowSecurity(path: string, score: SecurityScore | undefined): CommandPlan {
  if (!score) return err(`${basename(path)} is not a service unit (or a drop-in of one) that can be scored.`);
  return { kind: 'text', title: `Exposure of ${score.unit}`, text: renderSecurityTable(score) };
}

export interface HardenOptions {
  /** The unit's files in systemd's order, open documents' unsaved text in place. */
  readonly sources: readonly SourceFile[];
  readonly version: number;
  readonly level: HardenLevel;
  /** One setting only (a quick fix): added to hardening.conf, which is created or extended. */
  readonly line?: { readonly directive: string; readonly value: string };
}

/**
 * Harden This Service: `<unit>.d/hardening.conf` where writeTarget says, with the settings planHardening found
 * safe (or strict), each with a comment that says why, and the score before and after in the title.
 */
export function planHardenService(path: string, env: CommandEnv, opts: HardenOptions): CommandPlan {
  const u = unitOf(path);
  if (!u || u.type !== 'service') return err(`${basename(path)} is not a service unit or a drop-in of one.`);
  if (!opts.sources.length) return err(`No file found for ${u.unit}.`);
  const target = unitDropInTarget(path, u.unit, env);
  if (typeof target === 'string') return err(target);
  const file = join(target.folder, 'hardening.conf');
  const reload = 'Then: systemctl daemon-reload, and restart the service.';
  if (opts.line) {
    const line = `${opts.line.directive}=${opts.line.value}`;
    const existing = env.exists(file) ? (env.openDocument(file)?.text ?? env.readText(file)) : undefined;
    const self = opts.sources.findIndex((s) => s.path === file);
    const before = scoreService(mergeUnit(opts.sources), u.unit, opts.version);
    const after =
      existing !== undefined && self >= 0
        ? scoreWithLine(opts.sources, u.unit, opts.version, line, self)
        : scoreWithLine(opts.sources, u.unit, opts.version, line);
    const title = `Add ${line} to ${file}: exposure ${before.exposure} → ${after.exposure} ${after.label}`;
    if (existing !== undefined)
      return {
        kind: 'write',
        title,
        target,
        files: [],
        replace: [{ path: file, content: withServiceLine(existing, line).text }],
        notes: [reload],
      };
    return {
      kind: 'write',
      title,
      target,
      replace: [],
      files: [{ path: file, content: `# Hardening for ${u.unit}, from a quick fix.\n[Service]\n${line}\n` }],
      notes: [reload],
    };
  }
  const plan = planHardening(opts.sources, u.unit, opts.version, opts.level);
  if (!plan.lines.length) return err(`Nothing to add at the ${opts.level} level: ${plan.notes.join(' ')}`.trim());
  const taken = fresh([file], env);
  if (taken) return err(taken);
  return {
    kind: 'write',
    title: `Harden ${u.unit} (${opts.level}): exposure ${plan.before.exposure} ${plan.before.label} → ${plan.after.exposure} ${plan.after.label}`,
    target,
    replace: [],
    files: [{ path: file, content: plan.text }],
    notes: [...plan.notes, reload],
  };
}
