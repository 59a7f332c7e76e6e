/**
 * Completion: section headers for the file kind, directives for the section and unit type, values by kind,
 * specifiers after '%'. Returns plain items with document spans; the server turns them into LSP items.
 */
import { calendarCompletions } from './calendarAssist.js';
import type { Span } from '../parser/ast.js';
import type { SystemdDocument } from './document.js';
import { allSpecifiers, type DirectiveInfo } from '../catalog/catalog.js';
import type { Dialect } from '../catalog/dialects.js';
import { renderDirective } from '../catalog/docs.js';
import { nodeAt, sectionAt, wordBefore } from './context.js';
import { specifierContextFor } from '../values/index.js';
import { SIGNAL_NAMES } from '../values/signal.js';
import { socketHintFor } from './socketHints.js';
import { snippetCompletions } from './snippets.js';
import { quadletValueSuggestions, type QuadletFileAround } from './quadletAssist.js';

/** LSP CompletionItemKind numbers, kept here so this file needs no LSP import. */
const K = {
  Module: 9,
  Property: 10,
  Value: 12,
  Enum: 13,
  Keyword: 14,
  Snippet: 15,
  File: 17,
  Reference: 18,
  EnumMember: 20,
  Constant: 21,
  Variable: 6,
} as const;

export interface CompletionEnv {
  readonly targetVersion: number;
  /** Unit names known in the workspace and the system (lazy: only called for unit values). */
  readonly unitNames?: () => string[];
  /** A unit's Description= (shown next to unit names), when its file is found. */
  readonly describeUnit?: (name: string) => string | undefined;
  /** Users and groups of this machine's user database (User=, Group=, SupplementaryGroups=…). */
  readonly users?: () => readonly string[];
  readonly groups?: () => readonly string[];
  /** Podman Quadlet files around a Quadlet file (Pod=, Network=, Volume=, Image= values name them). */
  readonly quadletFiles?: () => readonly QuadletFileAround[];
}

export interface CompletionResult {
  readonly label: string;
  readonly kind: number;
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText: string;
  readonly replace: Span;
  readonly sortText?: string;
  readonly filterText?: string;
  readonly deprecated?: boolean;
  readonly snippet?: boolean;
  /** Ask the editor to suggest again after inserting (directive -> value). */
  readonly retrigger?: boolean;
}

const BOOLEANS = ['yes', 'no', 'true', 'false', 'on', 'off'];

