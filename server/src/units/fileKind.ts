/**
 * What kind of systemd file a path names, from the name alone (systemd.unit(5), systemd-system.conf(5)).
 */
import { UNIT_TYPES, sectionsForUnitType, type UnitType } from '../catalog/catalog.js';
import { MANAGER_DIALECT, generatedDialects, dialectById, unitDialect, type Dialect } from '../catalog/dialects.js';

export type FileKind =
  /** A unit file such as foo.service; unitName is its file name. */
  | { readonly kind: 'unit'; readonly unitType: UnitType; readonly unitName: string }
  /** A drop-in: foo.service.d/x.conf, foo@.service.d/, foo-.service.d/, service.d/; unitName is the folder name without ".d". */
  | { readonly kind: 'dropin'; readonly unitType: UnitType; readonly unitName: string }
  /** system.conf, user.conf and their .d drop-ins: only [Manager]. */
  | { readonly kind: 'manager'; readonly scope: 'system' | 'user'; readonly dropIn: boolean }
  /**
   * A file of another dialect (catalog/dialects.ts): journald.conf, foo.network, their drop-ins…; `dialect` is the
   * dialect's id, `name` the main file's name (for a drop-in: the folder name without ".d").
   */
  | { readonly kind: 'config'; readonly dialect: string; readonly name: string; readonly dropIn: boolean }
  /** Anything else (random .conf…): left alone. */
  | { readonly kind: 'other' };

const TYPE_SET = new Set<string>(UNIT_TYPES);

/**
 * The parts of a path. Only '/' separates them: a backslash belongs to the name (systemd escapes such as
 * `mnt-backup\x2ddrive.mount`). A Windows path (`C:\…`, `\\server\…`) is split at backslashes too.
 */
function partsOf(path: string): string[] {
  const windows = /^(?:[A-Za-z]:[\\/]|\\\\)/.test(path);
  return path.split(windows ? /[\\/]/ : '/');
}

function baseName(path: string): string {
  const parts = partsOf(path);
  return parts[parts.length - 1] ?? '';
}

function parentName(path: string): string {
  const parts = partsOf(path).filter((p, i, a) => p.length > 0 || i === a.length - 1);
  return parts.length >= 2 ? parts[parts.length - 2]! : '';
}

/** The unit type of a unit name such as foo.service, foo@.socket or the type-level "service". */
function typeOfUnitName(name: string): UnitType | undefined {
  if (TYPE_SET.has(name)) return name as UnitType;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const suffix = name.slice(dot + 1);
  return TYPE_SET.has(suffix) ? (suffix as UnitType) : undefined;
}

/**
 * `systemctl edit` writes to a temporary file next to the target, named ".#<name><16 hex digits>"
 * (e.g. foo.service.d/.#override.conf3a1b…, or /etc/systemd/system/.#foo.service3a1b… with --full); our own
 * writes use ".#<name>.systemd-units.<16 hex digits>" (safeWrite.ts).
 */
function stripEditTemp(name: string): string {
  const m = /^\.#(.+?)(?:\.systemd-units\.)?[0-9a-f]{16}$/.exec(name);
  return m ? m[1]! : name;
}

/**
 * What kind of file a path names. `text`, when given, lets the content decide between dialects that share a name
 * (a `.network` of networkd or of Podman Quadlet); without it the name and folders decide.
 */
export function fileKindOf(path: string, text?: string): FileKind {
  const name = stripEditTemp(baseName(path));
  const parent = parentName(path);
  if (name === 'system.conf' || name === 'user.conf') {
    return { kind: 'manager', scope: name === 'system.conf' ? 'system' : 'user', dropIn: false };
  }
  if (name.endsWith('.conf') && parent.endsWith('.d')) {
    const owner = parent.slice(0, -2);
    if (owner === 'system.conf' || owner === 'user.conf') {
      return { kind: 'manager', scope: owner === 'system.conf' ? 'system' : 'user', dropIn: true };
    }
    const t = typeOfUnitName(owner);
    if (t) return { kind: 'dropin', unitType: t, unitName: owner };
    // A drop-in of another dialect: the folder, without ".d", is recognised as that dialect's main file.
    const parts = partsOf(path);
    const ownerParts = [...parts.slice(0, -2), owner];
    const d = recogniseDialect(ownerParts, undefined) ?? typeDropInOwner(owner, parts.slice(0, -2));
    if (d?.recognition.dropIns) return { kind: 'config', dialect: d.id, name: owner, dropIn: true };
    // repart.d/*.conf: a main file that ends in .conf, inside a folder whose name ends in .d.
    const main = recogniseDialect(parts, text);
    return main ? { kind: 'config', dialect: main.id, name, dropIn: false } : { kind: 'other' };
  }
  const t = typeOfUnitName(name);
  if (t && name !== t) return { kind: 'unit', unitType: t, unitName: name };
  const d = recogniseDialect(partsOf(path), text);
  if (d) return { kind: 'config', dialect: d.id, name, dropIn: false };
  return { kind: 'other' };
}

