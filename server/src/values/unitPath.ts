/**
 * Unit names that stand for a path (mount, automount and swap units; systemd-escape --path): systemd's
 * src/basic/unit-name.c unit_name_from_path() and unit_name_to_path(), and path_simplify() of path-util.c.
 *
 * Escaping: the path is simplified (duplicate and trailing slashes, "." components dropped), the leading and
 * trailing '/' removed and every other '/' becomes '-'; '-', '\' and every byte outside [A-Za-z0-9:_.] become
 * \xNN (lower-case hex of each UTF-8 byte), and so does a '.' at the very start. The root is "-".
 */

const VALID = /^[A-Za-z0-9:_.]$/;

/** path_simplify(): collapse "//", drop "." components and a trailing '/' (".." is kept as written). */
export function simplifyPath(path: string): string {
  const abs = path.startsWith('/');
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  const out = parts.join('/');
  return abs ? `/${out}` : out === '' ? '.' : out;
}

function escapeBytes(ch: string): string {
  return [...Buffer.from(ch, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
}

/** The unit name systemd derives from an absolute path (without the suffix); undefined for a relative path. */
export function escapePath(path: string): string | undefined {
  if (!path.startsWith('/')) return undefined;
  const p = simplifyPath(path);
  if (p === '/') return '-';
  const inner = p.slice(1);
  let out = '';
  let first = true;
  for (const ch of inner) {
    if (first && ch === '.') out += escapeBytes(ch);
    else if (ch === '/') out += '-';
    else if (ch === '-' || ch === '\\' || !VALID.test(ch)) out += escapeBytes(ch);
    else out += ch;
    first = false;
  }
  return out;
}

/** `unit_name_from_path(path, ".suffix")`. */
export function unitNameFromPath(path: string, suffix: string): string | undefined {
  const e = escapePath(path);
  return e === undefined ? undefined : `${e}.${suffix}`;
}

/** path_is_normalized(): absolute, no "//", no "." or ".." component, no trailing '/' (except the root). */
function isNormalizedAbsolute(p: string): boolean {
  if (!p.startsWith('/')) return false;
  if (p === '/') return true;
  if (p.endsWith('/') || p.includes('//')) return false;
  return !p
    .split('/')
    .slice(1)
    .some((c) => c === '.' || c === '..');
}

/**
 * `unit_name_to_path()`: the path a mount/automount/swap unit name stands for (the stem before the suffix is
 * unescaped: '-' is '/', \xNN a byte). Undefined when systemd cannot derive a normalized absolute path from it
 * ("mnt--x", "mnt-x-", "-mnt"): such a unit fails to load.
 */
export function unitNameToPath(unitName: string): string | undefined {
  const dot = unitName.lastIndexOf('.');
  const stem = dot < 0 ? unitName : unitName.slice(0, dot);
  if (stem === '' || stem.includes('@')) return undefined;
  if (stem === '-') return '/';
  const bytes: number[] = [];
  for (let i = 0; i < stem.length; i++) {
    const c = stem[i]!;
    if (c === '-') {
      bytes.push(0x2f);
      continue;
    }
    if (c === '\\') {
      const m = /^x([0-9a-fA-F]{2})/.exec(stem.slice(i + 1, i + 4));
      if (!m) return undefined;
      bytes.push(parseInt(m[1]!, 16));
      i += 3;
      continue;
    }
    bytes.push(...Buffer.from(c, 'utf8'));
  }
  const path = `/${Buffer.from(bytes).toString('utf8')}`;
  return isNormalizedAbsolute(path) && !path.includes('\0') ? path : undefined;
}
