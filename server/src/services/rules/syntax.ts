/** Stage 1: the parser's problems, as diagnostics. */
import type { Rule } from './types.js';

export const syntaxRule: Rule = {
  stage: 1,
  name: 'syntax',
  run(ctx) {
    for (const p of ctx.analysis.doc.problems) {
      ctx.report({ start: p.start, end: p.end, code: p.code, message: p.message });
    }
  },
};
