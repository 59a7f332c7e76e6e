/**
 * Editor help for Podman Quadlet files: value suggestions that name the Quadlet files around (Pod=, Network=,
 * Volume=, Image=, [Unit] After=…) and images already used there; hover lines with the generated unit's name and
 * the podman release of a key; go to definition and references of Quadlet file names across the files around.
 */
import { basename } from 'node:path';
import type { Span } from '../parser/ast.js';
import type { DirectiveInfo } from '../catalog/catalog.js';
import type { Analysis } from './model.js';
import { quadletKeySince, quadletSection, quadletTypeOf, type QuadletType } from '../catalog/dialects.js';
import { quadletServiceName } from '../units/quadletFiles.js';
import { quadletRefsIn, quadletValues, isFullyQualifiedImage } from './rules/quadlet.js';

/** A Quadlet file around the one being edited (units/quadletFiles.ts), analysed. */
export interface QuadletFileAround {
  readonly path: string;
  readonly analysis: Analysis;
}

export interface QuadletSuggestion {
  readonly value: string;
  readonly detail?: string;
}

const NETWORK_MODES = ['host', 'none', 'private', 'bridge', 'pasta', 'slirp4netns'];

/** The generated service of a Quadlet file (ServiceName= when set in the main file). */
export function generatedServiceOf(path: string, analysis: Analysis): string | undefined {
  const t = quadletTypeOf(analysis.dialect?.id);
  if (!t) return undefined;
  const f = analysis.file;
  const name = f.kind === 'config' ? f.name : basename(path);
  if (f.kind === 'config' && f.dropIn && !name.includes('.')) return undefined;
  const sn = quadletValues(analysis.entries, quadletSection(t)).last('ServiceName')?.node.value.trim();
  return quadletServiceName(name, sn || undefined);
}

function describe(u: QuadletFileAround): string {
  const t = quadletTypeOf(u.analysis.dialect?.id);
  const desc = quadletValues(u.analysis.entries, 'Unit').last('Description')?.node.value;
  const service = generatedServiceOf(u.path, u.analysis);
  return [desc, t ? `Quadlet .${t}` : undefined, service ? `→ ${service}` : undefined].filter(Boolean).join(' · ');
}

/** Values for a key of a Quadlet file: the names of the Quadlet files around that the key may refer to. */
export function quadletValueSuggestions(
  info: DirectiveInfo,
  self: Analysis,
  around: readonly QuadletFileAround[],
): QuadletSuggestion[] {
  const t = quadletTypeOf(self.dialect?.id);
  if (!t) return [];
  const ofType = (...types: QuadletType[]): QuadletSuggestion[] =>
    around
      .filter(
        (u) =>
          u.analysis !== self &&
          types.includes(quadletTypeOf(u.analysis.dialect?.id)!) &&
          u.analysis.file.kind === 'config' &&
          !u.analysis.file.dropIn,
      )
      .map((u) => ({ value: basename(u.path), detail: describe(u) }));
  if (
    info.section === 'Unit' &&
    ['After', 'Before', 'Requires', 'Wants', 'BindsTo', 'PartOf', 'Conflicts', 'Requisite', 'Upholds'].includes(
      info.name,
    )
  ) {
    return ofType('container', 'volume', 'network', 'kube', 'image', 'build', 'pod', 'artifact');
  }
  if (info.section !== quadletSection(t)) return [];
  switch (info.name) {
    case 'Pod':
      return ofType('pod');
    case 'Network':
      return [
        ...ofType('network'),
        ...ofType('container').map((s) => ({ ...s, value: `container:${s.value}` })),
        ...NETWORK_MODES.map((m) => ({ value: m, detail: 'podman network mode' })),
      ];
    case 'Volume':
      return ofType('volume').map((s) => ({ ...s, value: `${s.value}:` }));
    case 'Image': {
      const images = new Set<string>();
      for (const u of around) {
        const ut = quadletTypeOf(u.analysis.dialect?.id);
        if (!ut) continue;
        for (const e of quadletValues(u.analysis.entries, quadletSection(ut)).all('Image')) {
          const v = e.node.value.trim();
          if (v && isFullyQualifiedImage(v)) images.add(v);
        }
      }
      return [
        ...ofType('image', 'build'),
        ...[...images].sort().map((value) => ({ value, detail: 'image used in the Quadlet files around' })),
      ];
    }
    default:
      return [];
  }
}

/** A hover line for a Quadlet section header: what the file becomes. */
export function quadletSectionHover(path: string, analysis: Analysis, section: string): string | undefined {
  const t = quadletTypeOf(analysis.dialect?.id);
  if (!t || section !== quadletSection(t)) return undefined;
  const service = generatedServiceOf(path, analysis);
  return service ? `Quadlet generates **${service}** from this file.` : undefined;
}

/** A hover line for a Quadlet key: the podman release that added it (and the unit name for ServiceName=). */
export function quadletKeyHover(
  path: string,
  analysis: Analysis,
  info: DirectiveInfo,
  podmanVersion?: string,
): string | undefined {
  const id = analysis.dialect?.id;
  if (!id || !quadletTypeOf(id)) return undefined;
  const since = quadletKeySince(id, info.section, info.name);
  if (!since) return undefined;
  const lines = [
    `**Since:** podman ${since}${podmanVersion && newer(since, podmanVersion) ? ` (newer than your target, podman ${podmanVersion})` : ''}`,
  ];
  if (info.name === 'ServiceName' || info.name.endsWith('Name')) {
    const service = generatedServiceOf(path, analysis);
    if (service) lines.push(`**Generated unit:** ${service}`);
  }
  return lines.join('  \n');
}

function newer(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

/** A Quadlet file name under the cursor in a Quadlet file's value (Pod=web.pod), with its span in the document. */
export function quadletRefAt(analysis: Analysis, offset: number): { name: string; span: Span } | undefined {
  if (!quadletTypeOf(analysis.dialect?.id)) return undefined;
  for (const e of analysis.entries) {
    const vs = e.node.valueSpan;
    if (offset < vs.start || offset > vs.end || vs.end - vs.start !== e.node.value.length) continue;
    const section = e.section.section.header?.name;
    if (!section) continue;
    for (const r of quadletRefsIn(section, e.node.key, e.node.value)) {
      if (offset >= vs.start + r.start && offset <= vs.start + r.end)
        return { name: r.name, span: { start: vs.start + r.start, end: vs.start + r.end } };
    }
  }
  return undefined;
}

/** Every mention of a Quadlet file name in the given analyses (definition targets are the files of that name). */
export function quadletMentions(name: string, files: readonly QuadletFileAround[]): { path: string; span: Span }[] {
  const out: { path: string; span: Span }[] = [];
  for (const u of files) {
    for (const e of u.analysis.entries) {
      const section = e.section.section.header?.name;
      const vs = e.node.valueSpan;
      if (!section || vs.end - vs.start !== e.node.value.length) continue;
      for (const r of quadletRefsIn(section, e.node.key, e.node.value))
        if (r.name === name) out.push({ path: u.path, span: { start: vs.start + r.start, end: vs.start + r.end } });
    }
  }
  return out;
}
