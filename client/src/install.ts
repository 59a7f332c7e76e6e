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
import { unlinkSync } from 'node:fs';
import {
  planWrite,
  realProbe,
  shellQuote,
  writeFileAtomic,
  writeFilesAllOrNothing,
  readDropInForMerge,
  mergeIntoExistingDropIn,
  daemonReloadCommand,
  installCommand,
  CONFIRM_WRITE,
  confirmationMessage,
  writeTargets,
  discardStaging,
  stageFiles,
  verifyStaged,
  type FileIdentity,
  type Scope,
  type WriteKind,
  type WriteTarget,
  type Staging,
} from '../../server/src/planners.js';

export interface FileToInstall {
  readonly path: string;
  readonly content: string;
  /** A drop-in may be merged into an existing file of the same name. */
  readonly mergeable?: boolean;
}

export interface InstallResult {
  readonly written: string[];
  /** Staged, checked, and the user took the install commands (copied or ran them). */
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
  void vscode.window.showWarningMessage(
    `systemd: ${action} writes files, which is disabled in Restricted Mode. Trust this workspace first.`,
  );
  return false;
}

export const runningAsRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

export function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

/** The candidate targets for a write, from the one module that decides. */
export function targetsFor(write: WriteKind, scope: Scope, documentPath?: string): ReturnType<typeof writeTargets> {
  return writeTargets({
    documentPath,
    workspaceFolders: workspaceFolderPaths(),
    write,
    scope,
    fs: realProbe,
    env: { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME },
  });
}

