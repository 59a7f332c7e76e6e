// The steps the daemon tests (mosquitto.mjs, slapd.mjs) share: record the daemon's calls under strace, generate and
// check the units, start the daemon under systemd-socket-activate, and prove that the sockets it listens on are the
// passed ones. A daemon's two listening addresses are given as `[kind, local]` pairs, as listenersOn() takes them.
import { readFileSync, existsSync } from 'node:fs';
import {
  CLI,
  LIBRARY,
  activationArgs,
  check,
  comm,
  fdInode,
  fdTable,
  listenersOn,
  record,
  run,
  start,
  stop,
  straceExcerpt,
  unitTexts,
  waitFor,
} from './lib.mjs';

/**
 * 1. Runs `command` under strace until it listens on every address, stops the daemon, and returns the trace's text
 * ('' when strace wrote none). `listening` names the check that it came up.
 */
export async function recordCalls(trace, command, addresses, listening) {
  const traced = start('strace', ['-f', '-e', 'trace=socket,bind,listen', '-o', trace, ...command]);
  const up = await waitFor(() => addresses.every(([kind, local]) => listenersOn(kind, local).length));
  check(listening, up, traced.out);
  const daemonPid = listenersOn(...addresses[0])[0]?.owners[0]?.pid;
  if (daemonPid) process.kill(daemonPid, 'SIGTERM');
  await stop(traced);
  return existsSync(trace) ? readFileSync(trace, 'utf8') : '';
}

/** 2. `systemd-units sockets-from-strace` into `units`. */
export function generateUnits(trace, service, units) {
  const gen = run(process.execPath, [CLI, 'sockets-from-strace', trace, '--service', service, '--out', units]);
  check('sockets-from-strace wrote the units', gen.code === 0, gen.out);
  return gen;
}

/**
 * 2. The generated units: the drop-in preloads the installed library, each address has its expected hint
 * (`hints`: two `{ listen, hint, label }`), and the checker finds nothing wrong. Records the strace lines and the
 * units; returns activationArgs(), or undefined when the drop-in cannot be read.
 */
export function checkUnits(units, service, log, hints) {
  let act;
  try {
    act = activationArgs(units, service);
  } catch (e) {
    check('the drop-in can be read', false, e);
    return undefined;
  }
  check(
    'the drop-in preloads the installed library',
    act.environment.includes(`LD_PRELOAD=${LIBRARY}`),
    act.environment.join('\n'),
  );
  const [a, b] = hints;
  check(
    `hints are ${a.hint} for ${a.label} and ${b.hint} for ${b.label}`,
    act.hints.find((h) => h.listen === a.listen)?.hint === a.hint &&
      act.hints.find((h) => h.listen === b.listen)?.hint === b.hint,
    JSON.stringify(act.hints),
  );
  const lint = run(process.execPath, [CLI, 'check', units]);
  check(
    'the checker finds nothing wrong with the generated units',
    lint.code === 0 && /0 error\(s\), 0 warning\(s\)/.test(lint.out),
    lint.out,
  );
  const unitText = unitTexts(units);
  record(`${service}: strace lines`, straceExcerpt(log, unitText));
  record(`${service}: generated units`, unitText);
  return act;
}

/**
 * 3. Starts `command` under systemd-socket-activate with the generated arguments and waits until it holds every
 * address. `before` is the listener of each address (in the order of `addresses`), or undefined when that did not
 * happen; then systemd-socket-activate has been stopped already.
 */
export async function activate(act, command, addresses) {
  const sa = start('systemd-socket-activate', [...act.args, ...command]);
  const before = await waitFor(() => {
    const found = addresses.map(([kind, local]) => listenersOn(kind, local));
    // Owned by systemd-socket-activate at its final descriptor (it moves them to 3 and 4 after creating them).
    const ready = (l) => l.length === 1 && l[0].owners.length === 1 && l[0].owners[0].pid === sa.pid;
    return found.every(ready) ? found.map((l) => l[0]) : undefined;
  });
  check(
    'systemd-socket-activate holds both sockets before the first connection',
    before && comm(sa.pid) === 'systemd-socket-',
    `${sa.out}\n${comm(sa.pid)}`,
  );
  if (!before) await stop(sa);
  return { sa, before };
}

/** The descriptor a listener has in its (one) owner. */
export const fdOf = (l) => l.owners[0]?.fd;

/**
 * 4. Proof: each address (`{ local, before, after }`, `after` being listenersOn() now) still has the one socket
 * that was passed, at the same descriptor of the activated process, which is `daemon` now; and descriptors 3 and 4
 * of that process are those sockets. `withFd` adds the descriptor to the checks' names.
 */
export function checkStillPassed(sa, daemon, places, withFd = false) {
  const same = (b, a) =>
    a.length === 1 &&
    a[0].ino === b.ino &&
    a[0].owners.length === 1 &&
    a[0].owners[0].pid === sa.pid &&
    a[0].owners[0].fd === fdOf(b);
  for (const { local, before, after } of places) {
    check(
      `${local} is still the passed socket (inode ${before.ino}${withFd ? `, fd ${fdOf(before)}` : ''}), now owned by ${daemon}`,
      same(before, after),
      after.map((l) => l.line).join('\n'),
    );
  }
  check(
    '/proc/PID/fd/3 and /proc/PID/fd/4 are those sockets',
    fdInode(sa.pid, 3) === places[0].before.ino && fdInode(sa.pid, 4) === places[1].before.ino,
    fdTable(sa.pid),
  );
}
