// mosquitto (Debian's, unmodified): strace → sockets-from-strace → systemd-socket-activate with the hints and
// LD_PRELOAD → MQTT CONNECT/CONNACK on IPv4 and IPv6 → the listening sockets are the passed ones. Then two wrong
// hints: the daemon falls back to its own socket, which cannot bind.
import { mkdtempSync, readFileSync, writeFileSync, existsSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLI,
  check,
  record,
  start,
  stop,
  run,
  waitFor,
  listenersOn,
  comm,
  fdTable,
  freePort,
  mqttConnect,
  activationArgs,
} from './lib.mjs';
import { recordCalls, generateUnits, checkUnits, activate, checkStillPassed } from './proof.mjs';

export async function mosquitto() {
  console.log('\n== mosquitto');
  const dir = mkdtempSync(join(tmpdir(), 'sdu-mosquitto-'));
  const port = await freePort();
  const v4 = `127.0.0.1:${port}`;
  const v6 = `[::1]:${port}`;
  const addresses = [
    ['tcp', v4],
    ['tcp', v6],
  ];
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      `listener ${port} ::1`,
      'allow_anonymous true',
      'persistence false',
      'log_dest stderr',
      'log_type all',
      '',
    ].join('\n'),
  );

  // 1. Record the calls.
  const trace = join(dir, 'mosquitto.trace');
  const log = await recordCalls(
    trace,
    ['mosquitto', '-c', conf],
    addresses,
    'mosquitto listens on both addresses under strace',
  );
  check('strace recorded the bind() calls', log.includes(`sin_port=htons(${port})`), log);

  // 2. Generate the units (the default --preload is the installed library).
  const units = join(dir, 'units');
  const gen = generateUnits(trace, 'mosquitto', units);
  const socketFiles = ['mosquitto-' + port + '-ipv4.socket', 'mosquitto-' + port + '-ipv6.socket'];
  check(
    'one .socket unit per listening socket',
    socketFiles.every((f) => existsSync(join(units, f))),
    gen.out,
  );
  const act = checkUnits(units, 'mosquitto', log, [
    { listen: v4, hint: 'socket(2,1,6)=0', label: 'IPv4' },
    { listen: v6, hint: 'socket(10,1,6)=0', label: 'IPv6' },
  ]);
  if (!act) return;

  // 3. Socket activation with the hints and the library.
  const { sa, before } = await activate(act, ['mosquitto', '-c', conf], addresses);
  if (!before) return;
  const [before4, before6] = before;
  const ack4 = await mqttConnect('127.0.0.1', port);
  check(
    'MQTT CONNECT over IPv4 → CONNACK accepted (and the first connection started mosquitto)',
    ack4 === '20020000',
    `${ack4}\n${sa.out}`,
  );
  const ack6 = await mqttConnect('::1', port);
  check('MQTT CONNECT over IPv6 → CONNACK accepted', ack6 === '20020000', `${ack6}\n${sa.out}`);
  check('the activated process is mosquitto, same pid', comm(sa.pid) === 'mosquitto', comm(sa.pid));

  // 4. Proof: the sockets mosquitto listens on are the passed ones (same kernel sockets, descriptors 3 and 4).
  const after4 = listenersOn('tcp', v4);
  const after6 = listenersOn('tcp', v6);
  check(
    'exactly one socket listens on each address',
    after4.length === 1 && after6.length === 1,
    [...after4, ...after6].map((l) => l.line).join('\n'),
  );
  checkStillPassed(
    sa,
    'mosquitto',
    [
      { local: v4, before: before4, after: after4 },
      { local: v6, before: before6, after: after6 },
    ],
    true,
  );
  check(
    'mosquitto logged both connections on that port',
    /New connection from 127\.0\.0\.1:\d+ on port/.test(sa.out) && /New connection from ::1:\d+ on port/.test(sa.out),
    sa.out,
  );
  record(
    'mosquitto: proof',
    [
      `before the first connection (ss -ltnpe):\n  ${before4.line}\n  ${before6.line}`,
      `after MQTT CONNECT → CONNACK ${ack4} (IPv4), ${ack6} (IPv6):\n  ${after4.map((l) => l.line).join('\n  ')}\n  ${after6.map((l) => l.line).join('\n  ')}`,
      `/proc/${sa.pid}/fd:\n  ${fdTable(sa.pid).replace(/\n/g, '\n  ')}`,
      `mosquitto's log:\n  ${sa.out
        .split('\n')
        .filter((l) => /Listening|Execing|Communication|New connection|Opening/.test(l))
        .join('\n  ')}`,
    ].join('\n'),
  );
  await stop(sa);

  // 5. A wrong hint the checker flags: AF_INET6 on the IPv4 socket. The library refuses that descriptor, so
  //    mosquitto's IPv4 socket() gets a fresh socket, whose bind() fails because the address is taken.
  const wrong = withHint(units, join(dir, 'wrong'), socketFiles[0], 'socket(10,1,6)=1');
  const flagged = run(process.execPath, [CLI, 'check', wrong]);
  check(
    'the checker flags the wrong hint (fd-hint-mismatch)',
    /fd-hint-mismatch/.test(flagged.out) && flagged.out.includes(socketFiles[0]),
    flagged.out,
  );
  await negative(
    'wrong family',
    wrong,
    conf,
    port,
    v4,
    /passed descriptor 3 is socket\(2,1,6\), which does not fit its hint socket\(10,1,6\)=1/,
  );

  // 6. A wrong index (no checker can know the order of the daemon's calls): socket(2,1,6)=1 names a second IPv4
  //    call that never comes. The library says which bind() hit the passed socket's address.
  const index = withHint(units, join(dir, 'index'), socketFiles[0], 'socket(2,1,6)=1');
  await negative(
    'wrong index',
    index,
    conf,
    port,
    v4,
    /binds 127\.0\.0\.1:\d+, the address of passed descriptor 3, but its socket\(\) call is not the one the hint socket\(2,1,6\)=1 names/,
  );
}

