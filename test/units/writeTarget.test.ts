import { describe, it, expect, afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  confirmationMessage,
  folderFor,
  isInside,
  mirrorRoots,
  needsSudoAdvice,
  rootOfSystemdPath,
  writeTargets,
  type WriteTargetFs,
} from '../../server/src/units/writeTarget.js';
import { realProbe } from '../../server/src/units/safeWrite.js';

/** A file system of existing folders; `writable` lists the folders this process may write into. */
function fakeFs(existing: readonly string[], writable: readonly string[]): WriteTargetFs {
  const dirs = new Set<string>(['/']);
  for (const d of existing) for (let p = d; p !== '/'; p = p.slice(0, p.lastIndexOf('/')) || '/') dirs.add(p);
  const w = new Set(writable);
  return { exists: (p) => dirs.has(p), isDir: (p) => dirs.has(p), canWrite: (p) => w.has(p) };
}

const LIVE = [
  '/etc/systemd/system',
  '/usr/lib/systemd/system',
  '/etc/systemd/system.conf.d',
  '/home/u/.config/systemd/user',
];
const WS = '/home/u/ws';
const mirror = fakeFs(
  [...LIVE, `${WS}/etc/systemd/system`, `${WS}/usr/lib/systemd/system`],
  ['/home/u', WS, `${WS}/etc/systemd/system`, `${WS}/etc`, `${WS}/etc/systemd`, '/home/u/.config/systemd/user'],
);

