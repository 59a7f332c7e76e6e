import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type TestServer } from '../support/lspClient.js';

let ws: string;
let server: TestServer;

beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'sdu-lsp-'));
  writeFileSync(join(ws, 'db.service'), '[Service]\nExecStart=/usr/bin/db\n');
  server = await startServer({ rootUri: pathToFileURL(ws).href });
});
afterAll(async () => { await server?.close(); });

const uriOf = (name: string): string => pathToFileURL(join(ws, name)).href;

describe('language server over stdio', () => {
  it('publishes diagnostics on open and after an incremental change', async () => {
    const uri = uriOf('web.service');
    server.open(uri, '[Service]\nExecStrat=/usr/bin/web\nRestart=sometimes\n');
    const first = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    const codes = first.map((d) => d.code).sort();
    expect(codes).toContain('unknown-directive');
    expect(codes).toContain('invalid-value');
    // Fix the typo with a one-character edit: "ExecStrat" -> "ExecStart" needs two; replace the range instead.
    server.change(uri, 2, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } }, text: 'Start' }]);
    const second = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'unknown-directive'));
    expect(second.map((d) => d.code)).toEqual(['invalid-value']);
  });

  it('completes directives of the section with = inserted, and values by kind', async () => {
    const uri = uriOf('c.service');
    server.open(uri, '[Service]\nRest\nType=\n');
    const items: any = await server.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 4 } });
    const labels = items.items.map((i: any) => i.label);
    expect(labels).toContain('Restart=');
    expect(labels).not.toContain('After='); // [Unit] only
    const restart = items.items.find((i: any) => i.label === 'Restart=');
    expect(restart.textEdit.newText).toBe('Restart=');
    const values: any = await server.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 5 } });
    expect(values.items.map((i: any) => i.label)).toEqual(expect.arrayContaining(['simple', 'exec', 'forking', 'oneshot', 'dbus', 'notify', 'notify-reload', 'idle']));
  });

  it('hovers a directive with our summary and the man page link', async () => {
    const uri = uriOf('h.service');
    server.open(uri, '[Service]\nExecStart=/bin/true\nTimeoutStopSec=1min 30s\n');
    const hover: any = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    expect(hover.contents.value).toContain('**ExecStart=**');
    expect(hover.contents.value).toContain('systemd.service.html#ExecStart%3D');
    const value: any = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 17 } });
    expect(value.contents.value).toContain('90 s');
  });

  it('offers a quick fix for a typo', async () => {
    const uri = uriOf('q.service');
    server.open(uri, '[Service]\nExecStrat=/bin/true\n');
    const diags = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    const actions: any = await server.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags } });
    const fix = actions.find((a: any) => a.title === "Change to 'ExecStart'");
    expect(fix).toBeTruthy();
    expect(fix.edit.changes[uri][0].newText).toBe('ExecStart');
  });

  it('goes to the definition of a unit named in After=', async () => {
    const uri = uriOf('app.service');
    server.open(uri, '[Unit]\nAfter=db.service\n[Service]\nExecStart=/bin/true\n');
    const def: any = await server.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 1, character: 8 } });
    expect(def[0].uri).toBe(uriOf('db.service'));
  });

  it('answers for unknown documents without dying', async () => {
    const r = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope.service' }, position: { line: 0, character: 0 } });
    expect(r).toBeNull();
    const symbols: any = await server.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf('h.service') } });
    expect(symbols[0].name).toBe('[Service]');
  });
});

describe('systemd-units lsp --stdio', () => {
  it('starts the same server from the CLI', async () => {
    const s = await startServer({ cmd: [process.execPath, join(__dirname, '../../dist/cli.js'), 'lsp', '--stdio'] });
    const uri = 'file:///tmp/x.socket';
    s.open(uri, '[Socket]\nListenStream=80\n[Service]\n');
    const d = await s.waitForDiagnostics(uri, (x) => x.length > 0);
    expect(d.map((x) => x.code)).toEqual(['unknown-section']);
    await s.close();
  });
});
