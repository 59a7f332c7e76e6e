/**
 * One view of the world for a unit path: which root's hierarchy it belongs to. Inside a workspace folder that
 * mirrors a root (`/repo/etc/systemd/system/…`, `/repo/usr/lib/systemd/system/…`) the workspace's folders come
 * first and the host's (`/`) are used only when the workspace has no file for the unit. Used by the drop-in checks,
 * the hover origins, Show Effective Unit and the CLI alike.
 */
import { unitPathRoot, type Scope } from './searchPaths.js';
import { isVendorPath } from './hierarchy.js';

export interface UnitWorld {
  /** The root the path lives under ('/' for the live system). */
  readonly root: string;
  readonly scope: Scope;
  /** Roots to look a unit up in, in order: the first that has any file for the unit wins. */
  readonly roots: readonly string[];
  /** True when the path sits in a workspace mirror of a root rather than the live system. */
  readonly mirrored: boolean;
}

export function unitWorldOf(path: string): UnitWorld {
  const where = unitPathRoot(path);
  const root = where?.root ?? '/';
  const mirrored = root !== '/';
  return { root, scope: where?.scope ?? 'system', roots: mirrored ? [root, '/'] : ['/'], mirrored };
}

/**
 * False for drop-in folders that apply to many units: type-level (`service.d/`) and prefix (`foo-.service.d/`)
 * folders. A template's folder (`foo@.service.d/`) applies to the template's instances, which share one fragment.
 */
export function appliesToOneUnit(unitName: string, unitType: string): boolean {
  return !/^[a-z]+$/.test(unitName) && !unitName.endsWith(`-.${unitType}`);
}

/**
 * A unit file shipped by a package: in a vendor unit folder (/usr/lib/systemd, /lib/systemd, /usr/local/lib/systemd,
 * /usr/share/systemd…) of the live system or of a workspace mirror of a root. Edit it through drop-ins.
 */
export function isVendorUnitFile(path: string): boolean {
  const w = unitWorldOf(path);
  return unitPathRoot(path) !== undefined && isVendorPath(path, [w.root]);
}
