/**
 * fd-hint-duplicate only between socket units installed together (one folder, or one unit search path), never
 * between units that were only opened (or passed to the CLI) together, and never a unit against itself.
 */
import { describe, it, expect } from 'vitest';
import { createLanguageService, defaultSettings, type SystemdDocument } from '../../server/src/languageService.js';

const SOCKET = '[Socket]\nListenStream=0.0.0.0:1883\nFileDescriptorName=socket(2,1,6)=0\nService=mosquitto.service\n';

function duplicates(paths: string[]): string[] {
  const docs: SystemdDocument[] = [];
  const service = createLanguageService({
    settings: () => defaultSettings(),
    openDocuments: () => docs,
    kernelWatchdogLimits: () => undefined,
  });
  for (const p of paths) docs.push(service.parse(p, SOCKET));
  return docs.flatMap((d) =>
    service
      .getDiagnostics(d)
      .filter((x) => x.code === 'fd-hint-duplicate')
      .map(() => d.path),
  );
}

describe('fd-hint-duplicate', () => {
  it('is reported for two sockets in one folder', () => {
    expect(duplicates(['/nonexistent/h15/a/one.socket', '/nonexistent/h15/a/two.socket'])).toEqual([
      '/nonexistent/h15/a/one.socket',
      '/nonexistent/h15/a/two.socket',
    ]);
  });
  it('is reported across the folders of one unit search path', () => {
    expect(
      duplicates([
        '/nonexistent/h15/root/etc/systemd/system/one.socket',
        '/nonexistent/h15/root/usr/lib/systemd/system/two.socket',
      ]),
    ).toHaveLength(2);
  });
  it('is not reported for sockets in unrelated folders, or for one unit seen twice', () => {
    expect(duplicates(['/nonexistent/h15/a/one.socket', '/nonexistent/h15/b/two.socket'])).toEqual([]);
    expect(
      duplicates([
        '/nonexistent/h15/root/etc/systemd/system/one.socket',
        '/nonexistent/h15/root/usr/lib/systemd/system/one.socket',
      ]),
    ).toEqual([]);
    expect(
      duplicates([
        '/nonexistent/h15/root/etc/systemd/system/one.socket',
        '/nonexistent/h15/other/etc/systemd/system/two.socket',
      ]),
    ).toEqual([]);
  });
});
