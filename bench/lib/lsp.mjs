/**
 * A small LSP client for the benchmarks: spawns the bundled server over stdio (vscode-jsonrpc), tracks
 * publishDiagnostics by uri and version, and reads the server's RSS from /proc/PID/status.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const now = () => performance.now();

/**
 * Start `node [nodeArgs] dist/server.js --stdio` and initialize it.
 * Returns the client with `initMs` (spawn to the initialize response).
 */
export async function startServer({ server, nodeArgs = [], settings = {}, rootUri = null } = {}) {
  const t0 = now();
  const proc = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  const stderrWaiters = [];
  proc.stderr.on('data', (d) => {
    stderr += d.toString();
    for (const w of stderrWaiters.splice(0)) w();
  });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  /** uri -> { version, diagnostics, at } of the last publish */
  const last = new Map();
  /** waiters: { uri, version, resolve } */
  let waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = now();
    last.set(p.uri, { version: p.version, count: p.diagnostics.length, at });
    const keep = [];
    for (const w of waiters) {
      if (w.uri === p.uri && (w.version === undefined || p.version === w.version))
        w.resolve({ at, count: p.diagnostics.length, diagnostics: p.diagnostics });
      else keep.push(w);
    }
    waiters = keep;
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  const exited = new Promise((r) => proc.on('exit', (code, signal) => r({ code, signal })));
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true },
      textDocument: {
        // What VS Code 1.100 declares for completion (so replies are measured as VS Code receives them).
        completion: {
          completionItem: {
            snippetSupport: true,
            resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
          },
          completionList: {
            itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'],
          },
        },
        hover: { contentFormat: ['markdown'] },
      },
    },
    // As our VS Code client starts it (clientCommands: completion items carry VS Code's retrigger command).
    initializationOptions: { ...settings, clientCommands: true },
  });
  const initMs = now() - t0;
  await conn.sendNotification('initialized', {});

  const client = {
    conn,
    proc,
    initMs,
    exited,
    stderr: () => stderr,
    /** Promise of the next publishDiagnostics for uri (and version, if given). */
    nextDiagnostics(uri, version, timeoutMs = 60000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () =>
            reject(
              new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${stderr.slice(-2000)}`),
            ),
          timeoutMs,
        );
        waiters.push({
          uri,
          version,
          resolve: (r) => {
            clearTimeout(t);
            resolve(r);
          },
        });
      });
    },
    open(uri, text, version = 1) {
      return conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'systemd', version, text },
      });
    },
    change(uri, version, changes) {
      return conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: changes,
      });
    },
    closeDoc(uri) {
      return conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    request(method, params) {
      return conn.sendRequest(method, params);
    },
    /** Resident set size of the server process, in bytes (VmRSS). */
    pid: proc.pid,
    rss() {
      return statusField(proc.pid, 'VmRSS');
    },
    peakRss() {
      return statusField(proc.pid, 'VmHWM');
    },
    /**
     * With the gc hook preloaded (-r bench/lib/gcHook.cjs, --expose-gc): force a full GC in the server and
     * return its process.memoryUsage() afterwards.
     */
    async gc(timeoutMs = 10000) {
      const mark = stderr.length;
      proc.kill('SIGUSR2');
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = /SDU-MEM (\{.*\})\n/.exec(stderr.slice(mark));
        if (m) return JSON.parse(m[1]);
        if (Date.now() > deadline) throw new Error('gc hook did not answer (is -r gcHook.cjs loaded?)');
        await new Promise((r) => {
          const t = setTimeout(r, 50);
          stderrWaiters.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      conn.dispose();
      if (proc.exitCode === null && proc.signalCode === null) proc.kill();
      return exited;
    },
  };
  return client;
}

export function statusField(pid, field) {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(s);
  return m ? Number(m[1]) * 1024 : NaN;
}

export function quantile(xs, q) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i];
}
export const median = (xs) => quantile(xs, 0.5);

/** Deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
