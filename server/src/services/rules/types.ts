/** The interface every diagnostic rule implements: one rule per file in this folder. */
import type { Span } from '../../parser/ast.js';
import type { Severity } from '../../values/types.js';
import type { Analysis, Entry } from '../model.js';
import type { DiagnosticCode } from '../codes.js';
import type { WatchdogLimits } from '../../watchdog/drivers.js';
import type { BaseUnitView } from '../../units/baseUnit.js';
import type { ShippedInfo, ShippedSource } from '../../units/shipped.js';
import type { SecurityScore } from '../security/score.js';

/** Another unit file the rules may look at (cross-file checks), already analysed. */
export interface WorkspaceUnit {
  readonly path: string;
  readonly analysis: Analysis;
}

export interface RuleOptions {
  /** Podman release Quadlet files are checked against ("5.8.2"; default: the newest the data knows). */
  readonly podmanVersion?: string;
  /** Limits of the hardware watchdog driver (default: Intel iTCO v2). */
  readonly watchdog?: WatchdogLimits;
  /** Unit files next to this one (same folder, open documents, CLI arguments) for cross-file checks. */
  readonly workspace?: () => readonly WorkspaceUnit[];
  /** For a drop-in: the unit it applies to (undefined: unknown, do not check). */
  readonly baseUnit?: () => BaseUnitView | undefined;
  /** For a vendor unit: what was shipped (units/shipped.ts shippedInfo); undefined: unknown, do not check. */
  readonly shipped?: () => ShippedInfo | undefined;
  /**
   * For a service: its exposure score (services/security/), set only when systemd.hardening.diagnostics is on;
   * absent: the hardening rule does not run.
   */
  readonly security?: () => SecurityScore | undefined;
}

export interface RelatedPlace {
  readonly path?: string;
  /** In this document: offsets. */
  readonly span?: Span;
  /** In another file: a 1-based line. */
  readonly line?: number;
  readonly message: string;
}

/** Machine-readable facts for quick fixes. */
export interface DiagnosticData {
  /** Replacement candidates for the flagged text (did-you-mean, case fix, new name). */
  readonly suggestions?: readonly string[];
  /** The section a misplaced directive belongs in. */
  readonly targetSection?: string;
  /** Span of the whole node to remove (duplicates, assignments that change nothing). */
  readonly removeSpan?: Span;
  /** Other places involved (the line in effect, the vendor line…); without `path`, in this document. */
  readonly related?: readonly RelatedPlace[];
  /** A line to insert before the flagged line (a list reset), with its offset. */
  readonly insertLine?: { readonly at: number; readonly text: string };
  /**
   * A vendor unit that differs from what was shipped (vendor-modified). Fixes: move the change to a drop-in
   * (units/shipped.ts planMoveToDropIn), and restore the shipped file when its text is known (`restorable`; the code
   * action gets the text from the facade then, so no publish carries a copy of the file).
   */
  readonly vendor?: {
    readonly source: ShippedSource;
    readonly from: string;
    readonly package?: string;
    /** The shipped text is known (git, the saved version), so the file can be restored; not with only a checksum (dpkg). */
    readonly restorable?: boolean;
    /** Directives whose effective value differs ("Section.Name"). */
    readonly changed: readonly string[];
  };
  /** A failing exposure check (hardening-…): its id and the line that fixes it, if one line does. */
  readonly hardening?: { readonly check: string; readonly directive?: string; readonly value?: string };
}

export interface Diagnostic extends Span {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly data?: DiagnosticData;
}

export interface RuleContext {
  readonly analysis: Analysis;
  readonly targetVersion: number;
  /** Facts from outside the file: watchdog limits, other units of the workspace. */
  readonly options: RuleOptions;
  /** Report a problem. The engine applies severity overrides and limits. */
  report(d: Omit<Diagnostic, 'severity'> & { severity?: Severity }, about?: Entry): void;
  /** False when an earlier stage already flagged this entry (value rules skip it). */
  isClean(e: Entry): boolean;
  /** True once the per-file limit is reached: later reports are only counted, so skip expensive details. */
  isFull?(): boolean;
}

export interface Rule {
  /** Stage: 1 syntax, 2 structure, 3 values, 4 whole unit. A later stage sees what earlier ones flagged. */
  readonly stage: 1 | 2 | 3 | 4;
  readonly name: string;
  /** Every code this rule may report; each code belongs to exactly one rule (a test checks it). */
  readonly codes: readonly DiagnosticCode[];
  run(ctx: RuleContext): void;
}
