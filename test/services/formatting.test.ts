/** Formatting: layout only, idempotent, never a change of meaning (issue 11). */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createDocument } from '../../server/src/languageService.js';
import { formatDocument, applyEdits } from '../../server/src/services/formatting.js';

const fmt = (text: string, path = '/x/a.service'): string =>
  applyEdits(text, formatDocument(createDocument(path, text)));
const assignments = (text: string) =>
  createDocument('/x/a.service', text).tree.nodes.flatMap((n) =>
    n.kind === 'assignment' ? [`${n.key}=${n.value}`] : [],
  );
const comments = (text: string) =>
  createDocument('/x/a.service', text).tree.nodes.flatMap((n) =>
    n.kind === 'comment' ? [text.slice(n.start, n.end).replace(/[\r\n]+$/, '')] : [],
  );

describe('formatting', () => {
  it('normalises spacing around =, trailing blanks, and blank lines between sections', () => {
    const input =
      '\n\n  [Unit]  \nDescription = My daemon   \n\n\n\nAfter=network.target\n# about the service\n[Service]\n   ExecStart = /usr/bin/d --flag  \n  \n\n';
    expect(fmt(input)).toBe(
      '[Unit]\nDescription=My daemon\n\nAfter=network.target\n\n# about the service\n[Service]\nExecStart=/usr/bin/d --flag\n',
    );
  });

  it('never touches comments, continuations or invalid lines, and keeps CRLF', () => {
    const input = '[Service]\r\n#  Keep   this  \r\nExecStart = /bin/sh -c \\\r\n   "echo  hi"  \r\nNot a line  \r\n';
    expect(fmt(input)).toBe(
      '[Service]\r\n#  Keep   this  \r\nExecStart = /bin/sh -c \\\r\n   "echo  hi"  \r\nNot a line  \r\n',
    );
  });

  it('adds the final line break', () => {
    expect(fmt('[Unit]\nDescription=x')).toBe('[Unit]\nDescription=x\n');
  });

  it('is idempotent and keeps every assignment and comment, for any input', () => {
    const line = fc.oneof(
      fc.constantFrom(
        '[Unit]',
        ' [Service] ',
        '',
        '   ',
        '# c  ',
        '; c',
        'A = b ',
        'Key=v\\',
        '  x y',
        'ExecStart=/bin/true  ',
        'E=a\\\\',
        '[Broken',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        const once = fmt(text);
        expect(fmt(once)).toBe(once);
        expect(assignments(once)).toEqual(assignments(text));
        expect(comments(once)).toEqual(comments(text));
      }),
      { numRuns: 1500 },
    );
  });
});
