/**
 * The facade: the one entry point of the language service for the LSP server, the CLI, the VS Code client and the
 * tests. It knows nothing of LSP: offsets in, offsets out. Everything outside the service (file system, clock,
 * settings, workspace folders, open documents, the kernel's watchdog limits) comes from an injected
 * `LanguageEnvironment`, built in one place by each caller.
 *
 * Features (methods of the object `createLanguageService` returns):
 *   parse                   one `SystemdDocument` per document version (the caller caches it)
 *   getDiagnostics          staged rules, with the cross-file facts (siblings, base unit of a drop-in) built here
 *   getCompletions          sections, directives, values, specifiers
 *   resolveCompletion       detail and documentation of one item, from the data the item carries (stateless)
 *   getHover                directive/value/specifier docs, plus where the effective value comes from
 *   getDocumentSymbols, getFoldingRanges, getDocumentLinks, getDefinition
 *   getCodeActions          quick fixes from diagnostic data, and "move to drop-in" on vendor units
 *   dependsOn               whether a document's diagnostics depend on a changed file (for refreshes)
 *   fileChanged             forget what was cached about a file that changed on disk
 *   forgetLookups           drop the short-lived folder lookups (a file may have just appeared)
 *   compareWithDisk         whether an editor's text is what the file holds on disk (then its dependents see no change)
 *
 * Completion, hover, code actions and the other requests, and planCommand, use code loaded on demand: await
 * `loadLanguageFeatures()` once before calling them (the first diagnostics never need it).
 *
 * Below the service object, the facts that the commands (VS Code client, CLI) use are re-exported; `planners.ts`
 * adds the planners and writers that only the commands use (kept out of the LSP server's start-up bundle).
 */
import { basename, dirname, resolve } from 'node:path';
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDocument as createDocumentImpl, type SystemdDocument } from './services/document.js';
import { computeDiagnostics, type Diagnostic, type DiagnosticOptions } from './services/diagnostics.js';
import type { CompletionResult } from './services/completion.js';
import type { HoverResult } from './services/hover.js';
import type { SymbolResult } from './services/symbols.js';
import type { FoldingResult } from './services/folding.js';
import type { LinkResult } from './services/links.js';
import type { DefinitionTarget } from './services/definition.js';
import type { CodeActionEnv, CodeActionLike, CommandActionLike, DiagnosticLike } from './services/codeActions.js';
import { nodeAt, sectionAt } from './services/context.js';
import type { FormatEdit } from './services/formatting.js';
import type { SemanticToken } from './services/semanticTokens.js';
import type { HighlightResult } from './services/highlight.js';
import type { UnitReference } from './services/references.js';
import type { CodeLensResult } from './services/codeLens.js';
import type { InlayHintResult } from './services/inlayHints.js';
import type { WriteTargetFs } from './units/writeTarget.js';
import { SERVER_COMMANDS } from './services/commandNames.js';
import type { CommandEnv, CommandPlan } from './services/commands.js';
import { readTextFileSafe } from './units/safeRead.js';
import type { WorkspaceUnit } from './services/rules/types.js';
import { defaultSettings, watchdogLimitsFor, type Settings } from './services/settings.js';
import { siblingUnits } from './units/siblings.js';
import { quadletFilesAround } from './units/quadletFiles.js';
import type { QuadletFileAround } from './services/quadletAssist.js';
import { baseUnitOf } from './units/baseUnit.js';
import {
  cachedLookups,
  dropInDirNamesFor,
  findUnitHierarchyInRoots,
  type HierarchyFs,
  realFs,
} from './units/hierarchy.js';
import { loadEffectiveUnit, mergeUnit as mergeUnitOf, type EffectiveUnit } from './units/effective.js';
import { UnitIndex } from './units/unitIndex.js';
import { unitWorldOf, appliesToOneUnit, isVendorUnitFile } from './units/unitWorld.js';
import { unitPathRoot } from './units/searchPaths.js';
import { conffileInfo, shippedInfo, type ShippedInfo } from './units/shipped.js';
import { etcConfigLocation, vendorConfigLocation } from './units/configDropIn.js';
import type { WatchdogLimits } from './watchdog/drivers.js';
import { kernelWatchdogLimits } from './watchdog/sysfs.js';
import { BoundedCache, clearAllCaches } from './util/cache.js';
import { MAX_UNIT_BYTES, formatBytes } from './units/safeRead.js';
import type { SourceFile } from './units/effective.js';
import {
  scoreService,
  securityInputKey,
  sourcesWithOverrides,
  securityLensTitle,
  securityHoverMarkdown,
  fixLine,
  scoreWithLine,
  fixEdit,
  fixForCode,
  type SecurityScore,
} from './services/security/index.js';

type LanguageFeatures = typeof import('./services/onDemand.js');
let features: LanguageFeatures | undefined;
let loadingFeatures: Promise<void> | undefined;

/**
 * Load the features the first diagnostics do not need (services/onDemand.ts: completion, hover, code actions, the
 * other editor requests, the commands and the writers). Once, for the whole process; a caller awaits it before
 * its first such request (the LSP server in each request handler, the VS Code client before a planner, the tests in
 * their setup file). The CLI needs none of them: its commands use parse, diagnostics and planners.ts.
 */
export function loadLanguageFeatures(): Promise<void> {
  return (loadingFeatures ??= import('./services/onDemand.js').then((m) => {
    features = m;
  }));
}

/** The loaded features; a clear error, never a crash deep inside a feature, when nobody loaded them. */
function od(): LanguageFeatures {
  if (!features) throw new Error('language features are not loaded yet: await loadLanguageFeatures() first');
  return features;
}

