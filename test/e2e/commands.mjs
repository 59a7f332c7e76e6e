#!/usr/bin/env node
/**
 * End-to-end test of the extension's WRITING commands in real VS Code (code-server + headless Chromium), run the
 * way a person would — command palette, quick fix menu, dialogs — with code-server's DEFAULT settings: autosave is
 * on (`files.autoSave: afterDelay`, one second), so every edit reaches the disk before a command runs. Results are
 * checked as FILES ON DISK. Screenshots go to test-results/e2e/cmd-*.png.
 *
 *   node test/e2e/commands.mjs [--vsix FILE]
 *
 * The workspace (a fresh temp folder each run, a git repository with one commit) mirrors a root:
 * test/e2e/fixtures-commands/ holds usr/lib/systemd/system/{vendor,copy}.service (vendor files),
 * etc/systemd/system/copy.service (a full copy with one change) and etc/systemd/system.conf; the strace log comes
 * from test/socketActivation/logs/.
 *   1. Move to Drop-in (F1) after autosave saved the edits of the vendor unit: the edits go to the workspace's
 *      etc/systemd/system/vendor.service.d/override.conf and the vendor file is back as shipped, on disk (1a-1c).
 *   3. Show Effective Unit (F1): a read-only editor with the merged unit, naming override.conf (3a-3b).
 *   1. The quick fix (Ctrl+.) on one autosaved line, "Merge into It": only that directive moves, the other edit
 *      stays; the test then undoes its own other edit (1d-1f).
 *   4. Create Override (F1): a new drop-in in the workspace, its template read from the workspace's vendor unit.
 *   5. Convert Full Copy (F1): the minimal drop-in in the workspace; "Move Copy to Trash" shows the real error
 *      (code-server has no trash) and deletes only after a second question, without any `sudo` advice.
 *   6. Set Hardware Watchdog (F1): preselects the configured/detected driver, not iTCO v1; with the workspace's
 *      system.conf open it writes the workspace's etc/systemd/system.conf.d/60-watchdog.conf (6a); without it, the
 *      live /etc/systemd/system.conf.d is listed last and picking it asks first, in a modal naming the full path
 *      (and that VS Code runs as root) — the test cancels (6b).
 *   2. Generate Socket Units from strace Log (F1): the service prompt is prefilled with a real default, the
 *      destination pick preselects the workspace (the live /etc/systemd/system last); units on disk (2a-2b).
 *   7. A mirror (ro-root/) whose etc/systemd/system VS Code cannot write (read-only bind mount as root): Move to
 *      Drop-in stages the drop-in in a private mkdtemp folder (0700), checked, with the install command naming it
 *      and "Run in Terminal…"; dismissed, the staging is removed and the vendor edit stays; "Copy Commands" puts the
 *      commands on the clipboard and the vendor file goes back as shipped (7a-7b).
 *   Z. Nothing outside the workspace changed (/etc/systemd, the host's unit folders, ~/.config/systemd: mtime +
 *      hash; no old staging names in $TMPDIR, no staging left in the editor's own TMPDIR), and every vendor file
 *      in the workspace is byte-identical to the fixture.
 *
 * Needs scripts/e2e/setup.sh (code-server in .cache/code-server/, Chromium from Debian).
 * Environment: CODE_SERVER, CHROMIUM, E2E_TIMEOUT_MS (whole run, default 300000), E2E_KEEP_TMP.
 * Prints one line per check and `N passed, N failed`; exits 1 on any failure.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import {
  createRun,
  EDITOR_DEFAULT_SETTINGS,
  editorLines,
  editorText,
  fail,
  goToLine,
  quickOpen,
  ROOT,
  runCommand,
  SERVER_READY_TIMEOUT,
  shot,
  snapshot,
  snapshotDiff,
  STEP_TIMEOUT,
  toast,
  toastText,
  waitFor,
} from './lib.mjs';

const TOTAL_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 300_000);
const FIXTURES = join(ROOT, 'test/e2e/fixtures-commands');
const STRACE_LOG = join(ROOT, 'test/socketActivation/logs/mosquitto-f.log');

const VENDOR_REL = 'usr/lib/systemd/system/vendor.service';
const OVERRIDE_REL = 'etc/systemd/system/vendor.service.d/override.conf';
const CREATED_REL = 'etc/systemd/system/vendor.service.d/10-e2e.conf';
const COPY_REL = 'etc/systemd/system/copy.service';
const COPY_OVERRIDE_REL = 'etc/systemd/system/copy.service.d/override.conf';
const SYSTEM_CONF_REL = 'etc/systemd/system.conf';
const WATCHDOG_REL = 'etc/systemd/system.conf.d/60-watchdog.conf';
const VENDOR_TEXT = readFileSync(join(FIXTURES, VENDOR_REL), 'utf8');
const LINE_DESCRIPTION = 2; // 1-based lines of the fixture
const LINE_EXECSTART = 4;
const LINE_RESTART = 5;
const DESCRIPTION_EDITED = 'Description=Vendor daemon (local notes)';
const AUTOSAVE_TIMEOUT = 10_000; // afterDelay is one second

/** Host paths no command may change (a workspace that mirrors a root is written inside the workspace). */
const HOST_PATHS = [
  '/etc/systemd',
  '/usr/lib/systemd/system',
  '/lib/systemd/system',
  '/usr/local/lib/systemd',
  '/run/systemd/system',
  join(homedir(), '.config/systemd'),
];

