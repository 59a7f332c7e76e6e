import { describe, it, expect } from 'vitest';
import { createDocument, getDiagnostics, textEditsOf } from '../../server/src/languageService.js';
import { getCodeActions, getMoveToDropInActions } from '../../server/src/services/codeActions.js';
import { positionAt, offsetAt } from '../../server/src/parser/lineIndex.js';
import { baseUnitOf } from '../../server/src/units/baseUnit.js';
import { join } from 'node:path';

/** Apply the first action whose title matches and return the new text. */
function fix(path: string, text: string, title: RegExp, opts = {}): string {
  const doc = createDocument(path, text);
  const ls = doc.tree.lineStarts;
  const diags = getDiagnostics(doc, opts).map((d) => ({
    range: { start: positionAt(ls, d.start), end: positionAt(ls, d.end) },
    code: d.code,
    message: d.message,
    data: d.data,
  }));
  const actions = getCodeActions(doc, diags, {
    uri: 'u',
    toOffset: (p) => offsetAt(ls, text.length, p),
    toRange: (s) => ({ start: positionAt(ls, s.start), end: positionAt(ls, s.end) }),
  });
  const a = actions.find((x) => title.test(x.title));
  if (!a) throw new Error(`no action ${title}; have: ${actions.map((x) => x.title).join(' | ')}`);
  const edits = [...textEditsOf(a, 'u')]
    .map((e) => ({
      s: offsetAt(ls, text.length, e.range.start),
      e: offsetAt(ls, text.length, e.range.end),
      t: e.newText,
    }))
    .sort((x, y) => y.s - x.s);
  let out = text;
  for (const e of edits) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

describe('quick fixes', () => {
  it('did-you-mean for a directive and a section', () => {
    expect(fix('/x/a.service', '[Service]\nExecStrat=/bin/true\n', /Change to 'ExecStart'/)).toBe(
      '[Service]\nExecStart=/bin/true\n',
    );
    expect(fix('/x/a.socket', '[Sokcet]\nListenStream=80\n', /Change to 'Socket'/)).toBe('[Socket]\nListenStream=80\n');
  });
  it('renames a deprecated or renamed directive to its replacement', () => {
    expect(fix('/x/a.service', '[Unit]\nBindTo=x.service\n', /Replace with 'BindsTo'/)).toBe(
      '[Unit]\nBindsTo=x.service\n',
    );
  });
  it("fixes an enum value's case", () => {
    expect(fix('/x/a.service', '[Service]\nType=Notify\nExecStart=/bin/x\n', /Change to 'notify'/)).toBe(
      '[Service]\nType=notify\nExecStart=/bin/x\n',
    );
  });
  it('removes a duplicate', () => {
    expect(fix('/x/a.service', '[Unit]\nDescription=a\nDescription=b\n', /Remove/)).toBe('[Unit]\nDescription=b\n');
  });
  it('moves a directive to the section where it belongs, creating it when missing', () => {
    expect(
      fix(
        '/x/a.service',
        '[Unit]\nDescription=a\n\n[Service]\nAfter=b.service\nExecStart=/bin/x\n',
        /Move to \[Unit\]/,
      ),
    ).toBe('[Unit]\nDescription=a\nAfter=b.service\n\n[Service]\nExecStart=/bin/x\n');
    expect(
      fix('/x/a.service', '[Service]\nWantedBy=multi-user.target\nExecStart=/bin/x\n', /Move to \[Install\]/),
    ).toBe('[Service]\nExecStart=/bin/x\n\n[Install]\nWantedBy=multi-user.target\n');
  });
  it("sets the watchdog driver's maximum", () => {
    expect(fix('/etc/systemd/system.conf', '[Manager]\nRuntimeWatchdogSec=20min\n', /driver's limit/)).toBe(
      '[Manager]\nRuntimeWatchdogSec=614s\n',
    );
  });
  it('inserts the missing ExecStart= reset in a drop-in', () => {
    const path = join(
      __dirname,
      '../fixtures/diagnostics/dropin-base/etc/systemd/system/vendor.service.d/30-test.conf',
    );
    const text = '[Service]\nExecStart=/usr/bin/vendord --x\n';
    expect(fix(path, text, /Insert 'ExecStart='/, { baseUnit: () => baseUnitOf(path, 'vendor.service') })).toBe(
      '[Service]\nExecStart=\nExecStart=/usr/bin/vendord --x\n',
    );
  });
  it('offers Move to Drop-in on lines of a vendor unit only', () => {
    const vendor = createDocument('/usr/lib/systemd/system/foo.service', '[Service]\nExecStart=/bin/x\n');
    expect(getMoveToDropInActions(vendor, 12, 'u').map((a) => a.command.command)).toEqual([
      'systemd.moveToDropIn',
      'systemd.moveToDropIn',
    ]);
    const mine = createDocument('/etc/systemd/system/foo.service', '[Service]\nExecStart=/bin/x\n');
    expect(getMoveToDropInActions(mine, 12, 'u')).toEqual([]);
  });
});
