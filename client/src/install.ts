/**
 * Writing files for the user, never where they did not choose and never losing their work:
 * - where: `chooseTarget` asks the one module that decides (server/src/units/writeTarget.ts). The folder the open
 *   file belongs to wins; otherwise a picker lists the candidates with the workspace's first. A target on the live
 *   system or outside the workspace is never preselected, and `installFiles` writes there only after a modal
 *   confirmation naming every full path (and saying so when VS Code runs as root);
 * - how: atomic writes that never replace an existing file silently (an existing drop-in is merged into, keeping
 *   its bytes and mode, or the user picks another name); refused in untrusted workspaces;
 * - folders this process cannot write (/etc/systemd/system as a normal user): the content is staged in a private
 *   folder (server/src/units/staging.ts), read back and compared, and only then are the exact install commands
 *   offered; they run in a terminal after a confirmation and a second check of the staged files. When staging
 *   fails, the error is shown and nothing is offered to run.
 */
import * as vscode from 'vscode';
import { closeSync, constants, fstatSync, openSync, readSync, unlinkSync } from 'node:fs';
import {
  decodeBytes, planWrite, realProbe, shellQuote, writeFileAtomic, mergeIntoExistingDropIn, CONFIRM_WRITE, confirmationMessage, writeTargets,
  discardStaging, stageFiles, verifyStaged, type Scope, type WriteKind, type WriteTarget, type Staging,
} from '../../server/src/languageService.js';

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
  /** The user declined the confirmation of a target outside the workspace: nothing was written. */
  readonly declined?: boolean;
}

export interface InstallOptions {
  readonly reloadHint?: string;
  readonly scope?: Scope;
  /** The target chosen with `chooseTarget`: its confirmation (live system, outside the workspace) is asked here. */
  readonly target?: WriteTarget;
  /** The files only work together (socket units and their drop-in): when one cannot be written, none is. */
  readonly allOrNothing?: boolean;
}

export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(`systemd: ${action} writes files, which is disabled in Restricted Mode. Trust this workspace first.`);
  return false;
}

export const runningAsRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

export function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

/** The candidate targets for a write, from the one module that decides. */
export function targetsFor(write: WriteKind, scope: Scope, documentPath?: string): ReturnType<typeof writeTargets> {
  return writeTargets({
    documentPath, workspaceFolders: workspaceFolderPaths(), write, scope, fs: realProbe,
    env: { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME }, asRoot: runningAsRoot(),
  });
}

function targetDescription(t: WriteTarget): string {
  const parts = [
    t.isDefault ? 'default' : '',
    t.live ? 'the live system: asks before writing' : t.insideWorkspace ? 'in the workspace' : 'outside the workspace: asks before writing',
    t.needsPrivileges && !runningAsRoot() ? 'needs sudo' : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * Where to write. The root of the file acted on decides when there is one (a unit in the workspace's mirror → the
 * mirror; a unit of the live system → the live system, confirmed later). Otherwise the user picks, with the
 * workspace's target first and the live system last; nothing outside the workspace is ever the first entry.
 */
export async function chooseTarget(write: WriteKind, scope: Scope, opts: { documentPath?: string; title: string }): Promise<WriteTarget | undefined> {
  const r = targetsFor(write, scope, opts.documentPath);
  if (!r.targets.length) { void vscode.window.showErrorMessage(`systemd: nowhere to write: ${r.reason ?? 'no target folder'}`); return undefined; }
  const own = r.targets.find((t) => t.ofDocument);
  if (own) return own;
  if (r.targets.length === 1 && r.targets[0]!.isDefault) return r.targets[0];
  const pick = await vscode.window.showQuickPick(
    r.targets.map((t) => ({ label: t.folder, description: targetDescription(t), detail: t.description, target: t })),
    { title: opts.title, placeHolder: r.defaultTarget ? undefined : 'No folder of the workspace mirrors a root: pick where to write' },
  );
  return pick?.target;
}

/** The modal confirmation for a target outside the workspace (or on the live system). True when confirmed. */
export async function confirmTarget(target: WriteTarget, paths: readonly string[]): Promise<boolean> {
  if (!target.needsConfirmation) return true;
  const answer = await vscode.window.showWarningMessage(confirmationMessage(target, paths, { asRoot: runningAsRoot() }), { modal: true }, CONFIRM_WRITE);
  return answer === CONFIRM_WRITE;
}

/** An existing drop-in to merge into: a regular file, read whole; otherwise why it cannot be merged into. */
function readForMerge(path: string): { ok: true; text: string; mode: number } | { ok: false; reason: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: `${path} is not a regular file; it was left untouched` };
    if (st.size > 4 * 1024 * 1024) return { ok: false, reason: `${path} is larger than 4 MiB; it was left untouched` };
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < buf.length) { const n = readSync(fd, buf, off, buf.length - off, null); if (n === 0) break; off += n; }
    return { ok: true, text: decodeBytes(buf.subarray(0, off)), mode: st.mode & 0o7777 };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: `cannot read ${path} to merge into it (${code === 'ELOOP' ? 'it is a symlink' : code ?? String(e)}); it was left untouched` };
  } finally {
    if (fd !== undefined) try { closeSync(fd); } catch { /* ignore */ }
  }
}

