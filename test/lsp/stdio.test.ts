import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { startServer, type TestServer } from '../support/lspClient.js';

let ws: string;
let server: TestServer;

beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'sdu-lsp-'));
  writeFileSync(join(ws, 'db.service'), '[Service]\nExecStart=/usr/bin/db\n');
  server = await startServer({ rootUri: pathToFileURL(ws).href });
});
afterAll(async () => {
  await server?.close();
});

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
    server.change(uri, 2, [
      { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } }, text: 'Start' },
    ]);
    const second = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'unknown-directive'));
    expect(second.map((d) => d.code)).toEqual(['invalid-value']);
  });

  it('completes directives of the section with = inserted, and values by kind', async () => {
    const uri = uriOf('c.service');
    server.open(uri, '[Service]\nRest\nType=\n');
    const items: any = await server.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 4 },
    });
    const labels = items.items.map((i: any) => i.label);
    expect(labels).toContain('Restart=');
    expect(labels).not.toContain('After='); // [Unit] only
    const restart = items.items.find((i: any) => i.label === 'Restart=');
    expect(restart.textEdit.newText).toBe('Restart=');
    const values: any = await server.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 5 },
    });
    expect(values.items.map((i: any) => i.label)).toEqual(
      expect.arrayContaining(['simple', 'exec', 'forking', 'oneshot', 'dbus', 'notify', 'notify-reload', 'idle']),
    );
  });

  it('hovers a directive with our summary and the man page link', async () => {
    const uri = uriOf('h.service');
    server.open(uri, '[Service]\nExecStart=/bin/true\nTimeoutStopSec=1min 30s\n');
    const hover: any = await server.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 3 },
    });
    expect(hover.contents.value).toContain('**ExecStart=**');
    expect(hover.contents.value).toContain('systemd.service.html#ExecStart%3D');
    const value: any = await server.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 17 },
    });
    expect(value.contents.value).toContain('90 s');
  });

  it('offers a quick fix for a typo', async () => {
    const uri = uriOf('q.service');
    server.open(uri, '[Service]\nExecStrat=/bin/true\n');
    const diags = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    const actions: any = await server.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: diags },
    });
    const fix = actions.find((a: any) => a.title === "Change to 'ExecStart'");
    expect(fix).toBeTruthy();
    expect(fix.edit.changes[uri][0].newText).toBe('ExecStart');
  });

  it('goes to the definition of a unit named in After=', async () => {
    const uri = uriOf('app.service');
    server.open(uri, '[Unit]\nAfter=db.service\n[Service]\nExecStart=/bin/true\n');
    const def: any = await server.conn.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: { line: 1, character: 8 },
    });
    expect(def[0].uri).toBe(uriOf('db.service'));
  });

  it('answers for unknown documents without dying', async () => {
    const r = await server.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///nope.service' },
      position: { line: 0, character: 0 },
    });
    expect(r).toBeNull();
    const symbols: any = await server.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: uriOf('h.service') },
    });
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