/** Every vendor file of the fixture (usr/lib, lib, usr/local/lib) with its bytes. */
const VENDOR_FILES = listFiles(FIXTURES)
  .filter((r) => /(^|\/)(usr\/lib|lib|usr\/local\/lib)\/systemd\//.test(r))
  .map((r) => ({ rel: r, bytes: readFileSync(join(FIXTURES, r)) }));
/** A second mirrored root inside the workspace whose etc/systemd/system is read-only (staging for sudo install). */
const RO_VENDOR_REL = 'ro-root/usr/lib/systemd/system/ro.service';
const RO_UNITS_REL = 'ro-root/etc/systemd/system';
const RO_TEXT = readFileSync(join(FIXTURES, RO_VENDOR_REL), 'utf8');

const { check, startEditor, run, onCleanup } = createRun({
  name: 'commands',
  tmpPrefix: 'e2e-cmd-',
  timeout: TOTAL_TIMEOUT,
  serverLog: 'code-server-commands.log',
  failedShotPrefix: 'cmd-failed-',
  cleanScreenshots: (f) => f.startsWith('cmd-') && f.endsWith('.png'),
});

// ----------------------------------------------------------------------------------------------
// Helpers

const quickInput = (page) => page.locator('.quick-input-widget');
const quickInputBox = (page) => page.locator('.quick-input-widget .quick-input-box input');
const quickRows = (page) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
const activeTextarea = (page) => page.locator('.editor-group-container.active .monaco-editor textarea').first();

/** Meaningful lines of a unit file: no blanks, no comments. */
const meaningful = (text) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith(';'));

const readIf = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The names the old code staged this test's files to, `$TMPDIR/systemd-units-<dir>-<name>`: they must not appear in
 * the system's temp folder (other test suites may stage other names there meanwhile; the editor itself runs with
 * its own TMPDIR, checked separately).
 */
const STAGING_NAMES = new Set(
  [
    'vendor.service.d-override.conf',
    'vendor.service.d-10-e2e.conf',
    'copy.service.d-override.conf',
    'system.conf.d-60-watchdog.conf',
    'mosquitto.service.d-50-socket-activation.conf',
    'system-mosquitto-1883-ipv4.socket',
    'system-mosquitto-1883-ipv6.socket',
    'system-mosquitto-5353-udp.socket',
    'system-mosquitto-8883.socket',
    'system-mosquitto-mqtt.socket',
  ].map((n) => `systemd-units-${n}`),
);
const stagingEntries = () =>
  readdirSync(tmpdir())
    .filter((n) => n.startsWith('systemd-units-'))
    .sort();

/** Replaces the text of a line (cursor to the line, select it, type). */
async function replaceLine(page, line, text) {
  await goToLine(page, line);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(text);
  await waitFor(`line ${line} reading "${text}"`, async () => (await editorLines(page))?.[line - 1] === text);
}

/** Waits until autosave has written `want` (a predicate on the file's text) and the tab is no longer dirty. */
async function autosaved(page, path, what, want) {
  await waitFor(
    `autosave writing ${what}`,
    () => {
      const t = readIf(path);
      return t !== undefined && want(t);
    },
    { timeout: AUTOSAVE_TIMEOUT },
  );
  await waitFor(
    'the tab no longer dirty',
    async () => (await page.locator('.tabs-container .tab.active.dirty').count()) === 0,
    { timeout: AUTOSAVE_TIMEOUT },
  );
}

/** Closes a notification toast with its × button (which resolves the extension's showXxxMessage). */
async function dismissToast(page, t) {
  await t.hover();
  await t.locator('.codicon-notifications-clear').first().click();
  await t.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
}

/** The modal dialog now shown, with its whole text. */
async function modal(page, timeout = STEP_TIMEOUT) {
  const box = page.locator('.monaco-dialog-box');
  await box.waitFor({ state: 'visible', timeout });
  const text = (await box.locator('.dialog-message-container').innerText()).replace(/\s+/g, ' ').trim();
  return { box, text };
}

/** Clicks a button of the modal; waits until that dialog is gone (hidden, or replaced by the next dialog). */
async function answerModal(box, label) {
  const before = (await box.locator('.dialog-message-container').innerText()).replace(/\s+/g, ' ').trim();
  await box.locator('.monaco-button', { hasText: label }).first().click();
  await waitFor(`the dialog closed after "${label}"`, async () => {
    if (!(await box.isVisible())) return true;
    const now = await box
      .locator('.dialog-message-container')
      .innerText({ timeout: 1000 })
      .catch(() => '');
    return now.replace(/\s+/g, ' ').trim() !== before;
  });
}

/** Waits for the quick input whose text matches `re` (a picker's title or an input box's prompt). */
async function quickInputShowing(page, re, what) {
  await waitFor(what, async () => re.test(await quickInput(page).innerText()));
}

