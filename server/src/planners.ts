/**
 * The facade's second half: planners and writers the commands use (the VS Code client, the CLI) that the LSP
 * server loads only on demand. They are exported here rather than from languageService.ts because anything that
 * file exports is part of the server's start-up bundle. The client and the CLI import from both files; the LSP
 * server (server.ts, main.ts) never imports this one (test/architecture.test.ts).
 */
// languageService.ts wraps ensureFolderInside for the server; here it is the function itself.
export * from './languageService.js';
export * from './units/safeWrite.js';
export { ensureFolderInside } from './units/safeWrite.js';
export * from './socketActivation/strace.js';
export * from './units/staging.js';
export { planHardening, type HardenPlan, type HardenLine, type HardenLevel } from './services/security/harden.js';
