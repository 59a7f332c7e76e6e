/**
 * Conditions and asserts: [|][!]VALUE. Path conditions need an absolute, normalized path (the
 * parser refuses others). String conditions are evaluated at run time, so only specifier errors
 * are certain; values outside a closed vocabulary (enum_values) make the condition never (or
 * always) hold, which is reported as a warning.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, warn, splitWords, suggesting } from './util.js';
import { checkSpecifiers, hasSpecifier } from './specifiers.js';
import { specifierContextFor } from './context.js';
import { parseBoolean } from './bool.js';
import { validatePathText } from './paths.js';
import { enumSpec, suggestEnum } from './enum.js';
import { parseBytes } from './bytes.js';

export function stripConditionPrefixes(value: string): {
  body: string;
  offset: number;
  trigger: boolean;
  negate: boolean;
} {
  let i = 0;
  let trigger = false,
    negate = false;
  if (value[i] === '|') {
    trigger = true;
    i++;
    while (value[i] === ' ' || value[i] === '\t') i++;
  }
  if (value[i] === '!') {
    negate = true;
    i++;
    while (value[i] === ' ' || value[i] === '\t') i++;
  }
  return { body: value.slice(i), offset: i, trigger, negate };
}

function typeOf(directive: string): string {
  return directive.replace(/^(Condition|Assert)/, '');
}

export function validateCondition(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const { body, offset } = stripConditionPrefixes(value);
  const out = checkSpecifiers(body, specifierContextFor(ctx), ctx.targetVersion, offset);
  if (out.some((p) => p.severity === 'error')) return out;
  const end = value.length;
  if (body === '') return [...out, err(0, end, `${ctx.directive}= needs a value after the '|'/'!' prefixes.`)];
  const type = typeOf(ctx.directive);
  if (ctx.parser === 'config_parse_unit_condition_path') {
    out.push(
      ...validatePathText(body, offset, { directive: ctx.directive, absolute: true, glob: type.endsWith('Glob') }),
    );
    if (
      type === 'NeedsUpdate' &&
      !out.length &&
      ctx.enumValues.length &&
      !ctx.enumValues.includes(body) &&
      !hasSpecifier(body)
    ) {
      out.push(
        warn(
          offset,
          end,
          `${ctx.directive}= supports only ${ctx.enumValues.join(' and ')}; the condition never holds for '${body}'.`,
        ),
      );
    }
    return out;
  }
  if (hasSpecifier(body)) return out;
  const spec = enumSpec(ctx.enumValues);
  const never = (msg: string, s = offset, e = end): ValueProblem =>
    warn(s, e, `${msg}; the condition is evaluated as failed (systemd logs an error).`, 'condition-never-met');
  switch (type) {
    case 'ACPower':
    case 'FirstBoot':
      if (parseBoolean(body) === undefined) out.push(never(`'${body}' is not a boolean`));
      return out;
    case 'Virtualization':
      if (parseBoolean(body) === undefined && !spec.literals.includes(body)) {
        const sug = suggestEnum(body, spec.literals);
        out.push(
          suggesting(
            never(`Unknown virtualization technology '${body}'${sug ? ` (did you mean '${sug}'?)` : ''}`),
            sug,
          ),
        );
      }
      return out;
    case 'Architecture':
    case 'Security':
      if (spec.literals.length && !spec.literals.includes(body)) {
        const sug = suggestEnum(body, spec.literals);
        out.push(
          suggesting(
            never(
              `Unknown ${type === 'Security' ? 'security technology' : 'architecture'} '${body}'${sug ? ` (did you mean '${sug}'?)` : ''}`,
            ),
            sug,
          ),
        );
      }
      return out;
    case 'Capability': {
      const upper = new Set(spec.literals.map((l) => l.toUpperCase()));
      if (spec.literals.length && !upper.has(body.toUpperCase())) {
        const sug = suggestEnum(body.toUpperCase(), spec.literals);
        out.push(suggesting(never(`Unknown capability '${body}'${sug ? ` (did you mean '${sug}'?)` : ''}`), sug));
      }
      return out;
    }
    case 'ControlGroupController': {
      const { words } = splitWords(body);
      for (const w of words) {
        if (spec.literals.length && !spec.literals.includes(w.text)) {
          out.push(never(`Unknown cgroup controller '${w.text}'`, offset + w.start, offset + w.end));
        }
      }
      return out;
    }
    case 'Firmware': {
      if (!/^(uefi|device-tree|device-tree-compatible\(.*\)|smbios-field\(.*\))$/.test(body)) {
        out.push(
          never(
            `Unknown firmware check '${body}': expected uefi, device-tree, device-tree-compatible(VALUE) or smbios-field(FIELD OP VALUE)`,
          ),
        );
      }
      return out;
    }
    case 'CPUs': {
      if (!/^(<=|>=|!=|<|>|=)?\s*[0-9]+$/.test(body))
        out.push(never(`'${body}' is not a CPU count with an optional comparison (e.g. >=4)`));
      return out;
    }
    case 'Memory': {
      const m = /^(<=|>=|!=|<|>|=)?\s*(.*)$/.exec(body)!;
      const rest = m[2]!;
      if (!/%$/.test(rest) && 'error' in parseBytes(rest, 1024))
        out.push(never(`'${body}' is not a memory size with an optional comparison (e.g. >=2G)`));
      return out;
    }
    default:
      return out;
  }
}
