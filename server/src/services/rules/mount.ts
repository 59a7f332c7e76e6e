/**
 * Stage 4: mount, automount and swap units systemd refuses as a whole (mount_verify(), automount_verify() and
 * swap_verify() in src/core/), each checked against systemd 252's `systemd-analyze verify`:
 *  - the file name must be the escaped path (systemd-escape --path): Where= of a mount or automount, What= of a
 *    swap ("Where= setting doesn't match unit name. Refusing."); without that setting the path comes from the
 *    name, which must then unescape to a normalized absolute path (`mnt--x.mount` fails to load);
 *  - a mount needs What= (except the root mount, -.mount);
 *  - no mount unit for an API file system systemd mounts itself (/proc, /sys, /dev, /run, /run/host/…), and no
 *    automount for the root directory.
 */
import type { Rule, RuleContext } from './types.js';
import type { Entry } from '../model.js';
import { spanIn, unitViewOf, type UnitView } from './unitView.js';
import { simplifyPath, unitNameFromPath, unitNameToPath } from '../../values/unitPath.js';

/** mount_point_is_api() and mount_point_ignore() of systemd 252 (src/shared/mount-setup.c), as verify reports them. */
const API_MOUNTS = new Set([
  '/proc',
  '/sys',
  '/dev',
  '/sys/kernel/security',
  '/sys/fs/smackfs',
  '/dev/shm',
  '/dev/pts',
  '/run',
  '/run/lock',
  '/sys/fs/cgroup',
  '/sys/fs/pstore',
  '/sys/firmware/efi/efivars',
  '/sys/fs/bpf',
  '/sys/fs/selinux',
  '/dev/console',
  '/proc/kmsg',
  '/proc/sys',
  '/proc/sys/kernel/random/boot_id',
]);
export function isApiMountPoint(path: string): boolean {
  const p = simplifyPath(path);
  return API_MOUNTS.has(p) || p.startsWith('/sys/fs/cgroup/') || p === '/run/host' || p.startsWith('/run/host/');
}

/**
 * The path the unit stands for, reporting a mismatch between the setting and the file name. Undefined when
 * unknown (a specifier in the setting, an invalid path already flagged by the value checks).
 */
function pathOf(
  ctx: RuleContext,
  view: UnitView,
  e: Entry | undefined,
  type: string,
  setting: string,
): string | undefined {
  const name = view.unitName;
  if (e) {
    const value = e.node.value;
    if (value.includes('%') || !value.startsWith('/')) return undefined;
    const expected = unitNameFromPath(value, type);
    if (expected !== undefined && expected !== name) {
      ctx.report({
        ...spanIn(ctx, e, view.anchor),
        code: 'unit-name-path-mismatch',
        message: `${setting}=${value} belongs in a unit named ${expected}, not ${name}: the file name must be the escaped path (systemd-escape --path --suffix=${type} ${value}). systemd refuses the unit.`,
        data: { suggestions: [expected] },
      });
      return undefined;
    }
    return simplifyPath(value);
  }
  const derived = unitNameToPath(name);
  if (derived === undefined) {
    ctx.report({
      ...view.anchor,
      code: 'unit-name-path-mismatch',
      message: `The file name ${name} does not stand for a path (no empty, '.' or '..' components, no leading or trailing '-'; see systemd-escape --path), and ${setting}= is not set; systemd cannot load the unit.`,
    });
  }
  return derived;
}

export const mountRule: Rule = {
  stage: 4,
  name: 'mount',
  codes: ['unit-name-path-mismatch', 'mount-missing-what', 'mount-api-path'],
  run(ctx) {
    const type = ctx.analysis.unitType;
    if (type !== 'mount' && type !== 'automount' && type !== 'swap') return;
    const view = unitViewOf(ctx, type);
    if (!view || view.unitName.includes('@')) return;
    if (type === 'swap') {
      pathOf(ctx, view, view.last('Swap', 'What'), 'swap', 'What');
      return;
    }
    const section = type === 'mount' ? 'Mount' : 'Automount';
    const where = view.last(section, 'Where');
    const path = pathOf(ctx, view, where, type, 'Where');
    if (type === 'mount') {
      if (path !== undefined && isApiMountPoint(path)) {
        ctx.report({
          ...spanIn(ctx, where, view.anchor),
          code: 'mount-api-path',
          message: `${path} is an API file system that systemd mounts itself; systemd refuses a mount unit for it.`,
        });
      }
      if (!view.last('Mount', 'What') && view.unitName !== '-.mount') {
        ctx.report({
          ...view.anchor,
          code: 'mount-missing-what',
          message:
            'This mount unit has no What= (the device, file or remote share to mount); systemd refuses the unit.',
        });
      }
    } else if (path === '/') {
      ctx.report({
        ...spanIn(ctx, where, view.anchor),
        code: 'mount-api-path',
        message: 'An automount unit cannot be set up for the root directory; systemd refuses the unit.',
      });
    }
  },
};
