/**
 * Stage 4: a vendor unit (/usr/lib/systemd/…, /lib/systemd/…, /usr/local/lib/systemd/…, or their mirrors in a
 * workspace) that differs from what was shipped: the next package upgrade replaces the file and the change is
 * lost. What was shipped comes from the caller (`options.shipped`, units/shipped.ts): git HEAD, dpkg's checksum, or
 * the last saved version. The fixes travel in `data.vendor`: move the change to a drop-in, restore the shipped file.
 * A dialect's vendor file (/usr/lib/systemd/network/*.network, /usr/lib/systemd/*.conf…; issue 13) gets the same
 * treatment, its differences computed as the dialect merges (units/configDropIn.ts). A dialect's main file in /etc
 * that differs from what its package shipped (a dpkg conffile: journald.conf, logind.conf… on Debian) is reported as
 * information: the change survives upgrades (dpkg asks), but a drop-in keeps the file as shipped and the upgrade quiet.
 */
import type { Rule } from './types.js';
import { changedDirectives } from '../../units/shipped.js';
import { canonicalDirective } from '../../units/effective.js';
import { diffConfig } from '../../units/configDropIn.js';

/** At most this many changed directives are named in the message. */
const NAMED = 4;

export const vendorModifiedRule: Rule = {
  stage: 4,
  name: 'vendor-modified',
  codes: ['vendor-modified'],
  run(ctx) {
    const { analysis } = ctx;
    const config = analysis.file.kind === 'config' && !analysis.file.dropIn ? analysis.dialect : undefined;
    if (analysis.file.kind !== 'unit' && !config) return;
    const info = ctx.options.shipped?.();
    if (!info || !info.differs) return;
    if (info.conffile && analysis.file.kind === 'config') {
      const header = analysis.sections.find((s) => s.section.header)?.section.header;
      const span = header ? header.nameSpan : { start: 0, end: 0 };
      ctx.report({
        start: span.start,
        end: span.end,
        code: 'vendor-modified',
        severity: 'info',
        message:
          `${analysis.file.name} differs from the version ${info.package ? `package ${info.package}` : 'its package'} shipped (${info.from}). ` +
          `An upgrade that changes it will stop and ask which version to keep; settings in a drop-in (${analysis.file.name}.d/*.conf, Create Override) avoid that and leave this file as shipped.`,
      });
      return;
    }
    const header = analysis.sections.find((s) => s.section.header)?.section.header;
    let span = header ? header.nameSpan : { start: 0, end: 0 };
    let changed: string[] = [];
    const objects: string[] = [];
    if (info.text !== undefined && config) {
      const d = diffConfig(config, info.text, analysis.doc.text);
      changed = [...d.changed].map((k) => k.replace('\u0000', '.'));
      objects.push(...[...d.changedObjects].map((o) => `[${o}]`));
      const first = analysis.entries.find((e) => {
        const section = e.section.section.header?.name ?? '';
        return d.changed.has(`${section}\u0000${e.node.key}`) || d.changedObjects.has(section);
      });
      if (first) span = first.node.keySpan;
    } else if (info.text !== undefined) {
      const keys = changedDirectives(analysis.doc, info.text, analysis.unitType);
      changed = [...keys].map((k) => k.replace('\u0000', '.'));
      // Point at the first line whose directive differs.
      const first = analysis.entries.find((e) => {
        if (!e.info) return false;
        const c = canonicalDirective(e.info.section, e.node.key);
        return keys.has(`${c.section}\u0000${c.name}`);
      });
      if (first) span = first.node.keySpan;
    }
    const names = [...changed.map((c) => `${c.slice(c.indexOf('.') + 1)}=`), ...objects];
    const list = names.length
      ? ` Changed: ${names.slice(0, NAMED).join(', ')}${names.length > NAMED ? ` and ${names.length - NAMED} more` : ''}.`
      : '';
    let message: string;
    if (info.source === 'dpkg') {
      message =
        `This vendor file differs from the one shipped in package ${info.package ?? '?'} (its dpkg checksum does not match); a package upgrade will replace it and the change will be lost. ` +
        `The shipped text is not available here, so the difference cannot be shown: put your change in a drop-in, then get the shipped file back with 'apt-get install --reinstall ${info.package ?? '<package>'}'.`;
    } else if (names.length === 0) {
      message = `This vendor file differs from the shipped version (${info.from}) only in comments or layout; a package upgrade will replace it. Restore the shipped file.`;
    } else {
      message = `This vendor file differs from the shipped version (${info.from}); a package upgrade will replace it and the change will be lost. Move the change to a drop-in, or restore the shipped file.${list}`;
    }
    ctx.report({
      start: span.start,
      end: span.end,
      code: 'vendor-modified',
      message,
      data: {
        vendor: {
          source: info.source,
          from: info.from,
          ...(info.package ? { package: info.package } : {}),
          // The text itself stays out: it would travel with every publish (and back with every code action request).
          ...(info.text !== undefined ? { restorable: true } : {}),
          changed,
        },
      },
    });
  },
};
