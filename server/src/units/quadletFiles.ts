/**
 * The Podman Quadlet files around a Quadlet file, for its cross-file checks (Pod=foo.pod, Network=foo.network…) and
 * features: what podman's generator would see (files.md §4.2). For a file under `…/containers/systemd/`, the
 * search folders of the same root (`run/`, `etc/`, `usr/share/containers/systemd/`, and `~/.config/…` for a user's
 * file) and their subfolders; elsewhere (a workspace folder of Quadlet files), the file's own folder and its
 * subfolders. Folders ending in `.d` are drop-ins, not searched for main files (as podman). Bounded and cached by
 * modification time; reads go through safeRead.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileKindOf } from './fileKind.js';
import { readTextFileSafe } from './safeRead.js';
import { BoundedCache } from '../util/cache.js';
import type { SiblingLoader, SiblingUnit } from './siblings.js';

const MAX_FILES = 500;
const MAX_DEPTH = 6;
const MAX_BYTES = 1024 * 1024;

/** Where podman looks for Quadlet files, as folders to walk (highest precedence first). */
export function quadletSearchFolders(path: string): string[] {
  const norm = path.split('\\').join('/');
  const i = norm.lastIndexOf('/containers/systemd/');
  if (i < 0) return [dirname(norm)];
  const prefix = norm.slice(0, i);
  const tree = `${prefix}/containers/systemd`;
  // /etc, /usr/share or /run (or a workspace mirror of them): the system generator's three folders.
  const sys = /^(.*?)\/(etc|usr\/share|run)$/.exec(prefix);
  if (sys) {
    const root = sys[1]!;
    const rest = norm.slice(i + '/containers/systemd/'.length);
    const users = sys[2] === 'etc' && rest.startsWith('users/');
    const out = [
      `${root}/run/containers/systemd`,
      `${root}/etc/containers/systemd`,
      `${root}/usr/share/containers/systemd`,
    ];
    return users ? [tree, ...out.slice(0, 2)] : out;
  }
  // A user's own folder: the user generator also reads /etc/containers/systemd/users/ (of the same root).
  const home = /^(.*?)\/(?:home\/[^/]+|root)\/\.config$/.exec(prefix);
  if (home) return [tree, `${home[1]}/etc/containers/systemd/users`];
  return [tree];
}

/** 'system' for the system generator's folders, 'user' for a user's, undefined when the path does not say. */
export function quadletScopeOf(path: string): 'system' | 'user' | undefined {
  const norm = path.split('\\').join('/');
  if (/\/\.config\/containers\/systemd\//.test(norm) || /\/etc\/containers\/systemd\/users\//.test(norm)) return 'user';
  if (/\/(?:etc|usr\/share|run)\/containers\/systemd\//.test(norm)) return 'system';
  return undefined;
}

const listing = new BoundedCache<string, string[]>({ max: 200, ttlMs: 3000 });
const loaded = new BoundedCache<string, { mtimeMs: number; loader: unknown; unit: unknown }>({
  max: 2000,
  ttlMs: Infinity,
});

function walk(dir: string, depth: number, out: string[]): void {
  if (out.length >= MAX_FILES || depth > MAX_DEPTH) return;
  const names = listing.get(dir, () => {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  });
  for (const n of names) {
    if (out.length >= MAX_FILES) return;
    const p = join(dir, n);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (!n.endsWith('.d') && n !== 'node_modules' && n !== '.git') walk(p, depth + 1, out);
    } else if (st.isFile() && st.size <= MAX_BYTES) {
      const k = fileKindOf(p);
      if (k.kind === 'config' && k.dialect.startsWith('quadlet-') && !k.dropIn) out.push(p);
    }
  }
}

/** The Quadlet main files podman would see next to `path` (itself included when on disk), each through `loader`. */
export function quadletFilesAround<T>(
  path: string,
  loader: SiblingLoader<T>,
  opts: { readonly readRoots?: readonly string[] } = {},
): SiblingUnit<T>[] {
  const folders = quadletSearchFolders(path);
  const files: string[] = [];
  for (const f of folders) walk(f, 0, files);
  const out: SiblingUnit<T>[] = [];
  const seen = new Set<string>();
  for (const p of files) {
    if (seen.has(p)) continue;
    seen.add(p);
    try {
      const st = statSync(p);
      const hit = loaded.peek(p);
      if (hit && hit.mtimeMs === st.mtimeMs && hit.loader === loader) {
        out.push({ path: p, unit: hit.unit as T });
        continue;
      }
      const r = readTextFileSafe(p, { maxBytes: MAX_BYTES, allowedRoots: [...folders, ...(opts.readRoots ?? [])] });
      if (!r.ok) continue;
      const unit = loader(p, r.text);
      loaded.set(p, { mtimeMs: st.mtimeMs, loader, unit });
      out.push({ path: p, unit });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Generated-unit suffix per Quadlet type (files.md §4.1): foo.volume → foo-volume.service; .container/.kube: none. */
const UNIT_SUFFIX: Readonly<Record<string, string>> = {
  container: '',
  kube: '',
  volume: '-volume',
  network: '-network',
  image: '-image',
  build: '-build',
  pod: '-pod',
  artifact: '-artifact',
};

/**
 * The service podman generates for a Quadlet file name: `ServiceName=` when set (no suffix), else the name without
 * its extension plus the type's suffix, placed before the `@` of a template (foo@.volume → foo-volume@.service).
 */
export function quadletServiceName(fileName: string, serviceName?: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  const type = dot > 0 ? fileName.slice(dot + 1) : '';
  if (!(type in UNIT_SUFFIX)) return undefined;
  const base = fileName.slice(0, dot);
  if (serviceName) return `${serviceName}.service`;
  const at = base.indexOf('@');
  const suffix = UNIT_SUFFIX[type]!;
  return at >= 0 ? `${base.slice(0, at)}${suffix}${base.slice(at)}.service` : `${base}${suffix}.service`;
}
