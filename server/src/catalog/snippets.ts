/**
 * The snippets contributed to VS Code (snippets/systemd.json), as data for the language server's completion: read on
 * first use from the same file the editor reads (util/dataFile.ts: the repository's and the package's root hold it).
 */
import { lazyJson } from '../util/dataFile.js';

export interface SnippetDef {
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description?: string;
}

export const snippetDefs: () => Readonly<Record<string, SnippetDef>> =
  lazyJson<Record<string, SnippetDef>>('../../snippets/systemd.json');