/** A copy of the generated units in `to` whose IPv4 socket unit `file` has `hint` instead of socket(2,1,6)=0. */
function withHint(units, to, file, hint) {
  cpSync(units, to, { recursive: true });
  const unit = join(to, file);
  writeFileSync(
    unit,
    readFileSync(unit, 'utf8').replace('FileDescriptorName=socket(2,1,6)=0', `FileDescriptorName=${hint}`),
  );
  return to;
}

async function negative(what, units, conf, port, v4, libraryLine) {
  const act = activationArgs(units, 'mosquitto');
  // strace follows the exec: mosquitto's own bind() of the IPv4 address must fail with EADDRINUSE.
  const trace = join(units, 'negative.trace');
  const sa = start('strace', [
    '-f',
    '-e',
    'trace=bind',
    '-o',
    trace,
    'systemd-socket-activate',
    ...act.args,
    'mosquitto',
    '-c',
    conf,
  ]);
  const ready = await waitFor(() => listenersOn('tcp', v4).length === 1);
  check(`${what}: systemd-socket-activate listens`, ready, sa.out);
  const ack = await mqttConnect('::1', port, 5000);
  const code = await Promise.race([sa.exited, new Promise((r) => setTimeout(() => r('still running'), 10000))]);
  if (code === 'still running') await stop(sa);
  const log = existsSync(trace) ? readFileSync(trace, 'utf8') : '';
  const ownBind = log
    .split('\n')
    .find((l) =>
      new RegExp(`bind\\((\\d+), \\{sa_family=AF_INET, sin_port=htons\\(${port}\\).* = -1 EADDRINUSE`).test(l),
    );
  const ownFd = Number(/bind\((\d+)/.exec(ownBind ?? '')?.[1]);
  check(
    `${what}: mosquitto binds its own socket (fd ${ownFd}, not a passed one) and gets EADDRINUSE`,
    ownBind !== undefined && ownFd > 4,
    log,
  );
  check(
    `${what}: mosquitto gives up (exit ${code})`,
    code !== 0 && code !== 'still running' && /Address already in use/.test(sa.out),
    `${code}\n${sa.out}`,
  );
  check(`${what}: the library explained it on stderr`, libraryLine.test(sa.out), sa.out);
  check(`${what}: no MQTT service`, ack !== '20020000', String(ack));
  record(
    `mosquitto, ${what}: what happened`,
    [
      ...sa.out.split('\n').filter((l) => /sockethack|Error|Address already/.test(l)),
      `strace: ${ownBind ?? '(no failing bind)'}`,
    ].join('\n'),
  );
}
