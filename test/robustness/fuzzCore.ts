/**
 * The fuzzing core shared by `scripts/fuzz.mjs` (long runs, bundled with esbuild) and `fuzz.test.ts` (a bounded
 * run under vitest). One input is a unit text (random, structured, or a mutation of a real unit, possibly via the
 * lossless bytes decoder), a file path (decides the file kind) and some offsets. `checkInput` runs the parser
 * (exact round trip, tiling) and every language-service feature at those offsets; any exception, a rule that
 * throws, or a broken protocol invariant (a span outside the text, a completion range that does not hold the
 * cursor, a symbol whose selection is outside its range, overlapping code-action edits) is a failure.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseUnit, printUnit } from '../../server/src/parser/parser.js';
import { decodeBytes, encodeText } from '../../server/src/parser/bytes.js';
import { positionAt, offsetAt, computeLineStarts } from '../../server/src/parser/lineIndex.js';
import { createDocument, getDiagnostics, textEditsOf, type SystemdDocument } from '../../server/src/languageService.js';
import { getCompletions } from '../../server/src/services/completion.js';
import { getHover } from '../../server/src/services/hover.js';
import { getDocumentSymbols, type SymbolResult } from '../../server/src/services/symbols.js';
import { getFoldingRanges } from '../../server/src/services/folding.js';
import { getDocumentLinks } from '../../server/src/services/links.js';
import { getDefinition } from '../../server/src/services/definition.js';
import { getCodeActions, type DiagnosticLike } from '../../server/src/services/codeActions.js';
import { allDirectives, allSpecifiers } from '../../server/src/catalog/catalog.js';
import type { Span } from '../../server/src/parser/ast.js';

export { fc };

export interface FuzzInput {
  /** Where the text came from (for the report). */
  readonly origin: string;
  readonly path: string;
  /** Raw bytes (decoded with decodeBytes) or text. */
  readonly bytes?: Uint8Array;
  readonly text?: string;
  /** Raw offsets, taken modulo (text length + 1). */
  readonly offsets: readonly number[];
  readonly maxDiagnostics: number;
  readonly targetVersion: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus of real units (mutation seeds)

/** Real unit files as bytes: every regular file directly in the given folders (and one level of *.d/ drop-ins). */
export function loadCorpus(dirs: readonly string[], max = 5000): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const visit = (dir: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      if (out.length >= max) return;
      const p = join(dir, n);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (depth < 6 && n !== 'node_modules') visit(p, depth + 1);
        continue;
      }
      if (!st.isFile() || st.size > 256 * 1024) continue;
      if (!/\.(service|socket|timer|target|mount|automount|swap|path|slice|scope|device|conf)$/.test(n)) continue;
      try {
        out.push({ name: p, bytes: new Uint8Array(readFileSync(p)) });
      } catch {
        /* unreadable */
      }
    }
  };
  for (const d of dirs) visit(d, 0);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

const PATHS = [
  '/etc/systemd/system/foo.service',
  '/etc/systemd/system/foo@.service',
  '/run/a.socket',
  '/x/a.timer',
  '/x/home.mount',
  '/x/a.path',
  '/x/a.swap',
  '/x/a.automount',
  '/x/a.slice',
  '/x/a.scope',
  '/x/a.target',
  '/x/dev-sda.device',
  '/etc/systemd/system/foo.service.d/override.conf',
  '/etc/systemd/system/service.d/10.conf',
  '/etc/systemd/system/foo-.service.d/a.conf',
  '/etc/systemd/system.conf',
  '/etc/systemd/user.conf.d/a.conf',
  '/etc/systemd/system/.#foo.service0123456789abcdef',
  '/etc/systemd/journald.conf',
  'untitled:Untitled-1',
];

