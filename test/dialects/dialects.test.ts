/**
 * The dialect mechanism: which dialect a file is read in (names, folders, content), every key with our own summary,
 * and the features asking the dialect (completion, hover, outline, folding), the merged view and the CLI.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileKindOf, dialectOfFile } from '../../server/src/units/fileKind.js';
import {
  generatedDialects,
  dialectById,
  unitDialect,
  MANAGER_DIALECT,
  PENDING_DIALECT_IDS,
} from '../../server/src/catalog/dialects.js';
import { dialectTables, GENERATED_DIALECT_IDS } from '../../server/src/catalog/dialects.generated.js';
import { getCompletions } from '../../server/src/services/completion.js';
import { getHover } from '../../server/src/services/hover.js';
import { getDocumentSymbols } from '../../server/src/services/symbols.js';
import { getFoldingRanges } from '../../server/src/services/folding.js';
import { createDocument } from '../../server/src/services/document.js';
import { mergeConfig, renderConfig } from '../../server/src/units/configHierarchy.js';
import { main } from '../../server/src/cli.js';
import { withCursor } from '../support/cursor.js';

const dialectOf = (path: string, text?: string): string | undefined => {
  const k = fileKindOf(path, text);
  return k.kind === 'config' ? `${k.dialect}${k.dropIn ? ' drop-in' : ''}` : k.kind;
};

describe('which dialect a file is read in', () => {
  it('daemon configs by name, their .conf.d/ drop-ins, journal namespaces', () => {
    expect(dialectOf('/etc/systemd/journald.conf')).toBe('journald');
    expect(dialectOf('/ws/journald.conf')).toBe('journald');
    expect(dialectOf('/etc/systemd/journald@audit.conf')).toBe('journald');
    expect(dialectOf('/usr/lib/systemd/journald.conf.d/10-vendor.conf')).toBe('journald drop-in');
    expect(dialectOf('/etc/systemd/logind.conf.d/x.conf')).toBe('logind drop-in');
    expect(dialectOf('/etc/systemd/resolved.conf')).toBe('resolved');
    expect(dialectOf('/etc/systemd/networkd.conf')).toBe('networkd');
  });

  it('generic names only in their folder: sleep.conf in systemd/, udev.conf in udev/, install.conf in kernel/', () => {
    expect(dialectOf('/etc/systemd/sleep.conf')).toBe('sleep');
    expect(dialectOf('/home/me/sleep.conf')).toBe('other');
    expect(dialectOf('/etc/udev/udev.conf')).toBe('udev');
    expect(dialectOf('/srv/udev.conf')).toBe('other');
    expect(dialectOf('/etc/kernel/install.conf')).toBe('kernel-install');
    expect(dialectOf('/etc/install.conf')).toBe('other');
    expect(dialectOf('/etc/sysctl.d/10-x.conf')).toBe('other');
  });

  it('networkd files by suffix, with drop-ins; units and system.conf keep their kinds', () => {
    expect(dialectOf('/etc/systemd/network/10-lan.network')).toBe('network');
    expect(dialectOf('/etc/systemd/network/10-lan.network.d/mtu.conf')).toBe('network drop-in');
    expect(dialectOf('/usr/lib/systemd/network/99-default.link')).toBe('link');
    expect(dialectOf('/ws/etc/systemd/network/vlan.netdev')).toBe('netdev');
    expect(fileKindOf('/etc/systemd/system/foo.service')).toEqual({
      kind: 'unit',
      unitType: 'service',
      unitName: 'foo.service',
    });
    expect(fileKindOf('/etc/systemd/system.conf')).toEqual({ kind: 'manager', scope: 'system', dropIn: false });
    expect(dialectOfFile(fileKindOf('/x/foo.timer'))).toBe(unitDialect('timer'));
    expect(dialectOfFile(fileKindOf('/etc/systemd/user.conf'))).toBe(MANAGER_DIALECT);
  });

  it('a .network of Podman Quadlet is never networkd: by folder (containers/systemd/) or by content', () => {
    expect(dialectOf('/etc/containers/systemd/web.network')).toBe('quadlet-network');
    expect(dialectOf('/home/u/.config/containers/systemd/sub/web.network')).toBe('quadlet-network');
    expect(dialectOf('/etc/containers/systemd/web.network.d/x.conf')).toBe('quadlet-network drop-in');
    const quadlet = '[Network]\nSubnet=10.89.0.0/24\n';
    expect(dialectOf('/ws/web.network', quadlet)).toBe('quadlet-network');
    expect(dialectOf('/ws/web.network', '[Match]\nName=eth0\n[Network]\nDHCP=yes\n')).toBe('network');
    // In networkd's own folder the folder wins over a file that merely has a [Network] section.
    expect(dialectOf('/etc/systemd/network/web.network', '[Network]\nDHCP=yes\n')).toBe('network');
    // Quadlet-only sections rule networkd out even there; a [Match] section rules Quadlet out ([Match] Driver=veth).
    expect(dialectOf('/etc/systemd/network/web.network', '[Network]\n[Install]\nWantedBy=default.target\n')).toBe(
      'quadlet-network',
    );
    expect(
      dialectOf('/usr/lib/systemd/network/80-vb.network', '[Match]\nName=vb-*\nDriver=veth\n[Network]\nLLDP=yes\n'),
    ).toBe('network');
  });

  it('dialects are values: every generated table has its dialect, recognition and sections', () => {
    const ids = generatedDialects().map((d) => d.id);
    const tableIds = Object.keys(dialectTables().DIALECT_TABLES);
    expect([...GENERATED_DIALECT_IDS].sort()).toEqual([...tableIds].sort());
    for (const id of tableIds) expect(ids).toContain(id);
    for (const d of generatedDialects()) {
      expect(d.sections.length + (d.sectionless ? 1 : 0), d.id).toBeGreaterThan(0);
      expect(d.recognition.names?.length || d.recognition.suffixes?.length, d.id).toBeTruthy();
    }
    expect(dialectById('network')?.section('Route')?.repeatable).toBe(true);
    expect(dialectById('network')?.section('Network')?.repeatable).toBe(false);
    expect(dialectById('network')?.sections).not.toContain('IPoIB');
    expect(dialectById('netdev')?.section('VLAN')?.netdevKinds).toEqual(['vlan']);
    // Dialects still without summaries are not offered at all (the generator refuses a partial table).
    for (const id of PENDING_DIALECT_IDS) expect(dialectById(id)).toBeUndefined();
  });
});

describe('our own one-line summary for every key', () => {
  it('no key of any generated dialect lacks a summary', () => {
    const missing: string[] = [];
    let n = 0;
    for (const d of generatedDialects()) {
      for (const s of [...d.knownSections(), ...(d.sectionless ? [''] : [])]) {
        for (const info of d.directivesInSection(s)) {
          n++;
          if (!info.summary || info.summary.length < 8) missing.push(`${d.id} ${s}.${info.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(n).toBeGreaterThan(1100);
  });
});

describe('features ask the dialect', () => {
  it('completion: the dialect sections and keys, values by kind', () => {
    const c = (path: string, text: string): string[] => {
      const { doc, offset } = withCursor(path, text);
      return getCompletions(doc, offset, { targetVersion: 260 }).map((x) => x.label);
    };
    expect(c('/etc/systemd/journald.conf', '[Journal]\nSto$0')).toContain('Storage=');
    expect(c('/etc/systemd/journald.conf', '[Journal]\nSto$0')).not.toContain('ExecStart=');
    expect(c('/etc/systemd/journald.conf', '[Journal]\nStorage=$0')).toEqual(
      expect.arrayContaining(['auto', 'volatile', 'persistent', 'none']),
    );
    expect(c('/etc/systemd/journald.conf', '$0')).toContain('[Journal]');
    expect(c('/etc/systemd/network/a.network', '$0')[0]).toBe('[Match]');
    expect(c('/etc/systemd/network/a.network', '[Route]\n$0')).toContain('Gateway=');
    expect(c('/etc/udev/udev.conf', 'udev_$0')).toContain('udev_log=');
    expect(c('/etc/systemd/resolved.conf', '[Resolve]\nDNS=%$0')).toEqual([]);
  });

  it('hover: our summary for a key, the repeatable and per-kind sections', () => {
    const h = (path: string, text: string): string => {
      const { doc, offset } = withCursor(path, text);
      return getHover(doc, offset, { manPages: false })?.markdown ?? '';
    };
    expect(h('/etc/systemd/journald.conf', '[Journal]\nSto$0rage=auto\n')).toContain('Where the journal is kept');
    expect(h('/etc/systemd/logind.conf.d/x.conf', '[Login]\nHandleLid$0Switch=ignore\n')).toContain('closing the lid');
    expect(h('/etc/systemd/network/a.network', '[Rou$0te]\nGateway=10.0.0.1\n')).toContain('starts a new object');
    expect(h('/etc/systemd/network/a.netdev', '[VL$0AN]\nId=1\n')).toContain('`vlan`');
  });

  it('outline and folding work on every dialect (no file-extension switch)', () => {
    const doc = createDocument(
      '/etc/systemd/network/a.network',
      '[Match]\nName=eth0\n\n[Address]\nAddress=10.0.0.1/24\n\n[Address]\nAddress=10.0.0.2/24\n',
    );
    expect(getDocumentSymbols(doc).map((s) => s.name)).toEqual(['[Match]', '[Address]', '[Address]']);
    expect(getFoldingRanges(doc).length).toBe(3);
  });
});

describe('merged view (effective)', () => {
  it('repeatable sections stay separate objects; other sections merge by key and list mode', () => {
    const network = dialectById('network')!;
    const view = mergeConfig(network, [
      {
        path: '/etc/systemd/network/a.network',
        text: '[Match]\nName=eth0\n[Network]\nDNS=1.1.1.1\nDHCP=no\n[Route]\nGateway=10.0.0.1\n',
      },
      {
        path: '/etc/systemd/network/a.network.d/x.conf',
        text: '[Network]\nDNS=9.9.9.9\nDHCP=yes\n[Route]\nGateway=10.0.0.2\n',
      },
    ]);
    expect(view.map((s) => s.name)).toEqual(['Match', 'Network', 'Route', 'Route']);
    const net = view[1]!.entries;
    expect(net.find((e) => e.key === 'DNS')!.values.map((v) => v.value)).toEqual(['1.1.1.1', '9.9.9.9']);
    expect(net.find((e) => e.key === 'DHCP')!.values.map((v) => v.value)).toEqual(['yes']);
    const text = renderConfig(view, { title: 'a.network' });
    expect(text).toContain(
      '# from /etc/systemd/network/a.network.d/x.conf:3, overrides /etc/systemd/network/a.network:5\nDHCP=yes',
    );
  });
});

describe('the CLI checks and merges dialect files', () => {
  const run = (args: string[]): { code: number; out: string; err: string } => {
    let out = '';
    let err = '';
    const code = main(args, {
      stdout: (s) => {
        out += s;
      },
      stderr: (s) => {
        err += s;
      },
    });
    return { code, out, err };
  };
  const dir = mkdtempSync(join(tmpdir(), 'sdu-dialects-'));
  const put = (p: string, t: string): void => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), t);
  };
  put('etc/systemd/journald.conf', '[Journal]\nStorage=persisent\n');
  put('etc/systemd/journald.conf.d/size.conf', '[Journal]\nSystemMaxUse=1G\n');
  put('etc/systemd/network/10-lan.network', '[Match]\nName=eth0\n[Network]\nDHCP=yes\n');
  put('etc/systemd/network/20-x.netdev', '[NetDev]\nDescription=x\n');
  put('etc/containers/systemd/web.network', '[Network]\nSubnet=10.89.0.0/24\n');

  it('check walks them, with the same JSON and exit codes', () => {
    const r = run(['check', '--format', 'json', dir]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out) as { file: string; code: string }[];
    expect(findings.map((f) => `${f.file.slice(dir.length + 1)} ${f.code}`).sort()).toEqual([
      'etc/systemd/journald.conf invalid-value',
      'etc/systemd/network/20-x.netdev file-missing-required-key',
      'etc/systemd/network/20-x.netdev file-missing-required-key',
    ]);
    // The .network in containers/systemd/ is Podman Quadlet's (no error), not networkd's.
    expect(run(['check', dir]).err).toMatch(/^5 file\(s\) checked: 3 error\(s\)/m);
  });

  it('effective merges the main file and its drop-ins with origins', () => {
    const r = run(['effective', '--root', dir, 'journald.conf']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`# from ${join(dir, 'etc/systemd/journald.conf.d/size.conf')}:2\nSystemMaxUse=1G`);
    const f = run(['effective', join(dir, 'etc/systemd/network/10-lan.network'), '--files']);
    expect(f.out).toBe(`main     ${join(dir, 'etc/systemd/network/10-lan.network')}\n`);
  });
});