function targetDescription(t: WriteTarget): string {
  const parts = [
    t.isDefault ? 'default' : '',
    t.live
      ? 'the live system: asks before writing'
      : t.insideWorkspace
        ? 'in the workspace'
        : 'outside the workspace: asks before writing',
    t.needsPrivileges && !runningAsRoot() ? 'needs sudo' : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * Where to write. The root of the file acted on decides when there is one (a unit in the workspace's mirror → the
 * mirror; a unit of the live system → the live system, confirmed later). Otherwise the user picks, with the
 * workspace's target first and the live system last; nothing outside the workspace is ever the first entry.
 */
export async function chooseTarget(
  write: WriteKind,
  scope: Scope,
  opts: { documentPath?: string; title: string },
): Promise<WriteTarget | undefined> {
  const r = targetsFor(write, scope, opts.documentPath);
  if (!r.targets.length) {
    void vscode.window.showErrorMessage(`systemd: nowhere to write: ${r.reason ?? 'no target folder'}`);
    return undefined;
  }
  const own = r.targets.find((t) => t.ofDocument);
  if (own) return own;
  if (r.targets.length === 1 && r.targets[0]!.isDefault) return r.targets[0];
  const pick = await vscode.window.showQuickPick(
    r.targets.map((t) => ({ label: t.folder, description: targetDescription(t), detail: t.description, target: t })),
    {
      title: opts.title,
      placeHolder: r.defaultTarget ? undefined : 'No folder of the workspace mirrors a root: pick where to write',
      ignoreFocusOut: true,
    },
  );
  return pick?.target;
}

/** The modal confirmation for a target outside the workspace (or on the live system). True when confirmed. */
export async function confirmTarget(target: WriteTarget, paths: readonly string[]): Promise<boolean> {
  if (!target.needsConfirmation) return true;
  const answer = await vscode.window.showWarningMessage(
    confirmationMessage(target, paths, { asRoot: runningAsRoot() }),
    { modal: true },
    CONFIRM_WRITE,
  );
  return answer === CONFIRM_WRITE;
}

/** The folder a write must stay inside (symlinks resolved): the workspace folder, or the chosen root. */
function containmentRoot(target: WriteTarget | undefined): string | undefined {
  if (!target) return undefined;
  return target.insideWorkspace && target.workspaceFolder ? target.workspaceFolder : target.root;
}

interface Merge {
  readonly previous: string;
  readonly mode: number;
  readonly owner: { uid: number; gid: number };
  readonly identity: FileIdentity;
}
interface Planned {
  readonly path: string;
  readonly content: string;
  readonly merge?: Merge;
  readonly writable: boolean;
}

export async function installFiles(files: readonly FileToInstall[], opts: InstallOptions = {}): Promise<InstallResult> {
  const result: { -readonly [K in keyof InstallResult]: InstallResult[K] } = {
    written: [],
    staged: [],
    commands: [],
    skipped: [],
  };
  if (
    opts.target &&
    !(await confirmTarget(
      opts.target,
      files.map((f) => f.path),
    ))
  ) {
    result.declined = true;
    result.skipped.push(...files.map((f) => f.path));
    return result;
  }
  const root = containmentRoot(opts.target);
  // 1. What to write where: existing files are merged into (after a question), or skipped.
  const planned: Planned[] = [];
  for (const f of files) {
    let content = f.content;
    let merge: Merge | undefined;
    let plan = planWrite(f.path, content, { scope: opts.scope, root });
    if (plan.status === 'exists') {
      const choice = await vscode.window.showWarningMessage(
        `${f.path} already exists.`,
        { modal: true },
        ...(f.mergeable ? ['Merge into It'] : []),
        'Open Both',
        'Skip',
      );
      if (choice === 'Merge into It') {
        // Never treats an unreadable file, a symlink or a FIFO as empty: it is refused with the reason.
        const existing = readDropInForMerge(f.path, { root });
        if (!existing.ok) {
          void vscode.window.showErrorMessage(`systemd: ${existing.reason}`);
          await vscode.window.showTextDocument(
            await vscode.workspace.openTextDocument({ language: 'systemd', content }),
            { preview: false },
          );
          result.skipped.push(f.path);
          continue;
        }
        content = mergeIntoExistingDropIn(existing.text, content).text;
        merge = {
          previous: existing.text,
          mode: existing.mode,
          owner: { uid: existing.uid, gid: existing.gid },
          identity: existing.identity,
        };
        plan = planWrite(f.path, content, {
          overwrite: true,
          scope: opts.scope,
          root,
          mode: existing.mode,
          owner: merge.owner,
        });
      } else {
        if (choice === 'Open Both') {
          await vscode.window.showTextDocument(vscode.Uri.file(f.path), { preview: false });
          await vscode.window.showTextDocument(
            await vscode.workspace.openTextDocument({ language: 'systemd', content }),
            { preview: false, viewColumn: vscode.ViewColumn.Beside },
          );
        }
        result.skipped.push(f.path);
        continue;
      }
    }
    if (plan.status === 'outsideRoot') {
      void vscode.window.showErrorMessage(`systemd: ${plan.reason}`);
      result.skipped.push(f.path);
      continue;
    }
    planned.push({ path: f.path, content, merge, writable: plan.status === 'ok' });
  }
  if (opts.allOrNothing && result.skipped.length && planned.length) {
    void vscode.window.showWarningMessage(
      `systemd: ${result.skipped.length} of ${files.length} file(s) cannot be written, so none is: the files only work together.`,
    );
    result.skipped.push(...planned.map((p) => p.path));
    return result;
  }
  // 2. All or nothing: when one folder needs privileges, every file is staged for the same install command.
  const stageAll = opts.allOrNothing && planned.some((p) => !p.writable);
  const toStage = planned.filter((p) => stageAll || !p.writable);
  const direct = planned.filter((p) => !toStage.includes(p));
  const failure = opts.allOrNothing ? writeTogether(direct, root, result) : writeEach(direct, root, result);
  if (failure) {
    void vscode.window.showErrorMessage(`systemd: ${failure}`);
    if (opts.allOrNothing) return result;
  }
  for (const w of result.written) await vscode.window.showTextDocument(vscode.Uri.file(w), { preview: false });
  if (toStage.length) await stageAndOffer(toStage, opts, result);
  else if (result.written.length) {
    const reload = reloadCommand(opts.scope, opts.target);
    void vscode.window.showInformationMessage(
      `systemd: wrote ${result.written.join(', ')}.${reload ? ` Apply with \`${reload}\`${opts.reloadHint ? ` and \`${opts.reloadHint}\`` : ''}.` : ''}`,
    );
  }
  return result;
}

function writeOne(p: Planned, root: string | undefined) {
  return p.merge
    ? writeFileAtomic(p.path, p.content, {
        overwrite: true,
        mode: p.merge.mode,
        owner: p.merge.owner,
        root,
        ifUnchanged: p.merge.identity,
      })
    : writeFileAtomic(p.path, p.content, { root });
}

/** Each file on its own; returns the reasons of the failures, if any. */
function writeEach(
  planned: readonly Planned[],
  root: string | undefined,
  result: { written: string[]; skipped: string[] },
): string | undefined {
  const reasons: string[] = [];
  for (const p of planned) {
    const w = writeOne(p, root);
    if (w.ok) result.written.push(w.path);
    else {
      result.skipped.push(p.path);
      reasons.push(w.reason);
    }
  }
  return reasons.length ? reasons.join('; ') : undefined;
}

/**
 * All or nothing: the new files together (writeFilesAllOrNothing), then the merges; when a merge fails, the new
 * files are removed and earlier merges get their previous bytes back. Returns the reason of a failure.
 */
function writeTogether(
  planned: readonly Planned[],
  root: string | undefined,
  result: { written: string[]; skipped: string[] },
): string | undefined {
  const fresh = planned.filter((p) => !p.merge);
  const merges = planned.filter((p) => p.merge);
  const all = planned.map((p) => p.path);
  if (fresh.length) {
    const w = writeFilesAllOrNothing(
      fresh.map((p) => ({ path: p.path, content: p.content })),
      { root: root ?? '/' },
    );
    if (!w.ok) {
      result.skipped.push(...all);
      return w.reason;
    }
  }
  const merged: Planned[] = [];
  for (const p of merges) {
    const w = writeOne(p, root);
    if (w.ok) {
      merged.push(p);
      continue;
    }
    const problems: string[] = [];
    for (const m of merged.reverse()) {
      const back = writeFileAtomic(m.path, m.merge!.previous, {
        overwrite: true,
        mode: m.merge!.mode,
        owner: m.merge!.owner,
        root,
      });
      if (!back.ok) problems.push(back.reason);
    }
    for (const f of fresh)
      try {
        unlinkSync(f.path);
      } catch (e) {
        problems.push(`${f.path}: ${errorText(e).message}`);
      }
    result.skipped.push(...all);
    return `${w.reason}. The files only work together, so ${problems.length ? `undoing the others failed: ${problems.join('; ')}` : 'the others were undone'}.`;
  }
  result.written.push(...planned.map((p) => p.path));
  return undefined;
}

/** The reload command, only for files the running manager reads (not for a workspace mirror). */
function reloadCommand(scope: Scope | undefined, target: WriteTarget | undefined): string | undefined {
  if (target && !target.live) return undefined;
  return daemonReloadCommand(scope ?? 'system');
}

/**
 * Files whose folder this process cannot write: stage them privately, check what was staged, and only then offer
 * the commands. The content is always shown in the editor, whatever happens.
 */
async function stageAndOffer(
  files: readonly Planned[],
  opts: InstallOptions,
  result: { staged: InstallResult['staged']; commands: string[]; skipped: string[] },
): Promise<void> {
  for (const f of files)
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ language: 'systemd', content: f.content }),
      { preview: false },
    );
  const staging = stageFiles(files.map((f) => ({ target: f.path, content: f.content })));
  if (!staging.ok) {
    result.skipped.push(...files.map((f) => f.path));
    void vscode.window.showErrorMessage(
      `systemd: could not stage the files for installation, so no install command is offered: ${staging.reason}. The content is open in the editor.`,
    );
    return;
  }
  // Exactly the staged (and checked) files, each with the mode and owner of the file it replaces, if any.
  const commands = staging.files.map((s, i) =>
    installCommand(s.stagePath, s.target, {
      scope: opts.scope,
      mode: files[i]!.merge?.mode,
      owner: files[i]!.merge?.owner,
    }),
  );
  result.staged.push(...staging.files.map((s) => ({ path: s.target, stagePath: s.stagePath })));
  // A workspace mirror is not read by the running manager: no reload for it.
  const reload = reloadCommand(opts.scope, opts.target);
  const all = [...commands, ...(reload ? [reload] : []), ...(opts.reloadHint ? [opts.reloadHint] : [])];
  const shell = all.join(' && ');
  result.commands.push(...all);
  const pick = await vscode.window.showInformationMessage(
    `systemd: ${files.length === 1 ? 'this folder is' : 'these folders are'} not writable by VS Code. The content is open in the editor and staged in ${shellQuote(staging.dir)} (checked); install it with:\n${shell}`,
    { modal: false },
    'Run in Terminal…',
    'Copy Commands',
  );
  if (pick === 'Copy Commands') {
    await copyToClipboard(shell);
    return;
  }
  const sure =
    pick === 'Run in Terminal…' &&
    (await vscode.window.showWarningMessage(`Run this in a terminal?\n\n${shell}`, { modal: true }, 'Run')) === 'Run';
  if (sure && (await runStaged(staging, shell))) return;
  // Dismissed, cancelled or changed meanwhile: nothing will be installed from this staging.
  discardStaging(staging);
  result.skipped.push(...result.staged.map((x) => x.path));
  result.staged.splice(0);
  result.commands.splice(0);
}

/** Copy to the clipboard; when the clipboard refuses, show the text instead of failing the command. */
export async function copyToClipboard(text: string): Promise<void> {
  try {
    await vscode.env.clipboard.writeText(text);
  } catch (e) {
    void vscode.window.showErrorMessage(
      `systemd: could not copy to the clipboard (${errorText(e).message}). The commands: ${text}`,
    );
  }
}

/** Run the install commands, after checking once more that the staged files are exactly what was staged. */
async function runStaged(staging: Staging, shell: string): Promise<boolean> {
  const problem = verifyStaged(staging);
  if (problem) {
    void vscode.window.showErrorMessage(
      `systemd: the staged files changed since they were checked (${problem}); nothing was run.`,
    );
    return false;
  }
  const t = vscode.window.createTerminal('systemd install');
  t.show();
  t.sendText(shell, true);
  return true;
}

/** What an error says, with its code when there is one (`EACCES`, VS Code's `NoPermissions`…). */
export function errorText(e: unknown): { message: string; code?: string } {
  const code = (e as { code?: unknown })?.code;
  const message = e instanceof Error ? e.message : String(e);
  return { message, code: typeof code === 'string' && code ? code : undefined };
}
