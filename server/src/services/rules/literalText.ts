/**
 * Stage 3: text that looks like it means something but is taken literally.
 *  - `$VAR` / `${VAR}` in Environment=: systemd does not expand variables there (only in Exec*= lines), so
 *    `PATH=$PATH:/opt/bin` sets PATH to the text "$PATH:/opt/bin".
 *  - a `#` after a value: only a line that starts with `#` or `;` is a comment, so `Restart=always # keep it up` is
 *    the value "always # keep it up". Where that makes the value invalid, the values rule says so in its message;
 *    where the value stays valid (Exec*= arguments, lists, free text), this says it here.
 */
import type { Rule } from './types.js';
import { splitWords } from '../../values/util.js';
import { validateValue } from '../../values/index.js';
import { valueSpanToDocument } from '../../parser/parser.js';

/** Offset of a ` #` that starts a would-be comment after a value (a '#' after whitespace, then a space or the end). */
export function inlineCommentAt(value: string): number | undefined {
  const m = /\s(#)(?:\s|$)/.exec(value);
  return m ? m.index + 1 : undefined;
}

export const literalTextRule: Rule = {
  stage: 3,
  name: 'literal-text',
  codes: ['environment-variable-reference', 'inline-comment'],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      const info = e.info;
      if (!info || !ctx.isClean(e) || e.node.value === '') continue;
      const value = e.node.value;
      if (info.parser === 'config_parse_environ' && value.includes('$')) {
        const { words, error } = splitWords(value, { unquote: true, cunescape: true });
        if (!error) {
          for (const w of words) {
            const eq = w.text.indexOf('=');
            const m = eq >= 0 ? /\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(w.text.slice(eq + 1)) : null;
            if (!m) continue;
            const at = w.raw.indexOf('$');
            const span = valueSpanToDocument(e.node, w.start + Math.max(0, at), w.end);
            ctx.report(
              {
                ...span,
                code: 'environment-variable-reference',
                message: `${info.name}= does not expand variables: ${w.text.slice(0, eq)} gets the text '${w.text.slice(eq + 1)}', $${m[1]} included. Variables are expanded only in Exec*= command lines; set the whole value here, or build it in the command (ExecStart=/bin/sh -c '…').`,
              },
              e,
            );
            break;
          }
        }
      }
      const hash = inlineCommentAt(value);
      // An invalid value gets its own error, whose message mentions the '#' (values.ts).
      if (
        hash !== undefined &&
        info.kind !== 'ignored' &&
        !validateValue(value, {
          section: info.section,
          directive: info.name,
          kind: info.kind,
          parser: info.parser,
          enumValues: info.enumValues,
          unitType: ctx.analysis.unitType,
          targetVersion: ctx.targetVersion,
        }).some((p) => p.severity === 'error')
      ) {
        const span = valueSpanToDocument(e.node, hash, value.length);
        ctx.report(
          {
            ...span,
            code: 'inline-comment',
            message: `'#' starts a comment only at the beginning of a line: here '${value.slice(hash)}' is part of the ${info.name}= value. Put the comment on a line of its own.`,
          },
          e,
        );
      }
    }
  },
};
