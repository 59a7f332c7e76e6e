/**
 * Stage 2: a single-valued directive assigned more than once; only one assignment takes effect.
 *
 * systemd ignores an assignment it cannot parse ("Failed to parse …, ignoring") and keeps what it had, so the
 * assignment in effect is the last one systemd *accepts* (the first, for Timer/Path Unit=), not simply the last
 * line. `Restart=on-failure` followed by `Restart=sometimes` keeps on-failure: the first line is not reported as
 * having no effect, and no fix removes it. The later, invalid line is the values rule's business.
 */
import type { Rule, RuleContext } from './types.js';
import type { Entry } from '../model.js';
import { directiveAllowedInType, type DirectiveInfo, type UnitType } from '../../catalog/catalog.js';
import { sharedValueContext, validateValue } from '../../values/index.js';
import { acceptsValue, enumValueSince } from '../../catalog/enumSince.js';
import { EMPTY_REFUSED_252, isFirstWins } from '../../catalog/parserFacts.js';

/**
 * An empty assignment systemd refuses ("Failed to parse …, ignoring") instead of resetting: the single-value
 * parsers of EMPTY_REFUSED_252 (still so in the newer sources), and Timer/Path Unit= ("Unit type not valid").
 */
export function emptyRefused(info: Pick<DirectiveInfo, 'list' | 'parser'>): boolean {
  return (info.list === 'no' && EMPTY_REFUSED_252.has(info.parser)) || isFirstWins(info.parser);
}

/**
 * Does systemd (of `targetVersion`) apply this assignment? False for lines it ignores: unknown directives or ones
 * in the wrong section, directives newer than the target or not supported by the unit type, values the validators
 * call errors, and empty values that systemd refuses instead of resetting (EMPTY_REFUSED_252, at every version).
 */
function isAccepted(e: Entry, unitType: UnitType | undefined, targetVersion: number): boolean {
  const info = e.info;
  if (!info || info.kind === 'ignored') return false;
  if (info.since > targetVersion && !(targetVersion === 252 && info.inV252)) return false;
  if (!directiveAllowedInType(info, unitType) && info.restrictionWhen !== 'enable') return false;
  const value = e.node.value;
  if (value === '') return !emptyRefused(info);
  // A value newer than the target version (valueVersions.ts) is not known there either.
  const since = info.enumValues.includes(value) ? enumValueSince(info.name, value) : undefined;
  if (since && !acceptsValue(since, targetVersion)) return false;
  const problems = validateValue(value, sharedValueContext(info, unitType, targetVersion));
  return !problems.some((p) => p.severity === 'error');
}

/** `isAccepted` bound to a rule context (the file's unit type and the target version). */
export function acceptedIn(ctx: Pick<RuleContext, 'analysis' | 'targetVersion'>): (e: Entry) => boolean {
  return (e) => isAccepted(e, ctx.analysis.unitType, ctx.targetVersion);
}

export const duplicatesRule: Rule = {
  stage: 2,
  name: 'duplicates',
  codes: ['duplicate-directive'],
  run(ctx) {
    const seen = new Map<string, Entry[]>();
    for (const e of ctx.analysis.entries) {
      if (!e.info || e.info.list !== 'no' || e.info.kind === 'ignored') continue;
      // In a repeatable section ([Route], [Address]…) each header starts its own object: duplicates count per object.
      const object = ctx.analysis.dialect?.section(e.info.section)?.repeatable
        ? ctx.analysis.sections.indexOf(e.section)
        : -1;
      const key = `${e.info.section}\u0000${e.info.name}\u0000${object}`;
      const list = seen.get(key);
      if (list) list.push(e);
      else seen.set(key, [e]);
    }
    const accepted = acceptedIn(ctx);
    for (const list of seen.values()) {
      if (list.length < 2) continue;
      const firstWins = isFirstWins(list[0]!.info!.parser);
      // The assignment in effect: the last one systemd accepts (an empty one resets to the default, which is
      // still a value in effect), or for first-wins the first one it accepts. None: every line is ignored, and
      // each already has its own error.
      const winner = firstWins ? list.find(accepted) : [...list].reverse().find(accepted);
      if (!winner) continue;
      const w = winner.node;
      const at = list.indexOf(winner);
      // Only lines the winner displaces: before it (last wins) or after it (first wins). Lines on the other side
      // are ignored by systemd because they are invalid, and removing the winner in their favour would hurt.
      const displaced = firstWins ? list.slice(at + 1) : list.slice(0, at);
      for (const e of displaced) {
        ctx.report(
          {
            start: e.node.keySpan.start,
            end: e.node.keySpan.end,
            code: 'duplicate-directive',
            message: firstWins
              ? `${e.node.key}= is set more than once; systemd keeps the first ${at > 0 ? 'valid ' : ''}assignment (line ${w.line + 1}) and ignores this one.`
              : `${e.node.key}= is set again on line ${w.line + 1}, which overrides this assignment; this line has no effect.`,
            data: {
              removeSpan: { start: e.node.start, end: e.node.end },
              related: [{ span: w.keySpan, message: `the assignment in effect: ${w.key}=${w.value}` }],
            },
          },
          e,
        );
      }
    }
  },
};
