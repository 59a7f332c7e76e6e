#!/usr/bin/env node
/**
 * End-to-end test in real VS Code: installs the packaged extension into a fresh code-server,
 * drives it with headless Chromium (playwright-core) the way a person would, and checks what
 * the screen shows. Screenshots go to test-results/e2e/.
 *
 *   node test/e2e/code-server.mjs [--vsix FILE]
 *
 * Without --vsix it packages the extension first (scripts/package.mjs, which builds).
 * Needs scripts/e2e/setup.sh (code-server in .cache/code-server/, Chromium from Debian).
 * Environment: CODE_SERVER (binary), CHROMIUM (binary), E2E_TIMEOUT_MS (whole run, default 240000).
 * Prints one line per check and `N passed, N failed`; exits 1 on any failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'test-results/e2e');
const CODE_SERVER = process.env.CODE_SERVER || join(ROOT, '.cache/code-server/node_modules/.bin/code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TOTAL_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 240_000);
const SERVER_READY_TIMEOUT = 60_000; // the language server starts after activation: retry this long
const STEP_TIMEOUT = 15_000;

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`.toLowerCase();

const results = [];
let server; // code-server child process (own process group)
let context; // playwright browser context
let tmp;

const log = (msg) => console.log(`  ${msg}`);

// ----------------------------------------------------------------------------------------------
// The workspace the editor opens.
const WEB_SERVICE = `[Unit]
Description=Example web application
After=network-online.target

[Service]
Type=simple
ExecStart=/usr/bin/python3 -m http.server 8080
ExecStrat=/bin/true

[Install]
WantedBy=multi-user.target
`;
const LINE_TYPE = 6; // 1-based line of `Type=simple`: step (b) types on a new line after it

// ----------------------------------------------------------------------------------------------
function fail(msg) { throw new Error(msg); }

/**
 * Until the language server answers, an empty result is expected and retried (up to
 * SERVER_READY_TIMEOUT); once it has answered something, a wrong answer gets only `grace` ms more
 * before it counts as final, so a broken expectation fails fast.
 */
function settle(grace = 5000) {
  let since;
  return (answered, msg) => {
    if (!answered) return;
    since ??= Date.now();
    if (Date.now() - since > grace) throw Object.assign(new Error(msg), { final: true });
  };
}

