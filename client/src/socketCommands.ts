/**
 * Generate Socket Units from strace Log: pick a log, name the service, choose where the units go (the workspace's
 * mirror first; the live /etc/systemd/system only by an explicit, confirmed choice), install the units and the
 * drop-in, then show what remains to be done on the machine.
 */
import * as vscode from 'vscode';
import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  generateSocketUnits,
  validateUnitName,
  DEFAULT_PRELOAD_LIBRARY,
  decodeBytes,
  installCommand,
} from '../../server/src/planners.js';
import { chooseTarget, copyToClipboard, errorText, installFiles, requireTrust } from './install.js';

/** strace logs larger than this are refused (a log of a daemon's start-up is a few kilobytes). */
const MAX_LOG_BYTES = 64 * 1024 * 1024;

/**
 * The service a log was most likely taken from: the program of its first `execve("…")` line, or else the first
 * word of the log's file name (`mosquitto-f.log` → `mosquitto`). Undefined when neither gives a valid unit name.
 */
export function guessServiceName(log: string, logPath: string): { name: string; from: string } | undefined {
  const exec = /execve\("([^"]+)"/.exec(log.slice(0, 64 * 1024));
  const candidates: { name: string; from: string }[] = [];
  if (exec)
    candidates.push({
      name: basename(exec[1]!).replace(/[^A-Za-z0-9:_.\\-]/g, ''),
      from: `the program the log starts (${exec[1]})`,
    });
  const word = /^[A-Za-z0-9_:]+/.exec(basename(logPath).replace(/^strace[-_.]?/, ''))?.[0];
  if (word) candidates.push({ name: word, from: `the log's file name (${basename(logPath)})` });
  return candidates.find((c) => c.name && validateUnitName(`${c.name}.service`).ok);
}

/** A regular file, read whole, within a size cap; or why not. */
function readLog(path: string): { ok: true; text: string } | { ok: false; reason: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'it is not a regular file' };
    if (st.size > MAX_LOG_BYTES) return { ok: false, reason: `it is larger than ${MAX_LOG_BYTES / 1024 / 1024} MiB` };
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, null);
      if (n === 0) break;
      off += n;
    }
    return { ok: true, text: decodeBytes(buf.subarray(0, off)) };
  } catch (e) {
    return { ok: false, reason: errorText(e).message };
  } finally {
    if (fd !== undefined)
      try {
        closeSync(fd);
      } catch {
        /* ignore */
      }
  }
}

/**
 * The drop-in loads a library that is not on this machine: offer the exact install command for the library this
 * extension ships (dist/preload/), to copy or run in a terminal after a confirmation. Nothing is installed silently.
 */
async function offerPreloadInstall(target: string): Promise<void> {
  const built = join(__dirname, 'preload', 'libsockethack.so');
  if (!existsSync(built)) {
    void vscode.window.showWarningMessage(
      `systemd: ${target} is not installed; build it from a checkout with \`npm run build && sudo make -C preload install\`.`,
    );
    return;
  }
  const cmd = installCommand(built, target, { mode: 0o755 });
  const pick = await vscode.window.showWarningMessage(
    `systemd: the units load ${target}, which is not installed on this machine. Install the library that ships with this extension?`,
    { modal: true, detail: cmd },
    'Run in Terminal…',
    'Copy Command',
  );
  if (pick === 'Copy Command') await copyToClipboard(cmd);
  else if (pick === 'Run in Terminal…') {
    const t = vscode.window.createTerminal('systemd: install preload library');
    t.show();
    t.sendText(cmd, false); // typed, not run: the user presses Enter (sudo asks for a password anyway)
  }
}

export async function generateSocketUnitsFromStrace(logUri?: vscode.Uri): Promise<void> {
  if (!requireTrust('Generate Socket Units from strace Log')) return;
  const log =
    logUri ??
    (
      await vscode.window.showOpenDialog({
        title: 'strace log (strace -f -e trace=socket,bind,listen -o LOG …)',
        canSelectMany: false,
      })
    )?.[0];
  if (!log) return;
  const read = readLog(log.fsPath);
  if (!read.ok) {
    void vscode.window.showErrorMessage(`systemd: cannot read ${log.fsPath}: ${read.reason}`);
    return;
  }
  const text = read.text;
  const guess = guessServiceName(text, log.fsPath);
  const service = await vscode.window.showInputBox({
    title: "systemd: the daemon's service",
    prompt: guess
      ? `The service the sockets are for; guessed from ${guess.from}. Change it if that is not the daemon's service.`
      : 'The service the sockets are for, for example the name of the daemon\'s unit (".service" may be left out).',
    value: guess ? `${guess.name}.service` : '',
    validateInput: (v) => {
      const r = validateUnitName(v.endsWith('.service') ? v : `${v}.service`);
      return r.ok ? undefined : r.reason;
    },
  });
  if (!service) return;
  const unit = service.endsWith('.service') ? service : `${service}.service`;
  const cfg = vscode.workspace.getConfiguration('systemd');
  const preload = cfg.get<string>('socketActivation.preloadLibrary') || DEFAULT_PRELOAD_LIBRARY;
  const g = generateSocketUnits(text, unit, preload);
  for (const w of g.warnings) void vscode.window.showWarningMessage(`systemd: ${w}`);
  if (g.files.length && !existsSync(preload)) void offerPreloadInstall(preload);
  if (!g.files.length) return;
  const target = await chooseTarget({ kind: 'unitFiles' }, 'system', {
    documentPath: log.fsPath,
    title: 'systemd: where to write the units',
  });
  if (!target) return;
  const r = await installFiles(
    g.files.map((f) => ({ path: join(target.folder, f.path), content: f.content, mergeable: f.path.includes('.d/') })),
    { target, allOrNothing: true },
  );
  if (r.declined || (!r.written.length && !r.staged.length)) return;
  const steps = g.steps.filter((s) => !s.startsWith('#'));
  const shell = steps.join(' && ');
  if (!target.live) {
    // Files in a workspace mirror: the commands are for the machine they get installed on, not this one.
    const pick = await vscode.window.showInformationMessage(
      `systemd: ${r.written.length + r.staged.length} file(s) prepared in ${target.folder}. Once they are installed on the machine, what remains: stop and disable the service, enable and start the sockets:\n${shell}`,
      'Copy Commands',
    );
    if (pick === 'Copy Commands') await copyToClipboard(shell);
    return;
  }
  const pick = await vscode.window.showInformationMessage(
    `systemd: ${r.written.length + r.staged.length} file(s) prepared. What remains: stop and disable the service, enable and start the sockets:\n${shell}`,
    ...(r.staged.length ? [] : ['Run in Terminal…']),
    'Copy Commands',
  );
  if (pick === 'Copy Commands') await copyToClipboard(shell);
  if (pick === 'Run in Terminal…') {
    const sure = await vscode.window.showWarningMessage(`Run this in a terminal?\n\n${shell}`, { modal: true }, 'Run');
    if (sure === 'Run') {
      const t = vscode.window.createTerminal('systemd sockets');
      t.show();
      t.sendText(shell, true);
    }
  }
}
