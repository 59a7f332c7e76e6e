#!/usr/bin/env node
/**
 * End-to-end test of the extension's commands in real VS Code (code-server + headless Chromium),
 * run the way a person would — command palette, quick fix menu, dialogs — with the results
 * checked as FILES ON DISK. Screenshots go to test-results/e2e/cmd-*.png.
 *
 *   node test/e2e/commands.mjs [--vsix FILE]
 *
 * The workspace (a fresh temp folder each run) mirrors a root: test/e2e/fixtures-commands/ holds
 * usr/lib/systemd/system/vendor.service; the strace log comes from test/socketActivation/logs/.
 *   1. Move to Drop-in (F1): unsaved edits of the vendor unit go to etc/systemd/system/
 *      vendor.service.d/override.conf, the vendor file stays as shipped (1a-1c); then the quick fix
 *      (Ctrl+.) on one of two edited lines, answering the modal "already exists" prompt with
 *      "Merge into It": only that directive moves, the other unsaved edit stays (1d-1e).
 *   2. Generate Socket Units from strace Log (F1): the open dialog (code-server's simple file
 *      dialog: type the path, Enter), the service name, the destination pick, the closing message;
 *      the .socket units and the drop-in on disk.
 *   3. Show Effective Unit (F1): a read-only editor with the merged unit, naming override.conf.
 * Order of the run: 1a-1c, 3, 1d-1e, 2 (3 needs the override.conf of 1b before 1e changes it).
 *
 * Needs scripts/e2e/setup.sh (code-server in .cache/code-server/, Chromium from Debian).
 * Environment: CODE_SERVER, CHROMIUM, E2E_TIMEOUT_MS (whole run, default 240000), E2E_KEEP_TMP.
 * Prints one line per check and `N passed, N failed`; exits 1 on any failure.
 */
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRun, editorLines, editorText, fail, goToLine, ROOT, SERVER_READY_TIMEOUT, shot, STEP_TIMEOUT, waitFor } from './lib.mjs';

const TOTAL_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 240_000);
const FIXTURES = join(ROOT, 'test/e2e/fixtures-commands');
const STRACE_LOG = join(ROOT, 'test/socketActivation/logs/mosquitto-f.log');

const VENDOR_REL = 'usr/lib/systemd/system/vendor.service';
const OVERRIDE_REL = 'etc/systemd/system/vendor.service.d/override.conf';
const VENDOR_TEXT = readFileSync(join(FIXTURES, VENDOR_REL), 'utf8');
const LINE_DESCRIPTION = 2; // 1-based lines of the fixture
const LINE_EXECSTART = 4;
const LINE_RESTART = 5;
const DESCRIPTION_EDITED = 'Description=Vendor daemon (local notes)';

const { check, startEditor, run } = createRun({
  name: 'commands', tmpPrefix: 'systemd-units-e2e-cmd-', timeout: TOTAL_TIMEOUT,
  serverLog: 'code-server-commands.log', failedShotPrefix: 'cmd-failed-',
  cleanScreenshots: (f) => f.startsWith('cmd-') && f.endsWith('.png'),
});

// ----------------------------------------------------------------------------------------------
// Helpers

const quickInput = (page) => page.locator('.quick-input-widget');
const quickInputBox = (page) => page.locator('.quick-input-widget .quick-input-box input');

/** Meaningful lines of a unit file: no blanks, no comments. */
const meaningful = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith(';'));

