#!/usr/bin/env node
/**
 * Generates server/src/services/security/securityData.generated.{ts,json} (the tables as JSON, read on first use;
 * the .ts declares their types and the lazy accessor), the facts `systemd-analyze security` scores
 * with, from data/:
 *   data/security-table.tsv            the 81 checks of v260 (copied from ../shared/reference)
 *   data/security-table-252.tsv        the 80 checks of the v252 tag (copied from ../shared/reference)
 *   data/security-syscall-groups-252.txt   `systemd-analyze syscall-filter` on systemd 252.38 (measured)
 *   data/security-native-syscalls-252.txt  system call names libseccomp 2.5.4 resolves to a real x86-64 number
 *   data/security-address-families-252.tsv address family names RestrictAddressFamilies= accepts, by class
 *   data/security-architectures-252.txt    architecture names SystemCallArchitectures= accepts
 *   data/directives.tsv                the capability names, in the kernel's numbering (enum order)
 *
 * Usage: node scripts/generateSecurity.mjs            write the two files
 *        node scripts/generateSecurity.mjs --check    exit 1 when the committed files are stale
 *        node scripts/generateSecurity.mjs --measure  re-measure the four *-252 files on this machine (needs
 *                                                     systemd 252's systemd-analyze, python3 and libseccomp.so.2)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFiles, writeOrCheck } from './lib/generated.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = (name) => join(root, 'data', name);

function fail(msg) {
  console.error(`generateSecurity: ${msg}`);
  process.exit(1);
}

function lines(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

function readTable(path) {
  const [header, ...rows] = lines(path).map((l) => l.split('\t'));
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  for (const need of [
    'id',
    'policy_key',
    'weight',
    'range',
    'seccomp_only',
    'default_dependencies_only',
    'description_good',
    'description_bad',
    'url_anchor',
  ]) {
    if (!(need in col)) fail(`${path} lacks column ${need}`);
  }
  return rows.map((r) => ({
    id: r[col.id],
    jsonField: r[col.policy_key],
    weight: Number(r[col.weight]),
    range: Number(r[col.range]),
    seccompOnly: r[col.seccomp_only] === 'yes',
    defaultDependenciesOnly: r[col.default_dependencies_only] === 'yes',
    good: r[col.description_good],
    bad: r[col.description_bad],
    url: r[col.url_anchor],
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// --measure: the facts of systemd 252 on this machine

function measure() {
  const version = execFileSync('systemd-analyze', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  if (!/^systemd 252\b/.test(version)) fail(`--measure needs systemd 252 (found: ${version})`);

  // Syscall groups, as systemd-analyze prints them.
  const groups = execFileSync('systemd-analyze', ['syscall-filter'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  writeFileSync(
    data('security-syscall-groups-252.txt'),
    `# \`systemd-analyze syscall-filter\` on ${version}; measured by scripts/generateSecurity.mjs --measure.\n${groups}`,
  );

  // Which names libseccomp resolves to a real (non-negative) x86-64 system call number: the only ones
  // systemd-analyze security looks at in a group.
  const candidates = new Set(lines(data('syscall-names-252.txt')));
  for (const l of groups.split('\n')) if (/^\s+[a-z_][a-z0-9_]*$/.test(l)) candidates.add(l.trim());
  const py = [
    'import ctypes, sys',
    "l = ctypes.CDLL('libseccomp.so.2')",
    'l.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]',
    'for n in sys.stdin.read().split():',
    '    if l.seccomp_syscall_resolve_name(n.encode()) >= 0: print(n)',
  ].join('\n');
  const native = execFileSync('python3', ['-c', py], { input: [...candidates].sort().join('\n'), encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  writeFileSync(
    data('security-native-syscalls-252.txt'),
    `# System call names libseccomp 2.5.4 (Debian 12) resolves to an x86-64 number; measured by scripts/generateSecurity.mjs --measure.\n${native.join('\n')}\n`,
  );

  // Address families and architectures: what the unit parser of 252 accepts, read back through the score.
  const dir = mkdtempSync(join(tmpdir(), 'security-measure-'));
  const score = (extra) => {
    writeFileSync(join(dir, 'm.service'), `[Service]\nExecStart=/bin/true\nUser=foo\n${extra}\n`);
    const r = spawnSync('systemd-analyze', ['security', '--offline=true', '--json=short', join(dir, 'm.service')], {
      encoding: 'utf8',
    });
    return Object.fromEntries(JSON.parse(r.stdout).map((x) => [x.json_field, x]));
  };
  try {
    const dirRow = readFileSync(data('directives.tsv'), 'utf8')
      .split('\n')
      .map((l) => l.split('\t'));
    const enumOf = (name) =>
      dirRow
        .find((r) => r[0] === 'Service' && r[1] === name)[9]
        .split('|')
        .filter((v) => !/[<~]/.test(v) && v !== 'none');
    const families = [];
    for (const af of enumOf('RestrictAddressFamilies')) {
      const s = score(`RestrictAddressFamilies=~${af}`);
      const cls = [
        ['inet', 'RestrictAddressFamilies_AF_INET_INET6'],
        ['unix', 'RestrictAddressFamilies_AF_UNIX'],
        ['netlink', 'RestrictAddressFamilies_AF_NETLINK'],
        ['packet', 'RestrictAddressFamilies_AF_PACKET'],
        ['other', 'RestrictAddressFamilies_OTHER'],
      ]
        .filter(([, f]) => s[f].set === true)
        .map(([c]) => c);
      if (cls.length === 1) families.push(`${af}\t${cls[0]}`);
      else if (cls.length > 1) fail(`${af} lands in ${cls.join(', ')}`);
    }
    writeFileSync(
      data('security-address-families-252.tsv'),
      `# Address family names RestrictAddressFamilies= accepts on ${version}, with the check they count for; measured by scripts/generateSecurity.mjs --measure.\n${families.join('\n')}\n`,
    );
    const archs = [];
    for (const a of enumOf('SystemCallArchitectures')) {
      const s = score(`SystemCallArchitectures=${a}`).SystemCallArchitectures;
      if (s.set === true || /multiple/.test(s.description)) archs.push(a);
    }
    writeFileSync(
      data('security-architectures-252.txt'),
      `# Architecture names SystemCallArchitectures= accepts on ${version}; measured by scripts/generateSecurity.mjs --measure.\n${archs.join('\n')}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--measure')) measure();

// ---------------------------------------------------------------------------------------------------------------
// The module

const v260 = readTable(data('security-table.tsv'));
const v252 = readTable(data('security-table-252.tsv'));
if (v260.length !== 81) fail(`security-table.tsv has ${v260.length} checks, expected 81`);
if (v252.length !== 80) fail(`security-table-252.tsv has ${v252.length} checks, expected 80`);
const ids252 = new Set(v252.map((c) => c.id));
for (const c of v252) {
  const n = v260.find((x) => x.id === c.id);
  if (!n || n.weight !== c.weight || n.range !== c.range || n.jsonField !== c.jsonField)
    fail(`check ${c.id} differs between 252 and 260`);
}
const checks = v260.map((c) => ({ ...c, in252: ids252.has(c.id) }));
const sum = (t) => t.reduce((s, c) => s + c.weight, 0);
if (sum(v252) !== 56435 || sum(v260) !== 56460)
  fail('the default weights no longer add up to 56 435 (252) and 56 460 (260)');

// Syscall groups: "@name" then indented members ("# comment" lines and blank lines skipped).
const groups = {};
let current;
for (const l of readFileSync(data('security-syscall-groups-252.txt'), 'utf8').split('\n')) {
  if (l.startsWith('#')) continue;
  if (/^@[a-z-]+$/.test(l)) {
    current = l;
    groups[current] = [];
    continue;
  }
  const m = /^\s+(@?[a-z_][a-z0-9_-]*)$/.exec(l);
  if (m && current) groups[current].push(m[1]);
}
for (const g of [
  '@swap',
  '@obsolete',
  '@clock',
  '@cpu-emulation',
  '@debug',
  '@mount',
  '@module',
  '@raw-io',
  '@reboot',
  '@privileged',
  '@resources',
  '@default',
]) {
  if (!groups[g]?.length) fail(`security-syscall-groups-252.txt lacks ${g}`);
}
const native = lines(data('security-native-syscalls-252.txt'));
const families = lines(data('security-address-families-252.tsv')).map((l) => l.split('\t'));
const archs = lines(data('security-architectures-252.txt'));

const dirRows = readFileSync(data('directives.tsv'), 'utf8')
  .split('\n')
  .map((l) => l.split('\t'));
const capRow = dirRows.find((r) => r[0] === 'Service' && r[1] === 'CapabilityBoundingSet');
const caps = capRow[9].split('|').filter((v) => v.startsWith('CAP_'));
// The enum lists them in the kernel's order; spot-check a few numbers (linux/capability.h).
for (const [name, n] of [
  ['CAP_CHOWN', 0],
  ['CAP_SETPCAP', 8],
  ['CAP_SYS_ADMIN', 21],
  ['CAP_MKNOD', 27],
  ['CAP_SYSLOG', 34],
  ['CAP_BPF', 39],
]) {
  if (caps.indexOf(name) !== n) fail(`directives.tsv: ${name} is not capability number ${n}`);
}

const files = tableFiles({
  root,
  tsPath: 'server/src/services/security/securityData.generated.ts',
  header: [
    'Generated by scripts/generateSecurity.mjs from data/security-*. Do not edit.',
    'Regenerate with `node scripts/generateSecurity.mjs`; `npm run build` fails when this file or its JSON is stale.',
  ],
  preamble: [
    'export interface CheckRow {',
    '  /** systemd\'s id of the check ("CapabilityBoundingSet=~CAP_SYS_ADMIN"). */',
    '  readonly id: string;',
    '  /** The key in --json output and --security-policy= ("CapabilityBoundingSet_CAP_SYS_ADMIN"). */',
    '  readonly jsonField: string;',
    '  readonly weight: number;',
    '  readonly range: number;',
    '  readonly seccompOnly: boolean;',
    '  readonly defaultDependenciesOnly: boolean;',
    '  /** Short descriptions of the good and the bad end (our words, from the reference table). */',
    '  readonly good: string;',
    '  readonly bad: string;',
    '  /** Man page and anchor ("systemd.exec(5)#User="). */',
    '  readonly url: string;',
    '  /** Present in the table of the v252 tag (CapabilityBoundingSet=~CAP_BPF came with 255, backported to 252.19). */',
    '  readonly in252: boolean;',
    '}',
    '',
    '/** The check a RestrictAddressFamilies= name counts for. */',
    "export type AddressFamilyClass = 'inet' | 'unix' | 'netlink' | 'packet' | 'other';",
  ],
  interfaceName: 'SecurityTables',
  accessor: 'securityTables',
  fields: [
    {
      name: 'SECURITY_CHECKS',
      type: 'readonly CheckRow[]',
      doc: "The checks in systemd's order (v260's table; the v252 tag's is the same without CAP_BPF).",
      value: checks,
      layout: 'rows',
    },
    {
      name: 'SYSCALL_GROUPS_252',
      type: 'Readonly<Record<string, readonly string[]>>',
      doc: 'systemd 252\'s system call groups ("@name" members are nested groups).',
      value: groups,
      layout: 'entries',
    },
    {
      name: 'NATIVE_SYSCALLS',
      type: 'readonly string[]',
      doc: 'Names libseccomp resolves to a real x86-64 system call (the others are skipped when a group is checked).',
      value: native,
    },
    {
      name: 'ADDRESS_FAMILIES',
      type: 'Readonly<Record<string, AddressFamilyClass>>',
      doc: 'RestrictAddressFamilies= names systemd 252 accepts, by the check they count for.',
      value: Object.fromEntries(families),
    },
    {
      name: 'ARCHITECTURES',
      type: 'readonly string[]',
      doc: 'SystemCallArchitectures= names systemd 252 accepts.',
      value: archs,
    },
    {
      name: 'CAPABILITIES',
      type: 'readonly string[]',
      doc: "Capability names; the index is the kernel's capability number.",
      value: caps,
    },
  ],
});

const check = process.argv.includes('--check');
const stale = writeOrCheck(root, files, check);
if (stale.length) fail(`${stale.join(', ')} stale: run node scripts/generateSecurity.mjs`);
