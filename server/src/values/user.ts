/**
 * User and group names (systemd src/basic/user-util.c valid_user_group_name() with
 * VALID_USER_RELAX, and parse_uid()). An invalid value makes the unit fail to load.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, hasControlChars, splitWords } from './util.js';
import { checkSpecifiers, stripSpecifiers } from './specifiers.js';
import { specifierContextFor } from './context.js';

/** Reason why `name` is not a valid (relaxed) user/group name or numeric ID, or undefined. */
export function userNameProblem(name: string): string | undefined {
  if (name === '') return 'the name is empty';
  if (/^[0-9]+$/.test(name)) {
    const v = Number(name);
    if (v >= 4294967295) return 'the numeric ID is out of range (0..4294967294)';
    if (v === 65535) return 'the numeric ID 65535 is reserved (16-bit -1)';
    return undefined;
  }
  if (/^-[0-9]+$/.test(name)) return 'negative numbers are not valid IDs';
  if (name === '.' || name === '..') return `'${name}' is not a valid name`;
  if (hasControlChars(name)) return 'the name contains control characters';
  if (/[:/]/.test(name)) return "the name contains ':' or '/'";
  if (/^\s|\s$/.test(name)) return 'the name starts or ends with whitespace';
  return undefined;
}

function checkName(raw: string, text: string, start: number, end: number, ctx: ValueContext): ValueProblem[] {
  const out = checkSpecifiers(raw, specifierContextFor(ctx), ctx.targetVersion, start);
  if (out.some((p) => p.severity === 'error')) return out;
  const reason = userNameProblem(stripSpecifiers(text));
  if (reason)
    out.push(
      err(start, end, `Invalid user/group name or numeric ID '${text}': ${reason}; systemd refuses to load the unit.`),
    );
  return out;
}

export function validateUser(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  if (ctx.parser === 'config_parse_user_group_strv_compat') {
    const { words, error } = splitWords(value, { unquote: true });
    if (error) return [err(error.start, error.end, `${error.message}.`)];
    const out: ValueProblem[] = [];
    for (const w of words) out.push(...checkName(w.raw, w.text, w.start, w.end, ctx));
    return out;
  }
  return checkName(value, value, 0, value.length, ctx);
}
