/**
 * Fixes that cannot hurt (issue 10): applying a quick fix must not change a valid effective value the user did not
 * ask to change. For every kind of quick fix, documents (including the awkward ones: invalid later values, empty
 * values systemd 252 refuses, first-wins directives, repeated sections, drop-ins) are built, every offered fix is
 * applied, and the effective unit before and after is compared directive by directive.
 *
 * The effective unit is computed here on its own terms: systemd's merge (units/effective.ts EffectiveUnit.apply)
 * over only the lines systemd applies: known directives in their section, supported by the unit type and the
 * target version, with a value the validators accept (an empty value counts, except where 252 refuses it).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createDocument, getDiagnostics, textEditsOf } from '../../server/src/languageService.js';
import { getCodeActions, type CodeActionLike } from '../../server/src/services/codeActions.js';
import { positionAt, offsetAt } from '../../server/src/parser/lineIndex.js';
import { EffectiveUnit, canonicalDirective, comparableValues } from '../../server/src/units/effective.js';
import { EMPTY_REFUSED_252 } from '../../server/src/units/minimalDropIn.js';
import { baseUnitOf } from '../../server/src/units/baseUnit.js';
import { validateValue } from '../../server/src/values/index.js';
import { NEWEST_VERSION, directiveAllowedInType } from '../../server/src/catalog/catalog.js';

interface File {
  readonly path: string;
  readonly text: string;
}

/** Does systemd apply this line? Decided from the catalog and the validators, independently of the rules. */
function applied(
  e: ReturnType<typeof createDocument>['analysis']['entries'][number],
  unitType: ReturnType<typeof createDocument>['analysis']['unitType'],
  v: number,
): boolean {
  const info = e.info;
  if (!info || info.kind === 'ignored') return false;
  if (info.since > v && !(v === 252 && info.inV252)) return false;
  if (!directiveAllowedInType(info, unitType) && info.restrictionWhen !== 'enable') return false;
  if (e.node.value === '') return !(info.list === 'no' && v <= 252 && EMPTY_REFUSED_252.has(info.parser));
  return !validateValue(e.node.value, {
    section: info.section,
    directive: info.name,
    kind: info.kind,
    parser: info.parser,
    enumValues: info.enumValues,
    unitType,
    targetVersion: v,
  }).some((p) => p.severity === 'error');
}

/** "Section.Name" → the values in effect, for every directive systemd applies in these files (in order). */
function effective(files: readonly File[], v = NEWEST_VERSION): Map<string, string> {
  const eff = new EffectiveUnit(files.map((f) => ({ path: f.path, vendor: false })));
  for (const f of files) {
    const doc = createDocument(f.path, f.text);
    for (const e of doc.analysis.entries) {
      if (!applied(e, doc.analysis.unitType, v)) continue;
      eff.apply(e.info!.section, {
        file: f.path,
        line: e.node.line + 1,
        section: e.info!.section,
        key: e.node.key,
        value: e.node.value,
        vendor: false,
      });
    }
  }
  const out = new Map<string, string>();
  for (const d of eff.directives()) {
    const values = comparableValues(d);
    if (values.length) out.set(`${d.section}.${d.name}`, JSON.stringify(values));
  }
  return out;
}

const canonical = (section: string, key: string): string => {
  const c = canonicalDirective(section, key);
  return `${c.section}.${c.name}`;
};

interface Applied {
  readonly action: CodeActionLike;
  readonly code: string;
  /** The directive (canonical "Section.Name") on the flagged line, and its section as written. */
  readonly line: { readonly section: string; readonly key: string; readonly value: string } | undefined;
  readonly after: string;
}

/** Every quick fix offered for `path` (code ∈ codes), each applied to the original text. */
function fixes(
  path: string,
  text: string,
  codes: readonly string[],
  opts: Parameters<typeof getDiagnostics>[1] = {},
): Applied[] {
  const doc = createDocument(path, text);
  const ls = doc.tree.lineStarts;
  const diags = getDiagnostics(doc, opts)
    .filter((d) => codes.includes(d.code))
    .map((d) => ({
      range: { start: positionAt(ls, d.start), end: positionAt(ls, d.end) },
      code: d.code,
      message: d.message,
      data: d.data,
      start: d.start,
    }));
  const out: Applied[] = [];
  for (const d of diags) {
    const actions = getCodeActions(doc, [d], {
      uri: 'u',
      toOffset: (p) => offsetAt(ls, text.length, p),
      toRange: (s) => ({ start: positionAt(ls, s.start), end: positionAt(ls, s.end) }),
    });
    const entry = doc.analysis.entries.find((e) => e.node.start <= d.start && d.start < e.node.end);
    const section = entry?.section.section.name;
    for (const a of actions) {
      const edits = textEditsOf(a, 'u')
        .map((e) => ({
          s: offsetAt(ls, text.length, e.range.start),
          e: offsetAt(ls, text.length, e.range.end),
          t: e.newText,
        }))
        .sort((x, y) => y.s - x.s || y.e - x.e);
      let after = text;
      for (const e of edits) after = after.slice(0, e.s) + e.t + after.slice(e.e);
      out.push({
        action: a,
        code: d.code,
        line: entry && section ? { section, key: entry.node.key, value: entry.node.value } : undefined,
        after,
      });
    }
  }
  return out;
}

