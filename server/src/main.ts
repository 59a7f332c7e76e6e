/**
 * Server entry point: LSP over stdio (`--stdio`, the default) or Node IPC (`--node-ipc`, used by VS Code).
 * Over stdio a broken frame (a wrong Content-Length, a header without one, a body that is not JSON) leaves the
 * stream out of step for good: the server says so on stderr and exits, rather than staying alive and silent.
 */
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { releaseMemoryWhenIdle } from './idleMemory.js';
import { clearFileCaches } from './languageService.js';

// Nothing but the protocol may reach stdout: send stray console output to stderr.
// eslint-disable-next-line no-console -- the redirect itself
console.log = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
// eslint-disable-next-line no-console -- the redirect itself
console.info = console.log;

// A promise nobody awaited must not take the server down: log it and go on.
process.on('unhandledRejection', (err) => {
  process.stderr.write(
    `systemd-units: unhandled rejection: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
});

const args = process.argv.slice(2);
const other = args.some((a) => a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='));

// After a burst of work (many documents opened at once), give the grown heap back once the client goes quiet: every
// incoming message (stdio data, or a Node IPC message from VS Code) counts as activity.
const memory = releaseMemoryWhenIdle({ beforeRelease: clearFileCaches });

if (other) {
  if (args.includes('--node-ipc')) process.on('message', memory.activity);
  else memory.stop();
  startServer(createConnection());
} else {
  process.stdin.on('data', memory.activity);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  const fatal = (why: string): void => {
    process.stderr.write(`systemd-units: ${why}; the message stream is out of step, exiting.\n`);
    process.exit(1);
  };
  reader.onError((err) => fatal(`unreadable message from the client (${err.message})`));
  reader.onPartialMessage((info) =>
    fatal(`a message was still incomplete after ${info.waitingTime} ms (wrong Content-Length?)`),
  );
  startServer(createConnection(reader, writer), { outputBacklog: () => process.stdout.writableLength });
}
