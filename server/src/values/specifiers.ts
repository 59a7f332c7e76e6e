/**
 * `%` specifiers: the one shared checker used by every kind whose parser expands them.
 *
 * The table comes from data/specifiers.tsv through the generated catalog. Expander rules are those of
 * systemd's src/shared/specifier.c specifier_printf() (data/systemd-facts.md §8.2):
 *  - `%%` is a literal `%`;
 *  - `%` + alphanumeric without a table entry → EBADSLT "Invalid slot", the setting is ignored;
 *  - `%` + non-alphanumeric is copied through; a `%` at the very end stays.
 */
import type { SpecifierContext, ValueProblem } from './types.js';
import { err, isAlnum, warn } from './util.js';
import { allSpecifiers } from '../catalog/catalog.js';

export interface SpecifierInfo {
  readonly char: string;
  readonly meaning: string;
  /** First release per context; undefined = not valid in that context. */
  readonly since: Readonly<Partial<Record<Exclude<SpecifierContext, 'none'>, number>>>;
  readonly deprecated?: boolean;
}

/** Built from the generated catalog (data/specifiers.tsv); nothing here is typed in by hand. */
export const SPECIFIERS: readonly SpecifierInfo[] = allSpecifiers()
  .map((x) => {
    const deprecated = /^DEPRECATED/.test(x.meaning);
    const info: SpecifierInfo = { char: x.letter, meaning: x.meaning, since: x.contexts as SpecifierInfo['since'] };
    return deprecated ? { ...info, deprecated } : info;
  })
  .filter((x) => x.char !== '%');

const BY_CHAR = new Map<string, SpecifierInfo>(SPECIFIERS.map((x) => [x.char, x]));

export function specifierInfo(ch: string): SpecifierInfo | undefined {
  return BY_CHAR.get(ch);
}

/** Specifiers valid in a context (for completion). */
export function specifiersFor(context: SpecifierContext, targetVersion = Number.MAX_SAFE_INTEGER): SpecifierInfo[] {
  if (context === 'none') return [];
  return SPECIFIERS.filter((x) => {
    const v = x.since[context];
    return v !== undefined && v <= targetVersion;
  });
}

const CONTEXT_LABEL: Record<Exclude<SpecifierContext, 'none'>, string> = {
  'unit-file-values': 'unit file values',
  'unit-names': 'unit names',
  install: '[Install] values',
  'manager-env': 'manager environment settings',
};

/**
 * Check every `%x` in `text` (which sits at `offset` in the value) for the given context.
 * Returns problems with offsets relative to the value.
 */
export function checkSpecifiers(
  text: string,
  context: SpecifierContext,
  targetVersion: number,
  offset = 0,
): ValueProblem[] {
  if (context === 'none') return [];
  // Before 254 the manager did not expand specifiers in DefaultEnvironment=/ManagerEnvironment=.
  if (context === 'manager-env' && targetVersion < 254) return [];
  const out: ValueProblem[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (text[i] !== '%') continue;
    const c = text[i + 1];
    if (c === undefined) break; // '%' at the end stays
    if (c === '%') {
      i++;
      continue;
    }
    if (!isAlnum(c)) {
      i++;
      continue;
    } // copied through unchanged
    const start = offset + i;
    const end = start + 2;
    i++;
    const info = BY_CHAR.get(c);
    if (!info) {
      out.push(
        err(
          start,
          end,
          `Unknown specifier '%${c}': systemd refuses the value ("Invalid slot"); write '%%' for a literal '%'.`,
          'unknown-specifier',
        ),
      );
      continue;
    }
    const since = info.since[context];
    if (since === undefined) {
      out.push(
        err(
          start,
          end,
          `Specifier '%${c}' (${info.meaning}) is not available in ${CONTEXT_LABEL[context]}: systemd refuses the value ("Invalid slot").`,
          'unknown-specifier',
        ),
      );
      continue;
    }
    if (info.deprecated) {
      out.push(
        warn(
          start,
          end,
          `Specifier '%${c}' is deprecated and undocumented; systemd logs a warning when it expands it.`,
          'deprecated-specifier',
        ),
      );
      continue;
    }
    if (since > targetVersion) {
      // An older systemd does not know the letter: "Invalid slot", the line is ignored (an Exec*= line makes the
      // unit fail to load), as for an unknown specifier (checked with systemd 252 and %D, new in 256).
      out.push(
        err(
          start,
          end,
          `Specifier '%${c}' (${info.meaning}) needs systemd ${since} in ${CONTEXT_LABEL[context]}; the target version ${targetVersion} refuses it ("Invalid slot").`,
          'specifier-too-new',
        ),
      );
    }
  }
  return out;
}

/** Specifiers that expand to an absolute path. */
const PATH_SPECIFIERS = new Set(['C', 'd', 'D', 'E', 'f', 'h', 'L', 's', 'S', 't', 'T', 'V', 'y', 'Y', 'c', 'r', 'R']);

/**
 * Replace every specifier by a plausible expansion so that syntax checks of the expanded value do
 * not trip over `%`: `%%` → `%`; path specifiers (%t, %S, %h, %f, …) → "/x"; others → "x";
 * any other `%` is kept.
 */
export function stripSpecifiers(text: string): string {
  if (!text.includes('%')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '%' && i + 1 < text.length) {
      const c = text[i + 1]!;
      if (c === '%') {
        out += '%';
        i++;
        continue;
      }
      if (isAlnum(c)) {
        out += PATH_SPECIFIERS.has(c) ? '/x' : 'x';
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

export function hasSpecifier(text: string): boolean {
  for (let i = 0; i + 1 < text.length; i++) {
    if (text[i] === '%' && text[i + 1] !== '%' && isAlnum(text[i + 1])) return true;
    if (text[i] === '%' && text[i + 1] === '%') i++;
  }
  return false;
}
