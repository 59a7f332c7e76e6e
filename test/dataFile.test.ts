import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The generated tables a process of the bundled CLI reads, in order (a preloaded hook logs fs.readFileSync). */
function tablesRead(args: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sdu-data-'));
  const hook = join(dir, 'hook.cjs');
  writeFileSync(
    hook,
    `const fs = require('fs'); const read = fs.readFileSync;
fs.readFileSync = function (p, ...rest) { if (typeof p === 'string' && p.endsWith('.generated.json')) process.stderr.write('TABLE ' + p + '\\n'); return read.call(this, p, ...rest); };`,
  );
  const r = spawnSync(process.execPath, ['-r', hook, 'dist/cli.js', ...args], { encoding: 'utf8' });
  return [...r.stderr.matchAll(/^TABLE (.*)$/gm)].map((m) => m[1]!.replace(/^.*\/dist\/data\//, ''));
}

describe('generated tables are read on first use (util/dataFile.ts)', () => {
  it('loading the modules reads neither the dialects nor the value versions nor the system call names', () => {
    const read = tablesRead(['--help']);
    expect(read.length).toBeGreaterThan(0); // the hook works: the security checks name diagnostic codes
    for (const t of read)
      expect(t).toMatch(/^(services\/security\/securityData|catalog\/catalogData)\.generated\.json$/);
  });

  it('checking a .network file reads the dialect tables, from dist/data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdu-data-'));
    writeFileSync(join(dir, '10-lan.network'), '[Match]\nName=eth0\n[Network]\nDHCP=yes\n');
    const read = tablesRead(['check', join(dir, '10-lan.network')]);
    expect(read).toContain('catalog/dialects.generated.json');
    expect(read).not.toContain('values/syscallNames.generated.json');
    expect(new Set(read).size).toBe(read.length); // each read once
  });
});
