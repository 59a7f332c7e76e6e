/**
 * The unit files around a file on disk (same folder and its *.d/ drop-in folders), analysed and cached by
 * modification time, for cross-file checks. Bounded: at most MAX_FILES files per folder.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileKindOf } from './fileKind.js';
import { hostSystemdFolders, isInsideRoots, readTextFileSafe } from './safeRead.js';
import { unitPathRoot } from './searchPaths.js';
import { BoundedCache } from '../util/cache.js';

/** A unit file next to another, turned into whatever the caller needs (the language service analyses it). */
export interface SiblingUnit<T> {
  readonly path: string;
  readonly unit: T;
}
export type SiblingLoader<T> = (path: string, text: string) => T;

const MAX_FILES = 500;
/** Siblings are only context for checks: larger files are left out. */
const MAX_SIBLING_BYTES = 1024 * 1024;
/** Per file: its analysis, recomputed when the file's modification time changes (util/cache.ts policy). */
const cache = new BoundedCache<string, { mtimeMs: number; loader: unknown; unit: unknown }>({
  max: 5000,
  ttlMs: Infinity,
});

function load<T>(
  path: string,
  loader: SiblingLoader<T>,
  allowedRoots: readonly string[] | undefined,
): SiblingUnit<T> | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > MAX_SIBLING_BYTES) return undefined;
    const hit = cache.peek(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.loader === loader) return { path, unit: hit.unit as T };
    // Regular files only, never more than the cap, never through a symlink out of the workspace (safeRead.ts).
    const r = readTextFileSafe(path, { maxBytes: MAX_SIBLING_BYTES, allowedRoots });
    if (!r.ok) return undefined;
    const unit = loader(path, r.text);
    cache.set(path, { mtimeMs: st.mtimeMs, loader, unit });
    return { path, unit };
  } catch {
    return undefined;
  }
}

/** Folder listings, kept for a few seconds: validation runs on every keystroke. */
const LISTING_TTL_MS = 3000;
const listings = new BoundedCache<string, string[]>({ max: 200, ttlMs: LISTING_TTL_MS });

function list(dir: string): string[] {
  return listings.get(dir, () => {
    try {
      return readdirSync(dir);
    } catch {
      return []; /* not a folder */
    }
  });
}

const units = new BoundedCache<string, { loader: unknown; units: SiblingUnit<unknown>[] }>({
  max: 50,
  ttlMs: LISTING_TTL_MS,
});

/**
 * Where the files of `dir` may lead through symlinks: anywhere for the host's own systemd folders; otherwise the
 * workspace (the mirrored root holding `dir`, or `dir` itself, and `readRoots`) and the host's systemd folders.
 */
function allowedRootsFor(dir: string, readRoots: readonly string[] = []): readonly string[] | undefined {
  const abs = resolve(dir);
  const host = hostSystemdFolders();
  if (isInsideRoots(abs, host)) return undefined;
  const mirror = unitPathRoot(`${abs}/`);
  return [mirror && mirror.root !== '/' ? mirror.root : abs, ...readRoots.map((r) => resolve(r)), ...host];
}

/**
 * The unit files and drop-ins in `dir`, each passed once per modification time through `loader`. FIFOs, devices,
 * kernel files, files over MAX_SIBLING_BYTES and symlinks out of the workspace are left out; `opts.readRoots`
 * names further folders (the workspace folders) that symlinks may lead into.
 */
export function siblingUnits<T>(
  dir: string,
  loader: SiblingLoader<T>,
  opts: { readonly readRoots?: readonly string[] } = {},
): SiblingUnit<T>[] {
  const hit = units.peek(dir);
  if (hit && hit.loader === loader) return hit.units as SiblingUnit<T>[];
  const out = scan(dir, loader, allowedRootsFor(dir, opts.readRoots));
  units.set(dir, { loader, units: out });
  return out;
}

function scan<T>(dir: string, loader: SiblingLoader<T>, allowedRoots: readonly string[] | undefined): SiblingUnit<T>[] {
  const out: SiblingUnit<T>[] = [];
  const names = list(dir);
  for (const n of names.slice(0, MAX_FILES)) {
    const p = join(dir, n);
    if (n.endsWith('.d')) {
      const inner = list(p)
        .filter((x) => x.endsWith('.conf'))
        .slice(0, 50);
      for (const i of inner) {
        const u = load(join(p, i), loader, allowedRoots);
        if (u) out.push(u);
      }
      continue;
    }
    if (fileKindOf(p).kind === 'unit') {
      const u = load(p, loader, allowedRoots);
      if (u) out.push(u);
    }
  }
  return out;
}
