#!/usr/bin/env node
/**
 * End-to-end test of the hardening features (issue 16) in real VS Code (code-server + headless Chromium): the
 * exposure code lens on a vendor service, ONE hardening quick fix applied through the quick fix menu (Ctrl+.), and
 * the result checked on disk and against the CLI. Screenshots go to test-results/e2e/hardening-*.png.
 *
 *   node test/e2e/hardening.mjs [--vsix FILE]
 *
 * The workspace (a fresh temp folder) mirrors a root: test/e2e/fixtures-hardening/ holds the vendor unit
 * usr/lib/systemd/system/webd.service, so a fix must go into a drop-in under the workspace's etc/systemd/system/.
 * Settings: code-server's defaults (autosave afterDelay) and `systemd.targetVersion: 252`; the CLI runs with
 * `--target-version 252`, so both score with the same table.
 *   H1 the unit opens; the lens on [Service] reads "exposure N.N LABEL", the same as `systemd-units security` (CLI).
 *   H2 Ctrl+. on [Service] lists hardening fixes, each "… in a drop-in (exposure B → A LABEL)"; B is the lens value.
 *   H3 applying "Add PrivateTmp=yes in a drop-in": etc/systemd/system/webd.service.d/hardening.conf on disk sets it;
 *      the vendor file is byte-identical.
 *   H4 the CLI on the unit + drop-in computes exactly A and LABEL; the lens in the editor shows exactly that.
 *   H5 the quick fix menu again: no PrivateTmp= fix any more, and every fix starts from A.
 *
 * Needs scripts/e2e/setup.sh (code-server in .cache/code-server/, Chromium from Debian) and a built dist/cli.js.
 * Environment: CODE_SERVER, CHROMIUM, E2E_TIMEOUT_MS (whole run, default 90000), E2E_KEEP_TMP.
 * Prints one line per check and `N passed, N failed`; exits 1 on any failure.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  codeLensTitles,
  createRun,
  EDITOR_DEFAULT_SETTINGS,
  fail,
  goToLine,
  quickOpen,
  ROOT,
  SERVER_READY_TIMEOUT,
  shot,
  STEP_TIMEOUT,
  toast,
  toastText,
  waitFor,
} from './lib.mjs';

const TOTAL_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 90_000);
const FIXTURES = join(ROOT, 'test/e2e/fixtures-hardening');
const VENDOR_REL = 'usr/lib/systemd/system/webd.service';
const DROPIN_REL = 'etc/systemd/system/webd.service.d/hardening.conf';
const VENDOR_BYTES = readFileSync(join(FIXTURES, VENDOR_REL));
const VENDOR_TEXT = VENDOR_BYTES.toString('utf8');
const LINE_SERVICE = VENDOR_TEXT.split('\n').indexOf('[Service]') + 1; // 1-based
const TARGET_VERSION = 252;
const FIX_LINE = 'PrivateTmp=yes';
const LENS_RE = /^exposure (\d+\.\d) ([A-Z]+)$/;
const FIX_RE = /^Add (\S+) in a drop-in \(exposure (\d+\.\d) → (\d+\.\d) ([A-Z]+)\)$/;
const CLI = join(ROOT, 'dist/cli.js');

const { check, startEditor, run } = createRun({
  name: 'hardening',
  tmpPrefix: 'e2e-hardening-',
  timeout: TOTAL_TIMEOUT,
  serverLog: 'code-server-hardening.log',
  failedShotPrefix: 'hardening-failed-',
  cleanScreenshots: (f) => f.startsWith('hardening-') && f.endsWith('.png'),
});

/** `systemd-units security --format json` on the workspace's unit (drop-ins under the workspace root count). */
function cliScore(workspace) {
  if (!existsSync(CLI)) fail('dist/cli.js is missing: node scripts/build.mjs');
  const r = spawnSync(
    process.execPath,
    [
      CLI,
      'security',
      '--format',
      'json',
      '--target-version',
      String(TARGET_VERSION),
      '--root',
      workspace,
      join(workspace, VENDOR_REL),
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  let out;
  try {
    out = JSON.parse(r.stdout);
  } catch {
    fail(`security --format json printed no JSON (exit ${r.status}): ${(r.stdout + r.stderr).slice(0, 300)}`);
  }
  if (!Array.isArray(out) || out.length !== 1) fail(`security --format json: ${JSON.stringify(out).slice(0, 300)}`);
  const { exposure, label, checks } = out[0];
  return { exposure: exposure.toFixed(1), label, checks };
}

/** The exposure lens of the active editor, once the server has sent it: { exposure, label, titles }. */
async function exposureLens(page, what, want) {
  let titles = [];
  try {
    return await waitFor(
      what,
      async () => {
        titles = await codeLensTitles(page);
        const m = titles.map((t) => LENS_RE.exec(t)).find(Boolean);
        if (!m) return false;
        const got = { exposure: m[1], label: m[2], titles };
        return !want || (got.exposure === want.exposure && got.label === want.label) ? got : false;
      },
      { timeout: SERVER_READY_TIMEOUT },
    );
  } catch (e) {
    fail(`${e.message}; lenses shown: ${JSON.stringify(titles)}`);
  }
}

const actionRows = (page) => page.locator('.action-widget .monaco-list-row');

async function main() {
  const { page, workspace } = await startEditor({
    settings: { ...EDITOR_DEFAULT_SETTINGS, 'systemd.targetVersion': TARGET_VERSION },
    prepareWorkspace: (ws) => cpSync(FIXTURES, ws, { recursive: true }),
  });
  const vendor = join(workspace, VENDOR_REL);
  const dropIn = join(workspace, DROPIN_REL);
  let before; // the CLI's score of the vendor unit alone
  let predicted; // { line, before, after, label } from the fix's title

  await check(
    'H1 the vendor webd.service opens; the lens on [Service] shows "exposure N.N LABEL", as the CLI computes it',
    async () => {
      before = cliScore(workspace);
      await quickOpen(page, VENDOR_REL, VENDOR_TEXT);
      const lens = await exposureLens(page, 'the exposure lens');
      await page.waitForTimeout(300);
      await shot(page, 'hardening-01-lens');
      if (lens.exposure !== before.exposure || lens.label !== before.label)
        fail(`the lens says ${lens.exposure} ${lens.label}, the CLI ${before.exposure} ${before.label}`);
      return `lenses ${JSON.stringify(lens.titles)}; CLI ${before.exposure} ${before.label}`;
    },
  );

  await check(
    `H2 Ctrl+. on [Service] offers hardening fixes into a drop-in with the score before → after; "${FIX_LINE}" among them`,
    async () => {
      await goToLine(page, LINE_SERVICE);
      // Inside the header's name, where the hardening-… hints are.
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      const wanted = actionRows(page)
        .filter({ hasText: `Add ${FIX_LINE} in a drop-in` })
        .first();
      await waitFor(
        'the hardening quick fixes in the menu',
        async () => {
          await page.keyboard.press('Control+.');
          try {
            await actionRows(page).first().waitFor({ state: 'visible', timeout: 3000 });
            const texts = await actionRows(page).allInnerTexts();
            if (texts.some((t) => t.includes(' in a drop-in (exposure '))) return true;
          } catch {
            /* no menu yet: the server may still be starting */
          }
          await page.keyboard.press('Escape');
          return false;
        },
        { timeout: SERVER_READY_TIMEOUT, interval: 500 },
      );
      const rows = (await actionRows(page).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      const fixes = rows.map((t) => FIX_RE.exec(t)).filter(Boolean);
      if (!fixes.length) fail(`no "Add … in a drop-in (exposure B → A LABEL)" row: ${rows.slice(0, 6).join(' | ')}`);
      const wrongBefore = fixes.filter((m) => m[2] !== before.exposure);
      if (wrongBefore.length)
        fail(`fixes whose "before" is not the score ${before.exposure}: ${wrongBefore.map((m) => m[0]).join(' | ')}`);
      // The menu is a virtual list: walk it with the keyboard until the wanted fix is focused.
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      let title = '';
      await waitFor(
        `"Add ${FIX_LINE} in a drop-in" focused in the menu`,
        async () => {
          title = ((await focused.innerText().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
          if (title.startsWith(`Add ${FIX_LINE} in a drop-in`)) return true;
          await page.keyboard.press('ArrowDown');
          return false;
        },
        { timeout: STEP_TIMEOUT, interval: 60 },
      );
      await wanted.waitFor({ state: 'visible' });
      const m = FIX_RE.exec(title);
      if (!m) fail(`the fix's title does not carry the score before → after: ${JSON.stringify(title)}`);
      predicted = { line: m[1], before: m[2], after: m[3], label: m[4] };
      if (predicted.line !== FIX_LINE) fail(`the fix adds ${predicted.line}`);
      if (!(Number(predicted.after) < Number(predicted.before)))
        fail(`the fix does not lower the score: ${predicted.before} → ${predicted.after}`);
      await shot(page, 'hardening-02-quick-fix-menu');
      return `${fixes.length} hardening fixes in the menu; picked ${JSON.stringify(title)}`;
    },
  );

  await check(`H3 applying it writes ${DROPIN_REL} with ${FIX_LINE}; the vendor file is byte-identical`, async () => {
    if (!predicted) fail('no fix picked (H2 failed)');
    await page.keyboard.press('Enter');
    const t = await toast(page, /exposure .* → /, SERVER_READY_TIMEOUT);
    const said = await toastText(t);
    if (!said.includes(`Add ${FIX_LINE} to ${dropIn}: exposure ${predicted.before} → ${predicted.after}`))
      fail(`the command says ${JSON.stringify(said)}`);
    let text = '';
    await waitFor(`${FIX_LINE} in ${DROPIN_REL} on disk`, () => {
      text = existsSync(dropIn) ? readFileSync(dropIn, 'utf8') : '';
      return text.split('\n').includes(FIX_LINE);
    }).catch(() => fail(`${DROPIN_REL} on disk: ${existsSync(dropIn) ? JSON.stringify(text) : 'missing'}`));
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    if (JSON.stringify(lines) !== JSON.stringify(['[Service]', FIX_LINE]))
      fail(`${DROPIN_REL} holds ${JSON.stringify(lines)}`);
    if (!readFileSync(vendor).equals(VENDOR_BYTES))
      fail(`the vendor file changed: ${JSON.stringify(readFileSync(vendor, 'utf8'))}`);
    await shot(page, 'hardening-03-applied');
    return `toast "${said.replace(workspace, '<ws>')}"; ${DROPIN_REL}: ${JSON.stringify(text)}`;
  });

  await check(
    'H4 the score changed exactly as the title predicted: the CLI on unit + drop-in, and the lens in the editor',
    async () => {
      if (!predicted) fail('no fix applied');
      const after = cliScore(workspace);
      if (after.exposure !== predicted.after || after.label !== predicted.label)
        fail(
          `the CLI computes ${after.exposure} ${after.label}, the fix predicted ${predicted.after} ${predicted.label}`,
        );
      const privateTmp = after.checks.find((c) => c.id === 'PrivateTmp=');
      if (privateTmp?.set !== true) fail(`the CLI's PrivateTmp= check: ${JSON.stringify(privateTmp)}`);
      // The vendor unit's editor again (the command may have put the drop-in in front).
      const tab = page.locator('.tabs-container .tab[aria-label*="webd.service"]').first();
      if (await tab.count()) await tab.click();
      await page.locator('.tabs-container .tab.active[aria-label*="webd.service"]').waitFor({ timeout: STEP_TIMEOUT });
      const lens = await exposureLens(page, `the lens showing exposure ${predicted.after} ${predicted.label}`, {
        exposure: predicted.after,
        label: predicted.label,
      });
      await page.waitForTimeout(300);
      await shot(page, 'hardening-04-lens-after');
      return `CLI ${before.exposure} ${before.label} → ${after.exposure} ${after.label}; lenses ${JSON.stringify(lens.titles)}`;
    },
  );

  await check(
    `H5 Ctrl+. on [Service] again: no ${FIX_LINE} fix any more, and every fix now starts from ${predicted?.after ?? '?'}`,
    async () => {
      if (!predicted) fail('no fix applied');
      await goToLine(page, LINE_SERVICE);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      let rows = [];
      await waitFor(
        'the hardening fixes recomputed with the drop-in',
        async () => {
          await page.keyboard.press('Control+.');
          try {
            await actionRows(page).first().waitFor({ state: 'visible', timeout: 3000 });
            rows = (await actionRows(page).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
          } catch {
            rows = [];
          }
          const fixes = rows.map((t) => FIX_RE.exec(t)).filter(Boolean);
          if (fixes.length && fixes.every((m) => m[2] === predicted.after && m[1] !== FIX_LINE)) return true;
          await page.keyboard.press('Escape');
          return false;
        },
        { timeout: STEP_TIMEOUT, interval: 500 },
      ).catch(() => fail(`the menu shows: ${rows.slice(0, 6).join(' | ')}`));
      await page.keyboard.press('Escape');
      return `${rows.length} rows, e.g. ${JSON.stringify(rows[0])}`;
    },
  );
}

await run(main);
