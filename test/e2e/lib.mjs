/**
 * Shared harness for the real-editor e2e tests (test/e2e/code-server.mjs, test/e2e/commands.mjs):
 * the packaged extension in a fresh code-server, driven by headless Chromium through playwright-core,
 * with bounded waits, one line per check and a closing `N passed, N failed` line.
 *
 * Environment: CODE_SERVER (binary), CHROMIUM (binary), E2E_KEEP_TMP (keep the temp folder).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = join(ROOT, 'test-results/e2e');
export const CODE_SERVER = process.env.CODE_SERVER || join(ROOT, '.cache/code-server/node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SERVER_READY_TIMEOUT = 60_000; // the language server starts after activation: retry this long
export const STEP_TIMEOUT = 15_000;

export const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`.toLowerCase();

/** User settings for a quiet, deterministic editor. */
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'editor.wordBasedSuggestions': 'off',
  'security.workspace.trust.enabled': false,
  // Only Ctrl+Space opens the suggest widget, so a check sees what the request returned.
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'files.autoSave': 'off',
};

/**
 * code-server's own defaults, plus only what keeps the screen quiet: autosave stays at code-server's default
 * (`files.autoSave: afterDelay`, one second), as a new user has it.
 */
export const EDITOR_DEFAULT_SETTINGS = Object.fromEntries(
  Object.entries(DEFAULT_SETTINGS).filter(([k]) => k !== 'files.autoSave'),
);

export const log = (msg) => console.log(`  ${msg}`);

// ----------------------------------------------------------------------------------------------
// File-system snapshots: what a command changed, on the host and in the workspace.

/**
 * Every entry below `paths` (not following symlinks): type, mode, mtime, size and the SHA-256 of files, the text of
 * links. Missing paths are recorded as missing, so creating them counts as a change. Unreadable entries are
 * recorded with their error code.
 */
export function snapshot(paths) {
  const out = new Map();
  const visit = (p) => {
    let st;
    try {
      st = lstatSync(p);
    } catch (e) {
      out.set(p, e.code === 'ENOENT' ? 'missing' : `error ${e.code}`);
      return;
    }
    const head = `${st.mode.toString(8)} ${st.uid}:${st.gid}`;
    if (st.isSymbolicLink()) {
      out.set(p, `link ${head} -> ${readlinkSync(p)}`);
      return;
    }
    if (st.isDirectory()) {
      out.set(p, `dir ${head}`);
      let names;
      try {
        names = readdirSync(p);
      } catch (e) {
        out.set(p, `dir ${head} unreadable ${e.code}`);
        return;
      }
      for (const n of names.sort()) visit(join(p, n));
      return;
    }
    if (!st.isFile()) {
      out.set(p, `other ${head}`);
      return;
    }
    let hash;
    try {
      hash = createHash('sha256').update(readFileSync(p)).digest('hex');
    } catch (e) {
      hash = `unreadable ${e.code}`;
    }
    out.set(p, `file ${head} ${st.size} ${st.mtimeMs} ${hash}`);
  };
  for (const p of paths) visit(p);
  return out;
}

/** Entries that differ between two snapshots: `+ path` (new), `- path` (gone), `~ path` (changed). */
export function snapshotDiff(before, after) {
  const diff = [];
  for (const [p, v] of after) {
    if (!before.has(p)) diff.push(`+ ${p}`);
    else if (before.get(p) !== v) diff.push(`~ ${p} (${before.get(p)} -> ${v})`);
  }
  for (const p of before.keys()) if (!after.has(p)) diff.push(`- ${p}`);
  return diff;
}

export function fail(msg) {
  throw new Error(msg);
}

/**
 * Until the language server answers, an empty result is expected and retried (up to
 * SERVER_READY_TIMEOUT); once it has answered something, a wrong answer gets only `grace` ms more
 * before it counts as final, so a broken expectation fails fast.
 */
