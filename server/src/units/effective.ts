/**
 * The effective configuration of a unit: its fragment merged with its drop-ins by systemd's rules
 * (directives.md "list"; systemd-facts.md §7.2). Files are applied in order; within a file, line by line.
 *
 * - list=no: each assignment replaces the value; the last one wins. An empty value resets to the default.
 *   Exception: Timer/Path `Unit=` (config_parse_trigger_unit): the first value wins, later ones are ignored.
 * - list=yes: values accumulate; an empty assignment clears the list. An empty Condition…= clears all
 *   conditions, an empty Assert…= all asserts, an empty OnCalendar=/OnBootSec=/… all timer triggers, an empty
 *   PathExists=/PathChanged=/… all path watches.
 * - list=add-only (After=, Wants=, …): values accumulate; an empty assignment does nothing.
 *
 * Renamed spellings that share systemd's storage (ReadWriteDirectories= = ReadWritePaths=, [Service]
 * StartLimitBurst= = [Unit] StartLimitBurst=, BindTo= = BindsTo=, …) are merged under the current name.
 *
 * Every value remembers the file and line that set it, and the assignments it replaced.
 */
import { lookupDirective, UNIT_TYPES, typeSection, type DirectiveInfo, type UnitType } from '../catalog/catalog.js';
import type { UnitDocument } from '../parser/ast.js';
import { parseUnit } from '../parser/parser.js';
import {
  readHierarchyFileResult,
  realFs,
  type HierarchyFs,
  type ManagerHierarchy,
  type UnitHierarchy,
} from './hierarchy.js';
import { isFirstWins } from '../catalog/parserFacts.js';

export type MergeMode = 'single' | 'first-wins' | 'list' | 'add-only';
export type ResetGroup = 'conditions' | 'asserts' | 'timer-triggers' | 'path-watches';

export interface SourceFile {
  readonly path: string;
  /** The text, or a parsed tree (one of the two). Masked drop-ins are passed as ''. */
  readonly text?: string;
  readonly doc?: UnitDocument;
  /** A vendor file (/usr/lib, /lib, …): hover says "overrides the vendor value". */
  readonly vendor?: boolean;
}

/** One assignment in one file. */
export interface Origin {
  readonly file: string;
  /** 1-based line of the assignment. */
  readonly line: number;
  /** Section and key as written. */
  readonly section: string;
  readonly key: string;
  readonly value: string;
  readonly vendor: boolean;
}

export type EventKind = 'set' | 'append' | 'reset' | 'group-reset' | 'ignored';

/** What an assignment did to a directive. `group-reset`: an empty assignment of another directive of its group cleared it. */
export interface MergeEvent {
  readonly kind: EventKind;
  readonly origin: Origin;
  /** For `ignored`: why systemd ignores it. */
  readonly reason?: string;
}

export interface EffectiveValue {
  readonly value: string;
  readonly origin: Origin;
  /** The assignments this one displaced: the value it replaced, or the list items cleared by the reset before it. */
  readonly overrides: readonly Origin[];
}

export interface EffectiveDirective {
  /** Canonical section and name (a renamed spelling is merged under its current name). */
  readonly section: string;
  readonly name: string;
  readonly mode: MergeMode;
  readonly group: ResetGroup | undefined;
  readonly info: DirectiveInfo | undefined;
  /** The values in effect, in order (at most one unless mode is list or add-only). Empty: unset / default. */
  readonly values: readonly EffectiveValue[];
  /** Every assignment that touched it, in order. */
  readonly events: readonly MergeEvent[];
}

export interface OriginInfo {
  readonly directive: EffectiveDirective;
  /** Assignments whose values are in effect. */
  readonly setBy: readonly Origin[];
  /** Earlier assignments that no longer count (replaced, or cleared by a reset), most recent first. */
  readonly overridden: readonly Origin[];
  /** The empty assignment that last cleared the list or reset the value, if any. */
  readonly resetBy: Origin | undefined;
  /** Assignments systemd ignores (first-wins repeats, empty add-only values). */
  readonly ignored: readonly MergeEvent[];
  /** One line for hover: "set in /etc/…/override.conf:3, overrides the vendor value `x` (/usr/lib/…:12)". */
  readonly message: string;
}

