import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDefinition } from '../../server/src/services/definition.js';
import { UnitIndex } from '../../server/src/units/unitIndex.js';
import { withCursor } from '../support/cursor.js';

// A workspace folder and a stand-in for the system's unit folder, both real folders on disk.
let ws = '';
let sys = '';
let index: UnitIndex;

const file = (path: string, text = '[Unit]\n') => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'sdu-def-'));
  ws = join(root, 'ws');
  sys = join(root, 'sys');
  for (const f of [
    'app.service',
    'db.service',
    'getty@.service',
    'nested/deep/worker.service',
    'app.service.d/override.conf',
  ])
    file(join(ws, f));
  file(join(sys, 'app.service'));
  file(join(sys, 'multi-user.target'));
  index = new UnitIndex([sys]);
  index.setRoots([ws], []);
});
afterAll(() => rmSync(dirname(ws), { recursive: true, force: true }));

/** The files go to definition offers at `$0`, as paths (and each uri must be the path's file URL). */
const definition = (path: string, text: string): string[] => {
  const { doc, offset } = withCursor(path, text);
  const targets = getDefinition(doc, offset, index);
  for (const t of targets) expect(t.uri).toBe(pathToFileURL(t.path).href);
  return targets.map((t) => t.path);
};

describe('go to definition', () => {
  it('goes from a unit name in a dependency to its files, workspace first, then the system folders', () => {
    expect(definition('/x/web.service', '[Unit]\nAfter=db.service ap$0p.service\n')).toEqual([
      join(ws, 'app.service'),
      join(sys, 'app.service'),
    ]);
    expect(definition('/x/web.service', '[Unit]\nAfter=$0db.service app.service\n')).toEqual([join(ws, 'db.service')]);
    expect(definition('/x/web.service', '[Install]\nWantedBy=multi-user.targ$0et\n')).toEqual([
      join(sys, 'multi-user.target'),
    ]);
  });

  it('finds units in nested workspace folders', () => {
    expect(definition('/x/web.service', '[Unit]\nRequires=worker.serv$0ice\n')).toEqual([
      join(ws, 'nested/deep/worker.service'),
    ]);
  });

  it('goes from an instance to its template', () => {
    expect(definition('/x/web.service', '[Unit]\nWants=getty@tt$0y1.service\n')).toEqual([join(ws, 'getty@.service')]);
  });

  it('offers nothing on the directive name, an unknown unit, or a value that does not name units', () => {
    expect(definition('/x/web.service', '[Unit]\nAft$0er=app.service\n')).toEqual([]);
    expect(definition('/x/web.service', '[Unit]\nAfter=no$0pe.service\n')).toEqual([]);
    expect(definition('/x/web.service', '[Unit]\nDescription=app$0.service\n')).toEqual([]);
  });

  it('goes from anywhere in a drop-in to the unit it applies to, and from a unit name in it to that unit', () => {
    const dropin = join(ws, 'app.service.d/override.conf');
    expect(definition(dropin, '[Service]\nEnvironment=A$0=1\n')).toEqual([
      join(ws, 'app.service'),
      join(sys, 'app.service'),
    ]);
    expect(definition(dropin, '[Unit]\nAfter=d$0b.service\n')).toEqual([join(ws, 'db.service')]);
  });

  it('offers nothing from type-level and prefix drop-ins, which apply to many units', () => {
    expect(definition(join(ws, 'service.d/10-all.conf'), '[Service]\nEnvironment=A$0=1\n')).toEqual([]);
    expect(definition(join(ws, 'app-.service.d/10-prefix.conf'), '[Service]\nEnvironment=A$0=1\n')).toEqual([]);
  });
});
