/**
 * Drop-ins first: Create Override, Move to Drop-in, Convert Full Copy to Minimal Drop-in, Show Drop-ins of This
 * Unit, Show Effective Unit. The logic is the language service's (server/src/units); this file only talks to the user.
 * The same commands work on the other dialects' files (journald.conf, foo.network, a drop-in of one; issue 13): the
 * drop-in goes to `journald.conf.d/`, `foo.network.d/` of the file's root (writeTarget's `configDropIn`).
 */
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  findUnitHierarchy,
  isVendorPath,
  loadEffectiveUnit,
  renderEffective,
  computeMinimalDropIn,
  overrideTemplate,
  validateUnitName,
  validateDropInName,
  fileKindOf,
  unitPathRoot,
  UnitIndex,
  realProbe,
  removeCommand,
  daemonReloadCommand,
  decodeBytes,
  needsSudoAdvice,
  shippedInfo,
  planMoveToDropIn,
  directiveAtLine,
  type UnitHierarchy,
  type Scope,
  type WriteTarget,
  createLanguageService,
  loadLanguageFeatures,
  SERVER_COMMANDS,
  dialectById,
  configHierarchyOf,
  configOverrideTemplate,
  loadEffectiveConfig,
  isVendorConfigFile,
  vendorConfigLocation,
  planConfigMove,
  applyCommandOf,
  type Dialect,
  type FileKind,
  type LanguageService,
} from '../../server/src/planners.js';
import {
  chooseTarget,
  copyToClipboard,
  errorText,
  installFiles,
  requireTrust,
  workspaceFolderPaths,
} from './install.js';

export const EFFECTIVE_SCHEME = 'systemd-effective';

/** The root a unit file lives under: `/` for real system paths, or a workspace folder that mirrors one. */
export function rootOf(path: string): string {
  return unitPathRoot(path)?.root ?? '/';
}

function scopeOf(path: string): Scope {
  return unitPathRoot(path)?.scope ?? (path.includes('/.config/systemd/user/') ? 'user' : 'system');
}

function hierarchyFor(unit: string, root: string, scope: Scope, extraRoots: string[]): UnitHierarchy {
  return findUnitHierarchy(unit, { root, scope, extraRoots: extraRoots.filter((r) => r !== root) });
}

/** The unit as seen from `root`: the root's own files first, the host's only when the root has none (unitWorld). */
function hierarchyInRoot(unit: string, root: string, scope: Scope): UnitHierarchy {
  const h = findUnitHierarchy(unit, { root, scope });
  if (root === '/' || h.fragment || h.dropIns.length) return h;
  return findUnitHierarchy(unit, { root: '/', scope });
}

function workspaceRoots(): string[] {
  return workspaceFolderPaths();
}

/** A systemd file the command may take its root from (units, drop-ins, system.conf), or undefined. */
function activeSystemdPath(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.uri.scheme !== 'file') return undefined;
  return fileKindOf(doc.uri.fsPath).kind !== 'other' ? doc.uri.fsPath : undefined;
}

async function pickUnit(): Promise<string | undefined> {
  const index = new UnitIndex();
  index.setRoots(workspaceRoots(), vscode.workspace.getConfiguration('systemd').get<string[]>('unitSearchPaths') ?? []);
  const active = vscode.window.activeTextEditor?.document;
  const current = active ? fileKindOf(active.uri.fsPath) : undefined;
  const preset = current && (current.kind === 'unit' || current.kind === 'dropin') ? current.unitName : undefined;
  const items = index.unitNames().map((n) => ({ label: n }));
  const pick = await vscode.window.showQuickPick(
    preset ? [{ label: preset, description: 'current file' }, ...items.filter((i) => i.label !== preset)] : items,
    {
      title: 'systemd: unit to override',
      placeHolder: 'foo.service',
      // Started from the walkthrough's button, the walkthrough takes the focus back a moment later: stay open.
      ignoreFocusOut: true,
      matchOnDescription: true,
    },
  );
  if (!pick) return undefined;
  const ok = validateUnitName(pick.label);
  if (!ok.ok) {
    void vscode.window.showErrorMessage(`systemd: ${ok.reason}`);
    return undefined;
  }
  return pick.label;
}

