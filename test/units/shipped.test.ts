/**
 * Vendor files stay as shipped: what was shipped comes from a real git repository (HEAD), from a dpkg database
 * (md5sums + list files, here a fake one injected as the dpkg root), or from the last saved version; Move to
 * Drop-in is planned against the shipped text, not against the file on disk.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  changedDirectives,
  lineDiffersFromShipped,
  planMoveToDropIn,
  realShippedFs,
  shippedInfo,
  spawnRunner,
  ShippedCache,
  type ProcessRunner,
} from '../../server/src/units/shipped.js';
import { comparableValues, effectiveOfText, mergeUnit } from '../../server/src/units/effective.js';
import { createDocument } from '../../server/src/services/document.js';
import { computeDiagnostics } from '../../server/src/services/diagnostics.js';
import { getMoveToDropInActions } from '../../server/src/services/codeActions.js';

const SSH = `[Unit]
Description=OpenBSD Secure Shell server
Documentation=man:sshd(8) man:sshd_config(5)
After=network.target auditd.service
ConditionPathExists=!/etc/ssh/sshd_not_to_be_run

[Service]
EnvironmentFile=-/etc/default/ssh
ExecStartPre=/usr/sbin/sshd -t
ExecStart=/usr/sbin/sshd -D $SSHD_OPTS
ExecReload=/usr/sbin/sshd -t
ExecReload=/bin/kill -HUP $MAINPID
KillMode=process
Restart=on-failure
RestartPreventExitStatus=255
Type=notify
RuntimeDirectory=sshd
RuntimeDirectoryMode=0755

[Install]
WantedBy=multi-user.target
Alias=sshd.service
`;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'shipped-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const git = (cwd: string, ...args: string[]): string =>
  execFileSync(
    'git',
    ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args],
    { cwd, encoding: 'utf8' },
  );

function write(path: string, text: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A runner that counts the processes it starts. */
function counting(): { run: ProcessRunner; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run: (f, a, o) => {
      calls.push([f, ...a]);
      return spawnRunner(f, a, o);
    },
  };
}

