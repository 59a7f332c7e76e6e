/**
 * Quick fixes for the diagnostics: did-you-mean, rename to the replacement, fix an enum value's case, remove a
 * duplicate, move a directive to the section where it belongs. Edits are offsets; the caller maps positions.
 */
import type { Span } from '../parser/ast.js';
import type { SystemdDocument } from './document.js';
import type { DiagnosticData } from './rules/types.js';
import { nodeAt } from './context.js';
import type { Entry } from './model.js';
import { canonicalDirective } from '../units/effective.js';
import { validateValue } from '../values/index.js';
import { NEWEST_VERSION } from '../catalog/catalog.js';
import { isVendorUnitFile } from '../units/unitWorld.js';
import { lineDiffersFromShipped, type ShippedInfo } from '../units/shipped.js';
import { configLineDiffers } from '../units/configDropIn.js';

interface Pos {
  line: number;
  character: number;
}
interface RangeLike {
  start: Pos;
  end: Pos;
}

export interface DiagnosticLike {
  readonly range: RangeLike;
  readonly code?: string | number;
  readonly message: string;
  readonly data?: unknown;
}

export interface TextEditLike {
  range: RangeLike;
  newText: string;
}

/** An edit the editor shows for review before applying it (LSP change annotation with needsConfirmation). */
export interface ConfirmedEditLike {
  documentChanges: {
    textDocument: { uri: string; version: null };
    edits: (TextEditLike & { annotationId: string })[];
  }[];
  changeAnnotations: Record<string, { label: string; description?: string; needsConfirmation: true }>;
}

export interface CodeActionLike {
  title: string;
  kind: 'quickfix';
  diagnostics: DiagnosticLike[];
  isPreferred?: boolean;
  edit?: { changes: Record<string, TextEditLike[]> } | ConfirmedEditLike;
  command?: { title: string; command: string; arguments: unknown[] };
}

/** The text edits of an action for one document, whatever form its workspace edit takes. */
export function textEditsOf(a: Pick<CodeActionLike, 'edit'>, uri: string): TextEditLike[] {
  const e = a.edit;
  if (!e) return [];
  if ('changes' in e) return e.changes[uri] ?? [];
  return e.documentChanges.filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits);
}

export interface CodeActionEnv {
  readonly uri: string;
  toOffset(p: Pos): number;
  toRange(s: Span): RangeLike;
  /** The shipped text of this vendor file (git HEAD, the saved version), asked only for a restore fix. */
  shippedText?(): string | undefined;
}

const RENAMING = new Set([
  'unknown-directive',
  'invalid-value',
  'unknown-section',
  'renamed-directive',
  'deprecated-directive',
  'ignored-directive',
  'unknown-specifier',
  'watchdog-out-of-range',
  'fd-hint-mismatch',
]);

