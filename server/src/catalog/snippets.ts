/** The snippets contributed to VS Code (snippets/systemd.json), as data for the language server's completion. */
import SNIPPETS_JSON from '../../../snippets/systemd.json';

export interface SnippetDef {
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description?: string;
}

export const SNIPPETS: Readonly<Record<string, SnippetDef>> = SNIPPETS_JSON as Record<string, SnippetDef>;
