/**
 * Inlay hints: a time span in seconds where it is written otherwise (`TimeoutStopSec=1min 30s` → `= 90 s`), and on
 * a unit file's line the value a drop-in puts in its place (`→ always (override.conf:3)`).
 */
import type { SystemdDocument } from './document.js';
import { parseTimespan } from '../values/timespan.js';
import { formatSeconds } from './hover.js';
import type { EffectiveUnit } from '../units/effective.js';

export interface InlayHintResult {
  /** Document offset the hint is shown at (after the value). */
  readonly at: number;
  readonly label: string;
  readonly tooltip?: string;
}

const TIME_KINDS = new Set(['timespan-sec', 'nsec']);

export function getInlayHints(
  doc: SystemdDocument,
  range: { start: number; end: number },
  effective?: EffectiveUnit,
): InlayHintResult[] {
  const out: InlayHintResult[] = [];
  for (const e of doc.analysis.entries) {
    const n = e.node;
    if (n.end < range.start || n.start > range.end || !e.info) continue;
    if (TIME_KINDS.has(e.info.kind) && n.value && !/^\d+$/.test(n.value)) {
      const r = parseTimespan(n.value, e.info.kind === 'nsec' ? 1 : undefined, e.info.kind === 'nsec');
      if ('usec' in r && r.usec !== 'infinity')
        out.push({ at: n.valueSpan.end, label: ` = ${formatSeconds(r.usec / 1e6)}` });
    }
    if (effective && doc.file.kind === 'unit') {
      const origin = effective.originOf(e.info.section, n.key);
      const winner = origin?.setBy[origin.setBy.length - 1];
      if (
        origin &&
        winner &&
        winner.file !== doc.path &&
        origin.overridden.some((o) => o.file === doc.path && o.line === n.line + 1)
      ) {
        const where = `${winner.file.slice(winner.file.lastIndexOf('/') + 1)}:${winner.line}`;
        out.push({ at: n.valueSpan.end, label: ` → ${winner.value} (${where})`, tooltip: origin.message });
      }
    }
  }
  return out;
}
