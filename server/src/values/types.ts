/**
 * The contract between the diagnostics engine and the value validators.
 *
 * A validator looks at the *logical* value of one assignment (continuation
 * lines already joined, surrounding whitespace stripped, exactly the string
 * systemd's parser receives) and returns problems with offsets relative to
 * that string. The caller maps them back to document offsets.
 *
 * Invariant: validators never throw and never look at the document, the
 * file system or the clock. They know nothing of LSP.
 */

export type { ValueKind } from '../catalog/valueKinds.js';
import type { ValueKind } from '../catalog/valueKinds.js';

/** Where specifiers are expanded; decides which `%x` are valid (data/specifiers.tsv, column valid_in). */
export type SpecifierContext = 'unit-file-values' | 'unit-names' | 'install' | 'manager-env' | 'none';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** The codes a validator may give a problem (besides the default "invalid-value"). */
export const VALUE_PROBLEM_CODES = [
  'unknown-specifier',
  'deprecated-specifier',
  'specifier-too-new',
  'deprecated-value',
  'unknown-capability',
  'condition-never-met',
] as const;
export type ValueProblemCode = (typeof VALUE_PROBLEM_CODES)[number];

export interface ValueContext {
  /** Section as written, e.g. "Service". */
  readonly section: string;
  /** Directive name as written, e.g. "ExecStart". */
  readonly directive: string;
  readonly kind: ValueKind;
  /** systemd parser function, e.g. "config_parse_exec" (column parser). */
  readonly parser: string;
  /** Literal values of column enum_values, split on "|" (pseudo tokens like "<bool>" included as written). */
  readonly enumValues: readonly string[];
  /** Unit type of the file ("service", "socket", …), or undefined for system.conf/user.conf. */
  readonly unitType: string | undefined;
  /** Target systemd version (e.g. 260, 252). Syntax newer than it may be flagged. */
  readonly targetVersion: number;
  /** The numeric range the parser accepts, when the catalog states one (the other dialects' `range=` notes). */
  readonly range?: readonly [string, string];
}

export interface ValueProblem {
  /** Offsets into the logical value string, end exclusive. start === end is allowed for "at this point". */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** error: systemd ignores the line or refuses the unit; warning: accepted but ignored in part, deprecated or no effect. */
  readonly severity: Severity;
  /** A more precise diagnostic code than "invalid-value" (the default when absent); each is in services/codes.ts. */
  readonly code?: ValueProblemCode;
  /** Replacement candidates for the flagged text (did-you-mean, case fix), for quick fixes. */
  readonly suggestions?: readonly string[];
}

export type Validator = (value: string, ctx: ValueContext) => ValueProblem[];
