import { describe, it, expect } from 'vitest';
import { getCompletions } from '../../server/src/services/completion.js';
import { createDocument } from '../../server/src/languageService.js';
import { withCursor } from '../support/cursor.js';

const labels = (path: string, text: string, unitNames: string[] = []) => {
  const { doc, offset } = withCursor(path, text);
  return getCompletions(doc, offset, { targetVersion: 260, unitNames: () => unitNames }).map((c) => c.label);
};
const items = (path: string, text: string) => {
  const { doc, offset } = withCursor(path, text);
  return getCompletions(doc, offset, { targetVersion: 252 });
};

describe('completion', () => {
  it('offers the sections of the file kind', () => {
    expect(labels('/x/a.socket', '[$0')).toEqual(['[Unit]', '[Socket]', '[Install]']);
    expect(labels('/etc/systemd/system.conf.d/10.conf', '[$0')).toEqual(['[Manager]']);
    expect(labels('/etc/systemd/system.conf', '$0')).toContain('[Manager]');
    expect(labels('/etc/systemd/system.conf', '$0')).not.toContain('[Unit]');
  });

  it('offers directives of the section and unit type, with = inserted', () => {
    const l = labels('/x/a.service', '[Service]\nExec$0\n');
    expect(l).toContain('ExecStart=');
    expect(l).toContain('ExecStartPre=');
    expect(l).not.toContain('ListenStream=');
    expect(labels('/x/a.socket', '[Socket]\nDeleg$0\n')).not.toContain('Delegate=');
    expect(labels('/x/a.service', '[Service]\nDeleg$0\n')).toContain('Delegate=');
    expect(labels('/x/foo.service.d/o.conf', '[Unit]\nAf$0')).toContain('After=');
  });

  it('marks deprecated directives and sorts them last; marks directives newer than the target', () => {
    const all = items('/x/a.service', '[Service]\n$0\n');
    const mem = all.find((c) => c.label === 'MemoryLimit=')!;
    const max = all.find((c) => c.label === 'MemoryMax=')!;
    expect(mem.deprecated).toBe(true);
    expect(mem.sortText! > max.sortText!).toBe(true);
    expect(all.find((c) => c.label === 'RestartSteps=')!.detail).toContain('needs systemd 254');
  });

  it('offers enum values from the catalog, booleans, and values grown over versions', () => {
    expect(labels('/x/a.service', '[Service]\nProtectSystem=$0')).toEqual(
      expect.arrayContaining(['strict', 'full', 'yes', 'no']),
    );
    expect(labels('/x/a.service', '[Service]\nPrivateTmp=$0')).toEqual(
      expect.arrayContaining(['connected', 'disconnected']),
    );
    expect(labels('/x/a.service', '[Service]\nNoNewPrivileges=$0')).toEqual(
      expect.arrayContaining(['yes', 'no', 'on', 'off']),
    );
    expect(labels('/x/a.service', '[Service]\nKillSignal=$0')).toContain('SIGTERM');
    expect(labels('/x/a.service', '[Service]\nCapabilityBoundingSet=$0')).toContain('CAP_SYS_RAWIO');
    expect(labels('/x/a.service', '[Service]\nSystemCallFilter=$0')).toContain('@system-service');
    expect(labels('/x/a.service', '[Service]\nRestrictAddressFamilies=AF_UNIX $0')).toContain('AF_INET6');
  });

  it('offers unit names of the right type', () => {
    const units = ['a.service', 'b.socket', 'c.slice', 'network-online.target'];
    expect(labels('/x/a.service', '[Unit]\nAfter=$0', units)).toEqual(units);
    expect(labels('/x/a.service', '[Service]\nSlice=$0', units)).toEqual(['c.slice']);
    expect(labels('/x/a.socket', '[Socket]\nService=$0', units)).toEqual(['a.service']);
  });

  it('offers specifiers after %, only those valid in that place', () => {
    const inValue = labels('/x/a.service', '[Service]\nExecStart=/bin/echo %$0');
    expect(inValue).toEqual(expect.arrayContaining(['%i', '%I', '%n', '%h', '%t']));
    const inUnitName = labels('/x/a.service', '[Unit]\nAfter=foo@%$0');
    expect(inUnitName).toContain('%i');
    expect(inUnitName).not.toContain('%I');
    expect(inUnitName).not.toContain('%h');
    expect(labels('/x/a.service', '[Service]\nExecStart=/bin/echo 100%%$0')).toEqual([]);
  });

  it('offers the FileDescriptorName= hint that matches the Listen line', () => {
    expect(labels('/x/mqtt.socket', '[Socket]\nListenStream=127.0.0.1:1883\nFileDescriptorName=$0')).toContain(
      'socket(2,1,6)=0',
    );
    expect(labels('/x/mqtt.socket', '[Socket]\nListenDatagram=[::]:5353\nFileDescriptorName=$0')).toContain(
      'socket(10,2,17)=0',
    );
    expect(labels('/x/mqtt.socket', '[Socket]\nListenStream=/run/x.sock\nFileDescriptorName=$0')).toContain(
      'socket(1,1,0)=0',
    );
  });

  it('offers nothing in comments', () => {
    expect(labels('/x/a.service', '[Service]\n# Exec$0')).toEqual([]);
  });
});

