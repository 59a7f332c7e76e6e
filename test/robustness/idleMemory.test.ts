/**
 * The server gives memory back once it goes quiet after a burst (server/src/idleMemory.ts): opening 150 units of
 * 1,000 lines grows V8's young generation to its maximum; about seven seconds after the last message the server
 * collects and V8 shrinks it. Over the real protocol, reading the server's VmRSS; no forced collection from the
 * test (the server must do it on its own).
 */
import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { startServer, type TestServer } from '../support/lspClient.js';
import { generateUnit } from '../../bench/lib/generate.mjs';

const MB = 1024 * 1024;
const rss = (pid: number): number =>
  Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

let server: TestServer | undefined;
afterAll(async () => {
  await server?.close();
});

describe('memory after a burst', () => {
  it('is given back when the client goes quiet, and kept while it is busy', async () => {
    server = await startServer();
    const s = server;
    const pid = s.proc.pid!;
    const texts = Array.from({ length: 150 }, (_, i) => generateUnit(1000, i + 1));
    const uris = texts.map((_, i) => `file:///burst/u${i}/app.service`);
    uris.forEach((u, i) => s.open(u, texts[i]!));
    await Promise.all(uris.map((u) => s.waitForDiagnostics(u, () => true, 60000)));
    const burst = rss(pid);
    // Busy: a request every 500 ms for 8 s; nothing is released meanwhile (no pause in the middle of work).
    const busy: number[] = [];
    for (let i = 0; i < 16; i++) {
      await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uris[i]! } });
      busy.push(rss(pid));
      await new Promise((r) => setTimeout(r, 500));
    }
    // Quiet: within 12 s the server has collected and the young generation's pages are returned.
    let settled = rss(pid);
    for (let waited = 0; waited < 12000 && settled > burst - 15 * MB; waited += 500) {
      await new Promise((r) => setTimeout(r, 500));
      settled = rss(pid);
    }
    console.log(
      `idle memory: after the burst ${(burst / MB).toFixed(1)} MB, busy min ${(Math.min(...busy) / MB).toFixed(1)} MB, settled ${(settled / MB).toFixed(1)} MB`,
    );
    expect(Math.min(...busy)).toBeGreaterThan(burst - 10 * MB);
    expect(settled).toBeLessThan(burst - 15 * MB);
    // And the server still answers, with its caches rebuilt on demand.
    const symbols = await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uris[0]! } });
    expect(Array.isArray(symbols) && symbols.length > 0).toBe(true);
  }, 120_000);
});
