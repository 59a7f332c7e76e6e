/**
 * Booleans (systemd src/basic/parse-util.c parse_boolean(); data/systemd-facts.md §3.4).
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err } from './util.js';

const TRUE = ['1', 'yes', 'y', 'true', 't', 'on'];
const FALSE = ['0', 'no', 'n', 'false', 'f', 'off'];

/** true/false, or undefined when the text is not a boolean. Case-insensitive, like systemd. */
export function parseBoolean(text: string): boolean | undefined {
  const t = text.toLowerCase();
  if (TRUE.includes(t)) return true;
  if (FALSE.includes(t)) return false;
  return undefined;
}

export const BOOLEAN_HINT = 'yes/no, true/false, on/off or 1/0';

export function validateBool(value: string, _ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  if (parseBoolean(value) !== undefined) return [];
  return [err(0, value.length, `Invalid boolean '${value}': expected ${BOOLEAN_HINT}.`)];
}

/** tristate: a boolean, or empty for "unset/auto". */
export function validateTristate(value: string, ctx: ValueContext): ValueProblem[] {
  return validateBool(value, ctx);
}
