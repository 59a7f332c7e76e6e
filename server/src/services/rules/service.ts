/**
 * Stage 4: a .service file that systemd would refuse as a whole (service_verify() in src/core/service.c).
 * Only for complete unit files: a drop-in is checked together with its unit elsewhere.
 */
import { basename } from 'node:path';
import { dropInDirNamesFor } from '../../units/hierarchy.js';
import type { Rule, WorkspaceUnit } from './types.js';
import type { Entry } from '../model.js';
import { acceptedIn } from './duplicates.js';
import { implicitServiceType } from '../../catalog/serviceType.js';
import { parseBoolean } from '../../values/bool.js';

/** The entries of one directive after the last empty reset (what the unit ends up with). */
function effective(entries: readonly Entry[], section: string, name: string): Entry[] {
  let out: Entry[] = [];
  for (const e of entries) {
    if (!e.info || e.info.section !== section || e.info.name !== name) continue;
    if (e.node.value === '') out = [];
    else out.push(e);
  }
  return out;
}

/**
 * The assignment of a directive in effect, undefined when unset or reset by an empty assignment. With `accepted`
 * (see duplicates.ts `acceptedIn`), lines systemd ignores (invalid values, empty values 252 refuses) are skipped,
 * as systemd keeps the earlier value: `Type=notify` then `Type=bogus` is a notify service.
 */
export function lastValue(
  entries: readonly Entry[],
  section: string,
  name: string,
  accepted?: (e: Entry) => boolean,
): Entry | undefined {
  let last: Entry | undefined;
  for (const e of entries)
    if (e.info && e.info.section === section && e.info.name === name && (!accepted || accepted(e))) last = e;
  return last && last.node.value !== '' ? last : undefined;
}

/** Drop-in folders that apply to a unit: foo.service.d, the template's foo@.service.d, prefix foo-.service.d, service.d. */
function dropInOwners(unitName: string): string[] {
  const type = unitName.slice(unitName.lastIndexOf('.') + 1);
  return [...dropInDirNamesFor(unitName).map((d) => d.name), type];
}

const dropInIndex = new WeakMap<readonly WorkspaceUnit[], Map<string, WorkspaceUnit[]>>();
/** The entries of the drop-ins of a unit found in the workspace, in systemd's order. */
export function dropInEntries(workspace: readonly WorkspaceUnit[], unitName: string): Entry[] {
  let byOwner = dropInIndex.get(workspace);
  if (!byOwner) {
    byOwner = new Map();
    for (const u of workspace) {
      const f = u.analysis.file;
      if (f.kind !== 'dropin') continue;
      const l = byOwner.get(f.unitName);
      if (l) l.push(u);
      else byOwner.set(f.unitName, [u]);
    }
    dropInIndex.set(workspace, byOwner);
  }
  const units = [...new Set(dropInOwners(unitName))].flatMap((o) => byOwner!.get(o) ?? []);
  // systemd applies drop-ins sorted by file name.
  units.sort((a, b) => (basename(a.path) < basename(b.path) ? -1 : basename(a.path) > basename(b.path) ? 1 : 0));
  return units.flatMap((u) => u.analysis.entries);
}

