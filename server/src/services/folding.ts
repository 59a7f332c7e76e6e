/** Folding: one range per section, and one per block of two or more comment lines. Lines are 0-based. */
import type { SystemdDocument } from './document.js';
import { lineOfOffset } from '../parser/lineIndex.js';

export interface FoldingResult {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: 'comment' | 'region';
}

export function getFoldingRanges(doc: SystemdDocument): FoldingResult[] {
  const out: FoldingResult[] = [];
  const ls = doc.tree.lineStarts;
  const lastLineOf = (end: number): number => lineOfOffset(ls, Math.max(0, end - 1));
  const sections = doc.tree.sections.filter((s) => s.header);
  const all = doc.tree.nodes;
  let k = 0;
  for (const s of sections) {
    // End at the last non-blank node of the section (sections and nodes are both in document order: one pass).
    while (k < all.length && all[k]!.start < s.start) k++;
    let last: (typeof all)[number] | undefined;
    for (let j = k; j < all.length && all[j]!.start < s.end; j++) if (all[j]!.kind !== 'blank') last = all[j];
    if (!last) continue;
    const start = s.header!.line;
    const end = lastLineOf(last.end);
    if (end > start) out.push({ startLine: start, endLine: end, kind: 'region' });
  }
  let blockStart = -1;
  let blockEnd = -1;
  const flush = (): void => {
    if (blockStart >= 0 && blockEnd > blockStart)
      out.push({ startLine: blockStart, endLine: blockEnd, kind: 'comment' });
    blockStart = -1;
  };
  for (const n of doc.tree.nodes) {
    if (n.kind === 'comment') {
      if (blockStart < 0) blockStart = n.line;
      blockEnd = lastLineOf(n.end);
    } else flush();
  }
  flush();
  return out;
}
