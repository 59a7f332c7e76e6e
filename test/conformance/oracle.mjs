/**
 * The oracle: systemd's own `systemd-analyze verify`, run offline on each corpus file, its output parsed into
 * per-line findings and unit-level messages, with the noise about this machine (not about the file) filtered out.
 *
 * How each file is verified (a "job" runs one `systemd-analyze verify` and may cover several corpus files):
 *   - foo.service:   `verify /dir/foo.service` with SYSTEMD_UNIT_PATH=/dir: (trailing colon = default path
 *                     appended), so sibling units and the unit's own drop-ins (/dir/foo.service.d/*.conf) load.
 *   - foo@.service:  templates cannot be verified as files; we verify the instance NAME `foo@test.service`
 *                     with the same SYSTEMD_UNIT_PATH, which loads the template (and its drop-ins) from /dir.
 *   - drop-ins:       covered by their unit's job when the unit is in the same folder. Otherwise we verify the
 *                     owning unit by name (an instance foo@x.service, a prefix foo-.service -> foo-test.service,
 *                     or a unit of this machine) with the drop-in's folder first in SYSTEMD_UNIT_PATH; and when
 *                     the owner exists nowhere, a stub owner unit is written next to a copy of the drop-in in a
 *                     temporary folder (findings in the stub itself are ignored).
 *   - user units:     `verify --user`, with XDG_RUNTIME_DIR pointed at a temporary folder (verify --user needs one).
 *
 * Results are cached in .cache/conformance/oracle/<sha256>.json, keyed by the systemd version, the job's shape and
 * the content of every file it covers (plus the owner's content for drop-ins). The cache holds the RAW output (with
 * the covered files' paths replaced by placeholders), so changing the noise filter below needs no re-run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';

/** Bump to invalidate every cached oracle result (when the way jobs are run changes). */
const ORACLE_FORMAT = 3;

export function systemdVersion() {
  const r = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return r.stdout.split('\n')[0].trim(); // "systemd 252 (252.38-1~deb12u1)"
}

// ---------------------------------------------------------------------------------------------------------------
// NOISE FILTER: messages that are about this machine or the corpus layout, not about the file's text. Built from
// what systemd 252 printed on the Debian corpus; each pattern says why it is noise. Per-line findings
// ("/path:LINE: message") and unit-level messages ("foo.service: message", "Unit foo.service …") go through it.
// ---------------------------------------------------------------------------------------------------------------
export const NOISE = [
  // Executables that this machine does not have (the package is not installed). Seen ~1,560 times on the corpus:
  // "foo.service: Command /usr/sbin/foo is not executable: No such file or directory".
  { re: /Command .* is not executable: /, why: 'executable missing on this machine' },
  // Referenced units that are not installed here: "foo.service: Failed to create foo.service/start: Unit bar.service
  // not found." (seen ~70 times), and the same for a unit we were not asked about.
  {
    re: /Failed to create \S+\/\w+: Unit \S+ (not found|is masked)/,
    why: 'dependency unit not installed (or masked) here',
  },
  {
    re: /^Unit \S+ not found\.$/,
    why: 'unit not installed here (when it is the unit verified, the file is reported as not verified)',
  },
  // "foo.service: Cannot add dependency job, ignoring: Unit bar.service has a bad unit file setting." (the dependency's
  // own problem is reported on the dependency's file).
  { re: /Cannot add dependency job/, why: 'dependency job on this machine' },
  // "syslog.socket: service syslog.service not loaded, socket cannot be started." (no syslog daemon installed).
  { re: /service \S+ not loaded, socket cannot be started/, why: "the socket's service is not installed here" },
  // File mode bits of the unpacked package, not its text: "Configuration file … is marked executable. …".
  {
    re: /is marked executable\. Please remove executable permission bits|is marked world-(writable|inaccessible)/,
    why: 'file permissions, not content',
  },
  // Not seen on this corpus, but about the environment where verify runs (containers, CI), never the file's text.
  { re: /cgroup/i, why: 'cgroup setup of the offline manager' },
  { re: /Failed to (connect to|open) (bus|system bus|user bus)/i, why: 'no bus in the sandbox' },
  { re: /man page|Command 'man .*' failed/i, why: 'man pages (--man=no normally silences these)' },
  // NOT noise, on purpose: "Failed to add dependency on udev, ignoring: Invalid argument" (a bad unit name in the
  // file), "Failed to resolve unit specifiers in …" (an unknown % specifier), "Neither a valid executable name nor
  // an absolute path" (a relative path with a slash).
];

