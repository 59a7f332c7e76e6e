/** Generate Socket Units from strace Log: pick a log, name the service, install the units and the drop-in. */
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSocketUnits } from '../../server/src/socketActivation/strace.js';
import { validateUnitName } from '../../server/src/units/safeWrite.js';
import { installFiles, requireTrust } from './install.js';

export async function generateSocketUnitsFromStrace(logUri?: vscode.Uri): Promise<void> {
  if (!requireTrust('Generate Socket Units from strace Log')) return;
  const log = logUri ?? (await vscode.window.showOpenDialog({ title: 'strace log (strace -f -e trace=socket,bind,listen -o LOG …)', canSelectMany: false }))?.[0];
  if (!log) return;
  const service = await vscode.window.showInputBox({
    title: 'systemd: the daemon\'s service', placeHolder: 'mosquitto.service',
    validateInput: (v) => { const r = validateUnitName(v.endsWith('.service') ? v : `${v}.service`); return r.ok ? undefined : r.reason; },
  });
  if (!service) return;
  const cfg = vscode.workspace.getConfiguration('systemd');
  const preload = cfg.get<string>('socketActivation.preloadLibrary') ?? '/usr/local/lib/libsocket-activate.so';
  let text: string;
  try { text = readFileSync(log.fsPath, 'utf8'); } catch { void vscode.window.showErrorMessage(`systemd: cannot read ${log.fsPath}`); return; }
  const g = generateSocketUnits(text, service.endsWith('.service') ? service : `${service}.service`, preload);
  for (const w of g.warnings) void vscode.window.showWarningMessage(`systemd: ${w}`);
  if (!g.files.length) return;
  const folders = vscode.workspace.workspaceFolders ?? [];
  const dest = await vscode.window.showQuickPick([
    { label: '/etc/systemd/system', description: 'install for the system manager' },
    ...folders.map((f) => ({ label: join(f.uri.fsPath, 'etc/systemd/system'), description: `in workspace ${f.name}` })),
  ], { title: 'systemd: where to write the units' });
  if (!dest) return;
  const r = await installFiles(g.files.map((f) => ({ path: join(dest.label, f.path), content: f.content, mergeable: f.path.includes('.d/') })));
  const steps = g.steps.filter((s) => !s.startsWith('#'));
  const shell = steps.join(' && ');
  const pick = await vscode.window.showInformationMessage(
    `systemd: ${r.written.length + r.staged.length} file(s) prepared. What remains: stop and disable the service, enable and start the sockets:\n${shell}`,
    'Run in Terminal…', 'Copy Commands',
  );
  if (pick === 'Copy Commands') await vscode.env.clipboard.writeText(shell);
  if (pick === 'Run in Terminal…') {
    const sure = await vscode.window.showWarningMessage(`Run this in a terminal?\n\n${shell}`, { modal: true }, 'Run');
    if (sure === 'Run') { const t = vscode.window.createTerminal('systemd sockets'); t.show(); t.sendText(shell, true); }
  }
}
