/** Stage 2: deprecated, renamed, ignored and moved directives, with their replacement. */
import type { Rule } from './types.js';

export const statusRule: Rule = {
  stage: 2,
  name: 'status',
  codes: ['deprecated-directive', 'renamed-directive', 'ignored-directive', 'moved-directive'],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      const info = e.info;
      if (!info || info.status === 'active') continue;
      const span = e.node.keySpan;
      const repl = /^[A-Za-z0-9]+$/.test(info.replacement) ? info.replacement : '';
      const suggestions = repl ? [repl] : undefined;
      const use = repl ? ` Use ${repl}= instead.` : '';
      switch (info.status) {
        case 'renamed':
          ctx.report(
            {
              start: span.start,
              end: span.end,
              code: 'renamed-directive',
              message: `${info.name}= is the old name of ${repl ? `${repl}=` : (sectionedName(info.replacement) ?? 'another directive=')}; it still works, but the new name is clearer.`,
              data: { suggestions },
            },
            e,
          );
          break;
        case 'deprecated':
          ctx.report(
            {
              start: span.start,
              end: span.end,
              code: 'deprecated-directive',
              message: `${info.name}= is deprecated.${use || (info.name === 'PermissionsStartOnly' ? " Instead, prefix only the Exec lines that need full privileges with '+' (or '!')." : '')}`,
              data: { suggestions },
            },
            e,
          );
          break;
        case 'ignored':
          if (ctx.targetVersion < info.statusSince) {
            ctx.report(
              {
                start: span.start,
                end: span.end,
                code: 'deprecated-directive',
                message: `${info.name}= is deprecated and is ignored from systemd ${info.statusSince} on.${use}`,
                data: { suggestions },
              },
              e,
            );
          } else {
            ctx.report(
              {
                start: span.start,
                end: span.end,
                code: 'ignored-directive',
                message: `${info.name}= is no longer supported: systemd ${info.statusSince} and later accept it but ignore its value.${use}`,
                data: { suggestions },
              },
              e,
            );
          }
          break;
        case 'compat-moved':
          ctx.report(
            {
              start: span.start,
              end: span.end,
              code: 'moved-directive',
              message: `${info.name}= in [${info.section}] is only kept for compatibility; it belongs in [Unit].`,
              data: { targetSection: 'Unit' },
            },
            e,
          );
          break;
      }
    }
  },
};

/** A replacement in another section ("DHCPv4.UseDomains DHCPv6.UseDomains", the other dialects): "[DHCPv4] UseDomains=". */
function sectionedName(replacement: string): string | undefined {
  const names = replacement
    .split(/\s+/)
    .map((r) => /^([A-Za-z0-9-]+)\.([A-Za-z0-9]+)$/.exec(r))
    .filter((m): m is RegExpExecArray => !!m);
  return names.length ? names.map((m) => `[${m[1]}] ${m[2]}=`).join(' and ') : undefined;
}
