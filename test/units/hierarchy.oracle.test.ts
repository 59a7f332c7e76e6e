/**
 * Oracle: build unit trees on disk, let systemd 252 load them (`systemd-analyze verify --root=…` at debug level
 * dumps each unit's "Fragment Path:" and "DropIn Path:" lines, in the order it applies them), and compare with
 * findUnitHierarchy() on the real file system. Also system.conf drop-ins against `systemd-analyze cat-config`.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findManagerHierarchy, findUnitHierarchy } from '../../server/src/units/hierarchy.js';

function hasAnalyze(): boolean {
  try {
    execFileSync('systemd-analyze', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const UNIT = '[Service]\nType=oneshot\nExecStart=/bin/true\n';
const DROP = '[Service]\nEnvironment=X=1\n';

/** Relative path -> contents, or ['link', target]. */
const TREE: Record<string, string | ['link', string]> = {
  // prefix folders and shadowing across search folders
  'usr/lib/systemd/system/foo-bar-baz.service': UNIT,
  'usr/lib/systemd/system/foo-bar-baz.service.d/10-x.conf': DROP,
  'usr/lib/systemd/system/foo-bar-.service.d/10-x.conf': DROP,
  'usr/lib/systemd/system/foo-bar-.service.d/30-z.conf': DROP,
  'usr/lib/systemd/system/foo-.service.d/30-z.conf': DROP,
  'etc/systemd/system/foo-.service.d/10-x.conf': DROP,
  'etc/systemd/system/foo-.service.d/20-y.conf': DROP,
  'run/systemd/system/foo-bar-baz.service.d/20-y.conf': DROP,
  // type level, lowest
  'etc/systemd/system/service.d/05-t.conf': DROP,
  'etc/systemd/system/service.d/40-w.conf': DROP,
  'usr/lib/systemd/system/plain.service.d/40-w.conf': DROP,
  'usr/lib/systemd/system/plain.service': UNIT,
  // an /etc copy hides the vendor fragment; hidden and non-.conf files are skipped
  'etc/systemd/system/plain.service': UNIT,
  'etc/systemd/system/plain.service.d/.hidden.conf': DROP,
  'etc/systemd/system/plain.service.d/notes.txt': DROP,
  'etc/systemd/system/plain.service.d/50-v.conf': DROP,
  // instance and template
  'usr/lib/systemd/system/tpl-x@.service': UNIT,
  'usr/lib/systemd/system/tpl-x@.service.d/10-a.conf': DROP,
  'etc/systemd/system/tpl-x@one.service.d/10-a.conf': DROP,
  'etc/systemd/system/tpl-x@.service.d/20-b.conf': DROP,
  'etc/systemd/system/tpl-.service.d/30-c.conf': DROP,
  'etc/systemd/system/tpl-@one.service.d/40-d.conf': DROP,
  // masked drop-in
  'usr/lib/systemd/system/mdrop.service': UNIT,
  'usr/lib/systemd/system/mdrop.service.d/10-a.conf': DROP,
  'etc/systemd/system/mdrop.service.d/10-a.conf': ['link', '/dev/null'],
  'etc/systemd/system/mdrop.service.d/20-b.conf': DROP,
  // alias
  'usr/lib/systemd/system/real.service': UNIT,
  'etc/systemd/system/alias1.service': ['link', '/usr/lib/systemd/system/real.service'],
  'etc/systemd/system/alias1.service.d/10-a.conf': DROP,
  'usr/lib/systemd/system/real.service.d/20-b.conf': DROP,
};

const UNITS = ['foo-bar-baz.service', 'plain.service', 'tpl-x@one.service', 'mdrop.service', 'real.service'];

