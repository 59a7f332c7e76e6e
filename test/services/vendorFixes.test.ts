/** A modified vendor unit: the warning, its two fixes, and "move to drop-in" only on the lines that differ. */
import { describe, it, expect } from 'vitest';
import { createLanguageService, positionAt, type Span } from '../../server/src/languageService.js';

const SHIPPED = '[Unit]\nDescription=ssh\n\n[Service]\nExecStart=/usr/sbin/sshd -D\nRestart=on-failure\nType=notify\n';
const EDITED = SHIPPED.replace('Restart=on-failure', 'Restart=always');
const PATH = '/repo/usr/lib/systemd/system/ssh.service';

function service() {
  return createLanguageService({
    shipped: (path, text) => ({
      path,
      source: 'git',
      from: 'the last commit (git HEAD)',
      text: SHIPPED,
      differs: text !== SHIPPED,
    }),
  });
}

describe('vendor files stay as shipped', () => {
  const ls = service();
  const doc = ls.parse(PATH, EDITED);
  const env = {
    uri: 'u',
    toOffset: () => 0,
    toRange: (s: Span) => ({
      start: positionAt(doc.tree.lineStarts, s.start),
      end: positionAt(doc.tree.lineStarts, s.end),
    }),
  };

  it('warns on the changed line, and offers moving the change first, restoring (for review) second', () => {
    const d = ls.getDiagnostics(doc).find((x) => x.code === 'vendor-modified');
    expect(d?.message).toContain('Restart=');
    expect(doc.text.slice(d!.start, d!.end)).toBe('Restart');
    // The publish carries no copy of the file: the restore fix asks for the shipped text when it is built.
    expect(JSON.stringify(d!.data)).not.toContain('ExecStart');
    const lspDiag = { range: env.toRange(d!), code: d!.code, message: d!.message, data: d!.data };
    const actions = ls.getCodeActions(doc, [lspDiag], d!.start, env);
    expect(actions[0]!.title).toMatch(/^Move the change to a drop-in/);
    expect('command' in actions[0]! && actions[0]!.command?.command).toBe('systemd-units.moveToDropIn'); // a server command: every client can run it
    const restore = actions.find((a) => a.title.startsWith('Restore the shipped file'));
    const edit = restore && 'edit' in restore ? restore.edit : undefined;
    expect(edit && 'documentChanges' in edit ? edit.changeAnnotations.restore!.needsConfirmation : false).toBe(true);
    expect(edit && 'documentChanges' in edit ? edit.documentChanges[0]!.edits[0]!.newText : '').toBe(SHIPPED);
  });

  it('offers moving one line only where the line differs from the shipped file', () => {
    const at = (key: string) => doc.text.indexOf(key);
    const titles = (off: number) => ls.getCodeActions(doc, [], off, env).map((a) => a.title);
    expect(titles(at('Restart=')).some((t) => t.startsWith('Move Restart= to a drop-in'))).toBe(true);
    expect(titles(at('Type=')).some((t) => t.startsWith('Move Type='))).toBe(false);
    // An untouched vendor file: nothing to move at all.
    const clean = ls.parse(PATH, SHIPPED);
    expect(ls.getCodeActions(clean, [], SHIPPED.indexOf('Type='), env)).toEqual([]);
    expect(ls.getDiagnostics(clean).map((x) => x.code)).not.toContain('vendor-modified');
  });
});
