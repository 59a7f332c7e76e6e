/** Stage 1: the parser's problems, as diagnostics. */
import type { Rule } from './types.js';
import { PARSE_PROBLEM_CODES } from '../../parser/ast.js';

export const syntaxRule: Rule = {
  stage: 1,
  name: 'syntax',
  codes: PARSE_PROBLEM_CODES,
  run(ctx) {
    for (const p of ctx.analysis.doc.problems) {
      ctx.report({ start: p.start, end: p.end, code: p.code, message: p.message });
    }
  },
};