/** The label of every row of the quick pick (not its description or detail). */
async function rowLabels(page) {
  return quickRows(page).evaluateAll((rows) =>
    rows.map((r) => r.querySelector('.label-name')?.textContent.trim() ?? ''),
  );
}

/** A failure inside a waitFor callback that must not be retried. */
const finalFail = (msg) => {
  throw Object.assign(new Error(msg), { final: true });
};

const focusedRowLabel = async (page) =>
  (
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused .label-name').first().innerText()
  ).trim();

// ----------------------------------------------------------------------------------------------

async function main() {
  const hostBefore = snapshot(HOST_PATHS);
  const stagingBefore = stagingEntries();
  const { page, workspace, editorTmp } = await startEditor({
    settings: EDITOR_DEFAULT_SETTINGS,
    prepareWorkspace: (ws) => {
      cpSync(FIXTURES, ws, { recursive: true });
      copyFileSync(STRACE_LOG, join(ws, 'mosquitto-f.log'));
      // A repository, as a mirrored root usually is: its HEAD is what the vendor files shipped as.
      const git = (...args) => {
        const r = spawnSync(
          'git',
          ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', '-c', 'init.defaultBranch=main', ...args],
          { cwd: ws, encoding: 'utf8' },
        );
        if (r.status !== 0) fail(`git ${args.join(' ')}: ${r.stderr}`);
      };
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'shipped');
      // Not writable by this process: for root a read-only bind mount (EROFS), for others mode 0555.
      const ro = join(ws, RO_UNITS_REL);
      mkdirSync(ro, { recursive: true });
      if (process.getuid?.() === 0) {
        const m = spawnSync('mount', ['--bind', '-o', 'ro', ro, ro], { encoding: 'utf8' });
        if (m.status !== 0) fail(`mount --bind -o ro ${ro}: ${m.stderr}`);
        onCleanup(() => {
          spawnSync('umount', [ro]);
        });
      } else {
        chmodSync(ro, 0o555);
        onCleanup(() => chmodSync(ro, 0o755));
      }
    },
  });
  const vendor = join(workspace, VENDOR_REL);
  const override = join(workspace, OVERRIDE_REL);
  // The leftmost tab of that name: for vendor.service the real file, opened before the effective view's tab.
  const tab = (name) => page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first();

  // ---------------------------------------------------------------------------------------------
  // 1. Move to Drop-in from the command palette, after autosave saved the edits.
  await check(
    "1a vendor.service opens (Ctrl+P), is edited, and autosave (code-server's default) writes the edits",
    async () => {
      await quickOpen(page, 'vendor.service', VENDOR_TEXT);
      await waitFor(
        'language mode systemd',
        async () => /systemd/i.test(await page.locator('.statusbar-item[id$="status.editor.mode"]').innerText()),
        { timeout: SERVER_READY_TIMEOUT },
      );
      await replaceLine(page, LINE_EXECSTART, 'ExecStart=/usr/bin/vendord --other');
      await replaceLine(page, LINE_RESTART, 'Restart=on-failure');
      await autosaved(page, vendor, 'both edits', (t) => t.includes('--other') && t.includes('Restart=on-failure'));
      await shot(page, 'cmd-01-vendor-edited-autosaved');
      return 'the vendor file on disk now holds the edits (afterDelay autosave)';
    },
  );

  await check(
    '1b "systemd: Move to Drop-in" (F1) writes the workspace\'s override.conf and puts the vendor file back as shipped',
    async () => {
      await runCommand(page, 'systemd: Move to Drop-in');
      const nothing = page.locator('.notifications-toasts .notification-toast', { hasText: /nothing to move/ }).first();
      const text = await waitFor(
        `${OVERRIDE_REL} on disk`,
        async () => {
          if (await nothing.isVisible())
            finalFail(`the command said: ${(await nothing.innerText()).replace(/\s+/g, ' ').trim()}`);
          return readIf(override);
        },
        { timeout: SERVER_READY_TIMEOUT },
      );
      await toast(page, /wrote .*override\.conf/);
      await shot(page, 'cmd-02-moved-to-dropin');
      const lines = meaningful(text);
      const want = ['[Service]', 'ExecStart=', 'ExecStart=/usr/bin/vendord --other', 'Restart=on-failure'];
      if (JSON.stringify(lines) !== JSON.stringify(want))
        fail(`override.conf holds ${JSON.stringify(lines)}, want ${JSON.stringify(want)}`);
      let onDisk = '';
      await waitFor(
        'the vendor file byte-identical to the shipped one',
        () => (onDisk = readFileSync(vendor, 'utf8')) === VENDOR_TEXT,
      ).catch(() => fail(`the vendor file is not as shipped: ${JSON.stringify(onDisk)}`));
      return `${OVERRIDE_REL}: ${JSON.stringify(text)}; vendor file as shipped (${statSync(vendor).size} bytes)`;
    },
  );

  await check('1c the vendor buffer shows the shipped text again', async () => {
    await tab('vendor.service').click();
    await page.locator('.tabs-container .tab.active[aria-label*="vendor.service"]').waitFor();
    await waitFor('the shipped text in the editor', async () => (await editorText(page)) === VENDOR_TEXT);
    return `${VENDOR_TEXT.split('\n').filter(Boolean).length} lines as shipped`;
  });

  // ---------------------------------------------------------------------------------------------
  // 3. Show Effective Unit (override.conf is in place now; it runs before the quick fix of step 1d changes it).
  await check('3a "systemd: Show Effective Unit" opens the merged unit naming override.conf', async () => {
    await activeTextarea(page).focus();
    await runCommand(page, 'systemd: Show Effective Unit');
    const lines = await waitFor('the effective unit in the editor', async () => {
      const l = await editorLines(page);
      return l?.some((x) => x.startsWith('# Effective configuration')) && l.includes('Restart=on-failure') && l;
    });
    const i = lines.indexOf('Restart=on-failure');
    const comment = lines[i - 1] ?? '';
    if (!(comment.startsWith('#') && comment.includes('override.conf')))
      fail(`the line above Restart=on-failure is ${JSON.stringify(comment)}, not a comment naming override.conf`);
    if (!lines.includes('ExecStart=/usr/bin/vendord --other'))
      fail('ExecStart=/usr/bin/vendord --other missing from the effective unit');
    if (!lines.includes('Description=Vendor daemon'))
      fail('Description=Vendor daemon (from the vendor file) missing from the effective unit');
    await shot(page, 'cmd-03-effective-unit');
    return JSON.stringify(comment);
  });

  await check('3b the effective unit is read-only', async () => {
    const before = await editorText(page);
    await activeTextarea(page).focus();
    await page.keyboard.type('x');
    await page
      .locator('.monaco-editor-overlaymessage', { hasText: /read-only/i })
      .first()
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    if ((await editorText(page)) !== before) fail('typing changed the effective unit');
    if (await page.locator('.tabs-container .tab.active.dirty').count()) fail('the effective unit tab is dirty');
    await page.keyboard.press('ArrowDown'); // moving the cursor hides the message
    await page
      .locator('.monaco-editor-overlaymessage', { hasText: /read-only/i })
      .first()
      .waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
    return 'typing shows "Cannot edit in read-only editor"';
  });

  // ---------------------------------------------------------------------------------------------
  // 1 (again). The quick fix on one autosaved line; override.conf exists, so a modal asks what to do.
  await check(
    '1d Ctrl+. on an edited (autosaved) vendor line offers "Move Restart= to a drop-in (keep the vendor file as shipped)"',
    async () => {
      // From the explorer (Quick Open would offer the effective view's tab of the same name first).
      const row = page
        .locator('.explorer-folders-view .monaco-list-row', {
          has: page.locator('.label-name', { hasText: /^vendor\.service$/ }),
        })
        .first();
      await row.click();
      await activeTextarea(page).focus();
      await waitFor('the vendor file in the editor', async () => (await editorText(page)) === VENDOR_TEXT);
      // Two edits, both autosaved; only the Restart= line is moved, the other one stays.
      await replaceLine(page, LINE_DESCRIPTION, DESCRIPTION_EDITED);
      await replaceLine(page, LINE_RESTART, 'Restart=always');
      await autosaved(
        page,
        vendor,
        'both edits',
        (t) => t.includes(DESCRIPTION_EDITED) && t.includes('Restart=always'),
      );
      await goToLine(page, LINE_RESTART);
      const action = page
        .locator('.action-widget .monaco-list-row', {
          hasText: 'Move Restart= to a drop-in (keep the vendor file as shipped)',
        })
        .first();
      await waitFor(
        'the Move to drop-in quick fix in the menu',
        async () => {
          await page.keyboard.press('Control+.');
          try {
            await action.waitFor({ state: 'visible', timeout: 3000 });
            return true;
          } catch {
            /* not yet */
          }
          await page.keyboard.press('Escape');
          return false;
        },
        { timeout: SERVER_READY_TIMEOUT, interval: 300 },
      );
      await shot(page, 'cmd-04-quick-fix-menu');
      const rows = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      );
      return rows.join(' | ');
    },
  );

  await check(
    '1e applying it: modal "already exists", "Merge into It": override.conf updated, Restart= back as shipped on disk, the other edit kept',
    async () => {
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      await waitFor(
        'the quick fix focused in the menu',
        async () => {
          if ((await focused.innerText()).includes('Move Restart= to a drop-in')) return true;
          await page.keyboard.press('ArrowDown');
          return false;
        },
        { timeout: 5000, interval: 100 },
      );
      await page.keyboard.press('Enter');
      const { box, text: message } = await modal(page);
      if (!message.includes('override.conf already exists')) fail(`unexpected dialog: ${message}`);
      await shot(page, 'cmd-05-already-exists-dialog');
      await answerModal(box, 'Merge into It');
      const text = await waitFor('Restart=always in override.conf', () => {
        const t = readIf(override);
        return t?.includes('Restart=always') && t;
      });
      // On disk: the shipped Restart= line, and the Description= edit the test made on purpose (autosaved).
      const want = VENDOR_TEXT.replace(/^Description=.*$/m, DESCRIPTION_EDITED);
      let onDisk = '';
      await waitFor(
        'the vendor file with Restart= as shipped',
        () => (onDisk = readFileSync(vendor, 'utf8')) === want,
      ).catch(() =>
        fail(
          `the vendor file on disk is ${JSON.stringify(onDisk)}, want ${JSON.stringify(want)} (Restart= as shipped, the Description= edit kept)`,
        ),
      );
      await tab('vendor.service').click(); // the command left override.conf in front
      await waitFor('the vendor.service tab active', async () =>
        (await tab('vendor.service').getAttribute('class')).includes('active'),
      );
      let shown = '';
      await waitFor(
        'the editor showing Restart=no again and the Description= edit',
        async () => (shown = await editorText(page)) === want,
      ).catch(() => fail(`the vendor editor shows ${JSON.stringify(shown)}, want ${JSON.stringify(want)}`));
      await shot(page, 'cmd-05b-quick-fix-applied');
      const lines = meaningful(text);
      const wantLines = ['[Service]', 'ExecStart=', 'ExecStart=/usr/bin/vendord --other', 'Restart=always'];
      if (JSON.stringify(lines) !== JSON.stringify(wantLines))
        fail(`override.conf holds ${JSON.stringify(lines)}, want ${JSON.stringify(wantLines)}`);
      return `dialog: "${message.replace(workspace, '<ws>')}"; override.conf: ${JSON.stringify(text)}; the Description= edit stays`;
    },
  );

  await check('1f the test undoes its own Description= edit: the vendor file is byte-identical again', async () => {
    await activeTextarea(page).focus();
    await replaceLine(page, LINE_DESCRIPTION, 'Description=Vendor daemon');
    await autosaved(page, vendor, 'the shipped text', (t) => t === VENDOR_TEXT);
    return 'as shipped';
  });

  // ---------------------------------------------------------------------------------------------
  // 4. Create Override.
  await check(
    '4 "systemd: Create Override" (F1): a new drop-in in the workspace, from the workspace\'s vendor unit',
    async () => {
      await activeTextarea(page).focus();
      await runCommand(page, 'systemd: Create Override');
      await quickInputShowing(page, /unit to override/, 'the unit picker');
      await waitFor(
        'vendor.service (current file) focused',
        async () => (await focusedRowLabel(page)) === 'vendor.service',
      );
      await page.keyboard.press('Enter');
      await quickInputShowing(page, /systemd: scope/, 'the scope picker');
      await waitFor('system focused', async () => (await focusedRowLabel(page)) === 'system');
      const scopeRows = (await quickRows(page).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      if (scopeRows.some((r) => r.includes('/etc/systemd/system')))
        fail(`the scope picker names a fixed path: ${scopeRows.join(' | ')}`);
      await page.keyboard.press('Enter');
      await quickInputShowing(page, /drop-in file name/, 'the file name box');
      await quickInputBox(page).fill('10-e2e');
      await page.keyboard.press('Enter');
      const created = join(workspace, CREATED_REL);
      const text = await waitFor(`${CREATED_REL} on disk`, () => readIf(created), { timeout: STEP_TIMEOUT });
      await toast(page, /wrote .*10-e2e\.conf/);
      await shot(page, 'cmd-06-create-override');
      if (!text.startsWith(`# Override for vendor.service (${created})`))
        fail(`unexpected start: ${JSON.stringify(text.slice(0, 120))}`);
      if (!text.includes(`# from ${vendor}:`))
        fail(`the template does not read the workspace's vendor unit: ${JSON.stringify(text)}`);
      if (meaningful(text).some((l) => !l.startsWith('[')))
        fail(`the template sets something: ${JSON.stringify(meaningful(text))}`);
      return `${CREATED_REL}: ${text.split('\n').length} lines, all comments and section headers`;
    },
  );

  // ---------------------------------------------------------------------------------------------
  // 5. Convert Full Copy to Minimal Drop-in, then remove the copy.
  const copy = join(workspace, COPY_REL);
  await check(
    '5a "systemd: Convert Full Copy to Minimal Drop-in" (F1) writes the workspace\'s copy.service.d/override.conf',
    async () => {
      await quickOpen(page, COPY_REL, readFileSync(join(FIXTURES, COPY_REL), 'utf8'));
      await runCommand(page, 'systemd: Convert Full Copy to Minimal Drop-in');
      const text = await waitFor(`${COPY_OVERRIDE_REL} on disk`, () => readIf(join(workspace, COPY_OVERRIDE_REL)), {
        timeout: STEP_TIMEOUT,
      });
      const lines = meaningful(text);
      if (JSON.stringify(lines) !== JSON.stringify(['[Service]', 'Nice=5']))
        fail(`override.conf holds ${JSON.stringify(lines)}`);
      return JSON.stringify(text);
    },
  );

  await check(
    '5b "Move Copy to Trash": the real error (no trash here), a second question, no sudo advice; the copy is deleted',
    async () => {
      const first = await modal(page);
      if (!/Remove the full copy/.test(first.text)) fail(`unexpected dialog: ${first.text}`);
      await answerModal(first.box, 'Move Copy to Trash');
      // code-server's file system has no trash: the error must be shown as it is, with a way to delete permanently.
      let said = '';
      await waitFor('the copy deleted, or a question about deleting it permanently', async () => {
        if (!existsSync(copy)) return true;
        const box = page.locator('.monaco-dialog-box');
        if (!(await box.isVisible())) return false;
        const second = await modal(page);
        said = second.text;
        if (/sudo/.test(said)) finalFail(`the dialog gives sudo advice for a writable workspace file: ${said}`);
        if (!/could not move .*copy\.service to the trash: \S/.test(said))
          finalFail(`the dialog does not show the real error: ${said}`);
        await shot(page, 'cmd-07-no-trash');
        await answerModal(second.box, 'Delete Permanently');
        return false;
      });
      const sudo = page.locator('.notifications-toasts .notification-toast', { hasText: /sudo/ });
      if (await sudo.count()) fail(`a notification gives sudo advice: ${await toastText(sudo.first())}`);
      return said ? `"${said.replace(workspace, '<ws>')}" -> deleted` : 'moved to the trash';
    },
  );

  // ---------------------------------------------------------------------------------------------
  // 6. Set Hardware Watchdog.
  const machineWatchdog = existsSync('/sys/class/watchdog/watchdog0/identity');
  const pickDriverAndValue = async () => {
    await runCommand(page, 'systemd: Set Hardware Watchdog');
    await quickInputShowing(page, /hardware watchdog driver/, 'the driver picker');
    const first = await waitFor('the driver picker rows', async () => (await rowLabels(page))[0]);
    const focused = await focusedRowLabel(page);
    const want = machineWatchdog ? 'This machine' : 'iTCO-v2';
    if (focused !== want || first !== want)
      fail(
        `the driver preselected is ${JSON.stringify(focused)} (first ${JSON.stringify(first)}), want ${want} (systemd.watchdog.driver "auto"${machineWatchdog ? ', a watchdog on this machine' : ', no watchdog on this machine'})`,
      );
    await page.keyboard.press('Enter');
    await quickInputShowing(page, /RuntimeWatchdogSec=/, 'the timeout box');
    await page.keyboard.press('Enter');
    return focused;
  };

  await check(
    '6a "systemd: Set Hardware Watchdog" with the workspace\'s system.conf open writes the workspace\'s system.conf.d/60-watchdog.conf',
    async () => {
      await quickOpen(page, 'system.conf', readFileSync(join(FIXTURES, SYSTEM_CONF_REL), 'utf8'));
      const driver = await pickDriverAndValue();
      const text = await waitFor(`${WATCHDOG_REL} on disk`, () => readIf(join(workspace, WATCHDOG_REL)), {
        timeout: STEP_TIMEOUT,
      });
      await toast(page, /wrote .*60-watchdog\.conf/);
      await shot(page, 'cmd-08-watchdog');
      if (!meaningful(text).includes('RuntimeWatchdogSec=30s')) fail(`60-watchdog.conf: ${JSON.stringify(text)}`);
      return `driver ${driver} preselected; ${WATCHDOG_REL}: ${JSON.stringify(meaningful(text))}`;
    },
  );

  await check(
    '6b without system.conf open: the workspace first, the live /etc/systemd/system.conf.d last; picking it asks in a modal naming the path',
    async () => {
      await quickOpen(page, 'mosquitto-f.log');
      await pickDriverAndValue();
      await quickInputShowing(page, /where to write 60-watchdog\.conf/, 'the destination picker');
      const labels = await rowLabels(page);
      const want = [join(workspace, 'etc/systemd/system.conf.d'), '/etc/systemd/system.conf.d'];
      if (JSON.stringify(labels) !== JSON.stringify(want))
        fail(`destinations ${JSON.stringify(labels)}, want ${JSON.stringify(want)}`);
      if ((await focusedRowLabel(page)) !== want[0]) fail(`preselected: ${await focusedRowLabel(page)}`);
      await shot(page, 'cmd-09-watchdog-destinations');
      await quickRows(page).filter({ hasText: '/etc/systemd/system.conf.d' }).last().click();
      const { box, text } = await modal(page);
      await shot(page, 'cmd-10-live-confirmation');
      if (!text.includes('/etc/systemd/system.conf.d/60-watchdog.conf'))
        fail(`the confirmation does not name the full path: ${text}`);
      if (!/live configuration of this machine/.test(text))
        fail(`the confirmation does not say it is the live system: ${text}`);
      const asRoot = process.getuid?.() === 0;
      if (asRoot !== /runs as root/.test(text))
        fail(`the confirmation ${asRoot ? 'does not say' : 'wrongly says'} that VS Code runs as root: ${text}`);
      await answerModal(box, 'Cancel');
      await new Promise((r) => setTimeout(r, 500));
      if (
        existsSync('/etc/systemd/system.conf.d/60-watchdog.conf') &&
        !hostBefore.has('/etc/systemd/system.conf.d/60-watchdog.conf')
      )
        fail('the live file was written after Cancel');
      return `modal: "${text.slice(0, 160)}…" -> Cancel`;
    },
  );

  // ---------------------------------------------------------------------------------------------
  // 2. Generate Socket Units from strace Log.
  const sockDir = join(workspace, 'etc/systemd/system');
  await check(
    '2a "systemd: Generate Socket Units from strace Log": open dialog, a prefilled service, the workspace preselected',
    async () => {
      await page.keyboard.press('Escape');
      await runCommand(page, 'systemd: Generate Socket Units from strace Log');
      // code-server shows VS Code's simple file dialog: a quick input holding a path.
      const input = quickInputBox(page);
      await quickInputShowing(page, /strace log/, 'the open dialog');
      const logPath = join(workspace, 'mosquitto-f.log');
      await input.fill(logPath);
      // The dialog follows the typed path (it lists the log's folder); while it is busy it ignores
      // Enter, so press Enter until the next step shows (bounded: only while the dialog is still up).
      await quickRows(page).filter({ hasText: 'mosquitto-f.log' }).first().waitFor({ state: 'visible' });
      await waitFor(
        'the service input box',
        async () => {
          const shown = await quickInput(page).innerText();
          if (/the daemon's service/.test(shown)) return true;
          if (/strace log/.test(shown) && (await input.inputValue()) === logPath) await page.keyboard.press('Enter');
          return false;
        },
        { interval: 1000 },
      );
      const prefilled = await waitFor('the prefilled service name', async () => input.inputValue());
      if (prefilled !== 'mosquitto.service')
        fail(`the service box holds ${JSON.stringify(prefilled)}, want "mosquitto.service" (from the log's name)`);
      const placeholder = await input.getAttribute('placeholder');
      if (placeholder)
        fail(`the service box has a placeholder that looks like a default: ${JSON.stringify(placeholder)}`);
      await page.keyboard.press('Enter');
      await quickInputShowing(page, /where to write the units/, 'the destination pick');
      const labels = await rowLabels(page);
      const wanted = join(workspace, 'etc/systemd/system');
      if (labels[0] !== wanted || labels.at(-1) !== '/etc/systemd/system')
        fail(`destinations ${JSON.stringify(labels)}: want the workspace first and /etc/systemd/system last`);
      if ((await focusedRowLabel(page)) !== wanted) fail(`preselected: ${await focusedRowLabel(page)}`);
      await shot(page, 'cmd-11-destination-pick');
      await page.keyboard.press('Enter'); // the preselected destination
      const t = await toast(page, /file\(s\) prepared/, SERVER_READY_TIMEOUT);
      await shot(page, 'cmd-12-remaining-steps');
      const said = await toastText(t);
      if (
        !/6 file\(s\) prepared in /.test(said) ||
        !/systemctl enable --now (-- )?mosquitto-1883-ipv4\.socket/.test(said)
      )
        fail(`unexpected message: ${said}`);
      if (/Run in Terminal/.test(await t.innerText()))
        fail('"Run in Terminal…" offered for units written to the workspace, not to this machine');
      await dismissToast(page, t);
      return `prefilled ${JSON.stringify(prefilled)}; picked ${JSON.stringify(labels[0].replace(workspace, '<ws>'))} of ${JSON.stringify(labels.map((l) => l.replace(workspace, '<ws>')))}; "${said.replace(workspace, '<ws>').slice(0, 80)}…"`;
    },
  );

  await check('2b the socket units and the drop-in are on disk, in the workspace', async () => {
    const sock = readIf(join(sockDir, 'mosquitto-1883-ipv4.socket'));
    if (!sock) fail('etc/systemd/system/mosquitto-1883-ipv4.socket is missing');
    for (const want of ['FileDescriptorName=socket(2,1,6)=0', 'FreeBind=true', 'Service=mosquitto.service']) {
      if (!sock.split('\n').includes(want)) fail(`mosquitto-1883-ipv4.socket lacks ${want}`);
    }
    const dropIn = readIf(join(sockDir, 'mosquitto.service.d/50-socket-activation.conf'));
    if (!dropIn) fail('etc/systemd/system/mosquitto.service.d/50-socket-activation.conf is missing');
    if (!dropIn.split('\n').includes('Environment=LD_PRELOAD=/usr/local/lib/sockethack/libsockethack.so'))
      fail(`50-socket-activation.conf preloads something else: ${JSON.stringify(dropIn)}`);
    return listFiles(sockDir)
      .filter((f) => f.startsWith('mosquitto'))
      .join(', ');
  });

  // ---------------------------------------------------------------------------------------------
  // 7. A folder VS Code cannot write: the drop-in is staged in a private folder, checked, and only then offered.
  const roVendor = join(workspace, RO_VENDOR_REL);
  const roOverride = join(workspace, RO_UNITS_REL, 'ro.service.d/override.conf');
  /** Runs Move to Drop-in on the edited ro.service; returns the toast offering the install and what it says. */
  const moveReadOnly = async () => {
    await runCommand(page, 'systemd: Move to Drop-in');
    const t = await toast(page, /not writable by VS Code/);
    const said = await toastText(t);
    const m = /staged in (\S+) \(checked\)/.exec(said);
    if (!m) fail(`the message names no staging folder: ${said}`);
    const dir = m[1].replace(/^'(.*)'$/, '$1');
    const st = lstatSync(dir);
    if (!st.isDirectory() || (st.mode & 0o777) !== 0o700 || st.uid !== process.getuid?.())
      fail(`the staging folder ${dir} is not private: mode ${(st.mode & 0o777).toString(8)}, uid ${st.uid}`);
    if (!/^systemd-units-[A-Za-z0-9]{6}$/.test(dir.split('/').pop()) || dirname(dir) !== editorTmp)
      fail(`the staging folder ${dir} is not a fresh mkdtemp folder in the editor's TMPDIR ${editorTmp}`);
    const staged = readdirSync(dir);
    if (staged.length !== 1) fail(`staged: ${staged.join(', ')}`);
    const file = join(dir, staged[0]);
    const content = readFileSync(file, 'utf8');
    if (JSON.stringify(meaningful(content)) !== JSON.stringify(['[Service]', 'Restart=always']))
      fail(`staged content: ${JSON.stringify(content)}`);
    if (!said.includes(`install -D -m 0644 -- ${file} ${roOverride}`))
      fail(`the install command does not install the staged file: ${said}`);
    const buttons = (await t.locator('.monaco-button').allInnerTexts()).map((b) => b.trim());
    if (!buttons.includes('Run in Terminal…')) fail(`buttons: ${JSON.stringify(buttons)}`);
    return { t, said, dir, file };
  };

  await check(
    '7a a read-only etc/systemd/system: Move to Drop-in stages the drop-in in a private 0700 folder, checked, with the install command; dismissed, nothing is kept and the edit stays',
    async () => {
      await quickOpen(page, RO_VENDOR_REL, RO_TEXT);
      await replaceLine(page, 5, 'Restart=always');
      await autosaved(page, roVendor, 'the edit', (t) => t.includes('Restart=always'));
      const { t, said, dir } = await moveReadOnly();
      await shot(page, 'cmd-13-staged');
      await dismissToast(page, t);
      await waitFor('the staging folder removed after the offer was dismissed', () => !existsSync(dir));
      await new Promise((r) => setTimeout(r, 500));
      if (readFileSync(roVendor, 'utf8') === RO_TEXT)
        fail('the vendor file was reverted although the drop-in was not installed');
      if (existsSync(roOverride)) fail(`${roOverride} exists`);
      return `"${said.replace(workspace, '<ws>').slice(0, 200)}…" -> dismissed, ${dir} removed`;
    },
  );

  await check(
    '7b "Copy Commands": the commands on the clipboard, the staged file kept as checked, the vendor file back as shipped',
    async () => {
      await page.locator('.tabs-container .tab', { hasText: 'ro.service' }).first().click();
      await activeTextarea(page).focus();
      const { t, said, dir, file } = await moveReadOnly();
      await t.hover();
      await t.locator('.monaco-button', { hasText: 'Copy Commands' }).first().click();
      const shell = said.slice(said.indexOf('install it with: ') + 'install it with: '.length);
      let clip = '';
      await waitFor(
        'the commands on the clipboard',
        async () => (clip = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '')) === shell,
      ).catch(() => fail(`clipboard: ${JSON.stringify(clip)}, want ${JSON.stringify(shell)}`));
      await waitFor('the vendor file back as shipped on disk', () => readFileSync(roVendor, 'utf8') === RO_TEXT, {
        timeout: AUTOSAVE_TIMEOUT,
      });
      if (JSON.stringify(meaningful(readFileSync(file, 'utf8'))) !== JSON.stringify(['[Service]', 'Restart=always']))
        fail('the staged file changed');
      rmSync(dir, { recursive: true }); // the user would install it and remove it; the test does the latter
      return `clipboard: ${JSON.stringify(clip.replace(workspace, '<ws>'))}`;
    },
  );

  // ---------------------------------------------------------------------------------------------
  // Z. Nothing outside the workspace changed; the vendor files are as shipped.
  await check(
    "Z1 nothing outside the workspace changed (/etc/systemd, the host's unit folders, ~/.config/systemd: mtime + hash)",
    async () => {
      const diff = snapshotDiff(hostBefore, snapshot(HOST_PATHS));
      if (diff.length) fail(`${diff.length} change(s): ${diff.slice(0, 5).join('; ')}`);
      const planted = stagingEntries().filter((n) => !stagingBefore.includes(n) && STAGING_NAMES.has(n));
      if (planted.length) fail(`old predictable staging names in ${tmpdir()}: ${planted.join(', ')}`);
      // The editor runs with its own TMPDIR: every staging of this run is there, and none may be left over.
      const left = readdirSync(editorTmp).filter((n) => n.startsWith('systemd-units-'));
      if (left.length) fail(`staging left in the editor's TMPDIR ${editorTmp}: ${left.join(', ')}`);
      return `${hostBefore.size} entries unchanged`;
    },
  );

  await check('Z2 every vendor file in the workspace is byte-identical to the fixture', async () => {
    const changed = VENDOR_FILES.filter((f) => {
      const p = join(workspace, f.rel);
      return !existsSync(p) || !readFileSync(p).equals(f.bytes);
    });
    if (changed.length)
      fail(`changed: ${changed.map((f) => `${f.rel}: ${JSON.stringify(readIf(join(workspace, f.rel)))}`).join('; ')}`);
    return VENDOR_FILES.map((f) => f.rel).join(', ');
  });
}

await run(main);
