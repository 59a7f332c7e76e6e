/**
 * Show Generated Unit: the .service podman's Quadlet generator would write for a .container, .volume, .network or
 * .pod file (files.md §4, quadlet.tsv rows on the generated unit, podman v5.8.2 quadlet.go). Pure: the Quadlet files
 * around (for Network=foo.network, Pod=foo.pod… names) are passed in.
 *
 * Like the generator, it keeps the file's own sections in order (the Quadlet section renamed X-Container…), appends
 * what Quadlet adds to [Unit] and [Service], and builds the podman command line from the keys it knows. Where this
 * cannot match podman exactly it says so in the view (see NOTES).
 */
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Analysis } from './model.js';
import { quadletSection, quadletTypeOf, type QuadletType } from '../catalog/dialects.js';
import { quadletScopeOf, quadletServiceName } from '../units/quadletFiles.js';
import { quadletValues } from './rules/quadlet.js';
import type { QuadletFileAround } from './quadletAssist.js';

export interface GeneratedUnit {
  /** The generated unit's name (foo.service, foo-volume.service…). */
  readonly name: string;
  /** The unit as text, with a comment header saying what it is and where it may differ from podman's. */
  readonly text: string;
}

const PODMAN = '/usr/bin/podman';
const SUPPORTED: readonly QuadletType[] = ['container', 'volume', 'network', 'pod'];

/** Where this view may differ from what podman writes (said in the view's header). */
export const NOTES = [
  'Options are written in a fixed order; podman may order them differently (the meaning is the same).',
  'Values are quoted only where they contain spaces; podman escapes with its own rules.',
  "Keys with no effect on the command line here (HealthStartup*=, Secret= options, Remap*=…) are passed as podman would, but podman's exact spelling may differ.",
  'Drop-ins (NAME.container.d/*.conf, container.d/) are not merged into this view.',
];

