/** Stage 3: User=nobody / Group=nogroup, which systemd warns about. */
import type { Rule } from './types.js';

export const userNobodyRule: Rule = {
  stage: 3,
  name: 'user-nobody',
  codes: ['user-nobody'],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      if (!e.info || !ctx.isClean(e)) continue;
      if (!['User', 'Group'].includes(e.info.name) || e.info.section === 'Manager') continue;
      const v = e.node.value;
      if (v === 'nobody' || v === 'nogroup' || v === '65534') {
        ctx.report({
          start: e.node.valueSpan.start, end: e.node.valueSpan.end, code: 'user-nobody',
          message: `${e.info.name}=${v}: the nobody identity owns files and processes of other services too, so this service is not isolated from them (systemd warns about it). Use DynamicUser=yes or a dedicated system user.`,
        }, e);
      }
    }
  },
};
