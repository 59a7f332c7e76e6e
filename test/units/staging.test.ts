import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discardStaging, stageFiles, verifyStaged } from '../../server/src/units/staging.js';
import { planWrite, type WriteProbe } from '../../server/src/units/safeWrite.js';

let tmp = '';
let savedTmpdir: string | undefined;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'staging-test-'));
  savedTmpdir = process.env.TMPDIR;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(tmp, { recursive: true, force: true });
});

const TARGET = '/etc/systemd/system/foo.service.d/override.conf';
const CONTENT = '[Service]\nRestart=always\n';
/** The path the old code staged to: $TMPDIR/systemd-units-<dir>-<name>. */
const oldPredictable = (tmpRoot: string, target: string): string =>
  join(tmpRoot, `systemd-units-${target.split('/').at(-2)}-${target.split('/').at(-1)}`);

/** A probe that says every folder exists and none is writable (a normal user facing /etc). */
const notWritable: WriteProbe = {
  exists: (p) => ['/', '/etc', '/etc/systemd', '/etc/systemd/system'].includes(p),
  isDir: () => true,
  canWrite: () => false,
};

describe('stageFiles: a pre-planted file or symlink at the old predictable path is never used', () => {
  it('a symlink planted at $TMPDIR/systemd-units-<dir>-<name> is left alone, and so is what it points to', () => {
    const victim = join(tmp, 'victim.conf');
    writeFileSync(victim, 'VICTIM\n');
    const planted = oldPredictable(tmp, TARGET);
    symlinkSync(victim, planted);
    process.env.TMPDIR = tmp; // the default temp folder is the attacker's playground
    const r = stageFiles([{ target: TARGET, content: CONTENT }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.files[0]!.stagePath).not.toBe(planted);
    expect(dirname(r.files[0]!.stagePath)).toBe(r.dir);
    expect(dirname(r.dir)).toBe(tmp);
    expect(readFileSync(victim, 'utf8')).toBe('VICTIM\n');
    expect(readlinkSync(planted)).toBe(victim);
    expect(readFileSync(r.files[0]!.stagePath, 'utf8')).toBe(CONTENT);
  });

  it("a regular file planted there (another user's content) is never what the install command names", () => {
    const planted = oldPredictable(tmp, TARGET);
    writeFileSync(planted, '[Service]\nExecStartPre=/tmp/evil\n');
    const r = stageFiles([{ target: TARGET, content: CONTENT }], { tmpRoot: tmp });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const plan = planWrite(TARGET, CONTENT, { probe: notWritable, scope: 'system', stagePath: r.files[0]!.stagePath });
    expect(plan.status).toBe('notWritable');
    if (plan.status !== 'notWritable') return;
    expect(plan.commands[0]).toContain(r.files[0]!.stagePath);
    expect(plan.commands[0]).not.toContain(planted);
    expect(readFileSync(planted, 'utf8')).toContain('evil');
  });

  it('a folder planted where the old code would put files does not matter either', () => {
    mkdirSync(oldPredictable(tmp, TARGET));
    const r = stageFiles([{ target: TARGET, content: CONTENT }], { tmpRoot: tmp });
    expect(r.ok).toBe(true);
  });
});

describe('stageFiles', () => {
  it('makes a private folder (0700, owned by us) and files readable only by us; the content is read back', () => {
    const r = stageFiles(
      [
        { target: '/etc/systemd/system/a.socket', content: '[Socket]\nListenStream=1883\n' },
        { target: '/etc/systemd/system/a.service.d/override.conf', content: 'x\n' },
        { target: '/etc/systemd/system/b.service.d/override.conf', content: new Uint8Array([0x5b, 0xe9, 0x5d]) },
      ],
      { tmpRoot: tmp },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const st = lstatSync(r.dir);
    expect(st.isDirectory()).toBe(true);
    expect(st.mode & 0o777).toBe(0o700);
    expect(st.uid).toBe(process.getuid!());
    expect(new Set(r.files.map((f) => f.stagePath)).size).toBe(3); // two override.conf do not collide
    for (const f of r.files) {
      expect(statSync(f.stagePath).mode & 0o777).toBe(0o600);
      expect(Buffer.from(readFileSync(f.stagePath)).equals(Buffer.from(f.bytes))).toBe(true);
    }
    expect([...readFileSync(r.files[2]!.stagePath)]).toEqual([0x5b, 0xe9, 0x5d]);
    expect(verifyStaged(r)).toBeUndefined();
    discardStaging(r);
    expect(existsSync(r.dir)).toBe(false);
  });

  it('fails, saying why, when the private folder cannot be made (nothing is offered)', () => {
    const r = stageFiles([{ target: TARGET, content: CONTENT }], { tmpRoot: join(tmp, 'missing/deeper') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/cannot make a private staging folder .*ENOENT/);
  });
});

describe('verifyStaged catches every change after staging', () => {
  const stage = () => {
    const r = stageFiles([{ target: TARGET, content: CONTENT }], { tmpRoot: tmp });
    if (!r.ok) throw new Error(r.reason);
    return r;
  };

  it('changed content', () => {
    const r = stage();
    writeFileSync(r.files[0]!.stagePath, '[Service]\nRestart=never\n');
    expect(verifyStaged(r)).toMatch(/holds \d+ bytes|does not hold/);
    writeFileSync(r.files[0]!.stagePath, CONTENT.replace('always', 'ALWAYS'));
    expect(verifyStaged(r)).toMatch(/does not hold what was staged/);
  });

  it('the file replaced by a symlink to the same content', () => {
    const r = stage();
    const elsewhere = join(tmp, 'same.conf');
    writeFileSync(elsewhere, CONTENT);
    unlinkSync(r.files[0]!.stagePath);
    symlinkSync(elsewhere, r.files[0]!.stagePath);
    expect(verifyStaged(r)).toMatch(/cannot read back .*ELOOP/);
  });

  it('the file removed', () => {
    const r = stage();
    unlinkSync(r.files[0]!.stagePath);
    expect(verifyStaged(r)).toMatch(/ENOENT/);
  });

  it('the folder opened to others', () => {
    const r = stage();
    chmodSync(r.dir, 0o755);
    expect(verifyStaged(r)).toMatch(/accessible to other users \(mode 755\)/);
  });

  it('the folder replaced by a symlink', () => {
    const r = stage();
    const copy = `${r.dir}-moved`;
    rmSync(r.dir, { recursive: true });
    mkdirSync(copy, { mode: 0o700 });
    writeFileSync(join(copy, r.files[0]!.stagePath.split('/').at(-1)!), CONTENT);
    symlinkSync(copy, r.dir);
    expect(verifyStaged(r)).toMatch(/is not a folder/);
  });
});
