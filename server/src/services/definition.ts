/** Go to definition: from a unit name in a value to its file; from anywhere else in a drop-in to its unit. */
import type { SystemdDocument } from './document.js';
import { entryAt, wordAt } from './context.js';
import { UnitIndex } from '../units/unitIndex.js';
import { appliesToOneUnit } from '../units/unitWorld.js';
import { quadletRefAt, type QuadletFileAround } from './quadletAssist.js';

export interface DefinitionTarget {
  readonly uri: string;
  readonly path: string;
}

/** Directives whose value names units (beyond the unit/unit-list kinds). */
const UNIT_VALUE_KINDS = new Set(['unit', 'unit-list']);

export function getDefinition(
  doc: SystemdDocument,
  offset: number,
  index: Pick<UnitIndex, 'find'>,
  quadletFiles?: () => readonly QuadletFileAround[],
): DefinitionTarget[] {
  // A Quadlet file named in a Quadlet file (Pod=web.pod, Volume=data.volume:/srv, After=db.container).
  const ref = quadletFiles ? quadletRefAt(doc.analysis, offset) : undefined;
  if (ref)
    return quadletFiles!()
      .filter((u) => u.path.endsWith(`/${ref.name}`))
      .map((u) => ({ path: u.path, uri: UnitIndex.uriOf(u.path) }));
  const entry = entryAt(doc.analysis, offset);
  if (entry && entry.info && UNIT_VALUE_KINDS.has(entry.info.kind) && offset > entry.node.eq) {
    const node = entry.node;
    const rel = Math.max(0, Math.min(node.value.length, offset - node.valueSpan.start));
    const w = wordAt(node.value, rel);
    const name = node.value.slice(w.start, w.end);
    if (name) return index.find(name).map((p) => ({ path: p, uri: UnitIndex.uriOf(p) }));
  }
  const file = doc.analysis.file;
  if (file.kind === 'dropin' && appliesToOneUnit(file.unitName, file.unitType)) {
    return index.find(file.unitName).map((p) => ({ path: p, uri: UnitIndex.uriOf(p) }));
  }
  return [];
}