export async function installFiles(files: readonly FileToInstall[], opts: InstallOptions = {}): Promise<InstallResult> {
  const result: { -readonly [K in keyof InstallResult]: InstallResult[K] } = { written: [], staged: [], commands: [], skipped: [] };
  if (opts.target && !(await confirmTarget(opts.target, files.map((f) => f.path)))) {
    result.declined = true;
    result.skipped.push(...files.map((f) => f.path));
    return result;
  }
  // 1. What to write where: existing files are merged into (after a question), or skipped.
  const planned: { path: string; content: string; merge?: { previous: string; mode: number }; writable: boolean }[] = [];
  for (const f of files) {
    let content = f.content;
    let merge: { previous: string; mode: number } | undefined;
    let plan = planWrite(f.path, content, { scope: opts.scope });
    if (plan.status === 'exists') {
      const choice = await vscode.window.showWarningMessage(
        `${f.path} already exists.`, { modal: true },
        ...(f.mergeable ? ['Merge into It'] : []), 'Open Both', 'Skip',
      );
      if (choice === 'Merge into It') {
        const existing = readForMerge(f.path);
        if (!existing.ok) {
          void vscode.window.showErrorMessage(`systemd: ${existing.reason}`);
          await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'systemd', content }), { preview: false });
          result.skipped.push(f.path);
          continue;
        }
        content = mergeIntoExistingDropIn(existing.text, content).text;
        merge = { previous: existing.text, mode: existing.mode };
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
    planned.push({ path: f.path, content, merge, writable: plan.status === 'ok' });
  }
  if (opts.allOrNothing && result.skipped.length && planned.length) {
    void vscode.window.showWarningMessage(`systemd: ${result.skipped.length} of ${files.length} file(s) were not written, so none is: the files only work together.`);
    result.skipped.push(...planned.map((p) => p.path));
    return result;
  }
  // 2. All or nothing: when one folder needs privileges, every file is staged for the same install command.
  const stageAll = opts.allOrNothing && planned.some((p) => !p.writable);
  const toStage = planned.filter((p) => stageAll || !p.writable);
  const done: { path: string; merge?: { previous: string; mode: number }; content: string }[] = [];
  for (const p of planned) {
    if (toStage.includes(p)) continue;
    const w = writeFileAtomic(p.path, p.content, { overwrite: !!p.merge, ...(p.merge ? { mode: p.merge.mode } : {}) });
    if (w.ok) {
      result.written.push(w.path);
      done.push(p);
      continue;
    }
    result.skipped.push(p.path);
    if (!opts.allOrNothing) { void vscode.window.showErrorMessage(`systemd: ${w.reason}`); continue; }
    const undone = rollBack(done);
    result.skipped.push(...done.map((d) => d.path));
    result.written.splice(0);
    void vscode.window.showErrorMessage(`systemd: ${w.reason}. The files only work together, so ${undone.ok ? 'the ones already written were removed again' : `rolling back failed: ${undone.reason}`}.`);
    return result;
  }
  for (const w of result.written) await vscode.window.showTextDocument(vscode.Uri.file(w), { preview: false });
  if (toStage.length) await stageAndOffer(toStage, opts, result);
  else if (result.written.length) {
    const reload = reloadCommand(opts.scope, opts.target);
    void vscode.window.showInformationMessage(`systemd: wrote ${result.written.join(', ')}.${reload ? ` Apply with \`${reload}\`${opts.reloadHint ? ` and \`${opts.reloadHint}\`` : ''}.` : ''}`);
  }
  return result;
}

