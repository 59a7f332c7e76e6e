/**
 * Stage 4: a .timer file systemd refuses as a whole (timer_verify() in src/core/timer.c): no trigger at all.
 * OnActiveSec=, OnBootSec=, OnStartupSec=, OnUnitActiveSec=, OnUnitInactiveSec= and OnCalendar= are one list (an
 * empty assignment to any of them clears them all); OnClockChange=yes or OnTimezoneChange=yes also count.
 * Checked against systemd 252's `systemd-analyze verify` ("Timer unit lacks value setting. Refusing.").
 */
import type { Rule } from './types.js';
import { unitViewOf } from './unitView.js';
import { parseBoolean } from '../../values/bool.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unitPathRoot } from '../../units/searchPaths.js';
import { unitSearchDirs } from '../../units/hierarchy.js';
import { spanIn } from './unitView.js';
import type { RuleContext } from './types.js';

/**
 * Is the unit (or its template) installed where the timer is: among the units next to it (same folder, or the
 * same unit search path), or, for a timer in a unit search path, in any folder of that path on disk?
 */
function unitInstalled(ctx: RuleContext, timerPath: string, names: readonly string[]): boolean {
  const root = unitPathRoot(timerPath);
  for (const u of ctx.options.workspace?.() ?? []) {
    const f = u.analysis.file;
    if (f.kind !== 'unit' || !names.includes(f.unitName)) continue;
    const r = unitPathRoot(u.path);
    if (dirname(u.path) === dirname(timerPath) || (root && r && root.root === r.root && root.scope === r.scope))
      return true;
  }
  if (!root) return false;
  const dirs = unitSearchDirs({ root: root.root, scope: root.scope, unitDirs: [dirname(timerPath)] });
  return dirs.some((d) => names.some((n) => existsSync(join(d.dir, n))));
}

export const TIMER_TRIGGERS = [
  'OnActiveSec',
  'OnBootSec',
  'OnStartupSec',
  'OnUnitActiveSec',
  'OnUnitInactiveSec',
  'OnCalendar',
] as const;

export const timerRule: Rule = {
  stage: 4,
  name: 'timer',
  codes: ['timer-missing-trigger', 'timer-unit-missing'],
  run(ctx) {
    const view = unitViewOf(ctx, 'timer');
    if (!view) return;
    // The unit it starts: Unit=, else the service of the same name (foo@.timer starts foo@.service).
    const unitEntry = view.first('Timer', 'Unit'); // the first valid Unit= wins
    const target = unitEntry?.node.value ?? view.unitName.replace(/\.timer$/, '.service');
    const timerPath = ctx.options.workspace?.().find((u) => u.analysis === ctx.analysis)?.path;
    if (timerPath && !target.includes('%')) {
      const at = target.indexOf('@');
      const dot = target.lastIndexOf('.');
      const names = at > 0 && dot > at + 1 ? [target, `${target.slice(0, at + 1)}${target.slice(dot)}`] : [target];
      if (!unitInstalled(ctx, timerPath, names)) {
        ctx.report({
          ...spanIn(ctx, unitEntry, view.anchor),
          code: 'timer-unit-missing',
          message: `This timer starts ${target}, which is not installed next to it (${dirname(timerPath)}${unitPathRoot(timerPath) ? ' or the rest of its unit search path' : ''}); systemd refuses to start the timer while ${target} is missing.`,
        });
      }
    }
    if (view.list('Timer', TIMER_TRIGGERS).length) return;
    const flag = (name: string): boolean => parseBoolean(view.last('Timer', name)?.node.value ?? '') === true;
    if (flag('OnClockChange') || flag('OnTimezoneChange')) return;
    ctx.report({
      ...view.anchor,
      code: 'timer-missing-trigger',
      message:
        'This timer has no trigger (OnCalendar=, OnBootSec=, OnUnitActiveSec=, … or OnClockChange=/OnTimezoneChange=yes); systemd refuses the unit.',
    });
  },
};
