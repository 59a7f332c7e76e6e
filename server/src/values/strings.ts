/**
 * Free strings, with per-parser refinements (data/directives.md Appendix A) where the syntax is
 * certain. Everything else only gets the specifier check.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, splitWords, cunescapeOne } from './util.js';
import { checkSpecifiers, stripSpecifiers, hasSpecifier } from './specifiers.js';
import { specifierContextFor } from './context.js';

const FDNAME_MAX = 255;

/** fdname_is_valid() (src/basic/fd-util.c): printable ASCII, no ':', ≤ 255 (data/systemd-facts.md §4). */
export function fdNameProblem(name: string): string | undefined {
  if (name.length > FDNAME_MAX) return `it is longer than ${FDNAME_MAX} characters`;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return 'it may contain only printable ASCII characters';
    if (name[i] === ':') return "it may not contain ':'";
  }
  return undefined;
}

export function validateFdName(text: string, offset: number, ctx: ValueContext): ValueProblem[] {
  const reason = fdNameProblem(stripSpecifiers(text));
  if (!reason) return [];
  return [
    err(
      offset,
      offset + text.length,
      `Invalid file descriptor name '${text}': ${reason}; systemd ignores the setting${ctx.directive === 'FileDescriptorName' ? ' and uses the default name' : ''}.`,
    ),
  ];
}

/** ifname_valid_full(): 1..15 bytes (alternative names up to 127), no whitespace, ':' or '/', not all digits. */
export function interfaceNameProblem(name: string, alternative: boolean): string | undefined {
  const max = alternative ? 127 : 15;
  if (name === '') return 'the name is empty';
  if (name.length > max) return `it is longer than ${max} characters`;
  if (name === '.' || name === '..') return `'${name}' is not a valid name`;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c <= 32 || c >= 127) return 'it may contain only printable ASCII characters without spaces';
    if (name[i] === ':' || name[i] === '/' || name[i] === '%') return "it may not contain ':', '/' or '%'";
  }
  if (/^[0-9]+$/.test(name)) return 'it may not be purely numeric';
  return undefined;
}

const DOC_SCHEMES = ['http://', 'https://', 'file:', 'info:', 'man:'];

/** D-Bus well-known (or unique) bus name (sd_bus_service_name_is_valid()). */
export function busNameProblem(name: string): string | undefined {
  if (name.length > 255) return 'it is longer than 255 characters';
  const unique = name.startsWith(':');
  const body = unique ? name.slice(1) : name;
  const parts = body.split('.');
  if (parts.length < 2) return "it needs at least two elements separated by '.'";
  for (const p of parts) {
    if (p === '') return "it contains an empty element (two dots, or a leading/trailing '.')";
    if (!/^[A-Za-z0-9_-]+$/.test(p)) return "elements may contain only letters, digits, '_' and '-'";
    if (!unique && /^[0-9]/.test(p)) return 'elements of a well-known name may not start with a digit';
  }
  return undefined;
}

/** unbase64mem(): whitespace is skipped; the rest comes in whole groups of four, '=' padding only at the end. */
function isBase64(s: string): boolean {
  const t = s.replace(/[ \t\n\r\v\f]/g, '');
  return /^[A-Za-z0-9+/]*={0,2}$/.test(t) && t.length % 4 === 0 && !/^=/.test(t.slice(-4));
}

