/**
 * Hostile files over the real protocol (dist/server.js over stdio). After opening each one, the server must publish
 * diagnostics (at most the per-file limit + 1 note) and still answer hover, documentSymbol and foldingRange within 5 s
 * of the didOpen; no feature may fail (the server's guard logs "… failed" on stderr when one throws), and its memory
 * must stay bounded. Each case's timings are printed as a table.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { startServer, type TestServer } from '../support/lspClient.js';
import { decodeBytes } from '../../server/src/parser/bytes.js';

const MB = 1024 * 1024;
const ANSWER_MS = 5000;

function rss(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** Deterministic pseudo-random bytes. */
function randomBytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

interface Case {
  readonly name: string;
  readonly text: () => string;
  /** A position to hover (default: line 1, character 2). */
  readonly hover?: { line: number; character: number };
  /** Skip the folding request (a known, reported issue makes it take far longer than 5 s). */
  readonly skipFolding?: string;
}

const CASES: Case[] = [
  // What an editor sends for a binary file: UTF-8 decoding with U+FFFD for invalid sequences; lines end at \n, \r, NUL.
  { name: '5 MB of random bytes (as an editor decodes them)', text: () => randomBytes(5 * MB, 1).toString('utf8') },
  // What the CLI reads: the lossless decoder, every invalid byte a lone surrogate.
  { name: '5 MB of random bytes (lossless decoder)', text: () => decodeBytes(randomBytes(5 * MB, 2)) },
  {
    name: '1 MB single line (ExecStart= with 350,000 words)',
    text: () => `[Service]\nExecStart=/usr/bin/foo ${'ab '.repeat(Math.floor(MB / 3))}\n`,
    hover: { line: 1, character: 500000 },
  },
  {
    name: '1 MB single line without spaces',
    text: () => `[Service]\nExecStart=/usr/bin/${'a'.repeat(MB)}\n`,
    hover: { line: 1, character: 500000 },
  },
  {
    name: "2 MB single line (over systemd's 1 MiB line limit)",
    text: () => `[Unit]\nDescription=${'x'.repeat(2 * MB)}\n`,
    hover: { line: 1, character: 3 },
  },
  {
    name: 'NUL bytes (100,000, with unit text between)',
    text: () => ('[Service]\0ExecStart=/bin/true\0' + '\0'.repeat(1000)).repeat(100),
  },
  {
    name: 'invalid UTF-8 (20,000 lines with bad bytes, lossless decoder)',
    text: () =>
      decodeBytes(
        Buffer.concat(
          Array.from({ length: 20000 }, () => Buffer.from([...Buffer.from('Description=caf'), 0xe9, 0xff, 0xc3, 0x0a])),
        ),
      ),
  },
  { name: '100,000 section headers', text: () => '[Service]\n'.repeat(100000) },
  {
    name: '100,000 section headers, mixed and unknown',
    text: () =>
      `${Array.from({ length: 100000 }, (_, i) => ['[Unit]', '[Service]', '[X-Foo]', '[Bogus]'][i % 4]).join('\n')}\n`,
  },
  {
    name: '50,000 continuation lines',
    text: () => `[Service]\nExecStart=/bin/echo \\\n${'  arg \\\n'.repeat(50000)}  end\n`,
    hover: { line: 1, character: 12 },
  },
  {
    name: '50,000 comment lines inside a continuation',
    text: () => `[Service]\nExecStart=/bin/echo \\\n${'# note\n'.repeat(50000)}  end\n`,
    hover: { line: 1, character: 12 },
  },
  {
    name: 'BOM with CRLF (1,000 lines)',
    text: () =>
      `\uFEFF[Unit]\r\nDescription=x\r\n[Service]\r\n${'Environment=A=b\r\n'.repeat(1000)}ExecStart=/bin/true\r\n`,
    hover: { line: 0, character: 3 },
  },
  {
    name: '50,000 unknown directives',
    text: () =>
      `[Service]\nExecStart=/bin/true\n${Array.from({ length: 50000 }, (_, i) => `Foo${i}=bar`).join('\n')}\n`,
  },
  {
    name: '50,000 duplicate assignments',
    text: () => `[Service]\nExecStart=/bin/true\n${'Type=simple\n'.repeat(50000)}`,
  },
  {
    name: '10,000 specifiers in one value',
    text: () => `[Service]\nExecStart=/bin/echo ${'%n%i%Z%%'.repeat(10000)}\n`,
    hover: { line: 1, character: 30 },
  },
];