/** Resolve a section + key to the directive systemd stores it in. */
export function canonicalDirective(
  section: string,
  key: string,
): { section: string; name: string; info: DirectiveInfo | undefined } {
  const info = lookupDirective(section, key);
  if (!info || !info.replacement) return { section, name: key, info };
  if (info.status !== 'renamed' && info.status !== 'compat-moved' && info.status !== 'deprecated')
    return { section, name: key, info };
  const m = /^(?:\[(\w+)\]\s*)?([A-Za-z0-9]+)$/.exec(info.replacement.trim());
  if (!m) return { section, name: key, info };
  const targetSection = m[1] ?? section;
  const target = lookupDirective(targetSection, m[2]!);
  if (!target) return { section, name: key, info };
  // Same storage: the same parser, or both dependency lists (RequiresOverridable= adds a Requires= dependency).
  const same = target.parser === info.parser || (target.list === 'add-only' && info.list === 'add-only');
  return same ? { section: targetSection, name: target.name, info: target } : { section, name: key, info };
}

export function mergeModeOf(info: DirectiveInfo | undefined): MergeMode {
  if (!info) return 'single';
  if (isFirstWins(info.parser)) return 'first-wins';
  return info.list === 'yes' ? 'list' : info.list === 'add-only' ? 'add-only' : 'single';
}

export function resetGroupOf(section: string, name: string, info: DirectiveInfo | undefined): ResetGroup | undefined {
  if (!info || info.list !== 'yes') return undefined;
  if (section === 'Unit' && info.kind === 'condition') return name.startsWith('Assert') ? 'asserts' : 'conditions';
  if (info.parser === 'config_parse_timer') return 'timer-triggers';
  if (info.parser === 'config_parse_path_spec') return 'path-watches';
  return undefined;
}

/**
 * For most lists an empty assignment restores the default (nothing). Not for lists whose default is not empty
 * (catalog `default` column), measured on 252:
 * - `CapabilityBoundingSet=` (default: all) sets the EMPTY set; `CapabilityBoundingSet=~` restores all;
 * - `Delegate=` (default: no) means "yes, no controllers"; `Delegate=no` (any false boolean) restores the default.
 * For those, `emptyIsDefault` is false and `isResetToken` recognises the value that does restore the default.
 */
export interface ListReset {
  readonly emptyIsDefault: boolean;
  /** The value to write to restore the default, when one exists. */
  readonly token: string | undefined;
  isResetToken(value: string): boolean;
}

const PLAIN_RESET: ListReset = { emptyIsDefault: true, token: undefined, isResetToken: () => false };
const FALSE_WORDS = new Set(['0', 'no', 'n', 'false', 'f', 'off']);

export function listResetOf(info: DirectiveInfo | undefined): ListReset {
  if (!info || info.list !== 'yes') return PLAIN_RESET;
  const def = info.defaultValue.trim();
  if (def === '' || /^empty\b/i.test(def)) return PLAIN_RESET;
  if (info.parser === 'config_parse_capability_set')
    return { emptyIsDefault: false, token: '~', isResetToken: (v) => v === '~' };
  if (info.parser === 'config_parse_delegate')
    return { emptyIsDefault: false, token: 'no', isResetToken: (v) => FALSE_WORDS.has(v.toLowerCase()) };
  return { emptyIsDefault: false, token: undefined, isResetToken: () => false };
}

/** Words of a dependency-like value (unit_deps etc. split on whitespace; the result is a set). */
export function wordsOf(value: string): string[] {
  return value.split(/[ \t\n\r]+/).filter((w) => w.length > 0);
}

interface MutableDirective {
  section: string;
  name: string;
  mode: MergeMode;
  group: ResetGroup | undefined;
  info: DirectiveInfo | undefined;
  values: EffectiveValue[];
  events: MergeEvent[];
  /** Origins displaced by a reset and not yet claimed by a later value. */
  pending: Origin[];
}

const SECTION_RANK = (s: string): number => (s === 'Unit' ? 0 : s === 'Install' ? 2 : 1);

/** The merged view. Build it with `mergeUnit()`. */
export class EffectiveUnit {
  /** Lines systemd ignores outright (assignments before any section header). */
  readonly outsideSection: Origin[] = [];
  private readonly dirs = new Map<string, MutableDirective>();
  private readonly order: string[] = [];