describe('shipped text from git', () => {
  it('compares the editor text with the committed file (HEAD), also after autosave changed the disk', () => {
    const repo = join(tmp, 'repo');
    const path = join(repo, 'usr/lib/systemd/system/ssh.service');
    write(path, SSH);
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'vendor unit');
    const edited = SSH.replace('Restart=on-failure', 'Restart=always');
    write(path, edited); // autosave: the disk already has the change
    const c = counting();
    const cache = new ShippedCache();
    const info = shippedInfo(path, edited, { run: c.run, cache });
    expect(info).toMatchObject({ source: 'git', text: SSH, differs: true });
    expect(shippedInfo(path, SSH, { run: c.run, cache })).toMatchObject({ source: 'git', differs: false });
    // Cached per path + mtime: the work tree's state (ls-files, diff: once per tree) and one blob for this file.
    expect(c.calls.map((x) => x[3])).toEqual(['ls-files', 'diff', 'cat-file']);
    expect(c.calls[2]).toEqual(['git', '-C', dirname(path), 'cat-file', 'blob', 'HEAD:./ssh.service']);
    // A new mtime asks git for the blob again (the tree's state is still fresh).
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    shippedInfo(path, edited, { run: c.run, cache });
    expect(c.calls).toHaveLength(4);
  });

  it('asks git twice per work tree, not once per file: unmodified files are read from disk', () => {
    const repo = join(tmp, 'repo-many');
    const paths = Array.from({ length: 50 }, (_, i) => join(repo, `usr/lib/systemd/system/u${i}.service`));
    for (const p of paths) write(p, SSH);
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'many');
    write(paths[7]!, SSH.replace('Restart=on-failure', 'Restart=always'));
    const c = counting();
    const cache = new ShippedCache();
    const infos = paths.map((p) => shippedInfo(p, readFileSync(p, 'utf8'), { run: c.run, cache }));
    expect(infos.filter((i) => i?.differs).map((i) => i!.path)).toEqual([paths[7]]);
    expect(infos[7]).toMatchObject({ source: 'git', text: SSH });
    expect(infos[0]).toMatchObject({ source: 'git', text: SSH, differs: false });
    // ls-files + diff for the tree, one blob for the one modified file.
    expect(c.calls.map((x) => x[3])).toEqual(['ls-files', 'diff', 'cat-file']);
  });

  it('ignores the server’s own GIT_DIR, and falls back when the file is not committed', () => {
    const repo = join(tmp, 'repo2');
    const path = join(repo, 'usr/lib/systemd/system/a.service');
    write(path, '[Service]\nExecStart=/bin/a\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'a');
    const fresh = join(repo, 'usr/lib/systemd/system/new.service');
    write(fresh, '[Service]\nExecStart=/bin/new\n');
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = join(tmp, 'nowhere');
    try {
      expect(shippedInfo(path, '[Service]\nExecStart=/bin/a\n', { cache: new ShippedCache() })).toMatchObject({
        source: 'git',
        differs: false,
      });
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
    expect(shippedInfo(fresh, '[Service]\nExecStart=/bin/new\n', { cache: new ShippedCache() })).toBeUndefined();
    expect(
      shippedInfo(fresh, '[Service]\nExecStart=/bin/changed\n', {
        cache: new ShippedCache(),
        savedText: '[Service]\nExecStart=/bin/new\n',
      }),
    ).toMatchObject({ source: 'saved', differs: true, text: '[Service]\nExecStart=/bin/new\n' });
  });

  it('does not read a committed blob over the size cap, and a repository without commits knows nothing', () => {
    const repo = join(tmp, 'repo3');
    const path = join(repo, 'usr/lib/systemd/system/big.service');
    write(path, Buffer.alloc(5 * 1024 * 1024, 0x41));
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'big');
    const t0 = performance.now();
    expect(shippedInfo(path, 'x', { cache: new ShippedCache() })).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(2000);
    const empty = join(tmp, 'repo4');
    const p2 = join(empty, 'usr/lib/systemd/system/b.service');
    write(p2, '[Service]\nExecStart=/bin/b\n');
    git(empty, 'init', '-q');
    expect(shippedInfo(p2, '[Service]\nExecStart=/bin/b\n', { cache: new ShippedCache() })).toBeUndefined();
  });

  it('stops a child process at the timeout', () => {
    const t0 = performance.now();
    const r = spawnRunner('sleep', ['5'], { timeoutMs: 200, maxBytes: 1024 });
    expect(r.timedOut).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1500);
    // A runner that times out: the lookup gives up and says nothing rather than guessing.
    const slow: ProcessRunner = () => ({ status: null, stdout: new Uint8Array(), timedOut: true, error: 'ETIMEDOUT' });
    const repo = join(tmp, 'repo');
    expect(
      shippedInfo(join(repo, 'usr/lib/systemd/system/ssh.service'), SSH, { run: slow, cache: new ShippedCache() }),
    ).toBeUndefined();
  });

  it('starts no process outside a git work tree', () => {
    const root = join(tmp, 'plain');
    const path = join(root, 'usr/lib/systemd/system/c.service');
    write(path, '[Service]\nExecStart=/bin/c\n');
    const c = counting();
    // tmpdir() is not inside a repository on the test machines; the walk up finds no .git.
    expect(shippedInfo(path, 'x', { run: c.run, cache: new ShippedCache(), savedText: 'x' })).toMatchObject({
      source: 'saved',
      differs: false,
    });
    expect(c.calls).toEqual([]);
  });
});

