/**
 * Stage 4: drop-in checks that need the unit they apply to (found by the caller, see units/baseUnit.ts):
 * a second ExecStart= without a reset (systemd then refuses the unit), an assignment that changes nothing,
 * and a drop-in for a unit that does not exist.
 */
import type { Rule } from './types.js';
import { acceptedIn } from './duplicates.js';
import { implicitServiceType } from '../../catalog/serviceType.js';
import { isVendorUnitFile } from '../../units/unitWorld.js';
import { TIMER_TRIGGERS } from './timer.js';

export const dropInsRule: Rule = {
  stage: 4,
  name: 'drop-ins',
  codes: ['dropin-missing-reset', 'dropin-no-change', 'dropin-unknown-unit', 'dropin-list-append'],
  run(ctx) {
    const { analysis } = ctx;
    if (analysis.file.kind !== 'dropin') return;
    const base = ctx.options.baseUnit?.();
    if (!base) return;
    if (!base.found) {
      if (base.inSearchPath) {
        const first = analysis.sections.find((s) => s.section.header)?.section.header;
        // A package may ship a drop-in for another package's unit (a hook that applies once that one is
        // installed): in a vendor folder this is information, not a mistake of the user's.
        const path = ctx.options.workspace?.().find((u) => u.analysis === analysis)?.path;
        const vendor = path !== undefined && isVendorUnitFile(path);
        ctx.report({
          start: first?.nameSpan.start ?? 0,
          end: first?.nameSpan.end ?? 0,
          code: 'dropin-unknown-unit',
          ...(vendor
            ? {
                severity: 'info' as const,
                message: `No unit ${base.unitName} is installed here; this vendor drop-in takes effect once the package that ships ${base.unitName} is installed.`,
              }
            : {
                message: `No unit ${base.unitName} was found in the unit folders, so this drop-in applies to nothing. Check the folder name (${base.unitName}.d).`,
              }),
        });
      }
      return;
    }
    const eff = base.effective;
    if (!eff) return;
    const entries = analysis.entries.filter((e) => e.info && ctx.isClean(e));
    // ExecStart= without a reset in a service that is not oneshot.
    if (analysis.unitType === 'service') {
      const execs = entries.filter((e) => e.info!.section === 'Service' && e.info!.name === 'ExecStart');
      const baseExec = eff.get('Service', 'ExecStart')?.values ?? [];
      const typeHere = [...entries]
        .reverse()
        .find((e) => e.info!.section === 'Service' && e.info!.name === 'Type' && e.node.value && acceptedIn(ctx)(e))
        ?.node.value;
      const busName =
        entries.some((e) => e.info!.section === 'Service' && e.info!.name === 'BusName' && e.node.value) ||
        eff.valuesOf('Service', 'BusName').length > 0;
      const type =
        typeHere ??
        eff.valuesOf('Service', 'Type')[0] ??
        implicitServiceType({ busName, execStart: baseExec.length > 0 || execs.length > 0 });
      if (execs.length && execs[0]!.node.value !== '' && baseExec.length && type !== 'oneshot') {
        const b = baseExec[0]!.origin;
        const e = execs[0]!;
        ctx.report(
          {
            start: e.node.keySpan.start,
            end: e.node.keySpan.end,
            code: 'dropin-missing-reset',
            message: `${base.unitName} already has ExecStart= (${b.file}:${b.line}); this line adds a second one, and systemd refuses a Type=${type} service with two. Put an empty 'ExecStart=' line before it to replace the command.`,
            data: { insertLine: { at: e.node.start, text: 'ExecStart=' } },
          },
          e,
        );
      }
    }
    // Lists the vendor's unit already has: a drop-in line adds to them (OnCalendar=daily on top of the vendor's
    // weekly fires on both). Information, with the reset as the fix; once per list (or trigger group).
    // A vendor's own drop-in (a package hooking into another unit) adds on purpose: only the admin's are told.
    const selfPath = ctx.options.workspace?.().find((u) => u.analysis === analysis)?.path;
    const resetSeen = new Set<string>();
    const told = new Set<string>();
    for (const e of selfPath !== undefined && isVendorUnitFile(selfPath) ? [] : entries) {
      const info = e.info!;
      if (info.list !== 'yes' || /^(Condition|Assert)/.test(info.name)) continue;
      if (info.section === 'Service' && info.name === 'ExecStart') continue; // dropin-missing-reset's business
      const trigger = info.section === 'Timer' && (TIMER_TRIGGERS as readonly string[]).includes(info.name);
      const group = trigger ? 'Timer.triggers' : `${info.section}.${info.name}`;
      if (e.node.value === '') {
        resetSeen.add(group);
        continue;
      }
      if (resetSeen.has(group) || told.has(group)) continue;
      const names = trigger ? [...TIMER_TRIGGERS] : [info.name];
      const vendorValues = names
        .flatMap((n) => eff.get(info.section, n)?.values ?? [])
        .filter((v) => isVendorUnitFile(v.origin.file));
      if (!vendorValues.length) continue;
      told.add(group);
      const v = vendorValues[0]!;
      const shown = vendorValues
        .slice(0, 3)
        .map((x) => x.value)
        .join(', ');
      ctx.report(
        {
          start: e.node.keySpan.start,
          end: e.node.keySpan.end,
          code: 'dropin-list-append',
          severity: 'info',
          message: `${info.name}= adds to what ${base.unitName} already has (${shown}${vendorValues.length > 3 ? ', …' : ''} from ${v.origin.file}:${v.origin.line}), which stays in effect. To replace it, put an empty '${e.node.key}=' line first.`,
          data: {
            insertLine: { at: e.node.start, text: `${e.node.key}=` },
            related: [{ path: v.origin.file, line: v.origin.line, message: `the vendor's ${info.name}=` }],
          },
        },
        e,
      );
    }
    // Single values set to what the unit already has.
    // Only lines systemd accepts count; a key set more than once here is left to the duplicates rule (removing
    // the last line would let the earlier one take effect, so it does not "change nothing").
    const accepted = acceptedIn(ctx);
    const last = new Map<string, (typeof entries)[number]>();
    const count = new Map<string, number>();
    for (const e of entries) {
      if (!accepted(e)) continue;
      const k = `${e.info!.section}\u0000${e.info!.name}`;
      last.set(k, e);
      count.set(k, (count.get(k) ?? 0) + 1);
    }
    for (const [k, e] of last) {
      if ((count.get(k) ?? 0) > 1) continue;
      if (e.info!.list !== 'no' || e.node.value === '') continue;
      const d = eff.get(e.info!.section, e.info!.name);
      if (!d || d.mode !== 'single' || d.values.length !== 1) continue;
      const v = d.values[0]!;
      if (v.value !== e.node.value) continue;
      ctx.report(
        {
          start: e.node.start,
          end: e.node.valueSpan.end,
          code: 'dropin-no-change',
          message: `${e.node.key}=${e.node.value} is already in effect (${v.origin.file}:${v.origin.line}); this line changes nothing and can go.`,
          data: { removeSpan: { start: e.node.start, end: e.node.end } },
        },
        e,
      );
    }
  },
};
