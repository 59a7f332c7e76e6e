/**
 * The preload library (preload/sockethack.c) against fake LISTEN_* values: test/preload/driver.c creates the
 * sockets systemd would pass, puts them at 3, 4, …, sets LISTEN_* and LD_PRELOAD and execs itself (same pid), then
 * calls socket(), bind(), listen(), close(), unlink() … and prints what they returned. Real sockets, real processes.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'sdu-preload-'));
const lib = join(dir, 'libsockethack.so');
const driver = join(dir, 'driver');

const SOCK_NONBLOCK = 0x800;
const SOCK_CLOEXEC = 0x80000;

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'buildPreload.mjs'), '--out', lib], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  // No warnings from the compiler: the script passes them on to stderr.
  expect(build.stderr).toBe('');
  expect(build.stdout).toMatch(/^built .*libsockethack\.so with /);
  execFileSync('cc', ['-std=gnu11', '-O1', '-g', '-Wall', '-Wextra', '-Werror', '-pthread', '-o', driver, join(__dirname, 'driver.c')], { stdio: 'pipe' });
});

interface Run {
  /** The result of each command, in order. */
  results: string[];
  stderr: string;
  status: number | null;
}

/** Launch the driver with passed sockets `specs`, hints `names` and the commands; returns what each command gave. */
function launch(specs: string[], names: string | undefined, commands: string[], options: string[] = [], library = lib): Run {
  const args = ['launch', '--lib', library, ...(names !== undefined ? ['--names', names] : []), ...options, ...specs, '--', ...commands];
  const r = spawnSync(driver, args, { encoding: 'utf8', timeout: 20000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  const lines = r.stdout.split('\n').filter((l) => l.includes(' => '));
  const results = lines.map((l) => l.slice(l.indexOf(' => ') + 4));
  expect(lines.map((l) => l.slice(0, l.indexOf(' => '))), `${r.stdout}\n${r.stderr}`).toEqual(commands);
  return { results, stderr: r.stderr, status: r.status };
}

/** `open=1 family=2 …` → { open: 1, family: 2, … } */
function info(text: string): Record<string, number> {
  return Object.fromEntries(text.split(' ').map((kv) => kv.split('=')).map(([k, v]) => [k!, Number(v)]));
}

describe('preload library: start-up', () => {
  it('does nothing when LISTEN_PID is another process', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['socket 2 1 6', 'env LISTEN_FDS', 'env LISTEN_PID', 'close 3', 'info 3'], ['--pid', 'other']);
    expect(r.results[0]).toBe('4');
    expect(r.results[1]).toBe('1');
    expect(r.results[2]).toMatch(/^\d+$/);
    expect(r.results[3]).toBe('0');
    expect(r.results[4]).toBe('open=0');
    expect(r.stderr).toBe('');
  });

  it('does nothing when LISTEN_PID is garbage, LISTEN_FDS is 0 or names are missing', () => {
    for (const [opts, names] of [[['--pid', '12abc'], 'socket(2,1,6)=0'], [['--fds', '0'], 'socket(2,1,6)=0'], [[], undefined]] as const) {
      const r = launch(['tcp4:127.0.0.1:0'], names, ['socket 2 1 6', 'close 3', 'info 3'], [...opts]);
      expect(r.results, JSON.stringify(opts)).toEqual(['4', '0', 'open=0']);
    }
  });

  it('leaves a daemon that was activated without hints alone (it may speak sd_listen_fds itself)', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'mqtt', ['env LISTEN_FDS', 'env LISTEN_FDNAMES', 'socket 2 1 6', 'close 3', 'info 3']);
    expect(r.results).toEqual(['1', 'mqtt', '4', '0', 'open=0']);
  });

  it('unsets LISTEN_* and marks the passed descriptors close-on-exec, like sd_listen_fds()', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['env LISTEN_FDS', 'env LISTEN_PID', 'env LISTEN_FDNAMES', 'info 3', 'child info 3', 'child env LISTEN_FDS']);
    expect(r.results.slice(0, 3)).toEqual(['(unset)', '(unset)', '(unset)']);
    expect(info(r.results[3]!)).toMatchObject({ open: 1, listening: 1, cloexec: 1 });
    expect(r.results[4]).toBe('open=0');
    expect(r.results[5]).toBe('(unset)');
  });

  it('keeps LISTEN_* with SOCKETHACK_KEEP_ENV=1', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['env LISTEN_FDS', 'env LISTEN_FDNAMES', 'socket 2 1 6'], ['--env', 'SOCKETHACK_KEEP_ENV=1']);
    expect(r.results).toEqual(['1', 'socket(2,1,6)=0', '3']);
  });

  it('refuses a descriptor whose family or type does not fit the hint, with a line on stderr', () => {
    const r = launch(['tcp4:127.0.0.1:0', 'udp4:127.0.0.1:0'], 'socket(10,1,6)=0:socket(2,1,0)=0', ['socket 10 1 6', 'socket 2 1 0', 'close 3', 'info 3']);
    expect(r.results).toEqual(['5', '6', '0', 'open=0']);
    expect(r.stderr).toMatch(/passed descriptor 3 is socket\(2,1,6\), which does not fit its hint socket\(10,1,6\)=0 .*not handed out/);
    expect(r.stderr).toMatch(/passed descriptor 4 is socket\(2,2,17\), which does not fit its hint socket\(2,1,0\)=0/);
  });

  it('refuses a protocol that differs when the hint names one, and a descriptor that is not a socket', () => {
    const r = launch(['udp4:127.0.0.1:0', 'pipe'], 'socket(2,2,6)=0:socket(1,1,0)=0', ['socket 2 2 6', 'socket 1 1 0']);
    expect(r.results).toEqual(['-1 EPROTONOSUPPORT', '5']);
    expect(r.stderr).toMatch(/descriptor 3 is socket\(2,2,17\), which does not fit/);
    expect(r.stderr).toMatch(/passed descriptor 4 \(socket\(1,1,0\)=0\) is not a socket/);
  });

  it('reports malformed and duplicate hints', () => {
    const r = launch(['tcp4:127.0.0.1:0', 'tcp4:127.0.0.1:0', 'tcp4:127.0.0.1:0'], 'socket(2, 1, 6)=0:socket(2,1,6)=0:socket(2,1,6)=0', ['socket 2 1 6', 'socket 2 1 6']);
    expect(r.results).toEqual(['4', '6']);
    expect(r.stderr).toMatch(/descriptor 3 \(socket\(2, 1, 6\)=0\) is not a valid hint/);
    expect(r.stderr).toMatch(/hint socket\(2,1,6\)=0 of passed descriptor 5 is also the hint of descriptor 4/);
  });
});

