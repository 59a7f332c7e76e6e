/**
 * Stage 3: enum values newer than the target version (data/enum-values-since.tsv): `Type=notify-reload` needs 253,
 * `PrivateTmp=disconnected` 257. An older systemd does not know the word and ignores the line ("Failed to parse …,
 * ignoring"). Values a stable series got backported (252.x) count as known there. Only words that are enum values
 * of this directive in the catalog are looked up; a value older than the directive itself is the directive
 * check's business (versions.ts).
 */
import type { Rule } from './types.js';
import type { DirectiveInfo } from '../../catalog/catalog.js';
import { acceptsValue, enumValueSince } from '../../catalog/enumSince.js';
import { valueSpanToDocument } from '../../parser/parser.js';

/** Per directive and target version: its enum words that target does not know (most directives: none). */
const unknownWordsCache = new WeakMap<DirectiveInfo, Map<number, ReadonlySet<string> | null>>();
function wordsUnknownAt(info: DirectiveInfo, target: number): ReadonlySet<string> | null {
  let byTarget = unknownWordsCache.get(info);
  if (!byTarget) unknownWordsCache.set(info, (byTarget = new Map()));
  let words = byTarget.get(target);
  if (words === undefined) {
    const found = info.enumValues.filter((w) => {
      const since = enumValueSince(info.name, w);
      return since !== undefined && !acceptsValue(since, target);
    });
    byTarget.set(target, (words = found.length ? new Set(found) : null));
  }
  return words;
}

export const valueVersionsRule: Rule = {
  stage: 3,
  name: 'value-versions',
  codes: ['value-newer-than-target'],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      const info = e.info;
      if (!info || !info.enumValues.length || !ctx.isClean(e)) continue;
      if (info.since > ctx.targetVersion) continue;
      const unknown = wordsUnknownAt(info, ctx.targetVersion);
      if (!unknown) continue;
      const value = e.node.value;
      for (const m of value.matchAll(/[^\s,]+/g)) {
        const word = m[0].replace(/^[~!+-]+/, '');
        const offset = (m.index ?? 0) + (m[0].length - word.length);
        if (!unknown.has(word)) continue;
        const since = enumValueSince(info.name, word);
        if (!since) continue;
        const span = valueSpanToDocument(e.node, offset, offset + word.length);
        ctx.report(
          {
            ...span,
            code: 'value-newer-than-target',
            message: `${info.name}=${word} needs systemd ${since.since}${since.backportedTo.length ? ` (or a backport in ${since.backportedTo.join(', ')})` : ''}; systemd ${ctx.targetVersion} does not know it and ignores the line.`,
          },
          e,
        );
      }
    }
  },
};
