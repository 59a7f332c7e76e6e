#!/usr/bin/env node
/**
 * Mutation tests: take ~100 real units that systemd and we both find clean, break each in small ways of our own
 * making (one mutation per mutant), and check that
 *   - every line systemd flags in a mutant, we flag too (detection rate; the gate is 90% of the lines systemd flags),
 *   - we report no error on a line systemd is silent about, unless systemd refused the unit (false errors).
 * Mutations: a typo in a directive name (ExecStart -> ExecStrat), a directive moved into the wrong section
 * (After= into [Service], Type= into [Unit]), a bad value for its kind (Restart=sometimes, TimeoutSec=10secs,
 * NoNewPrivileges=maybe, User=foo:bar, …), and an unknown section ([Sevrice]).
 *
 * Run by run.mjs after the corpus part; alone: node test/conformance/mutations.mjs [--limit N] [--verbose]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOracle, parseOutput } from './oracle.mjs';
import { compareFile, runCli, byFile, ensureCli } from './compare.mjs';

const TYPE_SECTION = {
  service: 'Service',
  socket: 'Socket',
  timer: 'Timer',
  path: 'Path',
  target: null,
  slice: 'Slice',
  mount: 'Mount',
  automount: 'Automount',
};

/**
 * Whole-unit refusals (systemd's *_verify()): per unit type, the keys whose removal makes systemd refuse the unit,
 * and lines whose addition does. Each makes one mutant of kind 'refusal'; systemd-analyze judges it, and a
 * refused mutant must get an error from us.
 */
const REFUSAL_REMOVE = {
  timer: [
    'OnActiveSec',
    'OnBootSec',
    'OnStartupSec',
    'OnUnitActiveSec',
    'OnUnitInactiveSec',
    'OnCalendar',
    'OnClockChange',
    'OnTimezoneChange',
  ],
  socket: [
    'ListenStream',
    'ListenDatagram',
    'ListenSequentialPacket',
    'ListenFIFO',
    'ListenSpecial',
    'ListenNetlink',
    'ListenMessageQueue',
    'ListenUSBFunction',
  ],
  path: ['PathExists', 'PathExistsGlob', 'PathChanged', 'PathModified', 'DirectoryNotEmpty'],
  mount: ['What'],
};
const REFUSAL_ADD = {
  service: [['PAMName=login', 'KillMode=process']],
  socket: [
    ['Accept=yes', 'ListenDatagram=/run/conformance-mutant.dgram'],
    [
      'Symlinks=/run/conformance-mutant.link',
      'ListenFIFO=/run/conformance-mutant-a.fifo',
      'ListenFIFO=/run/conformance-mutant-b.fifo',
    ],
  ],
  timer: [],
  path: [],
  mount: [['PAMName=login', 'KillMode=mixed']],
};

/** Bad values: [section, key, value]; the section must already be in the unit. */
const BAD_VALUES = [
  ['Service', 'Restart', 'sometimes'],
  ['Service', 'TimeoutSec', '10secs'],
  ['Service', 'NoNewPrivileges', 'maybe'],
  ['Service', 'User', 'foo:bar'],
  ['Service', 'Type', 'daemon'],
  ['Service', 'RestartSec', 'soon'],
  ['Service', 'Nice', '100'],
  ['Service', 'LimitNOFILE', 'lots'],
  ['Service', 'KillSignal', 'SIGFOO'],
  ['Service', 'StandardOutput', 'printer'],
  ['Service', 'OOMScoreAdjust', '5000'],
  ['Service', 'UMask', '999'],
  ['Service', 'PrivateTmp', 'sometimes'],
  ['Service', 'ProtectSystem', 'partial'],
  ['Service', 'IOSchedulingClass', 'fast'],
  ['Service', 'MemoryMax', 'lots'],
  ['Service', 'Environment', 'production'],
  ['Service', 'CPUQuota', 'abc%'],
  ['Unit', 'StartLimitBurst', 'many'],
  ['Unit', 'DefaultDependencies', 'nah'],
  ['Unit', 'JobTimeoutSec', 'forever'],
  ['Unit', 'After', 'network'],
  ['Unit', 'RefuseManualStart', 'perhaps'],
  ['Socket', 'Accept', 'perhaps'],
  ['Socket', 'Backlog', 'many'],
  ['Socket', 'SocketMode', '999'],
  ['Socket', 'KeepAlive', 'sometimes'],
  ['Timer', 'OnCalendar', 'every tuesday'],
  ['Timer', 'AccuracySec', 'fast'],
  ['Timer', 'Persistent', 'sure'],
  ['Timer', 'RandomizedDelaySec', 'abit'],
  ['Path', 'MakeDirectory', 'perhaps'],
  ['Path', 'DirectoryMode', '999'],
  // Empty values systemd refuses (every version), and the other value checks of issue 15
  ['Service', 'RestartSec', ''],
  ['Unit', 'AllowIsolate', ''],
  ['Timer', 'Unit', ''],
  ['Socket', 'SocketProtocol', ''],
  ['Service', 'CPUQuota', '99999999%'],
  ['Service', 'SystemCallFilter', '@system-service frobnicate'],
  ['Service', 'StandardInputData', 'Zm9'],
  ['Service', 'DeviceAllow', '/sys/devices/foo r'],
];

