/**
 * The dialect part of the conformance run (issue 13), bundled by dialects.mjs with esbuild and run in-process: which
 * dialect a corpus file is read in, and the mutants of each file checked through the facade (the same engine the CLI
 * and the editor use). Mutants, one change each, every one of which must be flagged on the right line:
 * - a misspelled key (two letters swapped, when that is not another key of the section);
 * - a bad value for the key's kind (a value systemd refuses, per kind);
 * - the key added to a section of the dialect that does not have it;
 * - the dialect's whole-file refusals: [Match] removed (.network, .link), Kind= removed (.netdev).
 * systemd cannot check these files offline (there is no `systemd-analyze verify` for them), so the reference for
 * "must be flagged" is the dialect's own tables: the mutation is one systemd logs or refuses by construction.
 */
import {
  createLanguageService,
  defaultSettings,
  fileKindOf,
  dialectOfFile,
  positionAt,
  type Diagnostic,
  type SystemdDocument,
} from '../../server/src/languageService.js';

/** A value of each kind that systemd refuses. */
const BAD_VALUE: Readonly<Record<string, string>> = {
  bool: 'maybe',
  'tristate-bool': 'maybe',
  enum: 'bogus-value',
  'enum-or-bool': 'bogus-value',
  'timespan-sec': '5parsecs',
  timespan: '5parsecs',
  bytes: '12X',
  'bytes-si': '12X',
  unsigned: '-1',
  'ip-address': '300.1.1.1',
  'ip-addresses': '300.1.1.1',
  'ip-address-list': '300.1.1.1',
  'ip-prefix': '10.0.0.0/33',
  'mac-address': 'zz:11:22:33:44:55',
  'mac-address-list': 'zz:11:22:33:44:55',
  ifname: 'bad/name',
  'dns-server-list': '300.1.1.1',
  'domain-list': 'bad..domain',
  path: 'relative/path',
  'hex-number': 'zz',
  'tc-handle': 'zz',
  'route-table': '0',
  id128: 'xyz',
  'bool-or-bytes': 'maybe',
  'bool-or-timespan': 'maybe',
};

const KEY_CODES = ['unknown-directive', 'directive-wrong-section'];

export interface FileResult {
  readonly path: string;
  /** True for the shipped sample with its commented settings (`#Storage=auto`) uncommented. */
  readonly uncommented: boolean;
  /** Errors in the text checked (for the uncommented samples; the real files are checked by the CLI). */
  readonly errors: readonly string[];
  /** The dialect id, or undefined: not a file we read (bootchart.conf, zram-generator.conf…). */
  readonly dialect: string | undefined;
  readonly dropIn: boolean;
  readonly mutants: number;
  /** Mutants not flagged on their line: "what → what we reported". */
  readonly missed: readonly string[];
}

interface Mutant {
  readonly what: string;
  readonly text: string;
  readonly line?: number;
  readonly codes?: readonly string[];
}

function replaceLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line] = replacement;
  return lines.join('\n');
}

function mutantsOf(doc: SystemdDocument): Mutant[] {
  const { text } = doc;
  const a = doc.analysis;
  const dialect = a.dialect!;
  const out: Mutant[] = [];
  // One logical line per assignment, not continued (a replaced physical line must be the whole assignment).
  const entries = a.entries.filter(
    (e) => e.info && e.node.value !== '' && !/\\\r?\n/.test(text.slice(e.node.start, e.node.end)),
  );
  for (const e of entries) {
    const info = e.info!;
    const line = e.node.line;
    const key = e.node.key;
    const i = Math.max(1, Math.floor(key.length / 2));
    const typo = key.slice(0, i - 1) + key[i] + key[i - 1] + key.slice(i + 1);
    if (typo !== key && !dialect.lookup(info.section, typo) && dialect.directivesNamed(typo).length === 0) {
      out.push({
        what: `typo ${key}→${typo}`,
        text: replaceLine(text, line, `${typo}=${e.node.value}`),
        line,
        codes: KEY_CODES,
      });
    }
    const bad = BAD_VALUE[info.kind];
    if (bad && !info.enumValues.includes(bad))
      out.push({ what: `bad ${info.kind} ${key}=${bad}`, text: replaceLine(text, line, `${key}=${bad}`), line });
    const other = dialect.sections.find(
      (s) =>
        s !== info.section &&
        !dialect.lookup(s, key) &&
        !dialect.section(s)?.netdevKinds &&
        !dialect.section(s)?.renamedTo,
    );
    if (other && !dialect.sectionless) {
      const moved = `${text.replace(/\n?$/, '\n')}[${other}]\n${key}=${e.node.value}\n`;
      out.push({ what: `${key}= in [${other}]`, text: moved, line: moved.split('\n').length - 2, codes: KEY_CODES });
    }
  }
  if (a.file.kind === 'config' && !a.file.dropIn) {
    if (dialect.wholeFileChecks.some((c) => c.check === 'match-required')) {
      let t = text;
      for (const s of [...a.sections].reverse())
        if (s.section.header?.name === 'Match') t = t.slice(0, s.section.start) + t.slice(s.section.end);
      out.push({ what: 'no [Match]', text: t, codes: ['file-ignored-no-match'] });
    }
    if (dialect.wholeFileChecks.some((c) => c.check === 'file-required-keys') && /^Kind=/m.test(text)) {
      out.push({ what: 'no Kind=', text: text.replace(/^Kind=.*$/m, ''), codes: ['file-missing-required-key'] });
    }
  }
  return out;
}

