/**
 * The unit a drop-in applies to, for the checks that need it: found through the unit search paths of the root the
 * drop-in lives under (a real root or a workspace folder that mirrors one), or next to the drop-in folder.
 * The base is the unit file plus the drop-ins systemd applies before this one (by file name).
 */
import { basename, dirname } from 'node:path';
import { findUnitHierarchy, readHierarchyFile, realFs, type HierarchyFs } from './hierarchy.js';
import { mergeUnit, type EffectiveUnit, type SourceFile } from './effective.js';
import { unitPathRoot } from './searchPaths.js';
import { appliesToOneUnit } from './unitWorld.js';

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


export function baseUnitOf(dropInPath: string, unitName: string, fs: HierarchyFs = realFs): BaseUnitView | undefined {
  // Type-level (service.d) and prefix (foo-.service.d) drop-ins apply to many units: no single base.
  if (!appliesToOneUnit(unitName, unitName.slice(unitName.lastIndexOf('.') + 1))) return undefined;
  // In a unit folder only when the drop-in folder sits directly in one (…/systemd/system/foo.service.d/x.conf).
  const m = /\/systemd\/(?:system|user)\/[^/]+\.d\/[^/]+$/.test(dropInPath) ? unitPathRoot(dropInPath) : undefined;
  const root = m?.root ?? '/';
  const h = findUnitHierarchy(unitName, {
    root, scope: m?.scope ?? 'system', fs,
    unitDirs: [dirname(dirname(dropInPath))],
    extraRoots: root === '/' ? [] : ['/'],
  });
  if (!h.fragment || h.masked) {
    return { unitName, found: !!h.fragment, inSearchPath: !!m, effective: undefined, fragmentPath: h.fragment?.path };
  }
  const mine = basename(dropInPath);
  const sources: SourceFile[] = [{ path: h.fragment.path, text: readHierarchyFile(fs, h.fragment) ?? '', vendor: h.fragment.vendor }];
  for (const d of h.dropIns) {
    if (d.path === dropInPath || d.name >= mine) continue;
    sources.push({ path: d.path, text: d.masked ? '' : readHierarchyFile(fs, d) ?? '', vendor: d.vendor });
  }
  return { unitName, found: true, inSearchPath: !!m, effective: mergeUnit(sources), fragmentPath: h.fragment.path };
}