const readIf = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** F1, the command's title, Enter — once the palette has it as the first (focused) entry. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = quickInputBox(page);
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const focused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
  await waitFor(`"${title}" focused in the command palette`, async () => {
    const label = (await focused.first().getAttribute('aria-label')) ?? '';
    return label.split(',')[0].trim() === title || (await focused.first().innerText()).split('\n')[0].trim() === title;
  }, { timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
}

/** Ctrl+P, the file name, Enter: opens a file of the workspace the way a person would. */
async function quickOpen(page, name) {
  await page.keyboard.press('Control+p');
  const input = quickInputBox(page);
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  const focused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
  await waitFor(`${name} first in Quick Open`, async () => (await focused.first().innerText()).includes(name), { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: STEP_TIMEOUT });
  await waitFor(`${name} in the editor`, async () => (await editorText(page)).length > 0);
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
}

/** Replaces the text of a line (cursor to the line, select it, type). */
async function replaceLine(page, line, text) {
  await goToLine(page, line);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(text);
  await waitFor(`line ${line} reading "${text}"`, async () => (await editorLines(page))?.[line - 1] === text);
}

/** The notification toast whose text matches, as a locator (waits for it). */
async function toast(page, re, timeout = STEP_TIMEOUT) {
  const t = page.locator('.notifications-toasts .notification-toast', { hasText: re }).first();
  await t.waitFor({ state: 'visible', timeout });
  return t;
}

/** Closes a notification toast with its × button (which resolves the extension's showXxxMessage). */
async function dismissToast(page, t) {
  await t.hover();
  await t.locator('.codicon-notifications-clear').first().click();
  await t.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
}

// ----------------------------------------------------------------------------------------------

async function main() {
  const { page, workspace } = await startEditor({
    prepareWorkspace: (ws) => {
      cpSync(FIXTURES, ws, { recursive: true });
      copyFileSync(STRACE_LOG, join(ws, 'mosquitto-f.log'));
    },
  });
  const vendor = join(workspace, VENDOR_REL);
  const override = join(workspace, OVERRIDE_REL);
  // The leftmost tab of that name: for vendor.service the real file, opened before the effective view's tab.
  const tab = (name) => page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first();

  // ---------------------------------------------------------------------------------------------
  // 1. Move to Drop-in from the command palette.
  await check('1a vendor.service opens (Ctrl+P) and is edited without saving', async () => {
    await quickOpen(page, 'vendor.service');
    await waitFor('language mode systemd', async () => /systemd/i.test(await page.locator('.statusbar-item[id$="status.editor.mode"]').innerText()), { timeout: SERVER_READY_TIMEOUT });
    await replaceLine(page, LINE_EXECSTART, 'ExecStart=/usr/bin/vendord --other');
    await replaceLine(page, LINE_RESTART, 'Restart=on-failure');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: STEP_TIMEOUT });
    if (readFileSync(vendor, 'utf8') !== VENDOR_TEXT) fail('the vendor file changed on disk before the command ran');
    await shot(page, 'cmd-01-vendor-edited');
    return 'buffer dirty, disk unchanged';
  });

  await check('1b "systemd: Move to Drop-in" (F1) writes override.conf and keeps the vendor file as shipped', async () => {
    await runCommand(page, 'systemd: Move to Drop-in');
    const text = await waitFor(`${OVERRIDE_REL} on disk`, () => readIf(override), { timeout: SERVER_READY_TIMEOUT });
    // The command then reverts the vendor buffer and saves it: its tab is no longer dirty.
    await waitFor('vendor.service saved (no longer dirty)', async () =>
      (await tab('vendor.service').count()) > 0 && !(await tab('vendor.service').getAttribute('class')).includes('dirty'));
    await toast(page, /wrote .*override\.conf/);
    await shot(page, 'cmd-02-moved-to-dropin');
    const onDisk = readFileSync(vendor, 'utf8');
    if (onDisk !== VENDOR_TEXT) fail(`the vendor file is not byte-identical to the original: ${JSON.stringify(onDisk)}`);
    const lines = meaningful(text);
    const want = ['[Service]', 'ExecStart=', 'ExecStart=/usr/bin/vendord --other', 'Restart=on-failure'];
    if (JSON.stringify(lines) !== JSON.stringify(want)) fail(`override.conf holds ${JSON.stringify(lines)}, want ${JSON.stringify(want)}`);
    return `${OVERRIDE_REL}: ${JSON.stringify(text)}; vendor file unchanged (${statSync(vendor).size} bytes)`;
  });

  await check('1c the vendor buffer shows the shipped text again', async () => {
    await tab('vendor.service').click();
    await page.locator('.tabs-container .tab.active[aria-label*="vendor.service"]').waitFor();
    await waitFor('the shipped text in the editor', async () => (await editorText(page)) === VENDOR_TEXT);
    return `${VENDOR_TEXT.split('\n').filter(Boolean).length} lines as shipped`;
  });

  // ---------------------------------------------------------------------------------------------
  // 3. Show Effective Unit (override.conf is in place now; it runs before the quick fix of step 1d changes it).
  await check('3a "systemd: Show Effective Unit" opens the merged unit naming override.conf', async () => {
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await runCommand(page, 'systemd: Show Effective Unit');
    const lines = await waitFor('the effective unit in the editor', async () => {
      const l = await editorLines(page);
      return l?.some((x) => x.startsWith('# Effective configuration')) && l.includes('Restart=on-failure') && l;
    });
    const i = lines.indexOf('Restart=on-failure');
    const comment = lines[i - 1] ?? '';
    if (!(comment.startsWith('#') && comment.includes('override.conf'))) fail(`the line above Restart=on-failure is ${JSON.stringify(comment)}, not a comment naming override.conf`);
    if (!lines.includes('ExecStart=/usr/bin/vendord --other')) fail('ExecStart=/usr/bin/vendord --other missing from the effective unit');
    if (!lines.includes('Description=Vendor daemon')) fail('Description=Vendor daemon (from the vendor file) missing from the effective unit');
    await shot(page, 'cmd-03-effective-unit');
    return JSON.stringify(comment);
  });

  await check('3b the effective unit is read-only', async () => {
    const before = await editorText(page);
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await page.keyboard.type('x');
    await page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    if ((await editorText(page)) !== before) fail('typing changed the effective unit');
    if (await page.locator('.tabs-container .tab.active.dirty').count()) fail('the effective unit tab is dirty');
    await page.keyboard.press('ArrowDown'); // moving the cursor hides the message
    await page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).first().waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
    return 'typing shows "Cannot edit in read-only editor"';
  });

  // ---------------------------------------------------------------------------------------------
  // 1 (again). The quick fix on one edited line; override.conf exists, so a modal asks what to do.
  await check('1d Ctrl+. on an edited vendor line offers "Move Restart= to a drop-in (keep the vendor file as shipped)"', async () => {
    // From the explorer (Quick Open would offer the effective view's tab of the same name first).
    const row = page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: /^vendor\.service$/ }) }).first();
    await row.click();
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await waitFor('the vendor file in the editor', async () => (await editorText(page)) === VENDOR_TEXT);
    // Two unsaved edits; only the Restart= line is moved, the other one must stay in the editor.
    await replaceLine(page, LINE_DESCRIPTION, DESCRIPTION_EDITED);
    await replaceLine(page, LINE_RESTART, 'Restart=always');
    await goToLine(page, LINE_RESTART);
    const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Move Restart= to a drop-in (keep the vendor file as shipped)' }).first();
    await waitFor('the Move to drop-in quick fix in the menu', async () => {
      await page.keyboard.press('Control+.');
      try { await action.waitFor({ state: 'visible', timeout: 3000 }); return true; } catch { /* not yet */ }
      await page.keyboard.press('Escape');
      return false;
    }, { timeout: SERVER_READY_TIMEOUT, interval: 300 });
    await shot(page, 'cmd-04-quick-fix-menu');
    const rows = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    return rows.join(' | ');
  });

  await check('1e applying it: modal "already exists", "Merge into It": override.conf updated, the other unsaved edit kept', async () => {
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    await waitFor('the quick fix focused in the menu', async () => {
      if ((await focused.innerText()).includes('Move Restart= to a drop-in')) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    }, { timeout: 5000, interval: 100 });
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    const message = (await dialog.locator('.dialog-message-container').innerText()).replace(/\s+/g, ' ').trim();
    if (!message.includes('override.conf already exists')) fail(`unexpected dialog: ${message}`);
    await shot(page, 'cmd-05-already-exists-dialog');
    await dialog.locator('.monaco-button', { hasText: 'Merge into It' }).first().click();
    await dialog.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
    const text = await waitFor('Restart=always in override.conf', () => { const t = readIf(override); return t?.includes('Restart=always') && t; });
    // The moved line is back as shipped in the editor; the Description= edit is still there, unsaved.
    const wantBuffer = VENDOR_TEXT.replace(/^Description=.*$/m, DESCRIPTION_EDITED);
    await tab('vendor.service').click(); // the command left override.conf in front
    await waitFor('the vendor.service tab active', async () => (await tab('vendor.service').getAttribute('class')).includes('active'));
    let shown = '';
    await waitFor('the editor showing Restart=no again and the Description= edit', async () => (shown = await editorText(page)) === wantBuffer)
      .catch(() => fail(`the vendor editor shows ${JSON.stringify(shown)}, want ${JSON.stringify(wantBuffer)} (unsaved)`));
    if (!(await tab('vendor.service').getAttribute('class')).includes('dirty')) fail('vendor.service is no longer dirty: the Description= edit was saved or dropped');
    const onDisk = readFileSync(vendor, 'utf8');
    if (onDisk !== VENDOR_TEXT) fail(`the vendor file is not byte-identical to the original: ${JSON.stringify(onDisk)}`);
    await shot(page, 'cmd-05b-quick-fix-applied');
    const lines = meaningful(text);
    const want = ['[Service]', 'ExecStart=', 'ExecStart=/usr/bin/vendord --other', 'Restart=always'];
    if (JSON.stringify(lines) !== JSON.stringify(want)) fail(`override.conf holds ${JSON.stringify(lines)}, want ${JSON.stringify(want)}`);
    return `dialog: "${message.replace(workspace, '<ws>')}"; override.conf: ${JSON.stringify(text)}; editor keeps "${DESCRIPTION_EDITED}" (unsaved)`;
  });

  // ---------------------------------------------------------------------------------------------
  // 2. Generate Socket Units from strace Log.
  const sockDir = join(workspace, 'etc/systemd/system');
  await check('2a "systemd: Generate Socket Units from strace Log": open dialog, service, destination', async () => {
    await page.keyboard.press('Escape');
    await runCommand(page, 'systemd: Generate Socket Units from strace Log');
    // code-server shows VS Code's simple file dialog: a quick input holding a path.
    const input = quickInputBox(page);
    await waitFor('the open dialog', async () => /strace log/.test(await quickInput(page).innerText()));
    await shot(page, 'cmd-06-open-dialog');
    const logPath = join(workspace, 'mosquitto-f.log');
    await input.fill(logPath);
    // The dialog follows the typed path (it lists the log's folder); while it is busy it ignores
    // Enter, so press Enter until the next step shows (bounded: only while the dialog is still up).
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'mosquitto-f.log' }).first().waitFor({ state: 'visible' });
    await waitFor('the service input box', async () => {
      const shown = await quickInput(page).innerText();
      if (/the daemon's service/.test(shown)) return true;
      if (/strace log/.test(shown) && (await input.inputValue()) === logPath) await page.keyboard.press('Enter');
      return false;
    }, { interval: 1000 });
    await input.fill('mosquitto');
    await page.keyboard.press('Enter');
    await waitFor('the destination pick', async () => /where to write the units/.test(await quickInput(page).innerText()));
    const wanted = join(workspace, 'etc/systemd/system');
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: wanted }).first();
    await row.waitFor({ state: 'visible' });
    const labels = (await page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name').allInnerTexts()).map((s) => s.trim());
    if (labels[1] !== wanted) fail(`the second destination is ${JSON.stringify(labels[1])}, want ${wanted}`);
    await shot(page, 'cmd-07-destination-pick');
    await row.click();
    const t = await toast(page, /file\(s\) prepared/, SERVER_READY_TIMEOUT);
    await shot(page, 'cmd-08-remaining-steps');
    const said = (await t.locator('.notification-list-item-message').innerText()).replace(/\s+/g, ' ').trim();
    if (!/6 file\(s\) prepared/.test(said) || !said.includes('systemctl enable --now mosquitto-1883-ipv4.socket')) fail(`unexpected message: ${said}`);
    await dismissToast(page, t);
    return `picked ${JSON.stringify(labels[1].replace(workspace, '<ws>'))} of ${labels.length}; message "${said.slice(0, 60)}…" dismissed`;
  });

  await check('2b the socket units and the drop-in are on disk', async () => {
    const sock = readIf(join(sockDir, 'mosquitto-1883-ipv4.socket'));
    if (!sock) fail('etc/systemd/system/mosquitto-1883-ipv4.socket is missing');
    for (const want of ['FileDescriptorName=socket(2,1,6)=0', 'FreeBind=true', 'Service=mosquitto.service']) {
      if (!sock.split('\n').includes(want)) fail(`mosquitto-1883-ipv4.socket lacks ${want}`);
    }
    const dropIn = readIf(join(sockDir, 'mosquitto.service.d/50-socket-activation.conf'));
    if (!dropIn) fail('etc/systemd/system/mosquitto.service.d/50-socket-activation.conf is missing');
    if (!dropIn.split('\n').some((l) => l.startsWith('Environment=LD_PRELOAD='))) fail('50-socket-activation.conf lacks Environment=LD_PRELOAD=');
    const written = readdirRel(sockDir);
    return written.join(', ');
  });
}

function readdirRel(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p); else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

await run(main);
