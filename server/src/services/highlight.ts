/**
 * Document highlight: the other places of what is under the cursor. On a key: every assignment of that directive in
 * its section; on a unit name in a value: every mention of that unit; on a section header: headers of that section.
 */
import type { Span } from '../parser/ast.js';
import type { SystemdDocument } from './document.js';
import { entryAt, nodeAt, wordAt } from './context.js';
import { unitMentions } from './references.js';

export interface HighlightResult {
  readonly span: Span;
  /** 'write' for an assignment's key, 'read' for a mention. */
  readonly kind: 'read' | 'write' | 'text';
}

export function getDocumentHighlights(doc: SystemdDocument, offset: number): HighlightResult[] {
  const node = nodeAt(doc.tree.nodes, offset);
  if (!node) return [];
  if (node.kind === 'section') {
    return doc.tree.nodes.flatMap((n) =>
      n.kind === 'section' && n.name === node.name ? [{ span: n.nameSpan, kind: 'text' as const }] : [],
    );
  }
  const entry = entryAt(doc.analysis, offset);
  if (!entry) return [];
  if (offset <= entry.node.keySpan.end) {
    const section = entry.section.section.name;
    return doc.analysis.entries
      .filter((e) => e.section.section.name === section && e.node.key === entry.node.key)
      .map((e) => ({ span: e.node.keySpan, kind: 'write' as const }));
  }
  if (entry.info && (entry.info.kind === 'unit' || entry.info.kind === 'unit-list')) {
    const rel = Math.max(0, Math.min(entry.node.value.length, offset - entry.node.valueSpan.start));
    const w = wordAt(entry.node.value, rel);
    const name = entry.node.value.slice(w.start, w.end);
    return name ? unitMentions(doc, name).map((span) => ({ span, kind: 'read' as const })) : [];
  }
  return [];
}
