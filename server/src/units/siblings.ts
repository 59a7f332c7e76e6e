/**
 * The unit files around a file on disk (same folder and its *.d/ drop-in folders), analysed and cached by
 * modification time, for cross-file checks. Bounded: at most MAX_FILES files per folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument } from '../languageService.js';
import type { WorkspaceUnit } from '../services/rules/types.js';
import { fileKindOf } from './fileKind.js';

const MAX_FILES = 500;
const cache = new Map<string, { mtimeMs: number; unit: WorkspaceUnit }>();

function load(path: string): WorkspaceUnit | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > 1024 * 1024) return undefined;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === st.mtimeMs) return hit.unit;
    const doc = createDocument(path, readFileSync(path, 'utf8'));
    const unit = { path, analysis: doc.analysis };
    cache.set(path, { mtimeMs: st.mtimeMs, unit });
    if (cache.size > 5000) cache.delete(cache.keys().next().value as string);
    return unit;
  } catch {
    return undefined;
  }
}

export function siblingUnits(dir: string): WorkspaceUnit[] {
  const out: WorkspaceUnit[] = [];
  let names: string[];
  try { names = readdirSync(dir); } catch { return out; }
  for (const n of names.slice(0, MAX_FILES)) {
    const p = join(dir, n);
    if (n.endsWith('.d')) {
      let inner: string[] = [];
      try { inner = readdirSync(p).filter((x) => x.endsWith('.conf')).slice(0, 50); } catch { /* not a folder */ }
      for (const i of inner) { const u = load(join(p, i)); if (u) out.push(u); }
      continue;
    }
    if (fileKindOf(p).kind === 'unit') { const u = load(p); if (u) out.push(u); }
  }
  return out;
}
