/**
 * The smallest drop-in that turns a base unit into a desired one.
 *
 * Given a base (a vendor unit, or an effective unit already merged with its drop-ins) and a target (the unit as
 * the user wants it), emit only what differs, per directive, following the merge rules of effective.ts:
 * - single values: the target value; a value the target drops is reset with an empty assignment, except where
 *   systemd refuses an empty value (see EMPTY_REFUSED_252): that is reported as `cannotExpress`;
 * - lists: the appended items when the base list is a prefix of the target list, otherwise an empty reset and the
 *   whole target list; for the Condition…/Assert…/timer-trigger/path-watch groups one empty assignment clears the
 *   whole group, so the whole group is written again;
 * - add-only lists (After=, Wants=, …): the missing words; words the target drops cannot be removed (`cannotExpress`);
 * - Timer/Path Unit= (first wins): can be set when the base has none, never changed (`cannotExpress`).
 *
 * Property-tested in test/units/minimalDropIn.property.test.ts: merge(base, dropin) ≡ effective(target) for every
 * directive not reported in cannotExpress, and no unchanged directive is written (outside a group reset).
 */
import { typeSection, type UnitType } from '../catalog/catalog.js';
import type { UnitDocument } from '../parser/ast.js';
import {
  comparableValues,
  EffectiveUnit,
  effectiveOfText,
  guessUnitType,
  listResetOf,
  wordsOf,
  type EffectiveDirective,
  type MergeMode,
  type ResetGroup,
} from './effective.js';
import { EMPTY_REFUSED_252 } from '../catalog/parserFacts.js';

export { EMPTY_REFUSED_252 } from '../catalog/parserFacts.js';

export interface DropInAssignment {
  readonly section: string;
  readonly key: string;
  readonly value: string;
}

export type CannotExpressKind = 'add-only-removal' | 'first-wins' | 'empty-refused' | 'empty-not-default';

export interface CannotExpress {
  readonly section: string;
  readonly key: string;
  readonly kind: CannotExpressKind;
  /** A sentence for the user. */
  readonly reason: string;
  readonly base: readonly string[];
  readonly target: readonly string[];
}

export interface MinimalDropIn {
  /** The drop-in text ('' when nothing differs). */
  readonly text: string;
  readonly assignments: readonly DropInAssignment[];
  readonly cannotExpress: readonly CannotExpress[];
  /** Directives whose effective value differs (written or not). */
  readonly changed: readonly { readonly section: string; readonly key: string }[];
  /** Groups that are cleared and written again as a whole ("Unit/conditions"). */
  readonly groupResets: readonly string[];
}

export interface MinimalDropInOptions {
  /** Decides the type section's position; guessed from the sections otherwise. */
  readonly unitType?: UnitType;
  /** Trust every empty assignment to reset (newer systemd); default false: use what 252 does. */
  readonly assumeEmptyResets?: boolean;
}

type Input = string | UnitDocument | EffectiveUnit;

function toEffective(x: Input, label: string): EffectiveUnit {
  return x instanceof EffectiveUnit ? x : effectiveOfText(x, label);
}

const isPrefix = (a: readonly string[], b: readonly string[]): boolean =>
  a.length <= b.length && a.every((v, i) => v === b[i]);
const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && isPrefix(a, b);

function sectionOrder(sections: string[], unitType: UnitType | undefined): string[] {
  const typeSec = unitType ? typeSection(unitType) : undefined;
  const rank = (s: string): number => (s === 'Unit' ? 0 : s === typeSec ? 1 : s === 'Install' ? 3 : 2);
  return sections
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map((x) => x.s);
}

function looksLikeLiteral(v: string): boolean {
  return v !== '' && !/[\s()]/.test(v);
}

/** Can an empty assignment reset this directive? */
function emptyResets(d: Pick<EffectiveDirective, 'info' | 'mode'>, assumeEmptyResets = false): boolean {
  if (d.mode !== 'single') return d.mode === 'list';
  if (assumeEmptyResets || !d.info) return true;
  return !EMPTY_REFUSED_252.has(d.info.parser);
}

