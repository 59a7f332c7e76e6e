/**
 * Stage 4: a .path file systemd refuses as a whole (path_verify() in src/core/path.c): nothing to watch.
 * PathExists=, PathExistsGlob=, PathChanged=, PathModified= and DirectoryNotEmpty= are one list (an empty
 * assignment to any of them clears them all). Checked against systemd 252's `systemd-analyze verify`
 * ("Path unit lacks path setting. Refusing.").
 */
import type { Rule } from './types.js';
import { unitViewOf } from './unitView.js';

const WATCHES = ['PathExists', 'PathExistsGlob', 'PathChanged', 'PathModified', 'DirectoryNotEmpty'] as const;

export const pathRule: Rule = {
  stage: 4,
  name: 'path',
  codes: ['path-missing-watch'],
  run(ctx) {
    const view = unitViewOf(ctx, 'path');
    if (!view || view.list('Path', WATCHES).length) return;
    ctx.report({
      ...view.anchor,
      code: 'path-missing-watch',
      message:
        'This path unit watches nothing (no PathExists=, PathExistsGlob=, PathChanged=, PathModified= or DirectoryNotEmpty=); systemd refuses the unit.',
    });
  },
};
