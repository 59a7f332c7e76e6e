#!/usr/bin/env node
/**
 * End-to-end test with a second LSP client: Debian's Neovim 0.7 (headless) starts
 * `node dist/cli.js lsp --stdio`, asks for completion and hover (test/e2e/neovim-check.lua),
 * and this script checks the answers. Needs `nvim` (scripts/e2e/setup.sh) and a build (dist/cli.js).
 *
 *   node test/e2e/neovim.mjs
 *
 * Prints one line per check and `N passed, N failed`; exits 1 on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NVIM = process.env.NVIM_BIN || 'nvim';
const CLI = join(ROOT, 'dist/cli.js');

// 0-based LSP positions into the file below.
const UNIT = `[Unit]
Description=Neovim e2e

[Service]
ExecStart=/bin/true
Rest
ExecStrat=/bin/true
`;
const COMPLETION = { line: 5, character: 4 }; // after "Rest" in [Service]
const HOVER = { line: 4, character: 3 }; // inside "ExecStart"

const results = [];
function check(name, fn) {
  try {
    const detail = fn();
    results.push(true);
    console.log(`ok     ${name}${detail ? ` — ${detail}` : ''}`);
  } catch (e) {
    results.push(false);
    console.log(`FAILED ${name}: ${e.message}`);
  }
}
const t0 = Date.now();
const tmp = mkdtempSync(join(tmpdir(), 'systemd-units-nvim-'));
let data = {};
try {
  check('Neovim runs the LSP session', () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run the build first');
    // The workspace mirrors a root: the vendor unit under usr/lib, overrides go to etc/systemd/system in it.
    mkdirSync(join(tmp, 'usr/lib/systemd/system'), { recursive: true });
    mkdirSync(join(tmp, 'etc/systemd/system'), { recursive: true });
    const unit = join(tmp, 'usr/lib/systemd/system/web.service');
    const out = join(tmp, 'result.json');
    writeFileSync(unit, UNIT);
    const r = spawnSync(
      NVIM,
      [
        '--headless',
        '-u',
        'NONE',
        '-i',
        'NONE',
        '-n',
        '-c',
        `luafile ${join(ROOT, 'test/e2e/neovim-check.lua')}`,
        unit,
      ],
      {
        cwd: tmp,
        encoding: 'utf8',
        timeout: 60_000,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          HOME: tmp,
          XDG_STATE_HOME: join(tmp, 'state'),
          XDG_DATA_HOME: join(tmp, 'data'),
          XDG_CACHE_HOME: join(tmp, 'cache'),
          E2E_CLI: CLI,
          E2E_NODE: process.execPath,
          E2E_OUT: out,
          E2E_TIMEOUT_MS: '10000',
          E2E_ROOT: tmp,
          E2E_COMPLETION_LINE: String(COMPLETION.line),
          E2E_COMPLETION_COL: String(COMPLETION.character),
          E2E_HOVER_LINE: String(HOVER.line),
          E2E_HOVER_COL: String(HOVER.character),
        },
      },
    );
    if (r.error)
      throw new Error(
        `${NVIM}: ${r.error.code === 'ENOENT' ? 'not installed (scripts/e2e/setup.sh)' : r.error.message}`,
      );
    if (existsSync(out)) data = JSON.parse(readFileSync(out, 'utf8'));
    if (r.status !== 0 || data.errors?.length) {
      throw new Error(
        `nvim exit ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${(data.errors ?? []).join('; ') || (r.stderr || r.stdout).trim().slice(-300)}`,
      );
    }
    const v = data.nvim ?? {};
    return `nvim ${v.major}.${v.minor}.${v.patch}, client initialized`;
  });

  check('completion after "Rest" in [Service] offers Restart=', () => {
    const items = data.completion ?? [];
    if (!items.some((i) => i.label === 'Restart=' || i.insertText?.startsWith('Restart='))) {
      throw new Error(
        `no Restart= among ${items.length} items: ${items
          .slice(0, 8)
          .map((i) => i.label)
          .join(', ')}`,
      );
    }
    return `${items.length} items: ${items
      .slice(0, 4)
      .map((i) => i.label)
      .join(', ')}, …`;
  });

  check('hover on ExecStart mentions ExecStart=', () => {
    const h = data.hover ?? '';
    if (!h.includes('ExecStart=')) throw new Error(`hover was: ${JSON.stringify(h.slice(0, 200))}`);
    return `"${h.split('\n')[0]}" (${h.length} chars)`;
  });

  check('workspace/executeCommand runs Create Override and the drop-in is on disk', () => {
    const written = join(tmp, 'etc/systemd/system/web.service.d/override.conf');
    if (!data.command?.ok) throw new Error(`command result: ${JSON.stringify(data.command)}`);
    if (!existsSync(written))
      throw new Error(`${written} was not written; the command said ${JSON.stringify(data.command).slice(0, 300)}`);
    const text = readFileSync(written, 'utf8');
    if (!text.includes('# ExecStart=/bin/true')) throw new Error(`unexpected content: ${text.slice(0, 200)}`);
    return `${written.slice(tmp.length + 1)} (${text.length} bytes)`;
  });

  check('diagnostics: Unknown directive for ExecStrat', () => {
    const d = (data.diagnostics ?? []).find((x) => x.line === 6 && /Unknown directive/.test(x.message));
    if (!d) throw new Error(`diagnostics were: ${JSON.stringify(data.diagnostics ?? [])}`);
    return d.message;
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`  (Neovim e2e took ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
const passed = results.filter(Boolean).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(results.length - passed ? 1 : 0);