export function noiseReason(message) {
  for (const n of NOISE) if (n.re.test(message)) return n.why;
  return null;
}

/** Unit-level messages that mean systemd refused the unit (then its per-line verdicts are not complete). */
export const UNIT_FAILED =
  /Unit configuration has fatal error|has a bad unit file setting|Refusing\b|Failed to load configuration|not loaded properly|failed to load properly|Failed to load unit file|not loading\b/;

// ---------------------------------------------------------------------------------------------------------------
// Jobs
// ---------------------------------------------------------------------------------------------------------------

const STUB_BODY = {
  service: '[Service]\nExecStart=/bin/true\n',
  socket: '[Socket]\nListenStream=/run/conformance-stub.sock\n',
  timer: '[Timer]\nOnActiveSec=1h\n',
  path: '[Path]\nPathExists=/etc/hostname\n',
  mount: '',
  automount: '',
  swap: '',
  target: '',
  slice: '',
};

function unitType(name) {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** foo@.service -> foo@test.service */
export function instanceOf(templateName) {
  const at = templateName.lastIndexOf('@.');
  return `${templateName.slice(0, at)}@test${templateName.slice(at + 1)}`;
}

function templateOf(instanceName) {
  const m = /^([^@]+@)[^.]*\.(\w+)$/.exec(instanceName);
  return m ? `${m[1]}.${m[2]}` : null;
}

function hostUnitExists(scope, name) {
  const dirs =
    scope === 'user'
      ? ['/usr/lib/systemd/user', '/etc/systemd/user']
      : ['/usr/lib/systemd/system', '/lib/systemd/system', '/etc/systemd/system'];
  return dirs.some((d) => existsSync(join(d, name)));
}

/**
 * @typedef {import('./corpus.mjs').Entry} Entry
 * @typedef {{ scope: 'system'|'user', dir: string, target: string, byPath: boolean, covers: Entry[],
 *             stub?: { owner: string, verifyName: string }, extraKey?: string, extraPath?: string }} Job
 *   extraPath: a folder put after `dir` in SYSTEMD_UNIT_PATH (the mutation tests: the original unit's folder).
 */

/** Plan the verify jobs for the corpus entries; entries that no job can cover come back in `skipped`. */
export function planJobs(entries) {
  const jobs = [];
  const skipped = [];
  const byDir = new Map();
  for (const e of entries) {
    const k = `${e.scope}\0${e.dir}`;
    if (!byDir.has(k)) byDir.set(k, []);
    byDir.get(k).push(e);
  }
  for (const list of byDir.values()) {
    const units = new Map(list.filter((e) => e.kind !== 'dropin').map((e) => [e.name, e]));
    const dropinsByOwner = new Map();
    for (const d of list.filter((e) => e.kind === 'dropin')) {
      if (!dropinsByOwner.has(d.owner)) dropinsByOwner.set(d.owner, []);
      dropinsByOwner.get(d.owner).push(d);
    }
    for (const u of units.values()) {
      const covers = [u, ...(dropinsByOwner.get(u.name) ?? [])];
      dropinsByOwner.delete(u.name);
      if (u.kind === 'template')
        jobs.push({ scope: u.scope, dir: u.dir, target: instanceOf(u.name), byPath: false, covers });
      else jobs.push({ scope: u.scope, dir: u.dir, target: u.file, byPath: true, covers });
    }
    for (const [owner, dropins] of dropinsByOwner) {
      const scope = dropins[0].scope;
      const dir = dropins[0].dir;
      const tpl = templateOf(owner);
      const type = unitType(owner);
      let verifyName = null;
      let extraKey = '';
      const isTemplate = owner.endsWith('@.' + type);
      if (tpl && !isTemplate && units.has(tpl))
        verifyName = owner; // instance drop-in, its template is in this folder
      else if (owner === '-.slice' || (type === 'slice' && !owner.endsWith('-.slice')))
        verifyName = owner; // slices need no file
      else if (owner.endsWith('-.slice'))
        verifyName = `${owner.slice(0, -'-.slice'.length)}-test.slice`; // prefix drop-in of slices
      else if (owner.endsWith('-.' + type))
        verifyName = null; // prefix drop-in: a stub foo-test.service below
      else {
        // The owner (or, for an instance, its template) is a unit of this machine.
        const hostName = hostUnitExists(scope, owner) ? owner : tpl;
        const hostDir =
          hostName &&
          ['/usr/lib/systemd/' + scope, '/lib/systemd/' + scope, '/etc/systemd/' + scope].find((d) =>
            existsSync(join(d, hostName)),
          );
        if (hostDir) {
          verifyName = isTemplate ? instanceOf(owner) : owner;
          extraKey = readFileSync(join(hostDir, hostName), 'utf8');
        }
      }
      if (verifyName) {
        jobs.push({ scope, dir, target: verifyName, byPath: false, covers: dropins, extraKey });
      } else if (STUB_BODY[type] !== undefined) {
        const prefix = owner.endsWith('-.' + type) ? `${owner.slice(0, -type.length - 2)}-test.${type}` : null;
        const stubOwner = prefix ?? tpl ?? owner;
        const target = prefix ?? (isTemplate ? instanceOf(owner) : owner);
        jobs.push({
          scope,
          dir,
          target,
          byPath: false,
          covers: dropins,
          stub: { owner: stubOwner, verifyName: owner },
          extraKey: `stub:${stubOwner}:${STUB_BODY[type]}`,
        });
      } else {
        for (const d of dropins) skipped.push({ entry: d, why: 'no owner unit to verify the drop-in with' });
      }
    }
  }
  return { jobs, skipped };
}

function jobKey(job, version) {
  const h = createHash('sha256');
  h.update(
    JSON.stringify([
      ORACLE_FORMAT,
      version,
      job.scope,
      job.byPath ? '(path)' : job.target,
      job.stub ? 'stub' : '',
      job.extraKey ?? '',
      job.extraPath ? 'extra' : '',
    ]),
  );
  for (const e of job.covers) {
    h.update('\0' + (e.kind === 'dropin' ? `${e.owner}.d/${e.name}` : e.name) + '\0');
    h.update(readFileSync(e.file));
  }
  return h.digest('hex');
}

function placeholder(i) {
  return `@@FILE${i}@@`;
}

/** Run one job now; returns { status, output (paths replaced by placeholders), ms }. */
function execJob(job, runtimeDir) {
  return new Promise((resolve) => {
    let unitDir = job.dir;
    let tmp = null;
    const pathsInOutput = job.covers.map((e) => e.file);
    if (job.stub) {
      tmp = mkdtempSync(join(tmpdir(), 'conformance-stub-'));
      const type = unitType(job.stub.owner);
      writeFileSync(join(tmp, job.stub.owner), `[Unit]\nDescription=conformance stub\n${STUB_BODY[type]}`);
      mkdirSync(join(tmp, `${job.stub.verifyName}.d`), { recursive: true });
      job.covers.forEach((e, i) => {
        const copy = join(tmp, `${job.stub.verifyName}.d`, e.name);
        copyFileSync(e.file, copy);
        pathsInOutput[i] = copy;
      });
      unitDir = tmp;
    }
    const args = ['verify', '--man=no', '--generators=no'];
    if (job.scope === 'user') args.push('--user');
    args.push('--', job.target);
    const env = {
      ...process.env,
      SYSTEMD_UNIT_PATH: job.extraPath ? `${unitDir}:${job.extraPath}:` : `${unitDir}:`,
      SYSTEMD_LOG_COLOR: '0',
      SYSTEMD_COLORS: '0',
      SYSTEMD_PAGER: '',
      LC_ALL: 'C',
    };
    if (job.scope === 'user') env.XDG_RUNTIME_DIR = runtimeDir;
    const t0 = process.hrtime.bigint();
    const child = spawn('systemd-analyze', args, { cwd: unitDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.stderr.on('data', (b) => {
      out += b;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (tmp) rmSync(tmp, { recursive: true, force: true });
      // Longest paths first so /d/foo.service.d/x.conf is not cut by /d/foo.service.
      const order = pathsInOutput.map((p, i) => [p, i]).sort((a, b) => b[0].length - a[0].length);
      let text = out;
      for (const [p, i] of order) text = text.split(p).join(placeholder(i));
      resolve({ status, output: text, ms });
    });
  });
}

/**
 * Run (or load from cache) every job, `concurrency` at a time.
 * @returns {Promise<{ results: Array<{ job: Job, status: number, output: string, ms: number, cached: boolean }>, ranMs: number }>}
 */
export async function runOracle(
  jobs,
  { cacheDir, concurrency = Math.max(1, Math.min(2, availableParallelism())), onProgress } = {},
) {
  const version = systemdVersion();
  if (!version) throw new Error('systemd-analyze is not available');
  mkdirSync(cacheDir, { recursive: true });
  const runtimeDir = mkdtempSync(join(tmpdir(), 'conformance-xdg-'));
  const results = new Array(jobs.length);
  const todo = [];
  jobs.forEach((job, i) => {
    const key = jobKey(job, version);
    const f = join(cacheDir, `${key}.json`);
    if (existsSync(f)) {
      try {
        const c = JSON.parse(readFileSync(f, 'utf8'));
        results[i] = { job, status: c.status, output: c.output, ms: c.ms, cached: true };
        return;
      } catch {
        /* re-run */
      }
    }
    todo.push({ i, f });
  });
  const t0 = Date.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < todo.length) {
      const { i, f } = todo[next++];
      const r = await execJob(jobs[i], runtimeDir);
      // A run killed by the time limit (status null) is not cached.
      if (r.status !== null)
        writeFileSync(f, JSON.stringify({ target: jobs[i].target, status: r.status, ms: r.ms, output: r.output }));
      results[i] = { job: jobs[i], ...r, cached: false };
      done++;
      if (onProgress && done % 200 === 0) onProgress(done, todo.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  rmSync(runtimeDir, { recursive: true, force: true });
  return { results, ranJobs: todo.length, ranMs: Date.now() - t0, version };
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------------

/** The unit name a job verifies ("foo.service" for a path, the instance name for a template). */
export function jobUnitName(job) {
  return job.byPath ? job.target.slice(job.target.lastIndexOf('/') + 1) : job.target;
}

/**
 * Split one job's output into findings on the covered files.
 * @returns {{ perFile: Map<number, Array<{ line: number, message: string, noise: string|null }>>,
 *             unitMessages: Array<{ message: string, noise: string|null, other: boolean }>, unitFailed: boolean,
 *             targetMissing: boolean }}
 *   perFile: index in job.covers -> per-line findings (noise: the filter's reason, or null if kept).
 *   unitMessages: messages not tied to a line of a covered file; `other` when about another unit (a dependency
 *   that systemd loaded too), which neither counts nor fails this unit.
 *   targetMissing: systemd could not find the unit we asked for (a harness problem: the job verified nothing).
 */
export function parseOutput(job, output) {
  const unit = jobUnitName(job);
  const perFile = new Map();
  const unitMessages = [];
  let targetMissing = false;
  for (const raw of output.split('\n')) {
    const line = raw.trimEnd();
    if (!line) continue;
    const m = /^@@FILE(\d+)@@:(\d+): (.*)$/.exec(line);
    if (m) {
      const i = Number(m[1]);
      if (!perFile.has(i)) perFile.set(i, []);
      perFile.get(i).push({ line: Number(m[2]), message: m[3], noise: noiseReason(m[3]) });
      continue;
    }
    // Lines of files outside the job's coverage (a stub, a host unit, a dependency) are not ours to judge.
    if (/^\/\S+:\d+: /.test(line)) continue;
    if (line === `Unit ${unit} not found.`) targetMissing = true;
    const prefix = /^([^\s:]+\.[a-z]+): /.exec(line)?.[1] ?? /^Unit (\S+) /.exec(line)?.[1];
    const other = prefix !== undefined && prefix !== unit;
    unitMessages.push({ message: line, noise: noiseReason(line), other });
  }
  const unitFailed = unitMessages.some((u) => !u.noise && !u.other && UNIT_FAILED.test(u.message));
  return { perFile, unitMessages, unitFailed, targetMissing };
}
