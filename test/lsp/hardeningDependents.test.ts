/**
 * A vendor service's hardening hints and exposure lens follow its drop-ins in another folder of the mirrored root
 * (usr/lib/… and etc/…): a drop-in a quick fix has just created (an empty file on disk, its text still unsaved in the
 * editor), one written to disk and announced by the file watcher, and one opened as it is on disk.
 */
import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../support/lspClient.js';

const UNIT = '[Unit]\nDescription=Vendor daemon\n\n[Service]\nType=simple\nExecStart=/usr/bin/webd\n';
const DROP_IN = '[Service]\nPrivateTmp=yes\n';
const privateTmpHint = (d: { message: string }[]) => d.some((x) => /PrivateTmp=/.test(x.message));

describe('hardening of a vendor unit follows its drop-ins elsewhere', () => {
  for (const mode of [
    'created by a fix, unsaved',
    'written, then announced',
    'opened as on disk, announced',
    'created empty, then typed in (no file events)',
  ] as const) {
    it(mode, async () => {
      const ws = mkdtempSync(join(tmpdir(), 'hardening-dependents-'));
      const vendor = join(ws, 'usr/lib/systemd/system/webd.service');
      const dropIn = join(ws, 'etc/systemd/system/webd.service.d/hardening.conf');
      mkdirSync(join(vendor, '..'), { recursive: true });
      mkdirSync(join(dropIn, '..'), { recursive: true });
      writeFileSync(vendor, UNIT);
      const s = await startServer({ rootUri: pathToFileURL(ws).href, settings: { targetVersion: 252 } });
      try {
        const vu = pathToFileURL(vendor).href;
        const du = pathToFileURL(dropIn).href;
        const lens = async () =>
          ((await s.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: vu } })) as any[])
            .map((l) => l.command?.title)
            .filter((t: string) => t.startsWith('exposure'));
        s.open(vu, UNIT);
        await s.waitForDiagnostics(vu, privateTmpHint, 5000);
        expect(await lens()).toEqual(['exposure 9.6 UNSAFE']);
        if (mode === 'created empty, then typed in (no file events)') {
          // The unit's check has just listed the folder (empty); the drop-in appears and its text arrives as an edit.
          writeFileSync(dropIn, '');
          s.open(du, '');
          s.change(du, 2, [
            { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: DROP_IN },
          ]);
        } else if (mode === 'created by a fix, unsaved') {
          writeFileSync(dropIn, ''); // an empty file masks, but the editor's text counts
          s.open(du, DROP_IN);
        } else {
          writeFileSync(dropIn, DROP_IN);
          if (mode === 'opened as on disk, announced') s.open(du, DROP_IN);
          await s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: du, type: 1 }] });
        }
        await s.waitForDiagnostics(vu, (d) => !privateTmpHint(d), 5000);
        expect(await lens()).toEqual(['exposure 9.4 UNSAFE']);
      } finally {
        await s.close();
        rmSync(ws, { recursive: true, force: true });
      }
    });
  }
});
