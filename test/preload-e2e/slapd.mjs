// slapd (Debian's, unmodified) with a minimal configuration of our own in a temporary folder (slapd.conf, an mdb
// database filled with slapadd), so the Debian instance and its debconf answers are not involved: strace →
// sockets-from-strace → systemd-socket-activate with the hints and LD_PRELOAD → ldapsearch over ldapi:// and
// ldap:// → the listening sockets are the passed ones, and the socket file slapd removes before binding (and on
// exit) is still there.
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, record, stop, run, waitFor, listenersOn, comm, fdTable, freePort } from './lib.mjs';
import { recordCalls, generateUnits, checkUnits, activate, checkStillPassed } from './proof.mjs';

export async function slapd() {
  console.log('\n== slapd');
  const dir = mkdtempSync(join(tmpdir(), 'sdu-slapd-'));
  const port = await freePort();
  const tcp = `127.0.0.1:${port}`;
  const ldapi = join(dir, 'ldapi');
  const urls = `ldap://${tcp}/ ldapi://${encodeURIComponent(ldapi)}/`;
  const addresses = [
    ['tcp', tcp],
    ['unix', ldapi],
  ];
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
  const log = await recordCalls(
    trace,
    ['slapd', ...slapdArgs],
    addresses,
    'slapd listens on ldap:// and ldapi:// under strace',
  );
  check(
    'strace recorded the bind() calls',
    log.includes(`sin_port=htons(${port})`) && log.includes(`sun_path="${ldapi}"`),
    log,
  );

  // 2. Generate.
  const units = join(dir, 'units');
  generateUnits(trace, 'slapd', units);
  const act = checkUnits(units, 'slapd', log, [
    { listen: tcp, hint: 'socket(2,1,0)=0', label: 'ldap://' },
    { listen: ldapi, hint: 'socket(1,1,0)=0', label: 'ldapi://' },
  ]);
  if (!act) return;

  // 3. Socket activation.
  const { sa, before } = await activate(act, ['slapd', ...slapdArgs], addresses);
  if (!before) return;
  const [beforeTcp, beforeUnix] = before;
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
  checkStillPassed(sa, 'slapd', [
    { local: tcp, before: beforeTcp, after: afterTcp },
    { local: ldapi, before: beforeUnix, after: afterUnix },
  ]);
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
      `before the first connection (ss -ltnpe, ss -lxpe):\n  ${beforeTcp.line}\n  ${beforeUnix.line}`,
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
