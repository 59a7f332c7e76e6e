/**
 * References and rename of a unit: its mentions in the values of unit-naming directives (After=, Wants=,
 * Requires=, WantedBy=, Also=, OnFailure=, Unit=…) across the documents and files given, and its own files.
 */
import type { Span } from '../parser/ast.js';
import type { SystemdDocument } from './document.js';
import { entryAt, wordAt } from './context.js';
import { valueSpanToDocument } from '../parser/parser.js';

const UNIT_KINDS = new Set(['unit', 'unit-list']);

/** Spans (document offsets) of whole-word mentions of `name` in unit-naming values. */
export function unitMentions(doc: SystemdDocument, name: string): Span[] {
  const out: Span[] = [];
  for (const e of doc.analysis.entries) {
    if (!e.info || !UNIT_KINDS.has(e.info.kind) || !e.node.value) continue;
    const v = e.node.value;
    for (const m of v.matchAll(/\S+/g)) {
      if (m[0] !== name) continue;
      out.push(valueSpanToDocument(e.node, m.index!, m.index! + m[0].length));
    }
  }
  return out;
}

/** The unit name under the cursor: in a unit-naming value, or the document's own unit (anywhere on a header/key). */
export function unitNameAt(doc: SystemdDocument, offset: number): string | undefined {
  const entry = entryAt(doc.analysis, offset);
  if (entry?.info && UNIT_KINDS.has(entry.info.kind) && offset > entry.node.eq) {
    const rel = Math.max(0, Math.min(entry.node.value.length, offset - entry.node.valueSpan.start));
    const w = wordAt(entry.node.value, rel);
    const name = entry.node.value.slice(w.start, w.end);
    return /^[^\s%]+\.[a-z]+$/.test(name) ? name : undefined;
  }
  return doc.file.kind === 'unit' ? doc.file.unitName : undefined;
}

export interface UnitReference {
  readonly path: string;
  readonly span: Span;
}

/** Every mention of `name` in `docs` (the open documents and the workspace's unit files, analysed). */
export function findUnitReferences(name: string, docs: Iterable<SystemdDocument>): UnitReference[] {
  const out: UnitReference[] = [];
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.path)) continue;
    seen.add(d.path);
    for (const span of unitMentions(d, name)) out.push({ path: d.path, span });
  }
  return out;
}
