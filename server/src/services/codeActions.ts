/**
 * Quick fixes for the diagnostics: did-you-mean, rename to the replacement, fix an enum value's case, remove a
 * duplicate, move a directive to the section where it belongs. Edits are offsets; the caller maps positions.
 */
import type { Span } from '../parser/ast.js';
import type { SystemdDocument } from './document.js';
import type { DiagnosticData } from './rules/types.js';
import { nodeAt } from './context.js';

interface Pos { line: number; character: number }
interface RangeLike { start: Pos; end: Pos }

export interface DiagnosticLike {
  readonly range: RangeLike;
  readonly code?: string | number;
  readonly message: string;
  readonly data?: unknown;
}

export interface TextEditLike { range: RangeLike; newText: string }

export interface CodeActionLike {
  title: string;
  kind: 'quickfix';
  diagnostics: DiagnosticLike[];
  isPreferred?: boolean;
  edit: { changes: Record<string, TextEditLike[]> };
}

export interface CodeActionEnv {
  readonly uri: string;
  toOffset(p: Pos): number;
  toRange(s: Span): RangeLike;
}

const RENAMING = new Set(['unknown-directive', 'invalid-value', 'unknown-section', 'renamed-directive', 'deprecated-directive', 'ignored-directive', 'unknown-specifier', 'watchdog-out-of-range', 'fd-hint-mismatch']);

export function getCodeActions(doc: SystemdDocument, diagnostics: readonly DiagnosticLike[], env: CodeActionEnv): CodeActionLike[] {
  const out: CodeActionLike[] = [];
  for (const d of diagnostics) {
    const code = String(d.code ?? '');
    const data = (d.data ?? {}) as DiagnosticData;
    const edit = (edits: TextEditLike[]): { changes: Record<string, TextEditLike[]> } => ({ changes: { [env.uri]: edits } });
    if (RENAMING.has(code) && data.suggestions?.length) {
      data.suggestions.forEach((s, i) => {
        const verb = code === 'renamed-directive' || code === 'deprecated-directive' || code === 'ignored-directive' ? 'Replace with'
          : code === 'watchdog-out-of-range' ? "Set to the driver's limit" : 'Change to';
        const caution = code === 'ignored-directive' ? ' (check the value: its meaning or scale may differ)' : '';
        out.push({ title: `${verb} '${s}'${caution}`, kind: 'quickfix', diagnostics: [d], isPreferred: i === 0 && code !== 'ignored-directive', edit: edit([{ range: d.range, newText: s }]) });
      });
    }
    if (data.insertLine) {
      const eol = /\r\n/.test(doc.text) ? '\r\n' : '\n';
      const at = data.insertLine.at;
      out.push({ title: `Insert '${data.insertLine.text}' before this line (reset the list first)`, kind: 'quickfix', diagnostics: [d], isPreferred: true, edit: edit([{ range: env.toRange({ start: at, end: at }), newText: `${data.insertLine.text}${eol}` }]) });
    }
    if ((code === 'duplicate-directive' || code === 'dropin-no-change') && data.removeSpan) {
      out.push({ title: 'Remove this assignment (it has no effect)', kind: 'quickfix', diagnostics: [d], isPreferred: true, edit: edit([{ range: env.toRange(data.removeSpan), newText: '' }]) });
    }
    if ((code === 'directive-wrong-section' || code === 'moved-directive') && data.targetSection) {
      const move = moveEdits(doc, env.toOffset(d.range.start), data.targetSection);
      if (move) out.push({ title: `Move to [${data.targetSection}]`, kind: 'quickfix', diagnostics: [d], isPreferred: true, edit: edit(move.map((m) => ({ range: env.toRange(m.span), newText: m.text }))) });
    }
  }
  return out;
}

/** Delete the assignment's lines and add them at the end of the target section (created at the end if absent). */
export function moveEdits(doc: SystemdDocument, offset: number, target: string): { span: Span; text: string }[] | undefined {
  const node = nodeAt(doc.tree.nodes, offset);
  if (!node || node.kind !== 'assignment') return undefined;
  const eol = /\r\n/.test(doc.text) ? '\r\n' : '\n';
  let lineText = doc.text.slice(node.start, node.end);
  if (!/[\r\n]$/.test(lineText)) lineText += eol;
  const sections = doc.tree.sections.filter((s) => s.name === target);
  const dest = sections[sections.length - 1];
  if (dest) {
    // After the last non-blank node of that section.
    const inSection = doc.tree.nodes.filter((n) => n.start >= dest.start && n.start < dest.end && n.kind !== 'blank' && n !== node);
    const last = inSection[inSection.length - 1]!;
    let at = last.end;
    let prefix = '';
    if (!/[\r\n]$/.test(doc.text.slice(last.start, last.end))) prefix = eol;
    if (at === node.start) at = node.end; // already adjacent: moving is a no-op but stays valid
    return [{ span: { start: node.start, end: node.end }, text: '' }, { span: { start: at, end: at }, text: prefix + lineText }];
  }
  const end = doc.text.length;
  const needsEol = end > 0 && !/[\r\n]$/.test(doc.text);
  return [{ span: { start: node.start, end: node.end }, text: '' }, { span: { start: end, end }, text: `${needsEol ? eol : ''}${eol}[${target}]${eol}${lineText}` }];
}

export interface CommandActionLike {
  title: string;
  kind: 'quickfix' | 'refactor.move';
  command: { title: string; command: string; arguments: unknown[] };
}

/** Where a unit file belongs to a package (under usr/lib, lib, usr/local/lib or usr/share of a root). */
export function isVendorUnitPath(path: string): boolean {
  return /\/(?:usr\/local\/lib|usr\/lib|lib|usr\/share|usr\/local\/share)\/systemd\/(?:system|user)\/[^/]+$/.test(path);
}

/** "Move to drop-in" on any line of a vendor unit: the vendor file stays as shipped, the change goes to a drop-in. */
export function getMoveToDropInActions(doc: SystemdDocument, offset: number, uri: string): CommandActionLike[] {
  if (doc.file.kind !== 'unit' || !isVendorUnitPath(doc.path)) return [];
  const node = nodeAt(doc.tree.nodes, offset);
  if (!node || node.kind !== 'assignment') return [];
  return [
    { title: `Move ${node.key}= to a drop-in (keep the vendor file as shipped)`, kind: 'quickfix', command: { title: 'Move to Drop-in', command: 'systemd.moveToDropIn', arguments: [uri, node.line] } },
    { title: 'Move all unsaved changes of this vendor unit to a drop-in', kind: 'refactor.move', command: { title: 'Move to Drop-in', command: 'systemd.moveToDropIn', arguments: [uri] } },
  ];
}
