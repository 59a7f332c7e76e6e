/**
 * Checks snippets/systemd.json against data/directives.tsv: every directive a snippet writes must exist (and be
 * active) in the section it is written in, and every literal value of an enumerated or boolean directive, including
 * each option of a `${1|a,b|}` choice and each placeholder default, must be one the directive accepts.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PRELOAD_LIBRARY } from '../../server/src/languageService.js';

const root = join(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------------------------------
// data/directives.tsv

interface DirectiveRow {
  section: string;
  directive: string;
  status: string;
  valueKind: string;
  list: string;
  enumValues: string[];
}

function loadDirectives(): Map<string, DirectiveRow> {
  const [header, ...lines] = readFileSync(join(root, 'data/directives.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const cols = header!.split('\t');
  const col = (name: string): number => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`directives.tsv has no column ${name}`);
    return i;
  };
  const [cSection, cDirective, cStatus, cKind, cList, cEnum] = [
    'section',
    'directive',
    'status_v260',
    'value_kind',
    'list',
    'enum_values',
  ].map(col);
  const map = new Map<string, DirectiveRow>();
  for (const line of lines) {
    const f = line.split('\t');
    const row: DirectiveRow = {
      section: f[cSection!]!,
      directive: f[cDirective!]!,
      status: f[cStatus!] ?? '',
      valueKind: f[cKind!] ?? '',
      list: f[cList!] ?? '',
      enumValues: (f[cEnum!] ?? '').split('|').filter((v) => v !== ''),
    };
    map.set(`${row.section}\t${row.directive}`, row);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------------------------
// VS Code snippet syntax: $1, ${1}, ${1:default}, ${1|a,b|}, $VAR, ${VAR}, ${VAR:default}, escapes \$ \} \\

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; body?: Node[] } // body: placeholder default (may nest)
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; body?: Node[] };

/** Stands for text the user (or VS Code) supplies at expansion time; never a literal value. */
const HOLE = '\u0000';

