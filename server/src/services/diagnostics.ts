/**
 * The diagnostics engine: runs the rules stage by stage, applies severity overrides and the per-file limit.
 * A rule that throws is skipped (and reported once as an internal problem); the others still run.
 */
import type { Severity } from '../values/types.js';
import { NEWEST_VERSION } from '../catalog/catalog.js';
import { defaultSeverity } from './codes.js';
import type { Analysis, Entry } from './model.js';
import { RULES } from './rules/index.js';
import type { Diagnostic, Rule, RuleContext, RuleOptions } from './rules/types.js';

export type { Diagnostic } from './rules/types.js';

export interface DiagnosticOptions extends RuleOptions {
  /** Target systemd version (default: the newest the catalog knows). */
  readonly targetVersion?: number;
  /** Per-code severity overrides; 'off' drops the code. */
  readonly severity?: Readonly<Record<string, Severity | 'off'>>;
  /** At most this many diagnostics per file (default 1000); a final note says how many were left out. */
  readonly maxDiagnostics?: number;
  /** Called when a rule throws. */
  readonly onRuleError?: (rule: string, err: unknown) => void;
}

const DEFAULT_MAX_DIAGNOSTICS = 1000;

/** Codes the engine itself reports (not a rule). */
export const ENGINE_CODES = ['too-many-problems', 'file-too-large'] as const;

export function computeDiagnostics(
  analysis: Analysis,
  options: DiagnosticOptions = {},
  rules: readonly Rule[] = RULES,
): Diagnostic[] {
  if (analysis.file.kind === 'other') return [];
  const out: Diagnostic[] = [];
  const flagged = new Set<Entry>();
  const overrides = options.severity ?? {};
  const max = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  let dropped = 0;
  let stage = 0;
  let current: Rule | undefined;
  const ctx: RuleContext = {
    analysis,
    targetVersion: options.targetVersion ?? NEWEST_VERSION,
    options,
    report(d, about) {
      if (current && !current.codes.includes(d.code))
        options.onRuleError?.(current.name, new Error(`reported '${d.code}', which it does not declare`));
      const override = overrides[d.code];
      if (override === 'off') return;
      const severity: Severity = override ?? d.severity ?? defaultSeverity(d.code);
      if (about && severity === 'error' && stage <= 2) flagged.add(about);
      if (out.length >= max) {
        dropped++;
        return;
      }
      out.push({
        start: d.start,
        end: d.end,
        code: d.code,
        message: d.message,
        severity,
        ...(d.data ? { data: d.data } : {}),
      });
    },
    isClean: (e) => !flagged.has(e),
    isFull: () => out.length >= max,
  };
  for (const rule of rules) {
    stage = rule.stage;
    current = rule;
    try {
      rule.run(ctx);
    } catch (err) {
      options.onRuleError?.(rule.name, err);
    }
  }
  if (dropped > 0) {
    out.push({
      start: 0,
      end: 0,
      code: 'too-many-problems',
      severity: 'info',
      message: `${dropped} more problem(s) not shown: the limit is ${max} per file.`,
    });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return applySuppressions(analysis, out);
}

/**
 * Inline suppressions, honoured by the editor and the CLI alike:
 *   `# systemd-units: ignore CODE[, CODE…]`       the next line that is not a comment or blank
 *   `# systemd-units: ignore-file CODE[, CODE…]`  the whole file
 * `*` stands for every code. Unknown codes are ignored (a later version may know them).
 */
export const SUPPRESSION = /^[#;]\s*systemd-units:\s*(ignore|ignore-file)\s+([a-z0-9*,\s-]+?)\s*$/;

function applySuppressions(analysis: Analysis, diags: Diagnostic[]): Diagnostic[] {
  const nodes = analysis.doc.nodes;
  const text = analysis.doc.text;
  let fileWide: Set<string> | undefined;
  const ranges: { start: number; end: number; codes: Set<string> }[] = [];
  let pending: Set<string> | undefined;
  for (const n of nodes) {
    if (n.kind === 'comment') {
      const m = SUPPRESSION.exec(text.slice(n.start, n.end).replace(/[\r\n]+$/, ''));
      if (!m) continue;
      const codes = new Set(m[2]!.split(/[\s,]+/).filter(Boolean));
      if (m[1] === 'ignore-file') fileWide = new Set([...(fileWide ?? []), ...codes]);
      else pending = new Set([...(pending ?? []), ...codes]);
      continue;
    }
    if (n.kind === 'blank') continue;
    if (pending) {
      ranges.push({ start: n.start, end: n.end, codes: pending });
      pending = undefined;
    }
  }
  if (!fileWide && !ranges.length) return diags;
  const hit = (set: Set<string> | undefined, code: string): boolean => !!set && (set.has(code) || set.has('*'));
  return diags.filter(
    (d) =>
      !hit(fileWide, d.code) &&
      !ranges.some((r) => d.start >= r.start && d.start < Math.max(r.end, r.start + 1) && hit(r.codes, d.code)),
  );
}
