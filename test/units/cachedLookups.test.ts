import { describe, it, expect } from 'vitest';
import { cachedLookups, memoryFs, type HierarchyFs } from '../../server/src/units/hierarchy.js';

function counting(fs: HierarchyFs): { fs: HierarchyFs; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const count =
    <A extends unknown[], R>(name: string, f: (...a: A) => R) =>
    (...a: A): R => {
      calls[name] = (calls[name] ?? 0) + 1;
      return f(...a);
    };
  return {
    calls,
    fs: {
      lstat: count('lstat', (p: string) => fs.lstat(p)),
      readlink: count('readlink', (p: string) => fs.readlink(p)),
      readdir: count('readdir', (p: string) => fs.readdir(p)),
      readFile: count('readFile', (p: string) => fs.readFile(p)),
    },
  };
}

describe('cachedLookups (units/hierarchy.ts)', () => {
  const tree = { '/etc/systemd/system/a.service': '[Service]\n', '/etc/systemd/system/a.service.d/x.conf': '' };

  it('answers repeated lookups from the cache, within the lifetime, and reads file contents through', () => {
    let t = 0;
    const { fs, calls } = counting(memoryFs(tree));
    const c = cachedLookups(fs, 2000, () => t);
    for (let i = 0; i < 5; i++) {
      expect(c.readdir('/etc/systemd/system')?.sort()).toEqual(['a.service', 'a.service.d']);
      expect(c.lstat('/etc/systemd/system/a.service')?.type).toBe('file');
      expect(c.readFile('/etc/systemd/system/a.service')).toBe('[Service]\n');
    }
    // A regular file's lstat is never kept (its size decides whether it masks); folders and absent paths are.
    for (let i = 0; i < 5; i++) {
      expect(c.lstat('/etc/systemd/system/a.service.d')?.type).toBe('dir');
      expect(c.lstat('/etc/systemd/system/b.service')).toBeUndefined();
    }
    expect(calls).toEqual({ readdir: 1, lstat: 7, readFile: 5 });
    t = 2500; // past the lifetime: looked up again
    c.readdir('/etc/systemd/system');
    expect(calls.readdir).toBe(2);
  });

  it('forgets everything on clear() (a file changed), and hands each caller its own list', () => {
    const { fs, calls } = counting(memoryFs(tree));
    const c = cachedLookups(fs, 60_000, () => 0);
    c.readdir('/etc/systemd/system')!.push('mutated');
    expect(c.readdir('/etc/systemd/system')).not.toContain('mutated');
    c.clear();
    c.readdir('/etc/systemd/system');
    expect(calls.readdir).toBe(2);
  });
});
