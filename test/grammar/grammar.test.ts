/**
 * Runs the TextMate grammar tests (vscode-tmgrammar-test unit assertions in test/grammar/unit/*.test.*, and
 * vscode-tmgrammar-snap snapshots in test/grammar/snap/) from vitest, and sanity-checks
 * language-configuration.json. The same commands can be run directly; see the README of test/grammar.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const grammarPath = 'syntaxes/systemd.tmLanguage.json';

function runTool(script: 'unit' | 'snapshot', args: string[]): { status: number | null; output: string } {
  const entry = join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', `${script}.js`);
  const r = spawnSync(process.execPath, [entry, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('TextMate grammar', () => {
  it('is valid JSON with scopeName source.systemd', () => {
    const g = JSON.parse(readFileSync(join(root, grammarPath), 'utf8')) as {
      scopeName: string;
      patterns: unknown[];
      repository: Record<string, unknown>;
    };
    expect(g.scopeName).toBe('source.systemd');
    expect(g.patterns.length).toBeGreaterThan(0);
    // Every #include points at an existing repository entry.
    const includes = [...JSON.stringify(g).matchAll(/"include":"#([^"]+)"/g)].map((m) => m[1]!);
    expect(includes.filter((i) => !(i in g.repository))).toEqual([]);
  });

  it('passes the unit assertions in test/grammar/unit/*.test.*', () => {
    const cases = readdirSync(join(root, 'test/grammar/unit')).filter((f) => /\.test\.(?!ts$)/.test(f));
    expect(cases.length).toBeGreaterThanOrEqual(6);
    const r = runTool('unit', ['--compact', '-g', grammarPath, 'test/grammar/unit/*.test.*']);
    expect(r.output).not.toMatch(/ERROR|failed/);
    expect(r.status, r.output).toBe(0);
  });

  it('matches the committed snapshots in test/grammar/snap/', () => {
    const sources = readdirSync(join(root, 'test/grammar/snap')).filter((f) => !f.endsWith('.snap'));
    expect(sources.length).toBeGreaterThanOrEqual(5);
    // The snapshot tool silently writes a missing .snap file and passes, so require them to be committed.
    expect(sources.filter((f) => !existsSync(join(root, 'test/grammar/snap', `${f}.snap`)))).toEqual([]);
    const r = runTool('snapshot', ['-s', 'source.systemd', '-g', grammarPath, 'test/grammar/snap/*']);
    expect(r.status, r.output).toBe(0);
  });
});

describe('language-configuration.json', () => {
  const conf = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8')) as {
    comments: { lineComment: string };
    wordPattern: string;
    folding: { markers: { start: string; end: string } };
    onEnterRules: { beforeText: string; previousLineText?: string; action: { indent: string } }[];
    autoClosingPairs: { open: string; close: string }[];
  };

  it('uses # for comments and auto-closes [ " \'', () => {
    expect(conf.comments.lineComment).toBe('#');
    expect(conf.autoClosingPairs.map((p) => p.open + p.close)).toEqual(expect.arrayContaining(['[]', '""', "''"]));
  });

  it('treats unit names, instances and specifiers as words', () => {
    const words = 'After=getty@tty1.service foo-bar.socket %i'.match(new RegExp(conf.wordPattern, 'g'));
    expect(words).toEqual(['After', 'getty@tty1.service', 'foo-bar.socket', '%i']);
  });

  it('folds a section from its header; the fold ends at a blank line', () => {
    const start = new RegExp(conf.folding.markers.start);
    const end = new RegExp(conf.folding.markers.end);
    expect(start.test('[Service]')).toBe(true);
    expect(start.test('  [X-Vendor]  ')).toBe(true);
    expect(start.test('Type=simple')).toBe(false);
    expect(end.test('')).toBe(true);
    expect(end.test('   ')).toBe(true);
    expect(end.test('Type=simple')).toBe(false);
  });

  it('indents after a continuation backslash and outdents after the last continued line', () => {
    const pick = (prev: string, before: string): string | undefined =>
      conf.onEnterRules.find(
        (r) =>
          new RegExp(r.beforeText).test(before) &&
          (r.previousLineText === undefined || new RegExp(r.previousLineText).test(prev)),
      )?.action.indent;
    expect(pick('[Service]', 'ExecStart=/usr/bin/foo \\')).toBe('indent');
    expect(pick('ExecStart=/usr/bin/foo \\', '    --bar \\')).toBe('none');
    expect(pick('    --bar \\', '    --baz')).toBe('outdent');
    expect(pick('[Service]', 'Description=a\\\\')).toBeUndefined(); // escaped backslash, no continuation
    expect(pick('[Service]', '# comment \\')).toBeUndefined();
  });
});
