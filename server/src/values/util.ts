/**
 * Shared helpers for the value validators: problem construction, word splitting
 * that mirrors systemd's extract_first_word(), and small character tests.
 */
import type { Severity, ValueProblem, ValueProblemCode } from './types.js';

export function problem(
  start: number,
  end: number,
  message: string,
  severity: Severity = 'error',
  code?: ValueProblemCode,
): ValueProblem {
  return code === undefined ? { start, end, message, severity } : { start, end, message, severity, code };
}

export function err(start: number, end: number, message: string, code?: ValueProblemCode): ValueProblem {
  return problem(start, end, message, 'error', code);
}

export function warn(start: number, end: number, message: string, code?: ValueProblemCode): ValueProblem {
  return problem(start, end, message, 'warning', code);
}

/** The problem with a replacement candidate for its quick fix (did-you-mean); the message says it in words too. */
export function suggesting(p: ValueProblem, suggestion: string | undefined): ValueProblem {
  return suggestion ? { ...p, suggestions: [suggestion] } : p;
}

/** Shift problems by an offset (used when validating a sub-string). */
export function shift(problems: readonly ValueProblem[], offset: number): ValueProblem[] {
  if (offset === 0) return [...problems];
  return problems.map((p) => ({ ...p, start: p.start + offset, end: p.end + offset }));
}

const WHITESPACE = ' \t\n\r';