describe('writeTargets: a workspace that mirrors a root', () => {
  it('unit drop-in of a vendor file in the mirror: the workspace first and default, the live /etc last and confirmed', () => {
    const r = writeTargets({
      documentPath: `${WS}/usr/lib/systemd/system/ssh.service`,
      workspaceFolders: [WS],
      scope: 'system',
      write: { kind: 'unitDropIn', unit: 'ssh.service' },
      fs: mirror,
    });
    expect(r.targets.map((t) => t.folder)).toEqual([
      `${WS}/etc/systemd/system/ssh.service.d`,
      '/etc/systemd/system/ssh.service.d',
    ]);
    expect(r.defaultTarget?.folder).toBe(`${WS}/etc/systemd/system/ssh.service.d`);
    expect(r.targets[0]).toMatchObject({
      ofDocument: true,
      insideWorkspace: true,
      live: false,
      isDefault: true,
      needsConfirmation: false,
      needsPrivileges: false,
      root: WS,
    });
    expect(r.targets[1]).toMatchObject({
      ofDocument: false,
      insideWorkspace: false,
      live: true,
      isDefault: false,
      needsConfirmation: true,
      needsPrivileges: true,
      root: '/',
    });
  });

  it('the workspace mirrors a root even when no document is open (it holds etc/systemd/system or usr/lib/systemd/system)', () => {
    for (const marker of ['etc/systemd/system', 'usr/lib/systemd/system']) {
      const fs = fakeFs([...LIVE, `${WS}/${marker}`], [WS]);
      const r = writeTargets({
        workspaceFolders: [WS],
        scope: 'system',
        write: { kind: 'unitDropIn', unit: 'a.service' },
        fs,
      });
      expect(r.defaultTarget?.folder, marker).toBe(`${WS}/etc/systemd/system/a.service.d`);
      expect(r.targets.at(-1)).toMatchObject({ live: true, isDefault: false });
    }
  });

  it("the document's own mirror comes before the other workspace mirrors", () => {
    const other = '/home/u/other';
    const fs = fakeFs([...LIVE, `${WS}/etc/systemd/system`, `${other}/etc/systemd/system`], [WS, other]);
    const r = writeTargets({
      documentPath: `${other}/etc/systemd/system/x.service`,
      workspaceFolders: [WS, other],
      scope: 'system',
      write: { kind: 'unitDropIn', unit: 'x.service' },
      fs,
    });
    expect(r.targets.map((t) => t.root)).toEqual([other, WS, '/']);
    expect(r.targets.filter((t) => t.isDefault).map((t) => t.root)).toEqual([other]);
  });

  it('a document under a mirror that is not a workspace folder itself (the workspace is a subfolder of it)', () => {
    const wsUnits = `${WS}/etc/systemd/system`;
    const fs = fakeFs([...LIVE, wsUnits], [wsUnits]);
    const r = writeTargets({
      documentPath: `${wsUnits}/x.service`,
      workspaceFolders: [wsUnits],
      scope: 'system',
      write: { kind: 'unitDropIn', unit: 'x.service' },
      fs,
    });
    expect(r.defaultTarget).toMatchObject({
      folder: `${wsUnits}/x.service.d`,
      insideWorkspace: true,
      workspaceFolder: wsUnits,
    });
  });

  it('the watchdog drop-in follows the open system.conf: workspace etc/systemd/system.conf -> workspace etc/systemd/system.conf.d', () => {
    const fs = fakeFs([...LIVE, `${WS}/etc/systemd`], [WS, `${WS}/etc/systemd`]);
    const r = writeTargets({
      documentPath: `${WS}/etc/systemd/system.conf`,
      workspaceFolders: [WS],
      scope: 'system',
      write: { kind: 'managerDropIn' },
      fs,
    });
    expect(r.defaultTarget?.folder).toBe(`${WS}/etc/systemd/system.conf.d`);
    expect(r.targets.map((t) => t.folder)).toEqual([`${WS}/etc/systemd/system.conf.d`, '/etc/systemd/system.conf.d']);
    // From a drop-in of system.conf, and from the vendor copy under usr/lib.
    for (const doc of [`${WS}/etc/systemd/system.conf.d/10-a.conf`, `${WS}/usr/lib/systemd/system.conf`]) {
      expect(
        writeTargets({
          documentPath: doc,
          workspaceFolders: [WS],
          scope: 'system',
          write: { kind: 'managerDropIn' },
          fs,
        }).defaultTarget?.folder,
        doc,
      ).toBe(`${WS}/etc/systemd/system.conf.d`);
    }
  });

  it("socket units go to the mirror's unit folder, never preselecting the live /etc/systemd/system", () => {
    const r = writeTargets({
      documentPath: `${WS}/mosquitto-f.log`,
      workspaceFolders: [WS],
      scope: 'system',
      write: { kind: 'unitFiles' },
      fs: mirror,
    });
    expect(r.targets.map((t) => t.folder)).toEqual([`${WS}/etc/systemd/system`, '/etc/systemd/system']);
    expect(r.targets[0]!.isDefault).toBe(true);
    expect(r.targets[1]).toMatchObject({ live: true, isDefault: false, needsConfirmation: true });
  });

  it("user scope: a mirror gets etc/systemd/user, the live target is the user's config folder", () => {
    const fs = fakeFs([...LIVE, `${WS}/usr/lib/systemd/user`], [WS, '/home/u/.config/systemd/user']);
    const r = writeTargets({
      documentPath: `${WS}/usr/lib/systemd/user/p.service`,
      workspaceFolders: [WS],
      scope: 'user',
      write: { kind: 'unitDropIn', unit: 'p.service' },
      fs,
      env: { HOME: '/home/u' },
    });
    expect(r.targets.map((t) => t.folder)).toEqual([
      `${WS}/etc/systemd/user/p.service.d`,
      '/home/u/.config/systemd/user/p.service.d',
    ]);
    expect(r.targets[1]).toMatchObject({
      live: true,
      needsPrivileges: false,
      needsConfirmation: true,
      isDefault: false,
    });
  });
});

