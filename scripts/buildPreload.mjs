#!/usr/bin/env node
/**
 * Builds the socket-activation preload library (preload/sockethack.c) into dist/preload/libsockethack.so with the
 * machine's C compiler ($CC, else cc, gcc or clang). Without a compiler it says why it skipped and succeeds, so the
 * rest of the build still works; a compiler error fails the build. `make -C preload install` installs the result.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PRELOAD_SOURCE = join(ROOT, 'preload', 'sockethack.c');
export const PRELOAD_OUTPUT = join(ROOT, 'dist', 'preload', 'libsockethack.so');
/** Keep in step with CFLAGS/LDLIBS in preload/Makefile. */
export const PRELOAD_FLAGS = ['-std=gnu11', '-O2', '-g', '-fPIC', '-shared', '-fvisibility=hidden', '-Wall', '-Wextra'];

/** The first C compiler that answers `--version`, or undefined. */
export function findCompiler(env = process.env) {
  const candidates = env.CC ? [env.CC] : ['cc', 'gcc', 'clang'];
  for (const c of candidates) {
    const r = spawnSync(c, ['--version'], { stdio: 'ignore' });
    if (!r.error && r.status === 0) return c;
  }
  return undefined;
}

/**
 * Compiles the library to `out`. Returns { status: 'built' | 'skipped' | 'failed', message, output }.
 * `output` is what the compiler printed (warnings included).
 */
export function buildPreload({ out = PRELOAD_OUTPUT, env = process.env, quiet = false } = {}) {
  const log = (m) => {
    if (!quiet) console.log(m);
  };
  const cc = findCompiler(env);
  if (!cc) {
    const message = `preload: skipped ${out}: no C compiler found (tried ${env.CC ? `$CC=${env.CC}` : 'cc, gcc, clang'}); install gcc to build the socket-activation library`;
    log(message);
    return { status: 'skipped', message, output: '' };
  }
  if (!existsSync(PRELOAD_SOURCE)) {
    const message = `preload: ${PRELOAD_SOURCE} is missing`;
    console.error(message);
    return { status: 'failed', message, output: '' };
  }
  mkdirSync(dirname(out), { recursive: true });
  const r = spawnSync(cc, [...PRELOAD_FLAGS, '-o', out, PRELOAD_SOURCE, '-ldl'], { encoding: 'utf8' });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.error || r.status !== 0) {
    const message = `preload: ${cc} failed to build ${out}${r.error ? `: ${r.error.message}` : ` (exit ${r.status})`}`;
    console.error(`${output}${message}`);
    return { status: 'failed', message, output };
  }
  if (output && !quiet) process.stderr.write(output);
  const message = `built ${relative(process.cwd(), out) || out} with ${cc}`;
  log(message);
  return { status: 'built', message, output };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outArg = process.argv.indexOf('--out');
  const r = buildPreload(outArg > 0 ? { out: resolve(process.argv[outArg + 1]) } : {});
  if (r.status === 'failed') process.exitCode = 1;
}
