/**
 * The corpus: unit files and unit drop-ins from the unpacked Debian packages (.cache/conformance/pkgs/<pkg>/)
 * plus this machine's own /usr/lib/systemd/{system,user}.
 *
 * Taken: regular files (symlinks are skipped: they are aliases, masks or enablement links, and may point at
 * the host) named like a unit (foo.service, foo@.socket, …) directly in a systemd/{system,user} folder, and
 * drop-ins (foo.service.d/*.conf) in such a folder. Not taken: *.wants/ links, system.conf and friends
 * (systemd-analyze verify does not read them), and everything in etc/.
 */
import { readdirSync, lstatSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const UNIT_SUFFIXES = ['service', 'socket', 'timer', 'path', 'mount', 'automount', 'swap', 'target', 'slice'];
const UNIT_RE = new RegExp(String.raw`^[^/]+\.(${UNIT_SUFFIXES.join('|')})$`);

const UNIT_FOLDERS = [
  ['lib/systemd/system', 'system'],
  ['usr/lib/systemd/system', 'system'],
  ['lib/systemd/user', 'user'],
  ['usr/lib/systemd/user', 'user'],
];

function isFile(p) {
  try {
    return lstatSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p) {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * @typedef {{ file: string, pkg: string, scope: 'system'|'user', kind: 'unit'|'template'|'dropin', dir: string,
 *             name: string, owner?: string }} Entry
 *   dir: the unit folder (what goes first in SYSTEMD_UNIT_PATH); name: the file name (unit name, or the drop-in's
 *   file name); owner: for a drop-in, the unit name its folder belongs to ("foo.service" for foo.service.d/).
 */

/** Entries of one unit folder. */
function scanFolder(dir, pkg, scope, out) {
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (UNIT_RE.test(name) && isFile(p)) {
      const base = name.slice(0, name.lastIndexOf('.'));
      out.push({ file: p, pkg, scope, kind: base.endsWith('@') ? 'template' : 'unit', dir, name });
    } else if (name.endsWith('.d') && UNIT_RE.test(name.slice(0, -2)) && isDir(p)) {
      for (const conf of readdirSync(p).sort()) {
        if (conf.endsWith('.conf') && isFile(join(p, conf))) {
          out.push({ file: join(p, conf), pkg, scope, kind: 'dropin', dir, name: conf, owner: name.slice(0, -2) });
        }
      }
    }
  }
}

/**
 * All corpus entries: each package's tree, then the host's folders (as package "(host)"). A folder reached twice
 * (/lib is /usr/lib on merged-/usr systems) is scanned once.
 * @param {string} pkgsDir
 * @param {{ host?: boolean }} [opts]
 * @returns {Entry[]}
 */
export function listCorpus(pkgsDir, opts = {}) {
  const out = [];
  const pkgs = existsSync(pkgsDir)
    ? readdirSync(pkgsDir)
        .filter((n) => !n.endsWith('.tmp') && existsSync(join(pkgsDir, n, '.done')))
        .sort()
    : [];
  for (const pkg of pkgs) {
    for (const [rel, scope] of UNIT_FOLDERS) {
      const dir = join(pkgsDir, pkg, rel);
      if (isDir(dir)) scanFolder(dir, pkg, scope, out);
    }
  }
  if (opts.host !== false) {
    const seen = new Set();
    for (const [rel, scope] of UNIT_FOLDERS) {
      const dir = `/${rel}`;
      if (!existsSync(dir)) continue;
      let real;
      try {
        real = lstatSync('/lib').isSymbolicLink() && rel.startsWith('lib/') ? `/usr/${rel}` : dir;
      } catch {
        real = dir;
      }
      if (seen.has(real)) continue;
      seen.add(real);
      if (isDir(real)) scanFolder(real, '(host)', scope, out);
    }
  }
  return out;
}
