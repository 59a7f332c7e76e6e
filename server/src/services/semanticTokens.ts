/**
 * Semantic tokens, so that editors without our TextMate grammar (Neovim, Helix) colour unit files too: section
 * names, keys (deprecated ones marked), the '=', values by kind, specifiers inside values, comments.
 * Tokens never span a line break: a continued value gives one token per physical piece.
 */
import type { SystemdDocument } from './document.js';

import type { TokenType } from './tokenLegend.js';
export { TOKEN_TYPES, TOKEN_MODIFIERS, type TokenType } from './tokenLegend.js';

export interface SemanticToken {
  readonly start: number;
  readonly length: number;
  readonly type: TokenType;
  readonly deprecated?: boolean;
}

const NUMBER_KINDS = new Set([
  'bytes',
  'bytes-or-percent',
  'timespan-sec',
  'nsec',
  'int',
  'unsigned',
  'nice',
  'oom-score',
  'percent',
  'cpu-weight',
  'io-weight',
  'mode',
  'limit',
  'count-or-percent',
  'cpu-set',
]);
const ENUM_KINDS = new Set([
  'bool',
  'tristate-bool',
  'enum',
  'enum-list',
  'enum-or-bool',
  'signal',
  'capability-list',
  'syscall-filter',
  'address-family-list',
]);
const UNIT_KINDS = new Set(['unit', 'unit-list']);

function valueType(kind: string | undefined): TokenType {
  if (!kind) return 'string';
  if (NUMBER_KINDS.has(kind)) return 'number';
  if (ENUM_KINDS.has(kind)) return 'enumMember';
  if (UNIT_KINDS.has(kind)) return 'type';
  return 'string';
}

export function getSemanticTokens(doc: SystemdDocument): SemanticToken[] {
  const out: SemanticToken[] = [];
  const text = doc.text;
  const info = new Map(doc.analysis.entries.map((e) => [e.node, e.info]));
  for (const n of doc.tree.nodes) {
    if (n.kind === 'comment') {
      let end = n.end;
      while (end > n.start && /[\r\n\0]/.test(text[end - 1]!)) end--;
      out.push({ start: n.start, length: end - n.start, type: 'comment' });
    } else if (n.kind === 'section') {
      if (n.nameSpan.end > n.nameSpan.start)
        out.push({ start: n.nameSpan.start, length: n.nameSpan.end - n.nameSpan.start, type: 'namespace' });
    } else if (n.kind === 'assignment') {
      const d = info.get(n);
      const deprecated = !!d && d.status !== 'active';
      out.push({
        start: n.keySpan.start,
        length: n.keySpan.end - n.keySpan.start,
        type: 'property',
        ...(deprecated ? { deprecated } : {}),
      });
      out.push({ start: n.eq, length: 1, type: 'operator' });
      const type = valueType(d?.kind);
      for (const p of n.pieces) {
        const from = Math.max(p.start, n.valueSpan.start);
        const to = Math.min(p.end, n.valueSpan.end);
        if (to <= from) continue;
        pushValue(out, text, from, to, type);
      }
    }
  }
  return out;
}

/** A value piece, split around `%x` specifiers (`%%` is a literal percent sign). */
function pushValue(out: SemanticToken[], text: string, from: number, to: number, type: TokenType): void {
  let at = from;
  for (let i = from; i < to - 1; i++) {
    if (text[i] !== '%') continue;
    if (text[i + 1] === '%') {
      i++;
      continue;
    }
    if (i > at) out.push({ start: at, length: i - at, type });
    out.push({ start: i, length: 2, type: 'macro' });
    at = i + 2;
    i++;
  }
  if (to > at) out.push({ start: at, length: to - at, type });
}