describe('preload library: socket()', () => {
  it('hands out the passed descriptor itself on the N-th call (from 0) of the exact triple', () => {
    const r = launch(['tcp4:127.0.0.1:0', 'tcp6:[::1]:0'], 'socket(2,1,6)=1:socket(10,1,6)=0',
      ['info 3', 'socket 2 1 0', 'socket 2 1 6', 'socket 10 1 0', 'socket 10 1 6', 'socket 2 1 6', 'info 5']);
    // socket(2,1,0) and socket(10,1,0) are other triples; call 0 of (2,1,6) is a fresh socket, call 1 gets 3.
    expect(r.results.slice(1, 6)).toEqual(['5', '6', '7', '4', '3']);
    expect(info(r.results[0]!).ino).toBeGreaterThan(0);
    expect(info(r.results[6]!)).toMatchObject({ open: 1, family: 2, type: 1, listening: 0, nonblock: 0, cloexec: 0 });
  });

  it('counts flags as part of the triple and applies them to the passed descriptor', () => {
    const flagged = 1 | SOCK_NONBLOCK | SOCK_CLOEXEC;
    const r = launch(['tcp4:127.0.0.1:0', 'unix:' + join(dir, 'flags.sock')], `socket(2,${flagged},0)=0:socket(1,1,0)=0`,
      ['socket 2 1 0', `socket 2 ${flagged} 0`, 'info 3', 'socket 1 1 0', 'info 4']);
    expect(r.results[0]).toBe('5');
    expect(r.results[1]).toBe('3');
    expect(info(r.results[2]!)).toMatchObject({ nonblock: 1, cloexec: 1, listening: 1 });
    expect(r.results[3]).toBe('4');
    expect(info(r.results[4]!)).toMatchObject({ family: 1, nonblock: 0, cloexec: 0 });
  });

  it('clears O_NONBLOCK that systemd set when the call did not ask for it', () => {
    const r = launch(['nb:tcp4:127.0.0.1:0'], 'socket(2,1,0)=0', ['info 3', 'socket 2 1 0', 'info 3']);
    expect(info(r.results[0]!).nonblock).toBe(1);
    expect(r.results[1]).toBe('3');
    expect(info(r.results[2]!)).toMatchObject({ nonblock: 0, cloexec: 0 });
  });

  it('gives the descriptor to exactly one of many threads that race for it', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['threads 16 2 1 6', 'threads 16 2 1 6']);
    const first = r.results[0]!.split(',').map(Number);
    expect(first.filter((fd) => fd === 3)).toHaveLength(1);
    expect(first.every((fd) => fd === 3 || fd > 3)).toBe(true);
    expect(new Set(first).size).toBe(16);
    expect(r.results[1]!.split(',').map(Number)).not.toContain(3);
  });

  it('works from a signal handler', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['signal 2 1 6']);
    expect(r.results).toEqual(['3']);
  });

  it('keeps working in a forked child (a daemon that forks into the background before it opens sockets)', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['fork socket 2 1 6', 'socket 2 1 6']);
    expect(r.results).toEqual(['3', '3']);
  });

  it('logs each hand-over with SOCKETHACK_DEBUG=1 and says nothing without it', () => {
    const quiet = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['socket 2 1 6']);
    expect(quiet.stderr).toBe('');
    const loud = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['socket 2 1 6'], ['--env', 'SOCKETHACK_DEBUG=1']);
    expect(loud.stderr).toMatch(/^sockethack\[\d+\]: socket\(2,1,6\) call 0 gets passed descriptor 3 \(127\.0\.0\.1:\d+\)\n$/);
  });
});

