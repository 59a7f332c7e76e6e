/**
 * Hostile files in a cloned repository (issue 10, finding 2 and 3): a FIFO, a symlink to /dev/zero or to
 * /proc/self/pagemap, a 6 MB file, a symlink out of the workspace. Every read must come back promptly with a
 * reason. Each case runs in its own process with a deadline, so a hang fails the test instead of the suite.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIsolated } from './isolated.js';
import { MAX_UNIT_BYTES, readTextFileSafe, readUnitFileForCheck } from '../../server/src/units/safeRead.js';
import { memoryFs } from '../../server/src/units/hierarchy.js';

let dir = '';
let ws = '';
let outside = '';
const SIX_MB = 6 * 1000 * 1000;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saferead-'));
  ws = join(dir, 'ws');
  outside = join(dir, 'outside');
  mkdirSync(ws);
  mkdirSync(outside);
  execFileSync('mkfifo', [join(ws, 'fifo.conf')]);
  symlinkSync('/dev/zero', join(ws, 'zero.conf'));
  symlinkSync('/proc/self/pagemap', join(ws, 'pagemap.conf'));
  writeFileSync(join(ws, 'big.conf'), Buffer.alloc(SIX_MB, 0x41));
  writeFileSync(join(ws, 'latin1.conf'), Buffer.from('# caf\xe9\n[Service]\nNice=1\n', 'latin1'));
  writeFileSync(join(outside, 'secret.conf'), '[Service]\nUser=secret\n');
  symlinkSync(join(outside, 'secret.conf'), join(ws, 'leak.conf'));
  mkdirSync(join(ws, 'folder.conf'));
  execFileSync('python3', [
    '-c',
    `import socket; s = socket.socket(socket.AF_UNIX); s.bind(${JSON.stringify(join(ws, 'sock.conf'))})`,
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type R = { ok: boolean; skipped?: string; reason?: string; text?: string };

function readInChild(path: string, allowedRoots?: string[]): { run: ReturnType<typeof runIsolated<R>>; r: R } {
  const run = runIsolated<R>(`
    import { readTextFileSafe } from './server/src/units/safeRead.ts';
    const r = readTextFileSafe(${JSON.stringify(path)}, ${JSON.stringify({ allowedRoots })});
    report(r.ok ? { ok: true, text: r.text } : { ok: false, skipped: r.skipped, reason: r.reason });
  `);
  expect(run.timedOut, `${path} did not come back within 5 s`).toBe(false);
  expect(run.ok, run.stderr).toBe(true);
  return { run, r: run.value! };
}

describe('readTextFileSafe', () => {
  it('skips a FIFO at once, with a reason', () => {
    const { r } = readInChild(join(ws, 'fifo.conf'));
    expect(r).toMatchObject({ ok: false, skipped: 'not-a-regular-file' });
    expect(r.reason).toContain('named pipe');
  });

  it('skips a symlink to /dev/zero', () => {
    const { r } = readInChild(join(ws, 'zero.conf'));
    expect(r).toMatchObject({ ok: false, skipped: 'not-a-regular-file' });
    expect(r.reason).toContain('/dev/zero');
    expect(r.reason).toContain('character device');
  });

  it('skips a symlink to /proc/self/pagemap (a kernel file that claims to be empty)', () => {
    const { r } = readInChild(join(ws, 'pagemap.conf'));
    expect(r).toMatchObject({ ok: false, skipped: 'kernel-file' });
    expect(r.reason).toContain('proc');
  });

  it('refuses a 6 MB file before reading it', () => {
    const { r, run } = readInChild(join(ws, 'big.conf'));
    expect(r).toMatchObject({ ok: false, skipped: 'too-large' });
    expect(r.reason).toContain('5.7 MiB');
    expect(r.reason).toContain('4 MiB');
    expect(run.ms).toBeLessThan(5000);
    expect(MAX_UNIT_BYTES).toBe(4 * 1024 * 1024);
  });

  it('skips a socket and a folder', () => {
    expect(readInChild(join(ws, 'sock.conf')).r).toMatchObject({ ok: false, skipped: 'not-a-regular-file' });
    expect(readInChild(join(ws, 'sock.conf')).r.reason).toContain('socket');
    expect(readInChild(join(ws, 'folder.conf')).r).toMatchObject({ ok: false, skipped: 'directory' });
  });

  it('does not follow a symlink out of the allowed folders, and does follow one inside', () => {
    const { r } = readInChild(join(ws, 'leak.conf'), [ws, '/etc/systemd']);
    expect(r).toMatchObject({ ok: false, skipped: 'outside-roots' });
    expect(r.reason).toContain(join(outside, 'secret.conf'));
    expect(readInChild(join(ws, 'leak.conf'), [ws, outside]).r).toMatchObject({
      ok: true,
      text: '[Service]\nUser=secret\n',
    });
  });

  it('reads a regular file losslessly (Latin-1 bytes survive)', () => {
    const r = readTextFileSafe(join(ws, 'latin1.conf'));
    if (!r.ok) throw new Error(r.reason);
    expect(Buffer.from(r.bytes).equals(Buffer.from('# caf\xe9\n[Service]\nNice=1\n', 'latin1'))).toBe(true);
    expect(r.text).toContain('Nice=1');
  });

  it('reports a missing file and a smaller cap', () => {
    expect(readTextFileSafe(join(ws, 'nope.conf'))).toMatchObject({ ok: false, skipped: 'missing' });
    expect(readTextFileSafe(join(ws, 'latin1.conf'), { maxBytes: 4 })).toMatchObject({
      ok: false,
      skipped: 'too-large',
    });
  });

  it('takes an injected file system', () => {
    const fs = memoryFs({ '/x/a.conf': 'A', '/x/p': { special: 'fifo' } }).safe;
    expect(readTextFileSafe('/x/a.conf', { fs })).toMatchObject({ ok: true, text: 'A' });
    expect(readTextFileSafe('/x/p', { fs })).toMatchObject({ ok: false, skipped: 'not-a-regular-file' });
  });
});

describe('readUnitFileForCheck (issue 10, finding 3: huge files)', () => {
  it('refuses a 1 GiB file from its size alone, in one clear sentence, without reading it', () => {
    const p = join(ws, 'huge.service');
    writeFileSync(p, '');
    truncateSync(p, 1024 * 1024 * 1024); // sparse: costs nothing on disk
    const run = runIsolated<R>(
      `
      import { readUnitFileForCheck } from './server/src/units/safeRead.ts';
      const r = readUnitFileForCheck(${JSON.stringify(p)});
      report(r.ok ? { ok: true } : { ok: false, skipped: r.skipped, reason: r.reason });
    `,
      { maxOldSpaceMb: 64 },
    );
    expect(run.timedOut).toBe(false);
    expect(run.ok, run.stderr).toBe(true);
    expect(run.value).toEqual({
      ok: false,
      skipped: 'too-large',
      reason: `${p} is 1 GiB, over the 4 MiB limit for unit files; it was not read`,
    });
    rmSync(p);
  });

  it('reads a unit file the user named, bytes and text', () => {
    const p = join(ws, 'ok.service');
    writeFileSync(p, '[Service]\nExecStart=/bin/true\n');
    const r = readUnitFileForCheck(p);
    expect(r).toMatchObject({ ok: true, text: '[Service]\nExecStart=/bin/true\n' });
    expect(readUnitFileForCheck(join(ws, 'fifo.conf'))).toMatchObject({ ok: false, skipped: 'not-a-regular-file' });
  });
});
