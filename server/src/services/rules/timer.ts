/**
 * Stage 4: a .timer file systemd refuses as a whole (timer_verify() in src/core/timer.c): no trigger at all.
 * OnActiveSec=, OnBootSec=, OnStartupSec=, OnUnitActiveSec=, OnUnitInactiveSec= and OnCalendar= are one list (an
 * empty assignment to any of them clears them all); OnClockChange=yes or OnTimezoneChange=yes also count.
 * Checked against systemd 252's `systemd-analyze verify` ("Timer unit lacks value setting. Refusing.").
 */
import type { Rule } from './types.js';
import { unitViewOf } from './unitView.js';
import { parseBoolean } from '../../values/bool.js';

export const TIMER_TRIGGERS = ['OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec', 'OnCalendar'] as const;

export const timerRule: Rule = {
  stage: 4,
  name: 'timer',
  codes: ['timer-missing-trigger'],
  run(ctx) {
    const view = unitViewOf(ctx, 'timer');
    if (!view) return;
    if (view.list('Timer', TIMER_TRIGGERS).length) return;
    const flag = (name: string): boolean => parseBoolean(view.last('Timer', name)?.node.value ?? '') === true;
    if (flag('OnClockChange') || flag('OnTimezoneChange')) return;
    ctx.report({
      ...view.anchor, code: 'timer-missing-trigger',
      message: 'This timer has no trigger (OnCalendar=, OnBootSec=, OnUnitActiveSec=, … or OnClockChange=/OnTimezoneChange=yes); systemd refuses the unit.',
    });
  },
};
