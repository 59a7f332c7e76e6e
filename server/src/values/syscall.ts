/**
 * System call filters (config_parse_syscall_filter / config_parse_syscall_log) and address
 * families (config_parse_address_families). Group names (@…) and AF_* names come from
 * ctx.enumValues; syscall names are an open set, so only their syntax is checked.
 */
import type { ValueContext, ValueProblem } from './types.js';
import { err, warn, splitWords, suggesting } from './util.js';
import { suggestEnum, isErrno } from './enum.js';
import { syscallNameTables } from './syscallNames.generated.js';

let names252: ReadonlySet<string> | undefined;

/** The system call names systemd 252 accepts (values/syscallNames.generated.json, read on first use). */
export function syscallNames252(): ReadonlySet<string> {
  return (names252 ??= new Set(syscallNameTables().SYSCALL_NAMES_252));
}

/**
 * System calls Linux added after the kernel headers systemd 252 was built with (6.7 and later; cachestat,
 * fchmodat2 and map_shadow_stack are already known to 252's libseccomp). Newer systemd with a newer libseccomp
 * knows them, so they are not flagged for a target version above 252.
 */
const LATER_SYSCALLS = new Set([
  'futex_wake',
  'futex_wait',
  'futex_requeue',
  'statmount',
  'listmount',
  'lsm_get_self_attr',
  'lsm_set_self_attr',
  'lsm_list_modules',
  'mseal',
  'uretprobe',
  'setxattrat',
  'getxattrat',
  'listxattrat',
  'removexattrat',
  'open_tree_attr',
  'file_getattr',
  'file_setattr',
]);

const SYSCALL_NAME = /^[a-z0-9_]+$/;

export function validateSyscallFilter(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const groups = ctx.enumValues.filter((v) => v.startsWith('@'));
  const errnoAllowed = ctx.parser === 'config_parse_syscall_filter';
  let text = value;
  let off = 0;
  const deny = text.startsWith('~');
  if (deny) {
    text = text.slice(1);
    off = 1;
  }
  const { words, error } = splitWords(text, { unquote: true });
  if (error) return [err(error.start + off, error.end + off, `${error.message}.`)];
  const out: ValueProblem[] = [];
  for (const w of words) {
    const start = w.start + off,
      end = w.end + off;
    let name = w.text;
    const colon = name.indexOf(':');
    if (colon >= 0) {
      const errno = name.slice(colon + 1);
      name = name.slice(0, colon);
      if (!errnoAllowed) {
        out.push(err(start, end, `${ctx.directive}= does not take an error number: '${w.text}'.`));
        continue;
      }
      if (!deny) {
        out.push(
          err(
            start + colon,
            end,
            `Allow-listed system calls cannot take an error number ('${w.text}'); only a deny list (~…) can.`,
          ),
        );
        continue;
      }
      if (errno !== 'kill' && !isErrno(errno)) {
        out.push(
          err(
            start + colon + 1,
            end,
            `Invalid error number '${errno}': expected an errno name such as EPERM, a number 1..4095, or 'kill'.`,
          ),
        );
        continue;
      }
    }
    if (name.startsWith('@')) {
      if (!groups.includes(name)) {
        const sug = suggestEnum(name, groups);
        out.push(
          suggesting(
            err(
              start,
              start + name.length,
              `Unknown system call group '${name}'${sug ? ` (did you mean '${sug}'?)` : ''}; systemd ignores the whole line.`,
            ),
            sug,
          ),
        );
      }
      continue;
    }
    if (!SYSCALL_NAME.test(name)) {
      const hint = name.includes(',') ? ' Separate system calls with spaces, not commas.' : '';
      out.push(
        err(
          start,
          start + name.length,
          `'${name}' is not a system call name (lower-case letters, digits and '_') or @group; systemd ignores the whole line.${hint}`,
        ),
      );
    } else if (!syscallNames252().has(name) && !(ctx.targetVersion > 252 && LATER_SYSCALLS.has(name))) {
      // systemd logs "Failed to parse system call, ignoring" and drops only this name.
      const sug = suggestEnum(name, syscallNameTables().SYSCALL_NAMES_252);
      out.push(
        suggesting(
          warn(
            start,
            start + name.length,
            `Unknown system call '${name}'${sug ? ` (did you mean '${sug}'?)` : ''}: systemd ignores this name and applies the rest of the line.`,
          ),
          sug,
        ),
      );
    }
  }
  return out;
}

export function validateAddressFamilies(value: string, ctx: ValueContext): ValueProblem[] {
  if (value === '') return [];
  const names = ctx.enumValues.filter((v) => !v.startsWith('<'));
  const upper = new Set(names.map((n) => n.toUpperCase()));
  if (value === 'none') return [];
  let text = value;
  let off = 0;
  if (text.startsWith('~')) {
    text = text.slice(1);
    off = 1;
  }
  const { words, error } = splitWords(text, { unquote: true });
  if (error) return [err(error.start + off, error.end + off, `${error.message}.`)];
  const out: ValueProblem[] = [];
  for (const w of words) {
    const start = w.start + off,
      end = w.end + off;
    if (w.text === 'none') {
      out.push(err(start, end, `'none' must stand alone in ${ctx.directive}= (without '~' or other families).`));
      continue;
    }
    if (w.text.toUpperCase() !== 'NONE' && upper.has(w.text.toUpperCase())) continue;
    const sug = suggestEnum(
      w.text.toUpperCase(),
      names.filter((n) => n !== 'none'),
    );
    const hint = w.text.includes(',') ? ' Separate families with spaces, not commas.' : '';
    out.push(
      suggesting(
        err(
          start,
          end,
          `Unknown address family '${w.text}'${sug ? ` (did you mean '${sug}'?)` : ''}; systemd ignores the whole line.${hint}`,
        ),
        sug,
      ),
    );
  }
  return out;
}
