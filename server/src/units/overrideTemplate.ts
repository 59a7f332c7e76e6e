/**
 * The first text of a new override, like `systemctl edit` (systemd-facts.md §7.3): a skeleton of the unit's
 * sections with its current effective values as comments, each with the file and line it comes from, so the user
 * uncomments and edits. Optionally wrapped in systemctl's markers (252 or 254+ wording).
 */
import { typeSection, type UnitType } from '../catalog/catalog.js';
import { guessUnitType, type EffectiveUnit } from './effective.js';

export const EDIT_MARKERS = {
  252: {
    start: '### Anything between here and the comment below will become the new contents of the file',
    end: '### Lines below this comment will be discarded',
  },
  254: {
    start: '### Anything between here and the comment below will become the contents of the drop-in file',
    end: '### Edits below this comment will be discarded',
  },
} as const;

export interface OverrideTemplateOptions {
  readonly unitName: string;
  /** Where the override will be written (shown in the heading). */
  readonly path?: string;
  readonly unitType?: UnitType;
  /** Wrap like `systemctl edit` does; default: no markers. */
  readonly markers?: false | 252 | 254;
  /** The current contents when the override already exists (kept verbatim at the top). */
  readonly existingText?: string;
  /** With markers: the other files, shown commented out below the end marker like systemctl does. */
  readonly otherFiles?: readonly { readonly path: string; readonly text: string }[];
}

function skeleton(eff: EffectiveUnit, unitType: UnitType | undefined): string {
  const typeSec = unitType ? typeSection(unitType) : undefined;
  const sections = eff.sectionNames();
  if (!sections.includes('Unit')) sections.unshift('Unit');
  if (typeSec && !sections.includes(typeSec)) sections.splice(1, 0, typeSec);
  const lines: string[] = [];
  for (const s of sections) {
    const dirs = eff.directives().filter((d) => d.section === s);
    if (s === 'Install' && dirs.every((d) => d.values.length === 0)) continue;
    if (lines.length) lines.push('');
    lines.push(`[${s}]`);
    for (const d of dirs) {
      if (d.values.length === 0) continue;
      if (d.mode === 'list')
        lines.push(`# (${d.name}= is a list: write an empty "${d.name}=" first to replace it rather than add to it)`);
      else if (d.mode === 'add-only') lines.push(`# (${d.name}= can only be added to in a drop-in, never reduced)`);
      else if (d.mode === 'first-wins') lines.push(`# (${d.name}= keeps its first value: a drop-in cannot change it)`);
      for (const v of d.values) {
        lines.push(`# from ${v.origin.file}:${v.origin.line}`);
        lines.push(`# ${d.name}=${v.value}`);
      }
    }
  }
  return lines.join('\n');
}

export function overrideTemplate(eff: EffectiveUnit, opts: OverrideTemplateOptions): string {
  const unitType = opts.unitType ?? guessUnitType(eff.sectionNames()) ?? guessFromName(opts.unitName);
  const body = skeleton(eff, unitType);
  const intro = [
    `# Override for ${opts.unitName}${opts.path ? ` (${opts.path})` : ''}.`,
    '# The commented lines show the current effective settings and where they come from.',
    '# Uncomment and change what you need; settings you do not write here keep their current value.',
  ].join('\n');
  const existing = opts.existingText ?? '';
  if (!opts.markers) {
    if (!existing) return `${intro}\n\n${body}\n`;
    // Keep the existing file first and verbatim; the current settings follow as comments only.
    const commented = body
      .split('\n')
      .map((l) => (l.startsWith('[') ? `# ${l}` : l))
      .join('\n');
    return `${existing.replace(/\s*$/, '')}\n\n# Current effective settings of ${opts.unitName}:\n${commented}\n`;
  }
  const m = EDIT_MARKERS[opts.markers];
  const out: string[] = [];
  if (opts.path) out.push(`### Editing ${opts.path}`);
  out.push(m.start, '');
  out.push(existing ? existing.replace(/\s*$/, '') : `${intro}\n\n${body}`);
  out.push('', m.end);
  for (const f of opts.otherFiles ?? []) {
    out.push('', `### ${f.path}`);
    for (const l of f.text.replace(/\s*$/, '').split(/\r\n|\n|\r/)) out.push(l === '' ? '#' : `# ${l}`);
  }
  return `${out.join('\n')}\n`;
}

/** The text between systemctl's markers (what `systemctl edit` saves); the whole text when there are none. */
export function stripEditMarkers(text: string): string {
  for (const m of Object.values(EDIT_MARKERS)) {
    const s = text.indexOf(m.start);
    if (s < 0) continue;
    const from = text.indexOf('\n', s);
    const e = text.indexOf(m.end, from);
    const inner = text.slice(from < 0 ? text.length : from + 1, e < 0 ? text.length : e);
    const body = inner.replace(/^\s*\n/, '').replace(/\s*$/, '');
    return body === '' ? '' : `${body}\n`;
  }
  return text;
}

function guessFromName(name: string): UnitType | undefined {
  const t = name.slice(name.lastIndexOf('.') + 1);
  return (
    ['service', 'socket', 'target', 'device', 'mount', 'automount', 'swap', 'timer', 'path', 'slice', 'scope'] as const
  ).find((x) => x === t);
}
