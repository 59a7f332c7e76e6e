/**
 * Stage 4: the whole-file rules of the other dialects, read from the dialect's data (catalog/dialects.ts
 * `wholeFileChecks`, sections.tsv `required`/`repeatable`/`netdev_kinds`); no dialect is named here.
 *
 * - match-required: a .network/.link main file without any [Match] setting is ignored as a whole;
 * - file-required-keys: a main file without a key its section needs ([NetDev] Kind=, Name=) is refused;
 * - netdev-kind: a .netdev section of another Kind= is ignored ("Unknown section"), and the kind's own required
 *   keys refuse the device;
 * - object-required-keys: each [Address], [Route]… object without its required key is dropped;
 * - repeated-section: a non-repeatable section written twice merges (a note).
 * Drop-ins only add to a main file, so the file-level checks skip them; the per-object ones apply to both.
 */
import type { Rule, RuleContext } from './types.js';
import type { AnalysedSection, Analysis, Entry } from '../model.js';
import type { Dialect, DialectSection } from '../../catalog/dialects.js';

/** The keys set in one section object (renamed keys count as their new name). */
function keysIn(analysis: Analysis, s: AnalysedSection): Set<string> {
  const keys = new Set<string>();
  for (const e of analysis.entries) {
    if (e.section !== s || !e.info || e.node.value === '') continue;
    keys.add(e.info.name);
    if (e.info.status === 'renamed' && /^\w+$/.test(e.info.replacement)) keys.add(e.info.replacement);
  }
  return keys;
}

/** Keys set anywhere in the file under sections of this name (non-repeatable sections merge). */
function keysInSection(analysis: Analysis, name: string): Set<string> {
  const keys = new Set<string>();
  for (const s of analysis.sections)
    if (s.status === 'ok' && s.section.header?.name === name) for (const k of keysIn(analysis, s)) keys.add(k);
  return keys;
}

function lastValue(analysis: Analysis, section: string, key: string): Entry | undefined {
  let found: Entry | undefined;
  for (const e of analysis.entries)
    if (e.section.status === 'ok' && e.section.section.header?.name === section && e.node.key === key) found = e;
  return found;
}

function missing(required: DialectSection['required'], keys: Set<string>): string[][] {
  return required.filter((alts) => !alts.some((k) => keys.has(k))).map((a) => [...a]);
}

const alternatives = (alts: readonly string[]): string => alts.map((k) => `${k}=`).join(' or ');

function firstHeader(analysis: Analysis, name: string): AnalysedSection | undefined {
  return analysis.sections.find((s) => s.status === 'ok' && s.section.header?.name === name);
}

/** Where a whole-file problem is shown: the section's header if there is one, else the first line. */
function fileSpan(analysis: Analysis, section: string): { start: number; end: number } {
  const h = firstHeader(analysis, section)?.section.header;
  if (h) return { start: h.nameSpan.start, end: h.nameSpan.end };
  const first = analysis.doc.nodes.find((n) => n.kind !== 'blank' && n.kind !== 'comment') ?? analysis.doc.nodes[0];
  return {
    start: first?.start ?? 0,
    end: first
      ? Math.max(
          first.start,
          first.end - (/\r?\n$/.exec(analysis.doc.text.slice(first.start, first.end))?.[0].length ?? 0),
        )
      : 0,
  };
}

