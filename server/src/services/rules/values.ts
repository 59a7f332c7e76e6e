/** Stage 3: every value checked by the validator of its kind; empty assignments by list semantics. */
import type { Rule } from './types.js';
import { sharedValueContext, validateValue } from '../../values/index.js';
import { valueSpanToDocument } from '../../parser/parser.js';
import { VALUE_PROBLEM_CODES, type ValueContext } from '../../values/types.js';
import { emptyRefused } from './duplicates.js';
import { inlineCommentAt } from './literalText.js';

export const valuesRule: Rule = {
  stage: 3,
  name: 'values',
  codes: ['invalid-value', 'empty-reset-ignored', 'empty-value-ignored', ...VALUE_PROBLEM_CODES],
  run(ctx) {
    const { analysis } = ctx;
    for (const e of analysis.entries) {
      const info = e.info;
      if (!info || info.kind === 'ignored' || !ctx.isClean(e)) continue;
      const node = e.node;
      if (node.value === '') {
        // Refused by 252 (measured, see EMPTY_REFUSED_252) and still by the newer parsers of the same names
        // (DEFINE_CONFIG_PARSE_ENUM and the number/time parsers have no empty case), so at every target version.
        if (emptyRefused(info)) {
          ctx.report(
            {
              start: node.keySpan.start,
              end: node.eq + 1,
              code: 'empty-value-ignored',
              message: `systemd does not take an empty ${info.name}=: it logs a warning and ${info.parser === 'config_parse_trigger_unit' ? 'ignores the line (the unit to trigger cannot be reset).' : 'keeps the earlier value instead of resetting to the default.'}${info.defaultValue && !/\s/.test(info.defaultValue) ? ` Write ${info.name}=${info.defaultValue} to get the default.` : ''}`,
            },
            e,
          );
        } else if (info.list === 'add-only') {
          ctx.report(
            {
              start: node.keySpan.start,
              end: node.eq + 1,
              code: 'empty-reset-ignored',
              message: `${info.name}= cannot be reset: an empty assignment does nothing here, so dependencies set elsewhere stay in place.`,
            },
            e,
          );
        }
        continue;
      }
      const vctx: ValueContext = sharedValueContext(info, analysis.unitType, ctx.targetVersion);
      for (const p of validateValue(node.value, vctx)) {
        const span = valueSpanToDocument(
          node,
          Math.max(0, Math.min(p.start, node.value.length)),
          Math.max(0, Math.min(p.end, node.value.length)),
        );
        const code = p.code ?? 'invalid-value';
        // Validators hand their best guess over as data; the quick fix reads it, never the message.
        const suggestions = p.suggestions;
        // A '#' after the value is not a comment: say so where it is what makes the value invalid.
        const hash = p.severity === 'error' ? inlineCommentAt(node.value) : undefined;
        const message =
          hash !== undefined && p.end > hash
            ? `${p.message} Note: '#' starts a comment only at the beginning of a line, so '${node.value.slice(hash)}' is part of the value; put the comment on its own line.`
            : p.message;
        ctx.report(
          { ...span, code, severity: p.severity, message, data: suggestions?.length ? { suggestions } : undefined },
          e,
        );
      }
    }
  },
};
