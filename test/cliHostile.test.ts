/** `systemd-units check` on files that are not unit files at all (issue 10, attack findings 2, 3 and 10). */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, symlinkSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '../dist/cli.js');
const check = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', timeout: 20000 });

describe('check never blocks, never runs out of memory, never dies with an exception', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdu-hostile-cli-'));
  execFileSync('mkfifo', [join(dir, 'pipe.service')]);
  symlinkSync('/dev/zero', join(dir, 'zero.service'));
  // A 1 GiB sparse file: reading it whole would die with a RangeError or run out of memory.
  const fd = openSync(join(dir, 'huge.service'), 'w');
  ftruncateSync(fd, 1024 * 1024 * 1024);
  closeSync(fd);
  writeFileSync(join(dir, 'ok.service'), '[Service]\nExecStart=/bin/true\n');

  it('reports a FIFO, a device and a huge file by name, checks the rest, exits 1', () => {
    const r = check(
      join(dir, 'pipe.service'),
      join(dir, 'zero.service'),
      join(dir, 'huge.service'),
      join(dir, 'ok.service'),
    );
    expect(r.error).toBeUndefined(); // did not time out
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('pipe.service: not a regular file');
    expect(r.stderr).toContain('zero.service: not a regular file');
    expect(r.stderr).toMatch(/huge\.service is 1 GiB, over the 4 MiB limit/);
    expect(r.stderr).toContain('1 file(s) checked');
    expect(r.stderr).not.toMatch(/RangeError|at Object|at main/);
  });

  it('walking a folder reports the FIFO too, instead of skipping it silently', () => {
    const r = check(dir);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('pipe.service: not a regular file');
  });
});