/**
 * Directives whose value changed, except `allowed`. A directive that was unset before may become set only when it
 * is in `allowed` too.
 */
function changedBesides(before: Map<string, string>, after: Map<string, string>, allowed: readonly string[]): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .filter((k) => !allowed.includes(k) && before.get(k) !== after.get(k))
    .map((k) => `${k}: ${before.get(k) ?? '(unset)'} -> ${after.get(k) ?? '(unset)'}`);
}

/** What a fix may change: the directive it is about, as the user asked. Empty: nothing may change at all. */
function allowedFor(f: Applied): string[] {
  const l = f.line;
  const suggestion = /'([^']+)'/.exec(f.action.title)?.[1];
  switch (f.code) {
    // Removing a line that has no effect, moving a compatibility copy: the effective unit stays exactly the same.
    case 'duplicate-directive':
    case 'dropin-no-change':
    case 'moved-directive':
      return [];
    case 'renamed-directive':
    case 'deprecated-directive':
    case 'ignored-directive': {
      // Same storage (BindTo= → BindsTo=): nothing changes. Otherwise the old directive and its replacement.
      if (!l || !suggestion) return [];
      const from = canonical(l.section, l.key);
      const to = canonical(l.section, suggestion);
      return from === to ? [] : [from, to];
    }
    case 'unknown-directive':
      return l && suggestion ? [canonical(l.section, suggestion)] : [];
    case 'directive-wrong-section': {
      const target = /Move to \[(\w+)\]/.exec(f.action.title)?.[1];
      return l && target ? [canonical(target, l.key)] : [];
    }
    case 'unknown-section':
      // The renamed section's lines start to count: every directive of that section may change.
      return suggestion ? ['*section*', suggestion] : [];
    case 'dropin-missing-reset':
      return ['Service.ExecStart'];
    default:
      // A value fix (did-you-mean, case, the driver's limit, the socket hint): that directive's value.
      return l ? [canonical(l.section, l.key)] : [];
  }
}

function check(
  files: { base?: File; doc: File },
  codes: readonly string[],
  opts: Parameters<typeof getDiagnostics>[1] = {},
): Applied[] {
  const v = opts.targetVersion ?? NEWEST_VERSION;
  const before = effective([...(files.base ? [files.base] : []), files.doc], v);
  const all = fixes(files.doc.path, files.doc.text, codes, opts);
  for (const f of all) {
    const after = effective([...(files.base ? [files.base] : []), { path: files.doc.path, text: f.after }], v);
    let allowed = allowedFor(f);
    if (allowed[0] === '*section*') {
      const s = allowed[1]!;
      allowed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => k.startsWith(`${s}.`));
    }
    // A replacement that was already set is a value the user did not ask to change.
    if (f.code === 'renamed-directive' || f.code === 'deprecated-directive' || f.code === 'ignored-directive') {
      const to = allowed[1];
      if (to && before.has(to)) allowed = allowed.filter((k) => k !== to);
    }
    const changed = changedBesides(before, after, allowed);
    expect(
      changed,
      `"${f.action.title}" (${f.code}) on\n${files.doc.text}\n→\n${f.after}\nchanged ${changed.join('; ')}`,
    ).toEqual([]);
  }
  return all;
}

const titles = (l: Applied[]): string[] => l.map((f) => f.action.title);

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fix-safety-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A vendor unit and a drop-in for it under a temp root that mirrors / (for the drop-in checks). */
function dropIn(
  name: string,
  unitText: string,
  dropInText: string,
): { base: File; doc: File; opts: Parameters<typeof getDiagnostics>[1] } {
  const unitPath = join(root, name, 'usr/lib/systemd/system/demo.service');
  const path = join(root, name, 'etc/systemd/system/demo.service.d/50-local.conf');
  mkdirSync(dirname(unitPath), { recursive: true });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(unitPath, unitText);
  writeFileSync(path, dropInText);
  return {
    base: { path: unitPath, text: unitText },
    doc: { path, text: dropInText },
    opts: { baseUnit: () => baseUnitOf(path, 'demo.service') },
  };
}

