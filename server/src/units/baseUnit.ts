/**
 * The unit a drop-in applies to, for the checks that need it: found through the unit search paths of the root the
 * drop-in lives under (a real root or a workspace folder that mirrors one), or next to the drop-in folder.
 * The base is the unit file plus the drop-ins systemd applies before this one (by file name).
 */
import { basename, dirname } from 'node:path';
import { findUnitHierarchy, readHierarchyFile, realFs, type HierarchyFs } from './hierarchy.js';
import { mergeUnit, type EffectiveUnit, type SourceFile } from './effective.js';

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

const SEARCH_DIR = /^(.*?)\/(?:etc|run|usr\/local\/lib|usr\/lib|lib)\/systemd\/(system|user)\/[^/]+\.d\/[^/]+$/;

export function baseUnitOf(dropInPath: string, unitName: string, fs: HierarchyFs = realFs): BaseUnitView | undefined {
  // Type-level (service.d) and prefix (foo-.service.d) drop-ins apply to many units: no single base.
  if (/^[a-z]+$/.test(unitName) || /-\.[a-z]+$/.test(unitName)) return undefined;
  const m = SEARCH_DIR.exec(dropInPath);
  const root = m ? m[1] || '/' : '/';
  const h = findUnitHierarchy(unitName, {
    root, scope: m?.[2] === 'user' ? 'user' : 'system', fs,
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
