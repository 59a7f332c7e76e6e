/** A minimal LSP client over real stdio against the bundled server (dist/server.js). */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export interface TestServer {
  conn: MessageConnection;
  proc: ChildProcess;
  stderr: () => string;
  diagnostics: Map<string, { version?: number; diagnostics: any[] }>;
  waitForDiagnostics(uri: string, pred?: (d: any[]) => boolean, timeoutMs?: number): Promise<any[]>;
  /** How many times diagnostics were published for `uri` so far. */
  publishCount(uri: string): number;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: any[]): void;
  close(): Promise<void>;
}

export const SERVER = join(__dirname, '../../dist/server.js');

export interface StartOptions {
  rootUri?: string;
  settings?: unknown;
  args?: string[];
  cmd?: string[];
  /** Extra client capabilities under `workspace` (e.g. applyEdit, workspaceEdit). */
  workspaceCapabilities?: Record<string, unknown>;
  /** Answers server-to-client requests by method (workspace/applyEdit, window/showMessageRequest…). */
  handlers?: Record<string, (params: any) => unknown>;
}

export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const cmd = opts.cmd ?? [process.execPath, SERVER, '--stdio'];
  const proc = spawn(cmd[0]!, [...cmd.slice(1), ...(opts.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => {
    err += d.toString();
  });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, { version?: number; diagnostics: any[] }>();
  const waiters: (() => void)[] = [];
  const publishes = new Map<string, number>();
  conn.onNotification('textDocument/publishDiagnostics', (p: any) => {
    diagnostics.set(p.uri, { version: p.version, diagnostics: p.diagnostics });
    publishes.set(p.uri, (publishes.get(p.uri) ?? 0) + 1);
    waiters.splice(0).forEach((w) => w());
  });
  // The hardening hints (one per failing exposure check) stay out of tests that count diagnostics unless asked for.
  const settings = opts.settings ?? { hardening: { diagnostics: false } };
  conn.onRequest('workspace/configuration', (p: any) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  for (const [method, h] of Object.entries(opts.handlers ?? {})) conn.onRequest(method, h);
  conn.onNotification('window/showMessage', () => undefined);
  conn.onNotification('window/logMessage', (p: any) => {
    err += `[log] ${p.message}\n`;
  });
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.rootUri ?? null,
    workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true, ...opts.workspaceCapabilities },
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown'] },
      },
    },
    initializationOptions: settings,
  });
  await conn.sendNotification('initialized', {});
  const server: TestServer = {
    conn,
    proc,
    diagnostics,
    stderr: () => err,
    publishCount: (uri) => publishes.get(uri) ?? 0,
    async waitForDiagnostics(uri, pred = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const d = diagnostics.get(uri);
        if (d && pred(d.diagnostics)) return d.diagnostics;
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(
            `no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(d)}; stderr: ${err}`,
          );
        await new Promise<void>((r) => {
          const t = setTimeout(r, Math.min(left, 200));
          waiters.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
    },
    open(uri, text, version = 1) {
      void conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'systemd', version, text },
      });
    },
    change(uri, version, changes) {
      void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    },
    async close() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        void conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 50));
      conn.dispose();
      proc.kill();
    },
  };
  return server;
}
