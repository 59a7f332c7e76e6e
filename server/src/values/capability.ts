/**
 * Capability lists (config_parse_capability_set): names from ctx.enumValues (CAP_*, matched
 * case-insensitively like capability_from_name()), or numbers 0..62; optional leading '~'.
 * systemd 252 silently drops unknown names (debug log only), so they are warnings here.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { splitWords, warn, err, suggesting } from './util.js';
import { suggestEnum } from './enum.js';

const CAP_LIMIT = 62;

/** Known spelling mistakes that edit distance alone does not find well. */
const CAP_ALIASES: Readonly<Record<string, string>> = {
  CAP_RAWIO: 'CAP_SYS_RAWIO',
  CAP_ADMIN: 'CAP_SYS_ADMIN',
  CAP_PTRACE: 'CAP_SYS_PTRACE',
  CAP_NICE: 'CAP_SYS_NICE',
  CAP_RESOURCE: 'CAP_SYS_RESOURCE',
  CAP_TIME: 'CAP_SYS_TIME',
  CAP_MODULE: 'CAP_SYS_MODULE',
  CAP_CHROOT: 'CAP_SYS_CHROOT',
  CAP_BOOT: 'CAP_SYS_BOOT',
  CAP_BIND_SERVICE: 'CAP_NET_BIND_SERVICE',
};

export function suggestCapability(name: string, names: readonly string[]): string | undefined {
  const upper = name.toUpperCase();
  const withPrefix = upper.startsWith('CAP_') ? upper : 'CAP_' + upper;
  const alias = CAP_ALIASES[withPrefix];
  if (alias && names.includes(alias)) return alias;
  if (names.includes(withPrefix)) return withPrefix;
  const sysForm = withPrefix.replace(/^CAP_/, 'CAP_SYS_');
  if (names.includes(sysForm)) return sysForm;
  return suggestEnum(withPrefix, names);
}

export function validateCapabilityList(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const names = ctx.enumValues.filter((v) => !v.startsWith('<'));
  const upper = new Set(names.map((n) => n.toUpperCase()));
  let text = value;
  let off = 0;
  if (text.startsWith('~')) {
    text = text.slice(1);
    off = 1;
  }
  const { words, error } = splitWords(text, { unquote: true });
  const out: ValueProblem[] = [];
  if (error) return [err(error.start + off, error.end + off, `${error.message}.`)];
  for (const w of words) {
    const t = w.text;
    if (upper.has(t.toUpperCase())) continue;
    if (/^[0-9]+$/.test(t)) {
      if (Number(t) > CAP_LIMIT)
        out.push(
          warn(
            w.start + off,
            w.end + off,
            `Capability number ${t} is out of range (0..${CAP_LIMIT}); systemd silently drops it.`,
          ),
        );
      continue;
    }
    const start = w.start + off,
      end = w.end + off;
    if (t.includes(',')) {
      out.push(warn(start, end, `Capabilities are separated by spaces, not commas: systemd silently drops '${t}'.`));
      continue;
    }
    const sug = suggestCapability(t, names);
    out.push(
      suggesting(
        warn(
          start,
          end,
          `Unknown capability '${t}': systemd silently drops it${sug ? `; did you mean '${sug}'?` : '.'}`,
          'unknown-capability',
        ),
        sug,
      ),
    );
  }
  return out;
}
