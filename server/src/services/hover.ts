/** Hover: sections, directives, values and specifiers. */
import type { Span } from '../parser/ast.js';
import type { SystemdDocument } from './document.js';
import { lookupSpecifier, type DirectiveInfo } from '../catalog/catalog.js';
import { renderDirective } from '../catalog/docs.js';
import { valueSpanToDocument } from '../parser/parser.js';
import { entryAt, nodeAt, wordAt } from './context.js';
import { parseTimespan } from '../values/timespan.js';
import { parseBytes } from '../values/bytes.js';
import { parseBoolean } from '../values/bool.js';
import { parseSignal } from '../values/signal.js';
import { specifierContextFor } from '../values/index.js';
import { notifyMarkdown } from '../catalog/notifyDocs.js';
import {
  HARDWARE_WATCHDOG_SETTINGS,
  limitsForDriver,
  DEFAULT_WATCHDOG_DRIVER,
  type WatchdogLimits,
} from '../watchdog/drivers.js';
import { evaluateWatchdogValue } from '../watchdog/evaluate.js';
import { parseHint, describeHint, serviceOf } from './socketHints.js';
import { calendarHoverMarkdown } from './calendarAssist.js';
import { quadletKeyHover, quadletSectionHover } from './quadletAssist.js';

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

export interface HoverOptions {
  readonly targetVersion?: number;
  readonly manPages?: boolean;
  /** Limits of the hardware watchdog driver, for hovers on RuntimeWatchdogSec= & co. */
  readonly watchdog?: WatchdogLimits;
  /** Does a file exist (the LD_PRELOAD library of a socket-activation drop-in)? */
  readonly fileExists?: (path: string) => boolean;
  /** Where a unit named in a value is defined, and its Description= (hover on After=, Wants=… values). */
  readonly describeUnit?: (name: string) => { readonly path: string; readonly description?: string } | undefined;
  /** Podman release Quadlet files are checked against (hover says when a key is newer). */
  readonly podmanVersion?: string;
  /** Milliseconds since the epoch, for the next elapses of calendar events (default: Date.now). */
  readonly now?: () => number;
}

