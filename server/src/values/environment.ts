/**
 * Environment assignments (config_parse_environ, config_parse_log_extra_fields) and
 * environment name lists (config_parse_pass_environ, config_parse_unset_environ).
 * Names: env_name_is_valid() (src/basic/env-util.c): [A-Za-z_][A-Za-z0-9_]*.
 * Journal fields: journal_field_valid(): [A-Z0-9_], not starting with a digit or '_', ≤ 64.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, splitWords } from './util.js';
import { checkSpecifiers } from './specifiers.js';
import { specifierContextFor } from './context.js';

export function isEnvName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && s.length <= 4096;
}

/**
 * A variable name as systemd checks it: after specifier expansion (Environment=, UnsetEnvironment= and
 * PassEnvironment= expand `%` first), so a name with specifiers is accepted when some expansion is a valid name:
 * `X%b` is X and the boot ID.
 */
function envNameOk(name: string, expands: boolean): boolean {
  if (isEnvName(name)) return true;
  if (!expands || !/%[A-Za-z0-9]/.test(name)) return false;
  return isEnvName(name.replace(/%(%|[A-Za-z0-9])/g, (_m, c: string) => (c === '%' ? '%' : 'x')));
}

export function isJournalFieldName(s: string): boolean {
  return s.length > 0 && s.length <= 64 && /^[A-Z][A-Z0-9_]*$/.test(s);
}

export function validateEnvironment(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const out: ValueProblem[] = [...checkSpecifiers(value, specifierContextFor(ctx), ctx.targetVersion, 0)];
  const { words, error } = splitWords(value, { unquote: true, cunescape: true });
  if (error) {
    out.push(err(error.start, error.end, `${error.message}; systemd ignores the rest of the line.`));
  }
  const journal = ctx.parser === 'config_parse_log_extra_fields';
  const expands = specifierContextFor(ctx) !== 'none';
  for (const w of words) {
    const eq = w.text.indexOf('=');
    if (eq < 0) {
      out.push(
        err(
          w.start,
          w.end,
          journal
            ? `Log field '${w.text}' lacks '=': expected FIELD=value.`
            : `'${w.text}' is not an assignment: expected NAME=value (quote values that contain spaces, e.g. "A=two words").`,
        ),
      );
      continue;
    }
    const name = w.text.slice(0, eq);
    if (journal) {
      if (!isJournalFieldName(name)) {
        out.push(
          err(
            w.start,
            w.end,
            `Invalid journal field name '${name}': use upper-case letters, digits and '_' (not first), at most 64 characters.`,
          ),
        );
      }
    } else if (!envNameOk(name, expands)) {
      out.push(
        err(
          w.start,
          w.end,
          `Invalid environment variable name '${name}': use letters, digits and '_', not starting with a digit.`,
        ),
      );
    }
  }
  return out;
}

export function validateEnvNameList(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const out: ValueProblem[] = [...checkSpecifiers(value, specifierContextFor(ctx), ctx.targetVersion, 0)];
  const { words, error } = splitWords(value, { unquote: true, cunescape: true });
  if (error) out.push(err(error.start, error.end, `${error.message}.`));
  const unset = ctx.parser === 'config_parse_unset_environ';
  const expands = specifierContextFor(ctx) !== 'none';
  for (const w of words) {
    const t = w.text;
    const eq = t.indexOf('=');
    if (unset && eq >= 0) {
      if (!envNameOk(t.slice(0, eq), expands))
        out.push(
          err(
            w.start,
            w.end,
            `Invalid environment assignment '${t}': the name must use letters, digits and '_', not starting with a digit.`,
          ),
        );
      continue;
    }
    if (!envNameOk(t, expands)) {
      out.push(
        err(
          w.start,
          w.end,
          `Invalid environment variable name '${t}': use letters, digits and '_', not starting with a digit${unset ? ', or NAME=VALUE' : ''}.`,
        ),
      );
    }
  }
  return out;
}
