/** Inline cases: `$0` marks the cursor (`|` means something in systemd, so it is not used). */
import { createDocument, type SystemdDocument } from '../../server/src/languageService.js';

export function withCursor(path: string, textWithCursor: string): { doc: SystemdDocument; offset: number } {
  const offset = textWithCursor.indexOf('$0');
  if (offset < 0) throw new Error('no $0 cursor in test text');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 2);
  return { doc: createDocument(path, text), offset };
}
