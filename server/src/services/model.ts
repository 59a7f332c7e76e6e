/**
 * The analysed document: the parse tree plus, for each section and assignment, what the catalog says about
 * it. Computed once per document version and shared by every diagnostic rule and feature.
 */
import type { AssignmentNode, Section, UnitDocument } from '../parser/ast.js';
import type { DirectiveInfo, UnitType } from '../catalog/catalog.js';
import type { Dialect } from '../catalog/dialects.js';
import { dialectOfFile, unitTypeOf, type FileKind } from '../units/fileKind.js';

export type SectionStatus =
  /** lines before any header */
  | 'none'
  /** a section this file type reads */
  | 'ok'
  /** X-… extension section: ignored by systemd on purpose */
  | 'extension'
  /** a broken header: systemd refuses the file */
  | 'broken'
  /** a section this file type does not have */
  | 'unknown';

export interface AnalysedSection {
  readonly section: Section;
  readonly status: SectionStatus;
}

export interface Entry {
  readonly node: AssignmentNode;
  readonly section: AnalysedSection;
  /** The directive in this section, when the section is ok and the key known. */
  readonly info: DirectiveInfo | undefined;
  /** X-… key in a known section (ignored by systemd on purpose). */
  readonly extension: boolean;
}

export interface Analysis {
  readonly doc: UnitDocument;
  readonly file: FileKind;
  /** The dialect the file is read in (undefined: a file we leave alone); features and rules ask it, never the path. */
  readonly dialect: Dialect | undefined;
  readonly unitType: UnitType | undefined;
  readonly allowedSections: readonly string[];
  readonly sections: readonly AnalysedSection[];
  readonly entries: readonly Entry[];
}

export function analyse(doc: UnitDocument, file: FileKind): Analysis {
  const dialect = dialectOfFile(file);
  const allowed = dialect?.sections ?? [];
  const sections: AnalysedSection[] = [];
  const entries: Entry[] = [];
  for (const s of doc.sections) {
    let status: SectionStatus;
    // Section-less dialects (udev.conf, kernel/install.conf): the lines before any header are the file's keys.
    if (!s.header) status = dialect?.sectionless ? 'ok' : 'none';
    else if (!s.header.wellFormed) status = 'broken';
    else if (allowed.includes(s.header.name)) status = 'ok';
    else if (s.header.name.startsWith('X-')) status = 'extension';
    else status = 'unknown';
    const as: AnalysedSection = { section: s, status };
    sections.push(as);
    for (const node of s.assignments) {
      const extension = status === 'ok' && node.key.startsWith('X-');
      const sectionName = s.header ? s.name : '';
      const info =
        status === 'ok' && dialect && (sectionName || dialect.sectionless)
          ? dialect.lookup(sectionName ?? '', node.key)
          : undefined;
      entries.push({ node, section: as, info, extension });
    }
  }
  return { doc, file, dialect, unitType: unitTypeOf(file), allowedSections: allowed, sections, entries };
}
