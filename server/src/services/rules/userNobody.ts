/**
 * Stage 3: User=nobody, which systemd warns about ("Special user nobody configured, this is not safe!",
 * config_parse_user_group_compat() in src/core/load-fragment.c). Only the user name: systemd 252 says nothing for
 * User=65534, Group=nobody or Group=nogroup (checked with systemd-analyze verify).
 */
import type { Rule } from './types.js';

export const userNobodyRule: Rule = {
  stage: 3,
  name: 'user-nobody',
  codes: ['user-nobody'],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      if (!e.info || !ctx.isClean(e)) continue;
      if (e.info.name !== 'User' || e.info.section === 'Manager') continue;
      const v = e.node.value;
      if (v === 'nobody') {
        ctx.report(
          {
            start: e.node.valueSpan.start,
            end: e.node.valueSpan.end,
            code: 'user-nobody',
            message: `${e.info.name}=${v}: the nobody identity owns files and processes of other services too, so this service is not isolated from them (systemd warns about it). Use DynamicUser=yes or a dedicated system user.`,
          },
          e,
        );
      }
    }
  },
};