const MISSPELT = {
  Unit: 'Unti',
  Service: 'Sevrice',
  Socket: 'Socekt',
  Timer: 'Timre',
  Path: 'Paht',
  Install: 'Instal',
  Slice: 'Sliec',
};

/** The unit's lines with sections and key lines (continuation lines and comments are not key lines). */
function parseUnit(text) {
  const lines = text.replace(/\n$/, '').split('\n');
  const sections = [];
  let cont = false;
  lines.forEach((l, i) => {
    const t = l.trim();
    const wasCont = cont;
    cont =
      !t.startsWith('#') && !t.startsWith(';') && t.endsWith('\\')
        ? true
        : wasCont && (t.startsWith('#') || t.startsWith(';'))
          ? true
          : false;
    if (wasCont) return;
    const h = /^\[([^\]]+)\]$/.exec(t);
    if (h) sections.push({ name: h[1], header: i, keys: [] });
    else if (sections.length && /^[A-Za-z0-9_-]+\s*=/.test(t)) {
      sections[sections.length - 1].keys.push({
        idx: i,
        key: t.slice(0, t.indexOf('=')).trim(),
        multi: t.endsWith('\\'),
      });
    }
  });
  return { lines, sections, section: (n) => sections.find((s) => s.name === n) };
}

function typo(key) {
  const chars = [...key];
  for (const i of [Math.floor(chars.length / 2), Math.floor(chars.length / 2) - 1, 1]) {
    if (i > 0 && i + 1 < chars.length && chars[i] !== chars[i + 1] && /^[a-z]{2}$/.test(chars[i] + chars[i + 1])) {
      [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
      const out = chars.join('');
      if (out.toLowerCase() !== key.toLowerCase()) return out;
    }
  }
  return null;
}

/**
 * Build the mutants of one unit. Each: { kind, what, text, lines (1-based lines of the mutation systemd should
 * judge), ignore (1-based lines that belong to the mutation but are not judged) }.
 */
export function mutantsOf(text, type, u) {
  const out = [];
  const P = parseUnit(text);
  const typeSec = TYPE_SECTION[type] ? P.section(TYPE_SECTION[type]) : null;
  const unitSec = P.section('Unit');
  // rows: [{ text, mark: 'judge'|'ignore'|null }]
  const rows = () => P.lines.map((t) => ({ text: t, mark: null }));
  const finish = (kind, what, rs, rename) => {
    const lines = [];
    const ignore = [];
    rs.forEach((r, i) => {
      if (r.mark === 'judge') lines.push(i + 1);
      if (r.mark === 'ignore') ignore.push(i + 1);
    });
    out.push({ kind, what, text: `${rs.map((r) => r.text).join('\n')}\n`, lines, ignore, rename });
  };
  const insertAtEnd = (rs, sec, row) => {
    // After the section's last key line (the rows before any later mutation stay where they are).
    const last = sec.keys.length ? sec.keys[sec.keys.length - 1].idx : sec.header;
    let at = last + 1;
    while (P.lines[at - 1]?.trim().endsWith('\\') && at < P.lines.length) at++; // past a continued value
    rs.splice(at, 0, row);
  };

  // 1. typo in a directive name (alternately in the type section and in [Unit])
  {
    const sec = (u % 2 === 0 && typeSec?.keys.length) || !unitSec?.keys.length ? typeSec : unitSec;
    const keys = sec?.keys.filter((k) => !k.multi && !k.key.startsWith('X-') && k.key.length >= 4) ?? [];
    if (keys.length) {
      const k = keys[u % keys.length];
      const t = typo(k.key);
      if (t) {
        const rs = rows();
        rs[k.idx] = { text: rs[k.idx].text.replace(k.key, t), mark: 'judge' };
        finish('typo', `${k.key}= -> ${t}= in [${sec.name}]`, rs);
      }
    }
  }
  // 2. a directive moved into the wrong section
  {
    let from = null;
    let to = null;
    if (u % 2 === 0 && unitSec?.keys.length && (typeSec ?? P.section('Install'))) {
      from = unitSec;
      to = typeSec ?? P.section('Install');
    } else if (typeSec?.keys.length && unitSec) {
      from = typeSec;
      to = unitSec;
    } else if (unitSec?.keys.length && P.section('Install')) {
      from = unitSec;
      to = P.section('Install');
    }
    const keys = from?.keys.filter((k) => !k.multi && !k.key.startsWith('X-')) ?? [];
    if (keys.length) {
      // Keep services startable: do not move ExecStart= away.
      const pool = keys.filter((k) => k.key !== 'ExecStart');
      const k = (pool.length ? pool : keys)[u % (pool.length || keys.length)];
      const rs = rows();
      const moved = { text: P.lines[k.idx].trim(), mark: 'judge' };
      const victim = rs[k.idx];
      insertAtEnd(rs, to, moved);
      rs.splice(rs.indexOf(victim), 1);
      finish('wrong-section', `${k.key}= moved from [${from.name}] to [${to.name}]`, rs);
    }
  }
  // 3. two bad values (replace the directive's value where the unit has it, else add it at the end of the section)
  {
    const usable = BAD_VALUES.filter(([s]) => P.section(s));
    for (const j of [2 * u, 2 * u + 1]) {
      if (!usable.length) break;
      const [s, key, value] = usable[j % usable.length];
      const sec = P.section(s);
      const rs = rows();
      const existing = sec.keys.find((k) => k.key === key && !k.multi);
      if (existing) rs[existing.idx] = { text: `${key}=${value}`, mark: 'judge' };
      else insertAtEnd(rs, sec, { text: `${key}=${value}`, mark: 'judge' });
      finish('bad-value', `${key}=${value} in [${s}]${existing ? ' (replaced)' : ' (added)'}`, rs);
    }
  }
  // 4. whole-unit refusals: the keys systemd needs removed, lines it refuses added, a file name that is wrong for
  //    the unit (slice dashes, a mount's Where=)
  {
    const remove = REFUSAL_REMOVE[type];
    if (remove && typeSec) {
      const drop = new Set();
      for (const k of typeSec.keys) {
        if (!remove.includes(k.key)) continue;
        for (let i = k.idx; i < P.lines.length; i++) {
          drop.add(i);
          if (!P.lines[i].trim().endsWith('\\')) break;
        }
      }
      if (drop.size)
        finish(
          'refusal',
          `${remove.filter((r) => typeSec.keys.some((k) => k.key === r)).join('=, ')}= removed from [${typeSec.name}]`,
          rows().filter((_, i) => !drop.has(i)),
        );
    }
    for (const add of typeSec ? (REFUSAL_ADD[type] ?? []) : []) {
      const rs = rows();
      add
        .slice()
        .reverse()
        .forEach((t) => insertAtEnd(rs, typeSec, { text: t, mark: null }));
      finish('refusal', `${add.join(', ')} added to [${typeSec.name}]`, rs);
    }
    if (type === 'slice' && u % 2 === 0)
      finish('refusal', 'file renamed with a trailing dash', rows(), (n) => n.replace(/\.slice$/, '-.slice'));
    if ((type === 'mount' || type === 'automount') && typeSec?.keys.some((k) => k.key === 'Where')) {
      finish('refusal', 'file renamed (Where= no longer matches)', rows(), (n) => `conformance\\x2dmutant-${n}`);
    }
  }
  // 5. an unknown section (every third unit)
  if (u % 3 === 0) {
    const name = MISSPELT[TYPE_SECTION[type] ?? 'Unit'] ?? 'Unti';
    const rs = rows();
    rs.push(
      { text: '', mark: null },
      { text: `[${name}]`, mark: 'judge' },
      { text: 'Description=in a misspelt section', mark: 'ignore' },
    );
    finish('unknown-section', `[${name}] added`, rs);
  }
  return out;
}

/** Clean base units: plain system units that systemd verified without a finding and where we report no error. */
function pickBase(files, ours, limit) {
  const byType = new Map();
  for (const [path, f] of files) {
    const e = f.entry;
    if (e.kind !== 'unit' || e.scope !== 'system' || f.unitFailed) continue;
    const type = e.name.slice(e.name.lastIndexOf('.') + 1);
    if (!(type in TYPE_SECTION)) continue;
    if (f.sysLines.length) continue;
    if ((ours.get(path) ?? []).some((x) => x.severity === 'error')) continue;
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type).push(path);
  }
  // Mostly services, then the other kinds, spread over the corpus.
  const quota = {
    service: 0.66,
    socket: 0.1,
    timer: 0.1,
    path: 0.04,
    target: 0.04,
    slice: 0.02,
    mount: 0.03,
    automount: 0.01,
  };
  const out = [];
  for (const [type, share] of Object.entries(quota)) {
    const list = (byType.get(type) ?? []).sort();
    const n = Math.min(list.length, Math.max(1, Math.round(limit * share)));
    for (let i = 0; i < n; i++) out.push(list[Math.floor((i * list.length) / n)]);
  }
  const rest = [...(byType.get('service') ?? [])].sort().filter((p) => !out.includes(p));
  while (out.length < limit && rest.length) out.push(rest.shift());
  return out.slice(0, limit);
}

