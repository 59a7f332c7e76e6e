/**
 * Run a snippet of TypeScript in a separate Node process with a time and memory limit, so that code which hangs
 * (reading a FIFO, /dev/zero) or eats memory fails the test instead of freezing the whole suite. The snippet is
 * bundled with esbuild; import the sources with paths relative to the repository root ('./server/src/…').
 * It reports back by calling `report(value)`, which prints JSON on stdout.
 */
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface IsolatedRun<T> {
  readonly ok: boolean;
  /** The process was killed at the deadline. */
  readonly timedOut: boolean;
  readonly ms: number;
  readonly status: number | null;
  readonly signal: string | null;
  readonly stderr: string;
  readonly value: T | undefined;
}

export function runIsolated<T = unknown>(
  code: string,
  opts: { timeoutMs?: number; maxOldSpaceMb?: number } = {},
): IsolatedRun<T> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const src = `const report = (v: unknown): void => { process.stdout.write('\\n@@REPORT@@' + JSON.stringify(v) + '\\n'); };\n${code}`;
  const out = buildSync({
    stdin: { contents: src, resolveDir: ROOT, loader: 'ts', sourcefile: 'isolated.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    define: { __DATA_ROOT__: JSON.stringify(join(ROOT, 'server/src')) }, // the generated tables (util/dataFile.ts)
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const dir = mkdtempSync(join(tmpdir(), 'isolated-'));
  const file = join(dir, 'run.mjs');
  writeFileSync(file, out.outputFiles[0]!.text);
  const t0 = Date.now();
  try {
    const r = spawnSync(process.execPath, [`--max-old-space-size=${opts.maxOldSpaceMb ?? 512}`, file], {
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = Date.now() - t0;
    const m = /@@REPORT@@(.*)\n/.exec(r.stdout ?? '');
    const timedOut = r.signal === 'SIGKILL' && ms >= timeoutMs - 50;
    return {
      ok: r.status === 0 && !!m,
      timedOut,
      ms,
      status: r.status,
      signal: r.signal,
      stderr: (r.stderr ?? '').slice(0, 4000),
      value: m ? (JSON.parse(m[1]!) as T) : undefined,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
