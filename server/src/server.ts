/**
 * LSP glue: capabilities, the document store, the parse cache, position conversion, settings, and short guarded
 * handlers that call the language service facade. No language logic lives here.
 *
 * Invariants: one parse per document version (cache keyed by uri+version, dropped on close); validation is coalesced
 * per document and stale versions are dropped; every handler is wrapped by `guard` so a failing feature returns an
 * empty result and logs; nothing but the protocol on stdout; the server keeps no state between requests beyond the
 * documents and settings (a completion item carries what its resolve needs).
 */
import {
  CodeActionKind,
  type Connection,
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  type Range,
  ResponseError,
  LSPErrorCodes,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CompletionItem,
  type CompletionItemKind,
  type SymbolKind,
  type DocumentSymbol,
  DiagnosticTag,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname } from 'node:path';
import {
  createLanguageService,
  loadLanguageFeatures,
  TOKEN_TYPES,
  TOKEN_MODIFIERS,
  SERVER_COMMANDS,
  confirmationMessage,
  ensureFolderInside,
  writePlannedFiles,
  defaultSettings,
  normaliseSettings,
  positionAt,
  offsetAt,
  machineWatchdogLimits,
  clearFileCaches,
  codeTag,
  codeDocsUrl,
  type SystemdDocument,
  type Settings,
  type Span,
  type CompletionData,
} from './languageService.js';

/**
 * Validation is coalesced per document: a single edit is checked right away; when several edits arrived before the
 * last check ran, the next check waits twice as long as the last one took (5 ms to MAX_VALIDATION_DELAY_MS) and reads
 * the newest version, so a burst of edits is checked once per round, never once per edit.
 */
const MAX_VALIDATION_DELAY_MS = 200;

export interface ServerOptions {
  /** Bytes written to the client but not yet taken by it (stdout's buffer): diagnostics wait while it is large. */
  readonly outputBacklog?: () => number;
}

/** Above this many bytes waiting for the client, new diagnostics wait: a slow reader never makes the server grow. */
const MAX_OUTPUT_BACKLOG = 1024 * 1024;