describe('preload library: bind() and listen()', () => {
  it('bind() and listen() on a handed-out descriptor succeed without touching it', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['socket 2 1 6', 'bind 3 same:3', 'listen 3 1', 'accept 3']);
    expect(r.results).toEqual(['3', '0', '0', 'accepted']);
    expect(r.stderr).toBe('');
  });

  it('logs once when the daemon binds a handed-out descriptor to another address', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['socket 2 1 6', 'bind 3 ipv4:0.0.0.0:1', 'bind 3 ipv4:0.0.0.0:2']);
    expect(r.results).toEqual(['3', '0', '0']);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/bind\(\) of passed descriptor 3 to 0\.0\.0\.0:1 skipped; it stays on 127\.0\.0\.1:\d+/);
  });

  it('a wrong hint leaves the daemon on its own socket, whose bind() fails and is explained', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=1', ['socket 2 1 6', 'bind @0 same:3']);
    expect(r.results).toEqual(['4', '-1 EADDRINUSE']);
    expect(r.stderr).toMatch(/descriptor 4 binds 127\.0\.0\.1:\d+, the address of passed descriptor 3, but its socket\(\) call is not the one the hint socket\(2,1,6\)=1 names/);
  });

  it('listen() on a passed datagram socket still fails as it would anyway', () => {
    const r = launch(['udp4:127.0.0.1:0'], 'socket(2,2,0)=0', ['socket 2 2 0', 'bind 3 same:3', 'listen 3 5']);
    expect(r.results).toEqual(['3', '0', '-1 EOPNOTSUPP']);
  });
});

describe('preload library: close() and reloads', () => {
  it('parks a closed descriptor and hands it out again on the next round', () => {
    const r = launch(['tcp4:127.0.0.1:0', 'tcp6:[::1]:0'], 'socket(2,1,6)=0:socket(10,1,6)=0', [
      'socket 2 1 6', 'socket 10 1 6', 'info 3',
      'close 3', 'close 4', 'info 3', 'close 3',
      'socket 2 1 6', 'socket 10 1 6', 'bind 3 same:3', 'listen 3 5', 'accept 3', 'accept 4', 'info 3',
    ]);
    const ino = info(r.results[2]!).ino;
    expect(r.results.slice(0, 2)).toEqual(['3', '4']);
    expect(r.results.slice(3, 5)).toEqual(['0', '0']);
    expect(info(r.results[5]!)).toMatchObject({ open: 1, listening: 1, cloexec: 1, ino });
    expect(r.results[6]).toBe('-1 EBADF');
    expect(r.results.slice(7, 13)).toEqual(['3', '4', '0', '0', 'accepted', 'accepted']);
    expect(info(r.results[13]!)).toMatchObject({ ino, cloexec: 0 });
  });

  it('a parked descriptor is not inherited over exec', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['socket 2 1 6', 'child info 3', 'close 3', 'child info 3']);
    expect(info(r.results[1]!)).toMatchObject({ open: 1 });
    expect(r.results[3]).toBe('open=0');
  });

  it('counts on when only one of two same-triple descriptors is closed', () => {
    const r = launch(['tcp4:127.0.0.1:0', 'tcp4:127.0.0.1:0'], 'socket(2,1,6)=0:socket(2,1,6)=1',
      ['socket 2 1 6', 'socket 2 1 6', 'close 4', 'socket 2 1 6', 'close 3', 'socket 2 1 6', 'socket 2 1 6']);
    expect(r.results).toEqual(['3', '4', '0', '5', '0', '3', '4']);
  });

  it('does not close a passed descriptor the daemon never got (daemons that close everything above 2)', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['close 3', 'socket 2 1 6', 'accept 3']);
    expect(r.results).toEqual(['0', '3', 'accepted']);
  });

  it('close_range() closes everything but the passed descriptors and parks a held one', () => {
    const r = launch(['tcp4:127.0.0.1:0', 'tcp4:127.0.0.1:0'], 'socket(2,1,6)=0:socket(2,1,6)=1', [
      'socket 2 2 0', 'socket 2 2 0', 'socket 2 1 6',
      'close_range 3 4294967295', 'info 3', 'info 4', 'info 5', 'info 6', 'socket 2 2 0',
    ]);
    expect(r.results.slice(0, 4)).toEqual(['5', '6', '3', '0']);
    expect(info(r.results[4]!)).toMatchObject({ open: 1, cloexec: 1 });
    expect(info(r.results[5]!)).toMatchObject({ open: 1 });
    expect(r.results.slice(6)).toEqual(['open=0', 'open=0', '5']);
  });

  it('closefrom(3) keeps the passed descriptors and parks a held one', () => {
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['socket 2 2 0', 'socket 2 1 6', 'closefrom 3', 'info 3', 'info @0', 'socket 2 1 6', 'accept 3']);
    expect(r.results[0]).toBe('4');
    expect(info(r.results[3]!)).toMatchObject({ open: 1, cloexec: 1 });
    expect(r.results[4]).toBe('open=0');
    expect(r.results.slice(5)).toEqual(['3', 'accepted']);
  });
});

