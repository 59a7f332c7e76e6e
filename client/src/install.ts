/**
 * Writing files for the user, never losing their work: atomic writes that never replace an existing file silently
 * (an existing drop-in is merged into, keeping its comments, or the user picks another name), refused in untrusted
 * workspaces, and for folders this process cannot write (/etc/systemd/system as a normal user) the content stays
 * open in an editor with the exact commands to install it, run in a terminal only when the user confirms.
 */
import * as vscode from 'vscode';
import { planWrite, writeFileAtomic, mergeIntoExistingDropIn } from '../../server/src/units/safeWrite.js';
import { readFileSync } from 'node:fs';

export interface FileToInstall {
  readonly path: string;
  readonly content: string;
  /** A drop-in may be merged into an existing file of the same name. */
  readonly mergeable?: boolean;
}

export interface InstallResult {
  readonly written: string[];
  readonly staged: { path: string; stagePath: string }[];
  readonly commands: string[];
  readonly skipped: string[];
}

export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(`systemd: ${action} writes files, which is disabled in Restricted Mode. Trust this workspace first.`);
  return false;
}

export async function installFiles(files: readonly FileToInstall[], opts: { reloadHint?: string; scope?: 'system' | 'user' } = {}): Promise<InstallResult> {
  const result: InstallResult = { written: [], staged: [], commands: [], skipped: [] };
  for (const f of files) {
    let content = f.content;
    let merging = false;
    let plan = planWrite(f.path, content, { scope: opts.scope });
    if (plan.status === 'exists') {
      const choice = await vscode.window.showWarningMessage(
        `${f.path} already exists.`, { modal: true },
        ...(f.mergeable ? ['Merge into It'] : []), 'Open Both', 'Skip',
      );
      if (choice === 'Merge into It') {
        let existing = '';
        try { existing = readFileSync(f.path, 'utf8'); } catch { /* unreadable: treat as empty */ }
        content = mergeIntoExistingDropIn(existing, content).text;
        merging = true;
        plan = planWrite(f.path, content, { overwrite: true, scope: opts.scope });
      } else {
        if (choice === 'Open Both') {
          await vscode.window.showTextDocument(vscode.Uri.file(f.path), { preview: false });
          await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'systemd', content }), { preview: false, viewColumn: vscode.ViewColumn.Beside });
        }
        result.skipped.push(f.path);
        continue;
      }
    }
    if (plan.status === 'ok') {
      const w = writeFileAtomic(f.path, content, { overwrite: merging });
      if (w.ok) {
        result.written.push(w.path);
        await vscode.window.showTextDocument(vscode.Uri.file(w.path), { preview: false });
      } else {
        result.skipped.push(f.path);
        void vscode.window.showErrorMessage(`systemd: ${w.reason}`);
      }
      continue;
    }
    if (plan.status === 'notWritable') {
      const staged = writeFileAtomic(plan.stagePath, content, { overwrite: true });
      // Keep the content in front of the user whatever happens next.
      const doc = staged.ok
        ? await vscode.workspace.openTextDocument(vscode.Uri.file(plan.stagePath))
        : await vscode.workspace.openTextDocument({ language: 'systemd', content });
      await vscode.window.showTextDocument(doc, { preview: false });
      result.staged.push({ path: f.path, stagePath: plan.stagePath });
      result.commands.push(plan.commands[0]!);
    }
  }
  if (result.commands.length) {
    const reload = opts.scope === 'user' ? 'systemctl --user daemon-reload' : 'sudo systemctl daemon-reload';
    const all = [...result.commands, reload, ...(opts.reloadHint ? [opts.reloadHint] : [])];
    const shell = all.join(' && ');
    const pick = await vscode.window.showInformationMessage(
      `systemd: this folder is not writable by VS Code. The content is open in the editor; install it with:\n${shell}`,
      { modal: false }, 'Run in Terminal…', 'Copy Commands',
    );
    if (pick === 'Copy Commands') await vscode.env.clipboard.writeText(shell);
    if (pick === 'Run in Terminal…') {
      const sure = await vscode.window.showWarningMessage(`Run this in a terminal?\n\n${shell}`, { modal: true }, 'Run');
      if (sure === 'Run') {
        const t = vscode.window.createTerminal('systemd install');
        t.show();
        t.sendText(shell, true);
      }
    }
    result.commands.splice(0, result.commands.length, ...all);
  } else if (result.written.length) {
    const reload = opts.scope === 'user' ? 'systemctl --user daemon-reload' : 'sudo systemctl daemon-reload';
    void vscode.window.showInformationMessage(`systemd: wrote ${result.written.join(', ')}. Apply with \`${reload}\`${opts.reloadHint ? ` and \`${opts.reloadHint}\`` : ''}.`);
  }
  return result;
}
