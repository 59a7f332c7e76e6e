import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocumentLinks } from '../../server/src/services/links.js';
import { createDocument } from '../../server/src/languageService.js';

/**
 * Inline cases: `«…»` marks each place a link is expected (like `$0` marks a cursor elsewhere). Returns the links
 * found as `[linked text, target]` pairs and checks that their spans are exactly the marked ones, in order.
 */
function links(path: string, marked: string, fileExists?: (p: string) => boolean): [string, string][] {
  const expected: { start: number; end: number }[] = [];
  let text = '';
  let open = -1;
  for (const ch of marked) {
    if (ch === '«') open = text.length;
    else if (ch === '»') expected.push({ start: open, end: text.length });
    else text += ch;
  }
  const found = getDocumentLinks(createDocument(path, text), fileExists);
  expect(found.map((l) => ({ start: l.span.start, end: l.span.end }))).toEqual(expected);
  return found.map((l) => [text.slice(l.span.start, l.span.end), l.target]);
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdu-links-'));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin/daemon'), '#!/bin/sh\n');
  writeFileSync(join(dir, 'daemon.env'), 'A=1\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('document links', () => {
  it('links Documentation= man pages, web pages and file URLs', () => {
    expect(
      links(
        '/x/a.service',
        '[Unit]\nDocumentation=«man:systemd.service(5)» «man:sshd(8)» «https://example.org/doc» «file:/usr/share/doc/a» info:a\n',
      ),
    ).toEqual([
      ['man:systemd.service(5)', 'https://www.freedesktop.org/software/systemd/man/latest/systemd.service.html'],
      ['man:sshd(8)', 'https://man7.org/linux/man-pages/man8/sshd.8.html'],
      ['https://example.org/doc', 'https://example.org/doc'],
      ['file:/usr/share/doc/a', 'file:/usr/share/doc/a'],
    ]);
  });

  it('places links correctly in a value continued over several lines', () => {
    expect(links('/x/a.service', '[Unit]\nDocumentation=«man:a(1)» \\\n  «https://example.org»\n')).toEqual([
      ['man:a(1)', 'https://man7.org/linux/man-pages/man1/a.1.html'],
      ['https://example.org', 'https://example.org'],
    ]);
  });

  it('links absolute paths that exist, after exec prefixes, and nothing else', () => {
    const bin = join(dir, 'bin/daemon');
    const env = join(dir, 'daemon.env');
    expect(
      links(
        '/x/a.service',
        `[Service]\nExecStart=-«${bin}» --config ${dir}/missing.conf\nEnvironmentFile=-«${env}»\nDescription=${bin}\n`,
      ),
    ).toEqual([
      [bin, pathToFileURL(bin).href],
      [env, pathToFileURL(env).href],
    ]);
  });

  it('asks the injected file check, not the disk, when one is given', () => {
    const seen: string[] = [];
    const exists = (p: string) => {
      seen.push(p);
      return p === '/opt/app/run';
    };
    expect(links('/x/a.service', '[Service]\nExecStart=«/opt/app/run» /opt/app/other\n', exists)).toEqual([
      ['/opt/app/run', 'file:///opt/app/run'],
    ]);
    expect(seen).toEqual(['/opt/app/run', '/opt/app/other']);
  });

  it('gives no links outside known directives or in comments', () => {
    expect(
      links(
        '/x/a.service',
        '# Documentation=man:a(1)\n[Unit]\nDocumentaton=man:a(1)\n[X-Vendor]\nDocumentation=man:a(1)\n',
      ),
    ).toEqual([]);
  });
});
