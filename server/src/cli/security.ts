/**
 * `systemd-units security [--target-version N] [--format text|json] [--threshold N] [--root DIR] [--user] PATH...`
 *
 * The exposure score of services, as `systemd-analyze security --offline=true` computes it, for unit files that
 * need not be installed. Each PATH is a .service file or a folder (walked for .service files); a unit's drop-ins
 * are looked up like systemd does with SYSTEMD_UNIT_PATH=<its folder>: (its own folder first, then the search
 * paths under --root). A template (foo@.service) is scored as the instance foo@.service names with an empty
 * instance; name a file foo@x.service to score an instance.
 *
 * Exit codes: 0 all scored and none above --threshold; 1 a unit above the threshold (in tenths, 0–100, like
 * systemd-analyze's --threshold=) or a file that could not be scored; 2 bad usage.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  findUnitHierarchy,
  loadEffectiveUnit,
  realFs,
  scoreService,
  renderSecurityTable,
  securityJson,
  resolveTargetVersion,
  parseTargetVersion,
  NEWEST_VERSION,
} from '../languageService.js';

export interface SecurityIO {
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = `Usage: systemd-units security [--target-version N|auto] [--format text|json] [--threshold N] [--root DIR] [--user] PATH...
  The exposure score of services (0.0 safest … 10.0), as systemd-analyze security --offline=true computes it.
  PATH: .service files, or folders walked for them. Drop-ins next to a file (foo.service.d/) and under --root count.
  --target-version N  the systemd version whose checks apply (default: auto, the local systemd or ${NEWEST_VERSION})
  --format text|json  systemd-analyze's table (default) or one JSON array element per unit
  --threshold N       exit 1 when a unit's exposure is above N tenths (0–100, default 100), like systemd-analyze
  --root DIR          a folder that mirrors / for the search paths (default /)
  Exit code: 0 none above the threshold, 1 above it or a file not scored, 2 bad usage.`;

function walk(path: string, out: string[], depth = 0): void {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    out.push(path);
    return;
  }
  if (st.isDirectory()) {
    if (depth > 20) return;
    let names: string[];
    try {
      names = readdirSync(path).sort();
    } catch {
      return;
    }
    for (const n of names) {
      if (n === 'node_modules' || n === '.git') continue;
      const p = join(path, n);
      let s;
      try {
        s = lstatSync(p);
      } catch {
        continue;
      }
      if (s.isDirectory() && !n.endsWith('.wants') && !n.endsWith('.requires')) walk(p, out, depth + 1);
      else if (s.isFile() && n.endsWith('.service')) out.push(p);
    }
  } else out.push(path);
}

export function runSecurity(args: string[], io: SecurityIO): number {
  let format: 'text' | 'json' = 'text';
  let target: number | 'auto' = 'auto';
  let threshold = 100;
  let root = '/';
  let scope: 'system' | 'user' = 'system';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (flag === '--help' || flag === '-h') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') return usage(io, `--format takes text or json, not '${v ?? ''}'`);
      format = v;
    } else if (flag === '--target-version') {
      const v = value();
      const t = v === undefined ? undefined : parseTargetVersion(v);
      if (t === undefined)
        return usage(io, `--target-version takes a systemd version number or auto, not '${v ?? ''}'`);
      target = t;
    } else if (flag === '--threshold') {
      const v = value();
      if (!v || !/^\d+$/.test(v) || Number(v) > 100)
        return usage(io, `--threshold takes 0 to 100 (tenths of the exposure), not '${v ?? ''}'`);
      threshold = Number(v);
    } else if (flag === '--root') {
      const v = value();
      if (!v) return usage(io, '--root needs a folder');
      try {
        if (!statSync(v).isDirectory()) return usage(io, `--root ${v}: not a folder`);
      } catch {
        return usage(io, `--root ${v}: no such folder`);
      }
      root = resolve(v);
    } else if (flag === '--user') scope = 'user';
    else if (flag === '--system') scope = 'system';
    else if (a === '--') {
      paths.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('-')) return usage(io, `unknown option '${a}'`);
    else paths.push(a);
  }
  if (paths.length === 0) return usage(io, 'no PATH given');
  const version = resolveTargetVersion(target).targetVersion;

  const files: string[] = [];
  for (const p of paths) walk(p, files);
  let failed = false;
  let above = false;
  const json: ReturnType<typeof securityJson>[] = [];
  for (const file of files) {
    const name = basename(file);
    if (!name.endsWith('.service')) {
      io.stderr(`systemd-units security: ${file}: not a .service file, skipped\n`);
      failed = true;
      continue;
    }
    let isFile = false;
    try {
      isFile = statSync(file).isFile();
    } catch {
      /* below */
    }
    if (!isFile) {
      io.stderr(`systemd-units security: cannot read ${file}\n`);
      failed = true;
      continue;
    }
    const h = findUnitHierarchy(name, { scope, root, unitDirs: [resolve(dirname(file))], fs: realFs });
    if (h.masked) {
      io.stderr(`systemd-units security: ${file}: the unit is masked, not scored\n`);
      failed = true;
      continue;
    }
    const { effective, skipped } = loadEffectiveUnit(h, realFs);
    for (const s of skipped) io.stderr(`systemd-units security: skipped ${s.path}: ${s.reason}\n`);
    if (!h.fragment || skipped.some((s) => s.path === h.fragment!.path)) {
      io.stderr(`systemd-units security: cannot read ${file}\n`);
      failed = true;
      continue;
    }
    const score = scoreService(effective, h.id, version);
    if (score.exposureTenths > threshold) above = true;
    if (format === 'json') json.push(securityJson(score, file));
    else
      io.stdout(`${files.length > 1 ? `${file}:\n` : ''}${renderSecurityTable(score)}${files.length > 1 ? '\n' : ''}`);
  }
  if (format === 'json') io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  return above || failed ? 1 : 0;
}

function usage(io: SecurityIO, msg: string): number {
  io.stderr(`systemd-units security: ${msg}\n${USAGE}\n`);
  return 2;
}
