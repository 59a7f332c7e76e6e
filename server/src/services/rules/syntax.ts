/**
 * Stage 1: the parser's problems, as diagnostics.
 *
 * A line that is not "UTF-8 clean" is refused by systemd as a whole: config_parse() logs "String is not UTF-8
 * clean, ignoring assignment" and the unit then fails to load (checked with systemd 252's `systemd-analyze verify`
 * for invalid bytes and for the noncharacters U+FFFE, U+FFFF, U+FDD0–U+FDEF and their plane copies, which
 * systemd's unichar_is_valid() refuses too). In a comment such bytes do no harm, so they stay a warning there.
 */
import type { Rule } from './types.js';
import type { Span } from '../../parser/ast.js';
import { PARSE_PROBLEM_CODES } from '../../parser/ast.js';

/** Noncharacters: U+FDD0–U+FDEF and every code point ending in FFFE or FFFF. */
const NONCHARACTER =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

/** Is `at` inside one of the sorted, non-overlapping spans? Binary search: hostile files have many problems. */
function within(spans: readonly Span[], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

export const syntaxRule: Rule = {
  stage: 1,
  name: 'syntax',
  codes: PARSE_PROBLEM_CODES,
  run(ctx) {
    const doc = ctx.analysis.doc;
    // Spans of lines systemd reads (headers, assignments, invalid lines), without comments inside continuations.
    const read: Span[] = [];
    const comments: Span[] = [];
    for (const s of doc.sections) {
      if (s.header) read.push(s.header);
      for (const a of s.assignments) {
        read.push(a);
        comments.push(...a.innerComments);
      }
      for (const l of s.invalidLines) read.push(l);
    }
    read.sort((a, b) => a.start - b.start);
    comments.sort((a, b) => a.start - b.start);
    const inRead = (at: number): boolean => within(read, at) && !within(comments, at);
    for (const p of doc.problems) {
      if (p.code === 'invalid-utf8' && inRead(p.start)) {
        ctx.report({
          start: p.start,
          end: p.end,
          code: p.code,
          severity: 'error',
          message: `${p.message} systemd ignores this line and then refuses to load the unit.`,
        });
      } else {
        ctx.report({ start: p.start, end: p.end, code: p.code, message: p.message });
      }
    }
    for (const m of doc.text.matchAll(NONCHARACTER)) {
      const at = m.index ?? 0;
      if (!inRead(at)) continue;
      const cp = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      ctx.report({
        start: at,
        end: at + m[0].length,
        code: 'invalid-utf8',
        severity: 'error',
        message: `U+${cp} is a noncharacter, which systemd does not accept as UTF-8: it ignores this line and then refuses to load the unit.`,
      });
    }
  },
};
