/**
 * Property: for random base units and random targets built from real catalog directives of every merge kind,
 *   merge(base, computeMinimalDropIn(base, target)) ≡ effective(target)
 * for every directive (compared per section + directive as value lists), except exactly the directives an
 * independent classification says a drop-in cannot change (add-only removals, first-wins changes, resets that
 * systemd 252 refuses), which must stay as the base had them. And nothing unchanged is written, except the
 * members of a reset group (Condition…/Assert…/timer triggers/path watches) that must be written again.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allDirectives, typeSection, type DirectiveInfo, type UnitType } from '../../server/src/catalog/catalog.js';
import {
  canonicalDirective,
  effectiveOfText,
  listResetOf,
  mergeModeOf,
  mergeUnit,
  resetGroupOf,
  type EffectiveUnit,
  type MergeMode,
} from '../../server/src/units/effective.js';
import { computeMinimalDropIn, EMPTY_REFUSED_252 } from '../../server/src/units/minimalDropIn.js';

export const NUM_RUNS = 2000;

interface PoolEntry {
  section: string;
  name: string;
  mode: MergeMode;
  info: DirectiveInfo;
}
interface Line {
  section: string;
  key: string;
  value: string;
}

const SHAPES: UnitType[] = ['service', 'timer', 'path'];

/** Every directive of the shape's sections (all spellings, incl. renamed and compat-moved), by merge mode. */
function poolFor(t: UnitType): Record<MergeMode, PoolEntry[]> {
  const sections = ['Unit', typeSection(t), 'Install'];
  const out: Record<MergeMode, PoolEntry[]> = { single: [], list: [], 'add-only': [], 'first-wins': [] };
  for (const d of allDirectives()) {
    if (!sections.includes(d.section) || d.status === 'ignored') continue;
    out[mergeModeOf(d)].push({ section: d.section, name: d.name, mode: mergeModeOf(d), info: d });
  }
  return out;
}
const POOLS = new Map(SHAPES.map((t) => [t, poolFor(t)]));

const valueFor = (mode: MergeMode): fc.Arbitrary<string> => {
  switch (mode) {
    case 'add-only':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant('') },
        {
          weight: 5,
          arbitrary: fc
            .uniqueArray(fc.constantFrom('a.service', 'b.service', 'c.target', 'd.socket'), {
              minLength: 1,
              maxLength: 3,
            })
            .map((w) => w.join(' ')),
        },
      );
    case 'first-wins':
      return fc.constantFrom('', 'a.service', 'b.service');
    case 'list':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant('') },
        { weight: 5, arbitrary: fc.constantFrom('a', 'b', 'c d', '/x', '/y z', '0', '~', 'no') },
      );
    default:
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant('') },
        { weight: 5, arbitrary: fc.constantFrom('a', 'b', 'c d', '/x', '/y z', '0') },
      );
  }
};