/** What the language service may know of the world outside the document. */
export interface LanguageEnvironment {
  /** Current settings (`systemd.*`), already normalised. Default: the defaults. */
  readonly settings?: () => Settings;
  /** Workspace folders (absolute paths): searched for units, and roots of workspaces that mirror `/`. */
  readonly workspaceFolders?: () => readonly string[];
  /** Documents open in the editor (or named on the command line): they take precedence over the files on disk. */
  readonly openDocuments?: () => Iterable<SystemdDocument>;
  /** Changes whenever the set of open documents changes (lets the service index them once; optional). */
  readonly openDocumentsKey?: () => unknown;
  /**
   * Read the unit files next to a document from disk for cross-file checks (default true). The CLI turns it off:
   * the files it was given (and the folders it walked) are the whole set, already parsed.
   */
  readonly readSiblings?: boolean;
  /** The kernel's limits of this machine's hardware watchdog (`/sys/class/watchdog`), for `watchdog.driver: auto`. */
  readonly kernelWatchdogLimits?: () => WatchdogLimits | undefined;
  /** Read-only file system for unit hierarchies (default: the real one). */
  readonly fs?: HierarchyFs;
  readonly fileExists?: (path: string) => boolean;
  /** Milliseconds since the epoch (default: Date.now); used by cache lifetimes. */
  readonly now?: () => number;
  /** Where internal problems go (a rule that threw). */
  readonly log?: (message: string) => void;
  /**
   * What was shipped for a vendor unit (git HEAD, dpkg's checksum, the last saved text). Default: git and dpkg
   * through units/shipped.ts, with `savedText` as the fallback.
   */
  readonly shipped?: (path: string, text: string) => ShippedInfo | undefined;
  /** The text a document had when it was last saved (or opened): the fallback reference of a vendor unit. */
  readonly savedText?: (path: string) => string | undefined;
  /**
   * The client runs the workflows itself (the VS Code extension registers `systemd.*` commands with pickers and
   * confirmations). Otherwise code actions and lenses name the server's commands (`systemd-units.*`).
   */
  readonly clientCommands?: () => boolean;
  /** Is a path writable, does it exist (write targets); default: the real file system. */
  readonly probe?: WriteTargetFs;
}

/** A unit rename: text edits in every mention, and the workspace's unit files to rename. */
export interface RenamePlan {
  readonly oldName: string;
  readonly newName: string;
  readonly edits: readonly (UnitReference & { readonly newText: string })[];
  readonly renameFiles: readonly { readonly from: string; readonly to: string }[];
}

/** What a completion item carries so that its resolve needs no server state. */
export interface CompletionData {
  /** The document (its path) and the offset the list was computed at. */
  readonly path: string;
  readonly offset: number;
}

export interface ResolvedCompletion {
  readonly detail?: string;
  readonly documentation?: string;
}

export interface LanguageService {
  readonly settings: () => Settings;
  parse(path: string, text: string): SystemdDocument;
  /** A file on disk, read safely (regular files under the size cap only) and analysed; undefined if unreadable. */
  parseFile(path: string): SystemdDocument | undefined;
  getDiagnostics(doc: SystemdDocument): Diagnostic[];
  getCompletions(doc: SystemdDocument, offset: number): CompletionResult[];
  resolveCompletion(doc: SystemdDocument, data: CompletionData, label: string): ResolvedCompletion | undefined;
  getHover(doc: SystemdDocument, offset: number): HoverResult | undefined;
  getDocumentSymbols(doc: SystemdDocument): SymbolResult[];
  getFoldingRanges(doc: SystemdDocument): FoldingResult[];
  getDocumentLinks(doc: SystemdDocument): LinkResult[];
  getDefinition(doc: SystemdDocument, offset: number): DefinitionTarget[];
  getCodeActions(
    doc: SystemdDocument,
    diagnostics: readonly DiagnosticLike[],
    offset: number,
    env: CodeActionEnv,
  ): (CodeActionLike | CommandActionLike)[];
  /** Layout-only edits (Key=Value spacing, blank lines); idempotent, never a change of meaning. */
  getFormattingEdits(doc: SystemdDocument): FormatEdit[];
  getSemanticTokens(doc: SystemdDocument): SemanticToken[];
  getDocumentHighlights(doc: SystemdDocument, offset: number): HighlightResult[];
  /** Mentions of the unit under the cursor in the open documents and the workspace's unit files. */
  getReferences(doc: SystemdDocument, offset: number): UnitReference[];
  /** The unit under the cursor, if it can be renamed here. */
  prepareRename(doc: SystemdDocument, offset: number): { name: string } | undefined;
  getRename(doc: SystemdDocument, offset: number, newName: string): RenamePlan | { error: string };
  getWorkspaceSymbols(query: string): { name: string; path: string }[];
  getCodeLenses(doc: SystemdDocument, uri: string): CodeLensResult[];
  getInlayHints(doc: SystemdDocument, range: { start: number; end: number }): InlayHintResult[];
  /** The workflows as server commands (`SERVER_COMMANDS`): text to show, or files to write where writeTarget says. */
  planCommand(command: string, args: readonly unknown[]): CommandPlan;
  /** True when `doc`'s diagnostics may change because the file at `changedPath` changed (or appeared, or went). */
  dependsOn(doc: SystemdDocument, changedPath: string): boolean;
  /** A file changed on disk: drop what was cached about it and its folder. */
  fileChanged(path: string): void;
  /** Drop the short-lived folder lookups (a file next to an open document may have just been created). */
  forgetLookups(): void;
  /**
   * Whether `text` is exactly what `path` holds on disk ('same'), something else ('differs'), or the file is not there
   * ('absent'). Opening or closing a document that is the same as its file changes nothing for the documents that
   * depend on it (they read the same text from disk), so they need no new check.
   */
  compareWithDisk(path: string, text: string): 'same' | 'differs' | 'absent';
}

/**
 * Whether `path` can be part of the unit that `docPath` belongs to: a drop-in of it (any folder: the names decide), or
 * a file of the same name in a unit folder of the same root (`/etc/…/x.service` shadows `/usr/lib/…/x.service`). A
 * file of the same name elsewhere (another project's folder) is not.
 */
function partOfUnit(unitName: string, unitType: string, path: string, docPath: string): boolean {
  const folder = basename(dirname(path));
  if (folder === `${unitType}.d` || dropInDirNamesFor(unitName).some((d) => `${d.name}.d` === folder)) return true;
  if (basename(path) !== unitName) return false;
  const a = unitPathRoot(path);
  const b = unitPathRoot(docPath);
  return a !== undefined && b !== undefined && a.root === b.root && a.scope === b.scope;
}

