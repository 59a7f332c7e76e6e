/** Stage 2: a single-valued directive assigned more than once; only one assignment takes effect. */
import type { Rule } from './types.js';
import type { Entry } from '../model.js';

/** Parsers where the first assignment wins and later ones are ignored (directives.md: trigger_unit). */
const FIRST_WINS = new Set(['config_parse_trigger_unit']);

export const duplicatesRule: Rule = {
  stage: 2,
  name: 'duplicates',
  run(ctx) {
    const seen = new Map<string, Entry[]>();
    for (const e of ctx.analysis.entries) {
      if (!e.info || e.info.list !== 'no' || e.info.kind === 'ignored') continue;
      const key = `${e.info.section}\u0000${e.info.name}`;
      const list = seen.get(key);
      if (list) list.push(e);
      else seen.set(key, [e]);
    }
    for (const list of seen.values()) {
      if (list.length < 2) continue;
      const firstWins = FIRST_WINS.has(list[0]!.info!.parser);
      // An empty assignment resets to the default; the one that takes effect is still the last (or first).
      const winner = firstWins ? list[0]! : list[list.length - 1]!;
      for (const e of list) {
        if (e === winner) continue;
        const w = winner.node;
        ctx.report({
          start: e.node.keySpan.start, end: e.node.keySpan.end, code: 'duplicate-directive',
          message: firstWins
            ? `${e.node.key}= is set more than once; systemd keeps the first assignment (line ${w.line + 1}) and ignores this one.`
            : `${e.node.key}= is set again on line ${w.line + 1}, which overrides this assignment; this line has no effect.`,
          data: { removeSpan: { start: e.node.start, end: e.node.end } },
        }, e);
      }
    }
  },
};
