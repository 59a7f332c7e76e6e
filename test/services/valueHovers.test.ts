/** Value hovers with real content (issue 11): signals, modes, specifiers in this unit, unit names. */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/languageService.js';
import { withCursor } from '../support/cursor.js';

function hover(path: string, marked: string, ws: string[] = []): string {
  const { doc, offset } = withCursor(path, marked);
  const ls = createLanguageService({ workspaceFolders: () => ws });
  return ls.getHover(ls.parse(path, doc.text), offset)?.markdown ?? '';
}

describe('value hovers', () => {
  it('a signal: its number', () => {
    expect(hover('/x/a.service', '[Service]\nKillSignal=SIGT$0ERM\n')).toContain('signal number **15**');
  });
  it('a mode: in words, and a umask as what it takes away', () => {
    expect(hover('/x/a.service', '[Service]\nStateDirectoryMode=07$050\n')).toContain(
      'owner: read, write, run/enter; group: read, run/enter; others: nothing',
    );
    expect(hover('/x/a.service', '[Service]\nUMask=00$077\n')).toContain(
      'is a mask: new files and folders lose owner: nothing; group: read, write, run/enter',
    );
  });
  it('a specifier: what it expands to in this unit', () => {
    const md = hover('/x/getty@tty1.service', '[Service]\nExecStart=/sbin/agetty %$0I\n');
    expect(md).toContain('In this unit: `tty1`');
  });
  it('a unit name: its description and file', () => {
    const ws = mkdtempSync(join(tmpdir(), 'sdu-vh-'));
    writeFileSync(join(ws, 'db.service'), '[Unit]\nDescription=The database\n[Service]\nExecStart=/bin/db\n');
    const md = hover(join(ws, 'app.service'), '[Unit]\nAfter=d$0b.service\n', [ws]);
    expect(md).toContain('**db.service** — The database');
    expect(md).toContain(join(ws, 'db.service'));
  });
  it('a size: its bytes, grouped as en-US prints them', () => {
    expect(hover('/x/a.service', '[Service]\nMemoryMax=1$0G\n')).toContain('`1G` = **1,073,741,824 bytes**');
    expect(hover('/x/a.service', '[Service]\nMemoryMax=5$012\n')).toContain('`512` = **512 bytes**');
    expect(hover('/x/a.service', '[Service]\nMemoryMax=8$0E\n')).toContain('**9,223,372,036,854,775,808 bytes**');
  });
});
