/**
 * Real and documented dialect files give no errors, and every mutant of them is flagged on the right line:
 * a misspelled key, a bad value for its kind, a key in a section that does not have it, and each dialect's
 * whole-file refusals (no [Match], no Kind=). Sources: test/dialects/examples/ (setups as the man pages describe
 * them, in our own words) and this machine's own files (Debian's systemd ships journald.conf, logind.conf,
 * networkd.conf, pstore.conf, sleep.conf, timesyncd.conf and /usr/lib/systemd/network/*.network; CI has them).
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument } from '../../server/src/services/document.js';
import { computeDiagnostics } from '../../server/src/services/diagnostics.js';
import { NEWEST_VERSION } from '../../server/src/catalog/catalog.js';
import type { Diagnostic } from '../../server/src/services/rules/types.js';
import type { Entry } from '../../server/src/services/model.js';

const EXAMPLES = join(__dirname, 'examples');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

const HOST = [
  ...['journald', 'logind', 'networkd', 'pstore', 'sleep', 'timesyncd'].map((n) => `/etc/systemd/${n}.conf`),
  ...(existsSync('/usr/lib/systemd/network')
    ? readdirSync('/usr/lib/systemd/network')
        .filter((n) => /\.(network|netdev|link)$/.test(n))
        .map((n) => `/usr/lib/systemd/network/${n}`)
    : []),
].filter((p) => existsSync(p));

const SOURCES = [...walk(EXAMPLES), ...HOST].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** A value of each kind that systemd refuses (data/dialects/README.md "New kinds", directives.md). */
const BAD_VALUE: Record<string, string> = {
  bool: 'maybe',
  'tristate-bool': 'maybe',
  enum: 'bogus-value',
  'enum-or-bool': 'bogus-value',
  'timespan-sec': '5parsecs',
  bytes: '12X',
  unsigned: '-1',
  'ip-address': '300.1.1.1',
  'ip-addresses': '300.1.1.1',
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
  'bytes-si': '12X',
  'bool-or-bytes': 'maybe',
  'bool-or-timespan': 'maybe',
  'ip-address-list': '300.1.1.1',
};

function check(path: string, text: string): Diagnostic[] {
  return computeDiagnostics(createDocument(path, text).analysis, { targetVersion: NEWEST_VERSION });
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}

/** Replace physical line `line` (0-based) of `text`. */
function replaceLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line] = replacement;
  return lines.join('\n');
}

interface Mutant {
  readonly what: string;
  readonly path: string;
  readonly text: string;
  readonly line?: number;
  readonly codes?: readonly string[];
}

function mutantsOf(path: string, text: string): Mutant[] {
  const doc = createDocument(path, text);
  const a = doc.analysis;
  const dialect = a.dialect!;
  const out: Mutant[] = [];
  const entries = a.entries.filter(
    (e: Entry) => e.info && e.node.value !== '' && e.node.line === lineOf(text, e.node.start),
  );
  for (const e of entries) {
    const info = e.info!;
    const line = e.node.line;
    const key = e.node.key;
    // 1. A misspelled key: two letters swapped (when that is not another key).
    const i = Math.max(1, Math.floor(key.length / 2));
    const typo = key.slice(0, i - 1) + key[i] + key[i - 1] + key.slice(i + 1);
    if (typo !== key && !dialect.lookup(info.section, typo))
      out.push({
        what: `typo ${key}`,
        path,
        text: replaceLine(text, line, `${typo}=${e.node.value}`),
        line,
        codes: ['unknown-directive', 'directive-wrong-section'],
      });
    // 2. A bad value for its kind.
    const bad = BAD_VALUE[info.kind];
    if (bad && !info.enumValues.includes(bad))
      out.push({ what: `bad ${info.kind} ${key}`, path, text: replaceLine(text, line, `${key}=${bad}`), line });
    // 3. The key in a section of this dialect that does not have it.
    const other = dialect.sections.find(
      (s) => s !== info.section && !dialect.lookup(s, key) && !dialect.section(s)?.netdevKinds,
    );
    if (other && !dialect.sectionless) {
      const moved = `${text.replace(/\n?$/, '\n')}[${other}]\n${key}=${e.node.value}\n`;
      out.push({
        what: `${key} in [${other}]`,
        path,
        text: moved,
        line: moved.split('\n').length - 2,
        codes: ['unknown-directive', 'directive-wrong-section'],
      });
    }
  }
  // 4. Whole-file refusals.
  if (a.file.kind === 'config' && !a.file.dropIn) {
    if (dialect.wholeFileChecks.some((c) => c.check === 'match-required')) {
      const noMatch = a.sections
        .filter((s) => s.section.header?.name === 'Match')
        .reduce((t, s) => t.slice(0, s.section.start) + ' '.repeat(0) + t.slice(s.section.end), text);
      out.push({ what: 'no [Match]', path, text: noMatch, codes: ['file-ignored-no-match'] });
    }
    if (dialect.wholeFileChecks.some((c) => c.check === 'file-required-keys')) {
      out.push({ what: 'no Kind=', path, text: text.replace(/^Kind=.*$/m, ''), codes: ['file-missing-required-key'] });
    }
  }
  return out;
}

describe('dialect conformance: real and documented files', () => {
  it('has sources of every main dialect (examples and this machine)', () => {
    const kinds = new Set(SOURCES.map((s) => createDocument(s.path, s.text).analysis.dialect?.id));
    for (const id of ['network', 'netdev', 'link', 'journald', 'logind', 'resolved', 'udev', 'kernel-install'])
      expect(kinds, id).toContain(id);
    expect(HOST.length, 'Debian ships /etc/systemd/*.conf and /usr/lib/systemd/network/*.network').toBeGreaterThan(6);
  });

  it('gives 0 errors and 0 warnings on them', () => {
    const problems = SOURCES.flatMap((s) =>
      check(s.path, s.text)
        .filter((d) => d.severity === 'error' || d.severity === 'warning')
        .map((d) => `${s.path}:${lineOf(s.text, d.start) + 1} ${d.code} ${d.message}`),
    )
      // Debian's 80-container-host0.network still uses the old [DHCP] section name: a rename, not a mistake.
      .filter((p) => !/80-container-host0\.network:\d+ renamed-directive/.test(p));
    expect(problems).toEqual([]);
  });

  it('flags every mutant on the right line', () => {
    const missed: string[] = [];
    let n = 0;
    for (const s of SOURCES) {
      for (const m of mutantsOf(s.path, s.text)) {
        n++;
        const diags = check(m.path, m.text).filter((d) => d.severity === 'error' || d.severity === 'warning');
        const hit = diags.some(
          (d) => (m.line === undefined || lineOf(m.text, d.start) === m.line) && (!m.codes || m.codes.includes(d.code)),
        );
        if (!hit)
          missed.push(
            `${m.path}: ${m.what} → ${diags.map((d) => `${lineOf(m.text, d.start)}:${d.code}`).join(', ') || 'nothing'}`,
          );
      }
    }
    if (process.env.DIALECT_COUNTS) console.log(`${n} mutants, ${SOURCES.length} files`);
    expect(missed).toEqual([]);
    expect(n).toBeGreaterThanOrEqual(250);
  });
});