export const serviceRule: Rule = {
  stage: 4,
  name: 'service',
  codes: [
    'service-missing-exec-start',
    'service-multiple-exec-start',
    'service-invalid-combination',
    'service-setting-ignored',
  ],
  run(ctx) {
    const { analysis } = ctx;
    if (analysis.file.kind !== 'unit' || analysis.unitType !== 'service') return;
    // A broken header makes systemd refuse the file for another reason; do not pile on.
    if (analysis.sections.some((s) => s.status === 'broken')) return;
    // Drop-ins of this unit found next to it (same folder, CLI arguments, open files) take part, as in systemd.
    const entries = [...analysis.entries, ...dropInEntries(ctx.options.workspace?.() ?? [], analysis.file.unitName)];
    const execStart = effective(entries, 'Service', 'ExecStart');
    const execStop = effective(entries, 'Service', 'ExecStop');
    const accepted = acceptedIn(ctx);
    const typeEntry = lastValue(entries, 'Service', 'Type', accepted);
    const busName = lastValue(entries, 'Service', 'BusName', accepted);
    const successAction = lastValue(entries, 'Unit', 'SuccessAction', accepted);
    const type = typeEntry?.node.value ?? implicitServiceType({ busName: !!busName, execStart: execStart.length > 0 });
    const serviceHeader = analysis.sections.find((s) => s.status === 'ok' && s.section.name === 'Service')?.section
      .header;
    const anchor = serviceHeader ? serviceHeader.nameSpan : { start: 0, end: 0 };

    if (execStart.length === 0) {
      if (type !== 'oneshot' && typeEntry) {
        ctx.report({
          start: typeEntry.node.valueSpan.start,
          end: typeEntry.node.valueSpan.end,
          code: 'service-missing-exec-start',
          message: `A Type=${type} service needs ExecStart=; only Type=oneshot may go without. systemd refuses this unit.`,
        });
      } else if (execStop.length === 0 && (!successAction || successAction.node.value === 'none')) {
        ctx.report({
          start: anchor.start,
          end: anchor.end,
          code: 'service-missing-exec-start',
          message: 'The service has no ExecStart=, ExecStop= or SuccessAction=; systemd refuses this unit.',
        });
      } else if (
        (!successAction || successAction.node.value === 'none') &&
        parseBoolean(lastValue(entries, 'Service', 'RemainAfterExit', accepted)?.node.value ?? '') !== true
      ) {
        // service_verify(): a service with only ExecStop= must stay active to have something to stop.
        ctx.report({
          start: anchor.start,
          end: anchor.end,
          code: 'service-missing-exec-start',
          message:
            'A service with ExecStop= but no ExecStart= needs RemainAfterExit=yes (or a SuccessAction=); systemd refuses this unit.',
        });
      }
    } else if (execStart.length > 1 && type !== 'oneshot') {
      for (const e of execStart.slice(1)) {
        ctx.report({
          start: e.node.keySpan.start,
          end: e.node.keySpan.end,
          code: 'service-multiple-exec-start',
          message: `More than one ExecStart= is only allowed with Type=oneshot (this service is Type=${type}); systemd refuses this unit. In a drop-in, reset the list first with an empty 'ExecStart=' line.`,
        });
      }
    }
    const restart = lastValue(entries, 'Service', 'Restart', accepted);
    if (type === 'oneshot' && restart && (restart.node.value === 'always' || restart.node.value === 'on-success')) {
      ctx.report({
        start: restart.node.valueSpan.start,
        end: restart.node.valueSpan.end,
        code: 'service-invalid-combination',
        message: `Restart=${restart.node.value} is not allowed for Type=oneshot services; systemd refuses this unit.`,
      });
    }
    const exitType = lastValue(entries, 'Service', 'ExitType', accepted);
    if (type === 'oneshot' && exitType?.node.value === 'cgroup') {
      ctx.report(
        {
          start: exitType.node.valueSpan.start,
          end: exitType.node.valueSpan.end,
          code: 'service-invalid-combination',
          message: 'ExitType=cgroup is not allowed for Type=oneshot services; systemd refuses this unit.',
        },
        exitType,
      );
    }
    // service_verify() also drops two settings with a warning (checked with systemd 252's systemd-analyze verify).
    const runtimeMax = lastValue(entries, 'Service', 'RuntimeMaxSec', accepted);
    if (
      type === 'oneshot' &&
      runtimeMax &&
      !/^\s*infinity\s*$/.test(runtimeMax.node.value) &&
      analysis.entries.includes(runtimeMax)
    ) {
      ctx.report({
        start: runtimeMax.node.keySpan.start,
        end: runtimeMax.node.keySpan.end,
        code: 'service-setting-ignored',
        message:
          'RuntimeMaxSec= does nothing for a Type=oneshot service (systemd says so and ignores it); use TimeoutStartSec= to limit how long it may run.',
      });
    }
    const usbDescriptors = lastValue(entries, 'Service', 'USBFunctionDescriptors', accepted);
    if (
      usbDescriptors &&
      !lastValue(entries, 'Service', 'USBFunctionStrings', accepted) &&
      analysis.entries.includes(usbDescriptors)
    ) {
      ctx.report({
        start: usbDescriptors.node.keySpan.start,
        end: usbDescriptors.node.keySpan.end,
        code: 'service-setting-ignored',
        message: 'USBFunctionDescriptors= without USBFunctionStrings= is ignored by systemd; set both.',
      });
    }
    if (type === 'dbus' && !busName && typeEntry) {
      ctx.report({
        start: typeEntry.node.valueSpan.start,
        end: typeEntry.node.valueSpan.end,
        code: 'service-invalid-combination',
        message: 'Type=dbus needs BusName=; systemd refuses this unit.',
      });
    }
  },
};