export function getCompletions(doc: SystemdDocument, offset: number, env: CompletionEnv): CompletionResult[] {
  const text = doc.text;
  // The physical line up to the cursor.
  let ls = offset;
  while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
  const before = text.slice(ls, offset);
  // At the very end of the file the cursor belongs to the line it is on: after a final line break that is a new,
  // empty line (no node), not the assignment above it.
  const atEnd = offset === text.length;
  const freshLine = atEnd && (offset === 0 || text[offset - 1] === '\n' || text[offset - 1] === '\r');
  const node = freshLine ? undefined : nodeAt(doc.tree.nodes, atEnd && offset > 0 ? offset - 1 : offset);
  const trimmed = before.trimStart();
  if (/^[#;]/.test(trimmed)) return [];

  // Inside a value: the node is an assignment and the cursor is after '='.
  if (node && node.kind === 'assignment' && offset > node.eq) {
    // The dialect decides what a key means; section-less files (udev.conf) keep their keys under ''.
    const at = sectionAt(doc.analysis, offset).section;
    const section = at.header ? at.name : doc.analysis.dialect?.sectionless ? '' : undefined;
    const info = section !== undefined ? doc.analysis.dialect?.lookup(section, node.key) : undefined;
    if (!info) return [];
    return valueCompletions(doc, info, text, offset, env);
  }
  // A section header being typed.
  if (trimmed.startsWith('[')) {
    const start = ls + (before.length - trimmed.length);
    let end = offset;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    return sectionCompletions(doc, { start, end });
  }
  // A directive name being typed (no '=' yet on this line).
  if (/^[A-Za-z0-9_-]*$/.test(trimmed)) {
    const start = offset - trimmed.length;
    const sec = sectionAt(doc.analysis, offset);
    const out: CompletionResult[] = [];
    const secName = sec.section.header ? sec.section.name : doc.analysis.dialect?.sectionless ? '' : undefined;
    if (sec.status === 'ok' && secName !== undefined && (secName || doc.analysis.dialect?.sectionless))
      out.push(...directiveCompletions(doc, secName, { start, end: offset }, env));
    if (trimmed.length === 0 || sec.status !== 'ok')
      out.push(
        ...sectionCompletions(doc, { start, end: offset }).map((c) => ({
          ...c,
          sortText: `z${c.sortText ?? c.label}`,
        })),
      );
    // Snippets last (after sections in an empty drop-in), only where they fit.
    for (const { item, replace } of snippetCompletions(doc, sec.status === 'ok' ? sec.section.name : undefined, {
      start,
      end: offset,
    })) {
      out.push({
        label: item.prefix,
        kind: K.Snippet,
        detail: item.description,
        documentation: `\`\`\`ini\n${item.body}\n\`\`\``,
        insertText: item.body,
        replace,
        sortText: `zz${item.prefix}`,
        filterText: item.prefix,
        snippet: true,
      });
    }
    return out;
  }
  return [];
}

function sectionCompletions(doc: SystemdDocument, replace: Span): CompletionResult[] {
  return doc.analysis.allowedSections.map((s, i) => ({
    label: `[${s}]`,
    kind: K.Module,
    insertText: `[${s}]`,
    replace,
    detail: 'section',
    documentation: doc.analysis.dialect?.sectionSummary(s),
    sortText: `${i}`,
    filterText: `[${s}]`,
  }));
}

/** The directives people reach for first (a ranking for completion only; not a systemd fact). */
const COMMON = new Set([
  'Description',
  'Documentation',
  'After',
  'Before',
  'Wants',
  'Requires',
  'BindsTo',
  'PartOf',
  'Conflicts',
  'ConditionPathExists',
  'Type',
  'ExecStart',
  'ExecStartPre',
  'ExecStartPost',
  'ExecReload',
  'ExecStop',
  'Restart',
  'RestartSec',
  'User',
  'Group',
  'Environment',
  'EnvironmentFile',
  'WorkingDirectory',
  'TimeoutStartSec',
  'TimeoutStopSec',
  'RemainAfterExit',
  'WantedBy',
  'RequiredBy',
  'Alias',
  'Also',
  'ListenStream',
  'ListenDatagram',
  'Accept',
  'Service',
  'OnCalendar',
  'OnBootSec',
  'OnUnitActiveSec',
  'Persistent',
  'Unit',
  'What',
  'Where',
  'Options',
  'Type',
  'PathExists',
  'PathChanged',
  'PathModified',
]);

/** What a directive's item says, the same in every list of its section: built once per dialect, section and version. */
interface DirectiveTemplate {
  readonly info: DirectiveInfo;
  readonly targetVersion: number;
  readonly label: string;
  readonly detail: string;
  readonly sortText: string;
  readonly deprecated: boolean;
  readonly retrigger: boolean;
  documentation?: string;
}

/**
 * A directive's item: its template and where it goes. A list has ~300 of them and a client asks for one on most
 * keystrokes, so an item is two fields and reads the rest from its template (the texts are shared, the
 * documentation rendered once, when first read by completionItem/resolve).
 */
class DirectiveItem implements CompletionResult {
  constructor(
    private readonly t: DirectiveTemplate,
    readonly replace: Span,
  ) {}
  get label(): string {
    return this.t.label;
  }
  get kind(): number {
    return K.Property;
  }
  get detail(): string {
    return this.t.detail;
  }
  get documentation(): string {
    return (this.t.documentation ??= renderDirective(this.t.info, { targetVersion: this.t.targetVersion }));
  }
  get insertText(): string {
    return this.t.label;
  }
  get sortText(): string {
    return this.t.sortText;
  }
  get deprecated(): boolean {
    return this.t.deprecated;
  }
  get retrigger(): boolean {
    return this.t.retrigger;
  }
}

const templatesByDialect = new WeakMap<Dialect, Map<string, readonly DirectiveTemplate[]>>();

function directiveTemplates(dialect: Dialect, section: string, targetVersion: number): readonly DirectiveTemplate[] {
  let bySection = templatesByDialect.get(dialect);
  if (!bySection) templatesByDialect.set(dialect, (bySection = new Map()));
  const key = `${section}\u0000${targetVersion}`;
  let list = bySection.get(key);
  if (list) return list;
  const out: DirectiveTemplate[] = [];
  for (const info of dialect.directivesInSection(section)) {
    if (!dialect.allowedInFile(info)) continue;
    const deprecated = info.status !== 'active';
    const newer = info.since > targetVersion;
    const tags: string[] = [];
    if (deprecated) tags.push(info.status === 'ignored' ? 'ignored' : info.status);
    if (newer) tags.push(`needs systemd ${info.since}`);
    out.push({
      info,
      targetVersion,
      label: `${info.name}=`,
      detail: `${tags.length ? `(${tags.join(', ')}) ` : ''}${info.summary}`,
      // Common directives first, then the rest by name; newer than the target next; deprecated last.
      sortText: `${deprecated ? '2' : newer ? '1' : COMMON.has(info.name) ? '0a' : '0b'}${info.name}`,
      deprecated,
      retrigger: hasValueCompletions(info),
    });
  }
  bySection.set(key, (list = out));
  return list;
}

function directiveCompletions(
  doc: SystemdDocument,
  section: string,
  replace: Span,
  env: CompletionEnv,
): CompletionResult[] {
  const dialect = doc.analysis.dialect;
  if (!dialect) return [];
  return directiveTemplates(dialect, section, env.targetVersion).map((t) => new DirectiveItem(t, replace));
}

function hasValueCompletions(info: DirectiveInfo): boolean {
  return (
    [
      'bool',
      'tristate-bool',
      'bool-or-bytes',
      'bool-or-timespan',
      'enum',
      'enum-or-bool',
      'enum-list',
      'capability-list',
      'syscall-filter',
      'address-family-list',
      'signal',
      'unit',
      'unit-list',
    ].includes(info.kind) || info.name === 'FileDescriptorName'
  );
}

function valueCompletions(
  doc: SystemdDocument,
  info: DirectiveInfo,
  text: string,
  offset: number,
  env: CompletionEnv,
): CompletionResult[] {
  // The word being typed.
  const ws = wordBefore(text, offset);
  const word = text.slice(ws, offset);

  // Specifiers after an odd run of '%'.
  const pct = word.lastIndexOf('%');
  if ((pct >= 0 && /^%*$/.test(word.slice(pct))) || (pct >= 0 && pct === word.length - 1)) {
    let run = 0;
    for (let j = pct; j >= 0 && word[j] === '%'; j--) run++;
    if (run % 2 === 1)
      return doc.analysis.dialect?.specifiers ? specifierCompletions(info, { start: ws + pct, end: offset }, env) : [];
  }

  const replace: Span = { start: ws, end: offset };
  const tilde = word.startsWith('~') ? '~' : '';
  const values: { v: string; doc?: string; detail?: string; kind: number }[] = [];
  const literal = (vs: readonly string[]): string[] => vs.filter((v) => !v.includes('<'));
  switch (info.kind) {
    case 'bool':
    case 'tristate-bool':
    case 'bool-or-bytes':
    case 'bool-or-timespan':
      for (const b of BOOLEANS) values.push({ v: b, kind: K.Constant });
      break;
    case 'enum':
    case 'enum-or-bool':
    case 'enum-list':
      for (const v of literal(info.enumValues))
        values.push({ v, doc: doc.analysis.dialect?.valueMeaning(info.section, info.name, v), kind: K.EnumMember });
      if (info.kind === 'enum-or-bool' || info.enumValues.includes('<bool>'))
        for (const b of ['yes', 'no']) values.push({ v: b, kind: K.Constant });
      break;
    case 'capability-list':
    case 'syscall-filter':
    case 'address-family-list':
    case 'condition':
      for (const v of literal(info.enumValues)) values.push({ v: tilde + v, kind: K.EnumMember });
      break;
    case 'signal':
      for (const s of SIGNAL_NAMES) values.push({ v: s.startsWith('SIG') ? s : `SIG${s}`, kind: K.Constant });
      break;
    case 'unit':
    case 'unit-list': {
      const suffix = requiredSuffix(info);
      const names = (env.unitNames?.() ?? []).filter((u) => !suffix || u.endsWith(suffix));
      for (const u of names) values.push({ v: u, detail: env.describeUnit?.(u), kind: K.Reference });
      break;
    }
    case 'user': {
      const groupish = /Group/.test(info.name);
      for (const n of (groupish ? env.groups?.() : env.users?.()) ?? [])
        values.push({ v: n, detail: groupish ? 'group on this machine' : 'user on this machine', kind: K.Value });
      break;
    }
    case 'calendar':
      for (const c of calendarCompletions(
        text.slice(text.lastIndexOf('\n', ws - 1) + 1, ws).replace(/^[^=]*=/, ''),
        word,
      ))
        values.push({ v: c.value, doc: c.doc, kind: K.Keyword });
      break;
    default:
      for (const v of literal(info.enumValues)) values.push({ v, kind: K.Keyword });
  }
  if (env.quadletFiles && doc.analysis.dialect?.id.startsWith('quadlet-')) {
    for (const s of quadletValueSuggestions(info, doc.analysis, env.quadletFiles()))
      values.push({ v: s.value, detail: s.detail, kind: K.Reference });
  }
  if (info.name === 'FileDescriptorName' && info.section === 'Socket') {
    for (const h of socketHintFor(doc.analysis)) values.push({ v: h.hint, doc: h.explanation, kind: K.Snippet });
  }
  const seen = new Set<string>();
  return values
    .filter((x) => (seen.has(x.v) ? false : (seen.add(x.v), true)))
    .map((x, i) => ({
      label: x.v,
      kind: x.kind,
      insertText: x.v,
      replace,
      documentation: x.doc,
      ...(x.detail ? { detail: x.detail } : {}),
      sortText: String(i).padStart(4, '0'),
    }));
}

function requiredSuffix(info: DirectiveInfo): string | undefined {
  if (info.name === 'Slice') return '.slice';
  if (info.name === 'Sockets') return '.socket';
  if (info.section === 'Socket' && info.name === 'Service') return '.service';
  return undefined;
}

function specifierCompletions(info: DirectiveInfo, replace: Span, env: CompletionEnv): CompletionResult[] {
  const ctx = specifierContextFor(info);
  if (ctx === 'none') return [];
  return allSpecifiers()
    .filter((s) => s.contexts[ctx] !== undefined && s.contexts[ctx]! <= env.targetVersion)
    .map((s) => ({
      label: `%${s.letter}`,
      kind: K.Variable,
      insertText: `%${s.letter}`,
      replace,
      detail: s.meaning,
      deprecated: s.meaning.startsWith('DEPRECATED'),
      sortText: `${s.meaning.startsWith('DEPRECATED') ? '1' : '0'}${s.letter}`,
    }));
}
