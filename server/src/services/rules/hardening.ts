/**
 * Stage 4: one hint per failing check of `systemd-analyze security` (the hardening-… family), on the line that sets
 * the directive in this file or else on the [Service] header. Runs only when the service gives it the score
 * (`options.security`, set when systemd.hardening.diagnostics is on): the effective unit, drop-ins included.
 */
import type { Rule } from './types.js';
import type { DiagnosticCode } from '../codes.js';
import { fixForCheck, hardeningCodeOf, HARDENING_CHECKS } from '../security/fixes.js';

export const hardeningRule: Rule = {
  stage: 4,
  name: 'hardening',
  codes: HARDENING_CHECKS.map((c) => c.code) as DiagnosticCode[],
  run(ctx) {
    if (!ctx.options.security || ctx.analysis.unitType !== 'service' || ctx.analysis.file.kind !== 'unit') return;
    const header = ctx.analysis.doc.sections.find((s) => s.name === 'Service' && s.header)?.header;
    if (!header) return;
    const score = ctx.options.security();
    if (!score) return;
    // The last [Service] line of each directive, found in one pass (not one pass per failing check).
    const lastLine = new Map<string, (typeof ctx.analysis.entries)[number]>();
    for (const e of ctx.analysis.entries) if (e.info?.section === 'Service') lastLine.set(e.node.key, e);
    for (const c of score.checks) {
      if (c.set !== false) continue;
      const fix = fixForCheck(c.id);
      const at = c.directive ? lastLine.get(c.directive) : undefined;
      const span = at ? at.node.keySpan : header.nameSpan;
      ctx.report({
        start: span.start,
        end: span.end,
        code: hardeningCodeOf(c.json_field),
        message: `Exposure check ${c.id}: ${c.description}${c.exposure ? ` (${c.exposure} of the ${score.exposure} exposure)` : ''}.${fix ? ` ${fix.directive}=${fix.value} would pass it.` : ''}`,
      });
    }
  },
};
