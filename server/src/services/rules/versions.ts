/** Stage 2: directives newer than the target systemd version. */
import type { Rule } from './types.js';

export const versionsRule: Rule = {
  stage: 2,
  name: 'versions',
  codes: ['newer-than-target'],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      const info = e.info;
      if (!info || info.since <= ctx.targetVersion) continue;
      // Debian's 252 carries a backport the upstream tag lacks (directives.md: in_v252 column).
      if (ctx.targetVersion === 252 && info.inV252) continue;
      ctx.report(
        {
          start: e.node.keySpan.start,
          end: e.node.keySpan.end,
          code: 'newer-than-target',
          message: `${info.name}= was added in systemd ${info.since}; systemd ${ctx.targetVersion} (the target version) does not know it and ignores the line.`,
        },
        e,
      );
    }
  },
};