export async function createOverride(): Promise<void> {
  if (!requireTrust('Create Override')) return;
  const cfg = activeConfig();
  if (cfg) {
    await createConfigOverride(cfg);
    return;
  }
  const unit = await pickUnit();
  if (!unit) return;
  const active = activeSystemdPath();
  const activeScope = active ? unitPathRoot(active)?.scope : undefined;
  const scopes = [
    { label: 'system' as const, description: 'drop-in for the system manager' },
    { label: 'user' as const, description: 'drop-in for the user manager' },
  ];
  if (activeScope === 'user') scopes.reverse();
  const scope = (await vscode.window.showQuickPick(scopes, { title: 'systemd: scope', ignoreFocusOut: true }))?.label;
  if (!scope) return;
  const name = await vscode.window.showInputBox({
    title: 'systemd: drop-in file name',
    value: 'override.conf',
    ignoreFocusOut: true,
    validateInput: (v) => {
      const r = validateDropInName(v);
      return r.ok ? undefined : r.reason;
    },
  });
  if (!name) return;
  const fileName = (validateDropInName(name) as { fileName: string }).fileName;
  const target = await chooseTarget({ kind: 'unitDropIn', unit }, scope, {
    documentPath: active && scopeOf(active) === scope ? active : undefined,
    title: `systemd: where to write the drop-in of ${unit}`,
  });
  if (!target) return;
  const path = join(target.folder, fileName);
  const h = hierarchyInRoot(unit, target.root, scope);
  const eff = loadEffectiveUnit(h).effective;
  const text = overrideTemplate(eff, { unitName: unit, path, unitType: h.type });
  await installFiles([{ path, content: `${text}\n`, mergeable: true }], { scope, target });
}

/**
 * What the edits are compared with and what the vendor file goes back to: the shipped version (git HEAD, or the last
 * saved version), never simply the file on disk, which autosave may already have changed. With only a package
 * checksum (dpkg) the shipped text is unknown: then the file on disk is the base, and the user is told when it
 * already differs from the package.
 */
function shippedBase(
  path: string,
  buffer: string,
  location?: { root: string; rel: string },
): { ok: true; text: string; from: string; note?: string } | { ok: false; reason: string } {
  let disk: string;
  try {
    disk = decodeBytes(readFileSync(path));
  } catch (e) {
    return { ok: false, reason: errorText(e).message };
  }
  const info = shippedInfo(path, buffer, { savedText: disk, location });
  if (!info) return { ok: true, text: disk, from: 'the file on disk' };
  if (info.text !== undefined) return { ok: true, text: info.text, from: info.from };
  const diskInfo = shippedInfo(path, disk, { location });
  const note = diskInfo?.differs
    ? `${basename(path)} on disk already differs from ${info.from}; only the changes since it was saved can be moved. Reinstall the package to get the shipped file back.`
    : undefined;
  return { ok: true, text: disk, from: diskInfo?.differs ? 'the file on disk' : info.from, note };
}