describe('a stateless server that follows changes (issue 9, item 5)', () => {
  it('resolves any completion item from the data it carries, not only items of the last list', async () => {
    const uri = uriOf('r.service');
    server.open(uri, '[Service]\nRest\nType=\n');
    const first: any = await server.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 4 },
    });
    // A second list in between: the old server only remembered the last one.
    await server.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 5 },
    });
    const item = first.items.find((i: any) => i.label === 'Restart=');
    const resolved: any = await server.conn.sendRequest('completionItem/resolve', item);
    expect(resolved.documentation.value).toContain('Restart=');
  });

  it('refreshes the diagnostics of an open socket unit when its service is fixed in the editor', async () => {
    const sock = uriOf('app2.socket');
    const svc = uriOf('app2.service');
    server.open(svc, '[Service]\nExecStart=/usr/bin/app2\n');
    server.open(sock, '[Socket]\nListenStream=8080\nFileDescriptorName=socket(2,1,6)=0\n');
    const before = await server.waitForDiagnostics(sock, (d) => d.some((x) => x.code === 'fd-hint-no-preload'));
    expect(before.map((d) => d.code)).toContain('fd-hint-no-preload');
    server.change(svc, 2, [
      {
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
        text: 'Environment=LD_PRELOAD=/usr/local/lib/sockethack/libsockethack.so\n',
      },
    ]);
    const after = await server.waitForDiagnostics(sock, (d) => !d.some((x) => x.code === 'fd-hint-no-preload'));
    expect(after.map((d) => d.code)).not.toContain('fd-hint-no-preload');
  });

  it('does not re-check units of the same name in unrelated folders (not on disk) against each other', async () => {
    const uris = Array.from({ length: 30 }, (_, i) => pathToFileURL(join(ws, `same/${i}/big.service`)).href);
    for (const uri of uris) server.open(uri, '[Service]\nExecStart=/usr/bin/big\n');
    for (const uri of uris) await server.waitForDiagnostics(uri);
    await new Promise((r) => setTimeout(r, 100));
    expect(uris.map((u) => server.publishCount(u))).toEqual(uris.map(() => 1));
  });

  it('sends completion lists compactly: short sort keys in order, no VS Code command for other clients', async () => {
    const uri = uriOf('compact.service');
    server.open(uri, '[Service]\nExecStart=/usr/bin/x\n\n');
    await server.waitForDiagnostics(uri);
    const r: any = await server.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 0 },
    });
    const items: any[] = r.items;
    expect(items.length).toBeGreaterThan(200);
    for (const it of items) {
      expect(it.sortText).toMatch(/^[0-9a-z]{3}$/);
      expect(it.command).toBeUndefined(); // editor.action.triggerSuggest is VS Code's: only our VS Code client gets it
      expect(it.filterText).toBeUndefined();
    }
    const order = [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1)).map((i) => i.label);
    expect(order.indexOf('ExecStart=')).toBeLessThan(10);
    expect(new Set(items.map((i) => i.sortText)).size).toBe(items.length);
  });

  it('checks each of many units of one folder once when they are opened as they are on disk', async () => {
    // Opening a file unchanged from disk changes nothing for its neighbours: no re-check of each other (quadratic).
    const dir = join(ws, 'many');
    mkdirSync(dir, { recursive: true });
    const uris: string[] = [];
    for (let i = 0; i < 30; i++) {
      const text = `[Unit]\nAfter=m${(i + 1) % 30}.service\n[Service]\nExecStart=/usr/bin/m${i}\n`;
      writeFileSync(join(dir, `m${i}.service`), text);
      const uri = pathToFileURL(join(dir, `m${i}.service`)).href;
      uris.push(uri);
      server.open(uri, text);
    }
    for (const uri of uris) await server.waitForDiagnostics(uri);
    // A unit opened with text that differs from disk does refresh its neighbours.
    const changed = pathToFileURL(join(dir, 'm0.service')).href;
    const before = server.publishCount(uris[1]);
    await new Promise((r) => setTimeout(r, 100));
    expect(uris.map((u) => server.publishCount(u))).toEqual(uris.map(() => 1));
    server.change(changed, 2, [
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'Type=exec\n' },
    ]);
    const deadline = Date.now() + 5000;
    while (server.publishCount(uris[1]) === before && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(server.publishCount(uris[1])).toBe(before + 1);
  });

  it('refreshes when a file changes on disk (workspace/didChangeWatchedFiles)', async () => {
    // A workspace that mirrors a root: the drop-in's unit is looked up in the workspace's unit folders.
    const dropin = uriOf('etc/systemd/system/disk.service.d/override.conf');
    mkdirSync(join(ws, 'etc/systemd/system/disk.service.d'), { recursive: true });
    server.open(dropin, '[Service]\nExecStart=/usr/bin/new\n');
    // No disk.service yet: the drop-in applies to nothing.
    await server.waitForDiagnostics(dropin, (d) => d.some((x) => x.code === 'dropin-unknown-unit'));
    mkdirSync(join(ws, 'usr/lib/systemd/system'), { recursive: true });
    writeFileSync(join(ws, 'usr/lib/systemd/system/disk.service'), '[Service]\nExecStart=/usr/bin/old\n');
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf('usr/lib/systemd/system/disk.service'), type: 1 }],
    });
    const after = await server.waitForDiagnostics(dropin, (d) => d.some((x) => x.code === 'dropin-missing-reset'));
    expect(after.map((d) => d.code)).toContain('dropin-missing-reset');
    expect(after.map((d) => d.code)).not.toContain('dropin-unknown-unit');
  });

  it('coalesces a burst of edits: the published diagnostics are for the newest version', async () => {
    const uri = uriOf('burst.service');
    server.open(uri, '[Service]\nExecStart=/bin/true\n');
    for (let v = 2; v <= 200; v++) {
      server.change(uri, v, [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'X' },
      ]);
    }
    const d = await server.waitForDiagnostics(uri, () => server.diagnostics.get(uri)?.version === 200);
    expect(server.diagnostics.get(uri)?.version).toBe(200);
    expect(d.map((x) => x.code)).toEqual(['missing-equals']);
  });
});

