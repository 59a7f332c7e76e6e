/**
 * The text of a directive's entry in the machine's own man pages (/usr/share/man/man5/systemd.*.5.gz), rendered
 * as markdown. It then matches the installed systemd exactly. Pages are read lazily and cached; a missing page
 * or an unreadable one simply gives no text.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { BoundedCache } from '../util/cache.js';

const MAN_DIRS = ['/usr/share/man', '/usr/local/share/man'];
/** Parsed pages (the one cache policy, util/cache.ts): a page is read once, again after files change. */
const pages = new BoundedCache<string, Map<string, string> | null>({ max: 32, ttlMs: Infinity });

/** "systemd.exec(5)" -> path of the page file, if installed. */
function pagePath(page: string): string | undefined {
  const m = /^([\w.-]+)\((\d)\)$/.exec(page);
  if (!m) return undefined;
  for (const dir of MAN_DIRS) {
    for (const ext of ['.gz', '']) {
      const p = `${dir}/man${m[2]}/${m[1]}.${m[2]}${ext}`;
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}

/** Inline roff to markdown: fonts, escapes. */
export function roffInline(s: string): string {
  return s
    .replace(/\\h'[^']*'\\\(bu\\h'[^']*'(\\c)?/g, '• ')
    .replace(/\\fB([^\\]*(?:\\(?!f)[^\\]*)*)\\f[RP]/g, '**$1**')
    .replace(/\\fI([^\\]*(?:\\(?!f)[^\\]*)*)\\f[RP]/g, '`$1`')
    .replace(/\\f[BIRP]/g, '')
    .replace(/\\&/g, '')
    .replace(/\\-/g, '-')
    .replace(/\\\(em/g, '—')
    .replace(/\\\(en/g, '–')
    .replace(/\\\(bu/g, '•')
    .replace(/\\\(aq/g, "'")
    .replace(/\\\(dq/g, '"')
    .replace(/\\\(lq|\\\(rq/g, '"')
    .replace(/\\\*\(Aq/g, "'")
    .replace(/\\e/g, '\\')
    .replace(/\\ /g, ' ')
    .replace(/\\c$/g, '');
}

/** Parse a page: every `.PP` entry whose terms are `\fIName=\fR` lines, body up to its closing `.RE`. */
export function parseManPage(roff: string): Map<string, string> {
  const lines = roff.split('\n');
  const entries = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '.PP') continue;
    const terms: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j]!.startsWith('\\fI') && lines[j]!.includes('=')) {
      for (const m of lines[j]!.matchAll(/\\fI([A-Za-z0-9]+)=/g)) terms.push(m[1]!);
      j++;
    }
    if (!terms.length || lines[j] !== '.RS 4') continue;
    let depth = 1;
    let out = '';
    let k = j + 1;
    let inCode = false;
    for (; k < lines.length && depth > 0; k++) {
      const l = lines[k]!;
      if (l === '.TS') {
        // A tbl table: rendered as a markdown table, not as raw roff.
        let e = k + 1;
        while (e < lines.length && lines[e] !== '.TE') e++;
        out += `\n\n${tableToMarkdown(lines.slice(k + 1, e))}\n\n`;
        k = e;
        continue;
      }
      if (l.startsWith('.RS')) {
        depth++;
        continue;
      }
      if (l.startsWith('.RE')) {
        depth--;
        continue;
      }
      if (l === '.nf') {
        inCode = true;
        out += '\n\n```\n';
        continue;
      }
      if (l === '.fi') {
        inCode = false;
        out += '```\n\n';
        continue;
      }
      if (inCode) {
        if (!l.startsWith('.')) out += `${roffInline(l).replace(/\*\*|`/g, '')}\n`;
        continue;
      }
      if (l === '.sp' || l === '.PP' || l === '.br') {
        out += '\n\n';
        continue;
      }
      if (l.startsWith('.')) continue;
      const t = roffInline(l);
      out += out === '' || out.endsWith('\n') ? t : ` ${t}`;
    }
    const md = out
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    for (const t of terms) if (!entries.has(t)) entries.set(t, md);
    i = k - 1;
  }
  return entries;
}

/**
 * A tbl(1) table body (between .TS and .TE) as a markdown table: the options line (`allbox tab(:);`), the format
 * lines up to the one ending in '.', `.T&` format changes, and data rows whose cells are plain text or `T{ … T}`
 * blocks separated by the tab character.
 */
export function tableToMarkdown(body: readonly string[]): string {
  let i = 0;
  let tab = '\t';
  if (body[0]?.trimEnd().endsWith(';')) {
    const m = /tab\((.)\)/.exec(body[0]);
    if (m) tab = m[1]!;
    i = 1;
  }
  const skipFormat = (): void => {
    while (i < body.length && !body[i]!.trimEnd().endsWith('.')) i++;
    i++;
  };
  skipFormat();
  const rows: string[][] = [];
  let row: string[] = [];
  let cell: string[] | undefined;
  for (; i < body.length; i++) {
    const l = body[i]!;
    if (cell) {
      if (l.startsWith('T}')) {
        row.push(cell.join(' '));
        cell = undefined;
        const rest = l.slice(2);
        if (rest.startsWith(tab)) {
          const next = rest.slice(1);
          if (next === 'T{') cell = [];
          else if (next) row.push(next);
        } else {
          rows.push(row);
          row = [];
        }
      } else if (!l.startsWith('.')) cell.push(roffInline(l));
      continue;
    }
    if (l === '.T&') {
      i++;
      skipFormat();
      i--;
      continue;
    }
    if (l.startsWith('.')) continue;
    const parts = l.split(tab);
    for (let p = 0; p < parts.length; p++) {
      if (parts[p] === 'T{' && p === parts.length - 1) {
        cell = [];
        break;
      }
      row.push(roffInline(parts[p]!));
    }
    if (!cell) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  const useful = rows.filter((r) => r.some((c) => c.trim()));
  if (!useful.length) return '';
  const width = Math.max(...useful.map((r) => r.length));
  const fmt = (r: string[]): string =>
    `| ${Array.from({ length: width }, (_, c) => (r[c] ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()).join(' | ')} |`;
  return [fmt(useful[0]!), `|${' --- |'.repeat(width)}`, ...useful.slice(1).map(fmt)].join('\n');
}

function loadPage(page: string): Map<string, string> | null {
  return pages.get(page, () => readPage(page));
}

function readPage(page: string): Map<string, string> | null {
  let result: Map<string, string> | null = null;
  try {
    const p = pagePath(page);
    if (p) {
      const raw = readFileSync(p);
      result = parseManPage((p.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
    }
  } catch {
    result = null;
  }
  return result;
}

/** The local man page text for a directive, or undefined when the page or entry is not installed. */
export function localManEntry(page: string, directive: string): string | undefined {
  if (!page) return undefined;
  return loadPage(page)?.get(directive);
}