/** A commented setting of a shipped sample: `#Storage=auto`, `#udev_log=info`, `# Seal=false` (after a space: a capital). */
const COMMENTED = /^#([A-Za-z][A-Za-z0-9_]*=.*)$|^# ([A-Z][A-Za-z0-9]*=.*)$/gm;

/**
 * The daemons' shipped files have every setting commented out at its default (files.md §2.2). Uncommented, the
 * sample must still be a valid file, and it gives the mutants something to change.
 */
export function uncomment(text: string): string | undefined {
  const out = text.replace(COMMENTED, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '');
  return out === text ? undefined : out;
}

/**
 * Recognise each file, make its mutants and check them; `targetVersion` as for the real files. A file with commented
 * settings is checked a second time uncommented (errors reported here), with its own mutants.
 */
export function checkDialectFiles(
  files: readonly { path: string; text: string }[],
  targetVersion: number,
): FileResult[] {
  const settings = { ...defaultSettings(), targetVersion };
  const service = createLanguageService({
    settings: () => settings,
    kernelWatchdogLimits: () => undefined,
    shipped: () => undefined,
  });
  const out: FileResult[] = [];
  const queue = files.map((f) => ({ ...f, uncommented: false }));
  for (let qi = 0; qi < queue.length; qi++) {
    const f = queue[qi]!;
    const kind = fileKindOf(f.path, f.text);
    const dialect = kind.kind === 'config' || kind.kind === 'manager' ? dialectOfFile(kind) : undefined;
    if (!dialect) {
      out.push({
        path: f.path,
        uncommented: f.uncommented,
        errors: [],
        dialect: undefined,
        dropIn: false,
        mutants: 0,
        missed: [],
      });
      continue;
    }
    const doc = service.parse(f.path, f.text);
    const errors = f.uncommented
      ? service
          .getDiagnostics(doc)
          .filter((d) => d.severity === 'error')
          .map((d) => `${positionAt(doc.tree.lineStarts, d.start).line + 1}: error[${d.code}] ${d.message}`)
      : [];
    const u = f.uncommented ? undefined : uncomment(f.text);
    if (u !== undefined) queue.push({ path: f.path, text: u, uncommented: true });
    const missed: string[] = [];
    const mutants = mutantsOf(doc);
    for (const m of mutants) {
      const md = service.parse(f.path, m.text);
      const diags: Diagnostic[] = service
        .getDiagnostics(md)
        .filter((d) => d.severity === 'error' || d.severity === 'warning');
      const lineOf = (d: Diagnostic): number => positionAt(md.tree.lineStarts, d.start).line;
      const hit = diags.some(
        (d) => (m.line === undefined || lineOf(d) === m.line) && (!m.codes || m.codes.includes(d.code)),
      );
      if (!hit) missed.push(`${m.what} → ${diags.map((d) => `${lineOf(d) + 1}:${d.code}`).join(', ') || 'nothing'}`);
    }
    const dropIn = (kind.kind === 'config' || kind.kind === 'manager') && kind.dropIn;
    out.push({
      path: f.path,
      uncommented: f.uncommented,
      errors,
      dialect: dialect.id,
      dropIn,
      mutants: mutants.length,
      missed,
    });
  }
  return out;
}