describe('preload library: unlink()', () => {
  it('keeps the file of a passed AF_UNIX socket and removes others', () => {
    const path = join(dir, 'ldapi');
    const other = join(dir, 'other');
    writeFileSync(other, '');
    const r = launch([`unix:${path}`], 'socket(1,1,0)=0', [
      `unlink ${path}`, `unlinkat ${path}`, `remove ${path}`, `exists ${path}`,
      'socket 1 1 0', `bind 3 unix:${path}`, 'accept 3', `unlink ${path}`, `exists ${path}`,
      `unlink ${other}`, `exists ${other}`,
    ]);
    expect(r.results).toEqual(['0', '0', '0', '1', '3', '0', 'accepted', '0', '1', '0', '0']);
    expect(statSync(path).isSocket()).toBe(true);
  });

  it('another socket file is removed as usual', () => {
    const path = join(dir, 'replaced');
    // Only the file the passed socket was bound to (same device and inode) is kept.
    const r = launch([`unix:${path}`], 'socket(1,1,0)=0', [`remove ${path}`, 'socket 1 2 0', `bind @1 unix:${path}.2`, `exists ${path}.2`, `unlink ${path}.2`, `exists ${path}.2`]);
    expect(r.results).toEqual(['0', '4', '0', '1', '0', '0']);
  });

  it('unlink() is untouched in a process that was not activated', () => {
    const path = join(dir, 'plain.sock');
    const r = launch([`unix:${path}`], 'socket(1,1,0)=0', [`unlink ${path}`, `exists ${path}`], ['--pid', 'other']);
    expect(r.results).toEqual(['0', '0']);
    expect(existsSync(path)).toBe(false);
  });
});

describe('preload library: build and install', () => {
  it('npm run build skips with a reason when there is no C compiler', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'buildPreload.mjs'), '--out', join(dir, 'never.so')], {
      encoding: 'utf8', env: { ...process.env, CC: 'no-such-compiler-here' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/preload: skipped .*never\.so: no C compiler found/);
    expect(existsSync(join(dir, 'never.so'))).toBe(false);
  });

  it('build.mjs calls the preload build', () => {
    expect(readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8')).toMatch(/buildPreload\.mjs.*buildPreload\(\)/);
  });

  it('make install puts the library at /usr/local/lib/sockethack/libsockethack.so (under DESTDIR) and it works', () => {
    const dest = join(dir, 'destdir');
    const build = join(dir, 'make');
    execFileSync('cp', ['-r', join(root, 'preload'), build]);
    execFileSync('make', ['-s', '-C', build, 'install', `DESTDIR=${dest}`], { stdio: 'pipe' });
    const installed = join(dest, 'usr', 'local', 'lib', 'sockethack', 'libsockethack.so');
    expect(statSync(installed).mode & 0o777).toBe(0o755);
    const r = launch(['tcp4:127.0.0.1:0'], 'socket(2,1,6)=0', ['socket 2 1 6', 'accept 3'], [], installed);
    expect(r.results).toEqual(['3', 'accepted']);
  });
});
