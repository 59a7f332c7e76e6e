/** Stage 2: sections this file type does not have, and assignments before the first section. */
import type { Rule } from './types.js';
import { suggest } from '../../util/suggest.js';
import { dialectById } from '../../catalog/dialects.js';

export const sectionsRule: Rule = {
  stage: 2,
  name: 'sections',
  codes: ['assignment-outside-section', 'unknown-section'],
  run(ctx) {
    const { analysis } = ctx;
    const fileDesc = describeFile(analysis.file);
    for (const s of analysis.sections) {
      const header = s.section.header;
      if (s.status === 'none') {
        for (const e of analysis.entries) {
          if (e.section !== s) continue;
          ctx.report(
            {
              start: e.node.keySpan.start,
              end: e.node.valueSpan.end,
              code: 'assignment-outside-section',
              message: `'${e.node.key}=' comes before any section header; systemd ignores it. Put it under ${analysis.allowedSections.map((n) => `[${n}]`).join(', ') || 'a section'}.`,
            },
            e,
          );
        }
      } else if (s.status === 'unknown' && header) {
        const name = header.name;
        const suggestions = suggest(name, analysis.allowedSections);
        const known = analysis.dialect?.knownSections().includes(name) ?? false;
        const why = known ? `[${name}] is not a section of ${fileDesc}` : `Unknown section [${name}]`;
        const hint = suggestions.length
          ? ` Did you mean [${suggestions[0]}]?`
          : ` ${fileDesc[0]!.toUpperCase()}${fileDesc.slice(1)} takes ${analysis.allowedSections.map((n) => `[${n}]`).join(', ')}.`;
        ctx.report({
          start: header.nameSpan.start,
          end: header.nameSpan.end,
          code: 'unknown-section',
          message: `${why}; systemd ignores the whole section.${hint}`,
          data: suggestions.length ? { suggestions } : undefined,
        });
      }
    }
  },
};

function describeFile(file: import('../../units/fileKind.js').FileKind): string {
  switch (file.kind) {
    case 'unit':
      return `a .${file.unitType} unit`;
    case 'dropin':
      return `a drop-in of ${file.unitName}`;
    case 'manager':
      return file.dropIn ? `a ${file.scope}.conf drop-in` : `${file.scope}.conf`;
    case 'config': {
      const label = dialectById(file.dialect)?.label ?? file.name;
      return file.dropIn ? `a drop-in of ${file.name}` : label;
    }
    default:
      return 'this file';
  }
}
