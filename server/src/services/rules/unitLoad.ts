/**
 * Stage 4: refusals that several unit types share, checked against systemd 252's `systemd-analyze verify`:
 *  - PAMName= with a KillMode= that would leave processes outside the PAM session: services need control-group
 *    or mixed (service_verify()), sockets, mounts and swaps control-group (socket_verify(), mount_verify(),
 *    swap_verify());
 *  - OnFailureJobMode=isolate with more than one OnFailure= unit, and the same for OnSuccess= (unit_validate_on_failure_job_mode()).
 */
import type { Rule } from './types.js';
import { spanIn, unitViewOf } from './unitView.js';
import { parseBoolean } from '../../values/bool.js';

const PAM_SECTIONS: Record<string, { section: string; modes: readonly string[] }> = {
  service: { section: 'Service', modes: ['control-group', 'mixed'] },
  socket: { section: 'Socket', modes: ['control-group'] },
  mount: { section: 'Mount', modes: ['control-group'] },
  swap: { section: 'Swap', modes: ['control-group'] },
};

export const unitLoadRule: Rule = {
  stage: 4,
  name: 'unit-load',
  codes: ['pam-kill-mode', 'on-failure-isolate'],
  run(ctx) {
    const type = ctx.analysis.unitType;
    if (!type) return;
    const view = unitViewOf(ctx, type);
    if (!view) return;
    const pam = PAM_SECTIONS[type];
    if (pam) {
      const name = view.last(pam.section, 'PAMName');
      const kill = view.last(pam.section, 'KillMode');
      if (name && kill && !pam.modes.includes(kill.node.value)) {
        ctx.report({
          ...spanIn(ctx, kill, spanIn(ctx, name, view.anchor)),
          code: 'pam-kill-mode',
          message: `With PAMName= set, KillMode= must be ${pam.modes.join(' or ')} for a ${type} unit, so that every process of the session is stopped; systemd refuses the unit.`,
        });
      }
    }
    // OnFailure= (and OnSuccess=, since 249) with the job mode isolate: only one unit can be isolated.
    for (const which of ['OnFailure', 'OnSuccess'] as const) {
      const mode = view.last('Unit', `${which}JobMode`);
      const isolateOld = which === 'OnFailure' ? view.last('Unit', 'OnFailureIsolate') : undefined;
      const isolate = mode ? mode.node.value === 'isolate' : parseBoolean(isolateOld?.node.value ?? '') === true;
      if (!isolate) continue;
      const units = new Set(view.list('Unit', which).flatMap((e) => e.node.value.split(/\s+/).filter(Boolean)));
      if (units.size > 1) {
        ctx.report({
          ...spanIn(ctx, mode ?? isolateOld, view.anchor),
          code: 'on-failure-isolate',
          message: `${which}JobMode=isolate can start only one unit, but ${which}= names ${units.size}; systemd refuses the unit.`,
        });
      }
    }
  },
};