/** A case: a shape, a small working set of directives (so base and target collide often), base and target lines. */
const caseArb = fc.constantFrom(...SHAPES).chain((shape) => {
  const pool = POOLS.get(shape)!;
  const groupMembers = pool.list.filter((p) => resetGroupOf(p.section, p.name, p.info));
  // Lists whose empty assignment is not their default (CapabilityBoundingSet=, Delegate=, …): always in reach.
  const special = pool.list.filter((p) => !listResetOf(p.info).emptyIsDefault);
  const working = fc
    .tuple(
      fc.subarray(pool.single, { minLength: 1, maxLength: 4 }),
      fc.subarray(
        pool.list.filter((p) => !resetGroupOf(p.section, p.name, p.info)),
        { minLength: 1, maxLength: 3 },
      ),
      fc.subarray(groupMembers, { minLength: 1, maxLength: 4 }),
      fc.subarray(pool['add-only'], { minLength: 1, maxLength: 2 }),
      fc.subarray(pool['first-wins'], { maxLength: Math.min(1, pool['first-wins'].length) }),
      fc.subarray(special, { maxLength: Math.min(1, special.length) }),
    )
    .map((parts) => parts.flat());
  return working.chain((ws) => {
    const line: fc.Arbitrary<Line> = fc
      .constantFrom(...ws)
      .chain((p) => valueFor(p.mode).map((value) => ({ section: p.section, key: p.name, value })));
    const lines = fc.array(line, { maxLength: 12 });
    return lines.chain((base) => {
      const mutated = fc
        .tuple(
          fc.array(fc.constantFrom('keep', 'keep', 'keep', 'drop', 'modify'), {
            minLength: base.length,
            maxLength: base.length,
          }),
          fc.array(line, { maxLength: 4 }),
          fc.array(line, { maxLength: 4 }),
          fc.nat(),
        )
        .chain(([ops, middle, tail, pos]) => {
          const kept: fc.Arbitrary<Line>[] = base.map((l, i) => {
            if (ops[i] === 'drop') return fc.constant(undefined as unknown as Line);
            if (ops[i] === 'modify')
              return valueFor(mergeModeOf(canonicalDirective(l.section, l.key).info)).map((value) => ({ ...l, value }));
            return fc.constant(l);
          });
          return fc.tuple(...kept).map((ks) => {
            const out = ks.filter((x) => x !== undefined);
            out.splice(pos % (out.length + 1), 0, ...middle);
            return [...out, ...tail];
          });
        });
      const target = fc.oneof(lines, mutated, mutated);
      return target.map((t) => ({ shape, base, target: t }));
    });
  });
});

/** Render lines as a unit file, opening a section header whenever the section changes. */
function render(lines: Line[]): string {
  let out = '';
  let cur: string | undefined;
  for (const l of lines) {
    if (l.section !== cur) {
      out += `${out ? '\n' : ''}[${l.section}]\n`;
      cur = l.section;
    }
    out += `${l.key}=${l.value}\n`;
  }
  return out;
}

const keysOf = (...effs: EffectiveUnit[]): Map<string, { section: string; name: string }> => {
  const m = new Map<string, { section: string; name: string }>();
  for (const e of effs)
    for (const d of e.directives()) m.set(`${d.section}.${d.name}`, { section: d.section, name: d.name });
  return m;
};
const isPrefix = (a: string[], b: string[]): boolean => a.length <= b.length && a.every((v, i) => v === b[i]);
const same = (a: string[], b: string[]): boolean => a.length === b.length && isPrefix(a, b);

/** Independent of the implementation: which changes can a drop-in not make? */
function expectedCannot(info: DirectiveInfo | undefined, b: string[], t: string[]): string | undefined {
  const mode = mergeModeOf(info);
  if (mode === 'add-only') return b.every((w) => t.includes(w)) ? undefined : 'add-only-removal';
  if (mode === 'first-wins') return b.length > 0 && !same(b, t) ? 'first-wins' : undefined;
  if (mode === 'single')
    return t.length === 0 && b.length > 0 && info && EMPTY_REFUSED_252.has(info.parser) ? 'empty-refused' : undefined;
  // A list whose empty assignment is not its default, with no known reset value, can only be replaced by a
  // target that starts from an explicit empty value.
  const lr = listResetOf(info);
  if (mode === 'list' && !lr.emptyIsDefault && lr.token === undefined && !isPrefix(b, t) && t[0] !== '')
    return 'empty-not-default';
  return undefined;
}

