/**
 * The exposure score in the editor (issue 16): the code lens and the hover on [Service], the hardening-… hints and
 * their quick fixes (inline, or a drop-in for a vendor unit, with the score before and after), Show Security and
 * Harden This Service as server commands. Through the facade, on a temporary workspace that mirrors a root.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  createLanguageService,
  defaultSettings,
  mergeUnit,
  positionAt,
  offsetAt,
  scoreService,
  SERVER_COMMANDS,
  textEditsOf,
  type CommandPlan,
  type SystemdDocument,
} from '../../server/src/languageService.js';

let ws = '';
const put = (rel: string, text: string): string => {
  const p = join(ws, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
};
const WEB = '[Unit]\nDescription=Web\n\n[Service]\nExecStart=/usr/bin/web\nUser=www-data\n';

beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'seced-'));
  put('etc/systemd/system/web.service', WEB);
  put('etc/systemd/system/web.service.d/10-tmp.conf', '[Service]\nPrivateTmp=yes\n');
  put('usr/lib/systemd/system/vendor.service', '[Service]\nExecStart=/usr/bin/vendor\n');
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

function setup(open: Record<string, string> = {}, hardening = true) {
  const docs: SystemdDocument[] = [];
  const settings = { ...defaultSettings(), targetVersion: 252, hardeningDiagnostics: hardening };
  const s = createLanguageService({
    settings: () => settings,
    workspaceFolders: () => [ws],
    openDocuments: () => docs,
    kernelWatchdogLimits: () => undefined,
    shipped: () => undefined,
  });
  for (const [p, t] of Object.entries(open)) docs.push(s.parse(p, t));
  return { s, docs };
}

/** The score systemd-analyze would give the files (fragment, drop-ins) as given. */
const expected = (texts: string[], unit: string) =>
  scoreService(mergeUnit(texts.map((text, i) => ({ path: `/x/${i}.conf`, text }))), unit, 252);

