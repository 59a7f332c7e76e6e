/**
 * Device access and IO settings: DeviceAllow= (config_parse_device_allow),
 * IODeviceWeight=/IO*Max=/IODeviceLatencyTargetSec= (config_parse_io_device_weight,
 * config_parse_io_limit, config_parse_io_device_latency).
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err } from './util.js';
import { checkSpecifiers, hasSpecifier, stripSpecifiers } from './specifiers.js';
import { specifierContextFor } from './context.js';
import { parseBytes } from './bytes.js';
import { parseTimespan } from './timespan.js';
import { parseCInteger } from './numbers.js';

/** Split "PATH REST" at the first whitespace; the path may be quoted. */
function splitDevice(value: string): { path: string; pathEnd: number; rest: string; restStart: number } {
  let i = 0;
  if (value[0] === '"' || value[0] === "'") {
    const close = value.indexOf(value[0], 1);
    if (close > 0) {
      i = close + 1;
      const path = value.slice(1, close);
      let j = i;
      while (j < value.length && /\s/.test(value[j]!)) j++;
      return { path, pathEnd: i, rest: value.slice(j), restStart: j };
    }
  }
  while (i < value.length && !/\s/.test(value[i]!)) i++;
  let j = i;
  while (j < value.length && /\s/.test(value[j]!)) j++;
  return { path: value.slice(0, i), pathEnd: i, rest: value.slice(j), restStart: j };
}

function devicePathProblem(path: string, allowClasses: boolean): string | undefined {
  const p = stripSpecifiers(path);
  if (allowClasses) {
    // DeviceAllow=: valid_device_allow_pattern() after path_simplify(): a block-/char- class, or a normalized path
    // under /dev or /run/systemd/inaccessible/ (systemd 252 refuses /sys/…, /run/… and /dev/../…).
    if (p.startsWith('block-') || p.startsWith('char-')) return undefined;
    if (hasSpecifier(path) && !path.startsWith('/')) return undefined; // a specifier may expand to the path
    const simple = p.startsWith('/') ? p.split('/').filter((c) => c !== '' && c !== '.') : [];
    if (simple.includes('..')) return `'${path}' is not a normalized path ('..' is not allowed)`;
    const norm = `/${simple.join('/')}`;
    if (norm === '/dev' || norm.startsWith('/dev/') || norm.startsWith('/run/systemd/inaccessible/')) return undefined;
    return `'${path}' is neither a device node under /dev/ nor a block-/char- class`;
  }
  if (p.startsWith('/dev/') || p.startsWith('/sys/') || p.startsWith('/run/systemd/inaccessible/')) return undefined;
  if (p.startsWith('/')) return undefined; // other absolute paths (e.g. /run/…) are resolved at run time
  return `'${path}' is not an absolute device path`;
}

export function validateDeviceAllow(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const { path, pathEnd, rest, restStart } = splitDevice(value);
  const out = checkSpecifiers(path, specifierContextFor(ctx), ctx.targetVersion, 0);
  const reason = devicePathProblem(path, true);
  if (reason) out.push(err(0, pathEnd, `Invalid DeviceAllow= device: ${reason}.`));
  const letters = ctx.enumValues.filter((v) => !v.startsWith('<'));
  const allowed = letters.length ? letters : ['r', 'w', 'm'];
  if (rest !== '') {
    if (/\s/.test(rest.trim())) {
      out.push(
        err(restStart, value.length, `DeviceAllow= takes one device and one access string; '${rest}' is not valid.`),
      );
    } else {
      for (let i = 0; i < rest.length; i++) {
        if (!allowed.includes(rest[i]!)) {
          out.push(
            err(
              restStart,
              value.length,
              `Invalid device access '${rest}': use the letters ${allowed.join(', ')} (e.g. rw).`,
            ),
          );
          break;
        }
      }
    }
  }
  return out;
}

export function validateDeviceIo(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const { path, pathEnd, rest, restStart } = splitDevice(value);
  const out = checkSpecifiers(path, specifierContextFor(ctx), ctx.targetVersion, 0);
  const reason = devicePathProblem(path, false);
  if (reason) out.push(err(0, pathEnd, `Invalid ${ctx.directive}= device: ${reason}.`));
  const d = ctx.directive;
  if (rest === '') {
    out.push(
      err(
        0,
        value.length,
        `${d}= needs a device and a value, e.g. '/dev/sda ${ctx.parser === 'config_parse_io_device_weight' ? '100' : ctx.parser === 'config_parse_io_device_latency' ? '25ms' : '10M'}'.`,
      ),
    );
    return out;
  }
  const rs = restStart,
    re = value.length;
  switch (ctx.parser) {
    case 'config_parse_io_device_weight': {
      const v = parseCInteger(rest, false);
      if (v === undefined || v < 1 || v > 10000)
        out.push(err(rs, re, `Invalid IO weight '${rest}': expected 1..10000.`));
      break;
    }
    case 'config_parse_io_device_latency': {
      const r = parseTimespan(rest);
      if ('error' in r)
        out.push(err(rs, re, `Invalid latency '${rest}': ${r.error}; expected a time span such as 25ms.`));
      break;
    }
    default: {
      if (rest === 'infinity') break;
      const r = parseBytes(rest, 1000);
      if ('error' in r)
        out.push(
          err(
            rs,
            re,
            `Invalid IO limit '${rest}': ${r.error}; expected a number with the base-1000 suffixes K, M, G, T (e.g. 10M), or 'infinity'.`,
          ),
        );
      else if (r.bytes === 0)
        out.push(err(rs, re, `IO limit '${rest}' must be greater than 0; use 'infinity' for no limit.`));
      break;
    }
  }
  return out;
}
