/**
 * Leak check over the real protocol: closing a document must free what the server keeps for it (the document
 * store and the parse cache). 20 cycles of opening and closing 50 generated 1,000-line units; after each cycle the
 * server runs a forced full GC (preloaded hook, see bench/lib/gcHook.cjs) and we read its heap and RSS.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { startServer, SERVER, type TestServer } from '../support/lspClient.js';
import { generateUnit } from '../../bench/lib/generate.mjs';

const GC_HOOK = join(__dirname, '../../bench/lib/gcHook.cjs');
const MB = 1024 * 1024;

function rss(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

async function forceGc(server: TestServer): Promise<{ heapUsed: number; rss: number }> {
  const mark = server.stderr().length;
  server.proc.kill('SIGUSR2');
  const deadline = Date.now() + 10000;
  for (;;) {
    const m = /SDU-MEM (\{.*\})\n/.exec(server.stderr().slice(mark));
    if (m) return { heapUsed: JSON.parse(m[1]!).heapUsed, rss: rss(server.proc.pid!) };
    if (Date.now() > deadline) throw new Error(`gc hook did not answer; stderr: ${server.stderr().slice(-500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let server: TestServer | undefined;
afterAll(async () => {
  await server?.close();
});

describe('open/close cycles free the documents', () => {
  it('20 cycles of 50 x 1,000-line units: heap flat, RSS growth < 20 MB', async () => {
    server = await startServer({ cmd: [process.execPath, '--expose-gc', '-r', GC_HOOK, SERVER, '--stdio'] });
    const s = server;
    const texts: string[] = Array.from({ length: 50 }, (_, i) => generateUnit(1000, i + 1));
    const samples: { heapUsed: number; rss: number }[] = [];
    for (let cycle = 0; cycle < 20; cycle++) {
      const uris = texts.map((_, i) => `file:///leak/c${cycle}/u${i}.service`);
      uris.forEach((u, i) => s.open(u, texts[i]!));
      await Promise.all(uris.map((u) => s.waitForDiagnostics(u, () => true, 30000)));
      // A request on each document so every feature's per-document state (if any) exists before closing.
      await Promise.all(
        uris.slice(0, 5).map((u) => s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } })),
      );
      for (const u of uris) {
        s.diagnostics.delete(u);
        void s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
      }
      // The server answers close with an empty publish; wait for all of them.
      await Promise.all(uris.map((u) => s.waitForDiagnostics(u, (d) => d.length === 0, 30000)));
      samples.push(await forceGc(s));
    }
    const heapGrowth = samples[19]!.heapUsed - samples[1]!.heapUsed;
    const rssGrowth = samples[19]!.rss - samples[1]!.rss;
    console.log(
      `leak check: heap after GC ${samples.map((x) => (x.heapUsed / MB).toFixed(1)).join(' ')} MB; RSS ${samples.map((x) => (x.rss / MB).toFixed(0)).join(' ')} MB; growth cycle 2->20: heap ${(heapGrowth / MB).toFixed(2)} MB, RSS ${(rssGrowth / MB).toFixed(1)} MB`,
    );
    expect(heapGrowth).toBeLessThan(5 * MB);
    expect(rssGrowth).toBeLessThan(20 * MB);
  }, 240_000);
});