  constructor(readonly sources: readonly { readonly path: string; readonly vendor: boolean }[]) {}

  private static key(section: string, name: string): string {
    return `${section}\u0000${name}`;
  }

  /** @internal Apply one assignment. */
  apply(sectionName: string, origin: Origin): void {
    const c = canonicalDirective(sectionName, origin.key);
    const k = EffectiveUnit.key(c.section, c.name);
    let d = this.dirs.get(k);
    if (!d) {
      d = {
        section: c.section,
        name: c.name,
        mode: mergeModeOf(c.info),
        group: resetGroupOf(c.section, c.name, c.info),
        info: c.info,
        values: [],
        events: [],
        pending: [],
      };
      this.dirs.set(k, d);
      this.order.push(k);
    }
    const empty = origin.value === '';
    const dir = d;
    /** Clear the values, remembering them as displaced. */
    const clear = (x: MutableDirective): void => {
      x.pending = [...x.values.map((v) => v.origin).reverse(), ...x.pending];
      x.values = [];
    };
    /** A new value, taking over what was displaced. */
    const take = (): EffectiveValue => {
      const v = { value: origin.value, origin, overrides: dir.pending };
      dir.pending = [];
      return v;
    };
    switch (d.mode) {
      case 'single':
        clear(d);
        if (!empty) d.values = [take()];
        d.events.push({ kind: empty ? 'reset' : 'set', origin });
        break;
      case 'first-wins':
        if (empty)
          d.events.push({ kind: 'ignored', origin, reason: 'an empty value is not a unit name; systemd ignores it' });
        else if (d.values.length > 0)
          d.events.push({
            kind: 'ignored',
            origin,
            reason: `the first ${d.name}= wins; systemd ignores later ones ("Multiple units to trigger specified")`,
          });
        else {
          d.values = [take()];
          d.events.push({ kind: 'set', origin });
        }
        break;
      case 'add-only':
        if (empty)
          d.events.push({
            kind: 'ignored',
            origin,
            reason: `an empty ${d.name}= does nothing: dependencies can only be added, never removed`,
          });
        else {
          d.values.push(take());
          d.events.push({ kind: 'append', origin });
        }
        break;
      case 'list': {
        const lr = listResetOf(d.info);
        if (!lr.emptyIsDefault) {
          // Empty = an explicit empty value (kept as ''), the reset token = back to the default.
          if (lr.isResetToken(origin.value)) {
            clear(d);
            d.events.push({ kind: 'reset', origin });
          } else if (empty) {
            clear(d);
            d.values = [take()];
            d.events.push({ kind: 'set', origin });
          } else {
            d.values.push(take());
            d.events.push({ kind: 'append', origin });
          }
          break;
        }
        if (!empty) {
          d.values.push(take());
          d.events.push({ kind: 'append', origin });
          break;
        }
        clear(d);
        d.events.push({ kind: 'reset', origin });
        if (d.group) {
          for (const other of this.dirs.values()) {
            if (other === d || other.group !== d.group || other.section !== d.section) continue;
            if (other.values.length === 0) continue;
            clear(other);
            other.events.push({ kind: 'group-reset', origin });
          }
        }
        break;
      }
    }
  }

  /** All directives that were assigned, sections in the order [Unit], type sections, others, [Install]. */
  directives(): EffectiveDirective[] {
    const all = this.order.map((k) => this.dirs.get(k)!);
    const sectionOrder = this.sectionNames();
    return sectionOrder.flatMap((s) => all.filter((d) => d.section === s));
  }

  sectionNames(): string[] {
    const seen: string[] = [];
    for (const k of this.order) {
      const s = this.dirs.get(k)!.section;
      if (!seen.includes(s)) seen.push(s);
    }
    return seen
      .map((s, i) => ({ s, i }))
      .sort((a, b) => SECTION_RANK(a.s) - SECTION_RANK(b.s) || a.i - b.i)
      .map((x) => x.s);
  }

  get(section: string, name: string): EffectiveDirective | undefined {
    const c = canonicalDirective(section, name);
    return this.dirs.get(EffectiveUnit.key(c.section, c.name));
  }

  /** The values in effect for comparison: lines in order; for add-only lists the set of words, sorted. */
  valuesOf(section: string, name: string): string[] {
    const d = this.get(section, name);
    return d ? comparableValues(d) : [];
  }

