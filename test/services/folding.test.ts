import { describe, it, expect } from 'vitest';
import { getFoldingRanges } from '../../server/src/services/folding.js';
import { createDocument } from '../../server/src/languageService.js';

/** Lines are given one per array entry, so the 0-based line numbers in the expectations are the array indexes. */
const fold = (lines: string[], path = '/x/a.service', eol = '\n') =>
  getFoldingRanges(createDocument(path, lines.join(eol)));

describe('folding', () => {
  const unit = [
    '# Installed by the package.', // 0
    '# Edit with systemctl edit.', // 1
    '[Unit]', // 2
    'Description=Example', // 3
    '', // 4
    '[Service]', // 5
    'ExecStart=/usr/bin/example \\', // 6
    '  --verbose', // 7
    '# keep the state', // 8
    '', // 9
    '', // 10
    '[Install]', // 11
    'WantedBy=multi-user.target', // 12
  ];

  it('folds each section from its header to its last non-blank line, continuation lines included', () => {
    expect(fold(unit).filter((r) => r.kind === 'region')).toEqual([
      { startLine: 2, endLine: 3, kind: 'region' },
      { startLine: 5, endLine: 8, kind: 'region' },
      { startLine: 11, endLine: 12, kind: 'region' },
    ]);
  });

  it('folds blocks of two or more comment lines, not a single comment', () => {
    expect(fold(unit).filter((r) => r.kind === 'comment')).toEqual([{ startLine: 0, endLine: 1, kind: 'comment' }]);
    expect(fold(['[Unit]', '# one', 'Description=x', '# two', '# three', '; four'])).toContainEqual({
      startLine: 3,
      endLine: 5,
      kind: 'comment',
    });
  });

  it('gives no range for a header alone, or one followed only by blank lines', () => {
    expect(fold(['[Unit]', 'Description=x', '[Service]', '', '', '[Install]'])).toEqual([
      { startLine: 0, endLine: 1, kind: 'region' },
    ]);
  });

  it('counts lines the same with CRLF line ends and a byte order mark', () => {
    expect(fold(unit, '/x/a.service', '\r\n')).toEqual(fold(unit));
    expect(fold(['\uFEFF[Unit]', 'Description=x'], '/x/a.service', '\r\n')).toEqual([
      { startLine: 0, endLine: 1, kind: 'region' },
    ]);
  });

  it('folds drop-ins and system.conf like units', () => {
    expect(
      fold(['[Service]', 'ExecStart=', 'ExecStart=/bin/true'], '/etc/systemd/system/a.service.d/override.conf'),
    ).toEqual([{ startLine: 0, endLine: 2, kind: 'region' }]);
    expect(
      fold(['[Manager]', 'RuntimeWatchdogSec=30s', 'RebootWatchdogSec=10min'], '/etc/systemd/system.conf'),
    ).toEqual([{ startLine: 0, endLine: 2, kind: 'region' }]);
  });

  it('returns nothing for an empty file or one without sections or comment blocks', () => {
    expect(fold([''])).toEqual([]);
    expect(fold(['Description=outside any section', '# lone comment'])).toEqual([]);
  });
});
