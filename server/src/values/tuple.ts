/**
 * Colon-separated structured items (data/directives.md Appendix A layouts). Conservative: only
 * certain syntax is checked (credential IDs, absolute paths, known keywords).
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, splitWords, warn, type Word } from './util.js';
import { checkSpecifiers, stripSpecifiers } from './specifiers.js';
import { specifierContextFor } from './context.js';
import { validatePathText } from './paths.js';
import { fdNameProblem } from './strings.js';

/** credential_name_valid(): a valid file name (no '/', not "." or "..", ≤ 255). */
export function credentialNameProblem(name: string): string | undefined {
  if (name === '') return 'the credential name is empty';
  if (name.length > 255) return 'the credential name is longer than 255 characters';
  if (name === '.' || name === '..') return `'${name}' is not a valid credential name`;
  if (name.includes('/')) return "a credential name may not contain '/'";
  return undefined;
}

/** Split on unescaped ':' with offsets relative to `base`. */
function colonParts(text: string, base: number): Word[] {
  const out: Word[] = [];
  let start = 0,
    cur = '';
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      cur += text[i + 1];
      i++;
      continue;
    }
    if (i === text.length || ch === ':') {
      out.push({ start: base + start, end: base + i, raw: text.slice(start, i), text: cur });
      cur = '';
      start = i + 1;
      continue;
    }
    cur += ch;
  }
  return out;
}

function isBase64(s: string): boolean {
  const t = s.replace(/[ \t\n\r]/g, '');
  return /^[A-Za-z0-9+/]*={0,2}$/.test(t);
}