function run(ctx: RuleContext, dialect: Dialect): void {
  const { analysis } = ctx;
  const dropIn = analysis.file.kind === 'config' && analysis.file.dropIn;
  for (const check of dialect.wholeFileChecks) {
    switch (check.check) {
      case 'match-required': {
        if (dropIn) break;
        if (keysInSection(analysis, check.section).size > 0) break;
        ctx.report({
          ...fileSpan(analysis, check.section),
          code: 'file-ignored-no-match',
          message: `${cap(dialect.label)} without any [${check.section}] setting is ignored as a whole. To apply it to every interface, add ${check.catchAll} under [${check.section}].`,
        });
        break;
      }
      case 'file-required-keys': {
        if (dropIn) break;
        const info = dialect.section(check.section);
        if (!info) break;
        for (const alts of missing(info.required, keysInSection(analysis, check.section))) {
          ctx.report({
            ...fileSpan(analysis, check.section),
            code: 'file-missing-required-key',
            message: `${cap(dialect.label)} needs ${alternatives(alts)} in [${check.section}]; without it ${dialect.strict?.refused ?? 'systemd ignores the whole file'}.`,
          });
        }
        break;
      }
      case 'netdev-kind': {
        const kindEntry = lastValue(analysis, 'NetDev', 'Kind');
        const kind = kindEntry?.node.value;
        if (!kind) break;
        const sections = new Set<string>();
        for (const s of analysis.sections) {
          const header = s.section.header;
          if (s.status !== 'ok' || !header) continue;
          const info = dialect.section(header.name);
          sections.add(header.name);
          if (info?.netdevKinds && !info.netdevKinds.includes(kind)) {
            ctx.report({
              start: header.nameSpan.start,
              end: header.nameSpan.end,
              code: 'section-wrong-kind',
              message: `[${header.name}] is read only for Kind=${info.netdevKinds.join(', Kind=')}; with Kind=${kind} systemd ignores the whole section.`,
              data: { related: [{ span: kindEntry.node.valueSpan, message: `the device kind: ${kind}` }] },
            });
          }
        }
        if (dropIn) break;
        // The kind's own sections and their required keys (VNI= of a vxlan, Id= of a geneve…).
        for (const name of dialect.sections) {
          const info = dialect.section(name);
          if (!info?.netdevKinds?.includes(kind) || info.repeatable || !info.required.length) continue;
          for (const alts of missing(info.required, keysInSection(analysis, name))) {
            ctx.report({
              ...fileSpan(analysis, sections.has(name) ? name : 'NetDev'),
              code: 'file-missing-required-key',
              message: `A Kind=${kind} device needs ${alternatives(alts)} in [${name}]; without it systemd ignores the whole file.`,
            });
          }
        }
        break;
      }
      case 'object-required-keys': {
        for (const s of analysis.sections) {
          const header = s.section.header;
          if (s.status !== 'ok' || !header) continue;
          const info = dialect.section(header.name);
          if (!info?.repeatable || !info.required.length) continue;
          for (const alts of missing(info.required, keysIn(analysis, s))) {
            ctx.report({
              start: header.nameSpan.start,
              end: header.nameSpan.end,
              code: 'section-object-incomplete',
              message: `This [${header.name}] section has no ${alternatives(alts)}; systemd drops the whole section.`,
            });
          }
        }
        break;
      }
      case 'repeated-section': {
        const seen = new Map<string, AnalysedSection>();
        for (const s of analysis.sections) {
          const header = s.section.header;
          if (s.status !== 'ok' || !header) continue;
          const info = dialect.section(header.name);
          if (!info || info.repeatable) continue;
          const first = seen.get(header.name);
          if (!first) {
            seen.set(header.name, s);
            continue;
          }
          ctx.report({
            start: header.nameSpan.start,
            end: header.nameSpan.end,
            code: 'section-repeated',
            message: `[${header.name}] appears again; its settings merge with the earlier [${header.name}] as if written there (only sections such as [Address] or [Route] start a new object).`,
            data: { related: [{ span: first.section.header!.nameSpan, message: `the first [${header.name}]` }] },
          });
        }
        break;
      }
    }
  }
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

export const dialectFileRule: Rule = {
  stage: 4,
  name: 'dialect-file',
  codes: [
    'file-ignored-no-match',
    'file-missing-required-key',
    'section-wrong-kind',
    'section-object-incomplete',
    'section-repeated',
  ],
  run(ctx) {
    const dialect = ctx.analysis.dialect;
    if (dialect?.wholeFileChecks.length) run(ctx, dialect);
  },
};
