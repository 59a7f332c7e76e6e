/**
 * Preloaded into the server for memory measurements only: `node --expose-gc -r bench/lib/gcHook.cjs dist/server.js`.
 * On SIGUSR2 it runs a full garbage collection and writes `SDU-MEM {process.memoryUsage()}` to stderr
 * (never stdout, which carries the protocol).
 */
'use strict';
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  process.stderr.write(
    `SDU-MEM ${JSON.stringify({ ...process.memoryUsage(), gc: typeof global.gc === 'function' })}\n`,
  );
});
