/** The generated syscall name table matches its data file (scripts/syscallNames.mjs regenerates both). */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syscallNameTables } from '../../server/src/values/syscallNames.generated.js';
import { syscallNames252 } from '../../server/src/values/syscall.js';
import { check } from './helpers.js';

describe('system call names', () => {
  it('the generated module is up to date with data/syscall-names-252.txt', () => {
    const names = readFileSync(join(__dirname, '../../data/syscall-names-252.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(syscallNameTables().SYSCALL_NAMES_252).toEqual(names);
    for (const n of ['read', 'openat', 'socketcall', 'cachestat', 'sysmips'])
      expect(syscallNames252().has(n)).toBe(true);
  });
  it('warns about a name systemd 252 does not know, by target version', () => {
    expect(check('Service.SystemCallFilter', 'read frobnicate').map((p) => p.severity)).toEqual(['warning']);
    expect(check('Service.SystemCallFilter', 'mseal', 252).map((p) => p.severity)).toEqual(['warning']);
    expect(check('Service.SystemCallFilter', 'mseal', 260)).toEqual([]);
    expect(check('Service.SystemCallLog', 'redd')[0]?.suggestions).toEqual(['read']);
  });
});
