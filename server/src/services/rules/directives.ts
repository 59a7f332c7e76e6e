/** Stage 2: unknown directives (with did-you-mean), directives in the wrong section or unit type. */
import type { Rule } from './types.js';
import { directivesInSection, directivesNamed, directiveAllowedInType } from '../../catalog/catalog.js';
import { suggest } from '../../util/suggest.js';
import { BoundedCache } from '../../util/cache.js';

const candidateCache = new BoundedCache<string, string[]>({ max: 200, ttlMs: Infinity });
/** Directive names of a section for a unit type (for did-you-mean), computed once per pair. */
function candidatesFor(section: string, unitType: Parameters<typeof directiveAllowedInType>[1]): string[] {
  return candidateCache.get(`${section}\u0000${unitType ?? ''}`, () => directivesInSection(section).filter((d) => directiveAllowedInType(d, unitType)).map((d) => d.name));
}

const suggestMemo = new BoundedCache<string, string[]>({ max: 5000, ttlMs: Infinity });
/** Did-you-mean for a key, remembered: the same typo is looked up again on every edit of the file. */
function suggestCached(key: string, section: string, unitType: Parameters<typeof directiveAllowedInType>[1]): string[] {
  return suggestMemo.get(`${section}\u0000${unitType ?? ''}\u0000${key}`, () => suggest(key, candidatesFor(section, unitType)));
}

export const directivesRule: Rule = {
  stage: 2,
  name: 'directives',
  codes: ['unknown-directive', 'directive-wrong-section', 'directive-wrong-unit-type'],
  run(ctx) {
    const { analysis } = ctx;
    for (const e of analysis.entries) {
      if (e.section.status !== 'ok' || e.extension) continue;
      const section = e.section.section.name!;
      const key = e.node.key;
      const span = e.node.keySpan;
      if (e.info) {
        if (!directiveAllowedInType(e.info, analysis.unitType)) {
          const types = e.info.onlyTypes!.map((t) => `.${t}`).join(', ');
          const atEnable = e.info.restrictionWhen === 'enable';
          ctx.report({
            start: span.start, end: span.end, code: 'directive-wrong-unit-type',
            severity: atEnable ? 'warning' : 'error',
            message: atEnable
              ? `${key}= is only honoured for ${types} units; systemctl enable refuses it in a .${analysis.unitType} unit.`
              : `${key}= is not supported in .${analysis.unitType} units (only ${types}); systemd ignores it.`,
          }, e);
        }
        continue;
      }
      // Not in this section: does it belong to another section of this file type, or to another unit type?
      const elsewhere = directivesNamed(key);
      const sameFile = elsewhere.filter((d) => analysis.allowedSections.includes(d.section) && directiveAllowedInType(d, analysis.unitType));
      if (sameFile.length) {
        const target = sameFile[0]!.section;
        ctx.report({
          start: span.start, end: span.end, code: 'directive-wrong-section',
          message: `${key}= belongs in [${target}], not [${section}]; systemd ignores it here.`,
          data: { targetSection: target },
        }, e);
        continue;
      }
      if (elsewhere.length) {
        const where = [...new Set(elsewhere.map((d) => d.section))].map((s) => `[${s}]`).join(', ');
        const what = section === 'Manager' ? 'system.conf/user.conf' : `a .${analysis.unitType} unit`;
        ctx.report({
          start: span.start, end: span.end, code: 'directive-wrong-section',
          message: `${key}= is not valid in [${section}] of ${what}; it exists only in ${where}. systemd ignores it here.`,
        }, e);
        continue;
      }
      const suggestions = ctx.isFull?.() ? [] : suggestCached(key, section, analysis.unitType);
      ctx.report({
        start: span.start, end: span.end, code: 'unknown-directive',
        message: `Unknown directive '${key}' in [${section}]; systemd ignores it.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `'${s}='`).join(' or ')}?` : ''}`,
        data: suggestions.length ? { suggestions } : undefined,
      }, e);
    }
  },
};
