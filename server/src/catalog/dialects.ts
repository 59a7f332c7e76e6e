/**
 * Dialects: every kind of systemd configuration file is one value of `Dialect`. A dialect says how its files are
 * recognised (names, folders, content), which sections it reads, its catalog (generated, never typed in), its
 * drop-in folders, its whole-file rules (as data, interpreted by services/rules/dialectFile.ts) and whether values
 * expand `%` specifiers. Units (one dialect per unit type) and system.conf/user.conf are dialects too, over the unit
 * catalog; the daemon configs, networkd and the rest come from dialects.generated.ts (data/dialects/).
 *
 * The file kind (units/fileKind.ts) chooses the dialect; the model, the rules and the features only ask it.
 */
import type { ValueKind } from './valueKinds.js';
import {
  UNIT_TYPES,
  directiveAllowedInType,
  directivesInSection as unitDirectivesInSection,
  directivesNamed as unitDirectivesNamed,
  knownSections as unitKnownSections,
  lookupDirective,
  sectionSummary as unitSectionSummary,
  sectionsForUnitType,
  valueMeaning as unitValueMeaning,
  type DirectiveInfo,
  type DirectiveStatus,
  type ListMode,
  type UnitType,
} from './catalog.js';
import { dialectTables, GENERATED_DIALECT_IDS, PENDING_DIALECTS } from './dialects.generated.js';
import { once } from '../util/dataFile.js';

export interface DialectSection {
  readonly name: string;
  /** Each header starts a new object ([Address], [Route]…); otherwise repeated headers merge. */
  readonly repeatable: boolean;
  /** Keys the section needs: each entry lists alternatives, one of which must be set. */
  readonly required: readonly (readonly string[])[];
  /** .netdev: the Kind= values that read this section (undefined: every kind). */
  readonly netdevKinds: readonly string[] | undefined;
  /** False for a section the key table has but the parser is never given ([IPoIB] in .network). */
  readonly accepted: boolean;
  /** An old section name and its new one ([DHCP] -> [DHCPv4]). */
  readonly renamedTo: string | undefined;
  readonly summary: string | undefined;
}

/** Whole-file rules, as data; services/rules/dialectFile.ts interprets them. */
export type WholeFileCheck =
  /** A main file without any setting in [section] is ignored as a whole (systemd asks for `catchAll`). */
  | { readonly check: 'match-required'; readonly section: string; readonly catchAll: string }
  /** The required keys of a non-repeatable section refuse the whole file when missing ([NetDev] Kind=, Name=). */
  | { readonly check: 'file-required-keys'; readonly section: string }
  /** .netdev: sections of another Kind= are ignored, and the kind's own required keys refuse the device. */
  | { readonly check: 'netdev-kind' }
  /** Repeatable sections: an object without its required keys is dropped. */
  | { readonly check: 'object-required-keys' }
  /** A non-repeatable section written twice: its keys merge (a note). */
  | { readonly check: 'repeated-section' };

export interface FileRecognition {
  /** Exact main-file names (journald.conf). */
  readonly names?: readonly string[];
  /** Other main-file names (journald@NAMESPACE.conf). */
  readonly namePattern?: RegExp;
  /** Name suffixes (.network); a bare suffix is not a name. */
  readonly suffixes?: readonly string[];
  /** Folder paths (as consecutive path parts, e.g. `systemd/network`) that hold this dialect's files. */
  readonly folders?: readonly string[];
  /** True: the name alone is not enough, the file must sit in one of `folders` (sleep.conf in …/systemd/). */
  readonly folderRequired?: boolean;
  /** True: `folders` also count when they are further up (Podman Quadlet searches subfolders); default: the parent. */
  readonly foldersAbove?: boolean;
  /** Folder paths anywhere above the file that rule the dialect out (containers/systemd: Quadlet, not networkd). */
  readonly notIn?: readonly string[];
  /** A vote from the content: > 0 this dialect, < 0 certainly not, 0 cannot tell. */
  readonly content?: (text: string) => number;
  /** Drop-ins in `NAME.d/*.conf` next to the main file. */
  readonly dropIns: boolean;
  /** Drop-ins for every file of a suffix in `TYPE.d/*.conf` (Quadlet's `container.d/`), only inside `folders`. */
  readonly typeDropIns?: boolean;
  /**
   * Folders systemd reads main files and drop-in folders from, relative to a root and highest precedence first
   * (files.md §2.1, §3); empty where the hierarchy is not modelled here (units have their own, units/hierarchy.ts).
   */
  readonly searchDirs?: readonly string[];
}