  /** Where a directive's value comes from, for hover. */
  originOf(section: string, name: string): OriginInfo | undefined {
    const d = this.get(section, name);
    if (!d) return undefined;
    const setBy = d.values.map((v) => v.origin);
    const live = new Set(setBy);
    const ignored = d.events.filter((e) => e.kind === 'ignored');
    const ignoredSet = new Set(ignored.map((e) => e.origin));
    let resetBy: Origin | undefined;
    for (const e of d.events) if (e.kind === 'reset' || e.kind === 'group-reset') resetBy = e.origin;
    if (d.mode === 'single' && d.values.length > 0) resetBy = undefined;
    const overridden = d.events
      .filter((e) => (e.kind === 'set' || e.kind === 'append') && !live.has(e.origin) && !ignoredSet.has(e.origin))
      .map((e) => e.origin)
      .reverse();
    return {
      directive: d,
      setBy,
      overridden,
      resetBy,
      ignored,
      message: describeOrigin(d, setBy, overridden, resetBy, ignored),
    };
  }
}

export function comparableValues(d: EffectiveDirective): string[] {
  if (d.mode === 'add-only') return [...new Set(d.values.flatMap((v) => wordsOf(v.value)))].sort();
  return d.values.map((v) => v.value);
}

function where(o: Origin): string {
  return `${o.file}:${o.line}`;
}

function quote(v: string): string {
  const s = v.length > 80 ? `${v.slice(0, 77)}…` : v;
  return `\`${s}\``;
}

function describeOrigin(
  d: EffectiveDirective,
  setBy: Origin[],
  overridden: Origin[],
  resetBy: Origin | undefined,
  ignored: MergeEvent[],
): string {
  const parts: string[] = [];
  const prev = overridden[0];
  const prevText = prev ? ` the ${prev.vendor ? 'vendor ' : ''}value ${quote(prev.value)} (${where(prev)})` : '';
  if (setBy.length === 0) {
    if (resetBy)
      parts.push(
        `${d.mode === 'single' ? 'reset to its default' : 'cleared'} by the empty assignment in ${where(resetBy)}${prev ? `, replacing${prevText}` : ''}`,
      );
    else parts.push('not set (default)');
  } else if (d.mode === 'single' || d.mode === 'first-wins') {
    parts.push(`set in ${where(setBy[0]!)}${prev ? `, overrides${prevText}` : ''}`);
  } else {
    parts.push(`${setBy.length} value${setBy.length === 1 ? '' : 's'} from ${setBy.map(where).join(', ')}`);
    if (resetBy)
      parts.push(
        `after the empty assignment in ${where(resetBy)} cleared ${overridden.length ? `${overridden.length} earlier value${overridden.length === 1 ? '' : 's'}${prev?.vendor ? ' (vendor)' : ''}` : 'the list'}`,
      );
  }
  if (ignored.length)
    parts.push(`ignored: ${ignored.map((e) => `${where(e.origin)} (${e.reason ?? 'ignored'})`).join('; ')}`);
  return parts.join('; ');
}

/** Merge a fragment and its drop-ins (in order). */
export function mergeUnit(sources: readonly SourceFile[]): EffectiveUnit {
  const eff = new EffectiveUnit(sources.map((s) => ({ path: s.path, vendor: s.vendor ?? false })));
  for (const src of sources) {
    const doc = src.doc ?? parseUnit(src.text ?? '');
    for (const section of doc.sections) {
      for (const a of section.assignments) {
        const origin: Origin = {
          file: src.path,
          line: a.line + 1,
          section: section.name ?? '',
          key: a.key,
          value: a.value,
          vendor: src.vendor ?? false,
        };
        if (section.name === undefined) {
          eff.outsideSection.push(origin);
          continue;
        }
        eff.apply(section.name, origin);
      }
    }
  }
  return eff;
}

/** Effective view of a single text (a unit file on its own). */
export function effectiveOfText(text: string | UnitDocument, path = '<text>'): EffectiveUnit {
  return mergeUnit([typeof text === 'string' ? { path, text } : { path, doc: text }]);
}

/** The unit type's section among a unit's sections, if one is there. */
export function guessUnitType(sections: readonly string[]): UnitType | undefined {
  for (const t of UNIT_TYPES) if (sections.includes(typeSection(t))) return t;
  return undefined;
}

