/** Document links: Documentation= URLs and man: pages, and absolute paths in path-like values. */
import type { Span } from '../parser/ast.js';
import type { SystemdDocument } from './document.js';
import { valueSpanToDocument } from '../parser/parser.js';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface LinkResult {
  readonly span: Span;
  readonly target: string;
  readonly tooltip?: string;
}

const PATH_KINDS = new Set(['path', 'path-list', 'env-file', 'exec-command', 'bind-paths', 'condition']);

function manUrl(page: string, section: string): string {
  if (
    /^(systemd|sd[-_]|journald|logind|networkd|resolved|timesyncd|udev|bootctl|machinectl|homectl|portablectl|tmpfiles|sysusers|journalctl|loginctl|systemctl|busctl|coredumpctl|hostnamectl|localectl|timedatectl|networkctl|resolvectl|os-release|machine-id|crypttab|hostname|locale\.conf|vconsole)/.test(
      page,
    )
  ) {
    return `https://www.freedesktop.org/software/systemd/man/latest/${page}.html`;
  }
  return `https://man7.org/linux/man-pages/man${section}/${page}.${section}.html`;
}

export function getDocumentLinks(doc: SystemdDocument, fileExists: (p: string) => boolean = existsSync): LinkResult[] {
  const out: LinkResult[] = [];
  for (const e of doc.analysis.entries) {
    if (!e.info || !e.node.value) continue;
    const v = e.node.value;
    const words = [...v.matchAll(/\S+/g)];
    if (e.info.name === 'Documentation') {
      for (const w of words) {
        const span = valueSpanToDocument(e.node, w.index!, w.index! + w[0].length);
        const man = /^man:([\w.+:@-]+)\((\d\w*)\)$/.exec(w[0]);
        if (man)
          out.push({ span, target: manUrl(man[1]!, man[2]!), tooltip: `Open the ${man[1]}(${man[2]}) man page` });
        else if (/^https?:\/\//.test(w[0])) out.push({ span, target: w[0] });
        else if (/^file:\//.test(w[0])) out.push({ span, target: w[0] });
      }
      continue;
    }
    if (!PATH_KINDS.has(e.info.kind)) continue;
    for (const w of words) {
      // Strip exec/condition prefixes and option suffixes; skip anything with specifiers or variables.
      const m = /^[-@:+!|]*(\/[^\s:%$"']*)/.exec(w[0]);
      if (!m) continue;
      const path = m[1]!;
      if (path.length < 2 || !fileExists(path)) continue;
      const start = w.index! + (w[0].length - w[0].replace(/^[-@:+!|]*/, '').length);
      out.push({
        span: valueSpanToDocument(e.node, start, start + path.length),
        target: pathToFileURL(path).href,
        tooltip: `Open ${path}`,
      });
    }
  }
  return out;
}
