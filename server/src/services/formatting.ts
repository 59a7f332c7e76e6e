/**
 * Formatting that changes layout only, never meaning:
 *  - `Key = Value` becomes `Key=Value`, and leading/trailing whitespace of assignment and header lines goes;
 *  - whitespace-only lines become empty; runs of blank lines become one; a section header gets exactly one blank
 *    line before it (before its leading comments), none at the start of the file; no blank lines at the end, and
 *    the file ends with a line break;
 *  - never touched: comments, continued (multi-line) assignments, lines ending in a backslash, invalid lines, the
 *    order of anything, line terminators (CRLF stays CRLF).
 * Formatting a formatted file changes nothing (idempotent), and the parsed assignments stay the same (tested).
 */
import type { Node } from '../parser/ast.js';
import type { SystemdDocument } from './document.js';

export interface FormatEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** End of a node's first physical line (before its terminator). */
function contentEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0) break;
    i++;
  }
  return i;
}

export function formatDocument(doc: SystemdDocument): FormatEdit[] {
  const text = doc.text;
  const nodes = doc.tree.nodes;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const edits: FormatEdit[] = [];
  // A NUL ends a line for systemd: leave such files' layout alone around it (rare, and flagged anyway).
  const lineTidy = (n: Node, desired: string): void => {
    const end = contentEnd(text, n.start, n.end);
    if (text.charCodeAt(end) === 0) return;
    const current = text.slice(n.start, end);
    if (current !== desired) edits.push({ start: n.start, end, newText: desired });
  };

  const firstContent = nodes.findIndex((n) => n.kind !== 'blank');
  const deleted = new Set<number>();

  // Blank lines: decided per run of blank nodes.
  let i = 0;
  while (i < nodes.length) {
    if (nodes[i]!.kind !== 'blank') {
      i++;
      continue;
    }
    let j = i;
    while (j < nodes.length && nodes[j]!.kind === 'blank') j++;
    // The run is nodes[i..j). What follows: a header (possibly after comments), content, or the end.
    const atStart = i < firstContent || firstContent < 0;
    const atEnd = j === nodes.length;
    const keep = atStart || atEnd ? 0 : 1;
    if (j - i > keep) {
      // Remove the extra blank lines (whole lines, terminators included); the kept one was tidied above.
      const from = nodes[i + keep]!.start;
      const to = atEnd ? text.length : nodes[j]!.start;
      edits.push({ start: from, end: to, newText: '' });
      for (let d = i + keep; d < j; d++) deleted.add(d);
    }
    i = j;
  }

  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.kind === 'assignment') {
      if (n.pieces.length !== 1 || n.innerComments.length) continue;
      const end = contentEnd(text, n.start, n.end);
      if (/\\\s*$/.test(text.slice(n.start, end))) continue;
      const value = n.valueSpan.end > n.valueSpan.start ? text.slice(n.valueSpan.start, n.valueSpan.end) : '';
      lineTidy(n, `${n.key}=${value}`);
    } else if (n.kind === 'section') {
      if (n.wellFormed) lineTidy(n, text.slice(n.start, contentEnd(text, n.start, n.end)).trim());
    } else if (n.kind === 'blank' && !deleted.has(i)) {
      lineTidy(n, '');
    }
  }

  // One blank line before each header (before the comments that lead into it), except at the start.
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (n.kind !== 'section' || k <= firstContent) continue;
    let top = k;
    while (top - 1 > firstContent && nodes[top - 1]!.kind === 'comment') top--;
    const before = nodes[top - 1];
    if (before && before.kind !== 'blank' && top > firstContent) {
      // The previous line must end with a terminator to insert after it (it does: it is not the last node).
      edits.push({ start: nodes[top]!.start, end: nodes[top]!.start, newText: eol });
    }
  }

  // The file ends with a line break.
  const last = nodes[nodes.length - 1];
  if (
    last &&
    last.kind !== 'blank' &&
    text.length > 0 &&
    !/[\r\n]$/.test(text) &&
    text.charCodeAt(text.length - 1) !== 0
  ) {
    edits.push({ start: text.length, end: text.length, newText: eol });
  }
  return normalise(edits);
}

/** Sorted, and an insertion at the start of a removed range moves before the removal (no overlaps). */
function normalise(edits: FormatEdit[]): FormatEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  const out: FormatEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && e.start < prev.end) continue; // overlapping: keep the first (never happens for well-formed trees)
    out.push(e);
  }
  return out;
}

/** Apply edits to a text (tests, the CLI). */
export function applyEdits(text: string, edits: readonly FormatEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}
