/**
 * One analysed document: the text, its file kind, the lossless tree and the analysis. Built once per document
 * version (the server caches it); every feature takes it and never re-parses.
 */
import { parseUnit } from '../parser/parser.js';
import type { UnitDocument } from '../parser/ast.js';
import { fileKindOf, type FileKind } from '../units/fileKind.js';
import { analyse, type Analysis } from './model.js';

export interface SystemdDocument {
  readonly path: string;
  readonly text: string;
  readonly file: FileKind;
  readonly tree: UnitDocument;
  readonly analysis: Analysis;
  /** Set when the text was over MAX_UNIT_BYTES: the document is not analysed (its tree is empty). */
  readonly oversize?: number;
}

export function createDocument(path: string, text: string, file: FileKind = fileKindOf(path, text)): SystemdDocument {
  const tree = parseUnit(text);
  return { path, text, file, tree, analysis: analyse(tree, file) };
}
