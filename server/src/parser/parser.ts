/**
 * A lossless, total parser for unit files, following systemd's `config_parse()` (src/shared/conf-parser.c):
 * - lines end at "\r\n", "\n", "\r" and NUL (systemd's read_line treats all four as line ends);
 * - a line whose first non-blank character is '#' or ';' is a comment, also inside a continuation;
 * - a line ending in an odd number of backslashes continues on the next one; the backslash becomes a space;
 * - a leading UTF-8 BOM is skipped;
 * - `[Name]` opens a section; anything else needs `Key=Value`, both sides stripped of whitespace.
 *
 * Any string in, a tree and problems out; it never throws.
 */
import type {
  AssignmentNode,
  InvalidLineNode,
  Node,
  ParseProblem,
  Piece,
  Section,
  SectionNode,
  Span,
  UnitDocument,
} from './ast.js';
import { computeLineStarts, lineOfOffset } from './lineIndex.js';

/** systemd's LONG_LINE_MAX: longer lines make it refuse the whole file. */
export const LONG_LINE_MAX = 1024 * 1024;

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

export function parseUnit(text: string): UnitDocument {
  try {
    return new Parser(text).run();
  } catch (err) {
    // Defence in depth: the parser is written not to throw; if it ever does, still return a usable tree.
    const problems: ParseProblem[] = [
      {
        start: 0,
        end: 0,
        code: 'invalid-section-header',
        message: `Internal parser error: ${String(err)}`,
      },
    ];
    const node: Node = {
      kind: 'invalid',
      start: 0,
      end: text.length,
      line: 0,
      reason: 'missing-equals',
      content: { start: 0, end: text.length },
      pieces: [],
    };
    return {
      text,
      bomLength: 0,
      nodes: [node],
      problems,
      lineStarts: computeLineStarts(text),
      sections: [
        { header: undefined, name: undefined, assignments: [], invalidLines: [node], start: 0, end: text.length },
      ],
    };
  }
}

/** Print the tree: the concatenation of every node's text. Equal to the input by construction (and by test). */
export function printUnit(doc: UnitDocument): string {
  let out = '';
  for (const n of doc.nodes) out += doc.text.slice(n.start, n.end);
  return out;
}

/** Map an offset in an assignment's logical line to a document offset. */
function logicalToDocument(pieces: readonly Piece[], logical: number): number {
  if (pieces.length === 0) return 0;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.logicalStart <= logical) lo = mid;
    else hi = mid - 1;
  }
  const p = pieces[lo]!;
  return Math.min(p.start + (logical - p.logicalStart), p.end);
}

/** Map a span in an assignment's value string to a document span. */
export function valueSpanToDocument(node: AssignmentNode, start: number, end: number): Span {
  const s = logicalToDocument(node.pieces, node.valueLogicalStart + start);
  const e = end > start ? logicalToDocument(node.pieces, node.valueLogicalStart + end - 1) + 1 : s;
  return { start: s, end: e };
}

class Parser {
  private readonly nodes: Node[] = [];
  private readonly problems: ParseProblem[] = [];
  private readonly sections: Section[] = [];
  private readonly lineStarts: number[];
  private current: Section;
  private readonly bomLength: number;
  private lineCursor = 0;

  constructor(private readonly text: string) {
    this.lineStarts = computeLineStarts(text);
    this.bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.current = { header: undefined, name: undefined, assignments: [], invalidLines: [], start: 0, end: 0 };
    this.sections.push(this.current);
  }