describe('completion where people type most (issue 11)', () => {
  it('offers directives, not the previous value, on the empty last line of a file', () => {
    const text = '[Service]\nType=simple\n';
    const doc = createDocument('/x/a.service', text);
    const labels = getCompletions(doc, text.length, { targetVersion: 260 }).map((c) => c.label);
    expect(labels).toContain('ExecStart=');
    expect(labels).not.toContain('simple');
  });

  it('puts common directives first and deprecated ones last', () => {
    const text = '[Service]\n';
    const items = getCompletions(createDocument('/x/a.service', text), text.length, { targetVersion: 260 });
    const order = [...items]
      .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
      .map((c) => c.label);
    expect(order.indexOf('ExecStart=')).toBeLessThan(20);
    const firstDeprecated = order.findIndex((l) => items.find((i) => i.label === l)?.deprecated);
    const lastActive = order
      .map((l) => items.find((i) => i.label === l))
      .filter((i) => i && !i.deprecated && !i.label.startsWith('[')).length;
    expect(firstDeprecated).toBeGreaterThanOrEqual(lastActive - 1);
  });
});

describe('hover at the end of the file', () => {
  it('shows nothing on the empty last line', async () => {
    const { getHover } = await import('../../server/src/services/hover.js');
    const text = '[Service]\nType=simple\n';
    expect(getHover(createDocument('/x/a.service', text), text.length)).toBeUndefined();
  });
});

describe('snippets over LSP, where they fit', () => {
  const labels = (path: string, text: string, at = text.length) =>
    getCompletions(createDocument(path, text), at, { targetVersion: 260 }).map((c) => c.label);
  it('whole-unit templates only in an empty file of their type', () => {
    expect(labels('/x/a.service', '')).toEqual(expect.arrayContaining(['service', 'service-notify']));
    expect(labels('/x/a.service', '')).not.toContain('timer');
    expect(labels('/x/a.timer', '')).toContain('timer');
    expect(labels('/x/a.service', '[Service]\nExecStart=/bin/true\n')).not.toContain('service');
  });
  it('drop-in templates in an empty drop-in, after the sections', () => {
    const items = getCompletions(createDocument('/x/a.service.d/override.conf', ''), 0, { targetVersion: 260 });
    const sorted = [...items]
      .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
      .map((c) => c.label);
    expect(sorted.indexOf('dropin-execstart')).toBeGreaterThan(sorted.indexOf('[Service]'));
    expect(items.find((c) => c.label === 'dropin-execstart')?.snippet).toBe(true);
  });
  it('the sandbox block inside [Service]', () => {
    expect(labels('/x/a.service', '[Service]\nExecStart=/bin/true\n')).toContain('sandbox');
    expect(labels('/x/a.service', '[Unit]\n')).not.toContain('sandbox');
  });
});

describe('completion from the machine and the workspace (issue 11)', () => {
  it('offers the users and groups of this machine for User= and Group=', async () => {
    const { createLanguageService } = await import('../../server/src/languageService.js');
    const ls = createLanguageService();
    const text = '[Service]\nUser=\nGroup=\n';
    const doc = ls.parse('/x/a.service', text);
    const users = ls.getCompletions(doc, text.indexOf('User=') + 5).map((c) => c.label);
    const groups = ls.getCompletions(doc, text.indexOf('Group=') + 6).map((c) => c.label);
    // /etc/passwd and /etc/group of every Linux machine name root.
    expect(users).toContain('root');
    expect(groups).toContain('root');
  });

  it('describes unit names with their Description=', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createLanguageService } = await import('../../server/src/languageService.js');
    const ws = mkdtempSync(join(tmpdir(), 'sdu-cdesc-'));
    writeFileSync(join(ws, 'db.service'), '[Unit]\nDescription=The database\n[Service]\nExecStart=/bin/db\n');
    const ls = createLanguageService({ workspaceFolders: () => [ws] });
    const text = '[Unit]\nAfter=\n';
    const items = ls.getCompletions(ls.parse(join(ws, 'app.service'), text), text.indexOf('After=') + 6);
    expect(items.find((c) => c.label === 'db.service')?.detail).toBe('The database');
  });
});
