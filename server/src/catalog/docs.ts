/**
 * One renderer for a catalog entry, used by hover and completion: our summary, the value syntax, default,
 * since-version, status and replacement, the official man page anchor, and the local man page's text.
 */
import type { DirectiveInfo } from './catalog.js';
import { localManEntry } from '../man/manPages.js';

/** How to write a value of each kind, in our words. */
const KIND_SYNTAX: Record<string, string> = {
  'address-family-list':
    'Address family names (`AF_UNIX AF_INET AF_INET6`), or `none`; a leading `~` makes it a deny list.',
  'bind-paths': '`[-]SOURCE[:DEST[:OPTIONS]]`, absolute paths, space-separated; `-` ignores a missing source.',
  bool: 'A boolean: `yes`/`no` (also `1 y true t on` / `0 n false f off`, any case).',
  bytes: 'A size in bytes with optional suffix `K`, `M`, `G`, `T`, `P`, `E` (base 1024), e.g. `512M` or `1G 512M`.',
  'bytes-or-percent': 'A size (`512M`, base 1024), a percentage (`50%`), or `infinity`.',
  calendar: 'A calendar event such as `daily`, `weekly`, `Mon *-*-* 02:00:00` (see `systemd-analyze calendar`).',
  'capability-list':
    'Capability names such as `CAP_NET_BIND_SERVICE`, space-separated; a leading `~` removes them instead.',
  condition: 'A value for the check, optionally prefixed by `|` (trigger: any one suffices) and/or `!` (negate).',
  'count-or-percent': 'A positive number, a percentage of the system limit (`15%`), or `infinity`.',
  'cpu-set': 'CPU indices or ranges, e.g. `0-3 8` or `1,2`.',
  'cpu-weight': 'A weight from 1 to 10000 (default 100), or `idle`.',
  'device-allow': 'A device node path or `char-…`/`block-…` class, then access letters `r`, `w`, `m`.',
  'device-io': '`DEVICE VALUE`: a device path followed by a weight, a rate or a latency.',
  enum: 'One of the listed values.',
  'enum-list': 'One or more of the listed values.',
  'enum-or-bool': 'One of the listed values, or a boolean.',
  'env-file': 'An absolute path to a file of `KEY=VALUE` lines; a leading `-` makes it optional.',
  'env-name-list': 'Environment variable names, space-separated.',
  environment: 'Space-separated `KEY=VALUE` assignments; quote an assignment that contains spaces: `"KEY=a b"`.',
  'exec-command':
    'A command line: an absolute path or a bare program name, then arguments. Prefixes: `-` ignore failure, `@` set argv[0], `:` no variable expansion, `+` full privileges, `!` no user change, `|` run via the shell (newer releases).',
  'exit-status': 'Exit codes 0–255 (lists also take names such as `SUCCESS` and signal names).',
  ignored: 'Any value: systemd ignores it.',
  int: 'An integer.',
  'io-weight': 'A weight from 1 to 10000 (default 100).',
  'ip-address-list': 'IP addresses or prefixes (`10.0.0.0/8 ::1`), or `any`, `localhost`, `link-local`, `multicast`.',
  limit: 'A resource limit `SOFT[:HARD]`, or `infinity`; sizes take `K`/`M`/`G` suffixes, time limits take time spans.',
  mode: 'An octal file mode such as `0644` or `0755`.',
  nice: 'A nice level from -20 (highest priority) to 19 (lowest).',
  nsec: 'A time span; a bare number counts nanoseconds.',
  'oom-score': 'An OOM score adjustment from -1000 to 1000.',
  path: 'An absolute path.',
  'path-list': 'Absolute paths, space-separated; `-` in front ignores a missing path.',
  percent: 'A percentage such as `20%`.',
  'relative-path-list': 'Directory names relative to the base folder for this kind of directory, space-separated.',
  signal: 'A signal name (`SIGTERM`, `TERM`) or number.',
  'socket-address':
    'A port (`80`), `IPv4:port`, `[IPv6]:port`, a path (`/run/foo.sock`), `@abstract`, or `vsock:CID:PORT`.',
  string: 'Free text; specifiers such as `%n` are expanded.',
  'syscall-filter': 'System call names or `@groups` (e.g. `@system-service`); a leading `~` makes it a deny list.',
  'temp-fs': '`PATH[:MOUNT-OPTIONS]`, absolute, space-separated.',
  'timespan-sec': 'A time span such as `30s`, `5min 20s`, `1h30` or `infinity`; a bare number counts seconds.',
  'tristate-bool': 'A boolean, or empty to use the default.',
  tuple: 'A structured, colon-separated value (see the man page).',
  unit: 'A unit name such as `foo.service`.',
  'unit-list': 'Unit names, space-separated.',
  unsigned: 'A non-negative integer.',
  user: 'A user or group name, or a numeric ID.',
};

