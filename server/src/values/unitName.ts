/**
 * Unit names (systemd src/basic/unit-name.c unit_name_is_valid(); data/systemd-facts.md §8.1).
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, warn, splitWords } from './util.js';
import { checkSpecifiers } from './specifiers.js';
import { specifierContextFor } from './context.js';

export const UNIT_SUFFIXES = [
  'service',
  'socket',
  'target',
  'device',
  'mount',
  'automount',
  'swap',
  'timer',
  'path',
  'slice',
  'scope',
] as const;
const UNIT_NAME_MAX = 256;
const NAME_CHARS = /^[A-Za-z0-9:_.\\-]*$/;

export type UnitNameKind = 'plain' | 'template' | 'instance';

export type UnitNameResult = { ok: true; kind: UnitNameKind; type: string } | { ok: false; reason: string };

/** Validate a (specifier-free) unit name. */
export function checkUnitName(name: string): UnitNameResult {
  if (name === '') return { ok: false, reason: 'the name is empty' };
  if (name.length >= UNIT_NAME_MAX) return { ok: false, reason: 'the name is longer than 255 characters' };
  const dot = name.lastIndexOf('.');
  if (dot < 0) return { ok: false, reason: `it has no type suffix (.${UNIT_SUFFIXES.join(', .')})` };
  const type = name.slice(dot + 1);
  if (!(UNIT_SUFFIXES as readonly string[]).includes(type))
    return { ok: false, reason: `'.${type}' is not a unit type suffix` };
  const stem = name.slice(0, dot);
  if (stem === '') return { ok: false, reason: 'the name before the suffix is empty' };
  const at = stem.indexOf('@');
  if (at === 0) return { ok: false, reason: "it cannot start with '@'" };
  const prefix = at < 0 ? stem : stem.slice(0, at);
  const instance = at < 0 ? undefined : stem.slice(at + 1);
  if (!NAME_CHARS.test(prefix))
    return {
      ok: false,
      reason: `'${prefix}' contains characters other than letters, digits, ':', '-', '_', '.' and '\\'`,
    };
  if (instance !== undefined && !/^[A-Za-z0-9:_.\\@-]*$/.test(instance)) {
    return {
      ok: false,
      reason: `the instance '${instance}' contains characters other than letters, digits, ':', '-', '_', '.', '@' and '\\' (escape them with systemd-escape)`,
    };
  }
  return { ok: true, kind: instance === undefined ? 'plain' : instance === '' ? 'template' : 'instance', type };
}

/**
 * A unit name with its specifiers expanded to a result systemd could produce, for checking the name itself:
 * systemd expands first (unit_name_printf()) and validates the result, so `OnFailure=failed@%n` in frr.service is
 * `failed@frr.service`. %n is the unit's full name, with its type suffix; every other specifier (%N, %p, %i, %j,
 * and those only known at run time: %H, %u, %m, %b, %v, …) becomes a plain word, which is a valid result for all
 * of them, so that no name is refused for what a specifier might expand to.
 */
export function expandUnitNameSpecifiers(text: string, unitType: string | undefined): string {
  if (!text.includes('%')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '%' && i + 1 < text.length) {
      const c = text[i + 1]!;
      if (c === '%') {
        out += '%';
        i++;
        continue;
      }
      if (/[A-Za-z0-9]/.test(c)) {
        out += c === 'n' ? `x.${unitType ?? 'service'}` : 'x';
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

function unitSpecs(raw: string, offset: number, ctx: ValueContext): ValueProblem[] {
  return checkSpecifiers(raw, specifierContextFor(ctx), ctx.targetVersion, offset);
}

function checkOne(
  raw: string,
  start: number,
  ctx: ValueContext,
  requiredType?: string,
  allowTemplate = true,
): ValueProblem[] {
  const out = unitSpecs(raw, start, ctx);
  if (out.some((p) => p.severity === 'error')) return out;
  const name = expandUnitNameSpecifiers(raw, ctx.unitType);
  const r = checkUnitName(name);
  const end = start + raw.length;
  if (!r.ok) {
    out.push(err(start, end, `Invalid unit name '${raw}': ${r.reason}.`));
    return out;
  }
  if (requiredType && r.type !== requiredType) {
    out.push(err(start, end, `${ctx.directive}= needs a .${requiredType} unit, but '${raw}' is a .${r.type} unit.`));
    return out;
  }
  if (!allowTemplate && r.kind === 'template') {
    out.push(
      err(
        start,
        end,
        `${ctx.directive}= cannot name a template ('${raw}' has no instance); use an instance such as foo@bar.${r.type}.`,
      ),
    );
  }
  if (requiredType === 'slice' && r.kind !== 'plain') {
    out.push(err(start, end, `Slice units cannot be templated or instantiated: '${raw}'.`));
  }
  return out;
}

/** unit kind: Slice=, Timer/Path Unit=, Socket Service=. */
export function validateUnit(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  switch (ctx.parser) {
    case 'config_parse_unit_slice':
      return checkOne(value, 0, ctx, 'slice');
    case 'config_parse_socket_service':
      return checkOne(value, 0, ctx, 'service', false);
    default:
      return checkOne(value, 0, ctx);
  }
}

/** unit-list kind: dependencies, Sockets=, [Install] lists. No unquoting (escapes retained). */
export function validateUnitList(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const install = ctx.section === 'Install';
  const { words } = splitWords(value, { retainEscape: true, unquote: install });
  const out: ValueProblem[] = [];
  const requiredType = ctx.parser === 'config_parse_service_sockets' ? 'socket' : undefined;
  for (const w of words) {
    const raw = install ? w.text : w.raw;
    if (!install && (raw.includes('"') || raw.includes("'"))) {
      out.push(
        err(
          w.start,
          w.end,
          `Invalid unit name '${raw}': quotes are not removed in ${ctx.directive}=; write the names without quotes.`,
        ),
      );
      continue;
    }
    if (raw.endsWith(',') && checkUnitName(expandUnitNameSpecifiers(raw.slice(0, -1), ctx.unitType)).ok) {
      out.push(err(w.start, w.end, `Invalid unit name '${raw}': separate unit names with spaces, not commas.`));
      continue;
    }
    // Legacy [Install] Alias=foo.target.wants/bar.service: systemctl enable (252) still makes that link.
    if (install && ctx.directive === 'Alias' && raw.includes('/')) {
      const slash = raw.lastIndexOf('/');
      const dir = raw.slice(0, slash);
      const base = raw.slice(slash + 1);
      const m = /^(.+)\.(wants|requires)$/.exec(dir);
      if (
        m &&
        !dir.includes('/') &&
        checkUnitName(expandUnitNameSpecifiers(m[1]!, ctx.unitType)).ok &&
        checkUnitName(expandUnitNameSpecifiers(base, ctx.unitType)).ok
      ) {
        out.push(
          warn(
            w.start,
            w.end,
            `Alias=${raw} is the old way to hook into ${m[1]}; use ${m[2] === 'wants' ? 'WantedBy' : 'RequiredBy'}=${m[1]} instead.`,
          ),
        );
        continue;
      }
    }
    out.push(...checkOne(raw, w.start, ctx, requiredType));
  }
  return out;
}