export function getCodeActions(
  doc: SystemdDocument,
  diagnostics: readonly DiagnosticLike[],
  env: CodeActionEnv,
): CodeActionLike[] {
  const out: CodeActionLike[] = [];
  for (const d of diagnostics) {
    const code = String(d.code ?? '');
    const data = (d.data ?? {}) as DiagnosticData;
    const edit = (edits: TextEditLike[]): { changes: Record<string, TextEditLike[]> } => ({
      changes: { [env.uri]: edits },
    });
    if (RENAMING.has(code) && data.suggestions?.length) {
      const replacing = code === 'renamed-directive' || code === 'deprecated-directive' || code === 'ignored-directive';
      data.suggestions.forEach((s, i) => {
        // Fix safety: a replacement with other storage must take the value and must not overwrite one already set.
        const r = replacing
          ? replacementCheck(doc, entryAt(doc, env.toOffset(d.range.start)), s)
          : { offer: true, sameStorage: true };
        if (!r.offer) return;
        const verb = replacing
          ? 'Replace with'
          : code === 'watchdog-out-of-range'
            ? "Set to the driver's limit"
            : 'Change to';
        const cautious = code === 'ignored-directive' || !r.sameStorage;
        const caution = cautious ? ' (check the value: its meaning or scale may differ)' : '';
        out.push({
          title: `${verb} '${s}'${caution}`,
          kind: 'quickfix',
          diagnostics: [d],
          isPreferred: i === 0 && !cautious,
          edit: edit([{ range: d.range, newText: s }]),
        });
      });
    }
    if (code === 'vendor-modified' && data.vendor) {
      // Move first: it keeps the user's change. Restore is shown for review before it is applied.
      out.push({
        title: 'Move the change to a drop-in and keep the vendor file as shipped',
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        command: { title: 'Move to Drop-in', command: 'systemd.moveToDropIn', arguments: [env.uri] },
      });
      const shipped = data.vendor.restorable ? env.shippedText?.() : undefined;
      if (shipped !== undefined) {
        out.push({
          title: `Restore the shipped file (${data.vendor.from}), dropping the change`,
          kind: 'quickfix',
          diagnostics: [d],
          edit: {
            documentChanges: [
              {
                textDocument: { uri: env.uri, version: null },
                edits: [
                  { range: env.toRange({ start: 0, end: doc.text.length }), newText: shipped, annotationId: 'restore' },
                ],
              },
            ],
            changeAnnotations: {
              restore: {
                label: 'Restore the shipped vendor file',
                description: `from ${data.vendor.from}`,
                needsConfirmation: true,
              },
            },
          },
        });
      }
    }
    if (data.insertLine) {
      const eol = /\r\n/.test(doc.text) ? '\r\n' : '\n';
      const at = data.insertLine.at;
      out.push({
        title: `Insert '${data.insertLine.text}' before this line (reset the list first)`,
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        edit: edit([{ range: env.toRange({ start: at, end: at }), newText: `${data.insertLine.text}${eol}` }]),
      });
    }
    // Fix safety: removing a drop-in line that repeats the base value is harmless only when no earlier line of the
    // drop-in sets the directive (it would take over); remove those first (they are flagged as duplicates).
    if (
      (code === 'duplicate-directive' ||
        (code === 'dropin-no-change' && !setEarlierInFile(doc, data.removeSpan?.start ?? 0))) &&
      data.removeSpan
    ) {
      out.push({
        title: 'Remove this assignment (it has no effect)',
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        edit: edit([{ range: env.toRange(data.removeSpan), newText: '' }]),
      });
    }
    if ((code === 'directive-wrong-section' || code === 'moved-directive') && data.targetSection) {
      const move = moveEdits(doc, env.toOffset(d.range.start), data.targetSection);
      if (move)
        out.push({
          title: `Move to [${data.targetSection}]`,
          kind: 'quickfix',
          diagnostics: [d],
          isPreferred: true,
          edit: edit(move.map((m) => ({ range: env.toRange(m.span), newText: m.text }))),
        });
    }
  }
  return out;
}

/** Delete the assignment's lines and add them at the end of the target section (created at the end if absent). */
function moveEdits(doc: SystemdDocument, offset: number, target: string): { span: Span; text: string }[] | undefined {
  const node = nodeAt(doc.tree.nodes, offset);
  if (!node || node.kind !== 'assignment') return undefined;
  const eol = /\r\n/.test(doc.text) ? '\r\n' : '\n';
  let lineText = doc.text.slice(node.start, node.end);
  if (!/[\r\n]$/.test(lineText)) lineText += eol;
  const sections = doc.tree.sections.filter((s) => s.name === target);
  const dest = sections[sections.length - 1];
  if (dest) {
    // After the last non-blank node of that section.
    const inSection = doc.tree.nodes.filter(
      (n) => n.start >= dest.start && n.start < dest.end && n.kind !== 'blank' && n !== node,
    );
    const last = inSection[inSection.length - 1]!;
    let at = last.end;
    let prefix = '';
    if (!/[\r\n]$/.test(doc.text.slice(last.start, last.end))) prefix = eol;
    if (at === node.start) at = node.end; // already adjacent: moving is a no-op but stays valid
    // Fix safety: a later assignment of the same directive in the target section keeps winning, as it does now.
    const later = laterInSections(node, sections, target);
    if (later)
      return [
        { span: { start: node.start, end: node.end }, text: '' },
        { span: { start: later.start, end: later.start }, text: lineText },
      ];
    return [
      { span: { start: node.start, end: node.end }, text: '' },
      { span: { start: at, end: at }, text: prefix + lineText },
    ];
  }
  const end = doc.text.length;
  const needsEol = end > 0 && !/[\r\n]$/.test(doc.text);
  return [
    { span: { start: node.start, end: node.end }, text: '' },
    { span: { start: end, end }, text: `${needsEol ? eol : ''}${eol}[${target}]${eol}${lineText}` },
  ];
}

export interface CommandActionLike {
  title: string;
  kind: 'quickfix' | 'refactor.move';
  command: { title: string; command: string; arguments: unknown[] };
}

/**
 * "Move to drop-in" on a line of a vendor unit: the vendor file stays as shipped, the change goes to a drop-in.
 * With `shipped` (units/shipped.ts) and its text known, only on lines whose directive differs from the shipped
 * text, and nothing at all when the file is as shipped (a move would write a drop-in that changes nothing).
 */