/** Does the folder path `dirs` (parts) end with `folder` (e.g. "systemd/network")? */
function endsWithFolder(dirs: readonly string[], folder: string): boolean {
  const f = folder.split('/');
  if (f.length > dirs.length) return false;
  return f.every((p, i) => dirs[dirs.length - f.length + i] === p);
}

/** Does `folder` appear anywhere in the folder path `dirs`? */
function containsFolder(dirs: readonly string[], folder: string): boolean {
  const f = folder.split('/');
  for (let i = 0; i + f.length <= dirs.length; i++) if (f.every((p, j) => dirs[i + j] === p)) return true;
  return false;
}

/**
 * The dialect of a main file: among the dialects whose names or suffixes fit, the one the folders and the content
 * favour (a fitting name 1, its folder +2, the content's vote); folders that rule a dialect out, or a required
 * folder that is missing, drop it. Ties go to the first dialect listed.
 */
function recogniseDialect(parts: readonly string[], text: string | undefined): Dialect | undefined {
  const name = stripEditTemp(parts[parts.length - 1] ?? '');
  const dirs = parts.slice(0, -1).filter((p) => p.length > 0);
  let best: Dialect | undefined;
  let bestScore = 0;
  for (const d of generatedDialects()) {
    const r = d.recognition;
    const named =
      r.names?.includes(name) ||
      r.namePattern?.test(name) ||
      r.suffixes?.some((s) => name.endsWith(s) && name.length > s.length);
    if (!named) continue;
    if (r.notIn?.some((f) => containsFolder(dirs, f))) continue;
    const inFolder =
      r.folders?.some((f) => (r.foldersAbove ? containsFolder(dirs, f) : endsWithFolder(dirs, f))) ?? false;
    if (r.folderRequired && !inFolder) continue;
    const score = 1 + (inFolder ? 2 : 0) + (text !== undefined && r.content ? r.content(text) : 0);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** A type-wide drop-in folder (Quadlet's `container.d/`): the dialect whose suffix it names, inside its folders. */
function typeDropInOwner(owner: string, dirs: readonly string[]): Dialect | undefined {
  if (owner.includes('.')) return undefined;
  const inDirs = dirs.filter((p) => p.length > 0);
  return generatedDialects().find(
    (d) =>
      d.recognition.typeDropIns &&
      d.recognition.suffixes?.includes(`.${owner}`) &&
      d.recognition.folders?.some((f) => containsFolder(inDirs, f)),
  );
}

/** The dialect a file of this kind is read in (undefined: a file we leave alone). */
export function dialectOfFile(kind: FileKind): Dialect | undefined {
  switch (kind.kind) {
    case 'unit':
    case 'dropin':
      return unitDialect(kind.unitType);
    case 'manager':
      return MANAGER_DIALECT;
    case 'config':
      return dialectById(kind.dialect);
    default:
      return undefined;
  }
}

/** The sections that systemd reads in a file of this kind. */
export function sectionsForFile(kind: FileKind): string[] {
  switch (kind.kind) {
    case 'unit':
    case 'dropin':
      return sectionsForUnitType(kind.unitType);
    case 'manager':
      return ['Manager'];
    default:
      return [...(dialectOfFile(kind)?.sections ?? [])];
  }
}

export function unitTypeOf(kind: FileKind): UnitType | undefined {
  return kind.kind === 'unit' || kind.kind === 'dropin' ? kind.unitType : undefined;
}