interface Row {
  name: string;
  kb: number;
  diagnostics: number;
  diagMs: number;
  hoverMs: number;
  symbolsMs: number;
  foldingMs: number | string;
  rssMB: number;
}
const rows: Row[] = [];
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
  const w = Math.max(...rows.map((r) => r.name.length));
  const f = (x: number | string): string => (typeof x === 'number' ? x.toFixed(0) : x).padStart(8);
  console.log(
    [
      `${'case'.padEnd(w)}  ${'size KB'.padStart(8)} ${'diags'.padStart(6)} ${'diag ms'.padStart(8)} ${'hover ms'.padStart(8)} ${'symbols'.padStart(8)} ${'folding'.padStart(8)} ${'RSS MB'.padStart(7)}`,
      ...rows.map(
        (r) =>
          `${r.name.padEnd(w)}  ${f(r.kb)} ${String(r.diagnostics).padStart(6)} ${f(r.diagMs)} ${f(r.hoverMs)} ${f(r.symbolsMs)} ${f(r.foldingMs)} ${r.rssMB.toFixed(0).padStart(7)}`,
      ),
      '(all times from the didOpen; requests are sent right after it, as an editor does)',
    ].join('\n'),
  );
});

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, rej) => setTimeout(() => rej(new Error(`${what}: no answer within ${ms} ms`)), ms)),
  ]);
}

describe('hostile files over the protocol', () => {
  CASES.forEach((c, i) => {
    it(
      c.name,
      async () => {
        const text = c.text();
        const uri = `file:///hostile/case${i}.service`;
        const errBefore = server.stderr().length;
        const t0 = performance.now();
        server.open(uri, text);
        const timed = async <T>(p: Promise<T>): Promise<number> => {
          await p;
          return performance.now() - t0;
        };
        const doc = { textDocument: { uri } };
        const diagP = timed(server.waitForDiagnostics(uri, () => true, 30000));
        const hoverP = timed(
          within(
            server.conn.sendRequest('textDocument/hover', { ...doc, position: c.hover ?? { line: 1, character: 2 } }),
            30000,
            'hover',
          ),
        );
        const symbolsP = timed(
          within(server.conn.sendRequest('textDocument/documentSymbol', doc), 30000, 'documentSymbol'),
        );
        const foldingP = c.skipFolding
          ? Promise.resolve(`skipped`)
          : timed(within(server.conn.sendRequest('textDocument/foldingRange', doc), 30000, 'foldingRange'));
        const [diagMs, hoverMs, symbolsMs, foldingMs] = await Promise.all([diagP, hoverP, symbolsP, foldingP]);
        const diags = server.diagnostics.get(uri)!.diagnostics;
        const mem = rss(server.proc.pid!);
        rows.push({
          name: c.name,
          kb: text.length / 1024,
          diagnostics: diags.length,
          diagMs,
          hoverMs,
          symbolsMs,
          foldingMs,
          rssMB: mem / MB,
        });

        const closed = server.waitForDiagnostics(uri, (d) => d.length === 0, 30000);
        server.diagnostics.delete(uri);
        void server.conn.sendNotification('textDocument/didClose', doc);
        await closed;

        expect(diags.length).toBeLessThanOrEqual(1001);
        expect(server.stderr().slice(errBefore)).not.toMatch(/failed/);
        expect(hoverMs).toBeLessThan(ANSWER_MS);
        expect(symbolsMs).toBeLessThan(ANSWER_MS);
        if (typeof foldingMs === 'number') expect(foldingMs).toBeLessThan(ANSWER_MS);
        expect(mem).toBeLessThan(1024 * MB);
      },
      60_000,
    );
  });
});

describe('known issue: folding is quadratic in the number of sections', () => {
  // services/folding.ts filters every node for every section (O(sections x nodes)): 100,000 headers take 35-60 s
  // in process and block the server meanwhile. Reported with a linear fix; when it is in, change `it.fails` to `it`.
  it('answers foldingRange for 100,000 section headers within 5 s', async () => {
    const s = await startServer();
    try {
      const uri = 'file:///hostile/folding.service';
      s.open(uri, '[Service]\n'.repeat(100000));
      await within(
        s.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } }),
        ANSWER_MS,
        'foldingRange',
      );
    } finally {
      s.proc.kill('SIGKILL');
      s.conn.dispose();
    }
  }, 30_000);
});
