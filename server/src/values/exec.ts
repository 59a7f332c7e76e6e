/**
 * Exec*= command lines (systemd src/core/load-fragment.c config_parse_exec(), checked against
 * systemd 252 with `systemd-analyze verify`):
 *  - prefixes: '-' ignore failure, '@' argv0, ':' no env expansion, '+' full privileges,
 *    '!' no setuid, '!!' ambient hack (ignored since 258), '|' run via shell (v258+).
 *    '+' excludes '!'/'!!' and vice versa; a repeated prefix ends the prefix list, so the rest
 *    (e.g. "-/bin/true" after "--") is taken as the path and refused.
 *  - the executable is an absolute path or a bare file name (no '/'), after unquoting and
 *    C-unescaping; a path ending in '/' is a directory and refused.
 *  - quoting must balance; unknown escapes are kept with a warning.
 *  - ';' as a word of its own separates commands; '\;' is a literal ';' argument.
 *  - "$VAR" / "${VAR}" are expanded at run time and are fine.
 * Errors make the unit fail to load (or, with '-', drop the command).
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, splitWords, warn, type Word } from './util.js';
import { checkSpecifiers, stripSpecifiers } from './specifiers.js';
import { specifierContextFor } from './context.js';

const FILENAME_MAX = 255;

interface Prefixes {
  ignoreFailure: boolean;
  argv0: boolean;
  noEnv: boolean;
  privileged: boolean;
  noSetuid: boolean;
  ambient: boolean;
  shell: boolean;
  length: number;
}

function parsePrefixes(text: string, allowShell: boolean): Prefixes {
  const p: Prefixes = {
    ignoreFailure: false,
    argv0: false,
    noEnv: false,
    privileged: false,
    noSetuid: false,
    ambient: false,
    shell: false,
    length: 0,
  };
  let i = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '-' && !p.ignoreFailure) p.ignoreFailure = true;
    else if (c === '@' && !p.argv0) p.argv0 = true;
    else if (c === ':' && !p.noEnv) p.noEnv = true;
    else if (c === '+' && !p.privileged && !p.noSetuid && !p.ambient) p.privileged = true;
    else if (c === '!' && !p.privileged && !p.noSetuid && !p.ambient) p.noSetuid = true;
    else if (c === '!' && p.noSetuid && !p.ambient) {
      p.noSetuid = false;
      p.ambient = true;
    } else if (c === '|' && allowShell && !p.shell) p.shell = true;
    else break;
  }
  p.length = i;
  return p;
}

export function validateExec(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const out: ValueProblem[] = [];
  const sctx = specifierContextFor(ctx);
  const { words, error, unknownEscapes } = splitWords(value, { unquote: true, cunescape: true, relax: true });
  for (const u of unknownEscapes) {
    if (value.slice(u.start, u.end) === '\\;') continue; // "\;" is a literal ';' argument
    out.push(
      warn(
        u.start,
        u.end,
        `Unknown escape sequence '${value.slice(u.start, u.end)}': systemd keeps it literally and logs a warning; write '\\\\' for a backslash.`,
      ),
    );
  }
  if (error) {
    out.push(err(error.start, error.end, `${error.message}; systemd refuses the command line.`));
    return out;
  }
  // group words into commands separated by a bare ';'
  const commands: Word[][] = [];
  let cur: Word[] = [];
  for (const w of words) {
    if (w.raw === ';') {
      commands.push(cur);
      cur = [];
      continue;
    }
    cur.push(w);
  }
  commands.push(cur);
  const allowShell = ctx.targetVersion >= 258;
  for (const cmd of commands) {
    if (cmd.length === 0) continue;
    out.push(...checkCommand(cmd, ctx, sctx, allowShell));
  }
  return out;
}

function checkCommand(
  cmd: Word[],
  ctx: ValueContext,
  sctx: ReturnType<typeof specifierContextFor>,
  allowShell: boolean,
): ValueProblem[] {
  const out: ValueProblem[] = [];
  for (const w of cmd) out.push(...checkSpecifiers(w.raw, sctx, ctx.targetVersion, w.start));
  if (out.some((p) => p.severity === 'error')) return out;
  const first = cmd[0]!;
  // prefixes are read from the raw text before unquoting (they sit before any quote)
  let pfx = parsePrefixes(first.text, true);
  if (pfx.shell && !allowShell) {
    out.push(
      warn(
        first.start,
        first.start + pfx.length,
        `The '|' prefix (run via the shell) needs systemd 258; the target version ${ctx.targetVersion} takes '|' as part of the executable name.`,
      ),
    );
    pfx = parsePrefixes(first.text, false);
  }
  const rest = first.text.slice(pfx.length);
  const restStart = first.start + pfx.length;
  const fatal = pfx.ignoreFailure ? 'systemd ignores this command' : 'systemd refuses to load the unit';
  // '!!' only ever acted on kernels without ambient capabilities: systemd.service(5) of 252 says it "only has an
  // effect on systems lacking support for ambient process capabilities", and 252's config_parse_exec()
  // (src/core/load-fragment.c) accepts it silently as EXEC_COMMAND_AMBIENT_MAGIC. From 258 on systemd requires a
  // kernel with ambient capabilities and still parses the prefix ("still parsed but ignored since 258",
  // data/directives.md, exec-command). The unit is valid at every version: only a note, from 258 on.
  if (pfx.ambient && ctx.targetVersion >= 258) {
    out.push({
      ...warn(
        first.start,
        restStart,
        `The '!!' prefix does nothing on systemd ${ctx.targetVersion} (it only mattered on kernels without ambient capabilities, which systemd 258 no longer supports); '!' or no prefix says the same.`,
        'deprecated-value',
      ),
      severity: 'info',
    });
  }
  if (pfx.shell) {
    // '|' : the rest is a shell command line; only require something to run.
    if (rest === '' && cmd.length === 1)
      out.push(err(first.start, first.end, `Empty command after the '|' prefix; ${fatal}.`));
    return out;
  }
  const exe = rest;
  if (exe === '' && pfx.length > 0) {
    // "- /bin/foo" is not a prefix followed by a path: the path is empty
    out.push(
      err(
        first.start,
        first.end,
        `Empty executable path after the prefixes '${first.text}'; write the prefixes directly before the path (e.g. -/usr/bin/foo).`,
      ),
    );
    return out;
  }
  if (pfx.argv0 && cmd.length < 2) {
    out.push(
      err(first.start, first.end, `With the '@' prefix the second word is argv[0], but it is missing; ${fatal}.`),
    );
    return out;
  }
  const expanded = stripSpecifiers(exe);
  // Offsets: from after the prefixes to the end of the word (quotes/escapes make finer offsets unreliable).
  const exeStart = Math.min(restStart, first.end);
  const exeEnd = first.end;
  if (expanded.startsWith('/')) {
    if (expanded.endsWith('/'))
      out.push(err(exeStart, exeEnd, `Executable path '${exe}' ends with '/', so it names a directory; ${fatal}.`));
    return out;
  }
  if (expanded.includes('/')) {
    const conflict = /^[-@:+!|]/.test(expanded)
      ? ` The prefix '${expanded[0]}' cannot be repeated or combined this way ('+' excludes '!' and '!!').`
      : '';
    out.push(
      err(
        exeStart,
        exeEnd,
        `'${exe}' is neither an absolute path nor a bare executable name (without '/'); ${fatal}.${conflict}`,
      ),
    );
    return out;
  }
  if (expanded === '.' || expanded === '..' || expanded.length > FILENAME_MAX) {
    out.push(err(exeStart, exeEnd, `'${exe}' is not a valid executable name; ${fatal}.`));
  }
  return out;
}