function parseSnippet(src: string): Node[] {
  let pos = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${pos} in ${JSON.stringify(src)}`);
  };
  function parseSeq(inPlaceholder: boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    while (pos < src.length) {
      const c = src[pos]!;
      if (c === '\\' && pos + 1 < src.length && '$}\\'.includes(src[pos + 1]!)) {
        text += src[pos + 1];
        pos += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        const m = /^\$(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(src.slice(pos));
        if (m) {
          flush();
          pos += m[0].length;
          out.push(m[1] !== undefined ? { kind: 'tabstop', index: Number(m[1]) } : { kind: 'variable', name: m[2]! });
        } else if (src[pos + 1] === '{') {
          flush();
          out.push(parseBraced());
        } else {
          text += c; // a lone "$" is literal text in VS Code snippets
          pos++;
        }
      } else {
        text += c;
        pos++;
      }
    }
    flush();
    return out;
  }
  function parseBraced(): Node {
    pos += 2; // "${"
    const m = /^(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(src.slice(pos));
    if (!m) fail('bad ${...}');
    pos += m![0].length;
    const index = m![1] !== undefined ? Number(m![1]) : undefined;
    const name = m![2];
    const next = src[pos];
    if (next === '}') {
      pos++;
      return index !== undefined ? { kind: 'tabstop', index } : { kind: 'variable', name: name! };
    }
    if (next === ':') {
      pos++;
      const body = parseSeq(true);
      if (src[pos] !== '}') fail('unterminated placeholder');
      pos++;
      return index !== undefined ? { kind: 'tabstop', index, body } : { kind: 'variable', name: name!, body };
    }
    if (next === '|' && index !== undefined) {
      pos++;
      const options: string[] = [];
      let cur = '';
      for (;;) {
        if (pos >= src.length) fail('unterminated choice');
        const c = src[pos]!;
        if (c === '\\' && ',|\\$}'.includes(src[pos + 1] ?? '')) {
          cur += src[pos + 1];
          pos += 2;
        } else if (c === ',') {
          options.push(cur);
          cur = '';
          pos++;
        } else if (c === '|' && src[pos + 1] === '}') {
          options.push(cur);
          pos += 2;
          return { kind: 'choice', index, options };
        } else {
          cur += c;
          pos++;
        }
      }
    }
    return fail('bad ${...}');
  }
  const nodes = parseSeq(false);
  if (pos !== src.length) fail('unbalanced "}"');
  return nodes;
}

function walk(nodes: Node[], f: (n: Node) => void): void {
  for (const n of nodes) {
    f(n);
    if ((n.kind === 'tabstop' || n.kind === 'variable') && n.body) walk(n.body, f);
  }
}

/**
 * The texts the snippet can expand to: every choice at its first option, plus one variant per other option of each
 * choice. Mirrors ($1 after ${1:x}) take the defining placeholder's text; anything without text becomes HOLE.
 */
function expansions(nodes: Node[]): string[] {
  const defs = new Map<number, Node>();
  walk(nodes, (n) => {
    if ((n.kind === 'tabstop' && n.body) || n.kind === 'choice') {
      if (!defs.has(n.index)) defs.set(n.index, n);
    }
  });
  const render = (ns: Node[], pick: Map<number, number>, depth = 0): string => {
    if (depth > 20) throw new Error('recursive placeholders');
    return ns
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return n.text;
          case 'variable':
            return n.body ? HOLE + render(n.body, pick, depth + 1) : HOLE;
          case 'choice':
            return n.options[pick.get(n.index) ?? 0]!;
          case 'tabstop': {
            const d = n.body ? n : defs.get(n.index);
            if (!d) return n.index === 0 ? '' : HOLE;
            if (d.kind === 'choice') return d.options[pick.get(d.index) ?? 0]!;
            return d.kind === 'tabstop' && d.body ? render(d.body, pick, depth + 1) : HOLE;
          }
        }
      })
      .join('');
  };
  const variants = [render(nodes, new Map())];
  for (const d of defs.values()) {
    if (d.kind !== 'choice') continue;
    for (let i = 1; i < d.options.length; i++) variants.push(render(nodes, new Map([[d.index, i]])));
  }
  return variants;
}

// ---------------------------------------------------------------------------------------------------------------
// Unit-file reading (just enough for snippet bodies)

interface Assignment {
  section: string | undefined;
  key: string;
  value: string;
  line: string;
}

function readAssignments(text: string, defaultSection: string | undefined, problems: string[]): Assignment[] {
  const out: Assignment[] = [];
  let section = defaultSection;
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!;
    if (/^\s*[#;]/.test(line)) continue;
    // Continuation: an odd number of trailing backslashes joins the next (non-comment) line.
    while (/(?:^|[^\\])(?:\\\\)*\\$/.test(line) && i + 1 < raw.length) {
      i++;
      if (/^\s*[#;]/.test(raw[i]!)) continue;
      line = line.slice(0, -1) + ' ' + raw[i];
    }
    const t = line.trim();
    if (t === '') continue;
    const header = /^\[([^\]]+)\]$/.exec(t);
    if (header) {
      section = header[1];
      continue;
    }
    const eq = t.indexOf('=');
    if (eq <= 0) {
      problems.push(`not an assignment: ${JSON.stringify(t)}`);
      continue;
    }
    out.push({ section, key: t.slice(0, eq).trim(), value: t.slice(eq + 1).trim(), line: t });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Enumerated values

const BOOL = /^(?:1|yes|y|true|t|on|0|no|n|false|f|off)$/i;
const TIMESPAN_UNITS =
  'usec|us|µs|μs|msec|ms|nsec|ns|seconds|second|sec|s|minutes|minute|min|m|hours|hour|hr|h|days|day|d|weeks|week|w|months|month|M|years|year|y';
const TIMESPAN = new RegExp(`^(?:infinity|(?:(?:\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(?:${TIMESPAN_UNITS})?\\s*)+)$`);

/** One `|`-alternative of enum_values as a predicate. */
function alternative(alt: string): (v: string) => boolean {
  if (alt === '<bool>') return (v) => BOOL.test(v);
  if (alt === '<TIMESPAN>') return (v) => TIMESPAN.test(v);
  const range = /^<(\d+)-(\d+)>$/.exec(alt);
  if (range) return (v) => /^\d+$/.test(v) && Number(v) >= Number(range[1]) && Number(v) <= Number(range[2]);
  if (!alt.includes('<')) return (v) => v === alt;
  const placeholder: Record<string, string> = {
    SYSCALL: '[a-z0-9_]+',
    ERRNO: '(?:E[A-Z0-9]+|\\d+|kill)',
    'ERRNO-NAME': 'E[A-Z0-9]+',
    SIGNAL: '(?:SIG)?[A-Z0-9+\\-]+',
  };
  const re = alt
    .split(/(<[^>]+>)/)
    .map((part) => {
      const p = /^<([^>]+)>$/.exec(part);
      if (p) return placeholder[p[1]!] ?? '.+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const rx = new RegExp(`^${re}$`);
  return (v) => rx.test(v);
}

/** List kinds whose whitespace-separated items each come from enum_values (an optional leading ~ inverts). */
const LIST_KINDS = new Set(['enum-list', 'capability-list', 'address-family-list', 'syscall-filter', 'exit-status']);

/** Returns an error message, or undefined when the value is acceptable (or not checkable). */
function checkValue(row: DirectiveRow, value: string): string | undefined {
  if (value === '' || value.includes(HOLE)) return undefined; // reset, or filled in by the user
  let alts = row.enumValues;
  if (alts.length === 0 && (row.valueKind === 'bool' || row.valueKind === 'tristate-bool')) alts = ['<bool>'];
  if (alts.length === 0) return undefined;
  const preds = alts.filter((a) => a !== '~<LIST>').map(alternative);
  const ok = (v: string): boolean => preds.some((p) => p(v));
  if (LIST_KINDS.has(row.valueKind)) {
    if (alts.includes('<bool>') && BOOL.test(value)) return undefined;
    let items = value.split(/\s+/);
    if (items[0]!.startsWith('~') && alts.includes('~<LIST>'))
      items = [items[0]!.slice(1), ...items.slice(1)].filter((x) => x !== '');
    const bad = items.filter((x) => !ok(x));
    return bad.length ? `${bad.join(', ')} not in ${row.enumValues.join('|')}` : undefined;
  }
  if (row.list !== 'no') return undefined; // other list kinds (paths, tuples, addresses) are free-form
  return ok(value) ? undefined : `${JSON.stringify(value)} not in ${alts.join('|')}`;
}

// ---------------------------------------------------------------------------------------------------------------

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

/** Snippets without a [Section] header are fragments for one section. */
const FRAGMENT_SECTIONS: Record<string, string> = {
  'Sandboxing block': 'Service',
};

const snippetsPath = join(root, 'snippets/systemd.json');
const snippets = JSON.parse(readFileSync(snippetsPath, 'utf8')) as Record<string, Snippet>;
const directives = loadDirectives();

function bodyText(s: Snippet): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

/** All problems of one snippet, as messages (empty when it is fine). */
function snippetProblems(name: string, s: Snippet): string[] {
  const problems: string[] = [];
  const nodes = parseSnippet(bodyText(s));
  const seen = new Set<string>();
  for (const text of expansions(nodes)) {
    for (const a of readAssignments(text, FRAGMENT_SECTIONS[name], problems)) {
      const where = `${a.section ?? '(no section)'}.${a.key}`;
      if (a.key.includes(HOLE) || (a.section ?? '').includes(HOLE)) {
        problems.push(`directive or section name is not literal: ${JSON.stringify(a.line)}`);
        continue;
      }
      if (a.key.startsWith('X-') || a.section?.startsWith('X-')) continue;
      if (a.section === undefined) {
        problems.push(
          `${a.key}= is outside any section; add a [Section] header or list the snippet in FRAGMENT_SECTIONS`,
        );
        continue;
      }
      const row = directives.get(`${a.section}\t${a.key}`);
      if (!row) {
        problems.push(`unknown directive ${where}=`);
        continue;
      }
      if (row.status !== 'active') problems.push(`${where}= is ${row.status}`);
      const err = checkValue(row, a.value);
      if (err && !seen.has(`${where}=${a.value}`)) problems.push(`${where}=${a.value}: ${err}`);
      seen.add(`${where}=${a.value}`);
      if (a.key === 'FileDescriptorName' && !a.value.includes(HOLE)) {
        // fdname_is_valid(): printable ASCII without ':', at most 255 characters.
        if (!/^[\x20-\x39\x3b-\x7e]{0,255}$/.test(a.value)) problems.push(`invalid FileDescriptorName=${a.value}`);
        if (a.value.startsWith('socket(') && !/^socket\(\d+,\d+,\d+\)=\d+$/.test(a.value)) {
          problems.push(`malformed socket hint FileDescriptorName=${a.value}`);
        }
      }
    }
  }
  return [...new Set(problems)];
}

describe('snippet body syntax (test helpers)', () => {
  it('parses tab stops, placeholders, choices, variables and escapes', () => {
    const nodes = parseSnippet('A=${1:x${2:y}} B=${3|p,q\\,r|} C=$1 D=\\$HOME E=$TM_FILENAME F=${4} $0');
    expect(expansions(nodes)).toEqual([
      `A=xy B=p C=xy D=$HOME E=${HOLE} F=${HOLE} `,
      `A=xy B=q,r C=xy D=$HOME E=${HOLE} F=${HOLE} `,
    ]);
    expect(() => parseSnippet('A=${1:x')).toThrow();
  });

  it('reads sections, continuations and comments', () => {
    const problems: string[] = [];
    const got = readAssignments(
      '[Service]\n# c\nExecStart=/bin/a \\\n# skipped\n  b\nbogus line\n[Install]\nWantedBy=x',
      undefined,
      problems,
    );
    expect(got.map((a) => [a.section, a.key, a.value])).toEqual([
      ['Service', 'ExecStart', '/bin/a    b'],
      ['Install', 'WantedBy', 'x'],
    ]);
    expect(problems).toEqual(['not an assignment: "bogus line"']);
  });

  it('catches a bogus directive, a directive in the wrong section and a bad enum value', () => {
    const probe = (body: string[]): string[] => snippetProblems('probe', { prefix: 'p', description: 'd', body });
    expect(probe(['[Service]', 'Type=${1|simple,notify|}', 'PrivateTmp=yes'])).toEqual([]);
    expect(probe(['[Service]', 'FrobnicateSec=5s'])).toEqual(['unknown directive Service.FrobnicateSec=']);
    expect(probe(['[Unit]', 'WantedBy=multi-user.target'])).toEqual(['unknown directive Unit.WantedBy=']);
    expect(probe(['[Service]', 'Type=${1|simple,bogus|}'])).toHaveLength(1);
    expect(probe(['[Service]', 'ProtectSystem=${1:stricter}'])).toHaveLength(1);
    expect(probe(['[Service]', 'NoNewPrivileges=maybe'])).toHaveLength(1);
    expect(probe(['[Service]', 'SystemCallFilter=~@privileged @bogus'])).toHaveLength(1);
    expect(probe(['[Manager]', 'RuntimeWatchdogSec=${1:30s}', 'RebootWatchdogSec=off'])).toEqual([]);
    expect(probe(['[Manager]', 'RuntimeWatchdogSec=soon'])).toHaveLength(1);
    expect(probe(['[Socket]', 'FileDescriptorName=bad:name'])).toHaveLength(1);
    expect(probe(['Type=simple'])).toHaveLength(1);
  });
});

describe('snippets/systemd.json', () => {
  const entries = Object.entries(snippets);

  it('has the expected snippets, each with a prefix, a description and a body', () => {
    expect(entries.length).toBeGreaterThanOrEqual(12);
    const prefixes = entries.flatMap(([, s]) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const [name, s] of entries) {
      expect(typeof s.description === 'string' && s.description.length > 10, `${name}: description`).toBe(true);
      expect(
        prefixes.length > 0 &&
          (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).every((p) => /^[a-z][a-z0-9-]*$/.test(p)),
        `${name}: prefix`,
      ).toBe(true);
      expect(bodyText(s).length, `${name}: body`).toBeGreaterThan(0);
    }
    for (const p of [
      'service-notify',
      'socket',
      'service-socket-activated',
      'socket-fdname-hint',
      'dropin-ld-preload',
      'system-conf-watchdog',
      'sandbox',
      'timer',
      'service-timer-job',
      'service-oneshot',
      'service-template',
      'dropin-execstart',
    ]) {
      expect(prefixes, p).toContain(p);
    }
    for (const name of Object.keys(FRAGMENT_SECTIONS))
      expect(snippets[name], `FRAGMENT_SECTIONS names ${name}`).toBeDefined();
  });

  // Podman Quadlet snippets (quadlet-*) are checked against quadlet.tsv by test/quadlet/quadlet.test.ts.
  it.each(entries.filter(([, s]) => !String(s.prefix).startsWith('quadlet-')))(
    '%s: directives exist in their sections and literal values are valid',
    (name, s) => {
      expect(snippetProblems(name, s)).toEqual([]);
    },
  );

  it('covers what the snippets are for', () => {
    const text = (prefix: string): string => bodyText(entries.find(([, s]) => s.prefix === prefix)![1]);
    expect(text('service-notify')).toMatch(/^Type=\$\{\d+\|notify[,|]/m);
    expect(text('service-notify')).toMatch(/^WatchdogSec=/m);
    const hint = expansions(parseSnippet(text('socket-fdname-hint')))[0]!;
    expect(hint).toMatch(/^ListenStream=127\.0\.0\.1:1883$/m);
    expect(hint).toMatch(/^FileDescriptorName=socket\(2,1,6\)=0$/m);
    expect(hint).toMatch(/^FreeBind=true$/m);
    expect(hint).toMatch(/^Service=.+\.service$/m);
    // The snippet, the setting's default and the generator agree on where the preload library lives.
    expect(text('dropin-ld-preload')).toContain(`Environment=LD_PRELOAD=\${3:${DEFAULT_PRELOAD_LIBRARY}}`);
    expect(text('system-conf-watchdog')).toMatch(/614/);
    expect(text('system-conf-watchdog')).toMatch(/^\[Manager\]$/m);
    expect(text('sandbox')).toMatch(/^SystemCallFilter=@system-service$/m);
    expect(text('service-oneshot')).toMatch(/^RemainAfterExit=yes$/m);
    expect(text('service-template')).toMatch(/%i/);
    expect(text('dropin-execstart')).toMatch(/^ExecStart=\n\s*ExecStart=\S/m);
  });
});
