import { describe, it, expect } from 'vitest';
import { mergeUnit, effectiveOfText } from '../../server/src/units/effective.js';
import { EDIT_MARKERS, overrideTemplate, stripEditMarkers } from '../../server/src/units/overrideTemplate.js';

const VENDOR = '/usr/lib/systemd/system/foo.service';
const eff = mergeUnit([
  {
    path: VENDOR,
    vendor: true,
    text: '[Unit]\nDescription=Foo\nAfter=network.target\n\n[Service]\nExecStart=/usr/bin/foo\nNice=1\n',
  },
  { path: '/etc/systemd/system/foo.service.d/10-a.conf', text: '[Service]\nNice=3\n' },
]);

describe('overrideTemplate', () => {
  it('shows the effective values as comments with where they come from', () => {
    const t = overrideTemplate(eff, {
      unitName: 'foo.service',
      path: '/etc/systemd/system/foo.service.d/override.conf',
    });
    expect(t).toBe(
      [
        '# Override for foo.service (/etc/systemd/system/foo.service.d/override.conf).',
        '# The commented lines show the current effective settings and where they come from.',
        '# Uncomment and change what you need; settings you do not write here keep their current value.',
        '',
        '[Unit]',
        `# from ${VENDOR}:2`,
        '# Description=Foo',
        '# (After= can only be added to in a drop-in, never reduced)',
        `# from ${VENDOR}:3`,
        '# After=network.target',
        '',
        '[Service]',
        '# (ExecStart= is a list: write an empty "ExecStart=" first to replace it rather than add to it)',
        `# from ${VENDOR}:6`,
        '# ExecStart=/usr/bin/foo',
        '# from /etc/systemd/system/foo.service.d/10-a.conf:2',
        '# Nice=3',
        '',
      ].join('\n'),
    );
    // As written, it changes nothing.
    const applied = mergeUnit([
      { path: 'a', text: '[Service]\nExecStart=/usr/bin/foo\nNice=3\n' },
      { path: 'b', text: t },
    ]);
    expect(applied.valuesOf('Service', 'Nice')).toEqual(['3']);
    expect(applied.valuesOf('Service', 'ExecStart')).toEqual(['/usr/bin/foo']);
  });

  it('always offers the type section, even when the unit has none', () => {
    const t = overrideTemplate(effectiveOfText('[Unit]\nDescription=x\n'), { unitName: 'x.service' });
    expect(t).toContain('\n[Service]\n');
  });

  it("wraps in systemctl edit's 252 markers, with the other files commented out below", () => {
    const t = overrideTemplate(eff, {
      unitName: 'foo.service',
      path: '/etc/systemd/system/foo.service.d/override.conf',
      markers: 252,
      otherFiles: [{ path: VENDOR, text: '[Service]\nExecStart=/usr/bin/foo\n\nNice=1\n' }],
    });
    expect(
      t.startsWith(`### Editing /etc/systemd/system/foo.service.d/override.conf\n${EDIT_MARKERS[252].start}\n`),
    ).toBe(true);
    expect(t).toContain(
      `${EDIT_MARKERS[252].end}\n\n### ${VENDOR}\n# [Service]\n# ExecStart=/usr/bin/foo\n#\n# Nice=1\n`,
    );
    const kept = stripEditMarkers(t);
    expect(kept).toContain('# Description=Foo');
    expect(kept).not.toContain('###');
  });

  it('keeps an existing override verbatim', () => {
    const existing = '[Service]\n# mine\nNice=7\n';
    const t = overrideTemplate(eff, { unitName: 'foo.service', existingText: existing, markers: 254 });
    expect(stripEditMarkers(t).startsWith(existing)).toBe(true);
    const plain = overrideTemplate(eff, { unitName: 'foo.service', existingText: existing });
    expect(plain.startsWith(existing)).toBe(true);
    expect(effectiveOfText(plain).valuesOf('Service', 'Nice')).toEqual(['7']);
  });

  it('an edit buffer with nothing between the markers is empty (systemctl cancels the edit)', () => {
    expect(stripEditMarkers(`${EDIT_MARKERS[254].start}\n\n${EDIT_MARKERS[254].end}\n# x\n`)).toBe('');
  });
});