const SECTIONS = [
  'Unit',
  'Service',
  'Socket',
  'Timer',
  'Mount',
  'Automount',
  'Swap',
  'Path',
  'Slice',
  'Scope',
  'Install',
  'Manager',
  'X-Foo',
  'Target',
  'Device',
  'Unit ',
  'unit',
  '',
];
const VALUE_TOKENS = [
  'yes',
  'no',
  'true',
  'off',
  '%n',
  '%i',
  '%%',
  '%',
  '%Z',
  '~',
  '1min 30s',
  '5s',
  'infinity',
  '0',
  '-1',
  '18446744073709551616',
  '/usr/bin/foo',
  '-/bin/x',
  '@/bin/a',
  '+!/bin/a',
  ':/bin/b',
  '${VAR}',
  '$VAR',
  '"quoted',
  "'q'",
  '"a b"',
  '\\',
  '\\x41',
  '50%',
  '1G',
  '1.5K',
  'AF_INET',
  'AF_UNIX',
  'CAP_SYS_ADMIN',
  '~@mount',
  '@system-service',
  'foo.service',
  'bar@x.socket',
  'a.slice',
  'SIGTERM',
  'SIGRTMIN+3',
  'man:systemd.exec(5)',
  'https://example.com',
  'file:/x',
  'tcp://[::1]:80',
  '127.0.0.1:8080',
  '[::]:53',
  'vsock:2:80',
  '0-3',
  '*-*-* 00:00:00',
  'Mon..Fri',
  'daily',
  'weekly',
  '|/x',
  '!|/y',
  'a=b',
  'nobody',
  '65534',
  'root',
  'é',
  '\uD83D\uDE00',
  '\uDC80',
  '\0',
  ' ',
  '\t',
];

const directiveInfos = allDirectives();
const specLetters = allSpecifiers().map((s) => `%${s.letter}`);

const lineEnd = fc.constantFrom('\n', '\n', '\n', '\n', '\n', '\n', '\r\n', '\r', '\0', '');

const valueArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...VALUE_TOKENS) },
      { weight: 2, arbitrary: fc.constantFrom(...specLetters) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    { maxLength: 5 },
  )
  .chain((toks) => fc.constantFrom(' ', '', ' ', '  ').map((sep) => toks.join(sep)));

const assignmentArb: fc.Arbitrary<string> = fc.oneof(
  // A known directive with a value drawn from its enum values or from the tokens.
  fc
    .tuple(
      fc.nat({ max: directiveInfos.length - 1 }),
      fc.boolean(),
      valueArb,
      fc.constantFrom('=', ' = ', '=', '= ', ' ='),
    )
    .map(([i, useEnum, v, eq]) => {
      const info = directiveInfos[i]!;
      const ev = info.enumValues.filter((x) => !x.includes('<'));
      const value = useEnum && ev.length ? ev[v.length % ev.length]! : v;
      return `${info.name}${eq}${value}`;
    }),
  // A made-up key.
  fc
    .tuple(
      fc.constantFrom('Foo', 'X-Thing', 'Exec', 'execstart', 'ExecStrat', 'Restart', 'User', 'After', 'Type', ''),
      valueArb,
    )
    .map(([k, v]) => `${k}=${v}`),
);

const lineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...SECTIONS).map((s) => `[${s}]`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((s) => `[${s}`) },
  { weight: 8, arbitrary: assignmentArb },
  { weight: 2, arbitrary: assignmentArb.map((a) => `${a} \\`) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('#', ';', '  #'), fc.string({ maxLength: 20 })).map(([m, s]) => m + s),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\t',
      '.include /etc/foo.service',
      '=x',
      'NoEquals',
      '\uFEFF',
      '\\',
      '\\\\',
      '[Service]\\',
    ),
  },
  { weight: 1, arbitrary: valueArb.map((v) => `  ${v}\\`) },
);

/** A structured unit: lines from a unit-file grammar, with mixed line ends. */
export const structuredText: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(lineArb, lineEnd), { maxLength: 40 }))
  .map(([bom, lines]) => (bom ? '\uFEFF' : '') + lines.map(([l, e]) => l + e).join(''));

const unitChar = fc.constantFrom(
  '[',
  ']',
  '=',
  '\\',
  '#',
  ';',
  ' ',
  '\t',
  '\n',
  '\r',
  '\0',
  'a',
  'B',
  '%',
  '"',
  "'",
  '\uFEFF',
  'é',
  '\uD83D\uDE00',
  '\uDC80',
  '\uD800',
  '.',
  'i',
  'n',
  'c',
  'l',
  'u',
  'd',
  'e',
  'S',
  'x',
  '~',
  '@',
  '-',
  '/',
  '$',
  '{',
  '}',
  ':',
);