export interface Dialect {
  /** Stable id: `unit:service`, `manager`, `journald`, `network`… */
  readonly id: string;
  /** How messages name a file of it: "a .service unit", "journald.conf", "a .network file". */
  readonly label: string;
  readonly recognition: FileRecognition;
  /** The sections a file of this dialect reads, in a useful order (completion). */
  readonly sections: readonly string[];
  /** KEY=VALUE lines without sections (udev.conf, kernel/install.conf). */
  readonly sectionless: boolean;
  /** Whether values expand `%` specifiers (as each parser decides); false: a `%` is literal. */
  readonly specifiers: boolean;
  readonly wholeFileChecks: readonly WholeFileCheck[];
  /** Units: the unit type (directives restricted to some types). */
  readonly unitType: UnitType | undefined;
  section(name: string): DialectSection | undefined;
  lookup(section: string, name: string): DirectiveInfo | undefined;
  directivesInSection(section: string): readonly DirectiveInfo[];
  /** Every entry of this name in any section of the dialect's catalog. */
  directivesNamed(name: string): readonly DirectiveInfo[];
  /** Every section name the dialect's catalog knows (also the ones this file does not read). */
  knownSections(): readonly string[];
  sectionSummary(name: string): string | undefined;
  valueMeaning(section: string, name: string, value: string): string | undefined;
  /** False for an entry the catalog has but this file refuses (a unit type restriction). */
  allowedInFile(info: DirectiveInfo): boolean;
  /**
   * Where another program reads the file more strictly than systemd (Podman Quadlet): its sections in which an unknown
   * key refuses the whole file, and how messages say that a file is refused. Undefined: systemd's behaviour.
   */
  readonly strict?: { readonly sections: readonly string[]; readonly refused: string };
}

// ---------------------------------------------------------------------------------------------------------------
// Units and system.conf/user.conf: over the unit catalog (catalog.ts), exactly as before dialects existed.

const unitDialects = new Map<UnitType, Dialect>();

export function unitDialect(t: UnitType): Dialect {
  let d = unitDialects.get(t);
  if (!d) {
    d = {
      id: `unit:${t}`,
      label: `a .${t} unit`,
      recognition: { suffixes: [`.${t}`], dropIns: true },
      sections: sectionsForUnitType(t),
      sectionless: false,
      specifiers: true,
      wholeFileChecks: [],
      unitType: t,
      section: (name) =>
        sectionsForUnitType(t).includes(name) ? plainSection(name, unitSectionSummary(name)) : undefined,
      lookup: lookupDirective,
      directivesInSection: unitDirectivesInSection,
      directivesNamed: unitDirectivesNamed,
      knownSections: unitKnownSections,
      sectionSummary: unitSectionSummary,
      valueMeaning: unitValueMeaning,
      allowedInFile: (info) => directiveAllowedInType(info, t),
    };
    unitDialects.set(t, d);
  }
  return d;
}

export const MANAGER_DIALECT: Dialect = {
  id: 'manager',
  label: 'system.conf/user.conf',
  recognition: { names: ['system.conf', 'user.conf'], dropIns: true },
  sections: ['Manager'],
  sectionless: false,
  specifiers: true,
  wholeFileChecks: [],
  unitType: undefined,
  section: (name) => (name === 'Manager' ? plainSection(name, unitSectionSummary(name)) : undefined),
  lookup: lookupDirective,
  directivesInSection: unitDirectivesInSection,
  directivesNamed: unitDirectivesNamed,
  knownSections: unitKnownSections,
  sectionSummary: unitSectionSummary,
  valueMeaning: unitValueMeaning,
  allowedInFile: () => true,
};

