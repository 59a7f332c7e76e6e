/**
 * Signals and exit statuses.
 * Signal names: systemd src/basic/signal-util.c (static __signal_table, Linux numbering),
 * signal_from_string(): NAME or SIGNAME (case-sensitive), a number 1..64, RTMIN+n / RTMAX-n
 * (also with SIG prefix). SIGRTMIN is 34 and SIGRTMAX 64 with glibc.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, splitWords, suggesting } from './util.js';
import { parseCInteger } from './numbers.js';
import { suggestEnum } from './enum.js';

/** Linux standard signal names without "SIG" (signal-util.c). */
export const SIGNAL_NAMES: readonly string[] = [
  'HUP',
  'INT',
  'QUIT',
  'ILL',
  'TRAP',
  'ABRT',
  'BUS',
  'FPE',
  'KILL',
  'USR1',
  'SEGV',
  'USR2',
  'PIPE',
  'ALRM',
  'TERM',
  'STKFLT',
  'CHLD',
  'CONT',
  'STOP',
  'TSTP',
  'TTIN',
  'TTOU',
  'URG',
  'XCPU',
  'XFSZ',
  'VTALRM',
  'PROF',
  'WINCH',
  'IO',
  'PWR',
  'SYS',
];

const SIGRTMIN = 34;
const SIGRTMAX = 64;

/** Signal number, or undefined when not a valid signal. */
export function parseSignal(text: string): number | undefined {
  const t = text.startsWith('SIG') ? text.slice(3) : text;
  const idx = SIGNAL_NAMES.indexOf(t);
  if (idx >= 0) return idx + 1;
  const rt = /^RT(MIN|MAX)(?:([+-])(.*))?$/.exec(t);
  if (rt) {
    const base = rt[1] === 'MIN' ? SIGRTMIN : SIGRTMAX;
    if (rt[2] === undefined) return base;
    if ((rt[1] === 'MIN' && rt[2] !== '+') || (rt[1] === 'MAX' && rt[2] !== '-')) return undefined;
    const k = parseCInteger(rt[3]!, false);
    if (k === undefined || /^[ \t]/.test(rt[3]!)) return undefined;
    const v = rt[1] === 'MIN' ? base + k : base - k;
    return v >= SIGRTMIN && v <= SIGRTMAX ? v : undefined;
  }
  if (text !== t) return undefined; // "SIG" + number is not valid
  const n = parseCInteger(text, false);
  if (n !== undefined && n >= 1 && n <= 64) return n;
  return undefined;
}

const SIGNAL_CANDIDATES = [...SIGNAL_NAMES.map((s) => 'SIG' + s), 'SIGRTMIN', 'SIGRTMAX'];

function signalSuggestion(word: string): string | undefined {
  return suggestEnum(word.startsWith('SIG') || !/^[a-z]/i.test(word) ? word : 'SIG' + word, SIGNAL_CANDIDATES);
}

function signalMessage(word: string): string {
  const sug = suggestEnum(word.startsWith('SIG') || !/^[a-z]/i.test(word) ? word : 'SIG' + word, SIGNAL_CANDIDATES);
  return `Invalid signal '${word}': expected a name such as SIGTERM or HUP, a number 1..64, or RTMIN+n/RTMAX-n${sug ? ` (did you mean '${sug}'?)` : ''}.`;
}

export function validateSignal(value: string, _ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  if (parseSignal(value) !== undefined) return [];
  return [suggesting(err(0, value.length, signalMessage(value)), signalSuggestion(value))];
}

/** exit-status kind: exit_status (0..255 only) and set_status (list of numbers, names, signals). */
export function validateExitStatus(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  if (ctx.parser !== 'config_parse_set_status') {
    const v = parseCInteger(value, true);
    if (v === undefined)
      return [err(0, value.length, `Invalid exit status '${value}': expected a number between 0 and 255.`)];
    if (v < 0 || v > 255) return [err(0, value.length, `Exit status '${value}' is out of range: expected 0..255.`)];
    return [];
  }
  const names = ctx.enumValues.filter((v) => !v.startsWith('<'));
  const { words, error } = splitWords(value, { unquote: true });
  const out: ValueProblem[] = [];
  if (error) out.push(err(error.start, error.end, `${error.message}.`));
  for (const w of words) {
    const t = w.text;
    const num = parseCInteger(t, true);
    if (num !== undefined) {
      const v = num;
      if (v < 0 || v > 255)
        out.push(
          err(w.start, w.end, `Exit status '${t}' is out of range: expected 0..255; systemd ignores the whole line.`),
        );
      continue;
    }
    if (names.includes(t)) continue;
    if (parseSignal(t) !== undefined && !/^[0-9]/.test(t)) continue;
    const sug = suggestEnum(t, [...names, ...SIGNAL_CANDIDATES]);
    out.push(
      suggesting(
        err(
          w.start,
          w.end,
          `Invalid exit status '${t}': expected a number 0..255, an exit status name such as SUCCESS or TEMPFAIL, or a signal name such as SIGHUP${sug ? ` (did you mean '${sug}'?)` : ''}; systemd ignores the whole line.`,
        ),
        sug,
      ),
    );
  }
  return out;
}
