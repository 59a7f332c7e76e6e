/**
 * The whole unit as systemd loads it, for the stage-4 checks of *_verify() refusals: the file's own assignments
 * followed by its drop-ins found next to it (service.ts dropInEntries), with the lines systemd ignores left out
 * (duplicates.ts isAccepted), lists reset by an empty assignment and single values last-wins.
 */
import type { RuleContext } from './types.js';
import type { Entry } from '../model.js';
import type { Span } from '../../parser/ast.js';
import { acceptedIn } from './duplicates.js';
import { dropInEntries } from './service.js';

export interface UnitView {
  /**
   * Entries of a list in effect, accepted lines only. Several names form one group that an empty assignment to
   * any of them clears (timer triggers, path watches, Listen*= ports), as in systemd.
   */
  list(section: string, names: string | readonly string[]): Entry[];
  /** The single value in effect (accepted lines only), undefined when unset or reset. */
  last(section: string, name: string): Entry | undefined;
  /** The first accepted non-empty assignment (first-wins parsers: Timer/Path Unit=). */
  first(section: string, name: string): Entry | undefined;
  /** Where to put a unit-level finding: the type section's header name, or the start of the file. */
  readonly anchor: Span;
  readonly unitName: string;
}

/** A view of a complete unit file; undefined for drop-ins, other files and files with a broken header. */
export function unitViewOf(ctx: RuleContext, unitType: string): UnitView | undefined {
  const { analysis } = ctx;
  if (analysis.file.kind !== 'unit' || analysis.unitType !== unitType) return undefined;
  if (analysis.sections.some((s) => s.status === 'broken')) return undefined;
  const entries = [...analysis.entries, ...dropInEntries(ctx.options.workspace?.() ?? [], analysis.file.unitName)];
  const accepted = acceptedIn(ctx);
  const typeSection = unitType.charAt(0).toUpperCase() + unitType.slice(1);
  const header =
    analysis.sections.find((s) => s.status === 'ok' && s.section.name === typeSection)?.section.header ??
    analysis.sections.find((s) => s.status === 'ok')?.section.header;
  const unitName = analysis.file.unitName;
  return {
    unitName,
    anchor: header ? header.nameSpan : { start: 0, end: 0 },
    list(section, names) {
      const group = typeof names === 'string' ? [names] : names;
      let out: Entry[] = [];
      for (const e of entries) {
        if (!e.info || e.info.section !== section || !group.includes(e.info.name)) continue;
        if (e.node.value === '') {
          if (e.info.list === 'yes' && accepted(e)) out = [];
          continue;
        }
        if (accepted(e)) out.push(e);
      }
      return out;
    },
    first(section, name) {
      return entries.find(
        (e) => e.info && e.info.section === section && e.info.name === name && e.node.value !== '' && accepted(e),
      );
    },
    last(section, name) {
      let last: Entry | undefined;
      for (const e of entries)
        if (e.info && e.info.section === section && e.info.name === name && accepted(e)) last = e;
      return last && last.node.value !== '' ? last : undefined;
    },
  };
}

/** Entries from this document only (spans are offsets into it); a drop-in's entry is reported at the anchor. */
export function spanIn(ctx: RuleContext, e: Entry | undefined, fallback: Span, part: 'key' | 'value' = 'value'): Span {
  if (!e || !ctx.analysis.entries.includes(e)) return fallback;
  return part === 'key' ? e.node.keySpan : e.node.valueSpan;
}