export interface RenderOptions {
  /** `# from <file>:<line>` comments (default true). */
  readonly comments?: boolean;
  /** A heading naming the unit and the files merged (default true). */
  readonly header?: boolean;
  readonly unitName?: string;
  /** Extra heading lines (e.g. "masked"). */
  readonly notes?: readonly string[];
}

/**
 * The merged unit as text, like `systemctl cat` but already merged. Re-reading the output gives the same
 * effective values (resets are shown only as comments, as they are already applied).
 */
export function renderEffective(eff: EffectiveUnit, opts: RenderOptions = {}): string {
  const comments = opts.comments ?? true;
  const out: string[] = [];
  if (opts.header ?? true) {
    out.push(`# Effective configuration${opts.unitName ? ` of ${opts.unitName}` : ''}, merged from:`);
    for (const s of eff.sources) out.push(`#   ${s.path}${s.vendor ? ' (vendor)' : ''}`);
    if (eff.sources.length === 0) out.push('#   (no files)');
    for (const n of opts.notes ?? []) out.push(`# ${n}`);
  }
  const dirs = eff.directives();
  let current: string | undefined;
  for (const d of dirs) {
    if (d.section !== current) {
      if (out.length) out.push('');
      out.push(`[${d.section}]`);
      current = d.section;
    }
    const info = eff.originOf(d.section, d.name)!;
    if (d.values.length === 0) {
      if (comments && info.resetBy)
        out.push(`# ${d.name}= ${d.mode === 'single' ? 'reset to its default' : 'cleared'} by ${where(info.resetBy)}`);
      continue;
    }
    d.values.forEach((v, i) => {
      if (comments) {
        let c = `# from ${where(v.origin)}`;
        if (v.overrides.length)
          c += `, overrides ${v.overrides.slice(0, 3).map(where).join(', ')}${v.overrides.length > 3 ? ', …' : ''}`;
        if (i === 0 && d.info === undefined) c += ' (unknown to systemd: ignored)';
        out.push(c);
      }
      out.push(`${d.name}=${v.value}`);
    });
    if (comments)
      for (const e of info.ignored)
        out.push(`# ignored: ${e.origin.key}=${e.origin.value} at ${where(e.origin)} (${e.reason ?? ''})`);
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// From a hierarchy (hierarchy.ts) to the merged view

export interface LoadedEffective {
  readonly effective: EffectiveUnit;
  /** Files that could not be read (skipped). */
  readonly unreadable: readonly string[];
  /** The same files, each with the reason (a FIFO, too large, a symlink out of the workspace…). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

/**
 * Read the fragment and drop-ins of a unit hierarchy and merge them. Masked drop-ins count as empty. Origins name
 * the file that holds the lines: for a symlink, its target (as `systemctl cat` does for an alias).
 */
export function loadEffectiveUnit(h: UnitHierarchy, fs: HierarchyFs = realFs): LoadedEffective {
  const sources: SourceFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  if (h.fragment && !h.masked) {
    const r = readHierarchyFileResult(fs, h.fragment);
    if (!r.ok) skipped.push({ path: h.fragment.path, reason: r.reason });
    else sources.push({ path: h.fragment.target, text: r.text, vendor: h.fragment.vendor });
  }
  for (const d of h.dropIns) {
    const r = readHierarchyFileResult(fs, d);
    if (!r.ok) skipped.push({ path: d.path, reason: r.reason });
    else sources.push({ path: d.masked ? d.path : d.target, text: r.text, vendor: d.vendor });
  }
  return { effective: mergeUnit(sources), unreadable: skipped.map((s) => s.path), skipped };
}

/** system.conf / user.conf with their drop-ins, merged ([Manager]). */
export function loadEffectiveManager(m: ManagerHierarchy, fs: HierarchyFs = realFs): LoadedEffective {
  const sources: SourceFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const f of [...m.mainFiles, ...m.dropIns]) {
    const r = readHierarchyFileResult(fs, f);
    if (!r.ok) skipped.push({ path: f.path, reason: r.reason });
    else sources.push({ path: f.path, text: r.text, vendor: f.vendor });
  }
  return { effective: mergeUnit(sources), unreadable: skipped.map((s) => s.path), skipped };
}
