/** Where is an offset? The node, section and entry under it (binary search over the tiled nodes). */
import type { Node } from '../parser/ast.js';
import type { AnalysedSection, Analysis, Entry } from './model.js';

export function nodeAt(nodes: readonly Node[], offset: number): Node | undefined {
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = nodes[mid]!;
    if (offset < n.start) hi = mid - 1;
    else if (offset >= n.end) lo = mid + 1;
    else return n;
  }
  // At the very end of the text: the last node.
  const last = nodes[nodes.length - 1];
  return last && offset === last.end ? last : undefined;
}

/** The section whose span holds the offset (lines before any header belong to the leading one). */
export function sectionAt(analysis: Analysis, offset: number): AnalysedSection {
  let found = analysis.sections[0]!;
  for (const s of analysis.sections) {
    const h = s.section.header;
    if (h && h.start <= offset) found = s;
    else if (h) break;
  }
  return found;
}

export function entryAt(analysis: Analysis, offset: number): Entry | undefined {
  const node = nodeAt(analysis.doc.nodes, offset);
  if (!node || node.kind !== 'assignment') return undefined;
  return analysis.entries.find((e) => e.node === node);
}

/**
 * The word of a value under the cursor: whitespace-separated, [start, end). The one home of this fact (hover,
 * definition); completion uses `wordBefore`, which also stops at '=' (the start of the value).
 */
export function wordAt(text: string, pos: number): { start: number; end: number } {
  let s = pos;
  while (s > 0 && !/\s/.test(text[s - 1]!)) s--;
  let e = pos;
  while (e < text.length && !/\s/.test(text[e]!)) e++;
  return { start: s, end: e };
}

/** The start of the word being typed before `pos`: back to whitespace or the '=' that starts the value. */
export function wordBefore(text: string, pos: number): number {
  let s = pos;
  while (s > 0 && !/[\s=]/.test(text[s - 1]!)) s--;
  return s;
}
