/**
 * Drop-ins first for the other dialects (issue 13): Create Override, Show Drop-ins, Show Effective Config and Move to
 * Drop-in on journald.conf, .network files and their drop-ins, through the facade's server commands, on a temporary
 * workspace that mirrors a root. Where the drop-in goes comes from units/writeTarget.ts (`configDropIn`).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  createLanguageService,
  SERVER_COMMANDS,
  writeTargets,
  rootOfConfigPath,
  dialectById,
  planConfigMove,
  diffConfig,
  conffileInfo,
  dpkgConffiles,
  ShippedCache,
  type CommandPlan,
  type SystemdDocument,
  type WriteTargetFs,
} from '../../server/src/languageService.js';

let ws = '';
const put = (rel: string, text: string): void => {
  mkdirSync(dirname(join(ws, rel)), { recursive: true });
  writeFileSync(join(ws, rel), text);
};

const SHIPPED_LAN = '[Match]\nName=en*\n\n[Network]\nDHCP=yes\nDNS=192.0.2.53\n\n[Address]\nAddress=192.0.2.10/24\n';

beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'cfgcmd-'));
  put('etc/systemd/journald.conf', '[Journal]\n#Storage=auto\nStorage=persistent\nSystemMaxUse=1G\n');
  put('usr/lib/systemd/journald.conf.d/10-vendor.conf', '[Journal]\nCompress=no\nSystemMaxUse=2G\n');
  put(
    'etc/systemd/network/10-lan.network',
    '[Match]\nName=eth0\n\n[Network]\nDNS=192.0.2.1\n\n[Address]\nAddress=192.0.2.5/24\n',
  );
  put(
    'etc/systemd/network/10-lan.network.d/dns.conf',
    '[Network]\nDNS=192.0.2.2\n\n[Address]\nAddress=198.51.100.5/24\n',
  );
  put('usr/lib/systemd/network/80-lan.network', SHIPPED_LAN);
  put('project/wg0.netdev', '[NetDev]\nName=wg0\nKind=wireguard\n');
  put('etc/systemd/nspawn/box.nspawn', '[Exec]\nBoot=yes\n');
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

function service(open: Record<string, string> = {}, shipped?: Record<string, string>) {
  const docs: SystemdDocument[] = [];
  const s = createLanguageService({
    workspaceFolders: () => [ws],
    openDocuments: () => docs,
    shipped: shipped
      ? (path, text) =>
          shipped[path] !== undefined
            ? {
                path,
                source: 'git',
                from: 'the last commit (git HEAD)',
                text: shipped[path],
                differs: shipped[path] !== text,
              }
            : undefined
      : () => undefined,
  });
  for (const [p, t] of Object.entries(open)) docs.push(s.parse(p, t));
  return s;
}

function write(plan: CommandPlan): Extract<CommandPlan, { kind: 'write' }> {
  if (plan.kind !== 'write') throw new Error(`expected a write plan, got ${JSON.stringify(plan)}`);
  return plan;
}
function text(plan: CommandPlan): string {
  if (plan.kind !== 'text') throw new Error(`expected text, got ${JSON.stringify(plan)}`);
  return plan.text;
}

describe('Create Override for a dialect file', () => {
  it("journald.conf: a drop-in in the mirror's etc/systemd/journald.conf.d/, with the effective values as comments", () => {
    const p = write(service().planCommand(SERVER_COMMANDS.createOverride, [join(ws, 'etc/systemd/journald.conf')]));
    expect(p.target.folder).toBe(join(ws, 'etc/systemd/journald.conf.d'));
    expect(p.target).toMatchObject({ isDefault: true, live: false, ofDocument: true, needsConfirmation: false });
    expect(p.files).toHaveLength(1);
    expect(p.files[0]!.path).toBe(join(ws, 'etc/systemd/journald.conf.d/override.conf'));
    const c = p.files[0]!.content;
    expect(c).toContain('# Drop-in for journald.conf');
    expect(c).toContain('[Journal]\n');
    expect(c).toContain(`# from ${ws}/etc/systemd/journald.conf:3\n# Storage=persistent\n`);
    // The vendor drop-in comes after the main file: its value is the effective one.
    expect(c).toContain(`# from ${ws}/usr/lib/systemd/journald.conf.d/10-vendor.conf:3\n# SystemMaxUse=2G\n`);
    expect(p.notes.join('\n')).toContain('systemctl restart systemd-journald');
    // What it writes is a valid drop-in: no diagnostics.
    const s = service();
    expect(s.getDiagnostics(s.parse(p.files[0]!.path, c))).toEqual([]);
  });

  it('a vendor .network: the drop-in goes to etc/systemd/network/NAME.network.d/, never next to the vendor file', () => {
    const p = write(
      service().planCommand(SERVER_COMMANDS.createOverride, [
        join(ws, 'usr/lib/systemd/network/80-lan.network'),
        '50-mine.conf',
      ]),
    );
    expect(p.files[0]!.path).toBe(join(ws, 'etc/systemd/network/80-lan.network.d/50-mine.conf'));
    expect(p.files[0]!.content).toContain('# Name=en*');
    expect(p.files[0]!.content).toContain('[Address]: each header written here adds one more object');
    expect(p.notes.join('\n')).toContain('networkctl reload');
  });

  it('from a drop-in of a .network: the same folder; an existing name is refused, nothing replaced', () => {
    const drop = join(ws, 'etc/systemd/network/10-lan.network.d/dns.conf');
    const p = write(service().planCommand(SERVER_COMMANDS.createOverride, [drop]));
    expect(p.target.folder).toBe(join(ws, 'etc/systemd/network/10-lan.network.d'));
    const taken = service().planCommand(SERVER_COMMANDS.createOverride, [drop, 'dns.conf']);
    expect(taken.kind).toBe('error');
    expect((taken as { message: string }).message).toContain('already exists');
  });

  it("a file outside the dialect's folders gets its drop-in folder next to it", () => {
    const p = write(service().planCommand(SERVER_COMMANDS.createOverride, [join(ws, 'project/wg0.netdev')]));
    expect(p.target.folder).toBe(join(ws, 'project/wg0.netdev.d'));
    expect(p.target.isDefault).toBe(true);
    expect(p.files[0]!.content).toContain('# Kind=wireguard');
  });

  it('a dialect without drop-ins (.nspawn) says so', () => {
    const p = service().planCommand(SERVER_COMMANDS.createOverride, [join(ws, 'etc/systemd/nspawn/box.nspawn')]);
    expect(p).toMatchObject({ kind: 'error' });
    expect((p as { message: string }).message).toContain('no drop-ins');
  });
});

describe('write targets of a dialect drop-in (units/writeTarget.ts)', () => {
  const probe = (existing: string[]): WriteTargetFs => ({
    exists: (p) => existing.some((e) => e === p || e.startsWith(`${p}/`)),
    isDir: () => true,
    canWrite: () => false,
  });
  const dirs = dialectById('journald')!.recognition.searchDirs!;

  it('on the live system: /etc/systemd/journald.conf.d, never preselected, always confirmed', () => {
    const t = writeTargets({
      documentPath: '/usr/lib/systemd/journald.conf',
      workspaceFolders: [],
      write: { kind: 'configDropIn', name: 'journald.conf', dirs },
      scope: 'system',
      fs: probe(['/etc/systemd']),
    });
    expect(t.defaultTarget).toBeUndefined();
    expect(t.targets.map((x) => x.folder)).toEqual(['/etc/systemd/journald.conf.d']);
    // The document's own root (as for units): taken without a picker, and still confirmed by name before writing.
    expect(t.targets[0]).toMatchObject({ live: true, needsConfirmation: true, isDefault: false, ofDocument: true });
  });

  it('a workspace mirror first and default, the live system last', () => {
    const t = writeTargets({
      documentPath: '/ws/lib/systemd/journald.conf',
      workspaceFolders: ['/other', '/ws'],
      write: { kind: 'configDropIn', name: 'journald.conf', dirs },
      scope: 'system',
      fs: probe(['/ws/lib/systemd/journald.conf', '/other/etc/systemd/system']),
    });
    expect(t.targets.map((x) => x.folder)).toEqual([
      '/ws/etc/systemd/journald.conf.d',
      '/other/etc/systemd/journald.conf.d',
      '/etc/systemd/journald.conf.d',
    ]);
    expect(t.defaultTarget?.folder).toBe('/ws/etc/systemd/journald.conf.d');
    expect(t.targets[2]).toMatchObject({ live: true, needsConfirmation: true });
  });

  it('the root of a dialect path, usr/lib before lib', () => {
    expect(
      rootOfConfigPath(
        '/ws/usr/lib/systemd/network/a.network',
        'a.network',
        dialectById('network')!.recognition.searchDirs!,
      ),
    ).toEqual({ root: '/ws', dir: 'usr/lib/systemd/network' });
    expect(
      rootOfConfigPath(
        '/etc/systemd/network/a.network.d/x.conf',
        'a.network',
        dialectById('network')!.recognition.searchDirs!,
      ),
    ).toEqual({ root: '/', dir: 'etc/systemd/network' });
    expect(
      rootOfConfigPath('/ws/a.network', 'a.network', dialectById('network')!.recognition.searchDirs!),
    ).toBeUndefined();
  });
});

describe('Show Drop-ins and Show Effective Config', () => {
  it('merges journald.conf with its drop-ins, every value with its origin', () => {
    const t = text(service().planCommand(SERVER_COMMANDS.showEffectiveUnit, [join(ws, 'etc/systemd/journald.conf')]));
    expect(t).toContain(
      `#   ${ws}/etc/systemd/journald.conf\n#   ${ws}/usr/lib/systemd/journald.conf.d/10-vendor.conf (vendor)\n`,
    );
    expect(t).toContain(
      `# from ${ws}/usr/lib/systemd/journald.conf.d/10-vendor.conf:3, overrides ${ws}/etc/systemd/journald.conf:4\nSystemMaxUse=2G\n`,
    );
    expect(t).toContain('Storage=persistent\n');
  });

  it('a .network: lists grow, repeatable sections stay one object per header (also from a drop-in)', () => {
    const t = text(
      service().planCommand(SERVER_COMMANDS.showEffectiveUnit, [
        join(ws, 'etc/systemd/network/10-lan.network.d/dns.conf'),
      ]),
    );
    expect(t).toContain('DNS=192.0.2.1\n');
    expect(t).toContain('DNS=192.0.2.2\n');
    expect(t.match(/^\[Address\]$/gm)).toHaveLength(2);
  });

  it("lists the main file and the drop-ins in systemd's order", () => {
    const t = text(service().planCommand(SERVER_COMMANDS.showDropIns, [join(ws, 'etc/systemd/journald.conf')]));
    expect(t).toBe(
      `# journald.conf\nmain file: ${ws}/etc/systemd/journald.conf\n1. ${ws}/usr/lib/systemd/journald.conf.d/10-vendor.conf (vendor)\n`,
    );
  });
});

describe('Move to Drop-in on a vendor dialect file', () => {
  const vendor = (): string => join(ws, 'usr/lib/systemd/network/80-lan.network');
  const edited =
    SHIPPED_LAN.replace('DHCP=yes', 'DHCP=ipv4').replace('DNS=192.0.2.53\n', 'DNS=192.0.2.53\nDNS=192.0.2.54\n') +
    '\n[Route]\nGateway=192.0.2.1\n';

  it('moves every change into etc/…/80-lan.network.d/ and puts the vendor file back as shipped', () => {
    const p = write(
      service({ [vendor()]: edited }, { [vendor()]: SHIPPED_LAN }).planCommand(SERVER_COMMANDS.moveToDropIn, [
        vendor(),
      ]),
    );
    expect(p.files[0]!.path).toBe(join(ws, 'etc/systemd/network/80-lan.network.d/50-moved-from-vendor.conf'));
    expect(p.files[0]!.content).toBe('[Network]\nDHCP=ipv4\nDNS=192.0.2.54\n\n[Route]\nGateway=192.0.2.1\n');
    expect(p.replace).toEqual([{ path: vendor(), content: SHIPPED_LAN }]);
  });

  it('one line: only that key moves, the rest stays', () => {
    const p = write(
      service({ [vendor()]: edited }, { [vendor()]: SHIPPED_LAN }).planCommand(SERVER_COMMANDS.moveToDropIn, [
        vendor(),
        4,
      ]),
    );
    expect(p.files[0]!.content).toBe('[Network]\nDHCP=ipv4\n');
    expect(p.replace[0]!.content).toBe(edited.replace('DHCP=ipv4', 'DHCP=yes'));
  });

  it('the shipped file merged with the drop-in gives the edited values', () => {
    const d = dialectById('network')!;
    const plan = planConfigMove(d, edited, SHIPPED_LAN);
    const diff = diffConfig(d, edited, plan.vendorText + '\n' + plan.dropInText);
    // Same effective values: nothing differs between the edited file and shipped + drop-in, read as one file.
    expect([...diff.changed]).toEqual([]);
  });

  it('a removed object or key cannot be moved: it stays, with the reason', () => {
    const d = dialectById('network')!;
    const plan = planConfigMove(
      d,
      SHIPPED_LAN.replace('\n[Address]\nAddress=192.0.2.10/24\n', '').replace('DNS=192.0.2.53\n', ''),
      SHIPPED_LAN,
    );
    expect(plan.dropInText).toBe('');
    expect(plan.cannotExpress.map((c) => c.key)).toEqual(['DNS', '']);
  });

  it('is refused on a file in /etc (edit it in place) and when nothing changed', () => {
    const etc = join(ws, 'etc/systemd/journald.conf');
    expect(service().planCommand(SERVER_COMMANDS.moveToDropIn, [etc])).toMatchObject({ kind: 'error' });
    const same = service({ [vendor()]: SHIPPED_LAN }, { [vendor()]: SHIPPED_LAN }).planCommand(
      SERVER_COMMANDS.moveToDropIn,
      [vendor()],
    );
    expect(same).toMatchObject({ kind: 'error' });
    expect((same as { message: string }).message).toContain('as shipped');
  });

  it('the vendor file gets vendor-modified, pointing at the first changed key', () => {
    const s = service({}, { [vendor()]: SHIPPED_LAN });
    const doc = s.parse(vendor(), edited);
    const d = s.getDiagnostics(doc).filter((x) => x.code === 'vendor-modified');
    expect(d).toHaveLength(1);
    expect(edited.slice(d[0]!.start, d[0]!.end)).toBe('DHCP');
    expect(d[0]!.message).toContain('Changed: DHCP=, DNS=, [Route].');
  });
});

describe('dpkg conffiles in /etc (units/shipped.ts)', () => {
  const md5 = (t: string): string => createHash('md5').update(t).digest('hex');
  const SHIPPED = '[Login]\n#KillUserProcesses=no\n';

  it('a changed conffile of a mirror with var/lib/dpkg/status: information, naming the package', () => {
    const root = mkdtempSync(join(tmpdir(), 'conffile-'));
    try {
      mkdirSync(join(root, 'var/lib/dpkg'), { recursive: true });
      mkdirSync(join(root, 'etc/systemd'), { recursive: true });
      writeFileSync(
        join(root, 'var/lib/dpkg/status'),
        [
          'Package: other\nStatus: install ok installed\nConffiles:\n /etc/other.conf 0123456789abcdef0123456789abcdef\n',
          `Package: systemd\nStatus: install ok installed\nConffiles:\n /etc/systemd/logind.conf ${md5(SHIPPED)}\n /etc/systemd/old.conf 0123456789abcdef0123456789abcdef obsolete\nDescription: x\n`,
        ].join('\n'),
      );
      const path = join(root, 'etc/systemd/logind.conf');
      writeFileSync(path, SHIPPED);
      const cache = new ShippedCache();
      expect([...dpkgConffiles(join(root, 'var/lib/dpkg'), undefined, cache)!.keys()]).toEqual([
        '/etc/systemd/logind.conf',
      ]);
      expect(conffileInfo(path, SHIPPED, { root, rel: 'etc/systemd/logind.conf' }, { cache })).toMatchObject({
        source: 'dpkg',
        package: 'systemd',
        differs: false,
        conffile: true,
      });
      const edited = `${SHIPPED}HandlePowerKey=ignore\n`;
      expect(conffileInfo(path, edited, { root, rel: 'etc/systemd/logind.conf' }, { cache })).toMatchObject({
        differs: true,
      });
      // Through the facade: the rule says so as information, on the section header, with no fix that would need the shipped text.
      const s = createLanguageService({ workspaceFolders: () => [root] });
      const d = s.getDiagnostics(s.parse(path, edited)).filter((x) => x.code === 'vendor-modified');
      expect(d).toHaveLength(1);
      expect(d[0]!.severity).toBe('info');
      expect(d[0]!.message).toContain('package systemd (a conffile)');
      expect(d[0]!.data).toBeUndefined();
      expect(s.getDiagnostics(s.parse(path, SHIPPED)).filter((x) => x.code === 'vendor-modified')).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("this machine: dpkg's conffiles of systemd agree with dpkg-query, and journald.conf is compared with its md5", () => {
    const listed = execFileSync('dpkg-query', ['-W', '-f=${Conffiles}\n', 'systemd'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => /^ (\/etc\/systemd\/\S+) ([0-9a-f]{32})$/.exec(l))
      .filter((m): m is RegExpExecArray => !!m);
    expect(listed.length).toBeGreaterThan(3);
    const ours = dpkgConffiles('/var/lib/dpkg')!;
    for (const m of listed) expect(ours.get(m[1]!), m[1]).toEqual({ pkg: 'systemd', md5: m[2] });
    const text = readFileSync('/etc/systemd/journald.conf', 'utf8');
    const info = conffileInfo('/etc/systemd/journald.conf', text, { root: '/', rel: 'etc/systemd/journald.conf' });
    expect(info).toMatchObject({
      package: 'systemd',
      conffile: true,
      differs: md5(text) !== ours.get('/etc/systemd/journald.conf')!.md5,
    });
    expect(
      conffileInfo('/etc/systemd/journald.conf', `${text}#x\n`, { root: '/', rel: 'etc/systemd/journald.conf' })!
        .differs,
    ).toBe(true);
  });
});