export function getMoveToDropInActions(
  doc: SystemdDocument,
  offset: number,
  uri: string,
  shipped?: ShippedInfo,
): CommandActionLike[] {
  const node = nodeAt(doc.tree.nodes, offset);
  if (!node || node.kind !== 'assignment') return [];
  const known = shipped?.text !== undefined ? shipped.text : undefined;
  // A dialect's vendor file (a .network under /usr/lib/systemd/network, journald.conf under /usr/lib/systemd…):
  // only with a known shipped text, and only on lines that differ from it.
  if (doc.file.kind === 'config') {
    const dialect = doc.analysis.dialect;
    if (
      !shipped ||
      known === undefined ||
      !shipped.differs ||
      !dialect ||
      !configLineDiffers(dialect, doc.text, known, node.line)
    )
      return [];
    return [
      {
        title: `Move ${node.key}= to a drop-in (keep the vendor file as shipped)`,
        kind: 'quickfix',
        command: { title: 'Move to Drop-in', command: 'systemd.moveToDropIn', arguments: [uri, node.line] },
      },
    ];
  }
  if (doc.file.kind !== 'unit' || !isVendorUnitFile(doc.path)) return [];
  if (shipped && !shipped.differs) return [];
  const out: CommandActionLike[] = [];
  if (known === undefined || lineDiffersFromShipped(doc.text, known, node.line, doc.analysis.unitType)) {
    out.push({
      title: `Move ${node.key}= to a drop-in (keep the vendor file as shipped)`,
      kind: 'quickfix',
      command: { title: 'Move to Drop-in', command: 'systemd.moveToDropIn', arguments: [uri, node.line] },
    });
  }
  out.push({
    title:
      known !== undefined
        ? 'Move every change from the shipped version of this vendor unit to a drop-in'
        : 'Move all unsaved changes of this vendor unit to a drop-in',
    kind: 'refactor.move',
    command: { title: 'Move to Drop-in', command: 'systemd.moveToDropIn', arguments: [uri] },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Fix safety (issue 10): a fix must not change a valid effective value the user did not ask to change.

function entryAt(doc: SystemdDocument, offset: number): Entry | undefined {
  const node = nodeAt(doc.tree.nodes, offset);
  return node && node.kind === 'assignment' ? doc.analysis.entries.find((e) => e.node === node) : undefined;
}

const sameDirective = (a: { section: string; name: string }, b: { section: string; name: string }): boolean =>
  a.section === b.section && a.name === b.name;

/**
 * Renaming a directive to its replacement. Same storage (BindTo= → BindsTo=): always safe. Otherwise only when the
 * value means the same to the replacement (CrashReboot=yes is no CrashAction=) and the file does not set the
 * replacement already (MemoryLimit= kept next to MemoryMax= for old systems must not overwrite MemoryMax=).
 */
function replacementCheck(
  doc: SystemdDocument,
  entry: Entry | undefined,
  name: string,
): { offer: boolean; sameStorage: boolean } {
  const info = entry?.info;
  if (!entry || !info) return { offer: true, sameStorage: true };
  const from = canonicalDirective(info.section, entry.node.key);
  const to = canonicalDirective(info.section, name);
  if (sameDirective(from, to)) return { offer: true, sameStorage: true };
  const repl = to.info;
  if (!repl) return { offer: false, sameStorage: false };
  const value = entry.node.value;
  if (
    value !== '' &&
    validateValue(value, {
      section: repl.section,
      directive: repl.name,
      kind: repl.kind,
      parser: repl.parser,
      enumValues: repl.enumValues,
      unitType: doc.analysis.unitType,
      targetVersion: NEWEST_VERSION,
    }).some((p) => p.severity === 'error')
  )
    return { offer: false, sameStorage: false };
  const alreadySet = doc.analysis.entries.some(
    (e) => e !== entry && e.info && sameDirective(canonicalDirective(e.info.section, e.node.key), to),
  );
  return { offer: !alreadySet, sameStorage: false };
}

/** Another assignment of the same directive before the one at `offset`, in the same file. */
function setEarlierInFile(doc: SystemdDocument, offset: number): boolean {
  const entry = entryAt(doc, offset);
  if (!entry?.info) return false;
  const me = canonicalDirective(entry.info.section, entry.node.key);
  return doc.analysis.entries.some(
    (e) =>
      e.node.start < entry.node.start && e.info && sameDirective(canonicalDirective(e.info.section, e.node.key), me),
  );
}

/** The first assignment after `node`, in a `target` section, of the directive `node` becomes there. */
function laterInSections(
  node: { start: number; key: string },
  sections: readonly { start: number; end: number; assignments: readonly { start: number; key: string }[] }[],
  target: string,
): { start: number } | undefined {
  const me = canonicalDirective(target, node.key);
  for (const s of sections) {
    if (s.end <= node.start) continue;
    const a = s.assignments.find((x) => x.start > node.start && sameDirective(canonicalDirective(target, x.key), me));
    if (a) return a;
  }
  return undefined;
}