/** Polls fn until it returns a truthy value or the time is up; returns that value or throws. */
async function waitFor(what, fn, { timeout = STEP_TIMEOUT, interval = 150 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      if (e.final) throw e;
      last = e;
    }
    if (Date.now() > deadline) fail(`timed out after ${timeout} ms waiting for ${what}${last ? ` (${last.message.split('\n')[0]})` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

function killServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
}

async function stopServer() {
  if (!server) return;
  killServer();
  const exited = await Promise.race([
    new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r(true) : server.once('exit', () => r(true)))),
    new Promise((r) => setTimeout(() => r(false), 5000)),
  ]);
  // The extension host and the language server are in the same group: make sure none is left.
  try { process.kill(-server.pid, exited ? 0 : 'SIGKILL'); process.kill(-server.pid, 'SIGKILL'); } catch { /* group is gone */ }
}

async function cleanup() {
  try { await context?.close(); } catch { /* already closed */ }
  await stopServer();
  if (tmp && !process.env.E2E_KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
}

process.on('exit', killServer);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { killServer(); process.exit(130); });

// ----------------------------------------------------------------------------------------------
// Editor helpers: everything goes through the keyboard, the mouse and what the page shows.

/** Lines of the active editor as shown (the files here are short, so all lines are rendered). */
async function editorLines(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    if (!editor) return null;
    const lines = [...editor.querySelectorAll(':scope > .view-line')]
      .map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top);
    return lines.map((l) => l.text);
  });
}
const editorText = async (page) => (await editorLines(page))?.join('\n') ?? '';

async function shot(page, name) {
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  return relative(ROOT, file);
}

async function closeWidgets(page) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
}

/** Ctrl+G, line number, Enter: puts the cursor at the start of that line in the active editor. */
async function goToLine(page, line) {
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
  await waitFor(`cursor on line ${line}`, async () => {
    const t = await page.locator('.statusbar-item[id$="status.editor.selection"]').innerText();
    return new RegExp(`\\bLn ${line}\\b`).test(t);
  });
}

async function openFromExplorer(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: STEP_TIMEOUT });
  await waitFor(`${name} in the editor`, async () => (await editorText(page)).length > 0 || name.endsWith('.timer'));
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
}

const suggestRows = (page) => page.locator('.suggest-widget.visible .monaco-list-row');

/** Labels in the visible suggest widget. */
async function suggestLabels(page) {
  return page.locator('.suggest-widget.visible .monaco-list-row .label-name').allInnerTexts();
}

// ----------------------------------------------------------------------------------------------
// The checks.

async function check(name, fn) {
  const started = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    console.log(`ok     ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail ? ` — ${detail}` : ''}`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAILED ${name}: ${e.message.split('\n')[0]}`);
    if (check.page) {
      try { console.log(`       screenshot: ${await shot(check.page, `failed-${results.length}`)}`); } catch { /* page gone */ }
    }
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.endsWith('.png')) rmSync(join(OUT, f));

  if (!existsSync(CODE_SERVER)) fail(`code-server not found at ${relative(ROOT, CODE_SERVER)}: run scripts/e2e/setup.sh`);
  if (!existsSync(CHROMIUM)) fail(`Chromium not found at ${CHROMIUM}: run scripts/e2e/setup.sh`);
  let chromium;
  try { ({ chromium } = await import('playwright-core')); } catch { fail('playwright-core is not installed: npm install'); }

  // 1. The .vsix.
  const vsixArg = process.argv.indexOf('--vsix');
  let vsix;
  if (vsixArg >= 0) {
    vsix = resolve(process.argv[vsixArg + 1]);
    if (!existsSync(vsix)) fail(`${vsix} does not exist`);
  } else {
    vsix = join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/package.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    if (r.status !== 0) { process.stdout.write(r.stdout ?? ''); fail('packaging failed'); }
  }

  // 2. Fresh folders: user data (with settings), extensions, workspace, browser profile.
  tmp = mkdtempSync(join(tmpdir(), 'systemd-units-e2e-'));
  const userData = join(tmp, 'user-data'), extensions = join(tmp, 'extensions'), workspace = join(tmp, 'workspace'), profile = join(tmp, 'chromium');
  for (const d of [join(userData, 'User'), extensions, workspace, profile]) mkdirSync(d, { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'editor.wordBasedSuggestions': 'off',
    'security.workspace.trust.enabled': false,
    // Only Ctrl+Space opens the suggest widget, so the check sees what the request returned.
    'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
    'editor.suggestOnTriggerCharacters': false,
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'files.autoSave': 'off',
  }, null, 2));
  writeFileSync(join(workspace, 'web.service'), WEB_SERVICE);
  writeFileSync(join(workspace, 'nightly.timer'), '');

  const common = ['--config', '/dev/null', '--user-data-dir', userData, '--extensions-dir', extensions];
  await check('extension installs into code-server', async () => {
    const r = spawnSync(CODE_SERVER, [...common, '--install-extension', vsix], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
    const installed = existsSync(extensions) && readdirSync(extensions).find((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
    if (r.status !== 0 || !installed) fail(`install failed (exit ${r.status}): ${(r.stdout + r.stderr).trim().split('\n').slice(-3).join(' | ')}`);
    return `${relative(ROOT, vsix)} -> ${installed}`;
  });

  // 3. code-server in its own process group (so the extension host and our server go with it).
  const port = await freePort();
  const logFd = openSync(join(OUT, 'code-server.log'), 'w');
  server = spawn(CODE_SERVER, [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', workspace],
  { detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, VSCODE_PROXY_URI: '' } });
  const url = `http://127.0.0.1:${port}/`;
  await waitFor('code-server /healthz', async () => {
    if (server.exitCode !== null) fail(`code-server exited (${server.exitCode}); see test-results/e2e/code-server.log`);
    return (await fetch(`${url}healthz`)).ok;
  }, { timeout: 30_000, interval: 200 });

  // 4. The browser.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  check.page = page;
  page.setDefaultTimeout(STEP_TIMEOUT);
  await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

  // (a) Open web.service from the explorer; the status bar names the language.
  await check('(a) web.service opens from the explorer in language mode systemd', async () => {
    await openFromExplorer(page, 'web.service');
    const mode = page.locator('.statusbar-item[id$="status.editor.mode"]');
    const text = await waitFor('language mode systemd in the status bar', async () => {
      const t = (await mode.innerText()).trim();
      return /systemd/i.test(t) && t;
    });
    await shot(page, '01-language-mode');
    return `status bar: "${text}"`;
  });

  // (b) A partial directive on a new line in [Service], Ctrl+Space: Restart= is offered.
  // The first request to the server: retried while the server starts.
  await check('(b) Ctrl+Space after "Rest" in [Service] offers Restart=', async () => {
    await goToLine(page, LINE_TYPE);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Rest');
    try {
      await waitFor('"Rest" typed in the editor', async () => (await editorLines(page))?.[LINE_TYPE] === 'Rest');
      const answered = settle();
      const labels = await waitFor('Restart= in the suggest widget', async () => {
        await page.keyboard.press('Control+Space');
        let l = [];
        try {
          await suggestRows(page).first().waitFor({ state: 'visible', timeout: 3000 });
          l = await suggestLabels(page);
          if (l.some((x) => x.trim() === 'Restart=')) return l;
        } catch { /* no list yet: the server may still be starting */ }
        await page.keyboard.press('Escape');
        answered(l.length > 0, `no Restart= among the ${l.length} suggestions: ${l.slice(0, 8).join(', ')}`);
        return false;
      }, { timeout: SERVER_READY_TIMEOUT, interval: 500 });
      await shot(page, '02-completion');
      return `${labels.length} items: ${labels.slice(0, 5).join(', ')}${labels.length > 5 ? ', …' : ''}`;
    } finally {
      // Leave the file as it was for the next steps, pass or fail: close the list, remove the line.
      await page.keyboard.press('Escape');
      await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' }).catch(() => {});
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await waitFor('the typed line removed', async () => (await editorText(page)) === WEB_SERVICE);
    }
  });

  // (c) Hover over ExecStart: our documentation.
  await check('(c) hovering ExecStart shows its documentation', async () => {
    await closeWidgets(page);
    const lineSpan = page.locator('.editor-group-container.active .view-lines > .view-line > span', { hasText: /^ExecStart=/ }).first();
    const box = await lineSpan.boundingBox();
    if (!box) fail('ExecStart line not on screen');
    const charWidth = box.width / (await lineSpan.innerText()).length;
    const hover = page.locator('.monaco-hover:not(.hidden)');
    const answered = settle();
    const text = await waitFor('a hover with ExecStart= and systemd.service', async () => {
      await page.mouse.move(box.x + box.width + 200, box.y + 200); // away, then back: a fresh hover
      await page.mouse.move(box.x + charWidth * 4, box.y + box.height / 2, { steps: 3 });
      let t = '';
      try {
        await hover.first().waitFor({ state: 'visible', timeout: 3000 });
        t = await hover.first().innerText();
        if (t.includes('ExecStart=') && t.includes('systemd.service')) return t;
      } catch { /* no hover yet */ }
      answered(t.trim().length > 0, `the hover lacks ExecStart= or systemd.service: ${JSON.stringify(t.slice(0, 160))}`);
      return false;
    }, { timeout: SERVER_READY_TIMEOUT, interval: 300 });
    await page.waitForTimeout(500); // the hover fades in: let the screenshot show it fully
    await shot(page, '03-hover');
    return `"${text.split('\n').find((l) => l.trim()) ?? ''}" (${text.length} chars)`;
  });

  // (d) The typo line is in the Problems panel.
  await check('(d) Problems panel (Ctrl+Shift+M) shows "Unknown directive" for ExecStrat', async () => {
    await page.mouse.move(5, 450);
    await closeWidgets(page);
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    const row = await waitFor('the ExecStrat diagnostic in the Problems panel', async () => {
      for (const t of await rows.allInnerTexts()) if (t.includes('Unknown directive') && t.includes('ExecStrat')) return t;
      return false;
    }, { timeout: SERVER_READY_TIMEOUT });
    await shot(page, '04-problems');
    return row.replace(/\s+/g, ' ').trim();
  });

  // (e) Quick fix on the typo: Ctrl+. and "Change to 'ExecStart'".
  await check("(e) quick fix \"Change to 'ExecStart'\" (Ctrl+.) corrects the typo", async () => {
    // Back to the editor: clicking the problem reveals it there with the cursor on the typo.
    const typoLine = ((await editorLines(page)) ?? []).findIndex((l) => l.startsWith('ExecStrat=')) + 1;
    if (!typoLine) fail('no ExecStrat= line in the editor');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'ExecStrat' }).first();
    await problem.click();
    await waitFor(`cursor on line ${typoLine}`, async () =>
      new RegExp(`\\bLn ${typoLine}\\b`).test(await page.locator('.statusbar-item[id$="status.editor.selection"]').innerText()));
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    const action = page.locator('.action-widget .monaco-list-row', { hasText: "Change to 'ExecStart'" }).first();
    await waitFor("the quick fix \"Change to 'ExecStart'\" in the menu", async () => {
      await page.keyboard.press('Control+.');
      try { await action.waitFor({ state: 'visible', timeout: 3000 }); return true; } catch { /* try again */ }
      await page.keyboard.press('Escape');
      return false;
    }, { timeout: STEP_TIMEOUT, interval: 300 });
    await shot(page, '05-quick-fix-menu');
    // Choose it with the keyboard (the menu takes focus): arrow down to it, then Enter.
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    await waitFor("\"Change to 'ExecStart'\" focused in the menu", async () => {
      if ((await focused.innerText()).includes("Change to 'ExecStart'")) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    }, { timeout: 5000, interval: 100 });
    await page.keyboard.press('Enter');
    const lines = await waitFor('ExecStart=/bin/true in the editor', async () => {
      const l = await editorLines(page);
      return l?.includes('ExecStart=/bin/true') && !l.some((x) => x.startsWith('ExecStrat')) && l;
    });
    await waitFor('the ExecStrat problem gone from the Problems panel', async () =>
      !(await page.locator('.markers-panel').innerText()).includes('ExecStrat'));
    await shot(page, '06-quick-fix-applied');
    return `line ${typoLine} now "${lines[typoLine - 1]}"`;
  });

  // (f) A snippet: in the empty nightly.timer, type the prefix "timer", Ctrl+Space, pick the snippet.
  await check('(f) snippet "timer" inserts a timer unit', async () => {
    await closeWidgets(page);
    await openFromExplorer(page, 'nightly.timer');
    await page.keyboard.type('timer');
    await waitFor('"timer" typed in the editor', async () => (await editorText(page)) === 'timer');
    const row = page.locator('.suggest-widget.visible .monaco-list-row', { has: page.locator('.codicon-symbol-snippet') })
      .filter({ has: page.locator('.label-name', { hasText: /^timer$/ }) }).first();
    await waitFor('the "timer" snippet in the suggest widget', async () => {
      await page.keyboard.press('Control+Space');
      try { await row.waitFor({ state: 'visible', timeout: 3000 }); return true; } catch { /* try again */ }
      await page.keyboard.press('Escape');
      return false;
    }, { timeout: STEP_TIMEOUT, interval: 300 });
    await shot(page, '07-snippet-suggest');
    await row.click();
    const want = ['[Unit]', 'Description=Run backup on a schedule', '[Timer]', 'OnCalendar=daily', 'Persistent=true', 'Unit=backup.service', '[Install]', 'WantedBy=timers.target'];
    await waitFor('the timer unit in the editor', async () => {
      const l = await editorLines(page);
      return l && want.every((w) => l.includes(w));
    });
    await shot(page, '08-snippet-inserted');
    return `${want.length} expected lines present`;
  });
}

const watchdog = setTimeout(async () => {
  console.log(`FAILED the whole run took longer than ${TOTAL_TIMEOUT / 1000} s`);
  results.push({ name: 'timeout', ok: false });
  await cleanup();
  finish();
}, TOTAL_TIMEOUT);

function finish() {
  clearTimeout(watchdog);
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

const t0 = Date.now();
try {
  await main();
} catch (e) {
  results.push({ name: 'setup', ok: false });
  console.log(`FAILED ${e.message.split('\n')[0]}`);
}
await cleanup();
console.log(`  (code-server e2e took ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${relative(ROOT, OUT)}/)`);
finish();
