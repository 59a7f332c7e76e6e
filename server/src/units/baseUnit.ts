/**
 * The unit a drop-in applies to, for the checks that need it. Found through the same roots as hover origins and Show
 * Effective Unit (findUnitHierarchyInRoots): inside a workspace that mirrors a root the workspace's unit, the host's
 * only when the workspace has none; the drop-in's own folder is searched first.
 * The base is the unit file plus the drop-ins systemd applies before this one (by file name).
 */
import { basename, dirname } from 'node:path';
import { findUnitHierarchyInRoots, readHierarchyFile, realFs, type HierarchyFs } from './hierarchy.js';
import { mergeUnit, type EffectiveUnit, type SourceFile } from './effective.js';
import { unitPathRoot, type Scope } from './searchPaths.js';
import { appliesToOneUnit, unitWorldOf } from './unitWorld.js';

export interface BaseUnitView {
  readonly unitName: string;
  /** The unit file was found. */
  readonly found: boolean;
  /** The drop-in sits in one of systemd's unit folders, so a missing unit really means it applies to nothing. */
  readonly inSearchPath: boolean;
  /** Unit file + the drop-ins applied before this one. */
  readonly effective: EffectiveUnit | undefined;
  readonly fragmentPath: string | undefined;
}

export interface BaseUnitOptions {
  /**
   * Roots in order (the facade passes the document's world: a workspace that mirrors `/`, then `/`). The first
   * root that has the unit provides it (findUnitHierarchyInRoots), as for hover origins and Show Effective Unit.
   * Default: unitWorldOf(dropInPath).roots.
   */
  readonly roots?: readonly string[];
  /** Default: from the path (…/systemd/user/… is the user manager), else system. */
  readonly scope?: Scope;
  /** Workspace folders: files may lead into them through symlinks (HierarchyOptions.readRoots). */
  readonly readRoots?: readonly string[];
  readonly fs?: HierarchyFs;
}

/**
 * The unit a drop-in applies to, and what it looks like before this drop-in. `opts` may still be a bare file
 * system (the former signature); pass the options with `roots`.
 */
export function baseUnitOf(
  dropInPath: string,
  unitName: string,
  opts: BaseUnitOptions | HierarchyFs = {},
): BaseUnitView | undefined {
  const o: BaseUnitOptions = 'lstat' in opts ? { fs: opts as HierarchyFs } : (opts as BaseUnitOptions);
  const fs = o.fs ?? realFs;
  // Type-level (service.d) and prefix (foo-.service.d) drop-ins apply to many units: no single base.
  if (!appliesToOneUnit(unitName, unitName.slice(unitName.lastIndexOf('.') + 1))) return undefined;
  // In a unit folder only when the drop-in folder sits directly in one (…/systemd/system/foo.service.d/x.conf).
  const m = /\/systemd\/(?:system|user)\/[^/]+\.d\/[^/]+$/.test(dropInPath) ? unitPathRoot(dropInPath) : undefined;
  const h = findUnitHierarchyInRoots(unitName, {
    roots: o.roots ?? unitWorldOf(dropInPath).roots,
    scope: o.scope ?? m?.scope ?? 'system',
    fs,
    // The drop-in's own folder is searched first (a folder of units that does not mirror a root).
    unitDirs: [dirname(dirname(dropInPath))],
    readRoots: o.readRoots,
  });
  if (!h.fragment || h.masked) {
    return { unitName, found: !!h.fragment, inSearchPath: !!m, effective: undefined, fragmentPath: h.fragment?.path };
  }
  const mine = basename(dropInPath);
  const sources: SourceFile[] = [
    { path: h.fragment.path, text: readHierarchyFile(fs, h.fragment) ?? '', vendor: h.fragment.vendor },
  ];
  for (const d of h.dropIns) {
    if (d.path === dropInPath || d.name >= mine) continue;
    sources.push({ path: d.path, text: d.masked ? '' : (readHierarchyFile(fs, d) ?? ''), vendor: d.vendor });
  }
  return { unitName, found: true, inSearchPath: !!m, effective: mergeUnit(sources), fragmentPath: h.fragment.path };
}
