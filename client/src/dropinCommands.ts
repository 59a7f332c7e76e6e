/**
 * Drop-ins first: Create Override, Move to Drop-in, Convert Full Copy to Minimal Drop-in, Show Drop-ins of This
 * Unit, Show Effective Unit. The logic is the language service's (server/src/units); this file only talks to the user.
 */
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { findUnitHierarchy, isVendorPath, type UnitHierarchy } from '../../server/src/units/hierarchy.js';
import { loadEffectiveUnit, renderEffective, effectiveOfText } from '../../server/src/units/effective.js';
import { computeMinimalDropIn } from '../../server/src/units/minimalDropIn.js';
import { overrideTemplate } from '../../server/src/units/overrideTemplate.js';
import { validateUnitName, validateDropInName } from '../../server/src/units/safeWrite.js';
import { fileKindOf } from '../../server/src/units/fileKind.js';
import { unitPathRoot } from '../../server/src/units/searchPaths.js';
import { UnitIndex } from '../../server/src/units/unitIndex.js';
import { parseUnit } from '../../server/src/parser/parser.js';
import { installFiles, requireTrust } from './install.js';

export const EFFECTIVE_SCHEME = 'systemd-effective';

/** The root a unit file lives under: `/` for real system paths, or a workspace folder that mirrors one. */
export function rootOf(path: string): string {
  return unitPathRoot(path)?.root ?? '/';
}

function scopeOf(path: string): 'system' | 'user' {
  return unitPathRoot(path)?.scope ?? (path.includes('/.config/systemd/user/') ? 'user' : 'system');
}

function dropInTarget(root: string, scope: 'system' | 'user', unit: string, fileName: string): string {
  if (scope === 'user' && root === '/') return join(process.env.HOME ?? '~', '.config/systemd/user', `${unit}.d`, fileName);
  return join(root, scope === 'user' ? 'etc/systemd/user' : 'etc/systemd/system', `${unit}.d`, fileName);
}

function hierarchyFor(unit: string, root: string, scope: 'system' | 'user', extraRoots: string[]): UnitHierarchy {
  return findUnitHierarchy(unit, { root, scope, extraRoots: extraRoots.filter((r) => r !== root) });
}

function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
}

async function pickUnit(): Promise<string | undefined> {
  const index = new UnitIndex();
  index.setRoots(workspaceRoots(), vscode.workspace.getConfiguration('systemd').get<string[]>('unitSearchPaths') ?? []);
  const active = vscode.window.activeTextEditor?.document;
  const current = active ? fileKindOf(active.uri.fsPath) : undefined;
  const preset = current && (current.kind === 'unit' || current.kind === 'dropin') ? current.unitName : undefined;
  const items = index.unitNames().map((n) => ({ label: n }));
  const pick = await vscode.window.showQuickPick(preset ? [{ label: preset, description: 'current file' }, ...items.filter((i) => i.label !== preset)] : items, {
    title: 'systemd: unit to override', placeHolder: 'foo.service', matchOnDescription: true,
  });
  if (!pick) return undefined;
  const ok = validateUnitName(pick.label);
  if (!ok.ok) { void vscode.window.showErrorMessage(`systemd: ${ok.reason}`); return undefined; }
  return pick.label;
}

export async function createOverride(): Promise<void> {
  if (!requireTrust('Create Override')) return;
  const unit = await pickUnit();
  if (!unit) return;
  const scope = (await vscode.window.showQuickPick([{ label: 'system', description: '/etc/systemd/system' }, { label: 'user', description: '~/.config/systemd/user' }], { title: 'systemd: scope' }))?.label as 'system' | 'user' | undefined;
  if (!scope) return;
  const name = await vscode.window.showInputBox({
    title: 'systemd: drop-in file name', value: 'override.conf',
    validateInput: (v) => { const r = validateDropInName(v); return r.ok ? undefined : r.reason; },
  });
  if (!name) return;
  const fileName = (validateDropInName(name) as { fileName: string }).fileName;
  const active = vscode.window.activeTextEditor?.document.uri.fsPath;
  const root = active && fileKindOf(active).kind !== 'other' ? rootOf(active) : '/';
  const h = hierarchyFor(unit, root, scope, workspaceRoots());
  const target = dropInTarget(root, scope, unit, fileName);
  const eff = loadEffectiveUnit(h).effective;
  const text = overrideTemplate(eff, { unitName: unit, path: target, unitType: h.type });
  await installFiles([{ path: target, content: `${text}\n`, mergeable: true }], { scope });
}

