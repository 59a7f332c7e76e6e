#!/usr/bin/env node
/**
 * The command-line entry point: `systemd-units check …` (the CI checker) and `systemd-units lsp --stdio`.
 * Exit codes of `check`: 0 no error, 1 at least one error (or an unreadable path), 2 bad usage.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  createLanguageService,
  readUnitFileForCheck,
  positionAt,
  fileKindOf,
  defaultSettings,
  resolveTargetVersion,
  resolvePodmanVersion,
  parseTargetVersion,
  machineWatchdogLimits,
  WATCHDOG_DRIVER_CHOICES,
  NEWEST_VERSION,
  CODES,
  type SystemdDocument,
  type Diagnostic,
} from './languageService.js';
import { runEffective } from './cli/effective.js';
import { runDropin } from './cli/dropin.js';
import { runSocketsFromStrace } from './cli/socketsFromStrace.js';
import { runCalendar } from './cli/calendar.js';
import { runSecurity } from './cli/security.js';

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
}

interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
}

const USAGE = `Usage:
  systemd-units check [--format text|json|sarif] [--target-version N|auto] [--severity CODE=LEVEL]...
                      [--watchdog-driver auto|iTCO-v2|…] [--podman-version X.Y|auto] [--hardening] PATH...
      Check unit files, drop-ins and system.conf/user.conf. Folders are walked; file kinds are
      recognised by name (foo.service, foo.service.d/*.conf, system.conf.d/*.conf, …).
      Podman Quadlet files (.container, .pod, .volume…) are checked against --podman-version.
      --hardening: one hint per failing exposure check of a service (hardening-… codes; also on when
      a --severity names one of them).
      Exit code: 0 no error, 1 errors found, 2 bad usage.
  systemd-units effective UNIT [--root DIR] [--user]
      Print a unit merged with its drop-ins, each line with the file and line that set it.
  systemd-units dropin --base VENDOR_UNIT --target DESIRED_UNIT
      Print the smallest drop-in that turns the vendor unit into the desired one.
  systemd-units sockets-from-strace LOG --service NAME [--preload PATH] [--out DIR]
      Socket units (FileDescriptorName= hints) for an unmodified daemon, from an strace log.
  systemd-units calendar [--iterations N] [--base-time TIME] [--format text|json] EXPR...
      Normalize calendar expressions (OnCalendar=) and print their next elapses, like systemd-analyze calendar.
  systemd-units security [--target-version N] [--format text|json] [--threshold N] [--root DIR] PATH...
      The exposure score of services, as systemd-analyze security --offline=true computes it.
  systemd-units lsp --stdio
      Start the language server on standard input/output (for Neovim, Helix, …).
  systemd-units --version | --help`;

export function main(
  argv: string[],
  io: CliIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) },
): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version') {
    io.stdout(`systemd-units 0.1.0 (catalog: systemd ${NEWEST_VERSION})\n`);
    return 0;
  }
  if (command === 'check') return check(rest, io);
  if (command === 'effective') return runEffective(rest, io);
  if (command === 'dropin') return runDropin(rest, io);
  if (command === 'sockets-from-strace') return runSocketsFromStrace(rest, io);
  if (command === 'calendar') return runCalendar(rest, io);
  if (command === 'security') return runSecurity(rest, io);
  io.stderr(`systemd-units: unknown command '${command}'\n${USAGE}\n`);
  return 2;
}

function check(args: string[], io: CliIO): number {
  let format: 'text' | 'json' | 'sarif' = 'text';
  let targetVersion: number | 'auto' = 'auto';
  let watchdogDriver = 'auto';
  let podmanVersion = 'auto';
  const severity: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'> = {};
  let hardening = false;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const takeValue = (): string | undefined => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      return args[++i];
    };
    const flag = a.startsWith('--') ? a.split('=')[0] : a;
    if (flag === '--format') {
      const v = takeValue();
      if (v !== 'text' && v !== 'json' && v !== 'sarif')
        return usageError(io, `--format must be text, json or sarif (got '${v ?? ''}')`);
      format = v;
    } else if (flag === '--target-version') {
      const v = takeValue();
      const n = parseTargetVersion(v);
      if (n === undefined)
        return usageError(
          io,
          `--target-version needs a systemd version number such as 252, or auto (got '${v ?? ''}')`,
        );
      targetVersion = n;
    } else if (flag === '--podman-version') {
      const v = takeValue() ?? '';
      if (v !== 'auto' && !/^\d+\.\d+(?:\.\d+)?$/.test(v))
        return usageError(io, `--podman-version needs a podman release such as 5.2 or 4.9.3, or auto (got '${v}')`);
      podmanVersion = v;
    } else if (flag === '--watchdog-driver') {
      const v = takeValue() ?? '';
      if (!WATCHDOG_DRIVER_CHOICES.includes(v) || v === 'custom')
        return usageError(
          io,
          `--watchdog-driver takes one of ${WATCHDOG_DRIVER_CHOICES.filter((c) => c !== 'custom').join(', ')} (got '${v}')`,
        );
      watchdogDriver = v;
    } else if (flag === '--severity') {
      const v = takeValue() ?? '';
      const m = /^([a-z0-9-]+)=(error|warning|info|hint|off)$/.exec(v);
      if (!m || !(m[1]! in CODES))
        return usageError(io, `--severity takes CODE=error|warning|info|hint|off with a known code (got '${v}')`);
      severity[m[1]!] = m[2] as 'error';
    } else if (a === '--hardening') {
      hardening = true;
    } else if (a === '--') {
      paths.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      return usageError(io, `unknown option '${a}'`);
    } else {
      paths.push(a);
    }
  }
  if (paths.length === 0) return usageError(io, 'no PATH given');

  const findings: Finding[] = [];
  let unreadable = 0;
  let checked = 0;
  const files: string[] = [];
  const docs: SystemdDocument[] = [];
  const shown = new Map<SystemdDocument, string>();
  const settings = {
    ...defaultSettings(),
    ...resolveTargetVersion(targetVersion),
    ...resolvePodmanVersion(podmanVersion),
    severity,
    watchdogDriver,
    // 80 hints per service would drown a CI log: on when asked for (the editor shows them by default).
    hardeningDiagnostics:
      hardening || Object.entries(severity).some(([c, l]) => c.startsWith('hardening-') && l !== 'off'),
  };
  const service = createLanguageService({
    settings: () => settings,
    workspaceFolders: () => [],
    // The files named on the command line see each other (cross-file checks), as open documents do in an editor.
    openDocuments: () => docs,
    // The files are all parsed before the first check: index them once.
    openDocumentsKey: () => docs.length,
    readSiblings: false,
    kernelWatchdogLimits: machineWatchdogLimits,
  });
  for (const p of paths)
    collect(p, true, files, (msg) => {
      unreadable++;
      io.stderr(`systemd-units: ${msg}\n`);
    });
  for (const file of files) {
    // Only regular files, read without blocking and at most MAX_UNIT_BYTES: a FIFO, /dev/zero or a huge file is
    // reported and skipped, never read.
    const r = readUnitFileForCheck(file);
    if (!r.ok) {
      unreadable++;
      io.stderr(`systemd-units: ${r.reason}\n`);
      continue;
    }
    checked++;
    docs.push(service.parse(resolve(file), r.text));
    shown.set(docs[docs.length - 1]!, file);
  }
  for (const doc of docs) {
    const file = shown.get(doc)!;
    const diags = service.getDiagnostics(doc);
    for (const d of diags) {
      const s = positionAt(doc.tree.lineStarts, d.start);
      const e = positionAt(doc.tree.lineStarts, d.end);
      findings.push({
        file,
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
      });
    }
  }

  if (format === 'json') io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
  else if (format === 'sarif') io.stdout(`${JSON.stringify(toSarif(findings), null, 2)}\n`);
  else {
    for (const f of findings) io.stdout(`${f.file}:${f.line}:${f.column}: ${f.severity}[${f.code}]: ${f.message}\n`);
    const count = (s: string): number => findings.filter((f) => f.severity === s).length;
    const from =
      settings.targetVersionFrom === 'machine'
        ? 'the version installed here'
        : settings.targetVersionFrom === 'newest'
          ? 'the newest known; no systemd found here'
          : '--target-version';
    io.stderr(`Checked against systemd ${settings.targetVersion} (${from}).\n`);
    io.stderr(
      `${checked} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info') + count('hint')} note(s)${unreadable ? `, ${unreadable} path(s) unreadable` : ''}.\n`,
    );
  }
  return findings.some((f) => f.severity === 'error') || unreadable > 0 ? 1 : 0;
}

function usageError(io: CliIO, msg: string): number {
  io.stderr(`systemd-units: ${msg}\n${USAGE}\n`);
  return 2;
}

/** Walk folders for files we recognise; a file named explicitly is checked if we recognise its kind. */
function collect(path: string, explicit: boolean, out: string[], onError: (msg: string) => void): void {
  let st;
  try {
    // Links found while walking are aliases, masks or .wants/ entries of units checked elsewhere: skip them.
    if (!explicit && lstatSync(path).isSymbolicLink()) return;
    st = statSync(path);
  } catch (err) {
    onError(
      `cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (err as Error).message}`,
    );
    return;
  }
  if (st.isDirectory()) {
    let names: string[];
    try {
      names = readdirSync(path).sort();
    } catch (err) {
      onError(`cannot read folder ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      return;
    }
    for (const n of names) {
      if (n === 'node_modules' || n === '.git') continue;
      collect(join(path, n), false, out, onError);
    }
    return;
  }
  if (!st.isFile()) {
    // A FIFO, socket or device: never opened (reading it could block forever or never end).
    if (explicit || fileKindOf(path).kind !== 'other')
      onError(`${path}: not a regular file (a pipe, socket or device); skipped`);
    return;
  }
  if (fileKindOf(path).kind === 'other') {
    if (explicit)
      onError(
        `${path}: not a systemd file this checker knows (units, drop-ins, system.conf, daemon configs, networkd files…; recognised by name and folder); skipped`,
      );
    return;
  }
  out.push(path);
}

function toSarif(findings: Finding[]): object {
  const level = (s: string): string => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'systemd-units',
            version: '0.1.0',
            informationUri: 'https://github.com/systemd-units/systemd-units',
            rules: Object.entries(CODES).map(([id, c]) => ({
              id,
              shortDescription: { text: c.doc },
              defaultConfiguration: { level: level(c.severity) },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          level: level(f.severity),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relative(process.cwd(), f.file).split('\\').join('/') },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}

// Run when executed directly (the bundle sets this define; tests import `main`).
declare const __CLI_ENTRY__: boolean | undefined;
if (typeof __CLI_ENTRY__ !== 'undefined' && __CLI_ENTRY__) {
  const argv = process.argv.slice(2);
  // `systemd-units check … | head` must not crash when the reader goes away.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    else throw e;
  });
  if (argv[0] === 'lsp') {
    // The server bundle is loaded lazily so `check` stays fast.
    void import('./main.js');
  } else {
    try {
      process.exitCode = main(argv);
    } catch (err) {
      // Never an uncaught exception: say what failed, and exit 2 (the checker itself failed, not the units).
      process.stderr.write(`systemd-units: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    }
  }
}
