import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseUnit, printUnit } from '../../server/src/parser/parser.js';
import { decodeBytes, encodeText } from '../../server/src/parser/bytes.js';
import type { AssignmentNode, UnitDocument } from '../../server/src/parser/ast.js';

const assignments = (doc: UnitDocument): AssignmentNode[] =>
  doc.nodes.filter((n): n is AssignmentNode => n.kind === 'assignment');

function tiles(doc: UnitDocument): boolean {
  let pos = 0;
  for (const n of doc.nodes) {
    if (n.start !== pos || n.end < n.start) return false;
    pos = n.end;
  }
  return pos === doc.text.length;
}

// Unit-file-ish alphabet so random inputs hit the interesting paths often.
const unitChar = fc.constantFrom(
  '[',
  ']',
  '=',
  '\\',
  '#',
  ';',
  ' ',
  '\t',
  '\n',
  '\r',
  '\0',
  'a',
  'B',
  '%',
  '"',
  "'",
  '\uFEFF',
  'é',
  '\uD83D\uDE00',
  '\uDC80',
  '.',
  'i',
  'n',
  'c',
  'l',
  'u',
  'd',
  'e',
);

describe('round trip (property)', () => {
  it('prints any string back exactly, and the nodes tile the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: unitChar, maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
        (s) => {
          const doc = parseUnit(s);
          expect(printUnit(doc)).toBe(s);
          expect(tiles(doc)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps every byte of any byte sequence (invalid UTF-8 included)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = decodeBytes(bytes);
        const doc = parseUnit(text);
        expect(Buffer.from(encodeText(printUnit(doc))).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parser', () => {
  it('reads sections and assignments with whitespace around =', () => {
    const doc = parseUnit('[Unit]\nDescription = Hello world  \n[Service]\nExecStart=/bin/true\n');
    expect(doc.sections.map((s) => s.name)).toEqual([undefined, 'Unit', 'Service']);
    const [d, e] = assignments(doc);
    expect(d!.key).toBe('Description');
    expect(d!.value).toBe('Hello world');
    expect(doc.text.slice(d!.valueSpan.start, d!.valueSpan.end)).toBe('Hello world');
    expect(e!.line).toBe(3);
    expect(doc.problems).toEqual([]);
  });

  it('keeps empty values (list resets)', () => {
    const [a] = assignments(parseUnit('[Service]\nExecStart=\n'));
    expect(a!.value).toBe('');
    expect(a!.valueSpan.start).toBe(a!.eq + 1);
  });

  it('repeated sections both count', () => {
    const doc = parseUnit('[Service]\nA=1\n[Unit]\nB=2\n[Service]\nC=3\n');
    expect(doc.sections.filter((s) => s.name === 'Service').map((s) => s.assignments.map((a) => a.key))).toEqual([
      ['A'],
      ['C'],
    ]);
  });

  it('treats # and ; as comments, also with leading blanks', () => {
    const doc = parseUnit('# one\n; two\n   # three\n[Unit]\n');
    expect(doc.nodes.filter((n) => n.kind === 'comment')).toHaveLength(3);
  });

  it('joins continuation lines with a space and skips comment lines inside them, as systemd does', () => {
    const text = '[Service]\nExecStart=/usr/bin/foo \\\n  --a \\\n# not part of it\n; nor this\n  --b\nType=simple\n';
    const doc = parseUnit(text);
    const [exec, type] = assignments(doc);
    expect(exec!.value).toBe('/usr/bin/foo    --a    --b');
    expect(exec!.innerComments).toHaveLength(2);
    expect(exec!.pieces).toHaveLength(3);
    expect(type!.key).toBe('Type');
    expect(type!.line).toBe(6);
  });

  it('an escaped backslash at the end does not continue the line', () => {
    const doc = parseUnit('[Service]\nEnvironment=A=x\\\\\nType=simple\n');
    expect(assignments(doc).map((a) => a.key)).toEqual(['Environment', 'Type']);
  });

  it('maps value offsets across continuation pieces', () => {
    const text = '[Service]\nExecStart=/bin/a \\\n   bad\n';
    const doc = parseUnit(text);
    const a = assignments(doc)[0]!;
    const i = a.value.indexOf('bad');
    const docOff = a.pieces[1]!.start + (a.valueLogicalStart + i - a.pieces[1]!.logicalStart);
    expect(text.slice(docOff, docOff + 3)).toBe('bad');
  });

  it('handles CRLF and a UTF-8 BOM', () => {
    const doc = parseUnit('\uFEFF[Unit]\r\nDescription=x\r\n');
    expect(doc.bomLength).toBe(1);
    expect(doc.sections[1]!.name).toBe('Unit');
    expect(assignments(doc)[0]!.value).toBe('x');
    expect(doc.lineStarts).toEqual([0, 9, 24]);
  });

  it('flags broken headers: [Unit is refused, Unit] lacks =', () => {
    const doc = parseUnit('[Unit\nUnit]\n');
    expect(doc.problems.map((p) => p.code)).toEqual(['invalid-section-header', 'missing-equals']);
  });

  it('flags .include, a key-less =, NUL bytes and invalid UTF-8', () => {
    const doc = parseUnit(
      '.include /etc/foo\n[Unit]\n=x\nA=b\0C=d\n' + decodeBytes(Uint8Array.of(0x42, 0x3d, 0xff, 0x0a)),
    );
    expect(doc.problems.map((p) => p.code).sort()).toEqual([
      'include-unsupported',
      'invalid-utf8',
      'missing-key',
      'nul-byte',
    ]);
    // systemd ends the line at NUL: "A=b" and "C=d" are two assignments.
    expect(assignments(doc).map((a) => `${a.key}=${a.value}`)).toContain('C=d');
  });

  it('keeps lines outside any section in the leading section', () => {
    const doc = parseUnit('Foo=bar\n[Unit]\n');
    expect(doc.sections[0]!.header).toBeUndefined();
    expect(doc.sections[0]!.assignments[0]!.key).toBe('Foo');
  });

  it('reports a continuation at end of file and still parses it', () => {
    const doc = parseUnit('[Service]\nExecStart=/bin/true \\');
    expect(doc.problems.map((p) => p.code)).toEqual(['continuation-at-eof']);
    expect(assignments(doc)[0]!.value).toBe('/bin/true');
  });

  it('lone CR ends a line like systemd', () => {
    const doc = parseUnit('[Unit]\rDescription=x\r');
    expect(assignments(doc)[0]!.key).toBe('Description');
  });

  it('is linear: a 50,000-line continuation parses quickly', () => {
    const text = '[Service]\nExecStart=/bin/true \\\n' + 'x \\\n'.repeat(50000) + 'y\n';
    const t = performance.now();
    const doc = parseUnit(text);
    expect(assignments(doc)).toHaveLength(1);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
