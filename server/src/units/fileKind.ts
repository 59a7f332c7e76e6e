/**
 * What kind of systemd file a path names, from the name alone (systemd.unit(5), systemd-system.conf(5)).
 */
import { UNIT_TYPES, sectionsForUnitType, type UnitType } from '../catalog/catalog.js';

export type FileKind =
  /** A unit file such as foo.service; unitName is its file name. */
  | { readonly kind: 'unit'; readonly unitType: UnitType; readonly unitName: string }
  /** A drop-in: foo.service.d/x.conf, foo@.service.d/, foo-.service.d/, service.d/; unitName is the folder name without ".d". */
  | { readonly kind: 'dropin'; readonly unitType: UnitType; readonly unitName: string }
  /** system.conf, user.conf and their .d drop-ins: only [Manager]. */
  | { readonly kind: 'manager'; readonly scope: 'system' | 'user'; readonly dropIn: boolean }
  /** Anything else (journald.conf, logind.conf, random .conf…): left alone. */
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

export function fileKindOf(path: string): FileKind {
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
    return { kind: 'other' };
  }
  const t = typeOfUnitName(name);
  if (t && name !== t) return { kind: 'unit', unitType: t, unitName: name };
  return { kind: 'other' };
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
      return [];
  }
}

export function unitTypeOf(kind: FileKind): UnitType | undefined {
  return kind.kind === 'unit' || kind.kind === 'dropin' ? kind.unitType : undefined;
}
