/**
 * The hardening features through the real language server (dist/server.js over stdio) and the CLI: the hints with
 * the setting on, the hover on [Service], Show Security and Harden This Service as `workspace/executeCommand`, and
 * `systemd-units check --hardening`.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type TestServer } from '../support/lspClient.js';
import { main } from '../../server/src/cli.js';

let ws = '';
let server: TestServer;
const UNIT = '[Unit]\nDescription=Lsp\n\n[Service]\nExecStart=/usr/bin/lsp\n';

beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'seclsp-'));
  mkdirSync(join(ws, 'etc/systemd/system'), { recursive: true });
  writeFileSync(join(ws, 'etc/systemd/system/lsp.service'), UNIT);
  server = await startServer({ rootUri: pathToFileURL(ws).href, settings: { targetVersion: 252 } });
});
afterAll(async () => {
  await server?.close();
  rmSync(ws, { recursive: true, force: true });
});

describe('hardening over LSP', () => {
  const uri = (): string => pathToFileURL(join(ws, 'etc/systemd/system/lsp.service')).href;

  it('publishes one hint per failing check and hovers the score on [Service]', async () => {
    server.open(uri(), UNIT);
    const d = await server.waitForDiagnostics(uri(), (x) => x.length > 0);
    const hints = d.filter((x) => String(x.code).startsWith('hardening-'));
    expect(hints.length).toBeGreaterThan(60);
    expect(hints.every((x) => x.severity === 4)).toBe(true);
    const hover: any = await server.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: uri() },
      position: { line: 3, character: 3 },
    });
    expect(hover.contents.value).toContain('**Exposure 9.6 UNSAFE**');
  });

  it('runs Show Security and plans Harden This Service', async () => {
    const shown: any = await server.conn.sendRequest('workspace/executeCommand', {
      command: 'systemd-units.showSecurity',
      arguments: [uri()],
    });
    expect(shown.ok).toBe(true);
    expect(shown.text).toMatch(/→ Overall exposure level for lsp\.service: 9\.6 UNSAFE/);
    // This test client cannot create files: the server writes the drop-in itself, inside the workspace root.
    const harden: any = await server.conn.sendRequest('workspace/executeCommand', {
      command: 'systemd-units.hardenService',
      arguments: [uri(), 'safe'],
    });
    expect(harden.ok).toBe(true);
    expect(JSON.stringify(harden)).toContain('lsp.service.d/hardening.conf');
    const written = readFileSync(join(ws, 'etc/systemd/system/lsp.service.d/hardening.conf'), 'utf8');
    expect(written).toMatch(/^# Hardening for lsp\.service \(safe level\)/);
    expect(written).toMatch(/# [^\n]+\nNoNewPrivileges=yes\n/);
  });
});

describe('systemd-units check --hardening', () => {
  const run = (args: string[]): { code: number; out: string } => {
    let out = '';
    const code = main(args, {
      stdout: (s) => {
        out += s;
      },
      stderr: () => undefined,
    });
    return { code, out };
  };
  it('shows the hints only when asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seccli-'));
    writeFileSync(join(dir, 'a.service'), UNIT);
    try {
      expect(run(['check', '--format', 'json', dir]).out).not.toContain('hardening-');
      const on = JSON.parse(run(['check', '--format', 'json', '--hardening', '--target-version', '252', dir]).out);
      expect(on.filter((f: { code: string }) => f.code.startsWith('hardening-')).length).toBeGreaterThan(60);
      const one = JSON.parse(
        run(['check', '--format', 'json', '--severity', 'hardening-private-tmp=warning', dir]).out,
      ) as { code: string; severity: string }[];
      expect(one.find((f) => f.code === 'hardening-private-tmp')?.severity).toBe('warning');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
