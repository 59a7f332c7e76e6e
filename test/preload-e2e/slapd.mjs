// slapd (Debian's, unmodified) with a minimal configuration of our own in a temporary folder (slapd.conf, an mdb
// database filled with slapadd), so the Debian instance and its debconf answers are not involved: strace →
// sockets-from-strace → systemd-socket-activate with the hints and LD_PRELOAD → ldapsearch over ldapi:// and
// ldap:// → the listening sockets are the passed ones, and the socket file slapd removes before binding (and on
// exit) is still there.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLI,
  LIBRARY,
  check,
  record,
  start,
  stop,
  run,
  waitFor,
  listenersOn,
  fdInode,
  comm,
  fdTable,
  freePort,
  activationArgs,
  unitTexts,
  straceExcerpt,
} from './lib.mjs';

export async function slapd() {
  console.log('\n== slapd');
  const dir = mkdtempSync(join(tmpdir(), 'sdu-slapd-'));
  const port = await freePort();
  const tcp = `127.0.0.1:${port}`;
  const ldapi = join(dir, 'ldapi');
  const urls = `ldap://${tcp}/ ldapi://${encodeURIComponent(ldapi)}/`;
  const conf = join(dir, 'slapd.conf');
  mkdirSync(join(dir, 'db'));
  writeFileSync(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${join(dir, 'slapd.pid')}`,
      'database mdb',
      'maxsize 10485760',
      'suffix "dc=example,dc=org"',
      'rootdn "cn=admin,dc=example,dc=org"',
      'rootpw secret',
      `directory ${join(dir, 'db')}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'data.ldif'),
    [
      'dn: dc=example,dc=org',
      'objectClass: dcObject',
      'objectClass: organization',
      'o: Example',
      'dc: example',
      '',
      'dn: cn=alice,dc=example,dc=org',
      'objectClass: person',
      'cn: alice',
      'sn: Liddell',
      '',
    ].join('\n'),
  );
  const added = run('slapadd', ['-f', conf, '-l', join(dir, 'data.ldif')]);
  if (!check('slapadd loads the test entries', added.code === 0, added.out)) return;
  const slapdArgs = ['-d', 'stats', '-f', conf, '-h', urls];

  // 1. Record the calls (slapd listens from another thread: -f).
  const trace = join(dir, 'slapd.trace');
  const traced = start('strace', ['-f', '-e', 'trace=socket,bind,listen', '-o', trace, 'slapd', ...slapdArgs]);
  const up = await waitFor(() => listenersOn('tcp', tcp).length && listenersOn('unix', ldapi).length);
  check('slapd listens on ldap:// and ldapi:// under strace', up, traced.out);
  const daemonPid = listenersOn('tcp', tcp)[0]?.owners[0]?.pid;
  if (daemonPid) process.kill(daemonPid, 'SIGTERM');
  await stop(traced);
  const log = existsSync(trace) ? readFileSync(trace, 'utf8') : '';
  check(
    'strace recorded the bind() calls',
    log.includes(`sin_port=htons(${port})`) && log.includes(`sun_path="${ldapi}"`),
    log,
  );

  // 2. Generate.
  const units = join(dir, 'units');
  const gen = run(process.execPath, [CLI, 'sockets-from-strace', trace, '--service', 'slapd', '--out', units]);
  check('sockets-from-strace wrote the units', gen.code === 0, gen.out);
  let act;
  try {
    act = activationArgs(units, 'slapd');
  } catch (e) {
    check('the drop-in can be read', false, e);
    return;
  }
  check(
    'the drop-in preloads the installed library',
    act.environment.includes(`LD_PRELOAD=${LIBRARY}`),
    act.environment.join('\n'),
  );
  check(
    'hints are socket(2,1,0)=0 for ldap:// and socket(1,1,0)=0 for ldapi://',
    act.hints.find((h) => h.listen === tcp)?.hint === 'socket(2,1,0)=0' &&
      act.hints.find((h) => h.listen === ldapi)?.hint === 'socket(1,1,0)=0',
    JSON.stringify(act.hints),
  );
  const lint = run(process.execPath, [CLI, 'check', units]);
  check(
    'the checker finds nothing wrong with the generated units',
    lint.code === 0 && /0 error\(s\), 0 warning\(s\)/.test(lint.out),
    lint.out,
  );
  const unitText = unitTexts(units);
  record('slapd: strace lines', straceExcerpt(log, unitText));
  record('slapd: generated units', unitText);

  // 3. Socket activation.
  const sa = start('systemd-socket-activate', [...act.args, 'slapd', ...slapdArgs]);
  const before = await waitFor(() => {
    const a = listenersOn('tcp', tcp);
    const b = listenersOn('unix', ldapi);
    // Owned by systemd-socket-activate at its final descriptor (it moves them to 3 and 4 after creating them).
    const ready = (l) => l.length === 1 && l[0].owners.length === 1 && l[0].owners[0].pid === sa.pid;
    return ready(a) && ready(b) ? { tcp: a[0], unix: b[0] } : undefined;
  });
  check(
    'systemd-socket-activate holds both sockets before the first connection',
    before && comm(sa.pid) === 'systemd-socket-',
    `${sa.out}\n${comm(sa.pid)}`,
  );
  if (!before) {
    await stop(sa);
    return;
  }
  const fileIno = statSync(ldapi).ino;

  const search = (url) =>
    run('ldapsearch', ['-x', '-LLL', '-o', 'nettimeout=15', '-H', url, '-b', 'dc=example,dc=org', '(cn=alice)', 'sn'], {
      timeout: 20000,
    });
  const viaLdapi = search(`ldapi://${encodeURIComponent(ldapi)}/`);
  check(
    'ldapsearch over ldapi:// finds alice (the first connection started slapd)',
    viaLdapi.code === 0 && /dn: cn=alice,dc=example,dc=org\nsn: Liddell/.test(viaLdapi.stdout),
    `${viaLdapi.out}\n${sa.out}`,
  );
  const viaTcp = search(`ldap://${tcp}/`);
  check(
    'ldapsearch over ldap:// finds alice',
    viaTcp.code === 0 && /dn: cn=alice,dc=example,dc=org/.test(viaTcp.stdout),
    `${viaTcp.out}\n${sa.out}`,
  );
  check('the activated process is slapd, same pid', comm(sa.pid) === 'slapd', comm(sa.pid));
  // The first ldapi:// connection was queued before slapd started; a new one needs the socket file that slapd
  // removed before binding (the library kept it).
  const again = search(`ldapi://${encodeURIComponent(ldapi)}/`);
  check(
    'a second ldapsearch over ldapi:// after start-up works too',
    again.code === 0 && /dn: cn=alice/.test(again.stdout),
    again.out,
  );

  // 4. Proof.
  const afterTcp = listenersOn('tcp', tcp);
  const afterUnix = listenersOn('unix', ldapi);
  const same = (b, a) =>
    a.length === 1 &&
    a[0].ino === b.ino &&
    a[0].owners.length === 1 &&
    a[0].owners[0].pid === sa.pid &&
    a[0].owners[0].fd === b.owners[0]?.fd;
  check(
    `${tcp} is still the passed socket (inode ${before.tcp.ino}), now owned by slapd`,
    same(before.tcp, afterTcp),
    afterTcp.map((l) => l.line).join('\n'),
  );
  check(
    `${ldapi} is still the passed socket (inode ${before.unix.ino}), now owned by slapd`,
    same(before.unix, afterUnix),
    afterUnix.map((l) => l.line).join('\n'),
  );
  check(
    '/proc/PID/fd/3 and /proc/PID/fd/4 are those sockets',
    fdInode(sa.pid, 3) === before.tcp.ino && fdInode(sa.pid, 4) === before.unix.ino,
    fdTable(sa.pid),
  );
  check(
    'the socket file slapd unlinked before binding is the one systemd-socket-activate made',
    existsSync(ldapi) && statSync(ldapi).ino === fileIno,
  );
  // spawnSync() held up the event loop: let slapd's log arrive.
  await waitFor(() => (sa.out.match(/ACCEPT from PATH=/g) ?? []).length === 2 && /ACCEPT from IP=/.test(sa.out), 3000);
  const accepts = sa.out.split('\n').filter((l) => /ACCEPT from/.test(l));
  check(
    'slapd accepted the connections on the passed sockets (two on ldapi://, one on ldap://)',
    accepts.filter((l) => l.includes(`PATH=${ldapi}`)).length === 2 && accepts.some((l) => l.includes(`(IP=${tcp})`)),
    accepts.join('\n') || sa.out,
  );
  record(
    'slapd: proof',
    [
      `before the first connection (ss -ltnpe, ss -lxpe):\n  ${before.tcp.line}\n  ${before.unix.line}`,
      `ldapsearch -H ldapi://… → ${viaLdapi.stdout.trim().replace(/\n/g, ' | ')}`,
      `ldapsearch -H ldap://${tcp}/ → ${viaTcp.stdout.trim().replace(/\n/g, ' | ')}`,
      `after:\n  ${afterTcp.map((l) => l.line).join('\n  ')}\n  ${afterUnix.map((l) => l.line).join('\n  ')}`,
      `/proc/${sa.pid}/fd:\n  ${fdTable(sa.pid).replace(/\n/g, '\n  ')}`,
      `slapd's log:\n  ${accepts.join('\n  ')}`,
    ].join('\n'),
  );

  // 5. slapd removes its socket file on exit too; the file belongs to the socket unit, so it stays.
  const code = await stop(sa);
  check(
    `slapd stops on SIGTERM (exit ${code}) and ${ldapi} is still there`,
    code === 0 && existsSync(ldapi) && statSync(ldapi).ino === fileIno,
    sa.out.split('\n').slice(-5).join('\n'),
  );
}
