/** Outline: sections with their directives. */
import type { Span } from '../parser/ast.js';
import type { SystemdDocument } from './document.js';

export interface SymbolResult {
  readonly name: string;
  readonly detail?: string;
  /** LSP SymbolKind: 2 Module for sections, 7 Property for directives. */
  readonly kind: number;
  readonly span: Span;
  readonly selection: Span;
  readonly children?: SymbolResult[];
}

export function getDocumentSymbols(doc: SystemdDocument): SymbolResult[] {
  const out: SymbolResult[] = [];
  for (const s of doc.tree.sections) {
    const children: SymbolResult[] = s.assignments.map((a) => ({
      name: a.key,
      detail: a.value.length > 60 ? `${a.value.slice(0, 57)}…` : a.value,
      kind: 7,
      span: { start: a.start, end: trimEnd(doc.text, a.start, a.end) },
      selection: a.keySpan,
    }));
    if (!s.header) {
      out.push(...children);
      continue;
    }
    out.push({
      name: `[${s.header.name}]`,
      kind: 2,
      span: { start: s.header.start, end: trimEnd(doc.text, s.header.start, s.end) },
      selection:
        s.header.nameSpan.end > s.header.nameSpan.start
          ? s.header.nameSpan
          : { start: s.header.start, end: s.header.start + 1 },
      children,
    });
  }
  return out;
}

/** The parser's whitespace (space, tab, CR, LF): JS \s also matches U+FEFF, U+00A0…, which the parser keeps. */
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isBlank(text.charCodeAt(e - 1))) e--;
  return e;
}
