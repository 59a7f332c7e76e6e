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
 * The harness (code-server, browser, waits, checks) is shared with commands.mjs: test/e2e/lib.mjs.
 * Environment: CODE_SERVER (binary), CHROMIUM (binary), E2E_TIMEOUT_MS (whole run, default 240000).
 * Prints one line per check and `N passed, N failed`; exits 1 on any failure.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  closeWidgets, createRun, editorLines, editorText, fail, goToLine, openFromExplorer, SERVER_READY_TIMEOUT, settle, shot, STEP_TIMEOUT, waitFor,
} from './lib.mjs';

const TOTAL_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 240_000);

// Screenshots of test/e2e/commands.mjs (cmd-*.png) are its own: leave them.
const { check, startEditor, run } = createRun({
  name: 'code-server', tmpPrefix: 'systemd-units-e2e-', timeout: TOTAL_TIMEOUT,
  cleanScreenshots: (f) => f.endsWith('.png') && !f.startsWith('cmd-'),
});

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

const suggestRows = (page) => page.locator('.suggest-widget.visible .monaco-list-row');

/** Labels in the visible suggest widget. */
async function suggestLabels(page) {
  return page.locator('.suggest-widget.visible .monaco-list-row .label-name').allInnerTexts();
}

// ----------------------------------------------------------------------------------------------
// The checks.

async function main() {
  const { page } = await startEditor({
    prepareWorkspace: (workspace) => {
      writeFileSync(join(workspace, 'web.service'), WEB_SERVICE);
      writeFileSync(join(workspace, 'nightly.timer'), '');
    },
  });

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

await run(main);
