/**
 * The VS Code client: starts the language server (dist/server.js over Node IPC) for systemd files and registers
 * the commands that need VS Code's UI (pickers, file writes). The language itself lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

type Commands = typeof import('./commands.js');
let commands: Commands | undefined;
/** dist/commands.js is loaded on the first command, not at activation. */
function load(): Commands {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (commands ??= require('./commands.js') as Commands);
}
const EFFECTIVE_SCHEME = 'systemd-effective';

let client: LanguageClient | undefined;

/** Run a command; report a failure instead of losing it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- VS Code hands commands untyped arguments
function safe(name: string, pick: (c: Commands) => (...args: any[]) => Promise<void>) {
  return async (...args: unknown[]): Promise<void> => {
    try {
      await pick(load())(...args);
    } catch (err) {
      void vscode.window.showErrorMessage(
        `systemd: ${name} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };
}

/** The document a command applies to: its argument (a URI or its text) or the active editor's. */
function uriText(uri?: vscode.Uri | string): string | undefined {
  if (typeof uri === 'string') return uri;
  return (uri ?? vscode.window.activeTextEditor?.document.uri)?.toString();
}

/** Run a server command that returns text, and show it in a read-only preview. */
async function showServerText(
  name: string,
  command: string,
  uri?: vscode.Uri | string,
  language?: string,
): Promise<void> {
  const r = await serverCommand(name, command, [uriText(uri)]);
  if (r?.ok && r.text !== undefined)
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ content: r.text, ...(language ? { language } : {}) }),
      { preview: true },
    );
}

/** Run a server command (`workspace/executeCommand`); errors are shown, not lost. */
async function serverCommand(
  name: string,
  command: string,
  args: unknown[],
): Promise<
  { ok: boolean; title?: string; text?: string; message?: string; files?: string[]; replaced?: string[] } | undefined