describe('a broken message stream', () => {
  async function frame(text: string): Promise<{ code: number | null; stderr: string }> {
    const { spawn } = await import('node:child_process');
    const p = spawn(process.execPath, [join(__dirname, '../../dist/server.js'), '--stdio']);
    let stderr = '';
    p.stderr.on('data', (d) => {
      stderr += d;
    });
    p.stdin.write(text);
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        p.kill();
        resolve({ code: null, stderr });
      }, 15000);
      p.on('exit', (code) => {
        clearTimeout(t);
        resolve({ code, stderr });
      });
    });
  }
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { capabilities: {}, processId: null, rootUri: null },
  });

  it('exits with a clear message after a Content-Length that is too short', async () => {
    const r = await frame(`Content-Length: ${body.length - 5}\r\n\r\n${body}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/out of step/);
  });

  it('exits with a clear message when a header has no Content-Length', async () => {
    const r = await frame(`Content-Type: application/json\r\n\r\n${body}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/out of step/);
  });
});

describe('diagnostics for the Problems panel', () => {
  it("carry a link to the code's page, Deprecated/Unnecessary tags and the related line", async () => {
    const uri = uriOf('panel.service');
    server.open(uri, '[Unit]\nBindTo=a.service\n[Service]\nExecStart=/bin/true\nRestart=always\nRestart=on-failure\n');
    const d = await server.waitForDiagnostics(uri, (x) => x.length >= 2);
    const renamed = d.find((x) => x.code === 'renamed-directive');
    expect(renamed.codeDescription.href).toMatch(/docs\/diagnostics\.md#renamed-directive$/);
    expect(renamed.tags).toEqual([2]); // Deprecated
    const dup = d.find((x) => x.code === 'duplicate-directive');
    expect(dup.tags).toEqual([1]); // Unnecessary
    expect(dup.relatedInformation[0].location).toEqual({
      uri,
      range: { start: { line: 5, character: 0 }, end: { line: 5, character: 7 } },
    });
    expect(dup.relatedInformation[0].message).toContain('Restart=on-failure');
  });

  it('honours an inline suppression comment', async () => {
    const uri = uriOf('quiet.service');
    server.open(
      uri,
      '[Service]\nExecStart=/bin/true\n# systemd-units: ignore unknown-directive\nFrobnicate=1\nWobble=1\n',
    );
    const d = await server.waitForDiagnostics(uri, (x) => x.length > 0);
    expect(d.map((x) => x.range.start.line)).toEqual([4]);
  });
});

describe('standard features over LSP (issue 11)', () => {
  it('formats losslessly and idempotently', async () => {
    const uri = uriOf('fmt.service');
    const text = '[Unit]\nDescription = x  \n\n\n[Service]\nExecStart = /bin/true\n';
    server.open(uri, text);
    const edits: any[] = await server.conn.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'systemd', 1, text), edits);
    expect(formatted).toBe('[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/true\n');
    server.change(uri, 2, [{ text: formatted }]);
    const again: any[] = await server.conn.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(again).toEqual([]);
  });

  it('gives semantic tokens: section, keys (deprecated marked), values, specifiers', async () => {
    const uri = uriOf('tok.service');
    server.open(uri, '[Unit]\nBindTo=a.service\n[Service]\nExecStart=/bin/echo %n\n');
    const r: any = await server.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    const toks: number[][] = [];
    for (let i = 0; i < r.data.length; i += 5) toks.push(r.data.slice(i, i + 5));
    // [deltaLine, deltaChar, length, type, modifiers]; types: namespace 0, property 1, operator 2, string 3, …, macro 6, type 8
    expect(toks[0]).toEqual([0, 1, 4, 0, 0]); // Unit
    expect(toks[1]).toEqual([1, 0, 6, 1, 1]); // BindTo, deprecated (renamed)
    expect(toks.some((t) => t[3] === 6 && t[2] === 2)).toBe(true); // %n
  });

  it('finds references to a unit across the workspace and renames them with the file', async () => {
    const a = uriOf('ref-a.service');
    writeFileSync(
      join(ws, 'ref-b.service'),
      '[Unit]\nAfter=ref-db.service\nWants=ref-db.service\n[Service]\nExecStart=/bin/true\n',
    );
    writeFileSync(join(ws, 'ref-db.service'), '[Service]\nExecStart=/bin/true\n');
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf('ref-b.service'), type: 1 }],
    });
    server.open(a, '[Unit]\nRequires=ref-db.service\n[Service]\nExecStart=/bin/true\n');
    const refs: any[] = await server.conn.sendRequest('textDocument/references', {
      textDocument: { uri: a },
      position: { line: 1, character: 12 },
      context: { includeDeclaration: true },
    });
    expect(
      refs
        .map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.range.start.line}:${r.range.start.character}`)
        .sort(),
    ).toEqual(['ref-a.service:1:9', 'ref-b.service:1:6', 'ref-b.service:2:6']);
    const edit: any = await server.conn.sendRequest('textDocument/rename', {
      textDocument: { uri: a },
      position: { line: 1, character: 12 },
      newName: 'ref-store.service',
    });
    expect(edit.changes[uriOf('ref-b.service')]).toHaveLength(2);
    expect(edit.changes[a][0].newText).toBe('ref-store.service');
    await expect(
      server.conn.sendRequest('textDocument/rename', {
        textDocument: { uri: a },
        position: { line: 1, character: 12 },
        newName: 'ref-store.socket',
      }),
    ).rejects.toThrow(/keeps its type/);
  });

  it('shows time spans in seconds as inlay hints, highlights a key, lists workspace symbols', async () => {
    const uri = uriOf('hints.service');
    server.open(
      uri,
      '[Service]\nExecStart=/bin/true\nTimeoutStopSec=1min 30s\nExecStartPre=/bin/a\nExecStartPre=/bin/b\n',
    );
    const hints: any[] = await server.conn.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
    });
    expect(hints.map((h) => h.label)).toEqual([' = 90 s']);
    const hl: any[] = await server.conn.sendRequest('textDocument/documentHighlight', {
      textDocument: { uri },
      position: { line: 3, character: 2 },
    });
    expect(hl.map((h) => h.range.start.line)).toEqual([3, 4]);
    const syms: any[] = await server.conn.sendRequest('workspace/symbol', { query: 'db' });
    expect(syms.map((s) => s.name)).toContain('db.service');
  });

  it('puts a code lens on a unit that has drop-ins', async () => {
    mkdirSync(join(ws, 'lensed.service.d'), { recursive: true });
    writeFileSync(join(ws, 'lensed.service.d/a.conf'), '[Service]\nRestart=always\n');
    writeFileSync(join(ws, 'lensed.service.d/b.conf'), '[Service]\nNice=5\n');
    const uri = uriOf('lensed.service');
    server.open(uri, '[Service]\nExecStart=/bin/true\n');
    const lenses: any[] = await server.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    // And the exposure score of the service (drop-ins included), as systemd-analyze security gives it.
    expect(lenses.map((l) => l.command.title)).toEqual(['2 drop-ins · show effective unit', 'exposure 9.6 UNSAFE']);
    expect(lenses[1].command.command).toBe('systemd-units.showSecurity');
  });
});

describe('the drop-in workflows as server commands, for every client (issue 11)', () => {
  it('declares the commands, and code actions name them for clients other than VS Code', async () => {
    const mirror = mkdtempSync(join(tmpdir(), 'sdu-cmd-'));
    mkdirSync(join(mirror, 'usr/lib/systemd/system'), { recursive: true });
    mkdirSync(join(mirror, 'etc/systemd/system'), { recursive: true });
    const vendor = join(mirror, 'usr/lib/systemd/system/web.service');
    writeFileSync(vendor, '[Service]\nExecStart=/usr/bin/web\nRestart=on-failure\n');
    const applied: any[] = [];
    const s = await startServer({
      rootUri: pathToFileURL(mirror).href,
      workspaceCapabilities: {
        applyEdit: true,
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename'] },
      },
      handlers: {
        'workspace/applyEdit': (p: any) => {
          applied.push(p.edit);
          // Apply like an editor: create the file, then insert the text.
          for (const c of p.edit.documentChanges) {
            if (c.kind === 'create') {
              mkdirSync(dirname(fileURLToPath(c.uri)), { recursive: true });
              writeFileSync(fileURLToPath(c.uri), '', { flag: 'wx' });
            } else if (c.edits)
              for (const e of c.edits) writeFileSync(fileURLToPath(c.textDocument.uri), e.newText, { flag: 'a' });
          }
          return { applied: true };
        },
      },
    });
    try {
      const uri = pathToFileURL(vendor).href;
      s.open(uri, '[Service]\nExecStart=/usr/bin/web\nRestart=on-failure\n');
      await s.waitForDiagnostics(uri);
      const text: any = await s.conn.sendRequest('workspace/executeCommand', {
        command: 'systemd-units.showEffectiveUnit',
        arguments: [uri],
      });
      expect(text.text).toContain('Restart=on-failure');
      const r: any = await s.conn.sendRequest('workspace/executeCommand', {
        command: 'systemd-units.createOverride',
        arguments: [uri],
      });
      expect(r, s.stderr()).toMatchObject({ ok: true, applied: true });
      const written = join(mirror, 'etc/systemd/system/web.service.d/override.conf');
      expect(r.files).toEqual([written]);
      expect(readFileSync(written, 'utf8')).toContain('# Restart=on-failure');
      // Never over an existing file.
      const again: any = await s.conn.sendRequest('workspace/executeCommand', {
        command: 'systemd-units.createOverride',
        arguments: [uri],
      });
      expect(again.ok).toBe(false);
      expect(again.message).toContain('already exists');
    } finally {
      await s.close();
    }
  });

  it('asks before writing to the live system, and writes nothing when refused', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'sdu-cmd-live-'));
    const asked: string[] = [];
    const s = await startServer({
      rootUri: pathToFileURL(plain).href,
      workspaceCapabilities: {
        applyEdit: true,
        workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
      },
      handlers: {
        'window/showMessageRequest': (p: any) => {
          asked.push(p.message);
          return { title: 'Cancel' };
        },
        'workspace/applyEdit': () => {
          throw new Error('must not be asked to write');
        },
      },
    });
    try {
      const unit = join(plain, 'lonely.service');
      writeFileSync(unit, '[Service]\nExecStart=/bin/true\n');
      const r: any = await s.conn.sendRequest('workspace/executeCommand', {
        command: 'systemd-units.createOverride',
        arguments: [pathToFileURL(unit).href],
      });
      expect(r.ok).toBe(false);
      expect(asked[0]).toContain('/etc/systemd/system/lonely.service.d/override.conf');
      expect(existsSync('/etc/systemd/system/lonely.service.d')).toBe(false);
    } finally {
      await s.close();
    }
  });
});