/** Move edits of a vendor unit into a drop-in: all changes against the shipped file, or the one directive on `line`. */
export async function moveToDropIn(uri?: vscode.Uri | string, line?: number): Promise<void> {
  if (!requireTrust('Move to Drop-in')) return;
  const u = typeof uri === 'string' ? vscode.Uri.parse(uri) : (uri ?? vscode.window.activeTextEditor?.document.uri);
  if (!u) return;
  const doc = await vscode.workspace.openTextDocument(u);
  const path = u.fsPath;
  const kind = fileKindOf(path, doc.getText());
  if (kind.kind === 'config') {
    await moveConfigToDropIn(doc, kind, line);
    return;
  }
  if (kind.kind !== 'unit') {
    void vscode.window.showWarningMessage(
      'systemd: Move to Drop-in works on unit files and the other systemd configuration files.',
    );
    return;
  }
  const root = rootOf(path);
  if (!isVendorPath(path, [root])) {
    const go = await vscode.window.showWarningMessage(
      `systemd: ${path} is not a vendor file; move the changes to a drop-in anyway?`,
      { modal: true },
      'Move',
    );
    if (go !== 'Move') return;
  }
  const buffer = doc.getText();
  const base = shippedBase(path, buffer);
  if (!base.ok) {
    void vscode.window.showErrorMessage(`systemd: cannot read ${path}: ${base.reason}`);
    return;
  }
  if (base.note) void vscode.window.showWarningMessage(`systemd: ${base.note}`);
  const plan = planMoveToDropIn(buffer, base.text, { unitType: kind.unitType, line });
  for (const c of plan.cannotExpress) void vscode.window.showWarningMessage(`systemd: ${c.reason}`);
  if (!plan.dropInText.trim()) {
    const d = line !== undefined ? directiveAtLine(buffer, line) : undefined;
    const what =
      line === undefined
        ? basename(path)
        : d
          ? `${d.key}= in ${basename(path)}`
          : `line ${line + 1} of ${basename(path)}`;
    if (!plan.cannotExpress.length)
      void vscode.window.showInformationMessage(`systemd: ${what} does not differ from ${base.from}; nothing to move.`);
    return;
  }
  const target = await chooseTarget({ kind: 'unitDropIn', unit: kind.unitName }, scopeOf(path), {
    documentPath: path,
    title: `systemd: where to write the drop-in of ${kind.unitName}`,
  });
  if (!target) return;
  const wasSaved = !doc.isDirty;
  const r = await installFiles(
    [{ path: join(target.folder, 'override.conf'), content: plan.dropInText, mergeable: true }],
    { scope: scopeOf(path), target },
  );
  if (!r.written.length && !r.staged.length) return;
  // Leave the vendor file as shipped: the moved directives go back to their shipped lines. Other edits stay in the
  // editor (unsaved if they were), so nothing the user typed is lost. When the edits were already saved (autosave),
  // the file is saved again so the disk holds the shipped lines.
  const now = doc.getText();
  if (plan.vendorText !== now) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(u, new vscode.Range(doc.positionAt(0), doc.positionAt(now.length)), plan.vendorText);
    await vscode.workspace.applyEdit(edit);
  }
  if (doc.isDirty && (plan.restored || wasSaved)) await doc.save();
}

export async function convertFullCopy(): Promise<void> {
  if (!requireTrust('Convert Full Copy to Minimal Drop-in')) return;
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) return;
  const path = doc.uri.fsPath;
  const kind = fileKindOf(path);
  if (kind.kind !== 'unit') {
    void vscode.window.showWarningMessage(
      'systemd: open the full copy of a unit (a unit file in an etc/systemd/system folder).',
    );
    return;
  }
  const root = rootOf(path);
  const scope = scopeOf(path);
  const h = hierarchyFor(kind.unitName, root, scope, workspaceRoots());
  const vendor = [h.fragment, ...h.shadowedFragments].filter(
    (f): f is NonNullable<typeof f> => !!f && f.path !== path && isVendorPath(f.path, [root, ...workspaceRoots()]),
  )[0];
  if (!vendor) {
    void vscode.window.showWarningMessage(`systemd: found no vendor copy of ${kind.unitName} to compare with.`);
    return;
  }
  let base: string;
  try {
    base = decodeBytes(readFileSync(vendor.path));
  } catch (e) {
    void vscode.window.showErrorMessage(`systemd: cannot read ${vendor.path}: ${errorText(e).message}`);
    return;
  }
  const min = computeMinimalDropIn(base, doc.getText(), { unitType: kind.unitType });
  for (const c of min.cannotExpress)
    void vscode.window.showWarningMessage(`systemd: cannot be expressed in a drop-in: ${c.reason}`);
  const target = await chooseTarget({ kind: 'unitDropIn', unit: kind.unitName }, scope, {
    documentPath: path,
    title: `systemd: where to write the drop-in of ${kind.unitName}`,
  });
  if (!target) return;
  const content = min.text.trim() ? min.text : '# The copy does not differ from the vendor unit.\n';
  const r = await installFiles([{ path: join(target.folder, 'override.conf'), content, mergeable: true }], {
    scope,
    target,
  });
  if (!r.written.length && !r.staged.length) return;
  const del = await vscode.window.showWarningMessage(
    `systemd: the drop-in reproduces ${basename(path)}${min.cannotExpress.length ? ' except for the warnings shown' : ''}. Remove the full copy so the vendor unit and the drop-in apply?`,
    { modal: true },
    'Move Copy to Trash',
  );
  if (del === 'Move Copy to Trash') await removeFullCopy(doc.uri, target);
}