export function settle(grace = 5000) {
  let since;
  return (answered, msg) => {
    if (!answered) return;
    since ??= Date.now();
    if (Date.now() - since > grace) throw Object.assign(new Error(msg), { final: true });
  };
}

/** Polls fn until it returns a truthy value or the time is up; returns that value or throws. */
export async function waitFor(what, fn, { timeout = STEP_TIMEOUT, interval = 150 } = {}) {
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
    if (Date.now() > deadline)
      fail(`timed out after ${timeout} ms waiting for ${what}${last ? ` (${last.message.split('\n')[0]})` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

// ----------------------------------------------------------------------------------------------
// Editor helpers: everything goes through the keyboard, the mouse and what the page shows.

/** Lines of the active editor as shown, without inlay hints (the files here are short, so all lines are rendered). */
export async function editorLines(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    if (!editor) return null;
    const lines = [...editor.querySelectorAll(':scope > .view-line')]
      .map((el) => {
        // Inlay hints are injected text inside the line (spans with a `ced-…` class): not part of the document.
        const copy = el.cloneNode(true);
        for (const inj of copy.querySelectorAll('[class*="ced-"], [class*="dyn-rule"], [class*="inlay"]')) inj.remove();
        // Whatever class the editor gives them, our hints have a fixed form: " → value (file:line)", " = 90 s".
        const text = copy.textContent
          .replace(/\u00a0/g, ' ')
          .replace(/ → .*$/, '')
          .replace(/ = \d[\d.,]* ?(?:µs|ms|s|min|h|d)$/, '');
        return { top: parseFloat(el.style.top) || 0, text };
      })
      .sort((a, b) => a.top - b.top);
    return lines.map((l) => l.text);
  });
}
export const editorText = async (page) => (await editorLines(page))?.join('\n') ?? '';

export async function shot(page, name) {
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  return relative(ROOT, file);
}

export async function closeWidgets(page) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
}

/** Ctrl+G, line number, Enter: puts the cursor at the start of that line in the active editor. */
export async function goToLine(page, line) {
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

export async function openFromExplorer(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: STEP_TIMEOUT });
  await waitFor(`${name} in the editor`, async () => (await editorText(page)).length > 0 || name.endsWith('.timer'));
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
}

/** F1, the command's title, Enter — once the palette has it as the first (focused) entry. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const focused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
  await waitFor(`"${title}" focused in the command palette`, async () => {
    const label = (await focused.first().getAttribute('aria-label')) ?? '';
    return label.split(',')[0].trim() === title || (await focused.first().innerText()).split('\n')[0].trim() === title;
  });
  await page.keyboard.press('Enter');
}

/** Ctrl+P, a file name or workspace-relative path, Enter; waits until the editor shows `expectText` (or any text). */
export async function quickOpen(page, query, expectText) {
  const name = query.split('/').pop();
  await page.keyboard.press('Control+p');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(query);
  const focused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
  await waitFor(`${query} first in Quick Open`, async () => (await focused.first().innerText()).includes(name), {
    timeout: 30_000,
  });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: STEP_TIMEOUT });
  await waitFor(`${query} in the editor`, async () =>
    expectText === undefined ? (await editorText(page)).length > 0 : (await editorText(page)) === expectText,
  );
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
}

/** The notification toast whose text matches, as a locator (waits for it). */
export async function toast(page, re, timeout = STEP_TIMEOUT) {
  const t = page.locator('.notifications-toasts .notification-toast', { hasText: re }).first();
  await t.waitFor({ state: 'visible', timeout });
  return t;
}

/** The message of a notification toast, on one line. */
export const toastText = async (t) =>
  (await t.locator('.notification-list-item-message').innerText()).replace(/\s+/g, ' ').trim();

/** The code lens titles shown in the active editor, in document order (one entry per lens). */
export async function codeLensTitles(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    if (!editor) return [];
    const rows = [...editor.querySelectorAll('.codelens-decoration')].sort(
      (a, b) => (parseFloat(a.style.top) || 0) - (parseFloat(b.style.top) || 0),
    );
    return rows.flatMap((row) => {
      const items = [...row.querySelectorAll('a, span')].filter((el) => !el.children.length);
      const texts = (items.length ? items : [row]).map((el) => el.textContent.replace(/\u00a0/g, ' ').trim());
      return texts.filter((t) => t && t !== '|');
    });
  });
}

// ----------------------------------------------------------------------------------------------
// A run: checks, the editor's life cycle, the closing line.

/**
 * One test script's run. `name` appears in the closing timing line; `failedShotPrefix` names the
 * screenshot taken when a check fails; `cleanScreenshots(file)` says which old screenshots in
 * test-results/e2e/ to delete first; `serverLog` is the code-server log file there.
 */
export function createRun({
  name,
  tmpPrefix,
  serverLog = 'code-server.log',
  failedShotPrefix = 'failed-',
  cleanScreenshots = (f) => f.endsWith('.png'),
  timeout = 240_000,
}) {
  const results = [];
  let server; // code-server child process (own process group)
  let context; // playwright browser context
  let tmp;
  let page;

  function killServer() {
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }

  async function stopServer() {
    if (!server) return;
    killServer();
    const exited = await Promise.race([
      new Promise((r) =>
        server.exitCode !== null || server.signalCode !== null ? r(true) : server.once('exit', () => r(true)),
      ),
      new Promise((r) => setTimeout(() => r(false), 5000)),
    ]);
    // The extension host and the language server are in the same group: make sure none is left.
    try {
      process.kill(-server.pid, exited ? 0 : 'SIGKILL');
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* group is gone */
    }
  }

  /** Undo steps registered by the test (e.g. a read-only bind mount), run before the temp folder is removed. */
  const cleanups = [];
  const onCleanup = (fn) => {
    cleanups.push(fn);
  };

  async function cleanup() {
    try {
      await context?.close();
    } catch {
      /* already closed */
    }
    await stopServer();
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch (e) {
        log(`cleanup step failed: ${e.message}`);
      }
    }
    if (tmp && !process.env.E2E_KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
    else if (tmp) log(`kept ${tmp}`);
  }

  process.on('exit', killServer);
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.on(sig, () => {
      killServer();
      process.exit(130);
    });

  async function check(checkName, fn) {
    const started = Date.now();
    try {
      const detail = await fn();
      results.push({ name: checkName, ok: true });
      console.log(
        `ok     ${checkName} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail ? ` — ${detail}` : ''}`,
      );
      return true;
    } catch (e) {
      results.push({ name: checkName, ok: false });
      console.log(`FAILED ${checkName}: ${e.message.split('\n')[0]}`);
      if (page) {
        try {
          console.log(`       screenshot: ${await shot(page, `${failedShotPrefix}${results.length}`)}`);
        } catch {
          /* page gone */
        }
      }
      return false;
    }
  }

  /** The .vsix from --vsix FILE, or package the extension now (scripts/package.mjs, which builds). */
  function vsixFromArgs() {
    const vsixArg = process.argv.indexOf('--vsix');
    if (vsixArg >= 0) {
      const vsix = resolve(process.argv[vsixArg + 1]);
      if (!existsSync(vsix)) fail(`${vsix} does not exist`);
      return vsix;
    }
    const vsix = join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/package.mjs')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      process.stdout.write(r.stdout ?? '');
      fail('packaging failed');
    }
    return vsix;
  }

  /**
   * Fresh folders, the extension installed (a check), code-server in its own process group, the
   * browser on the workspace. `prepareWorkspace(dir)` fills the workspace first. `workspaceTrust: true` leaves
   * code-server's workspace trust on (without `--disable-workspace-trust`), for tests of Restricted Mode.
   * Returns { page, workspace, tmp, url, editorTmp } (editorTmp: the editor's TMPDIR).
   */
  async function startEditor({
    settings = DEFAULT_SETTINGS,
    prepareWorkspace = () => {},
    workspaceTrust = false,
  } = {}) {
    mkdirSync(OUT, { recursive: true });
    for (const f of readdirSync(OUT)) if (cleanScreenshots(f)) rmSync(join(OUT, f));

    if (!existsSync(CODE_SERVER))
      fail(`code-server not found at ${relative(ROOT, CODE_SERVER)}: run scripts/e2e/setup.sh`);
    if (!existsSync(CHROMIUM)) fail(`Chromium not found at ${CHROMIUM}: run scripts/e2e/setup.sh`);
    let chromium;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch {
      fail('playwright-core is not installed: npm install');
    }

    // 1. The .vsix.
    const vsix = vsixFromArgs();

    // 2. Fresh folders: user data (with settings), extensions, workspace, browser profile.
    tmp = mkdtempSync(join(tmpdir(), tmpPrefix));
    const userData = join(tmp, 'user-data'),
      extensions = join(tmp, 'extensions'),
      workspace = join(tmp, 'workspace'),
      profile = join(tmp, 'chromium');
    // The editor's own temp folder (TMPDIR of code-server and the extension host): what it leaves there is seen.
    const editorTmp = join(tmp, 'tmp');
    for (const d of [join(userData, 'User'), extensions, workspace, profile, editorTmp])
      mkdirSync(d, { recursive: true });
    writeFileSync(join(userData, 'User/settings.json'), JSON.stringify(settings, null, 2));
    await prepareWorkspace(workspace);

    const common = ['--config', '/dev/null', '--user-data-dir', userData, '--extensions-dir', extensions];
    await check('extension installs into code-server', async () => {
      const r = spawnSync(CODE_SERVER, [...common, '--install-extension', vsix], {
        encoding: 'utf8',
        timeout: 60_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const installed =
        existsSync(extensions) && readdirSync(extensions).find((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
      if (r.status !== 0 || !installed)
        fail(`install failed (exit ${r.status}): ${(r.stdout + r.stderr).trim().split('\n').slice(-3).join(' | ')}`);
      return `${relative(ROOT, vsix)} -> ${installed}`;
    });

    // 3. code-server in its own process group (so the extension host and our server go with it).
    const port = await freePort();
    const logFd = openSync(join(OUT, serverLog), 'w');
    server = spawn(
      CODE_SERVER,
      [
        ...common,
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        // workspaceTrust: code-server's workspace trust stays on (Restricted Mode can be tested).
        ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
        '--disable-getting-started-override',
        '--ignore-last-opened',
        workspace,
      ],
      {
        detached: true,
        stdio: ['ignore', logFd, logFd],
        env: { ...process.env, VSCODE_PROXY_URI: '', TMPDIR: editorTmp },
      },
    );
    const url = `http://127.0.0.1:${port}/`;
    await waitFor(
      'code-server /healthz',
      async () => {
        if (server.exitCode !== null)
          fail(`code-server exited (${server.exitCode}); see test-results/e2e/${serverLog}`);
        return (await fetch(`${url}healthz`)).ok;
      },
      { timeout: 30_000, interval: 200 },
    );

    // 4. The browser.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // The extension's "Copy Commands" goes through the browser's clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return { page, workspace, tmp, url, editorTmp };
  }

  function finish() {
    clearTimeout(watchdog);
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  }

  let watchdog;
  /** Runs main() under the whole-run time limit, cleans up, prints the closing line and exits. */
  async function run(main) {
    watchdog = setTimeout(async () => {
      console.log(`FAILED the whole run took longer than ${timeout / 1000} s`);
      results.push({ name: 'timeout', ok: false });
      await cleanup();
      finish();
    }, timeout);
    const t0 = Date.now();
    try {
      await main();
    } catch (e) {
      results.push({ name: 'setup', ok: false });
      console.log(`FAILED ${e.message.split('\n')[0]}`);
    }
    await cleanup();
    console.log(
      `  (${name} e2e took ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${relative(ROOT, OUT)}/)`,
    );
    finish();
  }

  return { check, startEditor, run, results, onCleanup };
}