/**
 * @param {{ repo: string, cache: string, files: Map, ours: Map, concurrency: number, limit: number, verbose?: boolean }} o
 *   files / ours: the corpus run's per-file oracle data and our findings (to pick clean units).
 */
export async function runMutations(o) {
  const base = pickBase(o.files, o.ours, o.limit);
  const dir = join(o.cache, 'mutants');
  rmSync(dir, { recursive: true, force: true });
  const mutants = [];
  base.forEach((path, u) => {
    const e = o.files.get(path).entry;
    const type = e.name.slice(e.name.lastIndexOf('.') + 1);
    const text = readFileSync(path, 'utf8');
    for (const m of mutantsOf(text, type, u)) {
      const id = `${String(mutants.length).padStart(4, '0')}-${m.kind}`;
      const mdir = join(dir, id);
      mkdirSync(mdir, { recursive: true });
      const name = m.rename ? m.rename(e.name) : e.name;
      const file = join(mdir, name);
      writeFileSync(file, m.text);
      mutants.push({ ...m, id, file, base: path, entry: { ...e, name, file, dir: mdir } });
    }
  });
  const jobs = mutants.map((m) => ({
    scope: 'system',
    dir: m.entry.dir,
    target: m.file,
    byPath: true,
    covers: [m.entry],
    extraPath: o.files.get(m.base).entry.dir,
  }));
  const oracle = await runOracle(jobs, { cacheDir: join(o.cache, 'oracle'), concurrency: o.concurrency });
  const cli = runCli(
    o.repo,
    mutants.map((m) => m.file),
  );
  const ours = byFile(cli.findings.map((f) => ({ ...f, file: resolve(f.file) })));

  const byKind = {};
  const undetected = [];
  const accepted = [];
  const falseErrors = [];
  let sysLines = 0;
  let detected = 0;
  let detectedError = 0;
  let refused = 0;
  let refusedWithError = 0;
  /** Refusal mutants systemd refuses where we report no error (each fails the suite). */
  const refusalsMissed = [];
  /** Refusal mutants: how many systemd refuses, and where we report an error. */
  const refusalKind = { mutants: 0, refused: 0, withError: 0 };
  let passed = 0;
  let failed = 0;
  oracle.results.forEach((r, i) => {
    const m = mutants[i];
    const p = parseOutput(r.job, r.output);
    const sys = p.perFile.get(0) ?? [];
    const mine = ours.get(m.file) ?? [];
    const c = compareFile(m.text, sys, mine, p.unitFailed, new Set(m.ignore));
    const k = (byKind[m.kind] ??= {
      mutants: 0,
      systemdFlags: 0,
      sysLines: 0,
      detected: 0,
      detectedAsError: 0,
      systemdSilent: 0,
    });
    k.mutants++;
    if (c.kept.length) k.systemdFlags++;
    k.sysLines += c.kept.length;
    k.detected += c.flagged.length;
    k.detectedAsError += c.flaggedError.length;
    sysLines += c.kept.length;
    detected += c.flagged.length;
    detectedError += c.flaggedError.length;
    if (p.unitFailed) {
      refused++;
      if (mine.some((f) => f.severity === 'error')) refusedWithError++;
    }
    for (const x of c.missed)
      undetected.push({
        mutant: m.id,
        what: m.what,
        line: x.sys.line,
        systemd: x.sys.message,
        text: m.text.split('\n')[x.sys.line - 1],
      });
    const silentOnMutation = m.lines.every((l) => !sys.some((s) => s.line === l)) && !p.unitFailed;
    if (silentOnMutation) {
      k.systemdSilent++;
      accepted.push({
        mutant: m.id,
        what: m.what,
        ours: mine.filter((f) => m.lines.includes(f.line)).map((f) => `${f.severity}[${f.code}]`),
      });
    }
    const refusalMissed = m.kind === 'refusal' && p.unitFailed && !mine.some((f) => f.severity === 'error');
    if (m.kind === 'refusal') {
      refusalKind.mutants++;
      if (p.unitFailed) refusalKind.refused++;
      if (p.unitFailed && !refusalMissed) refusalKind.withError++;
      if (refusalMissed)
        refusalsMissed.push({
          mutant: m.id,
          what: m.what,
          base: m.base,
          systemd: p.unitMessages.filter((u) => !u.other && !u.noise).map((u) => u.message),
        });
    }
    if (c.falseErrors.length || refusalMissed) {
      failed++;
      for (const e of c.falseErrors) {
        falseErrors.push({
          mutant: m.id,
          base: m.base,
          what: m.what,
          line: e.line,
          onMutatedLine: m.lines.includes(e.line),
          code: e.code,
          message: e.message,
          text: e.text,
        });
      }
    } else passed++;
  });
  const rate = sysLines ? detected / sysLines : 1;
  const gateOk = rate >= 0.9;

  console.log('');
  console.log(
    `== Mutations: ${mutants.length} mutants of ${base.length} clean units (${Object.entries(byKind)
      .map(([k, v]) => `${v.mutants} ${k}`)
      .join(', ')})`,
  );
  console.log(
    `   lines systemd flags in mutants: ${sysLines}; we flag ${detected} (${(100 * rate).toFixed(1)}%), as error ${detectedError}  [gate: >= 90%: ${gateOk ? 'ok' : 'FAILED'}]`,
  );
  for (const [kind, v] of Object.entries(byKind)) {
    console.log(
      `       ${kind.padEnd(16)} systemd flags ${v.systemdFlags}/${v.mutants} mutants, ${v.sysLines} line(s); we flag ${v.detected}, as error ${v.detectedAsError}; systemd silent on ${v.systemdSilent}`,
    );
  }
  console.log(`   mutants systemd refuses: ${refused}; where we report an error: ${refusedWithError}`);
  console.log(
    `   refusal mutants: ${refusalKind.mutants}; systemd refuses ${refusalKind.refused}; we report an error on ${refusalKind.withError} of those`,
  );
  for (const x of refusalsMissed)
    console.log(
      `     MISSED REFUSAL ${x.mutant} (${x.what}): systemd: ${x.systemd.join(' / ')}\n         base: ${x.base}`,
    );
  if (undetected.length) {
    console.log(`   lines systemd flags that we miss: ${undetected.length}`);
    for (const x of undetected.slice(0, o.verbose ? Infinity : 15))
      console.log(`       ${x.mutant} (${x.what}) line ${x.line}: systemd: ${x.systemd}\n           | ${x.text}`);
  }
  if (accepted.length) {
    console.log(`   mutations systemd accepts silently: ${accepted.length}`);
    for (const x of accepted.slice(0, o.verbose ? Infinity : 10))
      console.log(`       ${x.mutant} (${x.what}): ours ${x.ours.join(', ') || '(nothing)'}`);
  }
  console.log(
    `   FALSE ERRORS in mutants (we say error where systemd is silent and accepts the unit): ${falseErrors.length} in ${failed} mutant(s)`,
  );
  for (const e of falseErrors)
    console.log(
      `     ${e.mutant} (${e.what}) line ${e.line}${e.onMutatedLine ? ' [mutated line]' : ''}: error[${e.code}] ${e.message}\n         | ${e.text}\n         base: ${e.base}`,
    );
  console.log(
    `   timing: our CLI ${(cli.ms / 1000).toFixed(1)} s; systemd-analyze ${(oracle.results.reduce((s, r) => s + r.ms, 0) / 1000).toFixed(1)} s summed (${oracle.ranJobs} run now)`,
  );

  return {
    passed: passed + (gateOk ? 1 : 0),
    failed: failed + (gateOk ? 0 : 1),
    report: {
      baseUnits: base.length,
      mutants: mutants.length,
      byKind,
      systemdFlaggedLines: sysLines,
      detected,
      detectedAsError: detectedError,
      detectionRate: rate,
      gate: { threshold: 0.9, ok: gateOk },
      refused,
      refusedWithError,
      refusals: { ...refusalKind, missed: refusalsMissed },
      undetected,
      systemdAccepts: accepted,
      falseErrors,
      timing: {
        ourCliMs: Math.round(cli.ms),
        systemdVerifyTotalMs: Math.round(oracle.results.reduce((s, r) => s + r.ms, 0)),
      },
    },
  };
}

