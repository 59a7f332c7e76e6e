// Helpers for the preload end-to-end tests: checks with a closing count, processes, ss, MQTT, unit files.
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const LIBRARY = '/usr/local/lib/sockethack/libsockethack.so';
export const OUT = join(ROOT, 'test-results', 'preload-e2e');

let passed = 0;
let failed = 0;
/** One named check; a failure prints what was seen. */
export function check(name, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`ok - ${name}`);
  } else {
    failed++;
    console.log(`not ok - ${name}${detail ? `\n    ${String(detail).replace(/\n/g, '\n    ')}` : ''}`);
  }
  return ok;
}
export function counts() {
  return { passed, failed };
}

/** Text for the report (test-results/preload-e2e/report.md) and the console. */
const report = [];
export function record(title, text) {
  const block = `### ${title}\n\`\`\`\n${text.trimEnd()}\n\`\`\`\n`;
  report.push(block);
  console.log(`--- ${title}\n${text.trimEnd().replace(/^/gm, '    ')}`);
}
export function writeReport() {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'report.md'), report.join('\n'));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn() until it returns something truthy; undefined after `ms`. */
export async function waitFor(fn, ms = 10000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) return undefined;
    await sleep(50);
  }
}

/** A started process with its output collected and a promise of its exit. */
export function start(cmd, args, options = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const p = { child, pid: child.pid, out: '', code: undefined, signal: undefined };
  child.stdout.on('data', (d) => {
    p.out += d;
  });
  child.stderr.on('data', (d) => {
    p.out += d;
  });
  p.exited = new Promise((resolve) =>
    child.on('close', (code, signal) => {
      p.code = code;
      p.signal = signal;
      resolve(code);
    }),
  );
  child.on('error', (e) => {
    p.out += `spawn error: ${e.message}\n`;
  });
  return p;
}

/** Waits for a process to end; SIGKILL after `ms`. */
export async function stop(p, signal = 'SIGTERM', ms = 10000) {
  if (p.code !== undefined || p.signal) return p.code;
  try {
    process.kill(p.pid, signal);
  } catch {
    /* already gone */
  }
  const t = setTimeout(() => {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, ms);
  await p.exited;
  clearTimeout(t);
  return p.code;
}

export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30000, ...options });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/**
 * Listening sockets from `ss`: { local, owners: [{ name, pid, fd }], ino, line }.
 * kind 'tcp' uses `ss -H -ltnpe`, 'unix' uses `ss -H -lxpe`.
 */
export function listeners(kind) {
  const out = execFileSync('ss', kind === 'unix' ? ['-H', '-lxpe'] : ['-H', '-ltnpe'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      const owners = [...line.matchAll(/\("([^"]+)",pid=(\d+),fd=(\d+)\)/g)].map((m) => ({
        name: m[1],
        pid: Number(m[2]),
        fd: Number(m[3]),
      }));
      // tcp: State Recv-Q Send-Q Local Peer …, "ino:N"; unix: Netid State Recv-Q Send-Q Path Inode Peer …
      if (kind === 'unix') return { local: cols[4], ino: Number(cols[5]), owners, line: line.trim() };
      return { local: cols[3], ino: Number(/ino:(\d+)/.exec(line)?.[1]), owners, line: line.trim() };
    });
}

/** The listeners on exactly this local address (`127.0.0.1:1883`, `[::1]:1883`, `/path`). */
export function listenersOn(kind, local) {
  return listeners(kind).filter((l) => l.local === local);
}

/** `socket:[123]` of /proc/PID/fd/FD → 123 */
export function fdInode(pid, fd) {
  try {
    return Number(/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]);
  } catch {
    return undefined;
  }
}

