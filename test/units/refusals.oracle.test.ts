/**
 * Oracle for the whole-unit refusals (services/rules/timer.ts, socket.ts, path.ts, mount.ts, slice.ts,
 * unitLoad.ts, service.ts): every fixture under test/fixtures/diagnostics/refusals/ is verified alone with
 * systemd-analyze (252 on CI), and systemd refuses it exactly when the fixture expects one of our refusal errors.
 * Slow tier (one systemd-analyze run per fixture). Fails when systemd-analyze is missing: CI has it.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnnotations } from '../support/annotations.js';

const FIXTURES = join(__dirname, '../fixtures/diagnostics/refusals');
const REFUSAL_CODES = new Set([
  'timer-missing-trigger',
  'socket-missing-listen',
  'socket-accept-conflict',
  'socket-symlinks-target',
  'path-missing-watch',
  'unit-name-path-mismatch',
  'mount-missing-what',
  'mount-api-path',
  'slice-invalid-name',
  'pam-kill-mode',
  'on-failure-isolate',
  'service-missing-exec-start',
  'service-multiple-exec-start',
  'service-invalid-combination',
]);
/** What systemd 252 prints when it does not load a unit. */
const REFUSED =
  /Refusing\.|bad unit file setting|not loading|failed to load properly|Failed to load unit file|Failed to prepare filename/;

describe('whole-unit refusals agree with systemd-analyze verify', () => {
  const files = readdirSync(FIXTURES).sort();
  it('has systemd-analyze', () => {
    expect(spawnSync('systemd-analyze', ['--version']).status).toBe(0);
  });
  for (const name of files) {
    it(name, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const expectRefused = parseAnnotations(text).expected.some(
        (e) => e.severity === 'error' && REFUSAL_CODES.has(e.code),
      );
      const dir = mkdtempSync(join(tmpdir(), 'refusals-oracle-'));
      try {
        copyFileSync(join(FIXTURES, name), join(dir, name));
        // Triggered units exist, so that only the unit itself is judged.
        const stem = name.replace(/\.[a-z]+$/, '');
        for (const svc of [`${stem}.service`, `${stem}@.service`, 'backup.service', 'other.service']) {
          if (svc !== name) writeFileSync(join(dir, svc), '[Service]\nExecStart=/bin/true\n');
        }
        const r = spawnSync('systemd-analyze', ['verify', '--man=no', '--generators=no', join(dir, name)], {
          encoding: 'utf8',
          timeout: 30000,
          env: { ...process.env, SYSTEMD_UNIT_PATH: `${dir}:` },
        });
        const out = `${r.stdout}${r.stderr}`;
        expect({ refused: REFUSED.test(out), out }).toMatchObject({ refused: expectRefused });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