export function getHover(doc: SystemdDocument, offset: number, opts: HoverOptions = {}): HoverResult | undefined {
  // On the empty line after the final line break there is nothing to explain.
  if (offset >= doc.text.length && /[\r\n]$/.test(doc.text)) return undefined;
  const node = nodeAt(doc.tree.nodes, offset);
  if (!node) return undefined;
  if (node.kind === 'section') {
    if (offset < node.nameSpan.start - 1 || offset > node.nameSpan.end + 1) return undefined;
    const allowed = doc.analysis.allowedSections;
    const dialect = doc.analysis.dialect;
    const summary = dialect?.sectionSummary(node.name);
    const lines = [`**[${node.name}]**`];
    if (summary) lines.push(summary);
    const generated = quadletSectionHover(doc.path, doc.analysis, node.name);
    if (generated) lines.push(generated);
    const info = dialect?.section(node.name);
    if (info?.repeatable)
      lines.push(`Each [${node.name}] header starts a new object; a bad value drops that whole object.`);
    if (info?.renamedTo) lines.push(`Old name of [${info.renamedTo}]; it still works.`);
    if (info?.netdevKinds)
      lines.push(`Read only when \`Kind=\` is ${info.netdevKinds.map((k) => `\`${k}\``).join(', ')}.`);
    if (allowed.length && !allowed.includes(node.name) && !node.name.startsWith('X-'))
      lines.push(`*Not read in this file; it takes ${allowed.map((s) => `[${s}]`).join(', ')}.*`);
    if (node.name.startsWith('X-')) lines.push('Extension section: systemd ignores it, tools may read it.');
    return { markdown: lines.join('\n\n'), span: node.nameSpan };
  }
  if (node.kind !== 'assignment') return undefined;
  const entry = entryAt(doc.analysis, offset);
  if (!entry) return undefined;
  const info = entry.info;
  if (offset >= node.keySpan.start && offset <= node.keySpan.end) {
    if (!info) return undefined;
    let md = renderDirective(info, { targetVersion: opts.targetVersion, manText: opts.manPages !== false });
    const extra =
      quadletKeyHover(doc.path, doc.analysis, info, opts.podmanVersion) ?? directiveExtra(info, node.value, doc, opts);
    if (extra) md = md.replace(/\n\n---\n|$/, (m) => `\n\n${extra}${m}`);
    return { markdown: md, span: node.keySpan };
  }
  if (offset > node.eq && info) {
    const extra = valueExtra(info, node.value, doc, opts);
    if (extra) return { markdown: extra, span: node.valueSpan };
    return valueHover(node.value, info, (s, e) => valueSpanToDocument(node, s, e), node.valueSpan, offset, doc, opts);
  }
  return undefined;
}

/** Extra sections for a directive's hover: sd_notify messages, watchdog limits. */
function directiveExtra(
  info: DirectiveInfo,
  value: string,
  doc: SystemdDocument,
  opts: HoverOptions,
): string | undefined {
  if (info.section === 'Service' && info.name === 'Type' && (value === 'notify' || value === 'notify-reload'))
    return notifyMarkdown('type');
  if (info.section === 'Service' && info.name === 'WatchdogSec') return notifyMarkdown('watchdog');
  if (info.name === 'NotifyAccess') return notifyMarkdown('access');
  if (info.section === 'Manager' && HARDWARE_WATCHDOG_SETTINGS.has(info.name)) return watchdogText(value, opts);
  void doc;
  return undefined;
}

function watchdogText(value: string, opts: HoverOptions): string {
  const limits = opts.watchdog ?? limitsForDriver(DEFAULT_WATCHDOG_DRIVER);
  const ev = evaluateWatchdogValue(value);
  const lines: string[] = [];
  if (ev?.mode === 'off') lines.push('`' + value + '`: the hardware watchdog is not used.');
  else if (ev?.mode === 'keep')
    lines.push('`' + value + '`: systemd opens the device and keeps whatever timeout is already programmed.');
  else if (ev?.mode === 'seconds') {
    const s = ev.seconds!;
    const ok = s >= limits.min && s <= limits.max;
    const ticks = limits.ticks ? ` = **${limits.ticks(s)} ${limits.tickLabel}**` : '';
    lines.push(`\`${value}\` → **${s} s** after rounding up${ticks}.`);
    lines.push(
      ok
        ? `Within the accepted range of ${limits.label}: ${limits.min}–${limits.max} s.`
        : `**Outside** the accepted range of ${limits.label} (${limits.min}–${limits.max} s): the driver refuses it and systemd leaves the watchdog disarmed.`,
    );
  }
  if (!lines.length || ev?.mode !== 'seconds')
    lines.push(
      `Accepted by ${limits.label}: ${limits.min}–${limits.max} s${limits.source === 'kernel' ? ' (as the kernel reports)' : ''}.`,
    );
  lines.push(
    'Apply a change with `systemctl daemon-reexec`; `wdctl` shows the device and, on newer systems, the time left.',
  );
  return lines.join('\n\n');
}

