/**
 * LSP glue: capabilities, open documents, settings, the parse cache and guarded handlers.
 * Everything language-specific lives in the language service; this file only translates.
 *
 * Invariants: one parse per document version (cache keyed by uri+version, dropped on close); every handler
 * is wrapped by `guard` so a failing feature returns an empty result and logs; nothing but the protocol on stdout.
 */
import {
  CodeActionKind, type Connection, DiagnosticSeverity, type Diagnostic as LspDiagnostic, DidChangeConfigurationNotification,
  type InitializeParams, type InitializeResult, type Range, ResponseError, LSPErrorCodes, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type CompletionItemKind, type SymbolKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { createDocument, type SystemdDocument } from './languageService.js';
import { getDiagnostics } from './languageService.js';
import { positionAt, offsetAt } from './parser/lineIndex.js';
import type { Span } from './parser/ast.js';
import { getCompletions, type CompletionEnv } from './services/completion.js';
import { getHover } from './services/hover.js';
import { getDocumentSymbols } from './services/symbols.js';
import { getFoldingRanges } from './services/folding.js';
import { getDocumentLinks } from './services/links.js';
import { getDefinition } from './services/definition.js';
import { getCodeActions, getMoveToDropInActions } from './services/codeActions.js';
import { defaultSettings, normaliseSettings, type Settings } from './settings.js';
import { UnitIndex } from './units/unitIndex.js';
import { siblingUnits } from './units/siblings.js';
import { kernelWatchdogLimits } from './watchdog/sysfs.js';
import { watchdogLimitsFor } from './settings.js';
import type { WorkspaceUnit } from './services/rules/types.js';
import { dirname } from 'node:path';
import { findUnitHierarchy } from './units/hierarchy.js';
import { baseUnitOf } from './units/baseUnit.js';
import { unitPathRoot } from './units/searchPaths.js';
import { loadEffectiveUnit } from './units/effective.js';
import { nodeAt, sectionAt } from './services/context.js';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, { version: number; doc: SystemdDocument }>();
  let settings: Settings = defaultSettings();
  let hasConfigurationCapability = false;
  /** The client takes CompletionList.itemDefaults.editRange (LSP 3.17): one range for all items, much smaller replies. */
  let supportsEditRangeDefault = false;
  /** The client resolves `detail` lazily too (VS Code does): send it with the documentation. */
  let resolvesDetail = false;
  let workspaceFolders: string[] = [];
  const unitIndex = new UnitIndex();

  const log = (msg: string): void => connection.console.error(msg);

  function uriToPath(uri: string): string {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri.replace(/^[a-z-]+:\/\/[^/]*/i, ''));
    } catch {
      return uri;
    }
  }

  /** The analysed document for the current version; parsed at most once per version. */
  function get(uri: string): SystemdDocument | undefined {
    const td = documents.get(uri);
    if (!td) return undefined;
    const hit = cache.get(uri);
    if (hit && hit.version === td.version) return hit.doc;
    const doc = createDocument(uriToPath(uri), td.getText());
    cache.set(uri, { version: td.version, doc });
    return doc;
  }

  const toRange = (doc: SystemdDocument, span: Span): Range => ({
    start: positionAt(doc.tree.lineStarts, span.start),
    end: positionAt(doc.tree.lineStarts, span.end),
  });
  const toOffset = (doc: SystemdDocument, pos: { line: number; character: number }): number =>
    offsetAt(doc.tree.lineStarts, doc.text.length, pos);

  /** Run a feature; on error log it and return the fallback, so one feature never takes the server down. */
  function guard<P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      try {
        const r = await fn(params, token);
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        return r;
      } catch (err) {
        log(`[systemd-units] ${name} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        return fallback;
      }
    };
  }

  /** "set in …/override.conf:3, overrides the vendor value" for the directive under the cursor, from the unit's hierarchy. */
  function originNote(doc: SystemdDocument, offset: number): string | undefined {
    const file = doc.file;
    if (file.kind !== 'unit' && file.kind !== 'dropin') return undefined;
    const node = nodeAt(doc.tree.nodes, offset);
    if (!node || node.kind !== 'assignment' || offset > node.keySpan.end) return undefined;
    const section = sectionAt(doc.analysis, offset).section.name;
    if (!section || /^[a-z]+$/.test(file.unitName) || file.unitName.endsWith(`-.${file.unitType}`)) return undefined;
    const where = unitPathRoot(doc.path) ?? { root: '/', scope: 'system' as const };
    const key = `${where.root}\u0000${file.unitName}`;
    let hit = originCache.get(key);
    if (!hit || Date.now() - hit.at > 3000) {
      const h = findUnitHierarchy(file.unitName, where);
      hit = { at: Date.now(), eff: h.fragment || h.dropIns.length ? loadEffectiveUnit(h).effective : undefined };
      originCache.set(key, hit);
    }
    const info = hit.eff?.originOf(section, node.key);
    return info && (info.overridden.length || info.setBy.some((o) => o.file !== doc.path)) ? info.message : undefined;
  }
  const originCache = new Map<string, { at: number; eff: ReturnType<typeof loadEffectiveUnit>['effective'] | undefined }>();

  let kernelCache: { value: ReturnType<typeof kernelWatchdogLimits> } | undefined;
  const kernelLimits = (): ReturnType<typeof kernelWatchdogLimits> => (kernelCache ??= { value: kernelWatchdogLimits() }).value;

  /** Unit files near a document for cross-file checks: its folder on disk, with open documents taking precedence. */
  function workspaceAround(doc: SystemdDocument): WorkspaceUnit[] {
    const open = new Map<string, WorkspaceUnit>();
    for (const td of documents.all()) {
      const d = get(td.uri);
      if (d) open.set(d.path, { path: d.path, analysis: d.analysis });
    }
    const out = [...open.values()];
    const dir = doc.analysis.file.kind === 'dropin' ? dirname(dirname(doc.path)) : dirname(doc.path);
    for (const u of siblingUnits(dir)) if (!open.has(u.path)) out.push(u);
    return out;
  }

  function severityOf(s: string): DiagnosticSeverity {
    switch (s) {
      case 'error': return DiagnosticSeverity.Error;
      case 'warning': return DiagnosticSeverity.Warning;
      case 'info': return DiagnosticSeverity.Information;
      default: return DiagnosticSeverity.Hint;
    }
  }

  function validate(uri: string): void {
    try {
      const doc = get(uri);
      if (!doc) return;
      const diags = getDiagnostics(doc, {
        watchdog: watchdogLimitsFor(settings, kernelLimits),
        workspace: () => workspaceAround(doc),
        baseUnit: doc.file.kind === 'dropin' ? () => baseUnitOf(doc.path, (doc.file as { unitName: string }).unitName) : undefined,
        targetVersion: settings.targetVersion,
        severity: settings.severity,
        maxDiagnostics: settings.maxDiagnostics,
        onRuleError: (rule, err) => log(`[systemd-units] rule ${rule} failed: ${String(err)}`),
      });
      const lsp: LspDiagnostic[] = diags.map((d) => ({
        range: toRange(doc, d),
        severity: severityOf(d.severity),
        code: d.code,
        source: 'systemd',
        message: d.message,
        data: d.data,
      }));
      void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics: lsp });
    } catch (err) {
      log(`[systemd-units] diagnostics failed for ${uri}: ${String(err)}`);
    }
  }

  async function refreshSettings(): Promise<void> {
    if (!hasConfigurationCapability) return;
    try {
      const raw = await connection.workspace.getConfiguration({ section: 'systemd' });
      settings = normaliseSettings(raw);
      unitIndex.setRoots(workspaceFolders, settings.unitSearchPaths);
    } catch (err) {
      log(`[systemd-units] could not read settings: ${String(err)}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    const defaults = params.capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
    supportsEditRangeDefault = defaults.includes('editRange');
    resolvesDetail = !!params.capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('detail');
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (!workspaceFolders.length && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)];
    settings = normaliseSettings(params.initializationOptions ?? {});
    unitIndex.setRoots(workspaceFolders, settings.unitSearchPaths);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['[', '=', '%', ' ', '|', '~', ':'], resolveProvider: true },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorMove] },
      },
      serverInfo: { name: 'systemd-units', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'systemd' }).catch(() => undefined);
      void refreshSettings().then(() => documents.all().forEach((d) => validate(d.uri)));
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (hasConfigurationCapability) await refreshSettings();
    else settings = normaliseSettings((change.settings as { systemd?: unknown } | undefined)?.systemd ?? {});
    documents.all().forEach((d) => validate(d.uri));
  });

  documents.onDidOpen((e) => validate(e.document.uri));
  documents.onDidChangeContent((e) => validate(e.document.uri));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const env = (): CompletionEnv => ({ targetVersion: settings.targetVersion, unitNames: () => unitIndex.unitNames() });

  connection.onCompletion(guard('completion', null, (p) => {
    const doc = get(p.textDocument.uri);
    if (!doc) return null;
    const offset = toOffset(doc, p.position);
    const items = getCompletions(doc, offset, env());
    lastCompletion = { id: ++completionSeq, items };
    const first = items[0];
    const shared = supportsEditRangeDefault && first !== undefined && items.every((it) => it.replace.start === first.replace.start && it.replace.end === first.replace.end);
    const retrigger = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
    return {
      isIncomplete: false,
      ...(shared ? { itemDefaults: { editRange: toRange(doc, first.replace), data: { c: completionSeq } } } : {}),
      items: items.map((it, i) => ({
        label: it.label,
        kind: it.kind as CompletionItemKind,
        detail: resolvesDetail ? undefined : it.detail,
        // Documentation (and detail, where the client resolves it) comes with completionItem/resolve.
        data: shared ? undefined : { c: completionSeq, i },
        // Items already sorted by label need no sortText ('0' + label is the default order).
        sortText: it.sortText === `0${it.filterText ?? it.label}` || it.sortText === `0${it.label}` ? undefined : it.sortText,
        filterText: it.filterText === it.label ? undefined : it.filterText,
        tags: it.deprecated ? [1 as const] : undefined,
        ...(shared ? (it.insertText === it.label ? {} : { textEditText: it.insertText }) : { textEdit: { range: toRange(doc, it.replace), newText: it.insertText } }),
        insertTextFormat: it.snippet ? 2 : undefined,
        command: it.retrigger ? retrigger : undefined,
      })),
    };
  }));

  let completionSeq = 0;
  let lastCompletion: { id: number; items: readonly import('./services/completion.js').CompletionResult[] } | undefined;
  connection.onCompletionResolve(guard('completionResolve', null as never, (item: import('vscode-languageserver').CompletionItem) => {
    const d = item.data as { c?: number; i?: number } | undefined;
    const list = d && lastCompletion && d.c === lastCompletion.id ? lastCompletion.items : undefined;
    // With shared item data there is no index: labels are unique within one list.
    const it = list ? (d!.i !== undefined ? list[d!.i] : list.find((x) => x.label === item.label)) : undefined;
    if (!it) return item;
    const doc = it.documentation;
    return { ...item, detail: item.detail ?? it.detail, ...(doc ? { documentation: { kind: 'markdown' as const, value: doc } } : {}) };
  }));

  connection.onHover(guard('hover', null, (p) => {
    const doc = get(p.textDocument.uri);
    if (!doc) return null;
    const h = getHover(doc, toOffset(doc, p.position), { targetVersion: settings.targetVersion, manPages: settings.manPages, watchdog: watchdogLimitsFor(settings, kernelLimits) });
    if (!h) return null;
    const origin = originNote(doc, toOffset(doc, p.position));
    return { contents: { kind: 'markdown' as const, value: origin ? `${h.markdown}\n\n---\n${origin}` : h.markdown }, range: toRange(doc, h.span) };
  }));

  connection.onDocumentSymbol(guard('symbols', [], (p) => {
    const doc = get(p.textDocument.uri);
    if (!doc) return [];
    return getDocumentSymbols(doc).map(function conv(s): import('vscode-languageserver').DocumentSymbol {
      return { name: s.name, detail: s.detail, kind: s.kind as SymbolKind, range: toRange(doc, s.span), selectionRange: toRange(doc, s.selection), children: s.children?.map(conv) };
    });
  }));

  connection.onFoldingRanges(guard('folding', [], (p) => {
    const doc = get(p.textDocument.uri);
    if (!doc) return [];
    return getFoldingRanges(doc);
  }));

  connection.onDocumentLinks(guard('links', [], (p) => {
    const doc = get(p.textDocument.uri);
    if (!doc) return [];
    return getDocumentLinks(doc).map((l) => ({ range: toRange(doc, l.span), target: l.target, tooltip: l.tooltip }));
  }));

  connection.onDefinition(guard('definition', null, (p) => {
    const doc = get(p.textDocument.uri);
    if (!doc) return null;
    const targets = getDefinition(doc, toOffset(doc, p.position), unitIndex);
    if (!targets.length) return null;
    return targets.map((t) => ({ uri: t.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }));
  }));

  connection.onCodeAction(guard('codeActions', [], (p) => {
    const doc = get(p.textDocument.uri);
    if (!doc) return [];
    const fixes = getCodeActions(doc, p.context.diagnostics.map((d) => ({ ...d, message: typeof d.message === 'string' ? d.message : d.message.value })), {
      uri: p.textDocument.uri,
      toOffset: (pos) => toOffset(doc, pos),
      toRange: (span) => toRange(doc, span),
    });
    return [...fixes, ...getMoveToDropInActions(doc, toOffset(doc, p.range.start), p.textDocument.uri)];
  }));

  documents.listen(connection);
  connection.listen();
}
