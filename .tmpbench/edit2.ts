import { createLanguageService, loadLanguageFeatures } from '../server/src/languageService.js';
import { generateUnit } from '../bench/lib/generate.mjs';
await loadLanguageFeatures();
const t = generateUnit(1000, 1000);
const off = t.indexOf('BENCH_VAR_451') + 5;
for (const path of ['/bench/prof.service', '/lib/systemd/system/zz-bench-edit-1000.service']) {
  const ls = createLanguageService({ savedText: () => t });
  const xs: number[] = [];
  for (let i = 0; i < 600; i++) {
    const text = i % 2 ? t : t.slice(0, off) + 'x' + t.slice(off);
    const t0 = performance.now();
    const doc = ls.parse(path, text);
    ls.getDiagnostics(doc);
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  console.log(path, 'median', xs[300].toFixed(2));
}