// Alone: verify the corpus units (cached), run our CLI on them, then the mutations.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { listCorpus } = await import('./corpus.mjs');
  const { planJobs } = await import('./oracle.mjs');
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const cache = join(repo, '.cache', 'conformance');
  const argv = process.argv.slice(2);
  const li = argv.indexOf('--limit');
  const limit = li >= 0 ? Number(argv[li + 1]) : 100;
  const verbose = argv.includes('--verbose');
  const concurrency = Math.max(1, Math.min(2, availableParallelism()));
  const err = ensureCli(repo);
  if (err) {
    console.error(err);
    process.exit(2);
  }
  const jobs = planJobs(listCorpus(join(cache, 'pkgs'), { host: false })).jobs.filter(
    (j) => j.byPath && j.scope === 'system' && j.covers.length === 1,
  );
  const oracle = await runOracle(jobs, { cacheDir: join(cache, 'oracle'), concurrency });
  const files = new Map();
  for (const r of oracle.results) {
    const p = parseOutput(r.job, r.output);
    if (p.targetMissing) continue;
    files.set(r.job.covers[0].file, {
      entry: r.job.covers[0],
      sysLines: p.perFile.get(0) ?? [],
      unitFailed: p.unitFailed,
    });
  }
  const cli = runCli(repo, [...files.keys()]);
  const ours = byFile(cli.findings.map((f) => ({ ...f, file: resolve(f.file) })));
  const res = await runMutations({ repo, cache, files, ours, concurrency, limit, verbose });
  writeFileSync(join(cache, 'mutations.json'), `${JSON.stringify(res.report, null, 2)}\n`);
  console.log(`mutations: ${res.passed} passed, ${res.failed} failed`);
  process.exitCode = res.failed ? 1 : 0;
}