/** Move edits of a vendor unit into a drop-in: all unsaved changes, or the one directive on `line`. */
export async function moveToDropIn(uri?: vscode.Uri | string, line?: number): Promise<void> {
  if (!requireTrust('Move to Drop-in')) return;
  const u = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!u) return;
  const doc = await vscode.workspace.openTextDocument(u);
  const path = u.fsPath;
  const kind = fileKindOf(path);
  if (kind.kind !== 'unit') { void vscode.window.showWarningMessage('systemd: Move to Drop-in works on unit files.'); return; }
  const root = rootOf(path);
  if (!isVendorPath(path, [root])) {
    const go = await vscode.window.showWarningMessage(`systemd: ${path} is not a vendor file; move the changes to a drop-in anyway?`, { modal: true }, 'Move');
    if (go !== 'Move') return;
  }
  let disk: string;
  try { disk = readFileSync(path, 'utf8'); } catch { void vscode.window.showErrorMessage(`systemd: cannot read ${path} from disk.`); return; }
  const buffer = doc.getText();
  const min = computeMinimalDropIn(disk, buffer, { unitType: kind.unitType });
  let text = min.text;
  /** With `line`: the directive moved; only its lines are reverted in the editor afterwards. */
  let moved: { section: string; key: string } | undefined;
  if (line !== undefined) {
    // Only the directive on that line.
    const tree = parseUnit(buffer);
    const node = tree.nodes.find((n) => n.kind === 'assignment' && n.line <= line && line <= n.line + (n.pieces.length - 1));
    const section = tree.sections.find((s) => s.assignments.some((a) => a === node))?.name;
    if (!node || node.kind !== 'assignment' || !section) { void vscode.window.showWarningMessage('systemd: no directive on this line.'); return; }
    moved = { section, key: node.key };
    const mine = min.assignments.filter((a) => a.section === section && a.key === node.key);
    if (mine.length) text = `[${section}]\n${mine.map((a) => `${a.key}=${a.value}`).join('\n')}\n`;
    else {
      // Unchanged line: start an override of it, with a reset first for lists.
      const list = effectiveOfText(buffer).originOf(section, node.key);
      const reset = list && list.directive.mode === 'list' ? `${node.key}=\n` : '';
      text = `[${section}]\n${reset}${node.key}=${node.value}\n`;
    }
  } else if (!text.trim()) {
    void vscode.window.showInformationMessage('systemd: the editor and the file on disk are the same; nothing to move.');
    return;
  }
  for (const c of min.cannotExpress) void vscode.window.showWarningMessage(`systemd: ${c.reason}`);
  const target = dropInTarget(root, scopeOf(path), kind.unitName, 'override.conf');
  const r = await installFiles([{ path: target, content: text, mergeable: true }], { scope: scopeOf(path) });
  if (r.written.length || r.staged.length) {
    // Leave the vendor file as shipped: drop the moved edits from its buffer. For one directive, only its lines go
    // back to the shipped text; other unsaved edits stay in the editor (unsaved), so nothing the user typed is lost.
    if (doc.isDirty) {
      const now = doc.getText();
      const next = moved ? revertDirective(now, disk, moved.section, moved.key) : disk;
      if (next !== now) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(u, new vscode.Range(doc.positionAt(0), doc.positionAt(now.length)), next);
        await vscode.workspace.applyEdit(edit);
      }
      if (next === disk) await doc.save();
    }
  }
}

/**
 * `buffer` with directive `key` of `[section]` as in `disk`: the buffer's lines of that directive are replaced by the
 * disk's (removed when the disk has none), where the first of them was; every other line of the buffer is kept.
 */
export function revertDirective(buffer: string, disk: string, section: string, key: string): string {
  const linesOf = (text: string) => parseUnit(text).sections.filter((s) => s.name === section).flatMap((s) => s.assignments.filter((a) => a.key === key));
  const mine = linesOf(buffer);
  if (!mine.length) return buffer;
  let shipped = linesOf(disk).map((a) => disk.slice(a.start, a.end)).join('');
  let after = '';
  mine.forEach((a, i) => { after += buffer.slice(a.end, mine[i + 1]?.start ?? buffer.length); });
  if (shipped && after && !/\n$/.test(shipped)) shipped += /\r\n/.test(buffer) ? '\r\n' : '\n';
  return buffer.slice(0, mine[0]!.start) + shipped + after;
}