/**
 * Delete the full copy: to the trash when the file system has one, otherwise permanently after a modal question.
 * A failure shows the real error; the `sudo` command is suggested only for a permission error in a folder this
 * process really cannot write.
 */
async function removeFullCopy(uri: vscode.Uri, target: WriteTarget): Promise<void> {
  const path = uri.fsPath;
  const failed = async (what: string, e: unknown): Promise<void> => {
    const err = errorText(e);
    if (needsSudoAdvice(path, err.code, realProbe)) {
      const cmd = `${removeCommand(path, 'system')}${target.live ? ` && ${daemonReloadCommand(scopeOf(path))}` : ''}`;
      const pick = await vscode.window.showErrorMessage(
        `systemd: could not ${what} ${path}: ${err.message}. ${dirname(path)} is not writable by VS Code; remove it with: ${cmd}`,
        'Copy Command',
      );
      if (pick) await copyToClipboard(cmd);
      return;
    }
    void vscode.window.showErrorMessage(`systemd: could not ${what} ${path}: ${err.message}`);
  };
  try {
    await vscode.workspace.fs.delete(uri, { useTrash: true });
    return;
  } catch (e) {
    const err = errorText(e);
    if (needsSudoAdvice(path, err.code, realProbe)) {
      await failed('move to the trash', e);
      return;
    }
    // Typically: this file system has no trash (code-server, remote folders).
    const again = await vscode.window.showWarningMessage(
      `systemd: could not move ${path} to the trash: ${err.message}\n\nDelete it permanently instead?`,
      { modal: true },
      'Delete Permanently',
    );
    if (again !== 'Delete Permanently') return;
  }
  try {
    await vscode.workspace.fs.delete(uri, { useTrash: false });
    void vscode.window.showInformationMessage(
      `systemd: deleted ${path}.${target.live ? ` Apply with \`${daemonReloadCommand(scopeOf(path))}\`.` : ''}`,
    );
  } catch (e) {
    await failed('delete', e);
  }
}

export async function showDropIns(): Promise<void> {
  const cfg = activeConfig();
  if (cfg) {
    await showConfigDropIns(cfg);
    return;
  }
  const doc = vscode.window.activeTextEditor?.document;
  const kind = doc ? fileKindOf(doc.uri.fsPath) : undefined;
  const unit = kind && (kind.kind === 'unit' || kind.kind === 'dropin') ? kind.unitName : await pickUnit();
  if (!unit) return;
  const root = doc ? rootOf(doc.uri.fsPath) : '/';
  const h = hierarchyFor(unit, root, doc ? scopeOf(doc.uri.fsPath) : 'system', workspaceRoots());
  const items: (vscode.QuickPickItem & { path?: string })[] = [];
  if (h.fragment)
    items.push({
      label: basename(h.fragment.path),
      description: h.fragment.path,
      detail: h.masked ? 'masked' : `unit file${isVendorPath(h.fragment.path, [root]) ? ' (vendor)' : ''}`,
      path: h.fragment.path,
    });
  h.dropIns.forEach((d, i) =>
    items.push({
      label: `${i + 1}. ${basename(d.path)}`,
      description: d.path,
      detail: `applied in this order${d.shadows.length ? `; hides ${d.shadows.map((x) => x.path).join(', ')}` : ''}`,
      path: d.path,
    }),
  );
  if (!items.length) {
    void vscode.window.showInformationMessage(`systemd: ${unit} has no unit file or drop-ins here.`);
    return;
  }
  const pick = await vscode.window.showQuickPick(items, {
    title: `systemd: ${unit} and its drop-ins, in precedence order`,
  });
  if (pick?.path) await vscode.window.showTextDocument(vscode.Uri.file(pick.path));
}

export class EffectiveUnitProvider implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const q = new URLSearchParams(uri.query);
    const config = q.get('config');
    if (config) {
      await loadLanguageFeatures();
      const plan = commandService().planCommand(SERVER_COMMANDS.showEffectiveUnit, [config]);
      return plan.kind === 'text' ? plan.text : `# ${plan.kind === 'error' ? plan.message : 'nothing to show'}\n`;
    }
    const unit = basename(uri.path);
    const ok = validateUnitName(unit);
    if (!ok.ok) return `# ${ok.reason}\n`;
    const h = hierarchyFor(
      unit,
      q.get('root') ?? '/',
      (q.get('scope') as 'system' | 'user') ?? 'system',
      workspaceRoots(),
    );
    if (!h.fragment) return `# ${unit}: no unit file found.\n`;
    const { effective, unreadable } = loadEffectiveUnit(h);
    return renderEffective(effective, { unitName: unit, notes: unreadable.map((u) => `could not read ${u}`) });
  }
}