/** A value that gets its own explanation: a socket hint, a watchdog timeout. */
function valueExtra(info: DirectiveInfo, value: string, doc: SystemdDocument, opts: HoverOptions): string | undefined {
  if (info.section === 'Socket' && info.name === 'FileDescriptorName') {
    const p = parseHint(value);
    if (p?.hint)
      return `**Socket hint** — ${describeHint(p.hint, serviceOf(doc.analysis))}.\n\nA preloaded library (\`Environment=LD_PRELOAD=…\` in a drop-in of the service) makes the daemon's own \`socket()\` call return the descriptor systemd passed instead of creating a new one. The index counts calls with exactly these numbers, from 0.`;
    if (p?.error) return `**Malformed socket hint** — ${p.error}`;
  }
  if (info.section === 'Manager' && HARDWARE_WATCHDOG_SETTINGS.has(info.name)) return watchdogText(value, opts);
  if (info.name === 'Environment' && opts.fileExists) {
    const m = /(?:^|\s)"?LD_PRELOAD=([^\s"]+)/.exec(value);
    if (m) {
      const libs = m[1]!.split(':').filter((l) => l.startsWith('/'));
      const missing = libs.filter((l) => !opts.fileExists!(l));
      return missing.length
        ? `**LD_PRELOAD**: ${missing.map((l) => `\`${l}\``).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not installed on this machine: the service would start without it (the dynamic loader only warns), and no socket is handed over. Install the library first (\`sudo make -C preload install\` puts it at /usr/local/lib/sockethack/libsockethack.so).`
        : `**LD_PRELOAD**: ${libs.map((l) => `\`${l}\``).join(', ')} ${libs.length === 1 ? 'is' : 'are'} installed on this machine.`;
    }
  }
  return undefined;
}

function valueHover(
  value: string,
  info: DirectiveInfo,
  map: (s: number, e: number) => Span,
  valueSpan: Span,
  offset: number,
  doc: SystemdDocument,
  opts: HoverOptions,
): HoverResult | undefined {
  // Position inside the value string.
  let rel = -1;
  for (let i = 0; i <= value.length; i++) {
    const sp = map(i, i + 1);
    if (sp.start >= offset) {
      rel = sp.start === offset ? i : Math.max(0, i - 1);
      break;
    }
  }
  if (rel < 0) rel = value.length - 1;
  if (rel < 0) return undefined;

  // Specifier under the cursor.
  const spec = specifierAround(value, rel);
  if (spec && doc.analysis.dialect?.specifiers && specifierContextFor(info) !== 'none') {
    const s = lookupSpecifier(spec.letter);
    const text =
      spec.letter === '%'
        ? 'A literal `%`.'
        : s
          ? `${s.meaning[0]!.toUpperCase()}${s.meaning.slice(1)} (since systemd ${s.since}).`
          : 'Unknown specifier: systemd refuses the value.';
    const here = expandForUnit(spec.letter, doc);
    return {
      markdown: `**%${spec.letter}** specifier — ${text}${here !== undefined ? `\n\nIn this unit: \`${here}\`.` : ''}`,
      span: map(spec.start, spec.start + 2),
    };
  }

  // The word under the cursor (lists) or the whole value.
  const { start: ws, end: we } = wordAt(value, rel);
  const word = value.slice(ws, we);
  const bare = word.replace(/^~/, '');
  const lines: string[] = [];
  let span = map(ws, we);

  const valueMeaning = (s: string, n: string, v: string): string | undefined =>
    doc.analysis.dialect?.valueMeaning(s, n, v);
  const meaning = valueMeaning(info.section, info.name, bare) ?? valueMeaning(info.section, info.name, value);
  if (meaning) lines.push(`\`${valueMeaning(info.section, info.name, bare) ? bare : value}\` — ${meaning}`);
  if (!meaning && (info.kind === 'bool' || info.kind === 'tristate-bool' || info.kind === 'enum-or-bool')) {
    const b = parseBoolean(value);
    if (b !== undefined) {
      lines.push(`\`${value}\` is a boolean: **${b ? 'true' : 'false'}**.`);
      span = valueSpan;
    }
  }
  if (info.kind === 'timespan-sec' || info.kind === 'nsec') {
    const r = parseTimespan(value, info.kind === 'nsec' ? 0.001 : 1_000_000, info.kind === 'nsec');
    if ('usec' in r) {
      lines.push(
        r.usec === 'infinity'
          ? '`infinity`: no limit.'
          : `\`${value}\` = **${formatSeconds(r.usec / 1e6)}**${r.usec >= 60e6 ? ` (${humanDuration(r.usec / 1e6)})` : ''}.`,
      );
      span = valueSpan;
    }
  }
  if (info.kind === 'bytes' || info.kind === 'bytes-or-percent') {
    const r = parseBytes(value, 1024);
    if ('bytes' in r) {
      lines.push(`\`${value}\` = **${groupDigits(r.bytes)} bytes**.`);
      span = valueSpan;
    }
  }
  if (info.kind === 'signal' || (info.kind === 'enum' && /Signal$/.test(info.name))) {
    const n = parseSignal(bare);
    if (n !== undefined && !/^\d+$/.test(bare))
      lines.push(`\`${bare}\` is signal number **${n}**${n >= 34 ? ' (a real-time signal)' : ''}.`);
  }
  if (info.kind === 'mode' && /^[0-7]{3,4}$/.test(value)) {
    lines.push(
      info.name === 'UMask'
        ? `\`${value}\` is a mask: new files and folders lose ${modeInWords(value)}.`
        : `\`${value}\` — ${modeInWords(value)}.`,
    );
    span = valueSpan;
  }
  if (info.kind === 'calendar') {
    const md = calendarHoverMarkdown(value, (opts.now ?? Date.now)());
    if (md) {
      lines.push(md);
      span = valueSpan;
    }
  }
  if ((info.kind === 'unit' || info.kind === 'unit-list') && opts.describeUnit && /\.[a-z]+$/.test(bare)) {
    const u = opts.describeUnit(bare);
    lines.push(
      u
        ? `**${bare}**${u.description ? ` — ${u.description}` : ''}\n\nDefined in \`${u.path}\`.`
        : `**${bare}** — no unit file of this name was found in the workspace or on this machine.`,
    );
  }
  if (!lines.length) {
    lines.push(`Value of **${info.name}=** — ${info.summary}`);
    span = valueSpan;
  }
  return { markdown: lines.join('\n\n'), span };
}