export function startServer(connection: Connection, opts: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, { version: number; doc: SystemdDocument }>();
  let settings: Settings = defaultSettings();
  let hasConfigurationCapability = false;
  let supportsEditRangeDefault = false;
  let resolvesDetail = false;
  /** The client shows annotated edits for review (LSP 3.16 change annotations with documentChanges). */
  let confirmsAnnotatedEdits = false;
  /** The client applies RenameFile operations (rename of a unit renames its file too). */
  let canRenameFiles = false;
  /** The client runs the workflows itself (VS Code); other clients get the server's commands. */
  let clientCommands = false;
  /** The client applies workspace edits that create files. */
  let canCreateFiles = false;
  let canApplyEdits = false;
  /** The client re-asks for code lenses on `workspace/codeLens/refresh` (the exposure lens counts other files). */
  let refreshesCodeLenses = false;
  let lensRefresh: ReturnType<typeof setTimeout> | undefined;
  let trusted = true;
  /** The text of each document when it was opened: the fallback "shipped" reference of a vendor unit. */
  const openedText = new Map<string, string>();
  let workspaceFolders: string[] = [];
  let kernel: { value: ReturnType<typeof machineWatchdogLimits> } | undefined;

  const log = (msg: string): void => connection.console.error(`[systemd-units] ${msg}`);
  /** A message without buttons: a notification (window/showMessage), never a request a client may not answer. */
  const notify = (type: MessageType, message: string): void => {
    void connection.sendNotification(ShowMessageNotification.type, { type, message });
  };

  function uriToPath(uri: string): string {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri.replace(/^[a-z-]+:\/\/[^/]*/i, ''));
    } catch {
      return uri;
    }
  }

  const service = createLanguageService({
    settings: () => settings,
    workspaceFolders: () => workspaceFolders,
    openDocuments: function* () {
      for (const td of documents.all()) {
        const d = get(td.uri);
        if (d) yield d;
      }
    },
    kernelWatchdogLimits: () => (kernel ??= { value: machineWatchdogLimits() }).value,
    log,
    savedText: (path) => openedText.get(path),
    clientCommands: () => clientCommands,
  });

  /** The analysed document for the current version; parsed at most once per version. */
  function get(uri: string): SystemdDocument | undefined {
    const td = documents.get(uri);
    if (!td) return undefined;
    const hit = cache.get(uri);
    if (hit && hit.version === td.version) return hit.doc;
    const doc = service.parse(uriToPath(uri), td.getText());
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
        // Requests use the features loaded on demand (the first one waits for them; later ones do not).
        await loadLanguageFeatures();
        const r = await fn(params, token);
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        return r;
      } catch (err) {
        log(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return fallback;
      }
    };
  }

  function severityOf(s: string): DiagnosticSeverity {
    switch (s) {
      case 'error':
        return DiagnosticSeverity.Error;
      case 'warning':
        return DiagnosticSeverity.Warning;
      case 'info':
        return DiagnosticSeverity.Information;
      default:
        return DiagnosticSeverity.Hint;
    }
  }

  /** How long the last validation of each document took (ms). */
  const cost = new Map<string, number>();
  /**
   * Documents checked in this turn of the event loop: until the next setImmediate, an edit that arrives was already
   * waiting in the input while the check ran (it is read in the poll phase that comes first). A client that waits
   * for the diagnostics before its next edit is never that fast.
   */
  const justChecked = new Set<string>();

  function validateNow(uri: string): void {
    const t0 = performance.now();
    if ((editsSince.get(uri) ?? 0) > 1) bursting.add(uri);
    else bursting.delete(uri);
    editsSince.set(uri, 0);
    try {
      const doc = get(uri);
      if (!doc) return;
      const version = documents.get(uri)?.version;
      const lsp: LspDiagnostic[] = service.getDiagnostics(doc).map((d) => {
        const tag = codeTag(d.code);
        const related = d.data?.related?.map((r) => ({
          location: r.path
            ? {
                uri: pathToFileURL(r.path).href,
                range: {
                  start: { line: Math.max(0, (r.line ?? 1) - 1), character: 0 },
                  end: { line: Math.max(0, (r.line ?? 1) - 1), character: 0 },
                },
              }
            : { uri, range: toRange(doc, r.span ?? { start: 0, end: 0 }) },
          message: r.message,
        }));
        return {
          range: toRange(doc, d),
          severity: severityOf(d.severity),
          code: d.code,
          codeDescription: { href: codeDocsUrl(d.code) },
          source: 'systemd',
          message: d.message,
          ...(tag ? { tags: [tag === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary] } : {}),
          ...(related?.length ? { relatedInformation: related } : {}),
          data: d.data,
        };
      });
      void connection.sendDiagnostics({ uri, version, diagnostics: lsp });
    } catch (err) {
      log(`diagnostics failed for ${uri}: ${String(err)}`);
    }
    cost.set(uri, performance.now() - t0);
    justChecked.add(uri);
    setImmediate(() => justChecked.delete(uri));
  }

  /** Coalesce: one pending validation per document; it reads the newest version when it runs. */
  const pending = new Map<string, { cancel(): void }>();
  /** Edits of each document since its last check, and the documents whose last check followed several edits. */
  const editsSince = new Map<string, number>();
  const bursting = new Set<string>();

  function validate(uri: string, delay?: number): void {
    editsSince.set(uri, (editsSince.get(uri) ?? 0) + 1);
    // A validation already waiting will read the newest version: nothing to add.
    if (pending.has(uri)) return;
    // One edit at a time: checked right after the pending messages are read. When several edits came in before the
    // last check ran (a burst), the next check waits twice the last one's cost, so a storm is checked once per round.
    const c = cost.get(uri) ?? 0;
    // An edit that was already waiting when the last check ended is part of a burst too.
    const burst = bursting.has(uri) || justChecked.has(uri);
    const wait = delay ?? (burst ? Math.max(5, Math.min(MAX_VALIDATION_DELAY_MS, Math.round(2 * c))) : 0);
    const run = (): void => {
      // The client has not read what we sent yet: try again shortly (the check will read the newest version).
      if ((opts.outputBacklog?.() ?? 0) > MAX_OUTPUT_BACKLOG) {
        const h = setTimeout(run, 10);
        pending.set(uri, { cancel: () => clearTimeout(h) });
        return;
      }
      pending.delete(uri);
      validateNow(uri);
    };
    // setTimeout(0) waits a millisecond or more; setImmediate runs right after the pending messages are read.
    if (wait === 0) {
      const h = setImmediate(run);
      pending.set(uri, { cancel: () => clearImmediate(h) });
    } else {
      const h = setTimeout(run, wait);
      pending.set(uri, { cancel: () => clearTimeout(h) });
    }
  }

  /**
   * A document opened or closed: unless its text is the file's, its dependents are re-checked; when the file exists
   * but holds other text (a drop-in a fix has just created empty, then filled in the editor), what was cached about
   * the files is dropped first (some clients send no file events).
   */
  function openedOrClosed(path: string, uri: string, text: string): void {
    let state: 'same' | 'differs' | 'absent';
    try {
      state = service.compareWithDisk(path, text);
    } catch (err) {
      log(`compareWithDisk failed: ${String(err)}`);
      state = 'differs';
    }
    if (state === 'same') return;
    if (state === 'differs') service.fileChanged(path);
    revalidateDependents(path, uri);
  }

  /** Open documents whose diagnostics depend on a changed file (itself excluded when `except` is given). */
  function revalidateDependents(path: string, except?: string): void {
    let any = false;
    for (const td of documents.all()) {
      if (td.uri === except) continue;
      const d = get(td.uri);
      if (d && service.dependsOn(d, path)) {
        validate(td.uri);
        any = true;
      }
    }
    // The changed file may have just appeared on disk (a drop-in an edit created, saved by the editor): their checks
    // must not see folder listings from before it.
    if (any) service.forgetLookups();
    // Their lenses (exposure, drop-in count) may have changed too: one refresh for a burst of changes.
    if (any && refreshesCodeLenses && !lensRefresh)
      lensRefresh = setTimeout(() => {
        lensRefresh = undefined;
        void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
      }, 200);
  }

  /** Tell the client which systemd version the files are checked against (its status bar shows it). */
  const sendStatus = (): void => {
    void connection.sendNotification('systemd-units/status', {
      targetVersion: settings.targetVersion,
      from: settings.targetVersionFrom,
    });
  };

  async function refreshSettings(): Promise<void> {
    if (!hasConfigurationCapability) return;
    try {
      const raw = await connection.workspace.getConfiguration({ section: 'systemd' });
      settings = normaliseSettings(raw);
    } catch (err) {
      log(`could not read settings: ${String(err)}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    try {
      hasConfigurationCapability = !!params.capabilities?.workspace?.configuration;
      const defaults = params.capabilities?.textDocument?.completion?.completionList?.itemDefaults ?? [];
      supportsEditRangeDefault = Array.isArray(defaults) && defaults.includes('editRange');
      const we = params.capabilities?.workspace?.workspaceEdit;
      confirmsAnnotatedEdits = !!we?.documentChanges && !!we?.changeAnnotationSupport;
      canRenameFiles = !!we?.documentChanges && !!we?.resourceOperations?.includes('rename');
      canCreateFiles = !!we?.documentChanges && !!we?.resourceOperations?.includes('create');
      canApplyEdits = !!params.capabilities?.workspace?.applyEdit;
      refreshesCodeLenses = !!params.capabilities?.workspace?.codeLens?.refreshSupport;
      clientCommands =
        (params.initializationOptions as { clientCommands?: unknown } | undefined)?.clientCommands === true;
      // VS Code's Restricted Mode: the language features work, the commands that write do not.
      trusted =
        (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
      resolvesDetail =
        !!params.capabilities?.textDocument?.completion?.completionItem?.resolveSupport?.properties?.includes('detail');
      workspaceFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
      if (!workspaceFolders.length && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)];
      settings = normaliseSettings(params.initializationOptions ?? {});
    } catch (err) {
      log(`initialize: ignoring malformed parameters (${String(err)})`);
    }
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
        documentFormattingProvider: true,
        semanticTokensProvider: {
          legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] },
          full: true,
        },
        documentHighlightProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      },
      serverInfo: { name: 'systemd-units', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // The first diagnostics need none of the on-demand features: load them a moment later, before the first hover.
    setTimeout(() => void loadLanguageFeatures(), 500).unref();
    sendStatus();
    if (hasConfigurationCapability) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'systemd' })
        .catch(() => undefined);
      void refreshSettings().then(() => {
        sendStatus();
        documents.all().forEach((d) => validate(d.uri, 0));
      });
    }
    // Unit files, drop-ins and manager configs changed on disk (by another program, git, a command) refresh the
    // diagnostics of the open documents that depend on them.
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{service,socket,device,mount,automount,swap,target,path,timer,slice,scope}' },
          {
            globPattern:
              '**/*.{network,netdev,link,nspawn,dnssd,transfer,feature,container,volume,pod,kube,image,build,artifact}',
          },
          { globPattern: '**/*.d/*.conf' },
          { globPattern: '**/*.conf' },
        ],
      })
      .catch(() => undefined);
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (hasConfigurationCapability) await refreshSettings();
    else settings = normaliseSettings((change.settings as { systemd?: unknown } | undefined)?.systemd ?? {});
    service.fileChanged('');
    sendStatus();
    documents.all().forEach((d) => validate(d.uri, 0));
  });

  // VS Code: the user trusted the workspace (Restricted Mode ended); trust is never taken back without a restart.
  connection.onNotification('systemd-units/workspaceTrusted', () => {
    trusted = true;
  });

  connection.onDidChangeWatchedFiles((p) => {
    try {
      clearFileCaches();
      for (const c of p.changes) {
        const path = uriToPath(c.uri);
        service.fileChanged(path);
        revalidateDependents(path);
      }
    } catch (err) {
      log(`watched files: ${String(err)}`);
    }
  });

  documents.onDidOpen((e) => {
    const path = uriToPath(e.document.uri);
    if (!openedText.has(path)) openedText.set(path, e.document.getText());
  });
  /** Documents whose open event was handled and whose matching content event is still to come. */
  const opening = new WeakSet<TextDocument>();
  documents.onDidOpen((e) => {
    opening.add(e.document);
    validate(e.document.uri, 0);
    // Opening a file as it is on disk changes nothing for its dependents (200 units of one folder opened at once
    // would otherwise re-check each other: quadratic work).
    const path = uriToPath(e.document.uri);
    openedOrClosed(path, e.document.uri, e.document.getText());
  });
  documents.onDidChangeContent((e) => {
    // The library fires this right after onDidOpen for the same document: the open was handled there.
    if (opening.delete(e.document)) return;
    validate(e.document.uri);
    revalidateDependents(uriToPath(e.document.uri), e.document.uri);
  });
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    cost.delete(e.document.uri);
    justChecked.delete(e.document.uri);
    editsSince.delete(e.document.uri);
    bursting.delete(e.document.uri);
    openedText.delete(uriToPath(e.document.uri));
    const t = pending.get(e.document.uri);
    if (t) {
      t.cancel();
      pending.delete(e.document.uri);
    }
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    const path = uriToPath(e.document.uri);
    openedOrClosed(path, e.document.uri, e.document.getText());
  });

  connection.onCompletion(
    guard('completion', null, (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return null;
      const offset = toOffset(doc, p.position);
      const items = service.getCompletions(doc, offset);
      const data: CompletionData = { path: doc.path, offset };
      const first = items[0];
      const shared =
        supportsEditRangeDefault &&
        first !== undefined &&
        items.every((it) => it.replace.start === first.replace.start && it.replace.end === first.replace.end);
      const retrigger = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
      // On the wire, the order is a short rank (3 base-36 digits) instead of the descriptive sort keys: a list of ~300
      // directives is half the size. Clients sort by sortText (VS Code only where every item has one).
      const keys = items.map((it, i) => ({ key: it.sortText ?? it.label, i }));
      keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
      const rank: string[] = new Array(items.length);
      keys.forEach((k, r) => (rank[k.i] = r.toString(36).padStart(3, '0')));
      return {
        isIncomplete: false,
        ...(shared ? { itemDefaults: { editRange: toRange(doc, first.replace), data } } : {}),
        items: items.map((it, i) => ({
          label: it.label,
          kind: it.kind as CompletionItemKind,
          detail: resolvesDetail ? undefined : it.detail,
          // Documentation (and detail, where the client resolves it) comes with completionItem/resolve.
          data: shared ? undefined : data,
          sortText: rank[i],
          filterText: it.filterText === it.label ? undefined : it.filterText,
          tags: it.deprecated ? [1 as const] : undefined,
          ...(shared
            ? it.insertText === it.label
              ? {}
              : { textEditText: it.insertText }
            : { textEdit: { range: toRange(doc, it.replace), newText: it.insertText } }),
          insertTextFormat: it.snippet ? 2 : undefined,
          // VS Code's own command: only our VS Code client runs it (Neovim would send it back to us as unknown).
          command: it.retrigger && clientCommands ? retrigger : undefined,
        })),
      };
    }),
  );

  connection.onCompletionResolve(
    guard('completionResolve', null as never, (item: CompletionItem) => {
      const data = item.data as Partial<CompletionData> | undefined;
      if (!data || typeof data.path !== 'string' || typeof data.offset !== 'number') return item;
      const td = documents.all().find((d) => uriToPath(d.uri) === data.path);
      const doc = td && get(td.uri);
      const r = doc ? service.resolveCompletion(doc, data as CompletionData, item.label) : undefined;
      if (!r) return item;
      return {
        ...item,
        detail: item.detail ?? r.detail,
        ...(r.documentation ? { documentation: { kind: 'markdown' as const, value: r.documentation } } : {}),
      };
    }),
  );

  connection.onHover(
    guard('hover', null, (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return null;
      const h = service.getHover(doc, toOffset(doc, p.position));
      return h ? { contents: { kind: 'markdown' as const, value: h.markdown }, range: toRange(doc, h.span) } : null;
    }),
  );

  connection.onDocumentSymbol(
    guard('symbols', [], (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return [];
      return service.getDocumentSymbols(doc).map(function conv(s): DocumentSymbol {
        return {
          name: s.name,
          detail: s.detail,
          kind: s.kind as SymbolKind,
          range: toRange(doc, s.span),
          selectionRange: toRange(doc, s.selection),
          children: s.children?.map(conv),
        };
      });
    }),
  );

  connection.onFoldingRanges(
    guard('folding', [], (p) => {
      const doc = get(p.textDocument.uri);
      return doc ? service.getFoldingRanges(doc) : [];
    }),
  );

  connection.onDocumentLinks(
    guard('links', [], (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return [];
      return service
        .getDocumentLinks(doc)
        .map((l) => ({ range: toRange(doc, l.span), target: l.target, tooltip: l.tooltip }));
    }),
  );

  connection.onDefinition(
    guard('definition', null, (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return null;
      const targets = service.getDefinition(doc, toOffset(doc, p.position));
      if (!targets.length) return null;
      return targets.map((t) => ({
        uri: t.uri,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      }));
    }),
  );

  connection.onCodeAction(
    guard('codeActions', [], (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return [];
      const diagnostics = p.context.diagnostics.map((d) => ({
        ...d,
        message: typeof d.message === 'string' ? d.message : String(d.message),
      }));
      const actions = service.getCodeActions(doc, diagnostics, toOffset(doc, p.range.start), {
        uri: p.textDocument.uri,
        toOffset: (pos) => toOffset(doc, pos),
        toRange: (span) => toRange(doc, span),
      });
      // A client that cannot show an edit for review before applying it does not get such an edit.
      return confirmsAnnotatedEdits ? actions : actions.filter((a) => !('edit' in a) || !a.edit || 'changes' in a.edit);
    }),
  );

  connection.onDocumentFormatting(
    guard('formatting', [], (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return [];
      return service.getFormattingEdits(doc).map((e) => ({ range: toRange(doc, e), newText: e.newText }));
    }),
  );

  connection.languages.semanticTokens.on(
    guard('semanticTokens', { data: [] }, (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return { data: [] };
      const data: number[] = [];
      let line = 0;
      let char = 0;
      for (const t of service.getSemanticTokens(doc)) {
        const pos = positionAt(doc.tree.lineStarts, t.start);
        data.push(
          pos.line - line,
          pos.line === line ? pos.character - char : pos.character,
          t.length,
          TOKEN_TYPES.indexOf(t.type),
          t.deprecated ? 1 : 0,
        );
        line = pos.line;
        char = pos.character;
      }
      return { data };
    }),
  );

  connection.onDocumentHighlight(
    guard('highlight', [], (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return [];
      return service.getDocumentHighlights(doc, toOffset(doc, p.position)).map((h) => ({
        range: toRange(doc, h.span),
        kind: h.kind === 'write' ? (3 as const) : h.kind === 'read' ? (2 as const) : (1 as const),
      }));
    }),
  );

  /** A location in another file: its line and column, computed from that file's analysed text. */
  const locationOf = (path: string, span: Span, docs: Map<string, SystemdDocument>): { uri: string; range: Range } => {
    const d = docs.get(path);
    const uri = pathToFileURL(path).href;
    return { uri, range: d ? toRange(d, span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  };

  connection.onReferences(
    guard('references', [], (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return [];
      const refs = service.getReferences(doc, toOffset(doc, p.position));
      const docs = new Map<string, SystemdDocument>();
      for (const r of refs)
        if (!docs.has(r.path)) {
          const d = r.path === doc.path ? doc : service.parseFile(r.path);
          if (d) docs.set(r.path, d);
        }
      return refs.map((r) => locationOf(r.path, r.span, docs));
    }),
  );

  connection.onPrepareRename(
    guard('prepareRename', null, (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return null;
      const r = service.prepareRename(doc, toOffset(doc, p.position));
      return r ? { defaultBehavior: true } : null;
    }),
  );

  connection.onRenameRequest(
    guard('rename', null, (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return null;
      const plan = service.getRename(doc, toOffset(doc, p.position), p.newName);
      if ('error' in plan) return new ResponseError(-32803, plan.error);
      const docs = new Map<string, SystemdDocument>();
      for (const e of plan.edits)
        if (!docs.has(e.path)) {
          const d = e.path === doc.path ? doc : service.parseFile(e.path);
          if (d) docs.set(e.path, d);
        }
      const byUri = new Map<string, { range: Range; newText: string }[]>();
      for (const e of plan.edits) {
        const loc = locationOf(e.path, e.span, docs);
        byUri.set(loc.uri, [...(byUri.get(loc.uri) ?? []), { range: loc.range, newText: e.newText }]);
      }
      if (canRenameFiles && plan.renameFiles.length) {
        return {
          documentChanges: [
            ...[...byUri].map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits })),
            ...plan.renameFiles.map((f) => ({
              kind: 'rename' as const,
              oldUri: pathToFileURL(f.from).href,
              newUri: pathToFileURL(f.to).href,
              options: { overwrite: false, ignoreIfExists: false },
            })),
          ],
        };
      }
      return { changes: Object.fromEntries(byUri) };
    }),
  );

  connection.onWorkspaceSymbol(
    guard('workspaceSymbols', [], (p) =>
      service.getWorkspaceSymbols(p.query).map((s) => ({
        name: s.name,
        kind: 5 as SymbolKind,
        location: {
          uri: pathToFileURL(s.path).href,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        },
      })),
    ),
  );

  connection.onCodeLens(
    guard('codeLens', [], (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return [];
      return service.getCodeLenses(doc, p.textDocument.uri).map((l) => ({
        range: toRange(doc, l.span),
        command: { title: l.title, command: l.command, arguments: l.arguments },
      }));
    }),
  );

  connection.languages.inlayHint.on(
    guard('inlayHints', [], (p) => {
      const doc = get(p.textDocument.uri);
      if (!doc) return [];
      const range = { start: toOffset(doc, p.range.start), end: toOffset(doc, p.range.end) };
      return service.getInlayHints(doc, range).map((h) => ({
        position: positionAt(doc.tree.lineStarts, h.at),
        label: h.label,
        paddingLeft: false,
        ...(h.tooltip ? { tooltip: h.tooltip } : {}),
      }));
    }),
  );

  /**
   * The workflows for every client. Text comes back as the result (and is shown); files are written through the
   * client (`workspace/applyEdit`, which creates them and never overwrites one), after a confirmation that names the
   * paths when the target is outside the workspace or the live system. A client that cannot apply such edits, or a
   * target this process may not write, gets the planned files back instead.
   */
  connection.onExecuteCommand(
    guard('executeCommand', { ok: false, message: 'internal error (see the server log)' }, async (p) => {
      const plan = service.planCommand(p.command, p.arguments ?? []);
      if (plan.kind === 'error') {
        notify(MessageType.Error, `systemd: ${plan.message}`);
        return { ok: false, message: plan.message };
      }
      if (plan.kind === 'text') return { ok: true, title: plan.title, text: plan.text };
      if (!trusted) {
        notify(
          MessageType.Warning,
          'systemd: this workspace is not trusted (Restricted Mode): commands that write files are off.',
        );
        return { ok: false, message: 'untrusted workspace' };
      }
      const paths = [...plan.files, ...plan.replace].map((f) => f.path);
      if (plan.target.needsConfirmation) {
        const confirm = 'Write There';
        const answer = await connection.window
          .showWarningMessage(
            confirmationMessage(plan.target, paths, { asRoot: process.getuid?.() === 0 }),
            { title: confirm },
            { title: 'Cancel' },
          )
          .catch(() => undefined); // a client that cannot ask (no window/showMessageRequest): not confirmed
        if (answer?.title !== confirm) return { ok: false, message: 'cancelled', files: plan.files };
      }
      if (plan.target.needsPrivileges) {
        return {
          ok: true,
          applied: false,
          title: plan.title,
          target: plan.target.folder,
          files: plan.files,
          replace: plan.replace,
          notes: plan.notes,
        };
      }
      if (!canApplyEdits || !canCreateFiles) {
        // The client cannot create files (Neovim 0.7): the server writes them itself, all or nothing, inside the
        // target's root, never over an existing file; a document the client has open is edited through applyEdit.
        const r = writePlannedFiles(plan, { editsOpenDocuments: canApplyEdits });
        if (!r.ok) {
          notify(MessageType.Error, `systemd: ${r.reason}`);
          return { ok: false, message: r.reason };
        }
        if (canApplyEdits && plan.replace.length) {
          const changes: Record<string, { range: Range; newText: string }[]> = {};
          for (const f of plan.replace) {
            const uri = pathToFileURL(f.path).href;
            const open = get(uri) ?? service.parseFile(f.path);
            if (open)
              changes[uri] = [{ range: toRange(open, { start: 0, end: open.text.length }), newText: f.content }];
          }
          await connection.workspace.applyEdit({ label: plan.title, edit: { changes } });
        }
        if (plan.notes.length) notify(MessageType.Info, `systemd: ${plan.title}. ${plan.notes.join(' ')}`);
        return {
          ok: true,
          applied: true,
          files: r.written,
          replaced: plan.replace.map((f) => f.path),
          notes: plan.notes,
        };
      }
      // Not every client makes the folders of a file it creates (Neovim does not): make them here, inside the root.
      for (const f of plan.files) {
        const made = ensureFolderInside(dirname(f.path), plan.target.root);
        if (!made.ok) {
          notify(MessageType.Error, `systemd: ${made.reason}`);
          return { ok: false, message: made.reason };
        }
      }
      const documentChanges: unknown[] = [];
      for (const f of plan.files) {
        const uri = pathToFileURL(f.path).href;
        documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } });
        documentChanges.push({
          textDocument: { uri, version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: f.content }],
        });
      }
      for (const f of plan.replace) {
        const uri = pathToFileURL(f.path).href;
        const open = get(uri) ?? service.parseFile(f.path);
        if (!open) continue;
        documentChanges.push({
          textDocument: { uri, version: null },
          edits: [{ range: toRange(open, { start: 0, end: open.text.length }), newText: f.content }],
        });
      }
      const r = await connection.workspace.applyEdit({
        label: plan.title,
        edit: { documentChanges: documentChanges as never },
      });
      if (!r.applied) {
        notify(
          MessageType.Error,
          `systemd: ${plan.title} was not applied${r.failureReason ? `: ${r.failureReason}` : ''}`,
        );
        return { ok: false, message: r.failureReason ?? 'not applied' };
      }
      if (plan.notes.length) notify(MessageType.Info, `systemd: ${plan.title}. ${plan.notes.join(' ')}`);
      return {
        ok: true,
        applied: true,
        files: plan.files.map((f) => f.path),
        replaced: plan.replace.map((f) => f.path),
        notes: plan.notes,
      };
    }),
  );

  documents.listen(connection);
  connection.listen();
}