/** The unit folder a unit file or drop-in belongs to: where its siblings and its base unit are looked up. */
function unitFolderOf(doc: Pick<SystemdDocument, 'path' | 'file'>): string {
  const inDropInFolder = doc.file.kind === 'dropin' || (doc.file.kind === 'config' && doc.file.dropIn);
  return inDropInFolder ? dirname(dirname(doc.path)) : dirname(doc.path);
}

export function createLanguageService(env: LanguageEnvironment = {}): LanguageService {
  const settings = env.settings ?? defaultSettings;
  const now = env.now ?? Date.now;
  const fs = env.fs ?? realFs;
  /** For the checks, lenses and hovers: lookups kept for two seconds (commands and writes use `fs`). */
  const lookupFs = cachedLookups(fs, 2000, now);
  const fileExists = env.fileExists ?? existsSync;
  const kernel = env.kernelWatchdogLimits ?? (() => undefined);
  const workspaceFolders = env.workspaceFolders ?? (() => []);
  /** The one cache policy for facts read from disk: bounded, short-lived, dropped when a file changes. */
  const effectiveCache = new BoundedCache<string, EffectiveUnit | undefined>({ max: 200, ttlMs: 3000, now });
  const unitIndex = new UnitIndex();
  let indexRoots = '';

  const shippedOf = (doc: SystemdDocument): ShippedInfo | undefined => {
    // A dialect's vendor file (/usr/lib/systemd/network/80-foo.network): the same references as a vendor unit.
    if (doc.file.kind === 'config' && !doc.file.dropIn && doc.analysis.dialect) {
      const location = vendorConfigLocation(doc.path, doc.analysis.dialect, doc.file.name);
      if (location)
        return env.shipped
          ? env.shipped(doc.path, doc.text)
          : shippedInfo(doc.path, doc.text, { savedText: env.savedText?.(doc.path), location });
      // In /etc: a dpkg conffile is compared with the md5 dpkg shipped (never with git or the saved text: edits here are the admin's).
      const etc = etcConfigLocation(doc.path, doc.analysis.dialect, doc.file.name);
      if (!etc) return undefined;
      const info = env.shipped ? env.shipped(doc.path, doc.text) : conffileInfo(doc.path, doc.text, etc);
      return info && { ...info, conffile: true };
    }
    if (doc.file.kind !== 'unit' || !isVendorUnitFile(doc.path)) return undefined;
    return env.shipped
      ? env.shipped(doc.path, doc.text)
      : shippedInfo(doc.path, doc.text, { savedText: env.savedText?.(doc.path) });
  };

  /** The workspace's own unit files, analysed (bounded by the unit index; cached under the one policy). */
  const workspaceDocCache = new BoundedCache<string, SystemdDocument | undefined>({ max: 2000, ttlMs: 5000, now });
  function workspaceDocuments(): SystemdDocument[] {
    const out: SystemdDocument[] = [];
    const roots = workspaceFolders();
    for (const name of index().unitNames()) {
      for (const p of index().find(name)) {
        if (!roots.some((w) => p.startsWith(`${w}/`))) continue;
        const d = workspaceDocCache.get(p, () => {
          const r = readTextFileSafe(p, { allowedRoots: [...roots] });
          return r.ok ? createDocumentImpl(p, r.text) : undefined;
        });
        if (d) out.push(d);
      }
    }
    return out;
  }

  const analyseSibling = (path: string, text: string): WorkspaceUnit => ({
    path,
    analysis: createDocumentImpl(path, text).analysis,
  });

  /**
   * The open documents grouped by where they are installed together: all unit folders of one root (a drop-in in
   * /etc applies to a unit in /usr/lib) and scope, or the folder itself outside systemd's folders. Each check looks
   * at its own group only: linear work for `check` over thousands of files. Rebuilt when `openDocumentsKey` changes
   * (every call when the environment gives no key: editors have few open files).
   */
  const groupOf = (d: Pick<SystemdDocument, 'path' | 'file'>): string => {
    const w = unitPathRoot(d.path);
    return w ? `root\u0000${w.root}\u0000${w.scope}` : `dir\u0000${unitFolderOf(d)}`;
  };
  let openIndex: { key: unknown; byFolder: Map<string, SystemdDocument[]> } | undefined;
  function openInGroup(group: string): readonly SystemdDocument[] {
    const key = env.openDocumentsKey?.();
    // Without a key (an editor: few open files, changing all the time) filter on each call and keep nothing, so a
    // closed document is never held on to.
    if (key === undefined) return [...(env.openDocuments?.() ?? [])].filter((d) => groupOf(d) === group);
    if (!openIndex || openIndex.key !== key) {
      const byFolder = new Map<string, SystemdDocument[]>();
      for (const d of env.openDocuments?.() ?? []) {
        const g = groupOf(d);
        const list = byFolder.get(g);
        if (list) list.push(d);
        else byFolder.set(g, [d]);
      }
      openIndex = { key, byFolder };
    }
    return openIndex.byFolder.get(group) ?? [];
  }

  function workspaceAround(doc: SystemdDocument): WorkspaceUnit[] {
    const open = new Map<string, WorkspaceUnit>();
    for (const d of openInGroup(groupOf(doc))) open.set(d.path, { path: d.path, analysis: d.analysis });
    open.set(doc.path, { path: doc.path, analysis: doc.analysis });
    const out = [...open.values()];
    if (env.readSiblings !== false) {
      for (const u of siblingUnits(unitFolderOf(doc), analyseSibling, { readRoots: workspaceFolders() }))
        if (!open.has(u.path)) {
          open.set(u.path, u.unit);
          out.push(u.unit);
        }
    }
    // Podman Quadlet files refer to each other across podman's search folders (Pod=foo.pod, Network=foo.network…).
    if (doc.analysis.dialect?.id.startsWith('quadlet-')) {
      for (const u of quadletFilesAround(doc.path, analyseSibling, { readRoots: workspaceFolders() }))
        if (!open.has(u.path)) {
          open.set(u.path, u.unit);
          out.push(u.unit);
        }
    }
    return out;
  }

  /** The Podman Quadlet files podman would read with this one (none for other files). */
  function quadletAround(doc: SystemdDocument): QuadletFileAround[] {
    if (!doc.analysis.dialect?.id.startsWith('quadlet-')) return [];
    const self = resolve(doc.path);
    const out = quadletFilesAround(doc.path, analyseSibling, { readRoots: workspaceFolders() })
      .filter((u) => resolve(u.path) !== self)
      .map((u) => u.unit);
    return [{ path: doc.path, analysis: doc.analysis }, ...out];
  }

  function diagnosticOptions(doc: SystemdDocument): DiagnosticOptions {
    const s = settings();
    const file = doc.file;
    return {
      watchdog: watchdogLimitsFor(s, kernel),
      workspace: () => workspaceAround(doc),
      baseUnit:
        file.kind === 'dropin'
          ? () =>
              baseUnitOf(doc.path, file.unitName, {
                roots: unitWorldOf(doc.path).roots,
                fs: lookupFs,
                readRoots: workspaceFolders(),
              })
          : undefined,
      shipped: file.kind === 'unit' || file.kind === 'config' ? () => shippedOf(doc) : undefined,
      security:
        s.hardeningDiagnostics && file.kind === 'unit' && file.unitType === 'service'
          ? () => securityOf(doc)?.score
          : undefined,
      targetVersion: s.targetVersion,
      podmanVersion: s.podmanVersion,
      severity: s.severity,
      maxDiagnostics: s.maxDiagnostics,
      onRuleError: (rule, err) =>
        env.log?.(`rule ${rule} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    };
  }

  function index(): UnitIndex {
    const s = settings();
    const key = JSON.stringify([workspaceFolders(), s.unitSearchPaths]);
    if (key !== indexRoots) {
      unitIndex.setRoots([...workspaceFolders()], s.unitSearchPaths);
      indexRoots = key;
    }
    return unitIndex;
  }

  /** The merged unit this document is part of, resolved through the same hierarchy as the drop-in checks. */
  function effectiveOf(doc: SystemdDocument): EffectiveUnit | undefined {
    const file = doc.file;
    if ((file.kind !== 'unit' && file.kind !== 'dropin') || !appliesToOneUnit(file.unitName, file.unitType))
      return undefined;
    const world = unitWorldOf(doc.path);
    const key = `${world.root}\u0000${world.scope}\u0000${unitFolderOf(doc)}\u0000${file.unitName}`;
    return effectiveCache.get(key, () => {
      // The same lookup as the drop-in checks (baseUnitOf): the first root that has the unit's file wins.
      const h = findUnitHierarchyInRoots(file.unitName, {
        roots: world.roots,
        scope: world.scope,
        fs: lookupFs,
        readRoots: workspaceFolders(),
        unitDirs: [unitFolderOf(doc)],
      });
      return h.fragment || h.dropIns.length ? loadEffectiveUnit(h, lookupFs).effective : undefined;
    });
  }

  /** "set in …/override.conf:3, overrides the vendor value" for the directive under the cursor. */
  function originNote(doc: SystemdDocument, offset: number): string | undefined {
    const node = nodeAt(doc.tree.nodes, offset);
    if (!node || node.kind !== 'assignment' || offset > node.keySpan.end) return undefined;
    const section = sectionAt(doc.analysis, offset).section.name;
    if (!section) return undefined;
    const info = effectiveOf(doc)?.originOf(section, node.key);
    return info && (info.overridden.length || info.setBy.some((o) => o.file !== doc.path)) ? info.message : undefined;
  }

  /** A unit's file and Description= (hover and completion of unit names). */
  function describeUnitFile(name: string, workspaceOnly = false): { path: string; description?: string } | undefined {
    // Completion asks for every unit name: skip the file checks of units that are not the workspace's.
    const inWorkspace = (p: string): boolean => workspaceFolders().some((w) => p.startsWith(`${w}/`));
    if (workspaceOnly && !index().candidates(name).some(inWorkspace)) return undefined;
    const path = index().find(name)[0];
    if (!path) return undefined;
    if (workspaceOnly && !inWorkspace(path)) return undefined;
    const d = workspaceDocCache.get(path, () => service.parseFile(path));
    const description = d?.analysis.entries.find((e) => e.info?.section === 'Unit' && e.info.name === 'Description')
      ?.node.value;
    return { path, ...(description ? { description } : {}) };
  }

  /** Names in /etc/passwd or /etc/group (the first field of each line), cached under the one policy. */
  const accounts = new BoundedCache<string, readonly string[]>({ max: 4, ttlMs: 30_000, now });
  const accountNames = (file: string): readonly string[] =>
    accounts.get(file, () => {
      const r = readTextFileSafe(file, { maxBytes: 4 * 1024 * 1024 });
      return r.ok
        ? [
            ...new Set(
              r.text
                .split('\n')
                .map((l) => l.split(':')[0]!)
                .filter((n) => /^[a-z_][a-z0-9_.-]*\$?$/i.test(n)),
            ),
          ]
        : [];
    });

  /** The command a client runs for a workflow: its own (VS Code) or the server's. */
  const commandId = (id: string): string =>
    id.startsWith('systemd.') && !env.clientCommands?.() ? `systemd-units.${id.slice('systemd.'.length)}` : id;

  /**
   * The exposure score of the service a .service file (or one of its drop-ins) belongs to: its hierarchy with the
   * open documents' unsaved text in place. Cached per text of the document (a new version is a new key).
   */
  interface ServiceSecurity {
    readonly score: SecurityScore;
    readonly sources: readonly SourceFile[];
    readonly unitName: string;
    /** The index of this document in `sources` (undefined when it is not part of the unit). */
    readonly self: number | undefined;
  }
  const securityCache = new BoundedCache<string, ServiceSecurity | undefined>({ max: 100, ttlMs: 3000, now });
  /** Per document: the other open files of its unit at the last look (see securityOf). */
  const openUnitFiles = new BoundedCache<string, string>({ max: 100, ttlMs: 60_000, now });
  /** A number per parsed text (a SystemdDocument is one version of one document). */
  const parseIds = new WeakMap<SystemdDocument, number>();
  let nextParseId = 0;
  const versionOf = (d: SystemdDocument): number => {
    let id = parseIds.get(d);
    if (id === undefined) parseIds.set(d, (id = ++nextParseId));
    return id;
  };
  function securityOf(doc: SystemdDocument): ServiceSecurity | undefined {
    const file = doc.file;
    if ((file.kind !== 'unit' && file.kind !== 'dropin') || file.unitType !== 'service') return undefined;
    if (!appliesToOneUnit(file.unitName, file.unitType) || doc.oversize !== undefined) return undefined;
    const version = settings().targetVersion;
    // The key names the text by what the score reads of it (securityInputKey): typing in an ExecStart= line does
    // not score the unit again, and a cache of 100 big documents holds no copies of them.
    const digest = securityInputKey(doc.analysis);
    // The other open files of the unit count with their unsaved text (a drop-in just created by a fix): in the key.
    const others = [...(env.openDocuments?.() ?? [])]
      .filter((d) => d.path !== doc.path && partOfUnit(file.unitName, file.unitType, d.path, doc.path))
      .map((d) => `${d.path}\u0000${versionOf(d)}`)
      .sort()
      .join('\u0000');
    const compute = (): ServiceSecurity | undefined => {
      const world = unitWorldOf(doc.path);
      const h = findUnitHierarchyInRoots(file.unitName, {
        roots: world.roots,
        scope: world.scope,
        fs: lookupFs,
        readRoots: workspaceFolders(),
        unitDirs: [unitFolderOf(doc)],
      });
      const self = resolve(doc.path);
      const open = new Map<string, string>([[self, doc.text]]);
      for (const d of env.openDocuments?.() ?? []) if (!open.has(resolve(d.path))) open.set(resolve(d.path), d.text);
      const sources = sourcesWithOverrides(h, lookupFs, (p) => open.get(p), doc.path);
      if (!sources.length) return undefined;
      const i = sources.findIndex((s) => resolve(s.path) === self);
      return {
        // This document's source is merged from its parse (no second parse of the text).
        score: scoreService(
          mergeUnitOf(sources.map((s, j) => (j === i ? { ...s, doc: doc.analysis.doc } : s))),
          file.unitName,
          version,
        ),
        sources,
        unitName: file.unitName,
        self: i >= 0 ? i : undefined,
      };
    };
    const key = `${version}\u0000${doc.path}\u0000${digest}\u0000${others}`;
    // A file of the unit was opened or closed since the last look: what is cached for this set of open files may
    // predate a file written meanwhile (a drop-in a fix created and saved; a file watcher does not always report it).
    if (openUnitFiles.peek(doc.path) !== others) {
      openUnitFiles.set(doc.path, others);
      const fresh = compute();
      securityCache.set(key, fresh);
      return fresh;
    }
    const hit = securityCache.get(key, compute);
    // Cached for another version with the same security input: the score holds; the sources carry this text.
    if (!hit || hit.self === undefined || hit.sources[hit.self]?.text === doc.text) return hit;
    const self = hit.self;
    return { ...hit, sources: hit.sources.map((s, j) => (j === self ? { ...s, text: doc.text } : s)) };
  }

  /**
   * Quick fixes of hardening-… diagnostics: the line that passes the check, with the score before and after. In the
   * file itself, unless it is a vendor unit: then a drop-in (the Harden This Service command with that one line).
   */
  function hardeningActions(
    doc: SystemdDocument,
    diagnostics: readonly DiagnosticLike[],
    caEnv: CodeActionEnv,
  ): (CodeActionLike | CommandActionLike)[] {
    const fixes = diagnostics.filter((d) => typeof d.code === 'string' && d.code.startsWith('hardening-'));
    if (!fixes.length) return [];
    const sec = securityOf(doc);
    if (!sec) return [];
    const vendor = isVendorUnitFile(doc.path);
    const out: (CodeActionLike | CommandActionLike)[] = [];
    for (const d of fixes) {
      const h = fixForCode(String(d.code));
      if (!h) continue;
      const line = fixLine({ directive: h.directive, value: h.value });
      const self = sec.self;
      if (!vendor && self !== undefined && doc.file.kind === 'unit') {
        const assignments = doc.analysis.entries.filter((e) => e.info?.section === 'Service').map((e) => e.node);
        const w = fixEdit(doc.text, assignments, { directive: h.directive, value: h.value });
        const after = scoreService(
          mergeUnitOf(sec.sources.map((s, i) => (i === self ? { ...s, text: w.text } : s))),
          sec.unitName,
          sec.score.version,
        );
        const change = `exposure ${sec.score.exposure} → ${after.exposure} ${after.label}`;
        out.push({
          title: `${w.replaced ? 'Set' : 'Add'} ${line} (${change})`,
          kind: 'quickfix',
          diagnostics: [d],
          edit: {
            changes: { [caEnv.uri]: [{ range: caEnv.toRange({ start: w.start, end: w.end }), newText: w.newText }] },
          },
        });
      } else {
        const after = scoreWithLine(sec.sources, sec.unitName, sec.score.version, line);
        const change = `exposure ${sec.score.exposure} → ${after.exposure} ${after.label}`;
        const title = `Add ${line} in a drop-in (${change})`;
        out.push({
          title,
          kind: 'quickfix',
          diagnostics: [d],
          command: {
            title,
            command: 'systemd.hardenService',
            arguments: [caEnv.uri, { directive: h.directive, value: h.value }],
          },
        });
      }
    }
    return out;
  }

  function codeLenses(doc: SystemdDocument, uri: string): CodeLensResult[] {
    const file = doc.file;
    if (file.kind !== 'unit' || !appliesToOneUnit(file.unitName, file.unitType)) return [];
    const world = unitWorldOf(doc.path);
    // The unit's own folder first, as for the drop-in checks (a folder of units that does not mirror a root).
    const h = findUnitHierarchyInRoots(file.unitName, {
      roots: world.roots,
      scope: world.scope,
      fs: lookupFs,
      readRoots: workspaceFolders(),
      unitDirs: [unitFolderOf(doc)],
    });
    const lenses = od().dropInLens(doc, uri, h.dropIns.length);
    const sec = file.unitType === 'service' ? securityOf(doc) : undefined;
    const header = doc.tree.nodes.find((n) => n.kind === 'section' && n.name === 'Service');
    if (sec && header)
      lenses.push({
        span: { start: header.start, end: header.start },
        title: securityLensTitle(sec.score),
        command: 'systemd.showSecurity',
        arguments: [uri],
      });
    return lenses;
  }

  const service: LanguageService = {
    settings,
    parse: (path, text) => parseCapped(path, text),
    parseFile(path) {
      const r = readTextFileSafe(path);
      return r.ok ? parseCapped(path, r.text) : undefined;
    },
    getDiagnostics(doc) {
      if (doc.oversize !== undefined) return [oversizeDiagnostic(doc.oversize)];
      return computeDiagnostics(doc.analysis, diagnosticOptions(doc));
    },
    getCompletions: (doc, offset) =>
      od().getCompletions(doc, offset, {
        targetVersion: settings().targetVersion,
        unitNames: () => index().unitNames(),
        // The workspace's own units only: reading every system unit for a list of 2,000 names would be slow.
        describeUnit: (name) => describeUnitFile(name, true)?.description,
        users: () => accountNames('/etc/passwd'),
        groups: () => accountNames('/etc/group'),
        quadletFiles: () => quadletAround(doc),
      }),
    resolveCompletion(doc, data, label) {
      if (data.path !== doc.path || data.offset < 0 || data.offset > doc.text.length) return undefined;
      const it = service.getCompletions(doc, data.offset).find((c) => c.label === label);
      return it ? { detail: it.detail, documentation: it.documentation } : undefined;
    },
    getHover(doc, offset) {
      const s = settings();
      const h = od().getHover(doc, offset, {
        targetVersion: s.targetVersion,
        podmanVersion: s.podmanVersion,
        manPages: s.manPages,
        watchdog: watchdogLimitsFor(s, kernel),
        fileExists,
        describeUnit: describeUnitFile,
        now: env.now,
      });
      // On a [Service] header: the exposure score and the checks that cost the most.
      const node = nodeAt(doc.tree.nodes, offset);
      const sec = node?.kind === 'section' && node.name === 'Service' ? securityOf(doc) : undefined;
      if (sec && node) {
        const md = securityHoverMarkdown(sec.score);
        return h
          ? { ...h, markdown: `${md}\n\n---\n${h.markdown}` }
          : { markdown: md, span: { start: node.start, end: node.end } };
      }
      if (!h) return undefined;
      // Origin first: where the value in effect comes from matters more than the reference text below it.
      const origin = originNote(doc, offset);
      return origin ? { ...h, markdown: `${escapeMarkdown(origin)}\n\n---\n${h.markdown}` } : h;
    },
    getDocumentSymbols: (doc) => od().getDocumentSymbols(doc),
    getFoldingRanges: (doc) => od().getFoldingRanges(doc),
    getDocumentLinks: (doc) => od().getDocumentLinks(doc, fileExists),
    getDefinition(doc, offset) {
      // One target per file: on merged-/usr systems /lib and /usr/lib are the same folder.
      const seen = new Set<string>();
      return od()
        .getDefinition(doc, offset, index(), () => quadletAround(doc))
        .filter((t) => {
          let real = t.path;
          try {
            real = realpathSync(t.path);
          } catch {
            /* gone: keep as named */
          }
          if (seen.has(real)) return false;
          seen.add(real);
          return true;
        });
    },
    getCodeActions: (doc, diagnostics, offset, caEnv) =>
      [
        ...od().getCodeActions(doc, diagnostics, { ...caEnv, shippedText: () => shippedOf(doc)?.text }),
        ...hardeningActions(doc, diagnostics, caEnv),
        ...od().getMoveToDropInActions(doc, offset, caEnv.uri, shippedOf(doc)),
      ].map((a) =>
        'command' in a && a.command ? { ...a, command: { ...a.command, command: commandId(a.command.command) } } : a,
      ),
    planCommand(command, args) {
      const pathArg = (i: number): string | undefined => {
        const a = args[i];
        if (typeof a !== 'string') return undefined;
        try {
          const p = a.startsWith('file:') ? fileURLToPath(a) : a;
          // Relative paths and `..` parts are refused: the file is named exactly, never resolved against our cwd.
          return resolve(p) === p ? p : undefined;
        } catch {
          return undefined;
        }
      };
      const s = settings();
      const cenv: CommandEnv = {
        workspaceFolders: workspaceFolders(),
        fs,
        probe: env.probe ?? od().realProbe,
        exists: (p) => fileExists(p),
        openDocument: (p) => [...(env.openDocuments?.() ?? [])].find((d) => d.path === p),
        parseFile: (p) => service.parseFile(p),
        shipped: (d) => shippedOf(d),
        readText: (p) => {
          const r = readTextFileSafe(p, { maxBytes: 64 * 1024 * 1024 });
          return r.ok ? r.text : undefined;
        },
        watchdog: watchdogLimitsFor(s, kernel),
        preloadLibrary: s.preloadLibrary,
      };
      const path = pathArg(0);
      const need = (): CommandPlan => ({
        kind: 'error',
        message: `${command} needs the file it applies to (a file URI, or an absolute path without . or .. parts) as its first argument.`,
      });
      switch (command) {
        case SERVER_COMMANDS.createOverride:
          return path ? od().planCreateOverride(path, cenv, typeof args[1] === 'string' ? args[1] : undefined) : need();
        case SERVER_COMMANDS.showDropIns:
          return path ? od().planShowDropIns(path, cenv) : need();
        case SERVER_COMMANDS.showEffectiveUnit:
          return path ? od().planShowEffective(path, cenv) : need();
        case SERVER_COMMANDS.moveToDropIn:
          return path
            ? od().planMoveChangeToDropIn(path, cenv, typeof args[1] === 'number' ? args[1] : undefined)
            : need();
        case SERVER_COMMANDS.convertFullCopy:
          return path ? od().planConvertFullCopy(path, cenv) : need();
        case SERVER_COMMANDS.setHardwareWatchdog:
          return od().planSetHardwareWatchdog(path, cenv, typeof args[1] === 'number' ? args[1] : undefined);
        case SERVER_COMMANDS.showGeneratedUnit: {
          const d = path ? (cenv.openDocument(path) ?? cenv.parseFile(path)) : undefined;
          if (!d) return path ? { kind: 'error', message: `${path} cannot be read.` } : need();
          const g = od().planGeneratedUnit(d.path, d.analysis, quadletAround(d));
          return 'error' in g
            ? { kind: 'error', message: g.error }
            : { kind: 'text', title: `Generated ${g.name}`, text: g.text };
        }
        case SERVER_COMMANDS.showSecurity: {
          const d = path ? (cenv.openDocument(path) ?? cenv.parseFile(path)) : undefined;
          if (!d) return path ? { kind: 'error', message: `${path} cannot be read.` } : need();
          return od().planShowSecurity(d.path, securityOf(d)?.score);
        }
        case SERVER_COMMANDS.hardenService: {
          const d = path ? (cenv.openDocument(path) ?? cenv.parseFile(path)) : undefined;
          if (!d) return path ? { kind: 'error', message: `${path} cannot be read.` } : need();
          const sec = securityOf(d);
          const a = args[1];
          const line =
            a && typeof a === 'object' && typeof (a as { directive?: unknown }).directive === 'string'
              ? {
                  directive: (a as { directive: string }).directive,
                  value: String((a as { value?: unknown }).value ?? ''),
                }
              : undefined;
          return od().planHardenService(d.path, cenv, {
            sources: sec?.sources ?? [],
            version: s.targetVersion,
            level: a === 'strict' ? 'strict' : 'safe',
            line,
          });
        }
        case SERVER_COMMANDS.generateSocketUnits:
          return path && typeof args[1] === 'string'
            ? od().planGenerateSocketUnits(path, args[1], cenv)
            : { kind: 'error', message: `${command} takes the strace log and the service name.` };
        default:
          return { kind: 'error', message: `Unknown command ${command}.` };
      }
    },
    getFormattingEdits: (doc) => (doc.oversize !== undefined ? [] : od().formatDocument(doc)),
    getSemanticTokens: (doc) => od().getSemanticTokens(doc),
    getDocumentHighlights: (doc, offset) => od().getDocumentHighlights(doc, offset),
    getReferences(doc, offset) {
      // Podman Quadlet: a Quadlet file name under the cursor (or this Quadlet file itself) across the files around.
      if (doc.analysis.dialect?.id.startsWith('quadlet-')) {
        const qname =
          od().quadletRefAt(doc.analysis, offset)?.name ??
          (doc.file.kind === 'config' && !doc.file.dropIn ? doc.file.name : undefined);
        if (qname) return od().quadletMentions(qname, quadletAround(doc));
      }
      const name = od().unitNameAt(doc, offset);
      return name
        ? od().findUnitReferences(name, [doc, ...(env.openDocuments?.() ?? []), ...workspaceDocuments()])
        : [];
    },
    prepareRename(doc, offset) {
      const name = od().unitNameAt(doc, offset);
      return name ? { name } : undefined;
    },
    getRename(doc, offset, newName) {
      const name = od().unitNameAt(doc, offset);
      if (!name) return { error: 'Put the cursor on a unit name to rename it.' };
      const check = od().validateUnitName(newName);
      if (!check.ok) return { error: `'${newName}' is not a valid unit name: ${check.reason}` };
      if (newName.slice(newName.lastIndexOf('.')) !== name.slice(name.lastIndexOf('.')))
        return { error: `A unit keeps its type: ${name} cannot become ${newName}.` };
      const refs = od().findUnitReferences(name, [doc, ...(env.openDocuments?.() ?? []), ...workspaceDocuments()]);
      const files = [
        ...new Set([...index().find(name)].filter((p) => workspaceFolders().some((w) => p.startsWith(`${w}/`)))),
      ];
      return {
        oldName: name,
        newName,
        edits: refs.map((r) => ({ ...r, newText: newName })),
        renameFiles: files.map((p) => ({ from: p, to: `${dirname(p)}/${newName}` })),
      };
    },
    getWorkspaceSymbols(query) {
      const q = query.toLowerCase();
      const out: { name: string; path: string }[] = [];
      for (const name of index().unitNames()) {
        if (q && !name.toLowerCase().includes(q)) continue;
        const path = index().find(name)[0];
        if (path) out.push({ name, path });
        if (out.length >= 500) break;
      }
      return out;
    },
    getCodeLenses(doc, uri) {
      return codeLenses(doc, uri).map((l) => ({ ...l, command: commandId(l.command) }));
    },
    getInlayHints: (doc, range) => od().getInlayHints(doc, range, effectiveOf(doc)),
    dependsOn(doc, changedPath) {
      if (changedPath === doc.path) return true;
      const changedFolder = /\.d$/.test(dirname(changedPath)) ? dirname(dirname(changedPath)) : dirname(changedPath);
      if (changedFolder === unitFolderOf(doc)) return true;
      // A drop-in depends on its unit (or main config file) wherever that lives.
      const file = doc.file;
      if (file.kind === 'config') return file.dropIn && basename(changedPath) === file.name;
      // A unit depends on its drop-ins wherever they live (a vendor unit in usr/lib and its etc/… override: the
      // hardening hints and the exposure score count them).
      if (file.kind === 'unit') return partOfUnit(file.unitName, file.unitType, changedPath, doc.path);
      return file.kind === 'dropin' && basename(changedPath) === file.unitName;
    },
    forgetLookups: () => lookupFs.clear(),
    compareWithDisk(path, text) {
      const disk = fs.readFile(path);
      return disk === undefined ? 'absent' : disk === text ? 'same' : 'differs';
    },
    fileChanged(_path) {
      lookupFs.clear();
      effectiveCache.clear();
      securityCache.clear();
      unitIndex.setRoots([...workspaceFolders()], settings().unitSearchPaths);
    },
  };
  return service;
}

/**
 * A document over MAX_UNIT_BYTES (systemd refuses lines over 1 MiB; real units are a few KiB) is not analysed: one
 * clear diagnostic instead of a parse that could take the memory of the whole process.
 */
function parseCapped(path: string, text: string): SystemdDocument {
  if (text.length <= MAX_UNIT_BYTES) return createDocumentImpl(path, text);
  return { ...createDocumentImpl(path, ''), oversize: text.length };
}

function oversizeDiagnostic(size: number): Diagnostic {
  return {
    start: 0,
    end: 0,
    severity: 'error',
    code: 'file-too-large',
    message: `This file is ${formatBytes(size)} long: over the ${formatBytes(MAX_UNIT_BYTES)} a unit file may have here, so it is not analysed. A unit file of that size is almost certainly not one.`,
  };
}

/** Text from other files goes into hover markdown: keep it from being read as markup. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|!~]/g, (c) => `\\${c}`);
}

/** A document without a language service (tests, tools): parse and analyse only. */
export function createDocument(path: string, text: string): SystemdDocument {
  return parseCapped(path, text);
}

/** A function of the on-demand features, callable from the start-up part (it runs once they are loaded). */
function onDemand<K extends 'textEditsOf' | 'applyEdits' | 'ensureFolderInside'>(name: K): LanguageFeatures[K] {
  return ((...args: unknown[]) => (od()[name] as (...a: unknown[]) => unknown)(...args)) as LanguageFeatures[K];
}
/** A code action's edits for one file (the LSP server applies fixes through it). */
export const textEditsOf = onDemand('textEditsOf');
/** Apply formatting edits to a text. */
export const applyEdits = onDemand('applyEdits');
/** Create the folders of a planned file inside its root (units/safeWrite.ts), for the server's own writes. */
export const ensureFolderInside = onDemand('ensureFolderInside');

/**
 * Write a command's new files on disk (for clients that cannot create files): all or nothing, inside the target's
 * root, never over an existing file. Whole-file replacements are written here only when the client cannot edit
 * its open documents (otherwise the caller sends them as edits).
 */
export function writePlannedFiles(
  plan: Extract<CommandPlan, { kind: 'write' }>,
  opts: { editsOpenDocuments: boolean },
): { ok: true; written: string[] } | { ok: false; reason: string } {
  const r = od().writeFilesAllOrNothing(plan.files, { root: plan.target.root });
  if (!r.ok) return { ok: false, reason: r.reason };
  if (!opts.editsOpenDocuments) {
    for (const f of plan.replace) {
      const w = od().writeFileAtomic(f.path, f.content, { overwrite: true, root: plan.target.root });
      if (!w.ok) return { ok: false, reason: w.reason };
    }
  }
  return { ok: true, written: [...r.written] };
}

/** Files changed on disk: drop every cached fact read from files (the one cache policy, util/cache.ts). */
export const clearFileCaches = (): void => clearAllCaches();

/** The rules on one document with explicitly given facts (unit tests of rules; tools). Editors and the CLI use a service. */
export function getDiagnostics(doc: SystemdDocument, options?: DiagnosticOptions): Diagnostic[] {
  if (doc.oversize !== undefined) return [oversizeDiagnostic(doc.oversize)];
  return computeDiagnostics(doc.analysis, options);
}

/** The kernel's watchdog limits of this machine (the real `LanguageEnvironment.kernelWatchdogLimits`). */
export const machineWatchdogLimits = (): WatchdogLimits | undefined => kernelWatchdogLimits();

export { TOKEN_TYPES, TOKEN_MODIFIERS } from './services/tokenLegend.js';
export { SERVER_COMMANDS } from './services/commandNames.js';
export type { CommandPlan, PlannedFile } from './services/commands.js';
export type { FormatEdit, SemanticToken, HighlightResult, UnitReference, CodeLensResult, InlayHintResult };
export type {
  SystemdDocument,
  Diagnostic,
  DiagnosticOptions,
  CompletionResult,
  HoverResult,
  SymbolResult,
  FoldingResult,
  LinkResult,
  DefinitionTarget,
  CodeActionLike,
  CommandActionLike,
  DiagnosticLike,
  CodeActionEnv,
  Settings,
};

// ---- Facts and planners shared with the commands (VS Code client, CLI) ----------------------------------------
export { positionAt, offsetAt } from './parser/lineIndex.js';
export type { Span } from './parser/ast.js';
export { decodeBytes, encodeText } from './parser/bytes.js';
export { parseUnit } from './parser/parser.js';
export { fileKindOf, dialectOfFile, type FileKind } from './units/fileKind.js';
export { dialectById, type Dialect } from './catalog/dialects.js';
export * from './units/configHierarchy.js';
export {
  configPlaceOf,
  configHierarchyOf,
  applyCommandOf,
  isVendorConfigFile,
  vendorConfigLocation,
  configOverrideTemplate,
  planConfigMove,
  diffConfig,
  configLineDiffers,
  type ConfigPlace,
} from './units/configDropIn.js';
export { NEWEST_VERSION, UNIT_TYPES, type UnitType } from './catalog/catalog.js';
export { CODES, codeTag, codeDocsUrl, type DiagnosticCode, type CodeInfo } from './services/codes.js';
export {
  defaultSettings,
  normaliseSettings,
  resolveTargetVersion,
  resolvePodmanVersion,
  parseTargetVersion,
  watchdogLimitsFor,
  WATCHDOG_DRIVER_CHOICES,
  DEFAULT_PRELOAD_LIBRARY,
} from './services/settings.js';
export { unitWorldOf, appliesToOneUnit } from './units/unitWorld.js';
export { WATCHDOG_DRIVERS, DEFAULT_WATCHDOG_DRIVER, limitsForDriver, type WatchdogLimits } from './watchdog/drivers.js';
export { kernelWatchdogLimits } from './watchdog/sysfs.js';
export { evaluateWatchdogValue, type WatchdogEvaluation } from './watchdog/evaluate.js';
export * from './units/hierarchy.js';
export * from './units/effective.js';
export * from './units/minimalDropIn.js';
export * from './units/overrideTemplate.js';
export * from './units/searchPaths.js';
export { UnitIndex } from './units/unitIndex.js';
export { readUnitFileForCheck, readTextFileSafe, MAX_UNIT_BYTES, formatBytes } from './units/safeRead.js';
export * from './units/writeTarget.js';
export * from './units/shipped.js';
export {
  scoreService,
  assessInfo,
  labelOf,
  formatTenths,
  checksFor,
  securityInfoOf,
  effectiveWithOverrides,
  renderSecurityTable,
  securityJson,
  sortedChecks,
  securityLensTitle,
  securityHoverMarkdown,
  type SecurityScore,
  type CheckResult,
  type ExposureLabel,
  type SecurityInfo,
} from './services/security/index.js';
export {
  parseCalendarSpec,
  nextElapses,
  formatTimestamp,
  formatTimestampRelative,
  parseTimestamp,
  timeZoneByName,
  defaultLocalZone,
  UTC_ZONE,
  CALENDAR_SHORTHANDS,
  type CalendarSpec,
  type TimeZone,
  type MktimeState,
} from './values/calendarSpec.js';
