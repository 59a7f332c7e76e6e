/**
 * The editor scores a service again only when what the score reads changed (securityInputKey): typing in an
 * ExecStart= line reuses the score, any change to a directive the scorer reads (or to its old name) does not.
 * Each step is checked against a fresh score of the same text.
 */
import { describe, it, expect } from 'vitest';
import {
  createLanguageService,
  effectiveOfText,
  scoreService,
  type SystemdDocument,
} from '../../server/src/languageService.js';
import { securityInputKey } from '../../server/src/services/security/index.js';

const PATH = '/nonexistent-sdu/app.service';
const lensOf = (ls: ReturnType<typeof createLanguageService>, doc: SystemdDocument): string =>
  ls.getCodeLenses(doc, 'file://' + PATH).find((l) => l.title.startsWith('exposure'))?.title ?? '';
const fresh = (text: string): string => {
  const s = scoreService(effectiveOfText(text), 'app.service', 252);
  return `exposure ${s.exposure} ${s.label}`;
};

describe('security input key', () => {
  const base = '[Unit]\nDescription=App\n\n[Service]\nExecStart=/usr/bin/app --flag\nPrivateTmp=no\n';
  const steps = [
    base,
    base.replace('--flag', '--flags and more'),
    base.replace('Description=App', 'Description=Another app'),
    base.replace('PrivateTmp=no', 'PrivateTmp=yes'),
    base + 'ProtectSystem=strict\n',
    base + 'NoNewPrivileges=yes\n',
    base + '[Unit]\nDefaultDependencies=no\n',
    base.replace('[Service]', '[Service]\nUser=app'),
  ];

  it('gives the score a fresh computation gives, at every step of an edit session', () => {
    const ls = createLanguageService({
      settings: () => ({ ...createLanguageService({}).settings(), targetVersion: 252 }),
    });
    for (const text of steps) {
      const doc = ls.parse(PATH, text);
      ls.getDiagnostics(doc);
      expect(lensOf(ls, doc), text).toBe(fresh(text));
    }
  });

  it('ignores lines the score does not read and changes with the ones it does', () => {
    const ls = createLanguageService({});
    const key = (text: string): string => securityInputKey(ls.parse(PATH, text).analysis);
    fresh(base); // the reader has looked at its directives
    expect(key(steps[1]!)).toBe(key(base));
    expect(key(steps[2]!)).toBe(key(base));
    for (const changed of steps.slice(3)) expect(key(changed), changed).not.toBe(key(base));
  });
});