const LIST_TEXT: Record<string, string> = {
  yes: 'List: repeated assignments add up; an empty assignment (`{name}=`) resets the list.',
  'add-only': 'List: repeated assignments add up; it cannot be reset (an empty assignment does nothing).',
  no: '',
};

function manPageUrl(info: Pick<DirectiveInfo, 'manPage' | 'name'>): string | undefined {
  const m = /^([\w.-]+)\((\d)\)$/.exec(info.manPage);
  if (!m) return undefined;
  return `https://www.freedesktop.org/software/systemd/man/latest/${m[1]}.html#${encodeURIComponent(`${info.name}=`)}`;
}

export interface RenderOptions {
  readonly targetVersion?: number;
  /** Include the local man page text (hover: yes; completion: no, it is long). */
  readonly manText?: boolean;
}

/** About this many characters per hover; the local man page text gets what is left. */
export const HOVER_BUDGET = 1500;

function cutAtParagraph(text: string, max: number): string {
  const paras = text.split(/\n\n/);
  let out = '';
  for (const p of paras) {
    if ((out ? out.length + 2 : 0) + p.length > max) break;
    out = out ? `${out}\n\n${p}` : p;
  }
  // A first paragraph longer than the budget: cut at a sentence end.
  if (!out) {
    const slice = paras[0]!.slice(0, max);
    const dot = slice.lastIndexOf('. ');
    out = dot > max / 3 ? slice.slice(0, dot + 1) : slice;
  }
  // Never leave a code block open.
  if ((out.match(/```/g) ?? []).length % 2) out += '\n```';
  return out;
}

export function renderDirective(info: DirectiveInfo, opts: RenderOptions = {}): string {
  const parts: string[] = [];
  parts.push(`**${info.name}=** · \`[${info.section}]\``);
  parts.push(info.summary);
  const facts: string[] = [];
  facts.push(`**Value:** ${KIND_SYNTAX[info.kind] ?? info.kind}`);
  const values = info.enumValues.filter((v) => !v.startsWith('<') && !v.startsWith('~<') && !v.includes(':<'));
  if (
    (info.kind === 'enum' || info.kind === 'enum-or-bool' || info.kind === 'enum-list') &&
    values.length &&
    values.length <= 40
  ) {
    facts.push(`**Values:** ${values.map((v) => `\`${v}\``).join(', ')}`);
  }
  const list = LIST_TEXT[info.list]?.replace('{name}', info.name);
  if (list) facts.push(list);
  if (info.defaultValue) facts.push(`**Default:** ${info.defaultValue}`);
  // Podman Quadlet keys have no systemd release (their podman release is added by the hover).
  if (info.since > 0)
    facts.push(
      `**Since:** systemd ${info.since}${opts.targetVersion && info.since > opts.targetVersion ? ` (newer than your target, ${opts.targetVersion})` : ''}`,
    );
  if (info.onlyTypes) facts.push(`**Only in:** ${info.onlyTypes.map((t) => `.${t}`).join(', ')} units`);
  switch (info.status) {
    case 'renamed':
      facts.push(`**Renamed:** old spelling of \`${info.replacement}=\`.`);
      break;
    case 'deprecated':
      facts.push(`**Deprecated.**${info.replacement ? ` Use \`${info.replacement}=\`.` : ''}`);
      break;
    case 'ignored':
      facts.push(
        `**Ignored** since systemd ${info.statusSince}.${info.replacement ? ` Use \`${info.replacement}=\`.` : ''}`,
      );
      break;
    case 'compat-moved':
      facts.push('**Moved:** belongs in `[Unit]`; this copy is kept for compatibility.');
      break;
  }
  parts.push(facts.join('  \n'));
  const url = manPageUrl(info);
  if (url) parts.push(`[${info.manPage}](${url})`);
  if (opts.manText) {
    const local = localManEntry(info.manPage, info.name);
    if (local) {
      // Keep a hover readable: the local text is cut at a paragraph boundary, with a link to the full entry.
      const room = Math.max(400, HOVER_BUDGET - parts.join('\n\n').length);
      const text =
        local.length <= room
          ? local
          : `${cutAtParagraph(local, room)}\n\n… ${url ? `[read on in ${info.manPage}](${url})` : `more in ${info.manPage}`}`;
      parts.push(`---\n*From the local man page ${info.manPage}:*\n\n${text}`);
    }
  }
  return parts.join('\n\n');
}