export function validateTuple(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const sctx = specifierContextFor(ctx);
  const d = ctx.directive;
  const specs = (raw: string, off: number): ValueProblem[] => checkSpecifiers(raw, sctx, ctx.targetVersion, off);
  const out: ValueProblem[] = [];
  switch (ctx.parser) {
    case 'config_parse_set_credential': {
      const colon = value.indexOf(':');
      if (colon < 0) return [err(0, value.length, `${d}= expects ID:DATA, but there is no ':'.`)];
      const id = value.slice(0, colon);
      out.push(...specs(id, 0));
      const r = credentialNameProblem(stripSpecifiers(id));
      if (r) out.push(err(0, colon, `Invalid ${d}= credential ID '${id}': ${r}.`));
      if (d.endsWith('Encrypted') && !isBase64(value.slice(colon + 1))) {
        out.push(err(colon + 1, value.length, `${d}= data must be Base64 (as printed by systemd-creds encrypt).`));
      }
      return out;
    }
    case 'config_parse_load_credential': {
      out.push(...specs(value, 0));
      const colon = value.indexOf(':');
      const id = colon < 0 ? value : value.slice(0, colon);
      const r = credentialNameProblem(stripSpecifiers(id));
      if (r) out.push(err(0, id.length, `Invalid ${d}= credential ID '${id}': ${r}.`));
      if (colon >= 0) {
        const src = value.slice(colon + 1);
        const s = stripSpecifiers(src);
        if (s.startsWith('/')) out.push(...validatePathText(src, colon + 1, { directive: d, absolute: true }));
        else {
          const r2 = credentialNameProblem(s);
          if (r2 && s !== '')
            out.push(
              err(
                colon + 1,
                value.length,
                `Invalid ${d}= source '${src}': expected an absolute path or a credential name (${r2}).`,
              ),
            );
        }
      }
      return out;
    }
    case 'config_parse_import_credential': {
      out.push(...specs(value, 0));
      const colon = value.indexOf(':');
      const glob = colon < 0 ? value : value.slice(0, colon);
      if (stripSpecifiers(glob).includes('/') || glob === '')
        out.push(
          err(0, glob.length, `Invalid ${d}= pattern '${glob}': expected a credential name or glob without '/'.`),
        );
      if (colon >= 0) {
        const r = credentialNameProblem(stripSpecifiers(value.slice(colon + 1)));
        if (r) out.push(err(colon + 1, value.length, `Invalid ${d}= new name: ${r}.`));
      }
      return out;
    }
    case 'config_parse_mount_images':
    case 'config_parse_extension_images': {
      const { words, error } = splitWords(value, { unquote: true, retainEscape: true });
      if (error) return [err(error.start, error.end, `${error.message}.`)];
      const mount = ctx.parser === 'config_parse_mount_images';
      for (const w of words) {
        out.push(...specs(w.raw, w.start));
        const base = w.raw.startsWith('"') || w.raw.startsWith("'") ? w.start + 1 : w.start;
        const parts = colonParts(w.text, base);
        let src = parts[0]!.text;
        let srcOff = parts[0]!.start;
        if (src.startsWith('-')) {
          src = src.slice(1);
          srcOff++;
        }
        out.push(...clamp(validatePathText(src, srcOff, { directive: d, absolute: true }), w));
        if (mount) {
          const dst = parts[1];
          if (!dst) out.push(err(w.start, w.end, `${d}= expects SOURCE:DESTINATION[:PARTITION:OPTIONS…].`));
          else out.push(...clamp(validatePathText(dst.text, dst.start, { directive: d, absolute: true }), w));
        }
      }
      return out;
    }
    case 'config_parse_root_image_options': {
      out.push(...specs(value, 0));
      const parts = ctx.enumValues.filter((v) => !v.startsWith('<'));
      const { words } = splitWords(value, { unquote: true });
      for (const w of words) {
        const colon = w.text.indexOf(':');
        if (colon > 0 && parts.length && !parts.includes(w.text.slice(0, colon))) {
          out.push(
            warn(
              w.start,
              w.start + colon,
              `Unknown partition '${w.text.slice(0, colon)}' in ${d}=: expected one of ${parts.join(', ')}.`,
            ),
          );
        }
      }
      return out;
    }
    case 'config_parse_cgroup_socket_bind': {
      if (value === 'any') return [];
      const p = value.split(':');
      let i = 0;
      if (p.length > 1 && (p[0] === 'ipv4' || p[0] === 'ipv6')) i++;
      if (p.length > i + 1 && (p[i] === 'tcp' || p[i] === 'udp')) i++;
      const port = p.slice(i).join(':');
      if (port === 'any') return [];
      const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(port);
      if (!m || Number(m[1]) > 65535 || (m[2] !== undefined && (Number(m[2]) > 65535 || Number(m[2]) < Number(m[1])))) {
        out.push(
          err(0, value.length, `Invalid ${d}= value '${value}': expected any, or [ipv4|ipv6:][tcp|udp:]PORT[-PORT].`),
        );
      }
      return out;
    }
    case 'config_parse_cgroup_nft_set': {
      const { words } = splitWords(value, { unquote: true });
      for (const w of words) {
        const p = w.text.split(':');
        if (p.length !== 4 || p.some((x) => x === '')) {
          out.push(err(w.start, w.end, `Invalid ${d}= entry '${w.text}': expected SOURCE:FAMILY:TABLE:SET.`));
        }
      }
      return out;
    }
    case 'config_parse_bpf_foreign_program': {
      const colon = value.indexOf(':');
      const types = ctx.enumValues.filter((v) => !v.startsWith('<'));
      if (colon < 0) return [err(0, value.length, `${d}= expects TYPE:PATH (e.g. ingress:/sys/fs/bpf/prog).`)];
      const type = value.slice(0, colon);
      if (types.length && !types.includes(type))
        out.push(err(0, colon, `Unknown BPF attach type '${type}': expected one of ${types.join(', ')}.`));
      const path = value.slice(colon + 1);
      out.push(...specs(path, colon + 1));
      out.push(...validatePathText(path, colon + 1, { directive: d, absolute: true }));
      return out;
    }
    case 'config_parse_open_file': {
      const parts = colonParts(value, 0);
      const opts = ctx.enumValues.filter((v) => !v.startsWith('<'));
      out.push(...validatePathText(parts[0]!.text, 0, { directive: d, absolute: true }));
      const name = parts[1];
      if (name && name.text !== '') {
        const r = fdNameProblem(name.text);
        if (r) out.push(err(name.start, name.end, `Invalid file descriptor name '${name.text}': ${r}.`));
      }
      const o = parts[2];
      if (o && o.text !== '' && opts.length) {
        let pos = o.start;
        for (const item of o.text.split(',')) {
          if (!opts.includes(item))
            out.push(err(pos, pos + item.length, `Unknown OpenFile= option '${item}': expected ${opts.join(', ')}.`));
          pos += item.length + 1;
        }
      }
      return out;
    }
    default:
      // image_policy and anything else: structure too open to check safely
      out.push(...specs(value, 0));
      return out;
  }
}

function clamp(ps: ValueProblem[], w: Word): ValueProblem[] {
  return ps.map((p) => ({
    ...p,
    start: Math.max(w.start, Math.min(p.start, w.end)),
    end: Math.max(w.start, Math.min(p.end, w.end)),
  }));
}
