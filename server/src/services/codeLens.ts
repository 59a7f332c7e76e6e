/** Code lens on a unit with drop-ins: "2 drop-ins · show effective unit" above the first line. */
import type { Span } from '../parser/ast.js';
import type { SystemdDocument } from './document.js';

export interface CodeLensResult {
  readonly span: Span;
  readonly title: string;
  readonly command: string;
  readonly arguments: unknown[];
}

export function dropInLens(doc: SystemdDocument, uri: string, dropIns: number): CodeLensResult[] {
  if (doc.file.kind !== 'unit' || dropIns === 0) return [];
  const first = doc.tree.nodes.find((n) => n.kind === 'section') ?? doc.tree.nodes[0];
  const span = first ? { start: first.start, end: first.start } : { start: 0, end: 0 };
  return [
    {
      span,
      title: `${dropIns} drop-in${dropIns === 1 ? '' : 's'} · show effective unit`,
      command: 'systemd.showEffectiveUnit',
      arguments: [uri],
    },
  ];
}
