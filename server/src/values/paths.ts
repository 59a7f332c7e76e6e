/**
 * Paths: path, path-list, relative-path-list, env-file, bind-paths, temp-fs.
 * systemd checks with path_simplify_and_warn() (src/basic/path-util.c): "//", "/./" and a
 * trailing "/" are simplified away; a ".." component means "not normalized" and the value is
 * refused; PATH_CHECK_ABSOLUTE / PATH_CHECK_RELATIVE decide which form is required.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, splitPlain, splitWords, warn, type Word } from './util.js';
import { checkSpecifiers, stripSpecifiers } from './specifiers.js';
import { specifierContextFor } from './context.js';

const PATH_MAX = 4096;

export interface PathCheck {
  readonly directive: string;
  /** true: must be absolute; false: must be relative; undefined: either. */
  readonly absolute?: boolean;
  /** Allow glob characters (no effect on the check; documentation only). */
  readonly glob?: boolean;
}

/**
 * Check one path (raw text at `offset` in the value). Specifiers are replaced by plausible
 * expansions first (%t → /x …). Returns problems relative to the value.
 */
export function validatePathText(raw: string, offset: number, check: PathCheck): ValueProblem[] {
  const text = stripSpecifiers(raw);
  const end = offset + raw.length;
  const d = check.directive;
  if (text === '') return [err(offset, end, `${d}= needs a path here, but it is empty.`)];
  if (check.absolute === true && !text.startsWith('/')) {
    return [err(offset, end, `${d}= path '${raw}' is not absolute; it must start with '/'.`)];
  }
  if (check.absolute === false && text.startsWith('/')) {
    return [
      err(offset, end, `${d}= path '${raw}' is absolute; give a path relative to the directory systemd manages.`),
    ];
  }
  if (text.length > PATH_MAX) return [err(offset, end, `${d}= path is longer than ${PATH_MAX} characters.`)];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) === 0x7f) {
      return [err(offset, end, `${d}= path '${raw}' contains a control character.`)];
    }
  }
  const comps = text.split('/');
  if (comps.includes('..')) {
    return [err(offset, end, `${d}= path '${raw}' is not normalized: '..' components are not allowed.`)];
  }
  if (check.absolute === false && comps.every((c) => c === '' || c === '.')) {
    return [err(offset, end, `${d}= path '${raw}' is not normalized: it names no directory.`)];
  }
  return [];
}

function specs(raw: string, offset: number, ctx: ValueContext): ValueProblem[] {
  return checkSpecifiers(raw, specifierContextFor(ctx), ctx.targetVersion, offset);
}

/** path kind (single path; per-parser refinements). */
export function validatePath(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const d = ctx.directive;
  const out: ValueProblem[] = [...specs(value, 0, ctx)];
  switch (ctx.parser) {
    case 'config_parse_working_directory': {
      let v = value;
      let off = 0;
      if (v.startsWith('-')) {
        v = v.slice(1);
        off = 1;
      }
      if (v === '~') return out;
      if (v === '') return [...out, err(0, value.length, `WorkingDirectory= needs a path after '-'.`)];
      out.push(...validatePathText(v, off, { directive: d, absolute: true }));
      return out;
    }
    case 'config_parse_pid_file': {
      const text = stripSpecifiers(value);
      out.push(...validatePathText(value, 0, { directive: d }));
      if (/^\/(proc|sys|dev)(\/|$)/.test(text)) {
        out.push(warn(0, value.length, `PIDFile= points into /proc, /sys or /dev; newer systemd refuses such a unit.`));
      }
      return out;
    }
    default:
      out.push(...validatePathText(value, 0, { directive: d, absolute: true, glob: d.endsWith('Glob') }));
      return out;
  }
}

/** path-list kind. */
export function validatePathList(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const d = ctx.directive;
  const out: ValueProblem[] = [];
  if (ctx.parser === 'config_parse_colon_separated_paths') {
    out.push(...specs(value, 0, ctx));
    for (const w of splitPlain(value, ':', true)) {
      if (w.raw === '') {
        out.push(
          err(w.start, w.end, `${d}= has an empty path between colons; separate absolute paths with single ':'.`),
        );
        continue;
      }
      out.push(...validatePathText(w.raw, w.start, { directive: d, absolute: true }));
    }
    return out;
  }
  if (ctx.parser === 'config_parse_ip_filter_bpf_progs') {
    out.push(...specs(value, 0, ctx));
    out.push(...validatePathText(value, 0, { directive: d, absolute: true }));
    return out;
  }
  const { words, error } = splitWords(value, { unquote: true });
  if (error) return [err(error.start, error.end, `${error.message}.`)];
  const prefixes = ctx.parser === 'config_parse_namespace_path_strv';
  for (const w of words) {
    out.push(...specs(w.raw, w.start, ctx));
    let t = w.text;
    let off = rawOffsetOf(w);
    if (prefixes) {
      if (t.startsWith('-')) {
        t = t.slice(1);
        off++;
      }
      if (t.startsWith('+')) {
        t = t.slice(1);
        off++;
      }
    }
    out.push(...pathProblemsForWord(t, w, off, { directive: d, absolute: true }));
  }
  return out;
}

