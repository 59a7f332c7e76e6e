/**
 * CPU and NUMA node sets (parse_cpu_set_extend(), src/shared/cpu-set-util.c): numbers and
 * ranges N-M separated by spaces and/or commas; reversed ranges are refused; CPUAffinity= also
 * takes "numa", NUMAMask= also "all". Numbers are limited to 8191 (CPU_SET_MAX…).
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err } from './util.js';
import { checkSpecifiers, stripSpecifiers, hasSpecifier } from './specifiers.js';
import { specifierContextFor } from './context.js';
import { parseCInteger } from './numbers.js';

const CPU_MAX = 8191;

export function validateCpuSet(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const out = checkSpecifiers(value, specifierContextFor(ctx), ctx.targetVersion, 0);
  if (out.some((p) => p.severity === 'error')) return out;
  const keywords = ctx.enumValues.filter((v) => !v.startsWith('<'));
  if (keywords.includes(value)) return out;
  if (hasSpecifier(value)) return out; // expanded value unknown
  const text = stripSpecifiers(value);
  const re = /[^ \t\n\r,]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const w = m[0];
    const start = m.index,
      end = start + w.length;
    const dash = w.indexOf('-', 1);
    const a = dash > 0 ? w.slice(0, dash) : w;
    const b = dash > 0 ? w.slice(dash + 1) : undefined;
    const va = parseCInteger(a, false);
    const vb = b === undefined ? va : parseCInteger(b, false);
    if (va === undefined || vb === undefined) {
      const kw = keywords.length ? ` or ${keywords.map((k) => `'${k}'`).join(', ')}` : '';
      out.push(
        err(
          start,
          end,
          `Invalid CPU/NUMA node list entry '${w}': expected a number or a range such as 0-3${kw}; systemd ignores the whole line.`,
        ),
      );
      continue;
    }
    if (va > vb) {
      out.push(err(start, end, `Range '${w}' is reversed (${va} > ${vb}); write ${vb}-${va}.`));
      continue;
    }
    if (vb > CPU_MAX) out.push(err(start, end, `CPU/NUMA node number ${vb} is out of range (0..${CPU_MAX}).`));
  }
  return out;
}
