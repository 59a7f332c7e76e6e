/** Did-you-mean: the closest candidates by edit distance, case-insensitive matches first. */

export function editDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > 64 || b.length > 64) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Up to `limit` candidates close to `word`: exact case-insensitive match first, then by distance. */
export function suggest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const max = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    if (c === word) continue;
    const cl = c.toLowerCase();
    if (cl === lower) {
      scored.push({ c, d: -1 });
      continue;
    }
    const d = editDistance(lower, cl, max);
    if (d <= max) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  const out: string[] = [];
  for (const s of scored)
    if (!out.includes(s.c)) {
      out.push(s.c);
      if (out.length >= limit) break;
    }
  return out;
}
