/**
 * The unit files around a file on disk (same folder and its *.d/ drop-in folders), analysed and cached by
 * modification time, for cross-file checks. Bounded: at most MAX_FILES files per folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileKindOf } from './fileKind.js';

/** A unit file next to another, turned into whatever the caller needs (the language service analyses it). */
export interface SiblingUnit<T> {
  readonly path: string;
  readonly unit: T;
}
export type SiblingLoader<T> = (path: string, text: string) => T;

const MAX_FILES = 500;
const cache = new Map<string, { mtimeMs: number; loader: unknown; unit: unknown }>();

function load<T>(path: string, loader: SiblingLoader<T>): SiblingUnit<T> | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > 1024 * 1024) return undefined;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.loader === loader) return { path, unit: hit.unit as T };
    const unit = loader(path, readFileSync(path, 'utf8'));
    cache.set(path, { mtimeMs: st.mtimeMs, loader, unit });
    if (cache.size > 5000) cache.delete(cache.keys().next().value as string);
    return { path, unit };
  } catch {
    return undefined;
  }
}

/** Folder listings, kept for a few seconds: validation runs on every keystroke. */
const listings = new Map<string, { at: number; names: string[] }>();
const LISTING_TTL_MS = 3000;

function list(dir: string): string[] {
  const hit = listings.get(dir);
  if (hit && Date.now() - hit.at < LISTING_TTL_MS) return hit.names;
  let names: string[] = [];
  try { names = readdirSync(dir); } catch { /* not a folder */ }
  listings.set(dir, { at: Date.now(), names });
  if (listings.size > 200) listings.delete(listings.keys().next().value as string);
  return names;
}

const units = new Map<string, { at: number; loader: unknown; units: SiblingUnit<unknown>[] }>();

/** The unit files and drop-ins in `dir`, each passed once per modification time through `loader`. */
export function siblingUnits<T>(dir: string, loader: SiblingLoader<T>): SiblingUnit<T>[] {
  const hit = units.get(dir);
  if (hit && hit.loader === loader && Date.now() - hit.at < LISTING_TTL_MS) return hit.units as SiblingUnit<T>[];
  const out = scan(dir, loader);
  units.set(dir, { at: Date.now(), loader, units: out });
  if (units.size > 50) units.delete(units.keys().next().value as string);
  return out;
}

function scan<T>(dir: string, loader: SiblingLoader<T>): SiblingUnit<T>[] {
  const out: SiblingUnit<T>[] = [];
  const names = list(dir);
  for (const n of names.slice(0, MAX_FILES)) {
    const p = join(dir, n);
    if (n.endsWith('.d')) {
      let inner: string[] = [];
      inner = list(p).filter((x) => x.endsWith('.conf')).slice(0, 50);
      for (const i of inner) { const u = load(join(p, i), loader); if (u) out.push(u); }
      continue;
    }
    if (fileKindOf(p).kind === 'unit') { const u = load(p, loader); if (u) out.push(u); }
  }
  return out;
}