/** unit -> { fragment, dropIns } from systemd's dump. */
function systemdView(root: string, units: string[]): Map<string, { fragment: string | undefined; dropIns: string[] }> {
  const r = spawnSync('systemd-analyze', ['verify', '--man=no', '--generators=no', `--root=${root}`, ...units], {
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, SYSTEMD_LOG_LEVEL: 'debug' },
  });
  const out = new Map<string, { fragment: string | undefined; dropIns: string[] }>();
  let cur: { fragment: string | undefined; dropIns: string[] } | undefined;
  for (const line of (r.stdout + '\n' + r.stderr).split('\n')) {
    const h = /^\t-> Unit (\S+):$/.exec(line);
    if (h) {
      cur = { fragment: undefined, dropIns: [] };
      if (!out.has(h[1]!)) out.set(h[1]!, cur);
      else cur = undefined;
      continue;
    }
    if (!cur) continue;
    const f = /^\t\tFragment Path: (.*)$/.exec(line);
    if (f) cur.fragment = f[1];
    const d = /^\t\tDropIn Path: (.*)$/.exec(line);
    if (d) cur.dropIns.push(d[1]!);
    if (!line.startsWith('\t')) cur = undefined;
  }
  return out;
}

describe.skipIf(!hasAnalyze())('hierarchy agrees with systemd 252', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'hier-oracle-'));
    for (const [rel, v] of Object.entries(TREE)) {
      const p = join(root, rel);
      mkdirSync(dirname(p), { recursive: true });
      if (typeof v === 'string') writeFileSync(p, v);
      else symlinkSync(v[1], p);
    }
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('finds the same fragment and the same drop-ins in the same order', () => {
    const view = systemdView(root, UNITS);
    expect([...view.keys()].sort()).toEqual([...UNITS].sort());
    for (const u of UNITS) {
      const ours = findUnitHierarchy(u, { root });
      const theirs = view.get(u)!;
      const expectedFragment = theirs.fragment;
      // systemd reports an alias' fragment by its resolved path; we keep the path and the target.
      expect(
        ours.fragment?.target === expectedFragment || ours.fragment?.path === expectedFragment,
        `${u}: fragment ${ours.fragment?.path} vs ${expectedFragment}`,
      ).toBe(true);
      // systemd lists a masked drop-in (link to /dev/null) by its path too.
      expect(
        ours.dropIns.map((d) => d.path),
        u,
      ).toEqual(theirs.dropIns);
    }
    // The interesting orderings, spelled out: /etc's shallow prefix beats /run's and /usr/lib's exact name, and
    // the type level loses even from /etc.
    expect(view.get('foo-bar-baz.service')!.dropIns.map((p) => p.slice(root.length))).toEqual([
      '/etc/systemd/system/service.d/05-t.conf',
      '/etc/systemd/system/foo-.service.d/10-x.conf',
      '/etc/systemd/system/foo-.service.d/20-y.conf',
      '/usr/lib/systemd/system/foo-bar-.service.d/30-z.conf',
      '/etc/systemd/system/service.d/40-w.conf',
    ]);
  });

  it('lists system.conf drop-ins like systemd-analyze cat-config', () => {
    const mroot = mkdtempSync(join(tmpdir(), 'mgr-oracle-'));
    try {
      const files: Record<string, string> = {
        'etc/systemd/system.conf': '[Manager]\nLogLevel=info\n',
        'etc/systemd/system.conf.d/10-a.conf': '[Manager]\n#etc10\n',
        'usr/lib/systemd/system.conf.d/10-a.conf': '[Manager]\n#usr10\n',
        'usr/lib/systemd/system.conf.d/05-b.conf': '[Manager]\n#usr05\n',
        'run/systemd/system.conf.d/20-c.conf': '[Manager]\n#run20\n',
        'run/systemd/system.conf.d/.30-hidden.conf': '[Manager]\n#hidden\n',
        'usr/local/lib/systemd/system.conf.d/15-d.conf': '[Manager]\n#local15\n',
      };
      for (const [rel, v] of Object.entries(files)) {
        mkdirSync(dirname(join(mroot, rel)), { recursive: true });
        writeFileSync(join(mroot, rel), v);
      }
      const r = spawnSync('systemd-analyze', ['cat-config', `--root=${mroot}`, 'systemd/system.conf'], {
        encoding: 'utf8',
        timeout: 20000,
      });
      const theirs = r.stdout
        .split('\n')
        .filter((l) => l.startsWith(`# ${mroot}/`))
        .map((l) => l.slice(2));
      const m = findManagerHierarchy('system', { root: mroot });
      expect([...m.mainFiles.map((f) => f.path), ...m.dropIns.map((d) => d.path)]).toEqual(theirs);
      expect(theirs).toHaveLength(5);
    } finally {
      rmSync(mroot, { recursive: true, force: true });
    }
  });
});