function plainSection(name: string, summary: string | undefined): DialectSection {
  return {
    name,
    repeatable: false,
    required: [],
    netdevKinds: undefined,
    accepted: true,
    renamedTo: undefined,
    summary,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Generated dialects

/** How each generated dialect's files are found and what it checks as a whole (files.md §2, §3). */
interface DialectSpec {
  readonly label: string;
  readonly recognition: FileRecognition;
  readonly wholeFileChecks?: readonly WholeFileCheck[];
}

/** CONF_PATHS (basic/constants.h), plus /lib for Debian's split-usr 252. */
const confDirs = (sub: string): string[] => ['etc', 'run', 'usr/local/lib', 'usr/lib', 'lib'].map((d) => `${d}/${sub}`);
const CONF = (name: string, extra: Partial<FileRecognition> = {}): FileRecognition => ({
  names: [name],
  dropIns: true,
  searchDirs: confDirs('systemd'),
  ...extra,
});
const NETWORK_FOLDERS = ['systemd/network'];
const NETWORK_DIRS = confDirs('systemd/network');
const OBJECT_CHECKS: readonly WholeFileCheck[] = [{ check: 'object-required-keys' }, { check: 'repeated-section' }];

/** Sections and keys only Podman Quadlet's .network files have (quadlet.tsv): such a file is not networkd's. */
const QUADLET_NETWORK =
  /^\s*\[(?:Quadlet|Unit|Service|Install)\]|^\s*(?:NetworkName|Subnet|IPRange|Driver|IPAMDriver|Internal|PodmanArgs|GlobalArgs|ContainersConfModule|NetworkDeleteOnStop|DisableDNS|InterfaceName|ServiceName)\s*=/m;
const NETWORKD_NETWORK = /^\s*\[Match\]/m;

/**
 * Podman Quadlet (quadlet.tsv, files.md §4): one dialect per file type. Found by suffix in `containers/systemd/` and
 * its subfolders (podman searches them), or by content; drop-ins `NAME.TYPE.d/`, `TYPE.d/`, `PREFIX-.TYPE.d/`.
 * The content votes for Quadlet when the type's own section is there ([Container]…; a .network: QUADLET_NETWORK),
 * and against when the file has other content (a `.image` disk image, another tool's `.build`).
 */
export const QUADLET_TYPES = ['container', 'volume', 'network', 'kube', 'image', 'build', 'pod', 'artifact'] as const;
export type QuadletType = (typeof QUADLET_TYPES)[number];
const QUADLET_UNIT_SECTIONS = ['Unit', 'Service', 'Install'];
export const quadletSection = (t: QuadletType): string => t[0]!.toUpperCase() + t.slice(1);
function quadletSpec(t: QuadletType): DialectSpec {
  const own = t === 'network' ? QUADLET_NETWORK : new RegExp(`^\\s*\\[${quadletSection(t)}\\]`, 'm');
  return {
    label: `a Quadlet .${t} file`,
    recognition: {
      suffixes: [`.${t}`],
      folders: ['containers/systemd'],
      foldersAbove: true,
      dropIns: true,
      typeDropIns: true,
      content: (text) =>
        t === 'network' && NETWORKD_NETWORK.test(text) ? -10 : own.test(text) ? 5 : /^\s*[^\s#;]/m.test(text) ? -1 : 0,
    },
    wholeFileChecks: [{ check: 'file-required-keys', section: quadletSection(t) }],
  };
}

const SPECS: Readonly<Record<string, DialectSpec>> = {
  journald: { label: 'journald.conf', recognition: CONF('journald.conf', { namePattern: /^journald@[^/]+\.conf$/ }) },
  'journal-remote': { label: 'journal-remote.conf', recognition: CONF('journal-remote.conf') },
  'journal-upload': { label: 'journal-upload.conf', recognition: CONF('journal-upload.conf') },
  logind: { label: 'logind.conf', recognition: CONF('logind.conf') },
  resolved: { label: 'resolved.conf', recognition: CONF('resolved.conf') },
  timesyncd: { label: 'timesyncd.conf', recognition: CONF('timesyncd.conf') },
  coredump: { label: 'coredump.conf', recognition: CONF('coredump.conf') },
  networkd: { label: 'networkd.conf', recognition: CONF('networkd.conf'), wholeFileChecks: OBJECT_CHECKS },
  oomd: { label: 'oomd.conf', recognition: CONF('oomd.conf') },
  sleep: { label: 'sleep.conf', recognition: CONF('sleep.conf', { folders: ['systemd'], folderRequired: true }) },
  homed: { label: 'homed.conf', recognition: CONF('homed.conf') },
  pstore: { label: 'pstore.conf', recognition: CONF('pstore.conf') },
  iocost: {
    label: 'iocost.conf',
    recognition: { names: ['iocost.conf'], folders: ['udev'], folderRequired: true, dropIns: false },
  },
  sysext: { label: 'sysext.conf', recognition: CONF('sysext.conf', { folders: ['systemd'], folderRequired: true }) },
  confext: { label: 'confext.conf', recognition: CONF('confext.conf', { folders: ['systemd'], folderRequired: true }) },
  udev: {
    label: 'udev.conf',
    recognition: CONF('udev.conf', { folders: ['udev'], folderRequired: true, searchDirs: confDirs('udev') }),
  },
  'kernel-install': {
    label: 'kernel/install.conf',
    recognition: CONF('install.conf', { folders: ['kernel'], folderRequired: true, searchDirs: confDirs('kernel') }),
  },
  dnssd: {
    label: 'a .dnssd file',
    recognition: {
      suffixes: ['.dnssd'],
      folders: ['systemd/dnssd'],
      dropIns: true,
      searchDirs: confDirs('systemd/dnssd'),
    },
  },
  'dns-delegate': {
    label: 'a .dns-delegate file',
    recognition: { suffixes: ['.dns-delegate'], folders: ['systemd/dns-delegate.d'], dropIns: true },
  },
  nspawn: {
    label: 'a .nspawn file',
    recognition: { suffixes: ['.nspawn'], folders: ['systemd/nspawn'], dropIns: false },
  },
  repart: {
    label: 'a repart.d definition',
    recognition: { suffixes: ['.conf'], folders: ['repart.d'], folderRequired: true, dropIns: true },
  },
  'sysupdate-transfer': { label: 'a sysupdate.d transfer', recognition: { suffixes: ['.transfer'], dropIns: true } },
  'sysupdate-feature': {
    label: 'a sysupdate.d feature',
    recognition: { suffixes: ['.feature'], folders: ['sysupdate.d'], folderRequired: true, dropIns: true },
  },
  network: {
    label: 'a .network file',
    recognition: {
      suffixes: ['.network'],
      folders: NETWORK_FOLDERS,
      notIn: ['containers/systemd'],
      dropIns: true,
      searchDirs: NETWORK_DIRS,
      content: (text) => (NETWORKD_NETWORK.test(text) ? 1 : QUADLET_NETWORK.test(text) ? -10 : 0),
    },
    wholeFileChecks: [{ check: 'match-required', section: 'Match', catchAll: 'Name=*' }, ...OBJECT_CHECKS],
  },
  netdev: {
    label: 'a .netdev file',
    recognition: { suffixes: ['.netdev'], folders: NETWORK_FOLDERS, dropIns: true, searchDirs: NETWORK_DIRS },
    wholeFileChecks: [{ check: 'file-required-keys', section: 'NetDev' }, { check: 'netdev-kind' }, ...OBJECT_CHECKS],
  },
  link: {
    label: 'a .link file',
    recognition: { suffixes: ['.link'], folders: NETWORK_FOLDERS, dropIns: true, searchDirs: NETWORK_DIRS },
    wholeFileChecks: [{ check: 'match-required', section: 'Match', catchAll: 'OriginalName=*' }, ...OBJECT_CHECKS],
  },
  ...Object.fromEntries(QUADLET_TYPES.map((t) => [`quadlet-${t}`, quadletSpec(t)])),
};

const NO_VALUES: readonly string[] = [];

/** What a generated dialect's table gives: built on the first lookup, when the tables are read (util/dataFile.ts). */
interface GeneratedTables {
  readonly bySection: Map<string, Map<string, DirectiveInfo>>;
  readonly byName: Map<string, DirectiveInfo[]>;
  readonly sectionInfo: Map<string, DialectSection>;
  readonly sections: readonly string[];
  readonly sectionless: boolean;
  readonly known: readonly string[];
}

function buildTables(id: string): GeneratedTables {
  const { DIALECT_TABLES, DIALECT_STRINGS, DIALECT_ENUM_SETS } = dialectTables();
  const S = (i: number): string => DIALECT_STRINGS[i]!;
  const table = DIALECT_TABLES[id]!;
  const bySection = new Map<string, Map<string, DirectiveInfo>>();
  const byName = new Map<string, DirectiveInfo[]>();
  for (const r of table.rows) {
    const [
      sectionI,
      name,
      since,
      inV252,
      statusI,
      statusSince,
      replI,
      parserI,
      kindI,
      listI,
      enumSet,
      defI,
      manI,
      summaryI,
      range,
    ] = r;
    const section = S(sectionI);
    const info: DirectiveInfo = {
      section,
      name,
      since,
      inV252: inV252 === 1,
      status: S(statusI) as DirectiveStatus,
      statusSince,
      replacement: S(replI),
      parser: S(parserI),
      kind: S(kindI) as ValueKind,
      list: S(listI) as ListMode,
      enumValues: enumSet >= 0 ? DIALECT_ENUM_SETS[enumSet]! : NO_VALUES,
      defaultValue: S(defI),
      manPage: S(manI),
      onlyTypes: undefined,
      restrictionWhen: undefined,
      summary: S(summaryI),
      ...(range ? { range } : {}),
    };
    let m = bySection.get(section);
    if (!m) bySection.set(section, (m = new Map()));
    m.set(name, info);
    const l = byName.get(name);
    if (l) l.push(info);
    else byName.set(name, [info]);
  }
  const sectionInfo = new Map<string, DialectSection>();
  for (const [name, repeatable, required, kinds, accepted, renamedTo, summaryI] of table.sections) {
    sectionInfo.set(name, {
      name,
      repeatable: repeatable === 1,
      required,
      netdevKinds: kinds ?? undefined,
      accepted: accepted === 1,
      renamedTo: renamedTo ?? undefined,
      summary: summaryI >= 0 ? S(summaryI) : undefined,
    });
  }
  const sectionless = bySection.has('');
  // Completion order: [Match] first, then [NetDev]/[Link]/[Network], then the rest alphabetically; old names last.
  const first = ['Match', 'NetDev', 'Link', 'Network'];
  const sections = [...sectionInfo.values()]
    .filter((s) => s.accepted && s.name !== '')
    .map((s) => s.name)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  function rank(n: string): number {
    const i = first.indexOf(n);
    return i >= 0 ? i : sectionInfo.get(n)?.renamedTo ? 100 : 10;
  }
  const known = [...sectionInfo.keys()].filter((n) => n !== '');
  return { bySection, byName, sectionInfo, sections, sectionless, known };
}

/** A generated dialect: its recognition is here at once, its catalog is read on the first lookup. */
function buildGenerated(id: string): Dialect | undefined {
  const spec = SPECS[id];
  if (!spec || !GENERATED_DIALECT_IDS.includes(id)) return undefined;
  const t = once(() => buildTables(id));
  return {
    id,
    label: spec.label,
    recognition: spec.recognition,
    get sections() {
      return t().sections;
    },
    get sectionless() {
      return t().sectionless;
    },
    specifiers: false,
    wholeFileChecks: spec.wholeFileChecks ?? [],
    unitType: undefined,
    section: (name) => t().sectionInfo.get(name),
    lookup: (section, name) => t().bySection.get(section)?.get(name),
    directivesInSection: (section) => {
      const m = t().bySection.get(section);
      return m ? [...m.values()] : [];
    },
    directivesNamed: (name) => t().byName.get(name) ?? [],
    knownSections: () => t().known,
    sectionSummary: (name) => t().sectionInfo.get(name)?.summary,
    valueMeaning: () => undefined,
    allowedInFile: () => true,
  };
}

/**
 * A Quadlet dialect: the type's section and [Quadlet] from quadlet.tsv, and [Unit]/[Service]/[Install] from the unit
 * catalog as a .service reads them (Quadlet copies them into the generated service). Values expand specifiers: they
 * end up in the generated unit.
 */
function withUnitSections(base: Dialect, t: QuadletType): Dialect {
  const isUnit = (section: string): boolean => QUADLET_UNIT_SECTIONS.includes(section);
  const own = [quadletSection(t), 'Quadlet'];
  // [Unit] dependencies may name Quadlet files (After=db.container), which Quadlet rewrites to service names: the
  // unit-name check does not apply to them (the Quadlet rule resolves them instead).
  const relaxed = new Map<DirectiveInfo, DirectiveInfo>();
  const unitLookup = (section: string, name: string): DirectiveInfo | undefined => {
    const info = lookupDirective(section, name);
    if (!info || section !== 'Unit' || (info.kind !== 'unit-list' && info.kind !== 'unit')) return info;
    let r = relaxed.get(info);
    if (!r) relaxed.set(info, (r = { ...info, kind: 'string' }));
    return r;
  };
  return {
    id: base.id,
    label: base.label,
    recognition: base.recognition,
    get sectionless() {
      return base.sectionless;
    },
    wholeFileChecks: base.wholeFileChecks,
    unitType: base.unitType,
    sections: [...own, ...QUADLET_UNIT_SECTIONS],
    specifiers: true,
    section: (name) => base.section(name) ?? (isUnit(name) ? plainSection(name, unitSectionSummary(name)) : undefined),
    lookup: (section, name) => (isUnit(section) ? unitLookup(section, name) : base.lookup(section, name)),
    directivesInSection: (section) =>
      isUnit(section) ? unitDirectivesInSection(section) : base.directivesInSection(section),
    directivesNamed: (name) => [...base.directivesNamed(name), ...unitDirectivesNamed(name)],
    knownSections: () => [...base.knownSections(), ...unitKnownSections()],
    sectionSummary: (name) => base.sectionSummary(name) ?? (isUnit(name) ? unitSectionSummary(name) : undefined),
    valueMeaning: (section, name, value) => (isUnit(section) ? unitValueMeaning(section, name, value) : undefined),
    allowedInFile: (info) => (isUnit(info.section) ? directiveAllowedInType(info, 'service') : true),
    strict: { sections: own, refused: 'Quadlet generates no unit for the file' },
  };
}

const generated = new Map<string, Dialect>();
for (const id of Object.keys(SPECS)) {
  const d = buildGenerated(id);
  const t = quadletTypeOf(id);
  if (d) generated.set(id, t ? withUnitSections(d, t) : d);
}

/** The Quadlet file type of a dialect id (`quadlet-container` → container), undefined for the others. */
export function quadletTypeOf(dialectId: string | undefined): QuadletType | undefined {
  const t = dialectId?.startsWith('quadlet-') ? dialectId.slice(8) : undefined;
  return t && (QUADLET_TYPES as readonly string[]).includes(t) ? (t as QuadletType) : undefined;
}

/** The podman release that added a Quadlet key (undefined: not a Quadlet key). */
export function quadletKeySince(dialectId: string, section: string, key: string): string | undefined {
  return dialectTables().QUADLET_FACTS.types[dialectId]?.keySince[`${section}.${key}`];
}
/** The newest podman release the Quadlet data knows (quadlet.tsv: v5.8.2's tables). */
export const NEWEST_PODMAN: string = '5.8.2';
/** The first podman release that reads a Quadlet file type. */
export function quadletTypeSince(t: QuadletType): string {
  return dialectTables().QUADLET_FACTS.types[`quadlet-${t}`]!.since;
}
/** quadlet.tsv rows on the generated unit's [Unit]/[Service]/[Install] keys: [fileType or '*', section, key, notes]. */
export function quadletUnitRows(): readonly (readonly [string, string, string, string])[] {
  return dialectTables().QUADLET_FACTS.unitRows;
}

/** The generated dialects (daemon configs, networkd…), in recognition order. */
export function generatedDialects(): readonly Dialect[] {
  return [...generated.values()];
}

export function dialectById(id: string): Dialect | undefined {
  if (id === 'manager') return MANAGER_DIALECT;
  if (id.startsWith('unit:')) {
    const t = id.slice(5);
    return (UNIT_TYPES as readonly string[]).includes(t) ? unitDialect(t as UnitType) : undefined;
  }
  return generated.get(id);
}

/** Dialects whose tables exist but which have no summaries yet (not offered). */
export const PENDING_DIALECT_IDS: readonly string[] = PENDING_DIALECTS;