export function computeMinimalDropIn(base: Input, target: Input, opts: MinimalDropInOptions = {}): MinimalDropIn {
  const B = toEffective(base, 'base');
  const T = toEffective(target, 'target');
  const bDirs = B.directives();
  const tDirs = T.directives();

  // Keys: target order first, then keys only the base has; grouped by section.
  const keyOf = (d: EffectiveDirective): string => `${d.section}\u0000${d.name}`;
  const keys = new Map<
    string,
    { section: string; name: string; mode: MergeMode; group: ResetGroup | undefined; d: EffectiveDirective }
  >();
  for (const d of [...tDirs, ...bDirs])
    if (!keys.has(keyOf(d))) keys.set(keyOf(d), { section: d.section, name: d.name, mode: d.mode, group: d.group, d });
  const sections = sectionOrder(
    [...new Set([...keys.values()].map((k) => k.section))],
    opts.unitType ?? guessUnitType([...B.sectionNames(), ...T.sectionNames()]),
  );

  const valuesIn = (E: EffectiveUnit, section: string, name: string): string[] => {
    const d = E.get(section, name);
    return d ? comparableValues(d) : [];
  };

  // Which reset groups must be cleared and written again?
  const groupReset = new Map<string, string>(); // "section/group" -> key to write empty
  for (const k of keys.values()) {
    if (!k.group || k.mode !== 'list') continue;
    const b = valuesIn(B, k.section, k.name);
    const t = valuesIn(T, k.section, k.name);
    const gk = `${k.section}/${k.group}`;
    if (!isPrefix(b, t) && !groupReset.has(gk)) groupReset.set(gk, k.name);
  }

  const bySection = new Map<string, DropInAssignment[]>();
  const emit = (section: string, key: string, value: string): void => {
    let l = bySection.get(section);
    if (!l) bySection.set(section, (l = []));
    l.push({ section, key, value });
  };
  const cannot: CannotExpress[] = [];
  const changed: { section: string; key: string }[] = [];
  const groupsWritten = new Set<string>();

  for (const section of sections) {
    for (const k of keys.values()) {
      if (k.section !== section) continue;
      const b = valuesIn(B, section, k.name);
      const t = valuesIn(T, section, k.name);
      // A directive systemd does not know in this section is ignored wherever it is: nothing to write.
      if (!k.d.info) continue;
      const differs = !sameList(b, t);
      if (differs) changed.push({ section, key: k.name });
      const gk = k.group ? `${section}/${k.group}` : '';
      if (k.group && groupReset.has(gk)) {
        if (groupsWritten.has(gk)) continue;
        groupsWritten.add(gk);
        emit(section, groupReset.get(gk)!, '');
        for (const m of keys.values()) {
          if (m.section !== section || m.group !== k.group) continue;
          for (const v of valuesIn(T, section, m.name)) emit(section, m.name, v);
        }
        continue;
      }
      if (!differs) continue;
      switch (k.mode) {
        case 'single':
          if (t.length > 0) emit(section, k.name, t[0]!);
          else if (emptyResets(k.d, opts.assumeEmptyResets)) emit(section, k.name, '');
          else {
            const def = k.d.info?.defaultValue ?? '';
            cannot.push({
              section,
              key: k.name,
              kind: 'empty-refused',
              base: b,
              target: t,
              reason:
                `systemd 252 refuses an empty ${k.name}= ("Failed to parse …, ignoring"), so a drop-in cannot reset it to its default; ` +
                (looksLikeLiteral(def)
                  ? `write ${k.name}=${def} (the default) instead`
                  : `write the value you want explicitly`) +
                ` (the base sets ${k.name}=${b[0] ?? ''}).`,
            });
          }
          break;
        case 'first-wins':
          if (b.length === 0) emit(section, k.name, t[0]!);
          else {
            cannot.push({
              section,
              key: k.name,
              kind: 'first-wins',
              base: b,
              target: t,
              reason:
                `[${section}] ${k.name}= keeps its first value (systemd ignores later ones with "Multiple units to trigger specified"), ` +
                `so a drop-in cannot ${t.length ? `change ${b[0]} to ${t[0]}` : `remove ${b[0]}`}; edit the unit file itself (systemctl edit --full).`,
            });
          }
          break;
        case 'list': {
          if (isPrefix(b, t)) {
            for (const v of t.slice(b.length)) emit(section, k.name, v);
            break;
          }
          const lr = listResetOf(k.d.info);
          if (lr.emptyIsDefault) emit(section, k.name, '');
          else if (lr.token !== undefined) emit(section, k.name, lr.token);
          else if (t[0] !== '') {
            cannot.push({
              section,
              key: k.name,
              kind: 'empty-not-default',
              base: b,
              target: t,
              reason:
                `an empty ${k.name}= does not restore its default (${k.d.info?.defaultValue ?? 'unknown'}) and no other value is known to, ` +
                'so a drop-in cannot replace the list; edit the unit file itself (systemctl edit --full).',
            });
            break;
          }
          for (const v of t) emit(section, k.name, v);
          break;
        }
        case 'add-only': {
          const tWords = orderedWords(T.get(section, k.name));
          const bSet = new Set(b);
          const tSet = new Set(t);
          const add = tWords.filter((w) => !bSet.has(w));
          if (add.length) emit(section, k.name, add.join(' '));
          const removed = b.filter((w) => !tSet.has(w));
          if (removed.length) {
            cannot.push({
              section,
              key: k.name,
              kind: 'add-only-removal',
              base: b,
              target: t,
              reason:
                `${k.name}= can only be added to in a drop-in (an empty ${k.name}= is ignored), so ${removed.join(' ')} cannot be removed; ` +
                'edit the unit file itself (systemctl edit --full) or mask the unit it pulls in.',
            });
          }
          break;
        }
      }
    }
  }

  const assignments: DropInAssignment[] = [];
  const blocks: string[] = [];
  for (const section of sections) {
    const l = bySection.get(section);
    if (!l?.length) continue;
    assignments.push(...l);
    blocks.push(`[${section}]\n${l.map((a) => `${a.key}=${a.value}\n`).join('')}`);
  }
  return { text: blocks.join('\n'), assignments, cannotExpress: cannot, changed, groupResets: [...groupsWritten] };
}

/** Words of an add-only directive in first-appearance order. */
function orderedWords(d: EffectiveDirective | undefined): string[] {
  if (!d) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of d.values)
    for (const w of wordsOf(v.value))
      if (!seen.has(w)) {
        seen.add(w);
        out.push(w);
      }
  return out;
}