describe('security in the editor', () => {
  it('a lens on [Service] with the score of the effective unit (drop-ins and unsaved text included)', () => {
    const path = join(ws, 'etc/systemd/system/web.service');
    const unsaved = `${WEB}NoNewPrivileges=yes\n`;
    const { s } = setup();
    const doc = s.parse(path, unsaved);
    const lens = s.getCodeLenses(doc, 'file:///web').find((l) => l.title.startsWith('exposure'));
    const want = expected([unsaved, '[Service]\nPrivateTmp=yes\n'], 'web.service');
    expect(lens?.title).toBe(`exposure ${want.exposure} ${want.label}`);
    expect(lens?.command).toBe(SERVER_COMMANDS.showSecurity);
    expect(lens?.span.start).toBe(unsaved.indexOf('[Service]'));
    // The cached score follows the text: a new version, a new score.
    const doc2 = s.parse(path, `${unsaved}PrivateDevices=yes\n`);
    const lens2 = s.getCodeLenses(doc2, 'file:///web').find((l) => l.title.startsWith('exposure'));
    expect(lens2?.title).not.toBe(lens?.title);
  });

  it('a hover on [Service] lists the costliest checks with their share', () => {
    const path = join(ws, 'etc/systemd/system/web.service');
    const { s } = setup();
    const doc = s.parse(path, WEB);
    const h = s.getHover(doc, WEB.indexOf('[Service]') + 2);
    const want = expected([WEB, '[Service]\nPrivateTmp=yes\n'], 'web.service');
    expect(h?.markdown).toContain(`**Exposure ${want.exposure} ${want.label}**`);
    expect(h?.markdown).toMatch(/\| `PrivateNetwork=` \| .* \| 0\.\d \|/);
    expect(h?.markdown).not.toMatch(/`PrivateTmp=`/);
    // Not on [Unit].
    expect(s.getHover(doc, 2)?.markdown ?? '').not.toContain('Exposure');
  });

  it('Show Security returns the table as text', () => {
    const path = join(ws, 'etc/systemd/system/web.service');
    const { s } = setup();
    const p = s.planCommand(SERVER_COMMANDS.showSecurity, [path]);
    expect(p.kind).toBe('text');
    const text = (p as Extract<CommandPlan, { kind: 'text' }>).text;
    expect(text).toMatch(/^ {2}NAME +DESCRIPTION +EXPOSURE\n/);
    expect(text).toMatch(/✓ PrivateTmp=/);
    expect(text).toMatch(/→ Overall exposure level for web\.service: \d+\.\d [A-Z]+/);
    expect(s.planCommand(SERVER_COMMANDS.showSecurity, [join(ws, 'x.socket')]).kind).toBe('error');
  });

  it('hints only when the setting is on; the quick fix adds the line and says the score after', () => {
    const path = join(ws, 'etc/systemd/system/web.service');
    const off = setup({}, false).s;
    expect(off.getDiagnostics(off.parse(path, WEB)).filter((d) => d.code.startsWith('hardening-'))).toEqual([]);
    const { s } = setup();
    const doc = s.parse(path, WEB);
    const diags = s.getDiagnostics(doc).filter((d) => d.code.startsWith('hardening-'));
    expect(diags.every((d) => d.severity === 'hint')).toBe(true);
    expect(diags.map((d) => d.code)).toContain('hardening-no-new-privileges');
    expect(diags.map((d) => d.code)).not.toContain('hardening-private-tmp');
    const ls = doc.tree.lineStarts;
    const nnp = diags.find((d) => d.code === 'hardening-no-new-privileges')!;
    const actions = s.getCodeActions(
      doc,
      [
        {
          range: { start: positionAt(ls, nnp.start), end: positionAt(ls, nnp.end) },
          code: nnp.code,
          message: nnp.message,
          data: nnp.data,
        },
      ],
      0,
      {
        uri: 'u',
        toOffset: (p) => offsetAt(ls, WEB.length, p),
        toRange: (r) => ({ start: positionAt(ls, r.start), end: positionAt(ls, r.end) }),
      },
    );
    const a = actions.find((x) => x.title.startsWith('Add NoNewPrivileges=yes'));
    expect(a).toBeDefined();
    const edits = textEditsOf(a as Parameters<typeof textEditsOf>[0], 'u');
    expect(edits).toHaveLength(1);
    const at = offsetAt(ls, WEB.length, edits[0]!.range.start);
    const fixed = WEB.slice(0, at) + edits[0]!.newText + WEB.slice(at);
    expect(fixed).toBe(`${WEB}NoNewPrivileges=yes\n`);
    const before = expected([WEB, '[Service]\nPrivateTmp=yes\n'], 'web.service');
    const after = expected([fixed, '[Service]\nPrivateTmp=yes\n'], 'web.service');
    expect(a!.title).toBe(`Add NoNewPrivileges=yes (exposure ${before.exposure} → ${after.exposure} ${after.label})`);
    expect(after.exposureTenths).toBeLessThan(before.exposureTenths);
  });

  it('a single-value directive already set gets the new value in place (no second line)', () => {
    const path = join(ws, 'etc/systemd/system/notify.service');
    const text = '[Service]\nExecStart=/usr/bin/n\nNotifyAccess=all\nType=notify\n';
    const { s } = setup();
    const doc = s.parse(path, text);
    const d = s.getDiagnostics(doc).find((x) => x.code === 'hardening-notify-access')!;
    expect(text.slice(d.start, d.end)).toBe('NotifyAccess');
    const ls = doc.tree.lineStarts;
    const actions = s.getCodeActions(
      doc,
      [
        {
          range: { start: positionAt(ls, d.start), end: positionAt(ls, d.end) },
          code: d.code,
          message: d.message,
          data: d.data,
        },
      ],
      0,
      {
        uri: 'u',
        toOffset: (p) => offsetAt(ls, text.length, p),
        toRange: (r) => ({ start: positionAt(ls, r.start), end: positionAt(ls, r.end) }),
      },
    );
    const a = actions.find((x) => x.title.startsWith('Set NotifyAccess=main'))!;
    const [e] = textEditsOf(a as Parameters<typeof textEditsOf>[0], 'u');
    const from = offsetAt(ls, text.length, e!.range.start);
    const to = offsetAt(ls, text.length, e!.range.end);
    const fixed = text.slice(0, from) + e!.newText + text.slice(to);
    expect(fixed).toBe('[Service]\nExecStart=/usr/bin/n\nNotifyAccess=main\nType=notify\n');
    const after = expected([fixed], 'notify.service');
    expect(a.title).toContain(`→ ${after.exposure} ${after.label})`);
  });

  it('in a vendor unit the fix is a drop-in (Harden This Service with one line)', () => {
    const path = join(ws, 'usr/lib/systemd/system/vendor.service');
    const text = '[Service]\nExecStart=/usr/bin/vendor\n';
    const { s } = setup();
    const doc = s.parse(path, text);
    const d = s.getDiagnostics(doc).find((x) => x.code === 'hardening-private-tmp')!;
    const ls = doc.tree.lineStarts;
    const actions = s.getCodeActions(
      doc,
      [
        {
          range: { start: positionAt(ls, d.start), end: positionAt(ls, d.end) },
          code: d.code,
          message: d.message,
          data: d.data,
        },
      ],
      0,
      {
        uri: 'u',
        toOffset: (p) => offsetAt(ls, text.length, p),
        toRange: (r) => ({ start: positionAt(ls, r.start), end: positionAt(ls, r.end) }),
      },
    );
    const a = actions.find((x) => x.title.startsWith('Add PrivateTmp=yes in a drop-in'));
    expect(a && 'command' in a ? a.command?.command : undefined).toBe(SERVER_COMMANDS.hardenService);
    const plan = s.planCommand(
      SERVER_COMMANDS.hardenService,
      (a as { command: { arguments: unknown[] } }).command.arguments.map((x) => (x === 'u' ? path : x)),
    );
    expect(plan.kind).toBe('write');
    const w = plan as Extract<CommandPlan, { kind: 'write' }>;
    expect(w.files[0]?.path).toBe(join(ws, 'etc/systemd/system/vendor.service.d/hardening.conf'));
    expect(w.files[0]?.content).toContain('[Service]\nPrivateTmp=yes\n');
    const after = expected([text, w.files[0]!.content], 'vendor.service');
    expect(w.title).toContain(`→ ${after.exposure} ${after.label}`);
  });

  it('Harden This Service plans hardening.conf at both levels, the score before and after in the title', () => {
    const path = join(ws, 'etc/systemd/system/web.service');
    const { s } = setup();
    const safe = s.planCommand(SERVER_COMMANDS.hardenService, [path, 'safe']) as Extract<
      CommandPlan,
      { kind: 'write' }
    >;
    const strict = s.planCommand(SERVER_COMMANDS.hardenService, [path, 'strict']) as Extract<
      CommandPlan,
      { kind: 'write' }
    >;
    expect(safe.kind).toBe('write');
    expect(safe.files[0]?.path).toBe(join(ws, 'etc/systemd/system/web.service.d/hardening.conf'));
    const drop = '[Service]\nPrivateTmp=yes\n';
    const a1 = expected([WEB, drop, safe.files[0]!.content], 'web.service');
    const a2 = expected([WEB, drop, strict.files[0]!.content], 'web.service');
    expect(safe.title).toMatch(new RegExp(`→ ${a1.exposure} ${a1.label}$`));
    expect(strict.title).toMatch(new RegExp(`→ ${a2.exposure} ${a2.label}$`));
    expect(a2.exposureTenths).toBeLessThan(a1.exposureTenths);
    expect(strict.notes.join(' ')).toMatch(/Test the strict level/);
    // Each line has its reason above it.
    expect(safe.files[0]!.content).toMatch(/# [^\n]+\nNoNewPrivileges=yes\n/);
  });
});