export function isWs(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isAlpha(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

export function isAlnum(ch: string | undefined): boolean {
  return isDigit(ch) || isAlpha(ch);
}

/** A word as extracted from a value. */
export interface Word {
  /** Offsets of the raw word in the value (quotes included), end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The raw text. */
  readonly raw: string;
  /** The text after unquoting / unescaping (as far as we model it). */
  readonly text: string;
}

export interface SplitOptions {
  /** Separator characters (default: whitespace). */
  readonly separators?: string;
  /** Remove '…' and "…" quoting (EXTRACT_UNQUOTE). */
  readonly unquote?: boolean;
  /** Interpret C escapes (EXTRACT_CUNESCAPE); otherwise "\x" yields x (or is kept with retainEscape). */
  readonly cunescape?: boolean;
  /** Keep backslashes as they are (EXTRACT_RETAIN_ESCAPE). */
  readonly retainEscape?: boolean;
  /** Unknown escapes are kept rather than an error (EXTRACT_UNESCAPE_RELAX). */
  readonly relax?: boolean;
}

export interface SplitResult {
  readonly words: Word[];
  /** Set when quoting is unbalanced or an escape is invalid (systemd refuses the value). */
  readonly error?: { start: number; end: number; message: string };
  /** Escapes that were accepted but are unknown (relaxed mode). */
  readonly unknownEscapes: { start: number; end: number }[];
}

/** Result of decoding one C escape starting at value[i] === '\\'. */
export interface EscapeResult {
  /** Number of characters consumed including the backslash. */
  readonly length: number;
  /** Decoded text, or undefined when the escape is invalid. */
  readonly text: string | undefined;
}

const HEX = /^[0-9a-fA-F]$/;

/** Decode one C escape (systemd cunescape_one()). */
export function cunescapeOne(s: string, i: number): EscapeResult {
  const c = s[i + 1];
  if (c === undefined) return { length: 1, text: undefined };
  switch (c) {
    case 'a':
      return { length: 2, text: '\x07' };
    case 'b':
      return { length: 2, text: '\b' };
    case 'f':
      return { length: 2, text: '\f' };
    case 'n':
      return { length: 2, text: '\n' };
    case 'r':
      return { length: 2, text: '\r' };
    case 't':
      return { length: 2, text: '\t' };
    case 'v':
      return { length: 2, text: '\v' };
    case '\\':
      return { length: 2, text: '\\' };
    case '"':
      return { length: 2, text: '"' };
    case "'":
      return { length: 2, text: "'" };
    case 's':
      return { length: 2, text: ' ' };
    case 'x': {
      const a = s[i + 2],
        b = s[i + 3];
      if (a === undefined || b === undefined || !HEX.test(a) || !HEX.test(b)) return { length: 2, text: undefined };
      const v = parseInt(a + b, 16);
      if (v === 0) return { length: 4, text: undefined };
      return { length: 4, text: String.fromCharCode(v) };
    }
    case 'u': {
      const h = s.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(h)) return { length: 2, text: undefined };
      const v = parseInt(h, 16);
      if (v === 0) return { length: 6, text: undefined };
      return { length: 6, text: String.fromCodePoint(v) };
    }
    case 'U': {
      const h = s.slice(i + 2, i + 10);
      if (!/^[0-9a-fA-F]{8}$/.test(h)) return { length: 2, text: undefined };
      const v = parseInt(h, 16);
      if (v === 0 || v > 0x10ffff) return { length: 10, text: undefined };
      return { length: 10, text: String.fromCodePoint(v) };
    }
    default: {
      if (c >= '0' && c <= '7') {
        const o = s.slice(i + 1, i + 4);
        if (!/^[0-7]{3}$/.test(o)) return { length: 2, text: undefined };
        const v = parseInt(o, 8);
        if (v === 0 || v > 255) return { length: 4, text: undefined };
        return { length: 4, text: String.fromCharCode(v) };
      }
      return { length: 2, text: undefined };
    }
  }
}

/**
 * Split a value into words like systemd's extract_first_word(). Linear.
 */
const sepTables = new Map<string, Uint8Array>();
/** ASCII lookup table of a separator set (cached per set). */
function sepTable(seps: string): Uint8Array {
  let t = sepTables.get(seps);
  if (!t) {
    t = new Uint8Array(128);
    for (const ch of seps) {
      const c = ch.charCodeAt(0);
      if (c < 128) t[c] = 1;
    }
    sepTables.set(seps, t);
  }
  return t;
}

export function splitWords(value: string, opts: SplitOptions = {}): SplitResult {
  const seps = opts.separators ?? WHITESPACE;
  const table = sepTable(seps);
  const words: Word[] = [];
  const unknownEscapes: { start: number; end: number }[] = [];
  const n = value.length;
  let i = 0;
  while (i < n) {
    while (i < n && seps.includes(value[i]!)) i++;
    if (i >= n) break;
    const start = i;
    let text = '';
    let quote: string | undefined;
    let quoteStart = -1;
    while (i < n) {
      // Fast path: copy a run of plain characters (no separator, backslash or quote) with one slice.
      if (quote === undefined) {
        let j = i;
        for (; j < n; j++) {
          const c = value.charCodeAt(j);
          if (c === 92 || c === 34 || c === 39 || (c < 128 ? table[c] === 1 : seps.includes(value[j]!))) break;
        }
        if (j > i) {
          text += value.slice(i, j);
          i = j;
          if (i >= n) break;
        }
      }
      const ch = value[i]!;
      if (quote === undefined && seps.includes(ch)) break;
      if (ch === '\\') {
        if (opts.retainEscape) {
          text += ch;
          if (i + 1 < n) {
            text += value[i + 1];
            i += 2;
          } else i++;
          continue;
        }
        if (i + 1 >= n) {
          // trailing backslash: systemd keeps it (relax) or refuses; we keep it, never an error
          text += ch;
          i++;
          continue;
        }
        if (opts.cunescape) {
          const r = cunescapeOne(value, i);
          if (r.text === undefined) {
            if (opts.relax) {
              unknownEscapes.push({ start: i, end: i + r.length });
              text += value.slice(i, i + r.length);
              i += r.length;
              continue;
            }
            return {
              words,
              unknownEscapes,
              error: {
                start: i,
                end: Math.min(n, i + r.length),
                message: `Invalid escape sequence '${value.slice(i, i + r.length)}'`,
              },
            };
          }
          text += r.text;
          i += r.length;
          continue;
        }
        text += value[i + 1];
        i += 2;
        continue;
      }
      if (opts.unquote) {
        if (quote === undefined && (ch === '"' || ch === "'")) {
          quote = ch;
          quoteStart = i;
          i++;
          continue;
        }
        if (quote !== undefined && ch === quote) {
          quote = undefined;
          i++;
          continue;
        }
      }
      text += ch;
      i++;
    }
    if (quote !== undefined) {
      return {
        words,
        unknownEscapes,
        error: { start: quoteStart, end: n, message: 'Unbalanced quoting: the quote opened here is never closed' },
      };
    }
    words.push({ start, end: i, raw: value.slice(start, i), text });
  }
  return { words, unknownEscapes };
}

/** Simple split on a separator set without any quoting, with offsets (empty items kept when keepEmpty). */
export function splitPlain(value: string, sep: string, keepEmpty = false, base = 0): Word[] {
  const out: Word[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || sep.includes(value[i]!)) {
      if (i > start || keepEmpty) {
        const raw = value.slice(start, i);
        out.push({ start: base + start, end: base + i, raw, text: raw });
      }
      start = i + 1;
    }
  }
  return out;
}

/** Levenshtein distance, bounded (returns max+1 when larger): one implementation, shared with did-you-mean. */
export { editDistance } from '../util/suggest.js';

/** Does the string contain a control character (string_has_cc)? */
export function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
