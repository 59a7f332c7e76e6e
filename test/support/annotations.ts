/**
 * Annotated fixtures: a comment line under a line marks an expected diagnostic on it.
 *   Restart=sometimes
 *   #       ^^^^^^^^^ error[invalid-value]: Invalid value
 *   ExecStrat=/bin/true
 *   # <-------- error[unknown-directive]
 * `^` marks columns of the line above; `<---` a range from column 0 to the arrow's end. A diagnostic with an empty
 * range (a point) matches a marker that starts at its column. The text after ':' must be a
 * substring of the message. A first line `# fixture: target-version=252` sets options (also watchdog-driver=ID,
 * max-diagnostics=N, podman-version=X.Y.Z for Quadlet files, hardening for the hardening-… hints).
 * The check compares the exact set: a missing or an extra diagnostic fails.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createLanguageService, defaultSettings, positionAt, decodeBytes } from '../../server/src/languageService.js';

export interface Expected {
  line: number;
  start: number;
  end: number;
  severity: string;
  code: string;
  message?: string;
}

const ANNOTATION = /^(\s*#\s*)(\^+|<-*)\s+(error|warning|info|hint)\[([a-z0-9-]+)\](?::\s*(.*))?$/;

export function parseAnnotations(text: string): { expected: Expected[]; options: Record<string, string> } {
  const lines = text.split(/\r\n|\n|\r/);
  const expected: Expected[] = [];
  const options: Record<string, string> = {};
  const m0 = /^#\s*fixture:\s*(.*)$/.exec(lines[0] ?? '');
  if (m0)
    for (const kv of m0[1]!.split(/\s+/)) {
      const [k, v] = kv.split('=');
      if (k) options[k] = v ?? 'true';
    }
  let target = -1;
  for (let i = 0; i < lines.length; i++) {
    const m = ANNOTATION.exec(lines[i]!);
    if (!m) {
      target = i;
      continue;
    }
    const marker = m[2]!;
    const start = marker.startsWith('<') ? 0 : m[1]!.length;
    const end = m[1]!.length + marker.length;
    expected.push({ line: target, start, end, severity: m[3]!, code: m[4]!, message: m[5]?.trim() || undefined });
  }
  return { expected, options };
}

export function actualDiagnostics(path: string, text: string, options: Record<string, string>): Expected[] {
  // The same service the editor and the CLI use; only the settings come from the fixture's first line.
  const settings = defaultSettings();
  if (options['target-version']) settings.targetVersion = Number(options['target-version']);
  if (options['max-diagnostics']) settings.maxDiagnostics = Number(options['max-diagnostics']);
  if (options['podman-version']) settings.podmanVersion = options['podman-version'];
  // The hardening hints (one per failing exposure check) only where a fixture asks for them: `# fixture: hardening`.
  settings.hardeningDiagnostics = options['hardening'] === 'true';
  const driver = options['watchdog-driver'];
  if (driver) settings.watchdogDriver = driver;
  const service = createLanguageService({
    settings: () => settings,
    // Fixtures do not depend on this machine's watchdog: 'auto' means the default driver here.
    kernelWatchdogLimits: () => undefined,
    // Vendor fixtures name their shipped version (`# fixture: shipped=FILE`, next to the fixture); never git: an
    // uncommitted edit of a fixture would show up as a modified vendor file.
    shipped: (_p, current) => {
      const ref = options['shipped'];
      if (!ref) return undefined;
      const text = decodeBytes(readFileSync(join(dirname(path), ref)));
      return { path, source: 'saved', from: 'the last saved version', text, differs: text !== current };
    },
    // A rule that throws or reports a code it does not declare fails the fixture.
    log: (message) => {
      throw new Error(message);
    },
  });
  const doc = service.parse(path, text);
  return service.getDiagnostics(doc).map((d) => {
    const s = positionAt(doc.tree.lineStarts, d.start);
    const e = positionAt(doc.tree.lineStarts, d.end);
    const lineEnd = (doc.tree.lineStarts[s.line + 1] ?? text.length) - doc.tree.lineStarts[s.line]!;
    const lineText = text
      .slice(doc.tree.lineStarts[s.line]!, doc.tree.lineStarts[s.line]! + lineEnd)
      .replace(/[\r\n]+$/, '');
    const end = e.line === s.line ? e.character : lineText.length;
    return {
      line: s.line,
      start: s.character,
      end: Math.max(end, s.character + (d.end > d.start ? 0 : 0)),
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
  });
}

/** Human-readable diff: '-' expected but missing, '+' reported but not expected. */
export function compare(expected: Expected[], actual: Expected[]): string[] {
  const problems: string[] = [];
  const fmt = (e: Expected): string =>
    `line ${e.line + 1} [${e.start},${e.end}) ${e.severity}[${e.code}]${e.message ? `: ${e.message}` : ''}`;
  const used = new Set<number>();
  for (const e of expected) {
    const i = actual.findIndex(
      (a, k) =>
        !used.has(k) &&
        a.line === e.line &&
        a.start === e.start &&
        (a.end === e.end || a.end === a.start) &&
        a.severity === e.severity &&
        a.code === e.code &&
        (!e.message || (a.message ?? '').includes(e.message)),
    );
    if (i < 0) problems.push(`- ${fmt(e)}`);
    else used.add(i);
  }
  actual.forEach((a, k) => {
    if (!used.has(k)) problems.push(`+ ${fmt(a)}`);
  });
  return problems;
}