const enc = (s: string): number[] => [...Buffer.from(s, 'utf8')];
const INSERT_TOKENS: number[][] = [
  '\\',
  '\\\n',
  '\\\r\n',
  '%',
  '%%',
  '%n',
  '=',
  '==',
  '[',
  ']',
  '[Service]\n',
  '\0',
  '\r\n',
  '\r',
  '\n',
  '#',
  ';',
  ' ',
  '\t',
  '"',
  "'",
  '~',
  'ExecStart=',
  'Type=',
  '\uFEFF',
  '$',
  '${',
  '\u00e9',
  '\u{1F600}',
].map(enc);
const INVALID_UTF8: number[][] = [
  [0xff],
  [0xfe],
  [0xc3],
  [0x80],
  [0xbf],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];

export type Mutation =
  | { op: 'flip'; pos: number; bit: number }
  | { op: 'setByte'; pos: number; value: number }
  | { op: 'dupLine'; pos: number; times: number }
  | { op: 'insert'; pos: number; tok: number }
  | { op: 'invalid'; pos: number; seq: number }
  | { op: 'delete'; pos: number; len: number }
  | { op: 'crlf' }
  | { op: 'cr' }
  | { op: 'bom' }
  | { op: 'truncate'; pos: number };

const posArb = fc.nat({ max: 1 << 20 });
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), pos: posArb, bit: fc.nat({ max: 7 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('setByte' as const), pos: posArb, value: fc.nat({ max: 255 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('dupLine' as const), pos: posArb, times: fc.integer({ min: 1, max: 4 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      pos: posArb,
      tok: fc.nat({ max: INSERT_TOKENS.length - 1 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('invalid' as const),
      pos: posArb,
      seq: fc.nat({ max: INVALID_UTF8.length - 1 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pos: posArb, len: fc.nat({ max: 40 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'crlf' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'cr' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), pos: posArb }) },
);

/** Apply mutations to a byte array (positions taken modulo its length). */
export function mutate(src: Uint8Array, muts: readonly Mutation[]): Uint8Array {
  let b = Array.from(src);
  const at = (p: number, extra = 1): number => p % (b.length + extra);
  for (const m of muts) {
    switch (m.op) {
      case 'flip':
        if (b.length) {
          const i = at(m.pos, 0);
          b[i] = b[i]! ^ (1 << m.bit);
        }
        break;
      case 'setByte':
        if (b.length) b[at(m.pos, 0)] = m.value;
        break;
      case 'dupLine': {
        const i = at(m.pos);
        let s = i;
        while (s > 0 && b[s - 1] !== 10) s--;
        let e = i;
        while (e < b.length && b[e] !== 10) e++;
        if (e < b.length) e++;
        const line = b.slice(s, e);
        const copies: number[][] = [];
        for (let k = 0; k < m.times; k++) copies.push(line);
        b = b.slice(0, e).concat(...copies, b.slice(e));
        break;
      }
      case 'insert': {
        const i = at(m.pos);
        b = b.slice(0, i).concat(INSERT_TOKENS[m.tok]!, b.slice(i));
        break;
      }
      case 'invalid': {
        const i = at(m.pos);
        b = b.slice(0, i).concat(INVALID_UTF8[m.seq]!, b.slice(i));
        break;
      }
      case 'delete':
        b.splice(at(m.pos), m.len);
        break;
      case 'crlf': {
        const o: number[] = [];
        for (const x of b) {
          if (x === 10) o.push(13);
          o.push(x);
        }
        b = o;
        break;
      }
      case 'cr':
        b = b.map((x) => (x === 10 ? 13 : x));
        break;
      case 'bom':
        b.unshift(0xef, 0xbb, 0xbf);
        break;
      case 'truncate':
        b = b.slice(0, at(m.pos));
        break;
    }
  }
  return Uint8Array.from(b);
}

const common = fc.record({
  path: fc.constantFrom(...PATHS),
  offsets: fc.array(fc.nat({ max: 1 << 30 }), { minLength: 1, maxLength: 8 }),
  maxDiagnostics: fc.constantFrom(1000, 1000, 1000, 1, 3),
  targetVersion: fc.constantFrom(260, 260, 252, 200, 1),
});

export interface Arbitraries {
  readonly random: fc.Arbitrary<FuzzInput>;
  readonly bytes: fc.Arbitrary<FuzzInput>;
  readonly structured: fc.Arbitrary<FuzzInput>;
  readonly mutated: fc.Arbitrary<FuzzInput> | undefined;
  readonly all: fc.Arbitrary<FuzzInput>;
}

/** The input generators. `corpus` holds the real units to mutate (none: no mutation inputs). */
export function arbitraries(corpus: readonly { name: string; bytes: Uint8Array }[]): Arbitraries {
  const random = fc
    .tuple(
      fc.oneof(
        fc.string({ unit: unitChar, maxLength: 400 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.string({ maxLength: 200 }),
      ),
      common,
    )
    .map(([text, c]): FuzzInput => ({ origin: 'random string', text, ...c }));
  const bytes = fc
    .tuple(fc.uint8Array({ maxLength: 400 }), common)
    .map(([b, c]): FuzzInput => ({ origin: 'random bytes', bytes: b, ...c }));
  const structured = fc
    .tuple(structuredText, common)
    .map(([text, c]): FuzzInput => ({ origin: 'structured', text, ...c }));
  const mutated = corpus.length
    ? fc
        .tuple(
          fc.nat({ max: corpus.length - 1 }),
          fc.array(mutationArb, { minLength: 1, maxLength: 8 }),
          common,
          fc.boolean(),
        )
        .map(([i, muts, c, keepPath]): FuzzInput => {
          const seed = corpus[i]!;
          return {
            origin: `mutation of ${seed.name}: ${JSON.stringify(muts)}`,
            bytes: mutate(seed.bytes, muts),
            ...c,
            path: keepPath ? seed.name : c.path,
          };
        })
    : undefined;
  const all = fc.oneof(
    { weight: 2, arbitrary: random },
    { weight: 1, arbitrary: bytes },
    { weight: 3, arbitrary: structured },
    ...(mutated ? [{ weight: 4, arbitrary: mutated }] : []),
  );
  return { random, bytes, structured, mutated, all };
}

// ---------------------------------------------------------------------------------------------------------------
// The property

class Invariant extends Error {
  override name = 'InvariantViolation';
}
function ensure(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Invariant(what);
}

/**
 * Bugs found by fuzzing and reported, not yet fixed (this folder does not own the code). While an id is listed, a
 * violation of that check is counted in `stats.known` instead of failing, so fuzzing can go on finding new ones.
 * Remove the id once the fix is in; `--strict` (fuzz.mjs) or `strict: true` ignores this list.
 */
export const KNOWN_ISSUES: ReadonlySet<string> = new Set<string>([]);
let strictMode = false;
export function setStrict(v: boolean): void {
  strictMode = v;
}
let currentStats: CheckStats | undefined;
/** Like ensure, for a check that has a known, reported bug: tolerated (and counted) unless strict. */
function ensureKnown(id: string, cond: unknown, what: string): void {
  if (cond) return;
  if (!strictMode && KNOWN_ISSUES.has(id)) {
    if (currentStats) currentStats.known[id] = (currentStats.known[id] ?? 0) + 1;
    return;
  }
  throw new Invariant(`[${id}] ${what}`);
}

const inText = (s: Span, len: number): boolean =>
  Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= len;

/** Does [start, end) cross a line break (LSP: completion ranges must be single-line)? */
function crossesLine(text: string, s: Span): boolean {
  for (let i = s.start; i < s.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

export interface CheckStats {
  diagnostics: number;
  completions: number;
  hovers: number;
  actions: number;
  /** Violations of known (reported, unfixed) issues, by id. */
  known: Record<string, number>;
}

export const newStats = (): CheckStats => ({ diagnostics: 0, completions: 0, hovers: 0, actions: 0, known: {} });

/** Run the parser and every feature on one input; throws on any failure. */
export function checkInput(input: FuzzInput, stats?: CheckStats): void {
  currentStats = stats;
  let text: string;
  if (input.bytes) {
    text = decodeBytes(input.bytes);
    const back = encodeText(text);
    ensure(Buffer.from(back).equals(Buffer.from(input.bytes)), 'bytes: encodeText(decodeBytes(b)) !== b');
  } else {
    text = input.text!;
  }
  const len = text.length;

  // Parser: total, lossless, tiling.
  const tree = parseUnit(text);
  ensure(printUnit(tree) === text, 'parser: printUnit(parseUnit(t)) !== t');
  let pos = 0;
  for (const n of tree.nodes) {
    ensure(
      n.start === pos && n.end >= n.start,
      `parser: nodes do not tile the text at ${pos} (${n.kind} ${n.start}-${n.end})`,
    );
    pos = n.end;
  }
  ensure(pos === len, `parser: nodes end at ${pos}, text at ${len}`);
  ensure(
    !tree.problems.some((p) => p.message.startsWith('Internal parser error')),
    `parser: internal error: ${tree.problems[0]?.message}`,
  );
  for (const p of tree.problems)
    ensure(inText(p, len), `parser: problem ${p.code} span ${p.start}-${p.end} outside the text`);
  const ls = computeLineStarts(text);
  ensure(ls.length === tree.lineStarts.length, 'parser: lineStarts differ from computeLineStarts');

  // Language service.
  const doc: SystemdDocument = createDocument(input.path, text);
  const ruleErrors: string[] = [];
  const diags = getDiagnostics(doc, {
    maxDiagnostics: input.maxDiagnostics,
    targetVersion: input.targetVersion,
    onRuleError: (rule, err) =>
      ruleErrors.push(`${rule}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  });
  ensure(ruleErrors.length === 0, `diagnostics: rule threw: ${ruleErrors.join('; ')}`);
  ensure(diags.length <= input.maxDiagnostics + 1, `diagnostics: ${diags.length} > limit ${input.maxDiagnostics} + 1`);
  for (const d of diags) {
    ensure(inText(d, len), `diagnostics: ${d.code} span ${d.start}-${d.end} outside the text (length ${len})`);
    ensure(typeof d.message === 'string' && d.message.length > 0, `diagnostics: ${d.code} has no message`);
    ensure(
      ['error', 'warning', 'info', 'hint'].includes(d.severity),
      `diagnostics: ${d.code} bad severity ${d.severity}`,
    );
  }
  if (stats) stats.diagnostics += diags.length;

  const toRange = (s: Span) => ({
    start: positionAt(tree.lineStarts, s.start),
    end: positionAt(tree.lineStarts, s.end),
  });
  const toOffset = (p: { line: number; character: number }): number => offsetAt(tree.lineStarts, len, p);

  const env = {
    targetVersion: input.targetVersion,
    unitNames: () => ['a.service', 'b.socket', 'c.slice', 'd@.service', 'multi-user.target'],
  };
  const offsets = [...new Set([...input.offsets.map((o) => o % (len + 1)), len])];
  for (const off of offsets) {
    ensure(
      toOffset(positionAt(tree.lineStarts, off)) === off,
      `lineIndex: offset ${off} does not round-trip through a position`,
    );
    const items = getCompletions(doc, off, env);
    for (const it of items) {
      ensure(
        inText(it.replace, len),
        `completion at ${off}: '${it.label}' replace ${it.replace.start}-${it.replace.end} outside the text`,
      );
      ensure(
        it.replace.start <= off && off <= it.replace.end,
        `completion at ${off}: '${it.label}' replace ${it.replace.start}-${it.replace.end} does not contain the cursor`,
      );
      ensure(
        !crossesLine(text, it.replace),
        `completion at ${off}: '${it.label}' replace ${it.replace.start}-${it.replace.end} spans lines`,
      );
      ensure(typeof it.label === 'string' && typeof it.insertText === 'string', `completion at ${off}: bad item`);
    }
    if (stats) stats.completions += items.length;
    const h = getHover(doc, off, { targetVersion: input.targetVersion, manPages: true });
    if (h) {
      ensure(inText(h.span, len), `hover at ${off}: span ${h.span.start}-${h.span.end} outside the text`);
      ensure(typeof h.markdown === 'string' && h.markdown.length > 0, `hover at ${off}: empty markdown`);
      if (stats) stats.hovers++;
    }
    const defs = getDefinition(doc, off, { find: () => [] });
    ensure(Array.isArray(defs), 'definition: not an array');
  }

  const checkSymbol = (s: SymbolResult, parent?: SymbolResult): void => {
    ensure(inText(s.span, len) && inText(s.selection, len), `symbols: '${s.name}' span outside the text`);
    ensureKnown(
      'symbol-selection-outside-range',
      s.selection.start >= s.span.start && s.selection.end <= s.span.end,
      `symbols: '${s.name}' selection ${s.selection.start}-${s.selection.end} not inside range ${s.span.start}-${s.span.end}`,
    );
    ensure(
      typeof s.name === 'string' && s.name.length > 0,
      `symbols: empty name at ${s.span.start} (VS Code rejects empty symbol names)`,
    );
    void parent;
    for (const c of s.children ?? []) checkSymbol(c, s);
  };
  for (const s of getDocumentSymbols(doc)) checkSymbol(s);

  const lineCount = tree.lineStarts.length;
  for (const f of getFoldingRanges(doc)) {
    ensure(
      f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lineCount,
      `folding: bad range ${f.startLine}-${f.endLine} (${lineCount} lines)`,
    );
  }

  for (const exists of [() => true, () => false]) {
    for (const l of getDocumentLinks(doc, exists)) {
      ensure(inText(l.span, len), `links: span ${l.span.start}-${l.span.end} outside the text`);
      ensure(typeof l.target === 'string' && l.target.length > 0, 'links: empty target');
    }
  }

  // Code actions for each diagnostic, as the client would send it back; edits must be valid and not overlap.
  const uri = 'file:///fuzz/unit';
  let applied = 0;
  for (const d of diags) {
    const dl: DiagnosticLike = { range: toRange(d), code: d.code, message: d.message, data: d.data };
    const actions = getCodeActions(doc, [dl], { uri, toOffset, toRange });
    if (stats) stats.actions += actions.length;
    for (const a of actions) {
      const edits = textEditsOf(a, uri);
      const spans = edits.map((e) => ({
        start: toOffset(e.range.start),
        end: toOffset(e.range.end),
        newText: e.newText,
      }));
      for (const s of spans) ensure(inText(s, len), `code action '${a.title}': edit outside the text`);
      const sorted = [...spans].sort((x, y) => x.start - y.start || x.end - y.end);
      for (let i = 1; i < sorted.length; i++) {
        ensure(
          sorted[i]!.start >= sorted[i - 1]!.end,
          `code action '${a.title}': overlapping edits ${sorted[i - 1]!.start}-${sorted[i - 1]!.end} and ${sorted[i]!.start}-${sorted[i]!.end}`,
        );
      }
      // Apply the edits and analyse the result (bounded: this is the harness's cost, not the server's).
      if (applied++ < 8) {
        let out = text;
        for (const s of [...sorted].reverse()) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
        const after = createDocument(input.path, out);
        getDiagnostics(after, { maxDiagnostics: input.maxDiagnostics });
      }
    }
  }
}

/** A short, readable rendering of a (shrunk) input for failure reports. */
export function describeInput(input: FuzzInput): string {
  const text = input.bytes ? decodeBytes(input.bytes) : input.text!;
  const lines = [
    `origin: ${input.origin.length > 400 ? `${input.origin.slice(0, 400)}…` : input.origin}`,
    `path: ${input.path}`,
    `offsets: ${JSON.stringify(input.offsets.map((o) => o % (text.length + 1)))}  maxDiagnostics: ${input.maxDiagnostics}  targetVersion: ${input.targetVersion}`,
  ];
  if (input.bytes)
    lines.push(`bytes (${input.bytes.length}, hex): ${Buffer.from(input.bytes).toString('hex').slice(0, 4000)}`);
  lines.push(`text (${text.length} UTF-16 units, JSON): ${JSON.stringify(text).slice(0, 4000)}`);
  return lines.join('\n');
}

/** Folders of real units used as mutation seeds. */
export const CORPUS_DIRS = [
  'examples',
  'test/fixtures',
  '/lib/systemd/system',
  '/usr/lib/systemd/user',
  '.cache/conformance/pkgs',
];
