/**
 * Lookup API over the generated catalog. The data comes from catalogData.generated.ts (never edited by hand);
 * this file only indexes it and knows the unit types and their sections (systemd's unit vtables).
 */
import type { ValueKind } from './valueKinds.js';
import { catalogTables } from './catalogData.generated.js';
import { once } from '../util/dataFile.js';

export const UNIT_TYPES = [
  'service',
  'socket',
  'target',
  'device',
  'mount',
  'automount',
  'swap',
  'timer',
  'path',
  'slice',
  'scope',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const NEWEST_VERSION = 260;

export type DirectiveStatus = 'active' | 'renamed' | 'deprecated' | 'compat-moved' | 'ignored';
export type ListMode = 'yes' | 'add-only' | 'no';

export interface DirectiveInfo {
  readonly section: string;
  readonly name: string;
  /** First systemd release that parses it. */
  readonly since: number;
  readonly inV252: boolean;
  readonly status: DirectiveStatus;
  /** For status 'ignored': the release since which the value is ignored. */
  readonly statusSince: number;
  readonly replacement: string;
  readonly parser: string;
  readonly kind: ValueKind;
  readonly list: ListMode;
  readonly enumValues: readonly string[];
  readonly defaultValue: string;
  readonly manPage: string;
  /** Unit types that take it (undefined: every type that has the section). */
  readonly onlyTypes: readonly UnitType[] | undefined;
  /** When the restriction bites: 'load' (PID1 ignores it) or 'enable' (systemctl enable refuses). */
  readonly restrictionWhen: 'load' | 'enable' | undefined;
  readonly summary: string;
  /** The numeric range the parser accepts, where the catalog states it (the other dialects). */
  readonly range?: readonly [string, string];
}

export interface SpecifierInfo {
  readonly letter: string;
  readonly meaning: string;
  readonly since: number;
  /** First version per context: unit-file-values, unit-names, install, manager-env. */
  readonly contexts: Readonly<Record<string, number>>;
}

const NO_VALUES: readonly string[] = [];

function build(): {
  all: DirectiveInfo[];
  bySection: Map<string, Map<string, DirectiveInfo>>;
  byName: Map<string, DirectiveInfo[]>;
} {
  const all: DirectiveInfo[] = [];
  const bySection = new Map<string, Map<string, DirectiveInfo>>();
  const byName = new Map<string, DirectiveInfo[]>();
  const { DIRECTIVES, STRINGS, ENUM_SETS } = catalogTables();
  for (const r of DIRECTIVES) {
    const S = (i: number): string => STRINGS[i]!;
    const [
      sectionsI,
      name,
      since,
      inV252,
      statusI,
      statusSince,
      replacementI,
      parserI,
      kindI,
      listI,
      enumSet,
      defI,
      manI,
      only,
      except,
      when,
      summaryI,
    ] = r;
    for (const sectionI of sectionsI) {
      const section = S(sectionI),
        status = S(statusI),
        replacement = S(replacementI),
        parser = S(parserI),
        kind = S(kindI),
        list = S(listI),
        def = S(defI),
        man = S(manI),
        summary = S(summaryI);
      let onlyTypes: UnitType[] | undefined;
      if (only) onlyTypes = only.filter((t): t is UnitType => (UNIT_TYPES as readonly string[]).includes(t));
      else if (except) onlyTypes = UNIT_TYPES.filter((t) => !except.includes(t));
      const info: DirectiveInfo = {
        section,
        name,
        since,
        inV252: inV252 === 1,
        status: status as DirectiveStatus,
        statusSince,
        replacement,
        parser,
        kind: kind as ValueKind,
        list: list as ListMode,
        enumValues: enumSet >= 0 ? ENUM_SETS[enumSet]! : NO_VALUES,
        defaultValue: def,
        manPage: man,
        onlyTypes,
        restrictionWhen: (when ?? undefined) as 'load' | 'enable' | undefined,
        summary,
      };
      all.push(info);
      let m = bySection.get(section);
      if (!m) bySection.set(section, (m = new Map()));
      m.set(name, info);
      const list2 = byName.get(name);
      if (list2) list2.push(info);
      else byName.set(name, [info]);
    }
  }
  return { all, bySection, byName };
}

const indexOnce = once(build);
const specifierIndex = once(
  () =>
    new Map<string, SpecifierInfo>(
      catalogTables().SPECIFIERS.map(([letter, meaning, since, contexts]) => [
        letter,
        { letter, meaning, since, contexts },
      ]),
    ),
);
const valueDocIndex = once(() => {
  const { VALUE_DOCS, STRINGS } = catalogTables();
  return new Map<string, string>(
    Object.entries(VALUE_DOCS).flatMap(([k, list]) =>
      list.map(([v, m]) => [`${k}\u0000${v}`, STRINGS[m]!] as [string, string]),
    ),
  );
});

/** Capitalised section name of a unit type: service -> Service. */
export function typeSection(t: UnitType): string {
  return t[0]!.toUpperCase() + t.slice(1);
}

/** The sections systemd reads in a unit of this type: [Unit], the type's own section, [Install]. */
export function sectionsForUnitType(t: UnitType): string[] {
  return ['Unit', typeSection(t), 'Install'];
}

export function allDirectives(): readonly DirectiveInfo[] {
  return indexOnce().all;
}

export function lookupDirective(section: string, name: string): DirectiveInfo | undefined {
  return indexOnce().bySection.get(section)?.get(name);
}

export function directivesNamed(name: string): readonly DirectiveInfo[] {
  return indexOnce().byName.get(name) ?? [];
}

export function directivesInSection(section: string): readonly DirectiveInfo[] {
  const m = indexOnce().bySection.get(section);
  return m ? [...m.values()] : [];
}

export function knownSections(): string[] {
  return [...indexOnce().bySection.keys(), 'Target', 'Device'];
}

export function sectionSummary(section: string): string | undefined {
  if (section === 'Target')
    return 'Section of `.target` files; it takes no directives of its own, as targets only group and order other units.';
  if (section === 'Device')
    return 'Section of `.device` units; it takes no directives of its own, as devices come from udev.';
  return catalogTables().SECTION_SUMMARIES[section];
}

export function allSpecifiers(): readonly SpecifierInfo[] {
  return [...specifierIndex().values()];
}

export function lookupSpecifier(letter: string): SpecifierInfo | undefined {
  return specifierIndex().get(letter);
}

/** Our meaning of one enum value, if documented. */
export function valueMeaning(section: string, name: string, value: string): string | undefined {
  return valueDocIndex().get(`${section}.${name}\u0000${value}`) ?? valueDocIndex().get(`${name}\u0000${value}`);
}

/** Does this directive apply to that unit type? (directives.md: accepted by the table but refused at load time) */
export function directiveAllowedInType(info: DirectiveInfo, t: UnitType | undefined): boolean {
  if (!t || !info.onlyTypes) return true;
  return info.onlyTypes.includes(t);
}
