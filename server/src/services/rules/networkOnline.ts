/**
 * Stage 4: After=network-online.target without Wants= (or Requires=, BindsTo=, Requisite=) on it. After= only
 * orders: unless something pulls network-online.target in, the unit does not wait for the network at all
 * (systemd.special(7), "network-online.target"; systemd's own docs ask for both lines).
 */
import type { Rule } from './types.js';
import { unitViewOf } from './unitView.js';
import { valueSpanToDocument } from '../../parser/parser.js';

const TARGET = 'network-online.target';

export const networkOnlineRule: Rule = {
  stage: 4,
  name: 'network-online',
  codes: ['network-online-without-wants'],
  run(ctx) {
    const type = ctx.analysis.unitType;
    if (!type || type === 'target') return;
    const view = unitViewOf(ctx, type);
    if (!view) return;
    const words = (name: string): string[] => view.list('Unit', name).flatMap((e) => e.node.value.split(/\s+/));
    const after = ctx.analysis.entries.find(
      (e) => e.info?.section === 'Unit' && e.info.name === 'After' && e.node.value.split(/\s+/).includes(TARGET),
    );
    if (!after) return;
    if (['Wants', 'Requires', 'BindsTo', 'Requisite', 'Upholds'].some((n) => words(n).includes(TARGET))) return;
    const at = after.node.value.search(/(?:^|\s)network-online\.target(?:\s|$)/);
    const from = at + (/\s/.test(after.node.value[at] ?? '') ? 1 : 0);
    ctx.report(
      {
        ...valueSpanToDocument(after.node, from, from + TARGET.length),
        code: 'network-online-without-wants',
        message: `After=${TARGET} only orders this unit after the target; nothing here pulls the target in, so the unit may start before the network is up. Add Wants=${TARGET} too.`,
      },
      after,
    );
  },
};
