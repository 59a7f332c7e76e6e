/**
 * `systemd-units sockets-from-strace LOG --service NAME [--preload PATH] [--out DIR]`
 * Without --out: prints each generated file after a line `# file: PATH`. With --out: writes them under DIR as they
 * would be installed (NAME.socket, NAME.service.d/…conf), atomically, never replacing an existing file; where DIR
 * is not writable, stages the files and prints the exact commands to install them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSocketUnits, planWrite, writeFileAtomic, validateUnitName, DEFAULT_PRELOAD_LIBRARY } from '../languageService.js';
import type { CommandIO } from './effective.js';

export const STRACE_USAGE = `Usage: systemd-units sockets-from-strace LOG --service NAME [--preload PATH] [--out DIR]
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
    else if (a === '--help' || a === '-h') { io.stdout(`${STRACE_USAGE}\n`); return 0; }
    else if (a.startsWith('-')) { io.stderr(`systemd-units: unknown option '${a}'\n${STRACE_USAGE}\n`); return 2; }
    else if (!log) log = a;
    else { io.stderr(`systemd-units: one LOG only\n${STRACE_USAGE}\n`); return 2; }
  }
  if (!log || !service) { io.stderr(`systemd-units: LOG and --service are required\n${STRACE_USAGE}\n`); return 2; }
  const unit = service.endsWith('.service') ? service : `${service}.service`;
  const check = validateUnitName(unit);
  if (!check.ok) { io.stderr(`systemd-units: '${service}' is not a valid service name: ${check.reason}\n`); return 2; }
  if (!preload.startsWith('/')) { io.stderr(`systemd-units: --preload needs an absolute path (got '${preload}')\n`); return 2; }
  let text: string;
  try { text = readFileSync(log, 'utf8'); } catch (e) {
    io.stderr(`systemd-units: cannot read ${log}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }
  const g = generateSocketUnits(text, unit, preload);
  for (const w of g.warnings) io.stderr(`systemd-units: ${w}\n`);
  if (!g.files.length) return 1;
  if (!out) {
    for (const f of g.files) io.stdout(`# file: ${f.path}\n${f.content}\n`);
    io.stderr(`Then:\n${g.steps.map((s) => `  ${s}`).join('\n')}\n`);
    return 0;
  }
  let failed = 0;
  const install: string[] = [];
  for (const f of g.files) {
    const target = join(out, f.path);
    const plan = planWrite(target, f.content);
    if (plan.status === 'exists') { failed++; io.stderr(`systemd-units: ${plan.reason}\n`); continue; }
    if (plan.status === 'notWritable') {
      const staged = writeFileAtomic(plan.stagePath, f.content, { overwrite: true });
      if (!staged.ok) { failed++; io.stderr(`systemd-units: cannot stage ${target}: ${staged.reason}\n`); continue; }
      install.push(plan.commands[0]!);
      io.stderr(`${target}: not writable here; staged as ${plan.stagePath}\n`);
      continue;
    }
    const r = writeFileAtomic(target, f.content);
    if (!r.ok) { failed++; io.stderr(`systemd-units: ${r.reason}\n`); continue; }
    io.stdout(`wrote ${r.path}\n`);
  }
  const steps = [...install, ...g.steps];
  io.stdout(`Next steps:\n${steps.map((s) => `  ${s}`).join('\n')}\n`);
  return failed ? 1 : 0;
}
