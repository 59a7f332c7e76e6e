/**
 * Bytes ⇄ text without losing a byte. Valid UTF-8 decodes as usual; each byte that is not part of a valid
 * UTF-8 sequence becomes a lone surrogate U+DC80..U+DCFF (the "surrogateescape" scheme), which encodes back
 * to the same byte. The parser reports those code units as invalid UTF-8.
 */

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeBytes(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    return decodeLossless(bytes);
  }
}

function decodeLossless(b: Uint8Array): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  const flush = (): void => {
    if (chunk.length) {
      parts.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  };
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need = 0;
    let cp = 0;
    let min = 0;
    if (c < 0x80) {
      chunk.push(c);
      i++;
      if (chunk.length > 8192) flush();
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 0x1f;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 0x0f;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 0x07;
      min = 0x10000;
    }
    let ok = need > 0 && i + need < b.length;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const d = b[i + k];
        if (d === undefined || (d & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (d & 0x3f);
      }
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (!ok) {
      chunk.push(0xdc00 + c);
      i++;
    } else {
      if (cp >= 0x10000) {
        const v = cp - 0x10000;
        chunk.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      } else {
        chunk.push(cp);
      }
      i += need + 1;
    }
    if (chunk.length > 8192) flush();
  }
  flush();
  return parts.join('');
}

export function encodeText(text: string): Uint8Array {
  if (!/[\uDC80-\uDCFF]/.test(text)) return Buffer.from(text, 'utf8');
  const parts: Uint8Array[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      if (prev >= 0xd800 && prev <= 0xdbff) continue; // low half of a real pair
      if (i > last) parts.push(Buffer.from(text.slice(last, i), 'utf8'));
      parts.push(Uint8Array.of(c - 0xdc00));
      last = i + 1;
    }
  }
  if (last < text.length) parts.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(parts);
}