describe('minimal drop-in (property)', () => {
  it(`merge(base, dropin) ≡ effective(target), and nothing unchanged is written (${NUM_RUNS} runs)`, () => {
    const stats = {
      specialLists: 0,
      runs: 0,
      nonEmpty: 0,
      assignments: 0,
      cannot: 0,
      groupResets: 0,
      listResets: 0,
      appendsOnly: 0,
      directivesCompared: 0,
    };
    fc.assert(
      fc.property(caseArb, ({ shape, base, target }) => {
        stats.runs++;
        const baseText = render(base);
        const targetText = render(target);
        const r = computeMinimalDropIn(baseText, targetText, { unitType: shape });
        const B = effectiveOfText(baseText);
        const T = effectiveOfText(targetText);
        const M = mergeUnit([
          { path: 'base', text: baseText },
          { path: 'dropin', text: r.text },
        ]);

        const cannot = new Map(r.cannotExpress.map((c) => [`${c.section}.${c.key}`, c.kind]));
        const assignedKeys = new Map<string, string[]>();
        for (const a of r.assignments) {
          const c = canonicalDirective(a.section, a.key);
          const k = `${c.section}.${c.name}`;
          assignedKeys.set(k, [...(assignedKeys.get(k) ?? []), a.value]);
        }
        for (const [k, { section, name }] of keysOf(B, T, M)) {
          stats.directivesCompared++;
          const b = B.valuesOf(section, name);
          const t = T.valuesOf(section, name);
          const m = M.valuesOf(section, name);
          const info = (B.get(section, name) ?? T.get(section, name) ?? M.get(section, name))!.info;
          const mode = mergeModeOf(info);
          const exp = expectedCannot(info, b, t);
          if (!listResetOf(info).emptyIsDefault && !same(b, t)) stats.specialLists++;
          expect(cannot.get(k), `${k}: cannotExpress`).toBe(exp);
          if (exp === undefined)
            expect(
              m,
              `${k}: merged vs target\n--- base\n${baseText}--- target\n${targetText}--- dropin\n${r.text}`,
            ).toEqual(t);
          else if (exp === 'add-only-removal') expect(m).toEqual([...new Set([...b, ...t])].sort());
          else expect(m, `${k} stays as in the base`).toEqual(b);

          // Minimality.
          const written = assignedKeys.get(k) ?? [];
          const group = resetGroupOf(section, name, info);
          const groupReset = group !== undefined && r.groupResets.includes(`${section}/${group}`);
          if (same(b, t) && !groupReset) expect(written, `${k} is unchanged but written`).toEqual([]);
          if (mode === 'single' || mode === 'first-wins' || mode === 'add-only')
            expect(written.length).toBeLessThanOrEqual(1);
          if (mode === 'add-only' && written.length)
            expect(written[0]!.split(' ').sort()).toEqual(t.filter((w) => !b.includes(w)));
          if (mode === 'list' && !groupReset && isPrefix(b, t)) {
            expect(written, `${k}: appending needs no reset`).toEqual(t.slice(b.length));
            if (t.length > b.length) stats.appendsOnly++;
          }
          if (mode === 'list' && !group && !isPrefix(b, t) && exp === undefined) {
            expect(written[0]).toBe(listResetOf(info).token ?? '');
            stats.listResets++;
          }
        }
        // A group is reset only when some member's base list is not a prefix of its target list.
        for (const g of r.groupResets) {
          const [section, group] = g.split('/') as [string, string];
          const members = [...keysOf(B, T).values()].filter(
            (d) =>
              d.section === section &&
              resetGroupOf(d.section, d.name, (B.get(d.section, d.name) ?? T.get(d.section, d.name))!.info) === group,
          );
          expect(
            members.some((d) => !isPrefix(B.valuesOf(d.section, d.name), T.valuesOf(d.section, d.name))),
            `${g} reset without need`,
          ).toBe(true);
        }
        // Applying the drop-in leaves nothing more to write.
        expect(computeMinimalDropIn(M, targetText, { unitType: shape }).assignments).toEqual([]);

        if (r.text) stats.nonEmpty++;
        stats.assignments += r.assignments.length;
        stats.cannot += r.cannotExpress.length;
        stats.groupResets += r.groupResets.length;
      }),
      { numRuns: NUM_RUNS, seed: 252 },
    );
    // The numbers for the report (printed once).
    console.log(`minimalDropIn property: ${JSON.stringify(stats)}`);
    expect(stats.runs).toBe(NUM_RUNS);
    expect(stats.groupResets).toBeGreaterThan(50);
    expect(stats.cannot).toBeGreaterThan(50);
    expect(stats.listResets).toBeGreaterThan(50);
    expect(stats.appendsOnly).toBeGreaterThan(50);
    expect(stats.specialLists).toBeGreaterThan(50);
  });
});