export function validateString(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const sctx = specifierContextFor(ctx);
  const out: ValueProblem[] = [];
  const d = ctx.directive;
  switch (ctx.parser) {
    case 'config_parse_fdname':
      out.push(...checkSpecifiers(value, sctx, ctx.targetVersion, 0));
      if (!out.some((p) => p.severity === 'error')) out.push(...validateFdName(value, 0, ctx));
      return out;
    case 'config_parse_documentation': {
      out.push(...checkSpecifiers(value, sctx, ctx.targetVersion, 0));
      const { words, error } = splitWords(value, { unquote: true });
      if (error) return [...out, err(error.start, error.end, `${error.message}.`)];
      for (const w of words) {
        if (!DOC_SCHEMES.some((s) => w.text.startsWith(s)) || DOC_SCHEMES.includes(w.text)) {
          out.push(
            err(
              w.start,
              w.end,
              `Invalid documentation URI '${w.text}': expected an http://, https://, file:, info: or man: URI (e.g. man:foo(8)); systemd ignores it.`,
            ),
          );
        }
      }
      return out;
    }
    case 'config_parse_socket_bindtodevice': {
      if (value === '*') return [];
      const reason = interfaceNameProblem(value, false);
      if (reason) out.push(err(0, value.length, `Invalid interface name '${value}': ${reason}.`));
      return out;
    }
    case 'config_parse_restrict_network_interfaces': {
      let text = value;
      let off = 0;
      if (text.startsWith('~')) {
        text = text.slice(1);
        off = 1;
      }
      const { words, error } = splitWords(text, { unquote: true });
      if (error) return [err(error.start + off, error.end + off, `${error.message}.`)];
      for (const w of words) {
        const reason = interfaceNameProblem(w.text, true);
        if (reason) out.push(err(w.start + off, w.end + off, `Invalid interface name '${w.text}': ${reason}.`));
      }
      return out;
    }
    case 'config_parse_bind_network_interface': {
      const reason = interfaceNameProblem(value, true);
      if (reason) out.push(err(0, value.length, `Invalid interface name '${value}': ${reason}.`));
      return out;
    }
    case 'config_parse_bus_name': {
      out.push(...checkSpecifiers(value, sctx, ctx.targetVersion, 0));
      if (hasSpecifier(value)) return out;
      const reason = busNameProblem(value);
      if (reason) out.push(err(0, value.length, `Invalid D-Bus name '${value}': ${reason} (e.g. org.example.Foo).`));
      return out;
    }
    case 'config_parse_exec_input_data':
      if (!isBase64(value)) out.push(err(0, value.length, `${d}= is not valid Base64 data.`));
      return out;
    case 'config_parse_exec_input_text': {
      out.push(...checkSpecifiers(value, sctx, ctx.targetVersion, 0));
      for (let i = 0; i < value.length; i++) {
        if (value[i] !== '\\') continue;
        const r = cunescapeOne(value, i);
        if (r.text === undefined) {
          out.push(
            err(
              i,
              Math.min(value.length, i + r.length),
              `Invalid C escape '${value.slice(i, i + r.length)}' in ${d}=; write '\\\\' for a backslash.`,
            ),
          );
          break;
        }
        i += r.length - 1;
      }
      return out;
    }
    case 'config_parse_exec_root_hash': {
      if (value.startsWith('/')) return out;
      if (!/^([0-9a-fA-F]{2})+$/.test(value) || value.length < 32) {
        out.push(
          err(
            0,
            value.length,
            `Invalid ${d}= value: expected a hex-encoded root hash (at least 16 bytes) or an absolute path to a .roothash file.`,
          ),
        );
      }
      return out;
    }
    case 'config_parse_exec_root_hash_sig': {
      if (value.startsWith('/')) return out;
      if (!value.startsWith('base64:') || !isBase64(value.slice(7))) {
        out.push(
          err(0, value.length, `Invalid ${d}= value: expected an absolute path or 'base64:' followed by Base64 data.`),
        );
      }
      return out;
    }
    case 'config_parse_exec_selinux_context':
    case 'config_parse_exec_apparmor_profile':
    case 'config_parse_exec_smack_process_label': {
      const off = value.startsWith('-') ? 1 : 0;
      return checkSpecifiers(value.slice(off), sctx, ctx.targetVersion, off);
    }
    case 'config_parse_delegate_subgroup':
      if (value.includes('/')) out.push(err(0, value.length, `${d}= takes a single cgroup name without '/'.`));
      return out;
    default:
      out.push(...checkSpecifiers(value, sctx, ctx.targetVersion, 0));
      return out;
  }
}
