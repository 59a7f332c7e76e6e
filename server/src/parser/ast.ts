/**
 * The lossless tree of a unit file.
 *
 * Invariants:
 * - `nodes` tile the text: nodes[0].start === 0 (or the BOM's end), each node starts where the previous
 *   one ended, and the last one ends at text.length. Printing the tree is `text.slice` over the nodes.
 * - All positions are UTF-16 offsets into `text`. Lines and columns are computed at the edge (see lineIndex.ts).
 * - The parser knows nothing of the catalog: section and directive names are kept as written.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One piece of a logical line: a physical line's content (without its terminator). */
export interface Piece extends Span {
  /** Offset of this piece's first character in the logical string. */
  readonly logicalStart: number;
}

interface NodeBase extends Span {
  /** Index of the physical line (0-based, LSP line numbering) where the node starts. */
  readonly line: number;
}

export interface BlankNode extends NodeBase {
  readonly kind: 'blank';
}

export interface CommentNode extends NodeBase {
  readonly kind: 'comment';
  /** '#' or ';' */
  readonly marker: string;
}

export interface SectionNode extends NodeBase {
  readonly kind: 'section';
  /** The name between the brackets, as written (may be empty). */
  readonly name: string;
  readonly nameSpan: Span;
  /** False when the header is broken (`[Unit`); systemd then refuses the whole file. */
  readonly wellFormed: boolean;
}

/** `Key=Value`, possibly over several physical lines joined by `\`. */
export interface AssignmentNode extends NodeBase {
  readonly kind: 'assignment';
  readonly key: string;
  readonly keySpan: Span;
  /** Offset of the '=' in the document. */
  readonly eq: number;
  /** The logical value as systemd's parser receives it: continuations joined with a space, whitespace stripped. */
  readonly value: string;
  /** Document span of the value (from its first to its last character; empty at eq+1 for empty values). */
  readonly valueSpan: Span;
  /** The physical pieces of the logical line (one unless continued). Comment lines inside are not pieces. */
  readonly pieces: readonly Piece[];
  /** Offset of `value` inside the logical line string (for mapping). */
  readonly valueLogicalStart: number;
  /** Comment lines that sit inside the continuation (systemd skips them). */
  readonly innerComments: readonly Span[];
}

/** A line systemd cannot read: no '=' (`Unit]`, `.include foo`), or '=' with no key. */
export interface InvalidLineNode extends NodeBase {
  readonly kind: 'invalid';
  readonly reason: 'missing-equals' | 'missing-key' | 'include';
  /** Span of the line's text without surrounding whitespace and terminator. */
  readonly content: Span;
  readonly pieces: readonly Piece[];
}

export type Node = BlankNode | CommentNode | SectionNode | AssignmentNode | InvalidLineNode;

/** A section: its header (absent for the lines before the first header) and the assignments under it. */
export interface Section {
  readonly header: SectionNode | undefined;
  /** Name of the section, undefined for lines before any header or after a broken header. */
  readonly name: string | undefined;
  readonly assignments: AssignmentNode[];
  readonly invalidLines: InvalidLineNode[];
  /** Span from the header (or file start) up to the next header (or file end). */
  start: number;
  end: number;
}

export const PARSE_PROBLEM_CODES = [
  'invalid-section-header',
  'missing-equals',
  'missing-key',
  'include-unsupported',
  'invalid-utf8',
  'nul-byte',
  'line-too-long',
  'continuation-at-eof',
] as const;
export type ParseProblemCode = (typeof PARSE_PROBLEM_CODES)[number];

export interface ParseProblem extends Span {
  readonly code: ParseProblemCode;
  readonly message: string;
}

export interface UnitDocument {
  readonly text: string;
  /** Length of a leading UTF-8 byte order mark (0 or 1). */
  readonly bomLength: number;
  readonly nodes: readonly Node[];
  readonly sections: readonly Section[];
  readonly problems: readonly ParseProblem[];
  /** Start offsets of physical lines (LSP rules: \r\n, \n and \r end a line). */
  readonly lineStarts: readonly number[];
}