  run(): UnitDocument {
    const text = this.text;
    const n = text.length;
    this.scanByteProblems();

    // Pending continuation.
    let pieces: Piece[] = [];
    let inner: Span[] = [];
    let logicalLength = 0;
    let pendingStart = -1;
    let pos = this.bomLength;
    let nodeStart = 0; // the BOM belongs to the first node

    while (pos < n || (pos === n && pendingStart >= 0)) {
      if (pos >= n) break;
      // One physical line: [pos, contentEnd) plus its terminator up to next.
      let contentEnd = pos;
      while (contentEnd < n) {
        const c = text.charCodeAt(contentEnd);
        if (c === 10 || c === 13 || c === 0) break;
        contentEnd++;
      }
      let next = contentEnd;
      if (next < n) {
        next += text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1;
      }
      if (contentEnd - pos > LONG_LINE_MAX) {
        this.problem(
          pos,
          contentEnd,
          'line-too-long',
          `Line is longer than ${LONG_LINE_MAX} characters; systemd refuses the whole file.`,
        );
      }

      let first = pos;
      while (first < contentEnd && isBlank(text.charCodeAt(first))) first++;
      const firstChar = first < contentEnd ? text.charCodeAt(first) : -1;
      const isComment = firstChar === 35 /* # */ || firstChar === 59; /* ; */

      if (pendingStart >= 0) {
        if (isComment) {
          inner.push({ start: pos, end: contentEnd });
          pos = next;
          continue;
        }
        pieces.push({ start: pos, end: contentEnd, logicalStart: logicalLength });
        logicalLength += contentEnd - pos;
        if (endsWithContinuation(text, pos, contentEnd)) {
          pos = next;
          continue;
        }
        this.finishLogical(pendingStart, next, pieces, inner);
        pieces = [];
        inner = [];
        logicalLength = 0;
        pendingStart = -1;
        nodeStart = next;
        pos = next;
        continue;
      }

      if (firstChar === -1) {
        this.push({ kind: 'blank', start: nodeStart, end: next, line: this.lineOf(nodeStart) });
      } else if (isComment) {
        this.push({ kind: 'comment', start: nodeStart, end: next, line: this.lineOf(nodeStart), marker: text[first]! });
      } else {
        pieces = [{ start: pos, end: contentEnd, logicalStart: 0 }];
        logicalLength = contentEnd - pos;
        if (endsWithContinuation(text, pos, contentEnd)) {
          pendingStart = nodeStart;
          pos = next;
          continue;
        }
        this.finishLogical(nodeStart, next, pieces, inner);
        pieces = [];
        inner = [];
        logicalLength = 0;
      }
      nodeStart = next;
      pos = next;
    }

    if (pendingStart >= 0) {
      const last = pieces[pieces.length - 1]!;
      this.problem(
        last.end - 1,
        last.end,
        'continuation-at-eof',
        'The file ends inside a continuation line (trailing backslash).',
      );
      this.finishLogical(pendingStart, n, pieces, inner, true);
    } else if (nodeStart < n || this.nodes.length === 0) {
      // Only possible for an empty file or a file that is just a BOM.
      this.push({ kind: 'blank', start: nodeStart, end: n, line: this.lineOf(nodeStart) });
    }
    this.current.end = n;
    return {
      text,
      bomLength: this.bomLength,
      nodes: this.nodes,
      sections: this.sections,
      problems: this.problems,
      lineStarts: this.lineStarts,
    };
  }

  private lineOf(offset: number): number {
    // Nodes arrive in order, so a moving cursor keeps this linear overall.
    const ls = this.lineStarts;
    while (this.lineCursor + 1 < ls.length && ls[this.lineCursor + 1]! <= offset) this.lineCursor++;
    if (ls[this.lineCursor]! > offset) return lineOfOffset(ls, offset);
    return this.lineCursor;
  }

  private push(node: Node): void {
    this.nodes.push(node);
  }

  private problem(start: number, end: number, code: ParseProblem['code'], message: string): void {
    this.problems.push({ start, end, code, message });
  }

  private scanByteProblems(): void {
    const text = this.text;
    // Fast path: most files have neither NUL nor surrogates.
    if (!/[\0\uD800-\uDFFF]/.test(text)) return;
    let reported = 0;
    for (let i = 0; i < text.length && reported < 100; i++) {
      const c = text.charCodeAt(i);
      if (c === 0) {
        this.problem(i, i + 1, 'nul-byte', 'NUL byte: systemd ends the line here and reads the rest as a new line.');
        reported++;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const isPair = c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
        if (isPair) {
          i++;
          continue;
        }
        this.problem(i, i + 1, 'invalid-utf8', 'Invalid UTF-8: this byte is not part of a valid UTF-8 sequence.');
        reported++;
      }
    }
  }