describe('shipped checksum from dpkg', () => {
  const md5 = (s: string | Buffer): string => createHash('md5').update(s).digest('hex');

  function fakeRoot(name: string): { root: string; path: string } {
    const root = join(tmp, name);
    const path = join(root, 'usr/lib/systemd/system/ssh.service');
    write(path, SSH);
    // A merged /usr: the package lists the /lib spelling.
    write(
      join(root, 'var/lib/dpkg/info/openssh-server.list'),
      '/.\n/lib\n/lib/systemd\n/lib/systemd/system\n/lib/systemd/system/ssh.service\n/usr/sbin/sshd\n',
    );
    write(
      join(root, 'var/lib/dpkg/info/openssh-server.md5sums'),
      `${md5('sshd')}  usr/sbin/sshd\n${md5(SSH)}  lib/systemd/system/ssh.service\n`,
    );
    write(join(root, 'var/lib/dpkg/info/libc6:amd64.list'), '/lib/systemd/system/other.service\n');
    write(join(root, 'var/lib/dpkg/info/libc6:amd64.md5sums'), `${md5('o')}  lib/systemd/system/other.service\n`);
    return { root, path };
  }

  it('finds the package by its list file and compares the md5 of the current bytes', () => {
    const { path } = fakeRoot('deb');
    const cache = new ShippedCache();
    expect(shippedInfo(path, SSH, { cache })).toEqual({
      path,
      source: 'dpkg',
      from: 'package openssh-server',
      text: undefined,
      differs: false,
      package: 'openssh-server',
    });
    expect(shippedInfo(path, SSH.replace('on-failure', 'always'), { cache })).toMatchObject({
      source: 'dpkg',
      differs: true,
      text: undefined,
    });
    expect(cache.spawned).toBe(0);
  });

  it('takes an injected dpkg root and architecture-qualified package names', () => {
    const { root } = fakeRoot('deb2');
    const path = join(tmp, 'mirror', 'lib/systemd/system/other.service');
    write(path, 'o');
    expect(shippedInfo(path, 'o', { dpkgRoot: join(root, 'var/lib/dpkg'), cache: new ShippedCache() })).toMatchObject({
      source: 'dpkg',
      package: 'libc6',
      differs: false,
    });
    expect(shippedInfo(path, 'p', { dpkgRoot: join(root, 'var/lib/dpkg'), cache: new ShippedCache() })).toMatchObject({
      differs: true,
    });
  });

  it('does not hang on a FIFO planted as a list file', () => {
    const { root, path } = fakeRoot('deb3');
    execFileSync('mkfifo', [join(root, 'var/lib/dpkg/info/evil.list')]);
    const t0 = performance.now();
    expect(shippedInfo(path, SSH, { cache: new ShippedCache(), fs: realShippedFs })).toMatchObject({
      source: 'dpkg',
      differs: false,
    });
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('says nothing for files outside the vendor folders', () => {
    const p = join(tmp, 'deb', 'etc/systemd/system/ssh.service');
    write(p, SSH);
    expect(shippedInfo(p, 'changed', { savedText: SSH, cache: new ShippedCache() })).toBeUndefined();
  });
});

/** Per directive systemd knows (unknown ones are ignored wherever they are), the values in effect. */
function effectiveMap(...texts: string[]): Map<string, string> {
  const eff = mergeUnit(texts.map((text, i) => ({ path: `f${i}`, text })));
  return new Map(
    eff
      .directives()
      .filter((d) => d.info && comparableValues(d).length > 0)
      .map((d) => [`${d.section}.${d.name}`, JSON.stringify(comparableValues(d))]),
  );
}

describe('Move to Drop-in against the shipped text', () => {
  it('moves an autosaved change and restores the vendor file byte for byte (finding 3)', () => {
    const current = SSH.replace('Restart=on-failure', 'Restart=always');
    const plan = planMoveToDropIn(current, SSH, { unitType: 'service' });
    expect(plan.dropInText).toBe('[Service]\nRestart=always\n');
    expect(plan.vendorText).toBe(SSH);
    expect(plan.restored).toBe(true);
  });

  it('moves one directive and keeps the other edits in the vendor text', () => {
    const current = SSH.replace('Restart=on-failure', 'Restart=always').replace('KillMode=process', 'KillMode=mixed');
    const line = current.split('\n').indexOf('Restart=always');
    const plan = planMoveToDropIn(current, SSH, { unitType: 'service', line });
    expect(plan.dropInText).toBe('[Service]\nRestart=always\n');
    expect(plan.vendorText).toBe(SSH.replace('KillMode=process', 'KillMode=mixed'));
    expect(plan.restored).toBe(false);
    expect(effectiveMap(plan.vendorText, plan.dropInText)).toEqual(effectiveMap(current));
  });

  it('keeps in the vendor file what a drop-in cannot express, and says why', () => {
    const current = SSH.replace('After=network.target auditd.service', 'After=network.target');
    const plan = planMoveToDropIn(current, SSH, { unitType: 'service' });
    expect(plan.cannotExpress.map((c) => c.kind)).toEqual(['add-only-removal']);
    expect(plan.vendorText).toBe(current);
    expect(plan.restored).toBe(false);
  });

  it('moves a condition with the rest of its group', () => {
    const current = SSH.replace(
      'ConditionPathExists=!/etc/ssh/sshd_not_to_be_run',
      'ConditionPathExists=/etc/ssh/run\nConditionUser=root',
    );
    const line = current.split('\n').indexOf('ConditionUser=root');
    const plan = planMoveToDropIn(current, SSH, { unitType: 'service', line });
    expect(plan.vendorText).toBe(SSH);
    expect(effectiveMap(plan.vendorText, plan.dropInText)).toEqual(effectiveMap(current));
  });

  it('puts a directive the user deleted back into the vendor text', () => {
    const current = SSH.replace('RestartPreventExitStatus=255\n', '').replace('Restart=on-failure', 'Restart=always');
    const line = current.split('\n').indexOf('Restart=always');
    const one = planMoveToDropIn(current, SSH, { unitType: 'service', line });
    expect(one.vendorText).toBe(SSH.replace('RestartPreventExitStatus=255\n', ''));
    const all = planMoveToDropIn(current, SSH, { unitType: 'service' });
    expect(all.vendorText).toBe(SSH);
    expect(all.dropInText).toBe('[Service]\nRestart=always\nRestartPreventExitStatus=\n');
  });

  it('knows which lines differ from the shipped text (finding 5)', () => {
    const current = SSH.replace('Restart=on-failure', 'Restart=always');
    const lines = current.split('\n');
    expect(lineDiffersFromShipped(current, SSH, lines.indexOf('Restart=always'), 'service')).toBe(true);
    expect(lineDiffersFromShipped(current, SSH, lines.indexOf('Type=notify'), 'service')).toBe(false);
    expect(lineDiffersFromShipped(SSH, SSH, lines.indexOf('Type=notify'), 'service')).toBe(false);
    expect([...changedDirectives(current, SSH, 'service')]).toEqual(['Service\u0000Restart']);
  });

  it('property: vendor text + drop-in ≡ the edited unit, and the shipped text comes back when everything moves', () => {
    const lines = SSH.split('\n');
    const assignmentLines = lines.map((l, i) => (/^\w+=/.test(l) ? i : -1)).filter((i) => i >= 0);
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('value' as const),
        at: fc.constantFrom(...assignmentLines),
        value: fc.constantFrom('', 'x', '/bin/true', 'no', 'always', 'a.service b.target'),
      }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.constantFrom(...assignmentLines) }),
      fc.record({
        kind: fc.constant('add' as const),
        at: fc.constantFrom(...assignmentLines),
        line: fc.constantFrom(
          'Restart=always',
          'Nice=5',
          'Wants=x.service',
          'ExecStartPost=/bin/y',
          'ConditionUser=root',
          'Description=mine',
          'ReadWriteDirectories=/srv',
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), fc.option(fc.nat(40)), (edits, pick) => {
        const out = [...lines];
        for (const e of edits) {
          if (e.kind === 'value') out[e.at] = `${out[e.at]!.split('=')[0]}=${e.value}`;
          else if (e.kind === 'delete') out[e.at] = '# removed';
          else out[e.at] = `${out[e.at]}\n${e.line}`;
        }
        const current = out.join('\n');
        const line = pick === null ? undefined : pick % current.split('\n').length;
        const plan = planMoveToDropIn(current, SSH, { unitType: 'service', line, assumeEmptyResets: true });
        const want = effectiveMap(current);
        const got = effectiveMap(plan.vendorText, plan.dropInText);
        const blocked = new Set(plan.cannotExpress.map((c) => `${c.section}.${c.key}`));
        for (const k of new Set([...want.keys(), ...got.keys()])) {
          if (blocked.has(k)) continue;
          if (want.get(k) !== got.get(k))
            throw new Error(
              `${k}: ${want.get(k)} vs ${got.get(k)}\n--- current\n${current}\n--- vendor\n${plan.vendorText}\n--- drop-in\n${plan.dropInText}`,
            );
        }
        if (line === undefined && plan.cannotExpress.length === 0) expect(plan.vendorText).toBe(SSH);
        // Nothing moved that did not change.
        expect(
          effectiveOfText(plan.dropInText)
            .directives()
            .every((d) => changedDirectives(current, SSH, 'service').has(`${d.section}\u0000${d.name}`)),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('vendor-modified diagnostic and Move to Drop-in actions', () => {
  function repoWithSsh(name: string): string {
    const repo = join(tmp, name);
    const path = join(repo, 'usr/lib/systemd/system/ssh.service');
    write(path, SSH);
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'vendor unit');
    return path;
  }
  const vendorDiags = (path: string, text: string, opts = {}) => {
    const doc = createDocument(path, text);
    return computeDiagnostics(doc.analysis, {
      shipped: () => shippedInfo(path, text, { cache: new ShippedCache(), ...opts }),
    }).filter((d) => d.code === 'vendor-modified');
  };

  it('warns on the first changed line of an edited vendor unit, with the shipped text for the fixes', () => {
    const path = repoWithSsh('rule-git');
    const edited = SSH.replace('Restart=on-failure', 'Restart=always');
    write(path, edited); // autosave
    const d = vendorDiags(path, edited);
    expect(d).toHaveLength(1);
    expect(d[0]!.severity).toBe('warning');
    expect(edited.slice(d[0]!.start, d[0]!.end)).toBe('Restart');
    expect(d[0]!.message).toContain('a package upgrade will replace it');
    expect(d[0]!.message).toContain('Changed: Restart=');
    expect(d[0]!.data?.vendor).toEqual({
      source: 'git',
      from: 'the last commit (git HEAD)',
      restorable: true,
      changed: ['Service.Restart'],
    });
    expect(vendorDiags(path, SSH)).toEqual([]);
  });

  it('says when only a checksum is known (dpkg), with no shipped text to restore', () => {
    const root = join(tmp, 'rule-deb');
    const path = join(root, 'lib/systemd/system/ssh.service');
    write(path, SSH);
    write(join(root, 'var/lib/dpkg/info/openssh-server.list'), '/lib/systemd/system/ssh.service\n');
    write(
      join(root, 'var/lib/dpkg/info/openssh-server.md5sums'),
      `${createHash('md5').update(SSH).digest('hex')}  lib/systemd/system/ssh.service\n`,
    );
    const d = vendorDiags(path, SSH.replace('KillMode=process', 'KillMode=mixed'));
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain('package openssh-server');
    expect(d[0]!.message).toContain('The shipped text is not available here');
    expect(d[0]!.data?.vendor).toEqual({
      source: 'dpkg',
      from: 'package openssh-server',
      package: 'openssh-server',
      changed: [],
    });
    expect(vendorDiags(path, SSH)).toEqual([]);
  });

  it('only warns for unit files of vendor folders, and not without shipped information', () => {
    const etc = join(tmp, 'rule-etc', 'etc/systemd/system/ssh.service');
    write(etc, SSH);
    expect(vendorDiags(etc, 'changed', { savedText: SSH })).toEqual([]);
    const doc = createDocument('/usr/lib/systemd/system/x.service', '[Service]\nExecStart=/bin/x\n');
    expect(computeDiagnostics(doc.analysis, {}).filter((d) => d.code === 'vendor-modified')).toEqual([]);
  });

  it('offers Move to Drop-in only on lines that differ from the shipped text (finding 5)', () => {
    const path = repoWithSsh('actions');
    const edited = SSH.replace('Restart=on-failure', 'Restart=always');
    const doc = createDocument(path, edited);
    const info = shippedInfo(path, edited, { cache: new ShippedCache() })!;
    const at = (line: string) => edited.indexOf(line) + 1;
    const onRestart = getMoveToDropInActions(doc, at('Restart=always'), 'u', info);
    expect(onRestart.map((a) => [a.title, a.command.arguments])).toEqual([
      [
        'Move Restart= to a drop-in (keep the vendor file as shipped)',
        ['u', edited.split('\n').indexOf('Restart=always')],
      ],
      ['Move every change from the shipped version of this vendor unit to a drop-in', ['u']],
    ]);
    // An untouched vendor line: no per-line move (it would write a no-op Type=notify).
    expect(getMoveToDropInActions(doc, at('Type=notify'), 'u', info).map((a) => a.kind)).toEqual(['refactor.move']);
    // The file as shipped: nothing to move at all.
    const same = createDocument(path, SSH);
    expect(
      getMoveToDropInActions(
        same,
        SSH.indexOf('Type=notify') + 1,
        'u',
        shippedInfo(path, SSH, { cache: new ShippedCache() }),
      ),
    ).toEqual([]);
    // Nothing known about what was shipped: as before, on every line.
    expect(getMoveToDropInActions(doc, at('Type=notify'), 'u')).toHaveLength(2);
  });
});