const svc = (text: string): { doc: File } => ({ doc: { path: '/x/demo.service', text } });

describe('Remove this assignment (duplicate-directive)', () => {
  it('is not offered on a valid line whose later repeat is invalid (systemd keeps the earlier value)', () => {
    const f = svc('[Service]\nExecStart=/bin/true\nRestart=on-failure\nRestart=sometimes\n');
    expect(effective([f.doc]).get('Service.Restart')).toBe('["on-failure"]');
    expect(titles(check(f, ['duplicate-directive']))).toEqual([]);
  });
  it('removes only lines the valid value in effect overrides', () => {
    const f = svc(
      '[Service]\nExecStart=/bin/true\nRestart=always\nRestart=on-failure\nRestart=sometimes\nRestartSec=5\nRestartSec=5 parsecs\nRestartSec=7\n',
    );
    expect(titles(check(f, ['duplicate-directive']))).toEqual(
      Array(3).fill('Remove this assignment (it has no effect)'),
    );
  });
  it('keeps the line that an empty value systemd refuses does not reset', () => {
    const f = svc('[Service]\nExecStart=/bin/true\nRestart=on-failure\nRestart=\n');
    expect(titles(check(f, ['duplicate-directive'], { targetVersion: 252 }))).toEqual([]);
    // Newer systemd refuses the empty Restart= too (no empty case in its parser): the first line stays in effect.
    expect(titles(check(f, ['duplicate-directive']))).toEqual([]);
  });
  it('keeps the first valid Unit= of a timer (first wins), removes later ones', () => {
    const f = {
      doc: {
        path: '/x/demo.timer',
        text: '[Timer]\nOnCalendar=daily\nUnit=no-suffix\nUnit=a.service\nUnit=b.service\n',
      },
    };
    expect(titles(check(f, ['duplicate-directive']))).toHaveLength(1);
  });
  it('handles repeated sections and continued lines', () => {
    const f = svc('[Unit]\nDescription=one \\\n  continued\n[Service]\nExecStart=/bin/true\n[Unit]\nDescription=two\n');
    const l = check(f, ['duplicate-directive']);
    expect(l).toHaveLength(1);
    expect(l[0]!.after).toBe('[Unit]\n[Service]\nExecStart=/bin/true\n[Unit]\nDescription=two\n');
  });
});

describe('Remove this assignment (dropin-no-change)', () => {
  it('removes a drop-in line that repeats the base value', () => {
    const f = dropIn(
      'same',
      '[Service]\nExecStart=/bin/x\nRestart=on-failure\n',
      '[Service]\nRestart=on-failure\nRestartSec=3\n',
    );
    expect(titles(check(f, ['dropin-no-change'], f.opts))).toEqual(['Remove this assignment (it has no effect)']);
  });
  it('is not offered when an earlier line of the same drop-in sets another value', () => {
    const f = dropIn(
      'earlier',
      '[Service]\nExecStart=/bin/x\nRestart=on-failure\n',
      '[Service]\nRestart=always\nRestart=on-failure\n',
    );
    // Removing the last line would leave Restart=always from the line before it.
    expect(titles(check(f, ['dropin-no-change', 'duplicate-directive'], f.opts))).toEqual([
      'Remove this assignment (it has no effect)',
    ]);
  });
});

describe("Insert 'ExecStart=' (dropin-missing-reset)", () => {
  it('only changes ExecStart=', () => {
    const f = dropIn(
      'reset',
      '[Service]\nExecStart=/bin/x\nRestart=on-failure\n',
      '[Service]\nEnvironment=A=1\nExecStart=/bin/y\nRestart=always\n',
    );
    expect(titles(check(f, ['dropin-missing-reset'], f.opts))).toEqual([
      "Insert 'ExecStart=' before this line (reset the list first)",
    ]);
  });
});