> {
  if (!client || args[0] === undefined) return undefined;
  try {
    const r = await client.sendRequest<{ ok: boolean; title?: string; text?: string; message?: string }>(
      'workspace/executeCommand',
      { command, arguments: args },
    );
    // 'cancelled' needs no message; 'untrusted workspace' was already explained by the server.
    if (!r?.ok && r?.message && r.message !== 'cancelled' && r.message !== 'untrusted workspace')
      void vscode.window.showErrorMessage(`systemd: ${r.message}`);
    return r ?? undefined;
  } catch (err) {
    void vscode.window.showErrorMessage(`systemd: ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'systemd' }],
    synchronize: { configurationSection: 'systemd' },
    // clientCommands: this extension runs the workflows itself (pickers, confirmations); other editors use the server's.
    initializationOptions: {
      ...vscode.workspace.getConfiguration('systemd'),
      clientCommands: true,
      workspaceTrusted: vscode.workspace.isTrusted,
    },
  };
  client = new LanguageClient('systemd', 'systemd Units', serverOptions, clientOptions);
  context.subscriptions.push(
    client,
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, {
      provideTextDocumentContent: (uri) => new (load().EffectiveUnitProvider)().provideTextDocumentContent(uri),
    }),
    vscode.commands.registerCommand(
      'systemd.createOverride',
      safe('Create Override', (c) => c.createOverride),
    ),
    vscode.commands.registerCommand(
      'systemd.moveToDropIn',
      safe('Move to Drop-in', (c) => c.moveToDropIn),
    ),
    vscode.commands.registerCommand(
      'systemd.convertFullCopy',
      safe('Convert Full Copy to Minimal Drop-in', (c) => c.convertFullCopy),
    ),
    vscode.commands.registerCommand(
      'systemd.showDropIns',
      safe('Show Drop-ins of This Unit', (c) => c.showDropIns),
    ),
    vscode.commands.registerCommand(
      'systemd.showEffectiveUnit',
      safe('Show Effective Unit', (c) => c.showEffectiveUnit),
    ),
    vscode.commands.registerCommand(
      'systemd.generateSocketUnits',
      safe('Generate Socket Units from strace Log', (c) => c.generateSocketUnitsFromStrace),
    ),
    vscode.commands.registerCommand(
      'systemd.setHardwareWatchdog',
      safe('Set Hardware Watchdog', (c) => c.setHardwareWatchdog),
    ),
    // Read-only views the server computes (the .service podman would generate, the exposure table).
    vscode.commands.registerCommand('systemd.showGeneratedUnit', (uri?: vscode.Uri | string) =>
      showServerText('Show Generated Unit', 'systemd-units.showGeneratedUnit', uri, 'systemd'),
    ),
    vscode.commands.registerCommand('systemd.showSecurity', (uri?: vscode.Uri | string) =>
      showServerText('Show Exposure Score', 'systemd-units.showSecurity', uri),
    ),
    vscode.commands.registerCommand('systemd.hardenService', async (uri?: vscode.Uri | string, what?: unknown) => {
      let arg = what;
      if (arg === undefined) {
        const pick = await vscode.window.showQuickPick(
          [
            { label: 'safe', description: 'settings that do not break what the unit visibly needs' },
            { label: 'strict', description: 'more sandboxing; test the service before deploying' },
          ],
          { title: 'Harden This Service: level' },
        );
        if (!pick) return;
        arg = pick.label;
      }
      const r = await serverCommand('Harden This Service', 'systemd-units.hardenService', [uriText(uri), arg]);
      // The server wrote through workspace/applyEdit, which leaves the buffers unsaved: save them, as every writer does.
      for (const f of [...(r?.files ?? []), ...(r?.replaced ?? [])]) {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === f);
        if (doc?.isDirty) await doc.save();
      }
      if (r?.ok && r.title) void vscode.window.showInformationMessage(`systemd: ${r.title}`);
    }),
  );
  // Status: the server's state and the systemd version the files are checked against.
  const status = vscode.window.createStatusBarItem('systemd.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'systemd Units';
  let checked: { targetVersion: number; from: string } | undefined;
  const target = (): string =>
    checked
      ? String(checked.targetVersion)
      : String(vscode.workspace.getConfiguration('systemd').get('targetVersion') ?? 'auto');
  let state = 'starting';
  const render = (): void => {
    status.text =
      state === 'running'
        ? `$(check) systemd ${target()}`
        : state === 'stopped'
          ? '$(error) systemd'
          : '$(sync~spin) systemd';
    const from =
      checked?.from === 'machine'
        ? ', the version installed here'
        : checked?.from === 'newest'
          ? ', the newest known'
          : '';
    status.tooltip = `systemd Units: language server ${state}; checking against systemd ${target()}${from} (setting systemd.targetVersion)`;
    status.command = {
      title: 'Settings',
      command: 'workbench.action.openSettings',
      arguments: ['systemd.targetVersion'],
    };
    const lang = vscode.window.activeTextEditor?.document.languageId;
    if (lang === 'systemd') status.show();
    else status.hide();
    // The walkthrough's first step ("Open a unit file") is done when a unit comes to the front (completionEvents
    // onContext): the key follows the active editor, since VS Code only counts a change after the walkthrough loaded.
    void vscode.commands.executeCommand('setContext', 'systemd.unitInEditor', lang === 'systemd');
  };
  context.subscriptions.push(
    status,
    client.onDidChangeState((e) => {
      state = e.newState === 2 ? 'running' : e.newState === 1 ? 'stopped' : 'starting';
      render();
    }),
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('systemd.targetVersion')) render();
    }),
  );
  render();
  await client.start();
  context.subscriptions.push(
    client.onNotification('systemd-units/status', (p: { targetVersion: number; from: string }) => {
      checked = p;
      render();
    }),
    // Restricted Mode ends without a reload: the server's writing commands are on from now.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('systemd-units/workspaceTrusted')),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