describe('writeTargets: the live system', () => {
  it('a document on the live system and a workspace that mirrors nothing: only the live target, not the default, confirmed', () => {
    const fs = fakeFs([...LIVE, WS], [WS]);
    const r = writeTargets({
      documentPath: '/usr/lib/systemd/system/ssh.service',
      workspaceFolders: [WS],
      scope: 'system',
      write: { kind: 'unitDropIn', unit: 'ssh.service' },
      fs,
    });
    expect(r.targets.map((t) => t.folder)).toEqual(['/etc/systemd/system/ssh.service.d']);
    expect(r.defaultTarget).toBeUndefined();
    expect(r.targets[0]).toMatchObject({
      ofDocument: true,
      live: true,
      needsConfirmation: true,
      needsPrivileges: true,
    });
  });

  it('live stays confirmed even when the workspace folder contains it (a workspace opened on /etc)', () => {
    const fs = fakeFs(LIVE, ['/etc/systemd/system']);
    const r = writeTargets({
      documentPath: '/etc/systemd/system/a.service',
      workspaceFolders: ['/etc'],
      scope: 'system',
      write: { kind: 'unitDropIn', unit: 'a.service' },
      fs,
    });
    expect(r.targets).toHaveLength(1);
    expect(r.targets[0]).toMatchObject({
      live: true,
      insideWorkspace: true,
      isDefault: false,
      needsConfirmation: true,
      needsPrivileges: false,
    });
  });

  it('the watchdog from the live /etc/systemd/system.conf: the live folder, never the default', () => {
    const r = writeTargets({
      documentPath: '/etc/systemd/system.conf',
      workspaceFolders: [],
      scope: 'system',
      write: { kind: 'managerDropIn' },
      fs: fakeFs(LIVE, []),
    });
    expect(r.targets.map((t) => t.folder)).toEqual(['/etc/systemd/system.conf.d']);
    expect(r.defaultTarget).toBeUndefined();
  });

  it('socket units in a workspace that mirrors nothing: the workspace may become a mirror (default); live stays last', () => {
    const fs = fakeFs([...LIVE, WS], [WS]);
    const r = writeTargets({ workspaceFolders: [WS], scope: 'system', write: { kind: 'unitFiles' }, fs });
    expect(r.targets.map((t) => [t.folder, t.isDefault, t.live])).toEqual([
      [`${WS}/etc/systemd/system`, true, false],
      ['/etc/systemd/system', false, true],
    ]);
    expect(r.targets.some((t) => t.ofDocument)).toBe(false); // no document: the user picks
  });

  it('a mirror outside every workspace folder is offered but needs a confirmation, and is not the default', () => {
    const fs = fakeFs([...LIVE, '/srv/image/etc/systemd/system'], []);
    const r = writeTargets({
      documentPath: '/srv/image/etc/systemd/system/a.service',
      workspaceFolders: [WS],
      scope: 'system',
      write: { kind: 'unitDropIn', unit: 'a.service' },
      fs,
    });
    expect(r.targets[0]).toMatchObject({
      folder: '/srv/image/etc/systemd/system/a.service.d',
      live: false,
      insideWorkspace: false,
      needsConfirmation: true,
      isDefault: false,
    });
    expect(r.defaultTarget).toBeUndefined();
  });

  it('user scope without HOME or XDG_CONFIG_HOME: says why there is no live target', () => {
    const r = writeTargets({
      workspaceFolders: [],
      scope: 'user',
      write: { kind: 'unitDropIn', unit: 'a.service' },
      fs: fakeFs([], []),
      env: {},
    });
    expect(r.targets).toEqual([]);
    expect(r.reason).toMatch(/HOME/);
  });
});

