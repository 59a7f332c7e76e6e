/** Hovers that read well (issue 11): no raw roff tables, about 1,500 characters, a link to the rest. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createLanguageService } from '../../server/src/languageService.js';
import { tableToMarkdown } from '../../server/src/man/manPages.js';

describe('hover size and tables', () => {
  const ls = createLanguageService();
  it('keeps directive hovers short and free of roff table markup, for every directive of [Service]', () => {
    const text =
      '[Service]\nExecStart=/bin/true\nType=simple\nProtectSystem=strict\nRestart=always\nSystemCallFilter=@system-service\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n';
    const doc = ls.parse('/x/a.service', text);
    for (const n of doc.tree.nodes) {
      if (n.kind !== 'assignment') continue;
      const h = ls.getHover(doc, n.keySpan.start)!;
      expect(h.markdown.length, n.key).toBeLessThanOrEqual(2200);
      expect(h.markdown).not.toMatch(/allbox|tab\(:\)|T\{|T\}/);
    }
  });

  it('renders the ExecStart= prefix table of the installed man page as a markdown table', () => {
    // The page comes with systemd (installed on every machine that runs these tests); a missing page fails.
    const roff = gunzipSync(readFileSync('/usr/share/man/man5/systemd.service.5.gz')).toString('utf8').split('\n');
    const start = roff.indexOf('.TS');
    const md = tableToMarkdown(roff.slice(start + 1, roff.indexOf('.TE', start)));
    const lines = md.split('\n');
    expect(lines[0]).toBe('| Prefix | Effect |');
    expect(lines[1]).toBe('| --- | --- |');
    expect(lines.some((l) => l.startsWith('| "@" | If the executable path is prefixed with "@"'))).toBe(true);
  });
});
