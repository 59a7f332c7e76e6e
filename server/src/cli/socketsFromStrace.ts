/**
 * `systemd-units sockets-from-strace LOG --service NAME [--preload PATH] [--out DIR]`
 * Without --out: prints each generated file after a line `# file: PATH`. With --out: writes them under DIR as they
 * would be installed (NAME.socket, NAME.service.d/…conf), all or nothing, never replacing an existing file and never
 * outside DIR; where DIR is not writable, stages the files in a private folder and prints the exact install commands.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  generateSocketUnits,
  planWrite,
  writeFilesAllOrNothing,
  stageFiles,
  installCommand,
  readTextFileSafe,
  validateUnitName,
  DEFAULT_PRELOAD_LIBRARY,
} from '../planners.js';
import type { CommandIO } from './effective.js';

const STRACE_USAGE = `Usage: systemd-units sockets-from-strace LOG --service NAME [--preload PATH] [--out DIR]
  LOG      output of: strace -f -e trace=socket,bind,listen -o LOG DAEMON …
  NAME     the daemon's service (mosquitto or mosquitto.service)
  PATH     the LD_PRELOAD library (default ${DEFAULT_PRELOAD_LIBRARY})
  DIR      write the files there (e.g. /etc/systemd/system); without --out they are printed`;

export function runSocketsFromStrace(args: string[], io: CommandIO): number {
  let log: string | undefined;
  let service: string | undefined;
  let preload = DEFAULT_PRELOAD_LIBRARY;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    const flag = a.split('=')[0];
    if (flag === '--service') service = value();
    else if (flag === '--preload') preload = value() ?? '';
    else if (flag === '--out') out = value();
    else if (a === '--help' || a === '-h') {
      io.stdout(`${STRACE_USAGE}\n`);
      return 0;
    } else if (a.startsWith('-')) {
      io.stderr(`systemd-units: unknown option '${a}'\n${STRACE_USAGE}\n`);
      return 2;
    } else if (!log) log = a;
    else {
      io.stderr(`systemd-units: one LOG only\n${STRACE_USAGE}\n`);
      return 2;
    }
  }
  if (!log || !service) {
    io.stderr(`systemd-units: LOG and --service are required\n${STRACE_USAGE}\n`);
    return 2;
  }
  const unit = service.endsWith('.service') ? service : `${service}.service`;
  const check = validateUnitName(unit);
  if (!check.ok) {
    io.stderr(`systemd-units: '${service}' is not a valid service name: ${check.reason}\n`);
    return 2;
  }
  if (!preload.startsWith('/')) {
    io.stderr(`systemd-units: --preload needs an absolute path (got '${preload}')\n`);
    return 2;
  }
  // Logs are larger than units, but still only regular files, read without blocking.
  const read = readTextFileSafe(log, { maxBytes: MAX_LOG_BYTES });
  if (!read.ok) {
    io.stderr(`systemd-units: ${read.reason}\n`);
    return 1;
  }
  const g = generateSocketUnits(read.text, unit, preload);
  if (!g.errors.length && !existsSync(preload))
    io.stderr(
      `systemd-units: note: ${preload} is not installed; the service would start without it. ${preloadInstallHint(preload)}\n`,
    );
  for (const e of g.errors) io.stderr(`systemd-units: ${e}\n`);
  for (const w of g.warnings) io.stderr(`systemd-units: ${w}\n`);
  if (g.errors.length || !g.files.length) return 1;
  if (!out) {
    for (const f of g.files) io.stdout(`# file: ${f.path}\n${f.content}\n`);
    io.stderr(`Then:\n${g.steps.map((s) => `  ${s}`).join('\n')}\n`);
    return 0;
  }
  const root = resolve(out);
  // The folder named with --out is the user's explicit choice: make it when it does not exist yet.
  if (!existsSync(root)) {
    try {
      mkdirSync(root, { recursive: true, mode: 0o755 });
    } catch (e) {
      io.stderr(
        `systemd-units: cannot make ${root}: ${(e as NodeJS.ErrnoException).code ?? String(e)}; nothing was written\n`,
      );
      return 1;
    }
  }
  const files = g.files.map((f) => ({ path: join(root, f.path), content: f.content }));
  // Where the folder is not writable (a normal user and /etc/systemd/system): stage every file privately and
  // print the exact install commands; nothing is written in the folder itself.
  const plans = files.map((f) => planWrite(f.path, f.content, { root }));
  const refused = plans.find((p) => !p.ok && p.status !== 'notWritable');
  if (refused && !refused.ok) {
    io.stderr(`systemd-units: ${refused.reason}; nothing was written\n`);
    return 1;
  }
  if (plans.some((p) => !p.ok)) {
    const staged = stageFiles(files.map((f) => ({ target: f.path, content: f.content })));
    if (!staged.ok) {
      io.stderr(`systemd-units: ${staged.reason}; nothing was written\n`);
      return 1;
    }
    const install = staged.files.map((f) => installCommand(f.stagePath, f.target));
    io.stderr(`${root} is not writable by this process; the files are staged in ${staged.dir}\n`);
    io.stdout(`Next steps:\n${[...install, ...g.steps].map((s) => `  ${s}`).join('\n')}\n`);
    return 0;
  }
  const r = writeFilesAllOrNothing(files, { root });
  if (!r.ok) {
    io.stderr(`systemd-units: ${r.reason}\n`);
    return 1;
  }
  for (const w of r.written) io.stdout(`wrote ${w}\n`);
  io.stdout(`Next steps:\n${g.steps.map((s) => `  ${s}`).join('\n')}\n`);
  return 0;
}

/** How to install the preload library: from this package's build when it is there, else from a checkout. */
function preloadInstallHint(target: string): string {
  const built = typeof __dirname === 'string' ? join(__dirname, 'preload/libsockethack.so') : undefined;
  if (built && existsSync(built)) return `Install it with: ${installCommand(built, target, { mode: 0o755 })}`;
  return 'Build and install it from a checkout with: npm run build && sudo make -C preload install';
}

/** An strace log of a daemon's start-up is small; this bound only keeps a wrong file from taking all memory. */
const MAX_LOG_BYTES = 64 * 1024 * 1024;