export async function showEffectiveUnit(): Promise<void> {
  const cfg = activeConfig();
  if (cfg) {
    const uri = vscode.Uri.from({
      scheme: EFFECTIVE_SCHEME,
      path: `/${cfg.kind.name}`,
      query: new URLSearchParams({ config: cfg.path }).toString(),
    });
    const d = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(d, 'systemd');
    await vscode.window.showTextDocument(d, { preview: false });
    return;
  }
  const doc = vscode.window.activeTextEditor?.document;
  const kind = doc ? fileKindOf(doc.uri.fsPath) : undefined;
  const unit =
    kind && (kind.kind === 'unit' || kind.kind === 'dropin') && !/^[a-z]+$/.test(kind.unitName)
      ? kind.unitName
      : await pickUnit();
  if (!unit) return;
  const root = doc ? rootOf(doc.uri.fsPath) : '/';
  const uri = vscode.Uri.from({
    scheme: EFFECTIVE_SCHEME,
    path: `/${unit}`,
    query: new URLSearchParams({ root, scope: doc ? scopeOf(doc.uri.fsPath) : 'system' }).toString(),
  });
  const d = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(d, 'systemd');
  await vscode.window.showTextDocument(d, { preview: false });
}

// ---------------------------------------------------------------------------------------------------------------
// The other dialects: journald.conf, logind.conf, foo.network… and their drop-ins.

type ConfigKind = Extract<FileKind, { kind: 'config' }>;
interface ActiveConfig {
  readonly path: string;
  readonly kind: ConfigKind;
  readonly dialect: Dialect;
  readonly doc: vscode.TextDocument;
}

/** The active editor's file when it is a dialect file or a drop-in of one (its text decides .network: networkd or Quadlet). */
function activeConfig(): ActiveConfig | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.uri.scheme !== 'file') return undefined;
  const kind = fileKindOf(doc.uri.fsPath, doc.getText());
  const dialect = kind.kind === 'config' ? dialectById(kind.dialect) : undefined;
  return kind.kind === 'config' && dialect ? { path: doc.uri.fsPath, kind, dialect, doc } : undefined;
}

/** The language service over the editor's open files, for the planners that return text. */
function commandService(): LanguageService {
  const svc: LanguageService = createLanguageService({
    workspaceFolders: () => workspaceRoots(),
    openDocuments: () =>
      vscode.workspace.textDocuments
        .filter((d) => d.uri.scheme === 'file' && fileKindOf(d.uri.fsPath).kind !== 'other')
        .map((d) => svc.parse(d.uri.fsPath, d.getText())),
  });
  return svc;
}

function configWrite(cfg: { kind: ConfigKind; dialect: Dialect }) {
  return { kind: 'configDropIn' as const, name: cfg.kind.name, dirs: cfg.dialect.recognition.searchDirs ?? [] };
}

async function createConfigOverride(cfg: ActiveConfig): Promise<void> {
  if (!cfg.dialect.recognition.dropIns) {
    void vscode.window.showWarningMessage(`systemd: ${cfg.dialect.label} has no drop-ins; edit the file itself.`);
    return;
  }
  const name = await vscode.window.showInputBox({
    title: `systemd: drop-in file name for ${cfg.kind.name}`,
    value: 'override.conf',
    validateInput: (v) => {
      const r = validateDropInName(v);
      return r.ok ? undefined : r.reason;
    },
  });
  if (!name) return;
  const fileName = (validateDropInName(name) as { fileName: string }).fileName;
  const target = await chooseTarget(configWrite(cfg), 'system', {
    documentPath: cfg.path,
    title: `systemd: where to write the drop-in of ${cfg.kind.name}`,
  });
  if (!target) return;
  const path = join(target.folder, fileName);
  const { view } = loadEffectiveConfig(configHierarchyOf(cfg.path, cfg.dialect, cfg.kind.name));
  const content = configOverrideTemplate(cfg.dialect, view, { name: cfg.kind.name, path });
  await installFiles([{ path, content, mergeable: true }], {
    scope: 'system',
    target,
    reloadHint: applyCommandOf(cfg.dialect)?.command,
  });
}

