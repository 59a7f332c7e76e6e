/** Stage 2: unknown directives (with did-you-mean), directives in the wrong section or unit type. */
import type { Rule } from './types.js';
import type { Dialect } from '../../catalog/dialects.js';
import { suggest } from '../../util/suggest.js';
import { BoundedCache } from '../../util/cache.js';

const candidateCache = new BoundedCache<string, string[]>({ max: 200, ttlMs: Infinity });
/** Directive names of a section in a dialect (for did-you-mean), computed once per pair. */
function candidatesFor(dialect: Dialect, section: string): string[] {
  return candidateCache.get(`${dialect.id}\u0000${section}`, () =>
    dialect
      .directivesInSection(section)
      .filter((d) => dialect.allowedInFile(d))
      .map((d) => d.name),
  );
}

const suggestMemo = new BoundedCache<string, string[]>({ max: 5000, ttlMs: Infinity });
/** Did-you-mean for a key, remembered: the same typo is looked up again on every edit of the file. */
function suggestCached(key: string, section: string, dialect: Dialect): string[] {
  return suggestMemo.get(`${section}\u0000${dialect.id}\u0000${key}`, () =>
    suggest(key, candidatesFor(dialect, section)),
  );
}

export const directivesRule: Rule = {
  stage: 2,
  name: 'directives',
  codes: ['unknown-directive', 'directive-wrong-section', 'directive-wrong-unit-type'],
  run(ctx) {
    const { analysis } = ctx;
    const dialect = analysis.dialect;
    if (!dialect) return;
    for (const e of analysis.entries) {
      if (e.section.status !== 'ok' || e.extension) continue;
      const section = e.section.section.name ?? '';
      const key = e.node.key;
      // Podman Quadlet refuses the whole file over a key it does not know in its own sections (dialect.strict).
      const ignored = dialect.strict?.sections.includes(section)
        ? `${dialect.strict.refused} (podman does not ignore unknown keys here)`
        : 'systemd ignores it';
      const span = e.node.keySpan;
      if (e.info) {
        if (!dialect.allowedInFile(e.info)) {
          const types = e.info.onlyTypes!.map((t) => `.${t}`).join(', ');
          const atEnable = e.info.restrictionWhen === 'enable';
          ctx.report(
            {
              start: span.start,
              end: span.end,
              code: 'directive-wrong-unit-type',
              severity: atEnable ? 'warning' : 'error',
              message: atEnable
                ? `${key}= is only honoured for ${types} units; systemctl enable refuses it in a .${analysis.unitType} unit.`
                : `${key}= is not supported in .${analysis.unitType} units (only ${types}); systemd ignores it.`,
            },
            e,
          );
        }
        continue;
      }
      // Not in this section: does it belong to another section of this file type, or to another unit type?
      const elsewhere = dialect.directivesNamed(key);
      const sameFile = elsewhere.filter(
        (d) => analysis.allowedSections.includes(d.section) && dialect.allowedInFile(d),
      );
      if (sameFile.length) {
        const target = sameFile[0]!.section;
        ctx.report(
          {
            start: span.start,
            end: span.end,
            code: 'directive-wrong-section',
            message: `${key}= belongs in [${target}], not [${section}]; ${ignored === 'systemd ignores it' ? 'systemd ignores it here' : ignored}.`,
            data: { targetSection: target },
          },
          e,
        );
        continue;
      }
      if (elsewhere.length) {
        const where = [...new Set(elsewhere.map((d) => d.section))].map((s) => `[${s}]`).join(', ');
        const what = dialect.label;
        ctx.report(
          {
            start: span.start,
            end: span.end,
            code: 'directive-wrong-section',
            message: `${key}= is not valid in [${section}] of ${what}; it exists only in ${where}. ${ignored === 'systemd ignores it' ? 'systemd ignores it here' : ignored}.`,
          },
          e,
        );
        continue;
      }
      const suggestions = ctx.isFull?.() ? [] : suggestCached(key, section, dialect);
      ctx.report(
        {
          start: span.start,
          end: span.end,
          code: 'unknown-directive',
          message: `${section ? `Unknown directive '${key}' in [${section}]` : `Unknown setting '${key}' in ${dialect.label}`}; ${ignored}.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `'${s}='`).join(' or ')}?` : ''}`,
          data: suggestions.length ? { suggestions } : undefined,
        },
        e,
      );
    }
  },
};