  /** Build the logical line from its pieces, then classify it like systemd's parse_line(). */
  private finishLogical(start: number, end: number, pieces: Piece[], inner: Span[], endsContinued = false): void {
    const text = this.text;
    let logical = '';
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      // The continuation backslash becomes a space (same length, so offsets keep mapping 1:1).
      logical +=
        i < pieces.length - 1 || endsContinued ? text.slice(p.start, p.end - 1) + ' ' : text.slice(p.start, p.end);
    }
    if (logical.length > LONG_LINE_MAX && pieces.length > 1) {
      this.problem(
        pieces[0]!.start,
        pieces[pieces.length - 1]!.end,
        'line-too-long',
        `Continued line is longer than ${LONG_LINE_MAX} characters; systemd refuses the whole file.`,
      );
    }
    let a = 0;
    while (a < logical.length && isBlank(logical.charCodeAt(a))) a++;
    let b = logical.length;
    while (b > a && isBlank(logical.charCodeAt(b - 1))) b--;
    const line = this.lineOf(start);
    const map = (off: number): number => logicalToDocument(pieces, off);
    const content: Span = { start: map(a), end: b > a ? map(b - 1) + 1 : map(a) };

    if (logical.charCodeAt(a) === 91 /* [ */) {
      const closed = logical.charCodeAt(b - 1) === 93 && b - a >= 2;
      const name = closed ? logical.slice(a + 1, b - 1) : logical.slice(a + 1, b);
      const nameSpan: Span = { start: map(a + 1), end: closed ? map(b - 2) + 1 : content.end };
      const safe = closed && isSafeSectionName(name);
      const node: SectionNode = {
        kind: 'section',
        start,
        end,
        line,
        name,
        nameSpan: name.length ? nameSpan : { start: nameSpan.start, end: nameSpan.start },
        wellFormed: safe,
      };
      this.push(node);
      if (!closed) {
        this.problem(
          content.start,
          content.end,
          'invalid-section-header',
          `Invalid section header '${truncate(logical.slice(a, b))}': the closing ']' is missing; systemd refuses the whole file.`,
        );
      } else if (!safe) {
        this.problem(
          content.start,
          content.end,
          'invalid-section-header',
          `Bad characters in section header '${truncate(logical.slice(a, b))}'; systemd refuses the whole file.`,
        );
      }
      this.current.end = start;
      this.current = { header: node, name: safe ? name : undefined, assignments: [], invalidLines: [], start, end };
      this.sections.push(this.current);
      return;
    }

    const eq = logical.indexOf('=', a);
    if (eq < 0 || eq >= b) {
      const include = logical.startsWith('.include', a) && (b - a === 8 || isBlank(logical.charCodeAt(a + 8)));
      const node: InvalidLineNode = {
        kind: 'invalid',
        start,
        end,
        line,
        reason: include ? 'include' : 'missing-equals',
        content,
        pieces,
      };
      this.push(node);
      this.current.invalidLines.push(node);
      if (include) {
        this.problem(
          content.start,
          content.end,
          'include-unsupported',
          "'.include' is no longer supported by systemd, which ignores this line; use a drop-in (foo.service.d/*.conf) instead.",
        );
      } else {
        this.problem(
          content.start,
          content.end,
          'missing-equals',
          `Missing '=': systemd ignores the line '${truncate(logical.slice(a, b))}'.`,
        );
      }
      return;
    }
    if (eq === a) {
      const node: InvalidLineNode = { kind: 'invalid', start, end, line, reason: 'missing-key', content, pieces };
      this.push(node);
      this.current.invalidLines.push(node);
      this.problem(
        content.start,
        content.end,
        'missing-key',
        "Missing key name before '=': systemd ignores this line.",
      );
      return;
    }
    let ke = eq;
    while (ke > a && isBlank(logical.charCodeAt(ke - 1))) ke--;
    let vs = eq + 1;
    while (vs < b && isBlank(logical.charCodeAt(vs))) vs++;
    const value = logical.slice(vs, b);
    const eqDoc = map(eq);
    const node: AssignmentNode = {
      kind: 'assignment',
      start,
      end,
      line,
      key: logical.slice(a, ke),
      keySpan: { start: map(a), end: map(ke - 1) + 1 },
      eq: eqDoc,
      value,
      valueSpan: value.length ? { start: map(vs), end: map(b - 1) + 1 } : { start: eqDoc + 1, end: eqDoc + 1 },
      pieces,
      valueLogicalStart: vs,
      innerComments: inner,
    };
    this.push(node);
    this.current.assignments.push(node);
  }
}

function endsWithContinuation(text: string, start: number, end: number): boolean {
  let k = 0;
  for (let i = end - 1; i >= start && text.charCodeAt(i) === 92; i--) k++;
  return (k & 1) === 1;
}

/** systemd's string_is_safe(): no control characters, quotes, backslash or DEL. */
function isSafeSectionName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 32 || c === 127 || c === 34 || c === 39 || c === 92) return false;
  }
  return true;
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