/** Offset in the value where the unquoted text of a word starts (best effort). */
function rawOffsetOf(w: Word): number {
  return w.raw.startsWith('"') || w.raw.startsWith("'") ? w.start + 1 : w.start;
}

function pathProblemsForWord(text: string, w: Word, off: number, check: PathCheck): ValueProblem[] {
  const ps = validatePathText(text, off, check);
  // When the word was quoted/escaped, offsets inside may be off; clamp to the word.
  return ps.map((p) => ({
    ...p,
    start: Math.max(w.start, Math.min(p.start, w.end)),
    end: Math.max(w.start, Math.min(p.end, w.end)),
  }));
}

/** relative-path-list: StateDirectory= & co: SRC[:DEST[:ro]], relative, not "private". */
export function validateRelativePathList(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const d = ctx.directive;
  const { words, error } = splitWords(value, { unquote: true });
  if (error) return [err(error.start, error.end, `${error.message}.`)];
  const out: ValueProblem[] = [];
  for (const w of words) {
    out.push(...specs(w.raw, w.start, ctx));
    const base = rawOffsetOf(w);
    const parts = splitPlain(w.text, ':', true, base);
    const src = parts[0];
    if (!src) continue;
    if (src.raw === 'private') {
      out.push(
        err(
          src.start,
          src.end,
          `${d}= cannot be 'private' (that name is reserved for DynamicUser=); choose another directory name.`,
        ),
      );
      continue;
    }
    out.push(...pathProblemsForWord(src.raw, w, src.start, { directive: d, absolute: false }));
    const dest = parts[1];
    if (dest && dest.raw !== '')
      out.push(...pathProblemsForWord(dest.raw, w, dest.start, { directive: d, absolute: false }));
  }
  return out;
}

/** env-file: [-]ABSOLUTE-PATH. */
export function validateEnvFile(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const out: ValueProblem[] = [...specs(value, 0, ctx)];
  const off = value.startsWith('-') ? 1 : 0;
  out.push(...validatePathText(value.slice(off), off, { directive: ctx.directive, absolute: true }));
  return out;
}

/** Split on unescaped ':' (EXTRACT_UNESCAPE_SEPARATORS): returns pieces with raw offsets. */
function splitColonsEscaped(text: string, base: number): Word[] {
  const out: Word[] = [];
  let start = 0;
  let cur = '';
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

/** bind-paths: [-]SRC[:DST[:OPTIONS]], space-separated. */
export function validateBindPaths(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const d = ctx.directive;
  const { words, error } = splitWords(value, { unquote: true, retainEscape: true });
  if (error) return [err(error.start, error.end, `${error.message}.`)];
  const options = ctx.enumValues.filter((v) => !v.startsWith('<'));
  const out: ValueProblem[] = [];
  for (const w of words) {
    const base = rawOffsetOf(w);
    const parts = splitColonsEscaped(w.text, base);
    const src = parts[0]!;
    let srcText = src.text;
    let srcOff = src.start;
    if (srcText.startsWith('-')) {
      srcText = srcText.slice(1);
      srcOff++;
    }
    out.push(...specs(src.raw, src.start, ctx));
    out.push(...pathProblemsForWord(srcText, w, srcOff, { directive: d, absolute: true }));
    const dst = parts[1];
    if (dst) {
      out.push(...specs(dst.raw, dst.start, ctx));
      out.push(...pathProblemsForWord(dst.text, w, dst.start, { directive: d, absolute: true }));
    }
    const opt = parts[2];
    if (opt && opt.text !== '') {
      for (const o of splitPlain(opt.text, ',', false, opt.start)) {
        if (options.length && !options.includes(o.raw)) {
          out.push(err(o.start, o.end, `Invalid ${d}= option '${o.raw}': expected ${options.join(' or ')}.`));
        }
      }
    }
    if (parts.length > 3) {
      const extra = parts[3]!;
      out.push(
        err(extra.start - 1, w.end, `${d}= takes at most SOURCE:DESTINATION:OPTIONS; escape ':' in paths as '\\:'.`),
      );
    }
  }
  return out;
}

/** temp-fs: PATH[:OPTIONS], space-separated; options are mount options (not checked). */
export function validateTempFs(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const { words, error } = splitWords(value, { unquote: true });
  if (error) return [err(error.start, error.end, `${error.message}.`)];
  const out: ValueProblem[] = [];
  for (const w of words) {
    const base = rawOffsetOf(w);
    const colon = w.text.indexOf(':');
    const path = colon >= 0 ? w.text.slice(0, colon) : w.text;
    out.push(
      ...specs(
        w.raw.slice(0, colon >= 0 ? Math.min(w.raw.length, colon + (base - w.start)) : w.raw.length),
        w.start,
        ctx,
      ),
    );
    out.push(...pathProblemsForWord(path, w, base, { directive: ctx.directive, absolute: true }));
  }
  return out;
}
