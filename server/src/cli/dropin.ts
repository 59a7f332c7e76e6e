/**
 * `systemd-units dropin --base VENDOR_UNIT_FILE --target DESIRED_UNIT_FILE [--unit-type TYPE] [--assume-empty-resets]`
 *
 * Prints the smallest drop-in that turns the base unit into the target. Changes a drop-in cannot make (removing
 * a dependency, changing Timer Unit=, resetting a setting systemd 252 refuses to reset) are printed to stderr.
 * Exit codes: 0 printed; 1 some change cannot be expressed, or a file is unreadable; 2 bad usage.
 */
import {
  UNIT_TYPES,
  readUnitFileForCheck,
  fileKindOf,
  computeMinimalDropIn,
  type UnitType,
} from '../languageService.js';
import type { CommandIO } from './effective.js';

const DROPIN_USAGE = `Usage: systemd-units dropin --base VENDOR_UNIT_FILE --target DESIRED_UNIT_FILE [--unit-type TYPE] [--assume-empty-resets]
  Print the smallest drop-in that makes BASE (+ drop-in) equal to TARGET. Save it as
  /etc/systemd/system/<unit>.d/<name>.conf (or use 'systemctl edit <unit>').
  --unit-type TYPE        service, socket, timer, … (default: from the file names or sections)
  --assume-empty-resets   trust "X=" to reset every setting (newer systemd); default: systemd 252's behaviour
  Exit code: 0 printed, 1 some changes cannot be made by a drop-in (listed on stderr) or a file is unreadable, 2 bad usage.`;

export function runDropin(args: string[], io: CommandIO): number {
  let base: string | undefined;
  let target: string | undefined;
  let unitType: UnitType | undefined;
  let assumeEmptyResets = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (flag === '--help' || flag === '-h') {
      io.stdout(`${DROPIN_USAGE}\n`);
      return 0;
    }
    if (flag === '--base') {
      base = value();
      if (!base) return usage(io, '--base needs a file');
    } else if (flag === '--target') {
      target = value();
      if (!target) return usage(io, '--target needs a file');
    } else if (flag === '--unit-type') {
      const v = value();
      if (!v || !(UNIT_TYPES as readonly string[]).includes(v))
        return usage(io, `--unit-type must be one of ${UNIT_TYPES.join(', ')} (got '${v ?? ''}')`);
      unitType = v as UnitType;
    } else if (flag === '--assume-empty-resets') assumeEmptyResets = true;
    else return usage(io, `unexpected argument '${a}'`);
  }
  if (!base || !target) return usage(io, `${!base ? '--base' : '--target'} is required`);

  // Only regular files under the size cap, read without blocking (a FIFO or /dev/zero is refused, never read).
  const read = (p: string): string | undefined => {
    const r = readUnitFileForCheck(p);
    if (r.ok) return r.text;
    io.stderr(`systemd-units dropin: ${r.reason}\n`);
    return undefined;
  };
  const baseText = read(base);
  const targetText = read(target);
  if (baseText === undefined || targetText === undefined) return 1;

  const k = fileKindOf(base);
  const kt = fileKindOf(target);
  unitType ??= k.kind === 'unit' ? k.unitType : kt.kind === 'unit' ? kt.unitType : undefined;
  const r = computeMinimalDropIn(baseText, targetText, { unitType, assumeEmptyResets });
  io.stdout(r.text);
  if (r.text === '' && r.cannotExpress.length === 0)
    io.stderr('systemd-units dropin: base and target have the same effective settings; no drop-in needed.\n');
  for (const c of r.cannotExpress) io.stderr(`warning: [${c.section}] ${c.key}=: ${c.reason}\n`);
  return r.cannotExpress.length ? 1 : 0;
}

function usage(io: CommandIO, msg: string): number {
  io.stderr(`systemd-units dropin: ${msg}\n${DROPIN_USAGE}\n`);
  return 2;
}
