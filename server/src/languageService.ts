/**
 * The facade: everything the server and the CLI use. It knows nothing of LSP: offsets in, offsets out.
 * One `SystemdDocument` per document version; features take it and never re-parse.
 */
import { parseUnit } from './parser/parser.js';
import type { UnitDocument } from './parser/ast.js';
import { fileKindOf, type FileKind } from './units/fileKind.js';
import { analyse, type Analysis } from './services/model.js';
import { computeDiagnostics, type Diagnostic, type DiagnosticOptions } from './services/diagnostics.js';

export interface SystemdDocument {
  readonly path: string;
  readonly text: string;
  readonly file: FileKind;
  readonly tree: UnitDocument;
  readonly analysis: Analysis;
}

export function createDocument(path: string, text: string, file: FileKind = fileKindOf(path)): SystemdDocument {
  const tree = parseUnit(text);
  return { path, text, file, tree, analysis: analyse(tree, file) };
}

export function getDiagnostics(doc: SystemdDocument, options?: DiagnosticOptions): Diagnostic[] {
  return computeDiagnostics(doc.analysis, options);
}

export type { Diagnostic, DiagnosticOptions, FileKind, UnitDocument, Analysis };
export { fileKindOf };
