/**
 * The exposure score of a service, as `systemd-analyze security --offline=true` computes it: the public surface of
 * services/security/ (the facade re-exports it). `info.ts` reads the effective unit, `score.ts` scores it,
 * `harden.ts` plans a hardening drop-in.
 */
import { resolve } from 'node:path';
import { mergeUnit, type EffectiveUnit, type SourceFile } from '../../units/effective.js';
import { readHierarchyFileResult, type HierarchyFs, type UnitHierarchy } from '../../units/hierarchy.js';
import { formatTenths, type CheckResult, type SecurityScore } from './score.js';

export {
  scoreService,
  assessInfo,
  labelOf,
  formatTenths,
  checksFor,
  type SecurityScore,
  type CheckResult,
  type ExposureLabel,
} from './score.js';
export { securityInfoOf, securityInputKey, type SecurityInfo } from './info.js';
export {
  fixForCheck,
  fixForCode,
  fixLine,
  withServiceLine,
  scoreWithLine,
  fixEdit,
  hardeningCodeOf,
  HARDENING_CHECKS,
  type HardeningFix,
  type HardeningCode,
} from './fixes.js';

/**
 * A unit's fragment and drop-ins merged, where `override(path)` gives the text of a file that is open in an editor
 * (its unsaved text counts). A document that is not part of the hierarchy (a new file) is used as the fragment.
 */
export function effectiveWithOverrides(
  h: UnitHierarchy,
  fs: HierarchyFs,
  override: (path: string) => string | undefined,
  selfPath?: string,
): EffectiveUnit {
  return mergeUnit(sourcesWithOverrides(h, fs, override, selfPath));
}

/** The files `effectiveWithOverrides` merges, in systemd's order (for planners that add one more). */
export function sourcesWithOverrides(
  h: UnitHierarchy,
  fs: HierarchyFs,
  override: (path: string) => string | undefined,
  selfPath?: string,
): SourceFile[] {
  const sources: SourceFile[] = [];
  const read = (f: { path: string; target: string; masked?: boolean; vendor: boolean }, masked: boolean): void => {
    // An empty file masks, but not while an editor holds text for it (a drop-in a quick fix has just created).
    const open = f.target === '/dev/null' ? undefined : (override(resolve(f.path)) ?? override(resolve(f.target)));
    const o = masked && !open?.trim() ? undefined : open;
    if (o !== undefined) {
      sources.push({ path: f.path, text: o, vendor: f.vendor });
      return;
    }
    const r = readHierarchyFileResult(fs, f as Parameters<typeof readHierarchyFileResult>[1]);
    if (r.ok) sources.push({ path: masked ? f.path : f.target, text: r.text, vendor: f.vendor });
  };
  const self = selfPath ? resolve(selfPath) : undefined;
  const inHierarchy =
    !self ||
    (h.fragment && (resolve(h.fragment.path) === self || resolve(h.fragment.target) === self)) ||
    h.dropIns.some((d) => resolve(d.path) === self || resolve(d.target) === self);
  if (!inHierarchy && self) {
    const t = override(self);
    if (t !== undefined && !/\.d\/[^/]+\.conf$/.test(self)) sources.push({ path: self, text: t, vendor: false });
  }
  if (h.fragment && !h.masked && (inHierarchy || !self || /\.d\/[^/]+\.conf$/.test(self))) read(h.fragment, false);
  for (const d of h.dropIns) read(d, !!d.masked);
  if (!inHierarchy && self && /\.d\/[^/]+\.conf$/.test(self)) {
    const t = override(self);
    if (t !== undefined) sources.push({ path: self, text: t, vendor: false });
  }
  return sources;
}

export interface RenderOptions {
  /** The name shown in the summary line (default: the score's unit). */
  readonly name?: string;
}

const GLYPH: Record<string, string> = {
  PERFECT: '😀',
  SAFE: '🙂',
  OK: '🙂',
  MEDIUM: '😐',
  EXPOSED: '🙁',
  UNSAFE: '😨',
  DANGEROUS: '😨',
};

/** The checks in the order the table shows them: largest share first, then bad, good, not applicable. */
export function sortedChecks(score: SecurityScore): CheckResult[] {
  const rank = (c: CheckResult): number => (c.set === null ? 2 : c.set ? 1 : 0);
  return [...score.checks].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      b.exposureTenths - a.exposureTenths ||
      b.points - a.points ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** systemd-analyze's table: ✓/✗, NAME, DESCRIPTION, EXPOSURE, then the overall line. */
export function renderSecurityTable(score: SecurityScore, opts: RenderOptions = {}): string {
  const rows = sortedChecks(score);
  const w1 = Math.max(4, ...rows.map((r) => r.id.length));
  const w2 = Math.max(11, ...rows.map((r) => r.description.length));
  const out = [`  ${'NAME'.padEnd(w1)} ${'DESCRIPTION'.padEnd(w2)} EXPOSURE`];
  for (const r of rows) {
    const mark = r.set === null ? ' ' : r.set ? '✓' : '✗';
    out.push(`${mark} ${r.id.padEnd(w1)} ${r.description.padEnd(w2)} ${(r.exposure ?? '').padStart(8)}`.trimEnd());
  }
  out.push(
    '',
    `→ Overall exposure level for ${opts.name ?? score.unit}: ${score.exposure} ${score.label} ${GLYPH[score.label] ?? ''}`.trimEnd(),
  );
  return `${out.join('\n')}\n`;
}

/** One element of `systemd-units security --format json`. */
export function securityJson(
  score: SecurityScore,
  file: string,
): {
  file: string;
  unit: string;
  exposure: number;
  label: string;
  checks: { id: string; json_field: string; set: boolean | null; exposure: number | null; description: string }[];
} {
  return {
    file,
    unit: score.unit,
    exposure: score.exposureTenths / 10,
    label: score.label,
    checks: score.checks.map((c) => ({
      id: c.id,
      json_field: c.json_field,
      set: c.set,
      exposure: c.exposure === null ? null : c.exposureTenths / 10,
      description: c.description,
    })),
  };
}

export const tenthsText = formatTenths;

/** The code lens title: "exposure 8.4 EXPOSED". */
export function securityLensTitle(score: SecurityScore): string {
  return `exposure ${score.exposure} ${score.label}`;
}

/** Hover markdown for a [Service] header: the score and the checks that cost the most, each with its share. */
export function securityHoverMarkdown(score: SecurityScore, top = 8): string {
  const worst = sortedChecks(score)
    .filter((c) => c.set === false)
    .slice(0, top);
  // A '|' in a cell (CAP_SET(UID|GID|PCAP)) would end it, also inside a code span: GFM wants it escaped.
  const cell = (t: string): string => t.replace(/\|/g, '\\|');
  const rows = worst.map((c) => `| \`${cell(c.id)}\` | ${cell(c.description)} | ${c.exposure ?? ''} |`);
  return [
    `**Exposure ${score.exposure} ${score.label}** (systemd-analyze security, systemd ${score.version}; 0.0 is the most sandboxed)`,
    '',
    '| check | what it means | share |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
}