export async function convertFullCopy(): Promise<void> {
  if (!requireTrust('Convert Full Copy to Minimal Drop-in')) return;
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) return;
  const path = doc.uri.fsPath;
  const kind = fileKindOf(path);
  if (kind.kind !== 'unit') { void vscode.window.showWarningMessage('systemd: open the full copy of a unit (for example /etc/systemd/system/foo.service).'); return; }
  const root = rootOf(path);
  const h = hierarchyFor(kind.unitName, root, scopeOf(path), workspaceRoots());
  const vendor = [h.fragment, ...h.shadowedFragments].filter((f): f is NonNullable<typeof f> => !!f && f.path !== path && isVendorPath(f.path, [root]))[0];
  if (!vendor) { void vscode.window.showWarningMessage(`systemd: found no vendor copy of ${kind.unitName} to compare with.`); return; }
  const base = readFileSync(vendor.path, 'utf8');
  const min = computeMinimalDropIn(base, doc.getText(), { unitType: kind.unitType });
  for (const c of min.cannotExpress) void vscode.window.showWarningMessage(`systemd: cannot be expressed in a drop-in: ${c.reason}`);
  const target = dropInTarget(root, scopeOf(path), kind.unitName, 'override.conf');
  const content = min.text.trim() ? min.text : '# The copy does not differ from the vendor unit.\n';
  const r = await installFiles([{ path: target, content, mergeable: true }], { scope: scopeOf(path) });
  if (!r.written.length && !r.staged.length) return;
  const del = await vscode.window.showWarningMessage(`systemd: the drop-in reproduces ${basename(path)}${min.cannotExpress.length ? ' except for the warnings shown' : ''}. Remove the full copy so the vendor unit and the drop-in apply?`, { modal: true }, 'Move Copy to Trash');
  if (del === 'Move Copy to Trash') {
    try {
      await vscode.workspace.fs.delete(doc.uri, { useTrash: true });
    } catch {
      const cmd = `sudo rm ${path} && sudo systemctl daemon-reload`;
      const pick = await vscode.window.showInformationMessage(`systemd: cannot remove ${path} from here. Run: ${cmd}`, 'Copy Command');
      if (pick) await vscode.env.clipboard.writeText(cmd);
    }
  }
}

export async function showDropIns(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  const kind = doc ? fileKindOf(doc.uri.fsPath) : undefined;
  const unit = kind && (kind.kind === 'unit' || kind.kind === 'dropin') ? kind.unitName : await pickUnit();
  if (!unit) return;
  const root = doc ? rootOf(doc.uri.fsPath) : '/';
  const h = hierarchyFor(unit, root, doc ? scopeOf(doc.uri.fsPath) : 'system', workspaceRoots());
  const items: (vscode.QuickPickItem & { path?: string })[] = [];
  if (h.fragment) items.push({ label: basename(h.fragment.path), description: h.fragment.path, detail: h.masked ? 'masked' : `unit file${isVendorPath(h.fragment.path, [root]) ? ' (vendor)' : ''}`, path: h.fragment.path });
  h.dropIns.forEach((d, i) => items.push({ label: `${i + 1}. ${basename(d.path)}`, description: d.path, detail: `applied in this order${d.shadows.length ? `; hides ${d.shadows.map((x) => x.path).join(', ')}` : ''}`, path: d.path }));
  if (!items.length) { void vscode.window.showInformationMessage(`systemd: ${unit} has no unit file or drop-ins here.`); return; }
  const pick = await vscode.window.showQuickPick(items, { title: `systemd: ${unit} and its drop-ins, in precedence order` });
  if (pick?.path) await vscode.window.showTextDocument(vscode.Uri.file(pick.path));
}

export class EffectiveUnitProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const q = new URLSearchParams(uri.query);
    const unit = basename(uri.path);
    const ok = validateUnitName(unit);
    if (!ok.ok) return `# ${ok.reason}\n`;
    const h = hierarchyFor(unit, q.get('root') ?? '/', (q.get('scope') as 'system' | 'user') ?? 'system', workspaceRoots());
    if (!h.fragment) return `# ${unit}: no unit file found.\n`;
    const { effective, unreadable } = loadEffectiveUnit(h);
    return renderEffective(effective, { unitName: unit, notes: unreadable.map((u) => `could not read ${u}`) });
  }
}

export async function showEffectiveUnit(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  const kind = doc ? fileKindOf(doc.uri.fsPath) : undefined;
  const unit = kind && (kind.kind === 'unit' || kind.kind === 'dropin') && !/^[a-z]+$/.test(kind.unitName) ? kind.unitName : await pickUnit();
  if (!unit) return;
  const root = doc ? rootOf(doc.uri.fsPath) : '/';
  const uri = vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: `/${unit}`, query: new URLSearchParams({ root, scope: doc ? scopeOf(doc.uri.fsPath) : 'system' }).toString() });
  const d = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(d, 'systemd');
  await vscode.window.showTextDocument(d, { preview: false });
}