/** Quote an argument the way a unit file needs it (spaces, quotes). */
function q(arg: string): string {
  return /[\s"'\\]/.test(arg) ? `"${arg.replace(/(["\\])/g, '\\$1')}"` : arg;
}

/** Split PodmanArgs=/GlobalArgs=/Exec= like a shell word list (quotes kept out). */
function words(value: string): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** Resource names of the Quadlet files around (foo.network → systemd-foo, NetworkName=, …). */
function resourceName(fileName: string, around: readonly QuadletFileAround[]): string | undefined {
  const u = around.find((x) => basename(x.path) === fileName);
  const t = fileName.slice(fileName.lastIndexOf('.') + 1) as QuadletType;
  const base = fileName.slice(0, fileName.lastIndexOf('.'));
  const v = u ? quadletValues(u.analysis.entries, quadletSection(t)) : undefined;
  const get = (k: string): string | undefined => v?.last(k)?.node.value.trim() || undefined;
  switch (t) {
    case 'container':
      return get('ContainerName') ?? `systemd-${base}`;
    case 'volume':
      return get('VolumeName') ?? `systemd-${base}`;
    case 'network':
      return get('NetworkName') ?? `systemd-${base}`;
    case 'pod':
      return get('PodName') ?? `systemd-${base}`;
    case 'image':
      return get('ImageTag') ?? get('Image');
    case 'build':
      return v?.all('ImageTag')[0]?.node.value.trim();
    default:
      return undefined;
  }
}

function serviceOfFile(fileName: string, around: readonly QuadletFileAround[]): string {
  const u = around.find((x) => basename(x.path) === fileName);
  const t = fileName.slice(fileName.lastIndexOf('.') + 1) as QuadletType;
  const sn = u
    ? quadletValues(u.analysis.entries, quadletSection(t)).last('ServiceName')?.node.value.trim()
    : undefined;
  return quadletServiceName(fileName, sn || undefined) ?? fileName;
}

/** The .service podman would generate from a Quadlet main file, or why it cannot be shown. */
export function planGeneratedUnit(
  path: string,
  analysis: Analysis,
  around: readonly QuadletFileAround[] = [],
): GeneratedUnit | { error: string } {
  const t = quadletTypeOf(analysis.dialect?.id);
  if (!t || analysis.file.kind !== 'config')
    return { error: 'Show Generated Unit works on Podman Quadlet files (.container, .volume, .network, .pod).' };
  if (analysis.file.dropIn)
    return { error: 'This is a Quadlet drop-in; open the .container (or .volume…) file it belongs to.' };
  if (!SUPPORTED.includes(t))
    return {
      error: `Show Generated Unit covers .container, .volume, .network and .pod files; .${t} files are not modelled yet.`,
    };
  const fileName = analysis.file.name;
  const section = quadletSection(t);
  const v = quadletValues(analysis.entries, section);
  const val = (k: string): string | undefined => v.last(k)?.node.value.trim() || undefined;
  const all = (k: string): string[] => v.all(k).map((e) => e.node.value.trim());
  const bool = (k: string): boolean | undefined => {
    const x = val(k);
    return x === undefined ? undefined : /^(?:1|yes|true|on)$/i.test(x);
  };
  const name = quadletServiceName(fileName, val('ServiceName')) ?? `${fileName}.service`;
  const user = quadletScopeOf(path) === 'user';
  const base = fileName.slice(0, fileName.lastIndexOf('.'));
  const unitAdd: [string, string][] = [];
  const serviceAdd: [string, string][] = [];
  const notes: string[] = [];

  // Quadlet's default dependencies (quadlet.tsv `*` Unit After; [Quadlet] DefaultDependencies=).
  const quadletGroup = quadletValues(analysis.entries, 'Quadlet');
  const defaultDeps = !/^(?:0|no|false|off)$/i.test(
    quadletGroup.last('DefaultDependencies')?.node.value.trim() ?? 'true',
  );
  if (defaultDeps) {
    const online = user ? 'podman-user-wait-network-online.service' : 'network-online.target';
    unitAdd.push(['Wants', online], ['After', online]);
  }
  unitAdd.push(['SourcePath', path], ['RequiresMountsFor', '%t/containers']);

  /** A Quadlet file named in a value: its resource name, and Requires=/After= on its service. */
  const dep = (ref: string, kind: 'Requires' | 'BindsTo' = 'Requires'): string => {
    const svc = serviceOfFile(ref, around);
    unitAdd.push([kind, svc], ['After', svc]);
    const r = resourceName(ref, around);
    if (!r) notes.push(`${ref} is not among the Quadlet files around: its resource name is a guess.`);
    return r ?? `systemd-${ref.slice(0, ref.lastIndexOf('.'))}`;
  };
  const networkArg = (n: string): string => {
    const m = /^([^:]+\.(network|container))(?::(.*))?$/.exec(n);
    if (!m) return n;
    if (m[2] === 'container') return `container:${dep(m[1]!)}`;
    return `${dep(m[1]!)}${m[3] ? `:${m[3]}` : ''}`;
  };
  const volumeArg = (spec: string): string => {
    const parts = spec.split(':');
    const src = parts[0]!;
    if (/\.volume$/.test(src) && parts.length > 1) parts[0] = dep(src);
    else if (src.startsWith('/') || src.startsWith('.')) {
      const host = src.startsWith('.') ? join(dirname(path), src) : src;
      if (parts.length > 1) {
        parts[0] = host;
        unitAdd.push(['RequiresMountsFor', host]);
      }
    }
    return parts.join(':');
  };
  const globalArgs = all('GlobalArgs').flatMap(words);
  const podmanArgs = all('PodmanArgs').flatMap(words);
  const modules = all('ContainersConfModule').map((m) => `--module=${m}`);
  const labels = all('Label')
    .flatMap(words)
    .map((l) => `--label ${q(l)}`);
  const cmd = (sub: string, args: string[]): string =>
    [PODMAN, ...modules, ...globalArgs.map(q), sub, ...args].join(' ');

  switch (t) {
    case 'container': {
      const cname = val('ContainerName') ?? 'systemd-%N';
      const args: string[] = ['--name', q(cname), '--replace', '--rm', `--cgroups=${val('CgroupsMode') ?? 'split'}`];
      const oneshot = quadletValues(analysis.entries, 'Service').last('Type')?.node.value.trim() === 'oneshot';
      const notify = val('Notify');
      if (!oneshot)
        args.push(
          `--sdnotify=${notify === 'healthy' ? 'healthy' : notify && /^(?:1|yes|true|on)$/i.test(notify) ? 'container' : 'conmon'}`,
        );
      args.push('-d');
      const pod = val('Pod');
      if (pod) args.push('--pod', q(dep(pod, 'BindsTo')));
      for (const n of all('Network')) args.push('--network', q(networkArg(n)));
      const userV = val('User');
      if (userV) args.push('--user', q(val('Group') ? `${userV}:${val('Group')}` : userV));
      const simple: [string, string][] = [
        ['UserNS', '--userns'],
        ['HostName', '--hostname'],
        ['IP', '--ip'],
        ['IP6', '--ip6'],
        ['Memory', '--memory'],
        ['PidsLimit', '--pids-limit'],
        ['ShmSize', '--shm-size'],
        ['WorkingDir', '--workdir'],
        ['StopSignal', '--stop-signal'],
        ['StopTimeout', '--stop-timeout'],
        ['Timezone', '--tz'],
        ['Pull', '--pull'],
        ['Retry', '--retry'],
        ['RetryDelay', '--retry-delay'],
        ['LogDriver', '--log-driver'],
        ['HealthCmd', '--health-cmd'],
        ['HealthInterval', '--health-interval'],
        ['HealthRetries', '--health-retries'],
        ['HealthStartPeriod', '--health-start-period'],
        ['HealthTimeout', '--health-timeout'],
        ['HealthOnFailure', '--health-on-failure'],
        ['HealthStartupCmd', '--health-startup-cmd'],
        ['HealthStartupInterval', '--health-startup-interval'],
        ['HealthStartupRetries', '--health-startup-retries'],
        ['HealthStartupSuccess', '--health-startup-success'],
        ['HealthStartupTimeout', '--health-startup-timeout'],
        ['SubUIDMap', '--subuidname'],
        ['SubGIDMap', '--subgidname'],
        ['SeccompProfile', '--security-opt seccomp='],
      ];
      for (const [k, opt] of simple) {
        const x = val(k);
        if (x !== undefined) args.push(opt.endsWith('=') ? `${opt}${q(x)}` : `${opt} ${q(x)}`);
      }
      const lists: [string, string][] = [
        ['UIDMap', '--uidmap'],
        ['GIDMap', '--gidmap'],
        ['Tmpfs', '--tmpfs'],
        ['PublishPort', '--publish'],
        ['ExposeHostPort', '--expose'],
        ['EnvironmentFile', '--env-file'],
        ['AddDevice', '--device'],
        ['DNS', '--dns'],
        ['DNSOption', '--dns-option'],
        ['DNSSearch', '--dns-search'],
        ['Secret', '--secret'],
        ['GroupAdd', '--group-add'],
        ['AddHost', '--add-host'],
        ['NetworkAlias', '--network-alias'],
        ['Ulimit', '--ulimit'],
        ['Sysctl', '--sysctl'],
        ['LogOpt', '--log-opt'],
        ['Mask', '--security-opt mask='],
        ['Unmask', '--security-opt unmask='],
      ];
      for (const [k, opt] of lists)
        for (const x of all(k)) args.push(opt.endsWith('=') ? `${opt}${q(x)}` : `${opt} ${q(x)}`);
      for (const c of all('DropCapability').flatMap(words)) args.push(`--cap-drop=${c.toLowerCase()}`);
      for (const c of all('AddCapability').flatMap(words)) args.push(`--cap-add=${c.toLowerCase()}`);
      if (bool('ReadOnly')) args.push('--read-only');
      if (bool('ReadOnlyTmpfs') === false && bool('ReadOnly')) args.push('--read-only-tmpfs=false');
      if (bool('NoNewPrivileges')) args.push('--security-opt=no-new-privileges');
      if (bool('RunInit')) args.push('--init');
      if (bool('EnvironmentHost')) args.push('--env-host');
      if (bool('SecurityLabelDisable')) args.push('--security-opt label=disable');
      if (bool('VolatileTmp')) args.push('--tmpfs /tmp:rw,size=512M,mode=1777');
      for (const [k, opt] of [
        ['SecurityLabelType', 'type'],
        ['SecurityLabelLevel', 'level'],
        ['SecurityLabelFileType', 'filetype'],
      ] as const) {
        const x = val(k);
        if (x) args.push(`--security-opt label=${opt}:${q(x)}`);
      }
      if (bool('SecurityLabelNested')) args.push('--security-opt label=nested');
      for (const x of all('Volume')) args.push('-v', q(volumeArg(x)));
      for (const x of all('Mount')) {
        const rewritten = x.replace(
          /((?:^|,)\s*(?:source|src)=)([^,]+\.(volume|image|build))(?=,|$)/i,
          (_m, pre: string, ref: string) => `${pre}${dep(ref)}`,
        );
        args.push('--mount', q(rewritten));
      }
      for (const e of all('Environment').flatMap(words)) args.push('--env', q(e));
      args.push(...labels);
      for (const a of all('Annotation').flatMap(words)) args.push('--annotation', q(a));
      const ep = v.last('Entrypoint');
      if (ep) args.push(`--entrypoint=${q(ep.node.value.trim())}`);
      if (val('AutoUpdate')) args.push('--label', `io.containers.autoupdate=${val('AutoUpdate')}`);
      args.push(...podmanArgs.map(q));
      let image = val('Image') ?? (val('Rootfs') ? `--rootfs ${q(val('Rootfs')!)}` : '');
      if (/\.(image|build)$/.test(image)) image = dep(image);
      args.push(image);
      const exec = val('Exec');
      if (exec) args.push(exec);
      serviceAdd.push(['Environment', 'PODMAN_SYSTEMD_UNIT=%n']);
      if (!quadletValues(analysis.entries, 'Service').has('KillMode')) serviceAdd.push(['KillMode', 'mixed']);
      serviceAdd.push(
        ['ExecStop', `${PODMAN} rm -v -f -i ${q(cname)}`],
        ['ExecStopPost', `-${PODMAN} rm -v -f -i ${q(cname)}`],
      );
      serviceAdd.push(['Delegate', 'yes']);
      if (!oneshot) serviceAdd.push(['Type', 'notify'], ['NotifyAccess', 'all']);
      serviceAdd.push(['SyslogIdentifier', '%N'], ['ExecStart', cmd('run', args)]);
      const reloadCmd = val('ReloadCmd');
      const reloadSignal = val('ReloadSignal');
      if (reloadCmd) serviceAdd.push(['ExecReload', `${PODMAN} exec ${q(cname)} ${reloadCmd}`]);
      else if (reloadSignal) serviceAdd.push(['ExecReload', `${PODMAN} kill --signal ${reloadSignal} ${q(cname)}`]);
      break;
    }
    case 'volume': {
      const vname = val('VolumeName') ?? `systemd-${base}`;
      const args = ['--ignore'];
      const driver = val('Driver');
      if (driver) args.push('--driver', q(driver));
      const opts: string[] = [];
      const uid = val('User');
      const gid = val('Group');
      if (uid) opts.push(`uid=${uid}`);
      if (gid) opts.push(`gid=${gid}`);
      if (val('Copy') !== undefined) opts.push(bool('Copy') ? 'copy' : 'nocopy');
      const device = val('Device');
      if (device) {
        opts.push(`device=${device}`);
        if (val('Type')) opts.push(`type=${val('Type')}`);
        if (val('Options')) opts.push(`o=${val('Options')}`);
        if (val('Type') === 'bind') unitAdd.push(['RequiresMountsFor', device]);
      }
      for (const o of opts) args.push('--opt', q(o));
      if (driver === 'image') {
        let img = val('Image') ?? '';
        if (/\.(image|build)$/.test(img)) img = dep(img);
        args.push('--opt', q(`image=${img}`));
      }
      args.push(...labels, ...podmanArgs.map(q), q(vname));
      serviceAdd.push(
        ['ExecStart', cmd('volume create', args)],
        ['Type', 'oneshot'],
        ['RemainAfterExit', 'yes'],
        ['SyslogIdentifier', '%N'],
      );
      break;
    }
    case 'network': {
      const nname = val('NetworkName') ?? `systemd-${base}`;
      const args = ['--ignore'];
      if (bool('DisableDNS')) args.push('--disable-dns');
      for (const d of all('DNS')) args.push('--dns', q(d));
      if (val('Driver')) args.push('--driver', q(val('Driver')!));
      const subnets = all('Subnet');
      const gateways = all('Gateway');
      const ranges = all('IPRange');
      subnets.forEach((s, i) => {
        args.push('--subnet', q(s));
        if (gateways[i]) args.push('--gateway', q(gateways[i]!));
        if (ranges[i]) args.push('--ip-range', q(ranges[i]!));
      });
      if (val('IPAMDriver')) args.push('--ipam-driver', q(val('IPAMDriver')!));
      if (bool('IPv6')) args.push('--ipv6');
      if (bool('Internal')) args.push('--internal');
      if (val('InterfaceName')) args.push('--interface-name', q(val('InterfaceName')!));
      for (const o of all('Options').flatMap(words)) args.push('--opt', q(o));
      args.push(...labels, ...podmanArgs.map(q), q(nname));
      serviceAdd.push(['ExecStart', cmd('network create', args)]);
      if (bool('NetworkDeleteOnStop')) serviceAdd.push(['ExecStopPost', `${PODMAN} network rm ${q(nname)}`]);
      serviceAdd.push(['Type', 'oneshot'], ['RemainAfterExit', 'yes'], ['SyslogIdentifier', '%N']);
      break;
    }
    case 'pod': {
      const pname = val('PodName') ?? `systemd-${base}`;
      const args = [
        '--infra-conmon-pidfile=%t/%N.pid',
        '--pod-id-file=%t/%N.pod-id',
        `--exit-policy=${val('ExitPolicy') ?? 'stop'}`,
        '--replace',
      ];
      for (const n of all('Network')) args.push('--network', q(networkArg(n)));
      for (const [k, opt] of [
        ['PublishPort', '--publish'],
        ['AddHost', '--add-host'],
        ['DNS', '--dns'],
        ['DNSOption', '--dns-option'],
        ['DNSSearch', '--dns-search'],
        ['NetworkAlias', '--network-alias'],
        ['UIDMap', '--uidmap'],
        ['GIDMap', '--gidmap'],
      ] as const) {
        for (const x of all(k)) args.push(opt, q(x));
      }
      for (const [k, opt] of [
        ['HostName', '--hostname'],
        ['IP', '--ip'],
        ['IP6', '--ip6'],
        ['ShmSize', '--shm-size'],
        ['UserNS', '--userns'],
        ['SubUIDMap', '--subuidname'],
        ['SubGIDMap', '--subgidname'],
      ] as const) {
        const x = val(k);
        if (x) args.push(opt, q(x));
      }
      for (const x of all('Volume')) args.push('-v', q(volumeArg(x)));
      args.push(...labels, ...podmanArgs.map(q), '--infra-name', q(`${pname}-infra`), '--name', q(pname));
      // Containers with Pod=this.pod (and StartWithPod= not false) start with the pod.
      for (const u of around) {
        if (quadletTypeOf(u.analysis.dialect?.id) !== 'container') continue;
        const cv = quadletValues(u.analysis.entries, 'Container');
        if (cv.last('Pod')?.node.value.trim() !== fileName) continue;
        if (/^(?:0|no|false|off)$/i.test(cv.last('StartWithPod')?.node.value.trim() ?? 'yes')) continue;
        const svc = serviceOfFile(basename(u.path), around);
        unitAdd.push(['Wants', svc], ['Before', svc]);
      }
      serviceAdd.push(
        ['Environment', 'PODMAN_SYSTEMD_UNIT=%n'],
        ['ExecStartPre', cmd('pod create', args)],
        ['ExecStart', `${PODMAN} pod start --pod-id-file=%t/%N.pod-id`],
        ['ExecStop', `${PODMAN} pod stop --pod-id-file=%t/%N.pod-id --ignore --time=${val('StopTimeout') ?? '10'}`],
        ['ExecStopPost', `${PODMAN} pod rm --pod-id-file=%t/%N.pod-id --ignore --force`],
        ['Type', 'forking'],
        ['Restart', 'on-failure'],
        ['PIDFile', '%t/%N.pid'],
        ['SyslogIdentifier', '%N'],
      );
      break;
    }
  }

  return { name, text: render(analysis, t, section, name, path, unitAdd, serviceAdd, notes, around) };
}

/** The file's sections in order (Quadlet's own renamed X-…), with Quadlet's additions, and a header of notes. */
function render(
  analysis: Analysis,
  t: QuadletType,
  section: string,
  name: string,
  path: string,
  unitAdd: [string, string][],
  serviceAdd: [string, string][],
  notes: string[],
  around: readonly QuadletFileAround[],
): string {
  const out: string[] = [
    `# ${name}: the unit podman's Quadlet generator would write for ${basename(path)}`,
    `# (podman 5.8.2 rules; run \`/usr/libexec/podman/quadlet -dryrun\` for podman's own output).`,
    '# Where this view may differ from podman:',
    ...NOTES.map((n) => `#   - ${n}`),
    ...notes.map((n) => `#   - ${n}`),
    '',
  ];
  const bySection = new Map<string, string[]>();
  const order: string[] = [];
  for (const e of analysis.entries) {
    const h = e.section.section.header?.name;
    if (!h || e.section.section.header?.wellFormed === false) continue;
    const out2 = h === section ? `X-${section}` : h === 'Quadlet' ? 'X-Quadlet' : h;
    if (!bySection.has(out2)) {
      bySection.set(out2, []);
      order.push(out2);
    }
    let value = e.node.value;
    // [Unit] dependencies on Quadlet files become their services.
    if (
      h === 'Unit' &&
      /^(?:After|Before|Requires|Wants|BindsTo|PartOf|Conflicts|OnFailure|OnSuccess|Requisite|Upholds|PropagatesReloadTo|ReloadPropagatedFrom|PropagatesStopTo|StopPropagatedFrom)$/.test(
        e.node.key,
      )
    ) {
      value = value
        .split(/\s+/)
        .map((w) =>
          /\.(container|volume|network|kube|image|build|pod|artifact)$/.test(w) ? serviceOfFile(w, around) : w,
        )
        .join(' ');
    }
    bySection.get(out2)!.push(`${e.node.key}=${value}`);
  }
  for (const s of analysis.sections) {
    const h = s.section.header?.name;
    if (!h) continue;
    const out2 = h === section ? `X-${section}` : h === 'Quadlet' ? 'X-Quadlet' : h;
    if (!bySection.has(out2)) {
      bySection.set(out2, []);
      order.push(out2);
    }
  }
  const add = (sec: string, kv: [string, string][]): void => {
    if (!kv.length) return;
    if (!bySection.has(sec)) {
      bySection.set(sec, []);
      order.push(sec);
    }
    bySection.get(sec)!.push(...kv.map(([k, v]) => `${k}=${v}`));
  };
  add('Unit', unitAdd);
  add('Service', serviceAdd);
  // Unit first, as podman writes it; the rest in the file's order.
  const sorted = [...order.filter((s) => s === 'Unit'), ...order.filter((s) => s !== 'Unit')];
  for (const s of sorted) {
    out.push(`[${s}]`, ...bySection.get(s)!, '');
  }
  void t;
  return out.join('\n');
}

/** For tests and the CLI: a path relative to a Quadlet file's folder, as Quadlet resolves it. */
export function resolveQuadletPath(file: string, p: string): string {
  return isAbsolute(p) ? p : join(dirname(file), p);
}
