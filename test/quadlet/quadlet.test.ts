/**
 * Podman Quadlet (issue 14): recognition of every file type and drop-in form, the catalog (every key of quadlet.tsv
 * with our summary and its podman release), the podman version setting, editor features across Quadlet files
 * (completion, hover, definition, references), Show Generated Unit, Create Override, snippets and the CLI.
 * The conversion checks have one annotated fixture each under test/fixtures/diagnostics/quadlet/.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileKindOf } from '../../server/src/units/fileKind.js';
import { dialectById, quadletKeySince, NEWEST_PODMAN, QUADLET_TYPES } from '../../server/src/catalog/dialects.js';
import { quadletServiceName, quadletSearchFolders, quadletScopeOf } from '../../server/src/units/quadletFiles.js';
import { parsePodmanVersion } from '../../server/src/units/localPodman.js';
import {
  createLanguageService,
  defaultSettings,
  normaliseSettings,
  resolvePodmanVersion,
  SERVER_COMMANDS,
  type SystemdDocument,
} from '../../server/src/languageService.js';
import { quadletRefsIn, isFullyQualifiedImage, podmanNewer } from '../../server/src/services/rules/quadlet.js';
import { main } from '../../server/src/cli.js';

const root = join(__dirname, '../..');
const kindOf = (path: string, text?: string): string => {
  const k = fileKindOf(path, text);
  return k.kind === 'config' ? `${k.dialect}${k.dropIn ? ` drop-in of ${k.name}` : ''}` : k.kind;
};

describe('Quadlet files are recognised', () => {
  it("every type in podman's folders, their subfolders and workspace mirrors", () => {
    for (const t of QUADLET_TYPES) {
      expect(kindOf(`/etc/containers/systemd/x.${t}`), t).toBe(`quadlet-${t}`);
      expect(kindOf(`/usr/share/containers/systemd/a/b/x.${t}`), t).toBe(`quadlet-${t}`);
      expect(kindOf(`/home/u/.config/containers/systemd/x.${t}`), t).toBe(`quadlet-${t}`);
      expect(kindOf(`/ws/etc/containers/systemd/apps/x.${t}`), t).toBe(`quadlet-${t}`);
    }
  });

  it('drop-ins: NAME.TYPE.d/, the type-wide TYPE.d/, truncated prefixes and templates', () => {
    expect(kindOf('/etc/containers/systemd/web.container.d/10-mem.conf')).toBe(
      'quadlet-container drop-in of web.container',
    );
    expect(kindOf('/etc/containers/systemd/container.d/00-all.conf')).toBe('quadlet-container drop-in of container');
    expect(kindOf('/etc/containers/systemd/foo-.container.d/x.conf')).toBe(
      'quadlet-container drop-in of foo-.container',
    );
    expect(kindOf('/etc/containers/systemd/foo@.container.d/x.conf')).toBe(
      'quadlet-container drop-in of foo@.container',
    );
    expect(kindOf('/home/u/.config/containers/systemd/pod.d/x.conf')).toBe('quadlet-pod drop-in of pod');
    expect(kindOf('/etc/containers/systemd/db.volume.d/x.conf')).toBe('quadlet-volume drop-in of db.volume');
    // A type-wide folder counts only inside containers/systemd/; unit drop-ins keep their kind.
    expect(kindOf('/srv/project/container.d/x.conf')).toBe('other');
    expect(fileKindOf('/etc/systemd/system/service.d/x.conf').kind).toBe('dropin');
  });

  it("elsewhere by content: the type's own section says Quadlet, other content says not", () => {
    expect(kindOf('/ws/web.container', '[Container]\nImage=docker.io/library/nginx\n')).toBe('quadlet-container');
    expect(kindOf('/ws/base.image', '[Image]\nImage=quay.io/centos/centos\n')).toBe('quadlet-image');
    expect(kindOf('/ws/disk.image', 'QFI\u00fb binary disk image')).toBe('other');
    expect(kindOf('/ws/app.build', 'all:\n\tmake\n')).toBe('other');
    // A new, empty file is taken by its suffix.
    expect(kindOf('/ws/new.pod', '')).toBe('quadlet-pod');
  });

  it('a .network: Quadlet in containers/systemd/ or by content, networkd with [Match] or in its folders', () => {
    expect(kindOf('/etc/containers/systemd/lan.network')).toBe('quadlet-network');
    expect(kindOf('/etc/containers/systemd/lan.network', '[Network]\nSubnet=10.0.0.0/24\n')).toBe('quadlet-network');
    expect(kindOf('/ws/lan.network', '[Network]\nNetworkName=lan\n')).toBe('quadlet-network');
    expect(kindOf('/ws/lan.network', '[Match]\nName=eth0\n[Network]\nDHCP=yes\n')).toBe('network');
    expect(kindOf('/etc/systemd/network/lan.network')).toBe('network');
    expect(kindOf('/etc/systemd/network/lan.network', '[Match]\nDriver=veth\n[Network]\nLLDP=yes\n')).toBe('network');
  });

  it("podman's search folders and scope, and the generated unit names (files.md §4.1-4.2)", () => {
    expect(quadletSearchFolders('/ws/etc/containers/systemd/apps/web.container')).toEqual([
      '/ws/run/containers/systemd',
      '/ws/etc/containers/systemd',
      '/ws/usr/share/containers/systemd',
    ]);
    expect(quadletSearchFolders('/home/u/.config/containers/systemd/web.container')).toEqual([
      '/home/u/.config/containers/systemd',
      '/etc/containers/systemd/users',
    ]);
    expect(quadletSearchFolders('/ws/home/u/.config/containers/systemd/a/web.container')).toEqual([
      '/ws/home/u/.config/containers/systemd',
      '/ws/etc/containers/systemd/users',
    ]);
    expect(quadletSearchFolders('/srv/x/.config/containers/systemd/web.container')).toEqual([
      '/srv/x/.config/containers/systemd',
    ]);
    expect(quadletSearchFolders('/srv/quadlets/web.container')).toEqual(['/srv/quadlets']);
    expect(quadletScopeOf('/etc/containers/systemd/web.container')).toBe('system');
    expect(quadletScopeOf('/etc/containers/systemd/users/1000/web.container')).toBe('user');
    expect(quadletScopeOf('/home/u/.config/containers/systemd/web.container')).toBe('user');
    expect(quadletScopeOf('/srv/web.container')).toBeUndefined();
    expect(quadletServiceName('web.container')).toBe('web.service');
    expect(quadletServiceName('app.kube')).toBe('app.service');
    expect(quadletServiceName('data.volume')).toBe('data-volume.service');
    expect(quadletServiceName('lan.network')).toBe('lan-network.service');
    expect(quadletServiceName('base.image')).toBe('base-image.service');
    expect(quadletServiceName('app.build')).toBe('app-build.service');
    expect(quadletServiceName('wp.pod')).toBe('wp-pod.service');
    expect(quadletServiceName('cfg.artifact')).toBe('cfg-artifact.service');
    expect(quadletServiceName('foo@.volume')).toBe('foo-volume@.service');
    expect(quadletServiceName('data.volume', 'my-data')).toBe('my-data.service');
  });
});

describe('the Quadlet catalog (quadlet.tsv, podman 5.8.2)', () => {
  const rows = readFileSync(join(root, 'data/dialects/quadlet.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  const keyRows = rows.filter((r) => r[0] !== '*' && !['Unit', 'Service', 'Install'].includes(r[1]!));

  it('every key of every type is in its dialect with our own summary and its podman release', () => {
    expect(keyRows.length).toBe(241);
    const missing: string[] = [];
    for (const [type, section, key, since] of keyRows) {
      const id = `quadlet-${type!.slice(1)}`;
      const info = dialectById(id)?.lookup(section!, key!);
      if (!info?.summary || info.summary.length < 15) missing.push(`${type} [${section}] ${key}`);
      expect(quadletKeySince(id, section!, key!), `${type} ${key}`).toBe(since);
    }
    expect(missing).toEqual([]);
  });

  // data/dialects/quadlet.tsv is the committed copy of the reference (../shared is not part of a clone).
  it('the summaries are ours (not the reference notes)', () => {
    const notes = new Set(keyRows.map((r) => r[9]));
    for (const [type, section, key] of keyRows)
      expect(notes.has(dialectById(`quadlet-${type!.slice(1)}`)!.lookup(section!, key!)!.summary), key).toBe(false);
  });

  it('a Quadlet file reads its own section, [Quadlet] and [Unit]/[Service]/[Install] from the unit catalog', () => {
    const d = dialectById('quadlet-container')!;
    expect(d.sections).toEqual(['Container', 'Quadlet', 'Unit', 'Service', 'Install']);
    expect(d.lookup('Service', 'Restart')?.kind).toBe('enum');
    expect(d.lookup('Container', 'Restart')).toBeUndefined();
    expect(d.strict?.sections).toEqual(['Container', 'Quadlet']);
    expect(dialectById('quadlet-volume')!.sections).toEqual(['Volume', 'Quadlet', 'Unit', 'Service', 'Install']);
    expect(dialectById('quadlet-build')!.section('Build')!.required).toEqual(
      expect.arrayContaining([['ImageTag'], ['File', 'SetWorkingDirectory']]),
    );
    expect(dialectById('quadlet-container')!.section('Container')!.required).toEqual([['Image', 'Rootfs']]);
  });

  it('references, image names, versions', () => {
    expect(quadletRefsIn('Container', 'Volume', 'db.volume:/var/lib/db:Z').map((r) => [r.name, r.start])).toEqual([
      ['db.volume', 0],
    ]);
    expect(quadletRefsIn('Container', 'Volume', '/srv/data:/data').length).toBe(0);
    expect(quadletRefsIn('Container', 'Network', 'container:peer.container').map((r) => [r.name, r.start])).toEqual([
      ['peer.container', 10],
    ]);
    expect(quadletRefsIn('Container', 'Network', 'lan.network:ip=10.0.0.5').map((r) => r.name)).toEqual([
      'lan.network',
    ]);
    expect(
      quadletRefsIn('Container', 'Mount', 'type=volume,source=d.volume,destination=/d').map((r) => [r.name, r.start]),
    ).toEqual([['d.volume', 19]]);
    expect(quadletRefsIn('Unit', 'After', 'network-online.target db.container').map((r) => r.name)).toEqual([
      'db.container',
    ]);
    expect(isFullyQualifiedImage('docker.io/library/nginx')).toBe(true);
    expect(isFullyQualifiedImage('localhost/app')).toBe(true);
    expect(isFullyQualifiedImage('nginx')).toBe(false);
    expect(isFullyQualifiedImage('library/nginx')).toBe(false);
    expect(podmanNewer('5.3.0', '5.2.9')).toBe(true);
    expect(podmanNewer('4.9.0', '5.0.0')).toBe(false);
  });
});

describe('systemd.podmanVersion', () => {
  it('auto takes the local podman, else the newest known; a release is taken as given', () => {
    expect(parsePodmanVersion('podman version 5.8.2\n')).toBe('5.8.2');
    expect(parsePodmanVersion('podman version 4.3\n')).toBe('4.3.0');
    expect(parsePodmanVersion('bash: podman: command not found')).toBeUndefined();
    expect(defaultSettings().podmanVersion).toBe(NEWEST_PODMAN);
    expect(resolvePodmanVersion('auto', () => undefined)).toEqual({
      podmanVersion: NEWEST_PODMAN,
      podmanVersionSetting: 'auto',
      podmanVersionFrom: 'newest',
    });
    expect(resolvePodmanVersion('auto', () => '4.9.3')).toMatchObject({
      podmanVersion: '4.9.3',
      podmanVersionFrom: 'machine',
    });
    expect(resolvePodmanVersion('5.2', () => '4.9.3')).toMatchObject({
      podmanVersion: '5.2.0',
      podmanVersionFrom: 'setting',
    });
    expect(
      normaliseSettings(
        { podmanVersion: '5.0.1' },
        () => 252,
        () => undefined,
      ).podmanVersion,
    ).toBe('5.0.1');
    expect(
      normaliseSettings(
        { podmanVersion: 'bogus' },
        () => 252,
        () => undefined,
      ).podmanVersion,
    ).toBe(NEWEST_PODMAN);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest.contributes.configuration.properties['systemd.podmanVersion'].default).toBe('auto');
  });

  it('the same file is clean for the newest podman and refused by an older one', () => {
    const text = '[Container]\nImage=docker.io/library/alpine:3\nAddHost=db:10.0.0.5\n';
    const codes = (v: string): string[] => {
      const s = createLanguageService({ settings: () => ({ ...defaultSettings(), podmanVersion: v }) });
      return s.getDiagnostics(s.parse('/srv/q/a.container', text)).map((d) => d.code);
    };
    expect(codes('5.8.2')).toEqual([]);
    expect(codes('5.2.0')).toEqual(['quadlet-newer-than-podman']);
  });
});

describe('editor features across Quadlet files', () => {
  let dir: string;
  const put = (rel: string, text: string): string => {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return p;
  };
  let service: ReturnType<typeof createLanguageService>;
  let app: SystemdDocument;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quadlet-'));
    put('etc/containers/systemd/wp.pod', '[Pod]\nPodName=wp\n');
    put(
      'etc/containers/systemd/db/db.container',
      '[Unit]\nDescription=The database\n[Container]\nImage=docker.io/library/mariadb:11\nPod=wp.pod\n',
    );
    put('etc/containers/systemd/db.volume', '[Volume]\n');
    put('usr/share/containers/systemd/lan.network', '[Network]\nSubnet=10.1.0.0/24\n');
    const p = put(
      'etc/containers/systemd/app.container',
      '[Unit]\nAfter=db.container\n[Container]\nImage=quay.io/x/app:1\nPod=wp.pod\nNetwork=lan.network\nVolume=db.volume:/data\n',
    );
    service = createLanguageService({ workspaceFolders: () => [dir] });
    app = service.parse(p, readFileSync(p, 'utf8'));
  });
  const at = (doc: SystemdDocument, needle: string, delta = 1): number => doc.text.indexOf(needle) + delta;

  it("references resolve across podman's folders and subfolders: no diagnostics", () => {
    expect(service.getDiagnostics(app)).toEqual([]);
    const broken = service.parse(
      join(dir, 'etc/containers/systemd/broken.container'),
      '[Container]\nImage=quay.io/x/app:1\nPod=nope.pod\n',
    );
    expect(service.getDiagnostics(broken).map((d) => d.code)).toEqual(['quadlet-unknown-reference']);
  });

  it('completion: keys of [Container], and values naming the Quadlet files around', () => {
    const doc = service.parse(
      join(dir, 'etc/containers/systemd/new.container'),
      '[Container]\nPu\nPod=\nNetwork=\nVolume=\nImage=\n[Service]\nRestart=\n',
    );
    const labels = (needle: string, delta: number): string[] =>
      service.getCompletions(doc, at(doc, needle, delta)).map((c) => c.label);
    expect(labels('Pu\n', 2)).toEqual(expect.arrayContaining(['PublishPort=', 'Pull=']));
    expect(labels('Pod=', 4)).toEqual(['wp.pod']);
    expect(labels('Network=', 8)).toEqual(
      expect.arrayContaining(['lan.network', 'container:app.container', 'container:db.container', 'host']),
    );
    expect(labels('Volume=', 7)).toEqual(['db.volume:']);
    expect(labels('Image=', 6)).toEqual(expect.arrayContaining(['docker.io/library/mariadb:11', 'quay.io/x/app:1']));
    expect(labels('Restart=', 8)).toContain('always');
    const pull = service.parse(join(dir, 'x.container'), '[Container]\nPull=\n');
    expect(service.getCompletions(pull, at(pull, 'Pull=', 5)).map((c) => c.label)).toEqual([
      'always',
      'missing',
      'never',
      'newer',
    ]);
  });

  it('hover: our summary and the podman release of a key; the generated unit on the section', () => {
    const key = service.getHover(app, at(app, 'Pod='))!.markdown;
    expect(key).toContain('Runs the container in NAME.pod');
    expect(key).toContain('**Since:** podman 5.0.0');
    expect(key).not.toContain('systemd 0');
    expect(service.getHover(app, at(app, '[Container]', 2))!.markdown).toContain('Quadlet generates **app.service**');
    const vol = service.parse(join(dir, 'etc/containers/systemd/x.volume'), '[Volume]\nServiceName=data\n');
    expect(service.getHover(vol, at(vol, 'ServiceName'))!.markdown).toContain('**Generated unit:** data.service');
    expect(service.getHover(vol, at(vol, '[Volume]', 2))!.markdown).toContain('**data.service**');
  });

  it('go to definition and references of Quadlet file names', () => {
    expect(service.getDefinition(app, at(app, 'wp.pod')).map((t) => t.path)).toEqual([
      join(dir, 'etc/containers/systemd/wp.pod'),
    ]);
    expect(service.getDefinition(app, at(app, 'lan.network')).map((t) => t.path)).toEqual([
      join(dir, 'usr/share/containers/systemd/lan.network'),
    ]);
    expect(service.getDefinition(app, at(app, 'db.container')).map((t) => t.path)).toEqual([
      join(dir, 'etc/containers/systemd/db/db.container'),
    ]);
    const refs = service
      .getReferences(app, at(app, 'wp.pod'))
      .map((r) => r.path.slice(dir.length + 1))
      .sort();
    expect(refs).toEqual(['etc/containers/systemd/app.container', 'etc/containers/systemd/db/db.container']);
    const pod = service.parse(join(dir, 'etc/containers/systemd/wp.pod'), '[Pod]\nPodName=wp\n');
    expect(service.getReferences(pod, 2).length).toBe(2);
  });

  it('Show Generated Unit: the service podman would write, with the references resolved', () => {
    const plan = service.planCommand(SERVER_COMMANDS.showGeneratedUnit, [app.path]);
    expect(plan.kind).toBe('text');
    const text = plan.kind === 'text' ? plan.text : '';
    expect(plan.kind === 'text' && plan.title).toBe('Generated app.service');
    expect(text).toMatch(/^# Where this view may differ from podman:/m);
    for (const line of [
      'After=db.service',
      'BindsTo=wp-pod.service',
      'After=wp-pod.service',
      'Requires=lan-network.service',
      'Requires=db-volume.service',
      'Wants=network-online.target',
      `SourcePath=${app.path}`,
      'RequiresMountsFor=%t/containers',
      '[X-Container]',
      'Environment=PODMAN_SYSTEMD_UNIT=%n',
      'KillMode=mixed',
      'Type=notify',
      'NotifyAccess=all',
      'Delegate=yes',
      'SyslogIdentifier=%N',
    ])
      expect(text.split('\n'), line).toContain(line);
    expect(text).toMatch(
      /^ExecStart=\/usr\/bin\/podman run --name systemd-%N --replace --rm --cgroups=split --sdnotify=conmon -d --pod wp --network systemd-lan -v systemd-db:\/data quay\.io\/x\/app:1$/m,
    );
    const gen = (rel: string, text2: string): string => {
      const p = put(rel, text2);
      const r = service.planCommand(SERVER_COMMANDS.showGeneratedUnit, [p]);
      return r.kind === 'text' ? r.text : JSON.stringify(r);
    };
    const vol = gen('etc/containers/systemd/data.volume', '[Volume]\nDevice=/srv/data\nType=bind\nUser=1000\n');
    expect(vol).toMatch(
      /^ExecStart=\/usr\/bin\/podman volume create --ignore --opt uid=1000 --opt device=\/srv\/data --opt type=bind systemd-data$/m,
    );
    expect(vol).toContain('RequiresMountsFor=/srv/data');
    expect(vol).toMatch(/^Type=oneshot$/m);
    expect(vol).toMatch(/^RemainAfterExit=yes$/m);
    const net = gen(
      'home/u/.config/containers/systemd/n.network',
      '[Network]\nNetworkName=n1\nSubnet=10.2.0.0/24\nGateway=10.2.0.1\nInternal=yes\nNetworkDeleteOnStop=true\n',
    );
    expect(net).toMatch(
      /^ExecStart=\/usr\/bin\/podman network create --ignore --subnet 10\.2\.0\.0\/24 --gateway 10\.2\.0\.1 --internal n1$/m,
    );
    expect(net).toMatch(/^ExecStopPost=\/usr\/bin\/podman network rm n1$/m);
    expect(net).toContain('Wants=podman-user-wait-network-online.service');
    const pod = gen('etc/containers/systemd/wp.pod', '[Pod]\nPodName=wp\nPublishPort=8080:80\n');
    expect(pod).toMatch(
      /^ExecStartPre=\/usr\/bin\/podman pod create .*--publish 8080:80 --infra-name wp-infra --name wp$/m,
    );
    expect(pod).toMatch(/^Type=forking$/m);
    expect(pod).toContain('Wants=db.service');
    expect(pod).toContain('Wants=app.service');
    const noDeps = gen(
      'etc/containers/systemd/nodeps.container',
      '[Container]\nImage=quay.io/x/y:1\n[Quadlet]\nDefaultDependencies=false\n',
    );
    expect(noDeps).not.toContain('network-online');
    expect(
      service.planCommand(SERVER_COMMANDS.showGeneratedUnit, [
        put('etc/containers/systemd/a.kube', '[Kube]\nYaml=a.yaml\n'),
      ]).kind,
    ).toBe('error');
    expect(
      service.planCommand(SERVER_COMMANDS.showGeneratedUnit, [
        put('etc/systemd/system/a.service', '[Service]\nExecStart=/bin/true\n'),
      ]).kind,
    ).toBe('error');
  });

  it('Create Override writes NAME.container.d/override.conf next to the file', () => {
    const plan = service.planCommand(SERVER_COMMANDS.createOverride, [app.path]);
    expect(plan.kind).toBe('write');
    if (plan.kind !== 'write') return;
    expect(plan.files.map((f) => f.path)).toEqual([join(dir, 'etc/containers/systemd/app.container.d/override.conf')]);
    expect(plan.notes.join(' ')).toContain('daemon-reload');
    // The drop-in it writes is read as one of app.container.
    expect(kindOf(plan.files[0]!.path)).toBe('quadlet-container drop-in of app.container');
  });

  it('snippets: offered in an empty file of their type, and clean when expanded', () => {
    const snippets = JSON.parse(readFileSync(join(root, 'snippets/systemd.json'), 'utf8')) as Record<
      string,
      { prefix: string; body: string[] }
    >;
    const quadlet = Object.values(snippets).filter((s) => s.prefix.startsWith('quadlet-'));
    expect(quadlet.map((s) => s.prefix).sort()).toEqual([
      'quadlet-container',
      'quadlet-network',
      'quadlet-pod',
      'quadlet-pod-container',
      'quadlet-volume',
    ]);
    for (const s of quadlet) {
      const type = s.prefix.split('-').pop()!;
      const file = join(dir, `etc/containers/systemd/snip-${s.prefix}.${type}`);
      const empty = service.parse(file, '');
      expect(
        service.getCompletions(empty, 0).some((c) => c.label === s.prefix),
        s.prefix,
      ).toBe(true);
      const other = service.parse(join(dir, 'etc/containers/systemd/snip.volume'), '');
      if (type !== 'volume')
        expect(
          service.getCompletions(other, 0).some((c) => c.label === s.prefix),
          s.prefix,
        ).toBe(false);
      // Expand: the first choice or default of each placeholder, the file name for TM_FILENAME_BASE.
      let text = s.body.join('\n');
      for (let i = 0; i < 3; i++)
        text = text
          .replace(/\$\{TM_FILENAME_BASE\}/g, 'snip')
          .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
          .replace(/\$\{\d+:([^{}]*)\}/g, '$1');
      text = text.replace(/\$\d/g, '').replace(/mypod\.pod/, 'wp.pod');
      const doc = service.parse(file, text);
      expect(
        service.getDiagnostics(doc).map((d) => `${d.code}: ${d.message}`),
        `${s.prefix}\n${text}`,
      ).toEqual([]);
    }
  });
});

describe('the CLI walks and checks Quadlet files', () => {
  const fixtures = join(root, 'test/fixtures/diagnostics/quadlet');
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

  // --podman-version is given: 'auto' would take this machine's podman (CI may have an older one).
  it("the clean set (podman's man page, project READMEs, our own): no error", () => {
    const r = run(['check', '--podman-version', '5.8.2', '--format', 'json', join(fixtures, 'clean')]);
    const findings = JSON.parse(r.out) as { file: string; code: string; severity: string }[];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
    expect(run(['check', '--podman-version', '5.8.2', join(fixtures, 'clean')]).err).toMatch(
      /^2[0-9] file\(s\) checked: 0 error\(s\)/m,
    );
  });

  it('the error set: every conversion error is found, and the exit code says so', () => {
    const r = run(['check', '--podman-version', '5.8.2', '--format', 'json', join(fixtures, 'errors')]);
    expect(r.code).toBe(1);
    const codes = new Set((JSON.parse(r.out) as { code: string }[]).map((f) => f.code));
    for (const c of [
      'quadlet-conversion-error',
      'quadlet-unknown-reference',
      'file-missing-required-key',
      'unknown-directive',
      'quadlet-service-setting',
      'quadlet-boolean-false',
      'quadlet-short-image-name',
    ])
      expect(codes, c).toContain(c);
  });

  it('--podman-version: an older podman refuses newer keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadlet-cli-'));
    writeFileSync(join(dir, 'a.container'), '[Container]\nImage=docker.io/library/alpine:3\nAddHost=db:10.0.0.5\n');
    expect(run(['check', '--podman-version=5.8', dir]).code).toBe(0);
    const r = run(['check', '--podman-version', '5.2', '--format', 'json', dir]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { code: string }[]).map((f) => f.code)).toEqual(['quadlet-newer-than-podman']);
    expect(run(['check', '--podman-version', 'five', dir]).code).toBe(2);
  });
});
