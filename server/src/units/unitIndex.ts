/**
 * Where units live: the workspace folders (any folder holding unit files, searched to a bounded depth), extra
 * folders from settings, and the system's unit folders. Used by completion (unit names) and go to definition.
 * File system reads are cached for a few seconds and bounded, so a huge workspace cannot stall a request.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileKindOf } from './fileKind.js';
import { checkFileSafe, hostSystemdFolders, isInsideRoots } from './safeRead.js';
import { systemSearchPaths, userSearchPaths } from './searchPaths.js';
import { BoundedCache } from '../util/cache.js';

const MAX_FILES = 20000;
const MAX_DEPTH = 8;
const TTL_MS = 5000;

export class UnitIndex {
  private workspace: string[] = [];
  private extra: string[] = [];
  /** The scan, under the one cache policy (util/cache.ts): a few seconds, and cleared when files change. */
  private readonly cached = new BoundedCache<'scan', Map<string, string[]>>({ max: 1, ttlMs: TTL_MS });

  constructor(
    private readonly systemDirs: string[] = [...systemSearchPaths(), ...userSearchPaths()].map((p) => p.dir),
  ) {}

  setRoots(workspace: string[], extra: string[]): void {
    this.workspace = workspace;
    this.extra = extra;
    this.cached.clear();
  }

  /** unit name -> files defining it, workspace first, then settings folders, then system folders in precedence order. */
  private scan(): Map<string, string[]> {
    return this.cached.get('scan', () => this.scanNow());
  }

  private scanNow(): Map<string, string[]> {
    const units = new Map<string, string[]>();
    let budget = MAX_FILES;
    const add = (name: string, path: string): void => {
      const l = units.get(name);
      if (l) {
        if (!l.includes(path)) l.push(path);
      } else units.set(name, [path]);
    };
    const walk = (dir: string, depth: number): void => {
      if (budget <= 0 || depth > MAX_DEPTH) return;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (--budget <= 0) return;
        if (e.name === 'node_modules' || e.name === '.git') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (!e.name.endsWith('.d') && !e.name.endsWith('.wants') && !e.name.endsWith('.requires')) walk(p, depth + 1);
          continue;
        }
        const k = fileKindOf(p);
        if (k.kind === 'unit') add(k.unitName, p);
      }
    };
    for (const w of this.workspace) walk(w, 0);
    for (const x of this.extra) walk(x, 0);
    for (const d of this.systemDirs) {
      let names: string[];
      try {
        names = readdirSync(d);
      } catch {
        continue;
      }
      for (const n of names) {
        const p = join(d, n);
        const k = fileKindOf(p);
        if (k.kind === 'unit') add(k.unitName, p);
      }
    }
    return units;
  }

  private readonly sortedNames = new WeakMap<Map<string, string[]>, string[]>();

  /** Every unit name, sorted (computed once per scan). */
  unitNames(): string[] {
    const units = this.scan();
    let names = this.sortedNames.get(units);
    if (!names) this.sortedNames.set(units, (names = [...units.keys()].sort()));
    return names;
  }

  /** The files that define a unit as the scan found them, without the safety checks of `find` (no file access). */
  candidates(name: string): readonly string[] {
    return this.scan().get(name) ?? [];
  }

  /** Files that define a unit, best first; an instance falls back to its template (foo@bar.service -> foo@.service). */
  find(name: string): string[] {
    const units = this.scan();
    const direct = units.get(name) ?? [];
    const at = name.indexOf('@');
    const dot = name.lastIndexOf('.');
    const template = at > 0 && dot > at + 1 ? `${name.slice(0, at + 1)}${name.slice(dot)}` : undefined;
    const viaTemplate = template ? (units.get(template) ?? []) : [];
    return [...direct, ...viaTemplate].filter((p) => this.mayOpen(p));
  }

  /**
   * Only regular files that are not too large are offered (a FIFO or /dev/zero would freeze the editor that opens
   * it), and a workspace file only when its real path stays in the workspace, the settings folders or the host's
   * systemd folders. The system's own unit folders may link anywhere.
   */
  private mayOpen(p: string): boolean {
    const inSystem = isInsideRoots(
      resolve(p),
      this.systemDirs.map((d) => resolve(d)),
    );
    const allowedRoots = inSystem
      ? undefined
      : [...this.workspace, ...this.extra, ...this.systemDirs, ...hostSystemdFolders()];
    return checkFileSafe(p, { allowedRoots }).ok;
  }

  static uriOf(path: string): string {
    return pathToFileURL(path).href;
  }
}
