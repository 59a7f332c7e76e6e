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
 *
 * (g)-(h) The other dialects (issue 13): the workspace mirrors a root with etc/systemd/journald.conf and
 * etc/systemd/network/10-lan.network; each shows completion and a diagnostic, and "systemd: Create Override" writes
 * its drop-in into the workspace's journald.conf.d/ and 10-lan.network.d/ (checked on disk).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  closeWidgets,
  createRun,
  editorLines,
  editorText,
  fail,
  goToLine,
  openFromExplorer,
  quickOpen,
  runCommand,
  SERVER_READY_TIMEOUT,
  settle,
  shot,
  STEP_TIMEOUT,
  waitFor,
} from './lib.mjs';

const TOTAL_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 240_000);

// Screenshots of test/e2e/commands.mjs (cmd-*.png) are its own: leave them.
const { check, startEditor, run } = createRun({
  name: 'code-server',
  tmpPrefix: 'systemd-units-e2e-',
  timeout: TOTAL_TIMEOUT,
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

/** Dialect files, in a workspace that mirrors a root: each with one mistake (line 2 / line 5). */
const JOURNALD_REL = 'etc/systemd/journald.conf';
const JOURNALD = '[Journal]\nStorage=sometimes\nSystemMaxUse=1G\n';
const NETWORK_REL = 'etc/systemd/network/10-lan.network';
const NETWORK = '[Match]\nName=eth0\n\n[Network]\nDHCP=maybe\nDNS=192.0.2.1\n';

const suggestRows = (page) => page.locator('.suggest-widget.visible .monaco-list-row');

/** Labels in the visible suggest widget. */
async function suggestLabels(page) {
  return page.locator('.suggest-widget.visible .monaco-list-row .label-name').allInnerTexts();
}

// ----------------------------------------------------------------------------------------------
// The checks.

async function main() {
  const { page, workspace } = await startEditor({
    prepareWorkspace: (ws) => {
      writeFileSync(join(ws, 'web.service'), WEB_SERVICE);
      writeFileSync(join(ws, 'nightly.timer'), '');
      for (const [rel, text] of [
        [JOURNALD_REL, JOURNALD],
        [NETWORK_REL, NETWORK],
      ]) {
        mkdirSync(join(ws, rel, '..'), { recursive: true });
        writeFileSync(join(ws, rel), text);
      }
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
      const labels = await waitFor(
        'Restart= in the suggest widget',
        async () => {
          await page.keyboard.press('Control+Space');
          let l = [];
          try {
            await suggestRows(page).first().waitFor({ state: 'visible', timeout: 3000 });
            l = await suggestLabels(page);
            if (l.some((x) => x.trim() === 'Restart=')) return l;
          } catch {
            /* no list yet: the server may still be starting */
          }
          await page.keyboard.press('Escape');
          answered(l.length > 0, `no Restart= among the ${l.length} suggestions: ${l.slice(0, 8).join(', ')}`);
          return false;
        },
        { timeout: SERVER_READY_TIMEOUT, interval: 500 },
      );
      await shot(page, '02-completion');
      return `${labels.length} items: ${labels.slice(0, 5).join(', ')}${labels.length > 5 ? ', …' : ''}`;
    } finally {
      // Leave the file as it was for the next steps, pass or fail: close the list, remove the line.
      await page.keyboard.press('Escape');
      await page
        .locator('.suggest-widget.visible')
        .waitFor({ state: 'hidden' })
        .catch(() => {});
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
    const lineSpan = page
      .locator('.editor-group-container.active .view-lines > .view-line > span', { hasText: /^ExecStart=/ })
      .first();
    // The model is back to the file's text (b); the view may render it a moment later on a loaded machine.
    await lineSpan.waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
    const box = await lineSpan.boundingBox();
    if (!box) fail('ExecStart line not on screen');
    const charWidth = box.width / (await lineSpan.innerText()).length;
    const hover = page.locator('.monaco-hover:not(.hidden)');
    const answered = settle();
    const text = await waitFor(
      'a hover with ExecStart= and systemd.service',
      async () => {
        await page.mouse.move(box.x + box.width + 200, box.y + 200); // away, then back: a fresh hover
        await page.mouse.move(box.x + charWidth * 4, box.y + box.height / 2, { steps: 3 });
        let t = '';
        try {
          await hover.first().waitFor({ state: 'visible', timeout: 3000 });
          t = await hover.first().innerText();
          if (t.includes('ExecStart=') && t.includes('systemd.service')) return t;
        } catch {
          /* no hover yet */
        }
        answered(
          t.trim().length > 0,
          `the hover lacks ExecStart= or systemd.service: ${JSON.stringify(t.slice(0, 160))}`,
        );
        return false;
      },
      { timeout: SERVER_READY_TIMEOUT, interval: 300 },
    );
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
    const row = await waitFor(
      'the ExecStrat diagnostic in the Problems panel',
      async () => {
        for (const t of await rows.allInnerTexts())
          if (t.includes('Unknown directive') && t.includes('ExecStrat')) return t;
        return false;
      },
      { timeout: SERVER_READY_TIMEOUT },
    );
    await shot(page, '04-problems');
    return row.replace(/\s+/g, ' ').trim();
  });

  // (e) Quick fix on the typo: Ctrl+. and "Change to 'ExecStart'".
  await check('(e) quick fix "Change to \'ExecStart\'" (Ctrl+.) corrects the typo', async () => {
    // Back to the editor: clicking the problem reveals it there with the cursor on the typo.
    const typoLine = ((await editorLines(page)) ?? []).findIndex((l) => l.startsWith('ExecStrat=')) + 1;
    if (!typoLine) fail('no ExecStrat= line in the editor');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'ExecStrat' }).first();
    await problem.click();
    await waitFor(`cursor on line ${typoLine}`, async () =>
      new RegExp(`\\bLn ${typoLine}\\b`).test(
        await page.locator('.statusbar-item[id$="status.editor.selection"]').innerText(),
      ),
    );
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    const action = page.locator('.action-widget .monaco-list-row', { hasText: "Change to 'ExecStart'" }).first();
    await waitFor(
      'the quick fix "Change to \'ExecStart\'" in the menu',
      async () => {
        await page.keyboard.press('Control+.');
        try {
          await action.waitFor({ state: 'visible', timeout: 3000 });
          return true;
        } catch {
          /* try again */
        }
        await page.keyboard.press('Escape');
        return false;
      },
      { timeout: STEP_TIMEOUT, interval: 300 },
    );
    await shot(page, '05-quick-fix-menu');
    // Choose it with the keyboard (the menu takes focus): arrow down to it, then Enter.
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    await waitFor(
      '"Change to \'ExecStart\'" focused in the menu',
      async () => {
        if ((await focused.innerText()).includes("Change to 'ExecStart'")) return true;
        await page.keyboard.press('ArrowDown');
        return false;
      },
      { timeout: 5000, interval: 100 },
    );
    await page.keyboard.press('Enter');
    const lines = await waitFor('ExecStart=/bin/true in the editor', async () => {
      const l = await editorLines(page);
      return l?.includes('ExecStart=/bin/true') && !l.some((x) => x.startsWith('ExecStrat')) && l;
    });
    await waitFor(
      'the ExecStrat problem gone from the Problems panel',
      async () => !(await page.locator('.markers-panel').innerText()).includes('ExecStrat'),
    );
    await shot(page, '06-quick-fix-applied');
    return `line ${typoLine} now "${lines[typoLine - 1]}"`;
  });

  // (f) A snippet: in the empty nightly.timer, type the prefix "timer", Ctrl+Space, pick the snippet.
  await check('(f) snippet "timer" inserts a timer unit', async () => {
    await closeWidgets(page);
    await openFromExplorer(page, 'nightly.timer');
    await page.keyboard.type('timer');
    await waitFor('"timer" typed in the editor', async () => (await editorText(page)) === 'timer');
    const row = page
      .locator('.suggest-widget.visible .monaco-list-row', { has: page.locator('.codicon-symbol-snippet') })
      .filter({ has: page.locator('.label-name', { hasText: /^timer$/ }) })
      .first();
    await waitFor(
      'the "timer" snippet in the suggest widget',
      async () => {
        await page.keyboard.press('Control+Space');
        try {
          await row.waitFor({ state: 'visible', timeout: 3000 });
          return true;
        } catch {
          /* try again */
        }
        await page.keyboard.press('Escape');
        return false;
      },
      { timeout: STEP_TIMEOUT, interval: 300 },
    );
    await shot(page, '07-snippet-suggest');
    await row.click();
    const want = [
      '[Unit]',
      'Description=Run backup on a schedule',
      '[Timer]',
      'OnCalendar=daily',
      'Persistent=true',
      'Unit=backup.service',
      '[Install]',
      'WantedBy=timers.target',
    ];
    await waitFor('the timer unit in the editor', async () => {
      const l = await editorLines(page);
      return l && want.every((w) => l.includes(w));
    });
    await shot(page, '08-snippet-inserted');
    return `${want.length} expected lines present`;
  });

  // (g), (h) The other dialects: journald.conf and a .network file.
  const dialects = [
    {
      id: 'g',
      rel: JOURNALD_REL,
      text: JOURNALD,
      section: 1,
      prefix: 'Stor',
      want: 'Storage=',
      problem: "Invalid Storage= value 'sometimes'",
      dropIn: 'etc/systemd/journald.conf.d/10-e2e.conf',
      heading: 'journald.conf',
      value: '# SystemMaxUse=1G',
    },
    {
      id: 'h',
      rel: NETWORK_REL,
      text: NETWORK,
      section: 4,
      prefix: 'DHC',
      want: 'DHCP=',
      problem: "Invalid DHCP= value 'maybe'",
      dropIn: 'etc/systemd/network/10-lan.network.d/10-e2e.conf',
      heading: '10-lan.network',
      value: '# Name=eth0',
    },
  ];
  for (const d of dialects) {
    const name = d.rel.split('/').pop();
    await check(
      `(${d.id}1) ${name} opens in language mode systemd; Ctrl+Space after "${d.prefix}" offers ${d.want}`,
      async () => {
        await closeWidgets(page);
        await quickOpen(page, d.rel, d.text);
        await waitFor('language mode systemd', async () =>
          /systemd/i.test(await page.locator('.statusbar-item[id$="status.editor.mode"]').innerText()),
        );
        await goToLine(page, d.section);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.type(d.prefix);
        try {
          await waitFor(`"${d.prefix}" typed`, async () => (await editorLines(page))?.[d.section] === d.prefix);
          const labels = await waitFor(
            `${d.want} in the suggest widget`,
            async () => {
              await page.keyboard.press('Control+Space');
              try {
                await suggestRows(page).first().waitFor({ state: 'visible', timeout: 3000 });
                const l = await suggestLabels(page);
                if (l.some((x) => x.trim() === d.want)) return l;
              } catch {
                /* not yet */
              }
              await page.keyboard.press('Escape');
              return false;
            },
            { timeout: SERVER_READY_TIMEOUT, interval: 500 },
          );
          await shot(page, `1${d.id}-completion`);
          return `${labels.length} items: ${labels.slice(0, 4).join(', ')}`;
        } finally {
          await page.keyboard.press('Escape');
          await page
            .locator('.suggest-widget.visible')
            .waitFor({ state: 'hidden' })
            .catch(() => {});
          await page.keyboard.press('End');
          await page.keyboard.press('Shift+Home');
          await page.keyboard.press('Backspace');
          await page.keyboard.press('Backspace');
          await waitFor('the typed line removed', async () => (await editorText(page)) === d.text);
        }
      },
    );

    await check(`(${d.id}2) the Problems panel shows "${d.problem}" for ${name}`, async () => {
      await closeWidgets(page);
      const rows = page.locator('.markers-panel .monaco-list-row');
      if (
        !(await rows
          .first()
          .isVisible()
          .catch(() => false))
      )
        await page.keyboard.press('Control+Shift+M');
      const row = await waitFor(
        'the diagnostic in the Problems panel',
        async () => {
          for (const t of await rows.allInnerTexts()) if (t.includes(d.problem)) return t;
          return false;
        },
        { timeout: SERVER_READY_TIMEOUT },
      );
      await shot(page, `1${d.id}-problems`);
      return row.replace(/\s+/g, ' ').trim();
    });

    await check(`(${d.id}3) "systemd: Create Override" writes ${d.dropIn} in the workspace`, async () => {
      await closeWidgets(page);
      await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().click();
      await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
      await runCommand(page, 'systemd: Create Override');
      const box = page.locator('.quick-input-widget .quick-input-box input');
      await waitFor('the drop-in file name box', async () =>
        /drop-in file name/.test(await page.locator('.quick-input-widget').innerText()),
      );
      await box.fill('10-e2e');
      await page.keyboard.press('Enter');
      const path = join(workspace, d.dropIn);
      const text = await waitFor(`${d.dropIn} on disk`, () => existsSync(path) && readFileSync(path, 'utf8'), {
        timeout: STEP_TIMEOUT,
      });
      await page.locator(`.tabs-container .tab.active[aria-label*="10-e2e.conf"]`).waitFor({ timeout: STEP_TIMEOUT });
      await shot(page, `1${d.id}-create-override`);
      if (!text.startsWith(`# Drop-in for ${d.heading} (${path})`))
        fail(`unexpected start: ${JSON.stringify(text.slice(0, 120))}`);
      if (!text.includes(`# from ${join(workspace, d.rel)}:`) || !text.includes(d.value))
        fail(`the template does not show the current values: ${JSON.stringify(text)}`);
      const set = text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#') && !l.startsWith('['));
      if (set.length) fail(`the template sets something: ${JSON.stringify(set)}`);
      return `${d.dropIn}: ${text.split('\n').length} lines, all comments and section headers`;
    });
  }
}

await run(main);
