/**
 * The snippets of snippets/systemd.json (the VS Code contribution) as completion items for every LSP client,
 * offered where they fit: whole-unit templates in an empty file of their unit type, drop-in templates in a drop-in,
 * the system.conf.d template in manager files, blocks inside their section.
 */
import type { Span } from '../parser/ast.js';
import type { SystemdDocument } from './document.js';
import { snippetDefs } from '../catalog/snippets.js';

export interface SnippetItem {
  readonly name: string;
  readonly prefix: string;
  readonly body: string;
  readonly description: string;
}

/** Where a snippet fits, from its prefix (the naming convention of snippets/systemd.json). */
function fits(prefix: string, doc: SystemdDocument, section: string | undefined, emptyFile: boolean): boolean {
  const f = doc.file;
  if (prefix === 'sandbox') return section === 'Service';
  if (prefix.startsWith('dropin-')) return f.kind === 'dropin' && emptyFile;
  if (prefix.startsWith('system-conf-')) return f.kind === 'manager' && emptyFile;
  // Podman Quadlet: quadlet-container, quadlet-pod-container… in an empty main file of the type the prefix ends in.
  if (prefix.startsWith('quadlet-'))
    return f.kind === 'config' && !f.dropIn && emptyFile && f.dialect === `quadlet-${prefix.split('-').pop()}`;
  if (f.kind !== 'unit' || !emptyFile) return false;
  const type = prefix.split('-')[0];
  return type === f.unitType;
}

export function snippetCompletions(
  doc: SystemdDocument,
  section: string | undefined,
  replace: Span,
): { item: SnippetItem; replace: Span }[] {
  const emptyFile = !doc.tree.nodes.some((n) => n.kind === 'section' || n.kind === 'assignment');
  const out: { item: SnippetItem; replace: Span }[] = [];
  for (const [name, def] of Object.entries(snippetDefs())) {
    if (!fits(def.prefix, doc, section, emptyFile)) continue;
    out.push({
      item: { name, prefix: def.prefix, body: def.body.join('\n'), description: def.description ?? name },
      replace,
    });
  }
  return out;
}
