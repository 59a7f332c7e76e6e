/**
 * `%` specifiers: the one shared checker used by every kind whose parser expands them.
 *
 * The table mirrors data/specifiers.tsv (columns specifier, since_version, valid_in). It is code
 * rather than ctx data because specifiers are not per-directive. Expander rules are those of
 * systemd's src/shared/specifier.c specifier_printf() (data/systemd-facts.md §8.2):
 *  - `%%` is a literal `%`;
 *  - `%` + alphanumeric without a table entry → EBADSLT "Invalid slot", the setting is ignored;
 *  - `%` + non-alphanumeric is copied through; a `%` at the very end stays.
 */
import type { SpecifierContext, ValueProblem } from './types.js';
import { err, isAlnum, warn } from './util.js';

export interface SpecifierInfo {
  readonly char: string;
  readonly meaning: string;
  /** First release per context; undefined = not valid in that context. */
  readonly since: Readonly<Partial<Record<Exclude<SpecifierContext, 'none'>, number>>>;
  readonly deprecated?: boolean;
}

function s(char: string, meaning: string, ufv: number | undefined, names?: number, install?: number, env?: number, deprecated = false): SpecifierInfo {
  const since: Partial<Record<Exclude<SpecifierContext, 'none'>, number>> = {};
  if (ufv !== undefined) since['unit-file-values'] = ufv;
  if (names !== undefined) since['unit-names'] = names;
  if (install !== undefined) since['install'] = install;
  if (env !== undefined) since['manager-env'] = env;
  return deprecated ? { char, meaning, since, deprecated } : { char, meaning, since };
}

/** From data/specifiers.tsv (unit-file-values; unit-names; [Install]; system.conf/user.conf-env). */
export const SPECIFIERS: readonly SpecifierInfo[] = [
  s('a', 'host CPU architecture name (x86-64, arm64, ...)', 247, 246, 246, 254),
  s('A', 'IMAGE_VERSION= from os-release', 249, 249, 249, 254),
  s('b', 'boot ID of the running kernel boot', 190, 233, 198, 254),
  s('B', 'BUILD_ID= from os-release', 247, 246, 246, 254),
  s('C', 'cache base dir: /var/cache, or $XDG_CACHE_HOME for user units', 236),
  s('d', "this unit's credentials dir ($CREDENTIALS_DIRECTORY)", 251),
  s('D', 'shared data base dir: /usr/share, or $XDG_DATA_HOME for user units', 256),
  s('E', 'config base dir: /etc, or $XDG_CONFIG_HOME for user units', 239),
  s('f', 'instance (or, if none, prefix) unescaped and turned into an absolute path', 12),
  s('g', 'group name of the service manager (root for the system manager; not Group=)', 240, 240, 240, 254),
  s('G', 'GID of the service manager (0 for the system manager)', 240, 240, 240, 254),
  s('h', "home dir of the service manager's user (not User=)", 187, undefined, undefined, 254),
  s('H', 'host name', 190, 233, 198, 254),
  s('i', 'instance string (text between "@" and the suffix), escaped', 1, 1, 198),
  s('I', 'instance string, unescaped', 1),
  s('j', 'last "-"-separated part of the prefix (whole prefix if no "-")', 239, 241, 239),
  s('J', 'same as %j, unescaped', 239),
  s('l', 'host name cut at the first dot', 246, 247, 247, 254),
  s('L', 'log base dir: /var/log, or the user state dir + /log', 236),
  s('m', 'machine ID', 190, 233, 198, 254),
  s('M', 'IMAGE_ID= from os-release', 249, 249, 249, 254),
  s('n', 'full unit name including the type suffix', 1, 1, 198),
  s('N', 'unit name without the type suffix', 1, 1, 198),
  s('o', 'ID= from os-release', 247, 246, 246, 254),
  s('p', 'prefix: name part before "@" (or whole name without suffix)', 1, 1, 198),
  s('P', 'prefix, unescaped', 1),
  s('q', 'pretty host name (/etc/machine-info)', 251, 251, 251, 254),
  s('s', "login shell of the service manager's user", 187, undefined, undefined, 254),
  s('S', 'state base dir: /var/lib, or $XDG_STATE_HOME for user units', 236),
  s('t', 'runtime base dir: /run, or $XDG_RUNTIME_DIR for user units', 30),
  s('T', 'temp dir: /tmp or $TMPDIR', 239, undefined, undefined, 254),
  s('u', 'user name of the service manager (root for the system manager; not User=)', 187, 233, 198, 254),
  s('U', 'UID of the service manager (0 for the system manager)', 197, 233, 198, 254),
  s('v', 'kernel release (uname -r)', 206, 246, 206, 254),
  s('V', 'large temp dir: /var/tmp or $TMPDIR', 239, undefined, undefined, 254),
  s('w', 'VERSION_ID= from os-release', 247, 246, 246, 254),
  s('W', 'VARIANT_ID= from os-release', 247, 246, 246, 254),
  s('y', 'path of the unit fragment file', 251),
  s('Y', 'directory holding the unit fragment file', 251),
  s('c', 'DEPRECATED: cgroup path of the unit', 30, undefined, undefined, undefined, true),
  s('r', "DEPRECATED: cgroup path of the unit's slice", 30, undefined, undefined, undefined, true),
  s('R', "DEPRECATED: root of the manager's cgroup tree", 30, undefined, undefined, undefined, true),
];

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
export function checkSpecifiers(text: string, context: SpecifierContext, targetVersion: number, offset = 0): ValueProblem[] {
  if (context === 'none') return [];
  // Before 254 the manager did not expand specifiers in DefaultEnvironment=/ManagerEnvironment=.
  if (context === 'manager-env' && targetVersion < 254) return [];
  const out: ValueProblem[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (text[i] !== '%') continue;
    const c = text[i + 1];
    if (c === undefined) break; // '%' at the end stays
    if (c === '%') { i++; continue; }
    if (!isAlnum(c)) { i++; continue; } // copied through unchanged
    const start = offset + i;
    const end = start + 2;
    i++;
    const info = BY_CHAR.get(c);
    if (!info) {
      out.push(err(start, end, `Unknown specifier '%${c}': systemd refuses the value ("Invalid slot"); write '%%' for a literal '%'.`, 'unknown-specifier'));
      continue;
    }
    const since = info.since[context];
    if (since === undefined) {
      out.push(err(start, end, `Specifier '%${c}' (${info.meaning}) is not available in ${CONTEXT_LABEL[context]}: systemd refuses the value ("Invalid slot").`, 'unknown-specifier'));
      continue;
    }
    if (info.deprecated) {
      out.push(warn(start, end, `Specifier '%${c}' is deprecated and undocumented; systemd logs a warning when it expands it.`, 'deprecated-specifier'));
      continue;
    }
    if (since > targetVersion) {
      out.push(warn(start, end, `Specifier '%${c}' (${info.meaning}) needs systemd ${since} in ${CONTEXT_LABEL[context]}; the target version ${targetVersion} refuses it.`, 'specifier-too-new'));
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
      if (c === '%') { out += '%'; i++; continue; }
      if (isAlnum(c)) { out += PATH_SPECIFIERS.has(c) ? '/x' : 'x'; i++; continue; }
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
