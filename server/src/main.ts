/** Server entry point: LSP over stdio (`--stdio`) or Node IPC (`--node-ipc`, used by VS Code). */
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from './server.js';

// Nothing but the protocol may reach stdout: send stray console output to stderr.
console.log = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
console.info = console.log;

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  process.argv.push('--stdio');
}
startServer(createConnection());