async function showConfigDropIns(cfg: ActiveConfig): Promise<void> {
  const h = configHierarchyOf(cfg.path, cfg.dialect, cfg.kind.name);
  const items: (vscode.QuickPickItem & { path?: string })[] = [];
  if (h.main)
    items.push({
      label: basename(h.main.path),
      description: h.main.path,
      detail: h.main.masked ? 'masked' : `main file${h.main.vendor ? ' (vendor)' : ''}`,
      path: h.main.path,
    });
  for (const s of h.shadowedMains)
    items.push({
      label: basename(s.path),
      description: s.path,
      detail: `not read: ${h.main?.path ?? 'another file'} comes first`,
      path: s.path,
    });
  h.dropIns.forEach((d, i) =>
    items.push({
      label: `${i + 1}. ${basename(d.path)}`,
      description: d.path,
      detail: `applied in this order${d.vendor ? ' (vendor)' : ''}${d.shadows.length ? `; hides ${d.shadows.map((x) => x.path).join(', ')}` : ''}`,
      path: d.path,
    }),
  );
  if (!items.length) {
    void vscode.window.showInformationMessage(
      `systemd: no ${cfg.kind.name} and no drop-ins of it here; the built-in defaults apply.`,
    );
    return;
  }
  const pick = await vscode.window.showQuickPick(items, {
    title: `systemd: ${cfg.kind.name} and its drop-ins, in the order they apply`,
  });
  if (pick?.path) await vscode.window.showTextDocument(vscode.Uri.file(pick.path));
}

/** Move edits of a vendor dialect file (/usr/lib/systemd/network/*.network…) into a drop-in of it. */
async function moveConfigToDropIn(doc: vscode.TextDocument, kind: ConfigKind, line?: number): Promise<void> {
  const path = doc.uri.fsPath;
  const dialect = dialectById(kind.dialect);
  if (!dialect) return;
  if (kind.dropIn) {
    void vscode.window.showWarningMessage(`systemd: ${basename(path)} is a drop-in already.`);
    return;
  }
  if (!dialect.recognition.dropIns) {
    void vscode.window.showWarningMessage(`systemd: ${dialect.label} has no drop-ins; keep the change in the file.`);
    return;
  }
  if (!isVendorConfigFile(path, dialect, kind.name)) {
    void vscode.window.showWarningMessage(
      `systemd: ${path} is not a vendor file: edit it in place, or use Create Override.`,
    );
    return;
  }
  const buffer = doc.getText();
  const base = shippedBase(path, buffer, vendorConfigLocation(path, dialect, kind.name));
  if (!base.ok) {
    void vscode.window.showErrorMessage(`systemd: cannot read ${path}: ${base.reason}`);
    return;
  }
  if (base.note) void vscode.window.showWarningMessage(`systemd: ${base.note}`);
  const plan = planConfigMove(dialect, buffer, base.text, line);
  for (const c of plan.cannotExpress) void vscode.window.showWarningMessage(`systemd: ${c.reason}`);
  if (!plan.dropInText.trim()) {
    if (!plan.cannotExpress.length)
      void vscode.window.showInformationMessage(
        `systemd: ${basename(path)} does not differ from ${base.from}; nothing to move.`,
      );
    return;
  }
  const cfg = { kind, dialect };
  const target = await chooseTarget(configWrite(cfg), 'system', {
    documentPath: path,
    title: `systemd: where to write the drop-in of ${kind.name}`,
  });
  if (!target) return;
  const wasSaved = !doc.isDirty;
  const r = await installFiles(
    [{ path: join(target.folder, 'override.conf'), content: plan.dropInText, mergeable: true }],
    { scope: 'system', target, reloadHint: applyCommandOf(dialect)?.command },
  );
  if (!r.written.length && !r.staged.length) return;
  const now = doc.getText();
  if (plan.vendorText !== now) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(now.length)), plan.vendorText);
    await vscode.workspace.applyEdit(edit);
  }
  if (doc.isDirty && (plan.restored || wasSaved)) await doc.save();
}
