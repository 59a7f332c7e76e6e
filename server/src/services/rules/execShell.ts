/**
 * Stage 3: shell syntax in Exec*= lines. systemd runs the program directly, not through a shell: redirections
 * (`>`, `>>`, `<`, `2>&1`), pipes (`|`), `&&`, `||`, a `;` glued to a word (a lone `;` separates commands), a
 * leading `~` and unquoted glob patterns reach the program as literal arguments. Not for a shell's own command line
 * (`sh -c '…'`, the `|` prefix of systemd 258), whose arguments are the shell's business.
 */
import { basename } from 'node:path';
import type { Rule } from './types.js';
import { splitWords } from '../../values/util.js';
import { valueSpanToDocument } from '../../parser/parser.js';
import { BoundedCache, ownString } from '../../util/cache.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'busybox', 'fish', 'csh', 'tcsh', 'env']);

/** What shell syntax a word (as written) is, or undefined. */
function shellSyntax(raw: string): string | undefined {
  if (/^(?:\d?>>?|<|\d?>&\d|&>>?|\|\|?|&&)$/.test(raw)) return `'${raw}' is shell syntax`;
  if (/^(?:\d?>>?|<|&>)\/\S/.test(raw)) return `'${raw}' looks like a shell redirection`;
  if (/[^\\];$/.test(raw) && raw.length > 1)
    return `'${raw}' ends with ';', which does not end a command here (only a lone ';' does)`;
  if (raw.startsWith('~/') || raw === '~') return `'~' is not expanded to a home directory`;
  if (!/["']/.test(raw) && /(?:^|\/)[^=/]*[*?][^/]*$/.test(raw) && !/^-/.test(raw) && raw.includes('/'))
    return `the glob '${raw}' is not expanded`;
  return undefined;
}

/** The first shell-syntax word of a command line: its offsets in the value and what it is. */
interface ShellFinding {
  readonly start: number;
  readonly end: number;
  readonly what: string;
}

/** Pure in the value: kept between edits (util/cache.ts policy), as most lines do not change. */
const findings = new BoundedCache<string, ShellFinding | null>({ max: 20000, ttlMs: Infinity });

function findShellSyntax(value: string): ShellFinding | null {
  const { words, error } = splitWords(value, { unquote: true, cunescape: true, relax: true });
  if (error || !words.length) return null;
  // One directive may hold several commands separated by a lone ';'.
  let atCommandStart = true;
  let skipRest = false;
  let prev = '';
  for (const w of words) {
    if (w.raw === ';') {
      atCommandStart = true;
      skipRest = false;
      continue;
    }
    if (atCommandStart) {
      atCommandStart = false;
      prev = w.raw;
      const exe = w.text.replace(/^[-@:+!|]+/, '');
      skipRest = w.text.startsWith('|') || w.text.replace(/^[-:+!]+/, '').startsWith('@') || SHELLS.has(basename(exe));
      if (w.text.replace(/^[-@:+!]+/, '').startsWith('|')) skipRest = true;
      continue;
    }
    if (skipRest) {
      prev = w.raw;
      continue;
    }
    // A pattern right after a long option is that option's value (thd --deviceglob /dev/input/event*).
    const what =
      /^--[^=]+$/.test(prev) && /[*?]/.test(w.raw) && !/^[<>|&]/.test(w.raw) ? undefined : shellSyntax(w.raw);
    prev = w.raw;
    if (what) return { start: w.start, end: w.end, what: ownString(what) }; // one finding per line is enough
  }
  return null;
}

export const execShellRule: Rule = {
  stage: 3,
  name: 'exec-shell',
  codes: ['exec-shell-syntax'],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      const info = e.info;
      if (!info || info.parser !== 'config_parse_exec' || !ctx.isClean(e) || e.node.value === '') continue;
      const value = e.node.value;
      const f = value.length > 4096 ? findShellSyntax(value) : findings.get(value, () => findShellSyntax(value));
      if (!f) continue;
      ctx.report(
        {
          ...valueSpanToDocument(e.node, f.start, f.end),
          code: 'exec-shell-syntax',
          message: `${f.what}: systemd does not run ${info.name}= through a shell, so the program gets it as a literal argument. Wrap the command in /bin/sh -c '…' if you need the shell.`,
        },
        e,
      );
    }
  },
};