describe('helpers', () => {
  it('rootOfSystemdPath covers units, drop-ins and the manager files', () => {
    expect(rootOfSystemdPath('/ws/etc/systemd/system.conf')).toEqual({ root: '/ws', scope: 'system' });
    expect(rootOfSystemdPath('/ws/etc/systemd/user.conf.d/a.conf')).toEqual({ root: '/ws', scope: 'user' });
    expect(rootOfSystemdPath('/etc/systemd/system/a.service.d/x.conf')).toEqual({ root: '/', scope: 'system' });
    expect(rootOfSystemdPath('/ws/etc/systemd/journald.conf')).toBeUndefined();
    expect(rootOfSystemdPath('/ws/notes.txt')).toBeUndefined();
  });

  it('folderFor derives every folder from the root', () => {
    expect(folderFor('/ws', { kind: 'managerDropIn' }, 'system')).toBe('/ws/etc/systemd/system.conf.d');
    expect(folderFor('/', { kind: 'managerDropIn' }, 'system')).toBe('/etc/systemd/system.conf.d');
    expect(folderFor('/', { kind: 'unitDropIn', unit: 'a.service' }, 'user', { XDG_CONFIG_HOME: '/x/cfg' })).toBe(
      '/x/cfg/systemd/user/a.service.d',
    );
  });

  it('isInside compares whole path components', () => {
    expect(isInside('/home/u/ws/a', '/home/u/ws')).toBe(true);
    expect(isInside('/home/u/ws', '/home/u/ws/')).toBe(true);
    expect(isInside('/home/u/ws2/a', '/home/u/ws')).toBe(false);
    expect(isInside('/home/u/ws/../x', '/home/u/ws')).toBe(false);
  });

  it('the confirmation names every full path, says "live" and says so when running as root', () => {
    const t = writeTargets({
      workspaceFolders: [],
      scope: 'system',
      write: { kind: 'managerDropIn' },
      fs: fakeFs(LIVE, []),
    }).targets[0]!;
    const m = confirmationMessage(t, ['/etc/systemd/system.conf.d/60-watchdog.conf'], { asRoot: true });
    expect(m).toContain('/etc/systemd/system.conf.d/60-watchdog.conf');
    expect(m).toMatch(/live configuration of this machine/);
    expect(m).toMatch(/runs as root/);
    expect(m).toMatch(/^Write this file to this machine's live configuration\?/);
    expect(confirmationMessage(t, ['/etc/systemd/system.conf.d/60-watchdog.conf'])).not.toMatch(/root/);
    // A mirror outside the workspace, two files.
    const fs = fakeFs(['/srv/image/etc/systemd/system'], []);
    const out = writeTargets({
      documentPath: '/srv/image/etc/systemd/system/a.service',
      workspaceFolders: [WS],
      scope: 'system',
      write: { kind: 'unitFiles' },
      fs,
    }).targets[0]!;
    const m2 = confirmationMessage(out, [
      '/srv/image/etc/systemd/system/a.socket',
      '/srv/image/etc/systemd/system/a.service.d/x.conf',
    ]);
    expect(m2).toMatch(
      /^Write these files outside the workspace\?\n\n\/srv\/image\/etc\/systemd\/system\/a\.socket\n\/srv\/image/,
    );
    expect(m2).toMatch(/not writable by VS Code: the content is staged/);
    expect(m2).not.toMatch(/live/);
  });

  it('sudo advice only for a permission error on a folder this process cannot write', () => {
    const fs = fakeFs(['/etc/systemd/system', `${WS}/etc/systemd/system`], [`${WS}/etc/systemd/system`]);
    expect(needsSudoAdvice('/etc/systemd/system/a.service', 'EACCES', fs)).toBe(true);
    expect(needsSudoAdvice('/etc/systemd/system/a.service', 'NoPermissions', fs)).toBe(true);
    expect(needsSudoAdvice(`${WS}/etc/systemd/system/a.service`, 'EACCES', fs)).toBe(false);
    expect(needsSudoAdvice('/etc/systemd/system/a.service', 'Unavailable', fs)).toBe(false);
    expect(needsSudoAdvice('/etc/systemd/system/a.service', undefined, fs)).toBe(false);
  });
});

describe('with the real file system', () => {
  let tmp = '';
  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = '';
  });

  it('a temp workspace with etc/systemd/system and usr/lib/systemd/system is a mirror; its targets are writable', () => {
    tmp = mkdtempSync(join(tmpdir(), 'wt-'));
    mkdirSync(join(tmp, 'etc/systemd/system'), { recursive: true });
    mkdirSync(join(tmp, 'usr/lib/systemd/system'), { recursive: true });
    writeFileSync(join(tmp, 'etc/systemd/system.conf'), '[Manager]\n');
    expect(mirrorRoots([tmp, join(tmp, 'nothing')], 'system', realProbe)).toEqual([tmp]);
    const r = writeTargets({
      documentPath: join(tmp, 'etc/systemd/system.conf'),
      workspaceFolders: [tmp],
      scope: 'system',
      write: { kind: 'managerDropIn' },
      fs: realProbe,
    });
    expect(r.defaultTarget).toMatchObject({
      folder: join(tmp, 'etc/systemd/system.conf.d'),
      needsPrivileges: false,
      live: false,
    });
    expect(r.targets.map((t) => t.folder)).toEqual([
      join(tmp, 'etc/systemd/system.conf.d'),
      '/etc/systemd/system.conf.d',
    ]);
  });
});
