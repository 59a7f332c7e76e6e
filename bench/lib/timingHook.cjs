/**
 * Preloaded into the server for the latency scenario only: `node -r bench/lib/timingHook.cjs dist/server.js`.
 * Records when each chunk of input arrives and when each output write starts (epoch milliseconds, sub-millisecond
 * precision); on SIGUSR1 writes them as JSON to the file named by SDU_TIMING_FILE. The bench splits each request's
 * round trip into the server's part (request read -> answer written) and the transport's (pipes, the client).
 */
'use strict';
const { writeFileSync } = require('node:fs');
const clock = require('node:perf_hooks').performance;

const at = () => clock.timeOrigin + clock.now();
const ins = [];
const outs = [];
const emit = process.stdin.emit;
process.stdin.emit = function (event, ...args) {
  if (event === 'data') ins.push(at());
  return emit.call(this, event, ...args);
};
const write = process.stdout.write;
process.stdout.write = function (...args) {
  outs.push(at());
  return write.apply(this, args);
};
process.on('SIGUSR1', () => {
  if (process.env.SDU_TIMING_FILE) writeFileSync(process.env.SDU_TIMING_FILE, JSON.stringify({ ins, outs }));
});