/** What a unit-name specifier expands to in this unit (undefined for those only known at run time). */
function expandForUnit(letter: string, doc: SystemdDocument): string | undefined {
  const f = doc.file;
  if (f.kind !== 'unit' && f.kind !== 'dropin') return undefined;
  const name = f.unitName;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const at = stem.indexOf('@');
  const prefix = at >= 0 ? stem.slice(0, at) : stem;
  const instance = at >= 0 ? stem.slice(at + 1) : '';
  const unescape = (s: string): string =>
    s.replace(/\\x([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/-/g, '/');
  switch (letter) {
    case 'n':
      return name;
    case 'N':
      return stem;
    case 'p':
      return prefix;
    case 'P':
      return unescape(prefix);
    case 'i':
      return at >= 0 ? instance : '';
    case 'I':
      return at >= 0 ? unescape(instance) : '';
    case 'j':
      return prefix.slice(prefix.lastIndexOf('-') + 1);
    default:
      return undefined;
  }
}

/** 0750 → "owner: read, write, run; group: read, run; others: nothing". */
function modeInWords(mode: string): string {
  const digits = mode.padStart(4, '0').split('').map(Number);
  const who = ['owner', 'group', 'others'];
  const perm = (d: number): string =>
    [d & 4 ? 'read' : '', d & 2 ? 'write' : '', d & 1 ? 'run/enter' : ''].filter(Boolean).join(', ') || 'nothing';
  const special = [
    digits[0]! & 4 ? 'setuid' : '',
    digits[0]! & 2 ? 'setgid' : '',
    digits[0]! & 1 ? 'sticky' : '',
  ].filter(Boolean);
  return `${who.map((w, i) => `${w}: ${perm(digits[i + 1]!)}`).join('; ')}${special.length ? `; plus ${special.join(', ')}` : ''}`;
}

function specifierAround(value: string, rel: number): { letter: string; start: number } | undefined {
  // Find the run of % signs to know whether value[k] starts a specifier.
  for (const k of [rel, rel - 1]) {
    if (k < 0 || value[k] !== '%' || k + 1 >= value.length) continue;
    let n = 0;
    for (let j = k; j >= 0 && value[j] === '%'; j--) n++;
    if (n % 2 === 1) return { letter: value[k + 1]!, start: k };
  }
  return undefined;
}

export function formatSeconds(s: number): string {
  const str = Number.isInteger(s) ? String(s) : s.toFixed(6).replace(/0+$/, '');
  return `${str} s`;
}

function humanDuration(total: number): string {
  const parts: string[] = [];
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  let rest = total;
  for (const [n, u] of units) {
    if (rest >= n) {
      const q = Math.floor(rest / n);
      parts.push(`${q}${u}`);
      rest -= q * n;
    }
  }
  if (rest > 0) parts.push(`${Math.round(rest * 1000)}ms`);
  return parts.join(' ');
}

/** 1234567 → "1,234,567", as `toLocaleString('en-US')` prints it, without paging in ICU's locale data. */
function groupDigits(n: number): string {
  const digits = Number.isSafeInteger(n) || !Number.isInteger(n) ? String(n) : BigInt(n).toString();
  return digits.replace(/^(\d+)/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','));
}