export function comm(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** /proc/PID/fd as lines `N -> target`, for the report. */
export function fdTable(pid) {
  try {
    return readdirSync(`/proc/${pid}/fd`)
      .map(Number)
      .sort((a, b) => a - b)
      .map((fd) => `${fd} -> ${readlinkSync(`/proc/${pid}/fd/${fd}`)}`)
      .join('\n');
  } catch (e) {
    return String(e);
  }
}

/** A TCP port free on both 127.0.0.1 and ::1. */
export async function freePort() {
  const tryListen = (port, host) =>
    new Promise((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(undefined));
      s.listen({ port, host, ipv6Only: true }, () => {
        const p = s.address().port;
        s.close(() => resolve(p));
      });
    });
  for (let i = 0; i < 50; i++) {
    const p = await tryListen(0, '127.0.0.1');
    if (p && p > 1024 && (await tryListen(p, '::1'))) return p;
  }
  throw new Error('no free port');
}

/** MQTT 3.1.1 CONNECT → the CONNACK bytes as hex ('20020000' is "accepted"), or an Error. */
export function mqttConnect(host, port, ms = 15000) {
  return new Promise((resolve) => {
    const id = Buffer.from('sockethack-e2e');
    const variable = Buffer.from([0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 2, 0, 60]);
    const payload = Buffer.concat([Buffer.from([0, id.length]), id]);
    const packet = Buffer.concat([Buffer.from([0x10, variable.length + payload.length]), variable, payload]);
    const s = net.connect({ host, port });
    let got = Buffer.alloc(0);
    const t = setTimeout(() => {
      s.destroy();
      resolve(new Error(`no CONNACK from ${host}:${port} within ${ms} ms`));
    }, ms);
    s.on('connect', () => s.write(packet));
    s.on('data', (d) => {
      got = Buffer.concat([got, d]);
      if (got.length >= 4) {
        clearTimeout(t);
        s.end();
        resolve(got.subarray(0, 4).toString('hex'));
      }
    });
    s.on('error', (e) => {
      clearTimeout(t);
      resolve(e);
    });
  });
}

/** `Key=value` lines of a unit file, by key (in order). */
export function unitValues(text) {
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (m) (out[m[1]] ??= []).push(m[2]);
  }
  return out;
}

/**
 * systemd-socket-activate arguments for the generated units: one `-l ADDRESS --fdname=HINT` per socket unit, in the
 * order of the drop-in's Sockets= (that is the order of the descriptors), and `-E` for each Environment= assignment.
 * BindIPv6Only=, FreeBind= and the like have no systemd-socket-activate equivalent; the tests use loopback
 * addresses, where they make no difference.
 */
export function activationArgs(dir, service) {
  const dropin = readFileSync(join(dir, `${service}.service.d`, '50-socket-activation.conf'), 'utf8');
  const d = unitValues(dropin);
  const sockets = (d.Sockets ?? []).join(' ').split(/\s+/).filter(Boolean);
  const args = [];
  const hints = [];
  for (const s of sockets) {
    const u = unitValues(readFileSync(join(dir, s), 'utf8'));
    const listen = u.ListenStream?.[0];
    const hint = u.FileDescriptorName?.[0];
    args.push('-l', listen, `--fdname=${hint}`);
    hints.push({ unit: s, listen, hint });
  }
  for (const e of d.Environment ?? []) for (const a of e.split(/\s+/).filter(Boolean)) args.push('-E', a);
  return { args, hints, sockets, environment: d.Environment ?? [] };
}

/** The generated files of a directory, as `# file: PATH` blocks (for the report). */
export function unitTexts(dir) {
  const files = [];
  const walk = (d, rel) => {
    for (const f of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (f.isDirectory()) walk(join(d, f.name), join(rel, f.name));
      else files.push(`# file: ${join(rel, f.name)}\n${readFileSync(join(d, f.name), 'utf8')}`);
    }
  };
  walk(dir, '');
  return files.join('\n');
}

/** strace lines worth showing: socket() calls the units name, and every bind()/listen(). */
export function straceExcerpt(trace, units) {
  const lines = trace.split('\n');
  const named = new Set([...units.matchAll(/strace line (\d+)/g)].map((m) => Number(m[1])));
  return lines.filter((l, i) => named.has(i + 1) || /\b(bind|listen)\(/.test(l)).join('\n');
}