/** Undo writes of this call: new files are removed, merged files get their previous content and mode back. */
function rollBack(done: readonly { path: string; merge?: { previous: string; mode: number }; content: string }[]): { ok: true } | { ok: false; reason: string } {
  const problems: string[] = [];
  for (const d of [...done].reverse()) {
    if (d.merge) {
      const w = writeFileAtomic(d.path, d.merge.previous, { overwrite: true, mode: d.merge.mode });
      if (!w.ok) problems.push(w.reason);
      continue;
    }
    try { unlinkSync(d.path); } catch (e) { problems.push(`${d.path}: ${errorText(e).message}`); }
  }
  return problems.length ? { ok: false, reason: problems.join('; ') } : { ok: true };
}

/** The reload command, only for files the running manager reads (not for a workspace mirror). */
function reloadCommand(scope: Scope | undefined, target: WriteTarget | undefined): string | undefined {
  if (target && !target.live) return undefined;
  return scope === 'user' ? 'systemctl --user daemon-reload' : 'sudo systemctl daemon-reload';
}

/**
 * Files whose folder this process cannot write: stage them privately, check what was staged, and only then offer
 * the commands. The content is always shown in the editor, whatever happens.
 */
async function stageAndOffer(files: readonly { path: string; content: string }[], opts: InstallOptions, result: { staged: InstallResult['staged']; commands: string[]; skipped: string[] }): Promise<void> {
  for (const f of files) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'systemd', content: f.content }), { preview: false });
  const staging = stageFiles(files.map((f) => ({ target: f.path, content: f.content })));
  if (!staging.ok) {
    result.skipped.push(...files.map((f) => f.path));
    void vscode.window.showErrorMessage(`systemd: could not stage the files for installation, so no install command is offered: ${staging.reason}. The content is open in the editor.`);
    return;
  }
  const commands: string[] = [];
  for (const s of staging.files) {
    const plan = planWrite(s.target, files.find((f) => f.path === s.target)!.content, { scope: opts.scope, stagePath: s.stagePath, overwrite: true });
    if (plan.status !== 'notWritable') continue;
    commands.push(plan.commands[0]!);
    result.staged.push({ path: s.target, stagePath: s.stagePath });
  }
  const reload = opts.scope === 'user' ? 'systemctl --user daemon-reload' : 'sudo systemctl daemon-reload';
  const all = [...commands, reload, ...(opts.reloadHint ? [opts.reloadHint] : [])];
  const shell = all.join(' && ');
  result.commands.push(...all);
  const pick = await vscode.window.showInformationMessage(
    `systemd: ${files.length === 1 ? 'this folder is' : 'these folders are'} not writable by VS Code. The content is open in the editor and staged in ${shellQuote(staging.dir)} (checked); install it with:\n${shell}`,
    { modal: false }, 'Run in Terminal…', 'Copy Commands',
  );
  if (pick === 'Copy Commands') { await vscode.env.clipboard.writeText(shell); return; }
  if (pick !== 'Run in Terminal…') { discardStaging(staging); return; }
  const sure = await vscode.window.showWarningMessage(`Run this in a terminal?\n\n${shell}`, { modal: true }, 'Run');
  if (sure !== 'Run') { discardStaging(staging); return; }
  await runStaged(staging, shell);
}

async function runStaged(staging: Staging, shell: string): Promise<void> {
  const problem = verifyStaged(staging);
  if (problem) {
    discardStaging(staging);
    void vscode.window.showErrorMessage(`systemd: the staged files changed since they were checked (${problem}); nothing was run.`);
    return;
  }
  const t = vscode.window.createTerminal('systemd install');
  t.show();
  t.sendText(shell, true);
}

/** What an error says, with its code when there is one (`EACCES`, VS Code's `NoPermissions`…). */
export function errorText(e: unknown): { message: string; code?: string } {
  const code = (e as { code?: unknown })?.code;
  const message = e instanceof Error ? e.message : String(e);
  return { message, code: typeof code === 'string' && code ? code : undefined };
}