describe('Move to [Section]', () => {
  it('moves a directive from the wrong section; nothing else changes', () => {
    const f = svc('[Unit]\nDescription=d\n\n[Service]\nAfter=network.target\nExecStart=/bin/true\n');
    expect(titles(check(f, ['directive-wrong-section']))).toEqual(['Move to [Unit]']);
  });
  it('moves a compatibility copy without changing which value wins (moved-directive)', () => {
    const f = svc('[Unit]\nDescription=d\n\n[Service]\nExecStart=/bin/true\nStartLimitBurst=3\n');
    expect(titles(check(f, ['moved-directive']))).toEqual(['Move to [Unit]']);
  });
  it('keeps a later [Unit] value in effect when it moves the compatibility copy', () => {
    const f = svc('[Service]\nExecStart=/bin/true\nStartLimitBurst=3\n\n[Unit]\nDescription=d\nStartLimitBurst=5\n');
    expect(effective([f.doc]).get('Unit.StartLimitBurst')).toBe('["5"]');
    const l = check(f, ['moved-directive']);
    expect(titles(l)).toEqual(['Move to [Unit]']);
    expect(l[0]!.after).toBe(
      '[Service]\nExecStart=/bin/true\n\n[Unit]\nDescription=d\nStartLimitBurst=3\nStartLimitBurst=5\n',
    );
  });
});

describe('Rename to the replacement (renamed, deprecated, ignored directives)', () => {
  it('renames a directive that shares its storage with the new name, even next to it', () => {
    const f = svc(
      '[Unit]\nBindTo=a.service\nStartLimitInterval=5s\nStartLimitIntervalSec=10s\n[Service]\nExecStart=/bin/true\n',
    );
    expect(titles(check(f, ['renamed-directive']))).toEqual([
      "Replace with 'BindsTo'",
      "Replace with 'StartLimitIntervalSec'",
    ]);
  });
  it('does not rename when the value means nothing to the new directive (CrashReboot=yes → CrashAction=yes)', () => {
    const f = { doc: { path: '/etc/systemd/system.conf', text: '[Manager]\nCrashReboot=yes\n' } };
    expect(titles(check(f, ['renamed-directive']))).toEqual([]);
    const g = svc('[Unit]\nOnFailureIsolate=yes\n[Service]\nExecStart=/bin/true\n');
    expect(titles(check(g, ['deprecated-directive']))).toEqual([]);
  });
  it('does not overwrite a replacement that is already set (MemoryLimit= next to MemoryMax=)', () => {
    const both = svc('[Service]\nExecStart=/bin/true\nMemoryMax=1G\nMemoryLimit=2G\n');
    expect(titles(check(both, ['ignored-directive']))).toEqual([]);
    expect(titles(check(both, ['deprecated-directive'], { targetVersion: 252 }))).toEqual([]);
    const alone = svc('[Service]\nExecStart=/bin/true\nMemoryLimit=2G\n');
    expect(titles(check(alone, ['ignored-directive']))).toEqual([
      "Replace with 'MemoryMax' (check the value: its meaning or scale may differ)",
    ]);
  });
  it('warns that the scale may differ when a deprecated directive has a replacement with another meaning', () => {
    const f = svc('[Service]\nExecStart=/bin/true\nCPUShares=1024\n');
    const l = check(f, ['deprecated-directive'], { targetVersion: 252 });
    expect(titles(l)).toEqual(["Replace with 'CPUWeight' (check the value: its meaning or scale may differ)"]);
    expect(l[0]!.action.isPreferred).toBe(false);
  });
});

describe('Did-you-mean and value fixes', () => {
  it('unknown directive: only the intended directive changes', () => {
    const f = svc('[Service]\nExecStrat=/bin/true\nRestart=always\n');
    expect(titles(check(f, ['unknown-directive']))).toContain("Change to 'ExecStart'");
  });
  it('unknown section: only directives of the renamed section change', () => {
    const f = { doc: { path: '/x/demo.socket', text: '[Unit]\nDescription=d\n[Sokcet]\nListenStream=80\n' } };
    expect(titles(check(f, ['unknown-section']))).toContain("Change to 'Socket'");
  });
  it('invalid value: fixes the case of an enum value', () => {
    const f = svc('[Service]\nType=notify\nType=Forking\nExecStart=/bin/true\nRestart=always\n');
    expect(titles(check(f, ['invalid-value']))).toEqual(["Change to 'forking'"]);
  });
  it("watchdog: sets the driver's limit and nothing else", () => {
    const f = {
      doc: { path: '/etc/systemd/system.conf', text: '[Manager]\nRuntimeWatchdogSec=20min\nRebootWatchdogSec=10min\n' },
    };
    expect(titles(check(f, ['watchdog-out-of-range'])).length).toBeGreaterThan(0);
  });
  it('socket hint: rewrites the hint and nothing else', () => {
    const f = {
      doc: {
        path: '/x/mosquitto.socket',
        text: '[Socket]\nListenStream=[::1]:1883\nFileDescriptorName=socket(2,1,6)=1\nService=mosquitto.service\n',
      },
    };
    expect(titles(check(f, ['fd-hint-mismatch']))).toEqual(["Change to 'socket(10,1,6)=1'"]);
  });
});
