/**
 * Stage 4: slice units systemd refuses by name (slice_name_is_valid() in src/basic/unit-name.c, slice_verify()):
 * `-.slice`, or a plain name (no '@': slices cannot be templates) whose part before ".slice" neither starts nor
 * ends with '-' and has no "--". The dashes name the parent slices (a-b.slice sits in a.slice). Checked against
 * systemd 252's `systemd-analyze verify`.
 */
import type { Rule } from './types.js';
import { unitViewOf } from './unitView.js';

export function sliceNameProblem(name: string): string | undefined {
  if (name === '-.slice') return undefined;
  const stem = name.replace(/\.slice$/, '');
  if (stem.includes('@')) return 'slices cannot be templates or instances';
  if (stem.startsWith('-')) return "it starts with '-'";
  if (stem.endsWith('-')) return "it ends with '-'";
  if (stem.includes('--')) return "it contains '--'";
  return undefined;
}

export const sliceRule: Rule = {
  stage: 4,
  name: 'slice',
  codes: ['slice-invalid-name'],
  run(ctx) {
    const view = unitViewOf(ctx, 'slice');
    if (!view) return;
    const problem = sliceNameProblem(view.unitName);
    if (!problem) return;
    ctx.report({
      ...view.anchor,
      code: 'slice-invalid-name',
      message: `${view.unitName} is not a valid slice name: ${problem}. The dashes in a slice name name its parents (a-b.slice sits in a.slice); systemd cannot load this unit.`,
    });
  },
};
