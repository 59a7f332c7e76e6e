/**
 * Stage 4: Podman Quadlet files (.container, .volume, .network, .kube, .image, .build, .pod, .artifact) as podman's
 * generator converts them (quadlet.tsv, files.md §4, podman v5.8.2 pkg/systemd/quadlet/quadlet.go). The generator
 * exits 0 but writes no unit for a file it refuses, so each refusal here is an error:
 *
 * - keys and file types newer than the target podman (`systemd.podmanVersion`): "unsupported key";
 * - missing or conflicting keys the converter checks (Image=/Rootfs=, Device= for Type=/Options=, Image= for
 *   Driver=image, Subnet= for Gateway=/IPRange=, User= for Group=, ReloadCmd=/ReloadSignal=, the Remap*= keys);
 * - values the converter parses itself (ExposeHostPort=, Tmpfs=, RemapUsers=, SetWorkingDirectory=, a Mount= of
 *   type image without source=, [Service] Type=/KillMode=);
 * - references to Quadlet files that podman does not see (Pod=, Network=, Volume=, Mount=, Image=, [Unit] After=…),
 *   resolved among the files around (the rule context's workspace: units/quadletFiles.ts);
 * - warnings podman gives: [Service] User=/Group=/DynamicUser=, a short image name; and booleans systemd reads as
 *   true that Quadlet reads as false (y, t).
 * Main-file checks (what must be set) skip drop-ins: they only add to a main file.
 */
import type { Rule, RuleContext } from './types.js';
import type { Entry } from '../model.js';
import {
  NEWEST_PODMAN,
  quadletUnitRows,
  quadletKeySince,
  quadletSection,
  quadletTypeOf,
  quadletTypeSince,
  type QuadletType,
} from '../../catalog/dialects.js';
import { quadletScopeOf } from '../../units/quadletFiles.js';

/** "5.3.0" > "5.2.1". */
export function podmanNewer(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

/** The assignments of a section as Quadlet reads them: `all` lists (an empty value drops the earlier ones), `last` wins. */
export interface QuadletValues {
  all(key: string): Entry[];
  last(key: string): Entry | undefined;
  has(key: string): boolean;
}

export function quadletValues(entries: readonly Entry[], section: string): QuadletValues {
  const by = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.section.status !== 'ok' || e.section.section.header?.name !== section) continue;
    const k = e.node.key;
    if (e.node.value === '') {
      by.set(k, []);
      continue;
    }
    const l = by.get(k);
    if (l) l.push(e);
    else by.set(k, [e]);
  }
  return {
    all: (key) => by.get(key) ?? [],
    last: (key) => {
      const l = by.get(key);
      return l?.[l.length - 1];
    },
    has: (key) => (by.get(key)?.length ?? 0) > 0,
  };
}

/** The Quadlet file types a reference may name, by the key that holds it. */
const REF_SUFFIX = /\.(container|volume|network|kube|image|build|pod|artifact)$/;

/** A fully qualified image name has a registry (a first part with '.' or ':', or localhost) or is an image ID. */
export function isFullyQualifiedImage(image: string): boolean {
  if (/^(?:sha256:)?[0-9a-f]{64}$/.test(image)) return true;
  const slash = image.indexOf('/');
  if (slash < 0) return false;
  const first = image.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost';
}

/** Quadlet's boolean test: true only for 1, yes, true, on (any case). */
export function quadletBool(v: string): boolean {
  return /^(?:1|yes|true|on)$/i.test(v.trim());
}

const MAPPING_KEYS = ['UserNS', 'UIDMap', 'GIDMap', 'SubUIDMap', 'SubGIDMap'];
const REMAP_KEYS = ['RemapUsers', 'RemapUid', 'RemapGid', 'RemapUidSize'];
/** [Unit] keys whose NAME.container/.volume… values Quadlet rewrites to service names (quadlet.tsv `*` Unit After). */
const UNIT_DEP_KEYS = [
  'After',
  'Before',
  'Requires',
  'Wants',
  'BindsTo',
  'PartOf',
  'Conflicts',
  'OnFailure',
  'OnSuccess',
  'Requisite',
  'Upholds',
  'PropagatesReloadTo',
  'ReloadPropagatedFrom',
  'PropagatesStopTo',
  'StopPropagatedFrom',
];

function run(ctx: RuleContext, t: QuadletType): void {
  const { analysis } = ctx;
  const dialectId = analysis.dialect!.id;
  const section = quadletSection(t);
  const dropIn = analysis.file.kind === 'config' && analysis.file.dropIn;
  const target = ctx.options.podmanVersion ?? NEWEST_PODMAN;
  const v = quadletValues(analysis.entries, section);
  // This file's own path, as the workspace names it (the analysis itself has none).
  const selfPath = ctx.options.workspace?.().find((u) => u.analysis === analysis)?.path ?? '';
  const refused = (e: Entry | undefined, message: string, span?: { start: number; end: number }): void => {
    const at = span ?? (e ? { start: e.node.keySpan.start, end: e.node.valueSpan.end } : headerSpan());
    ctx.report(
      { ...at, code: 'quadlet-conversion-error', message: `${message} Quadlet generates no unit for this file.` },
      e,
    );
  };
  function headerSpan(): { start: number; end: number } {
    const h = analysis.sections.find((s) => s.section.header?.name === section)?.section.header;
    if (h) return { start: h.nameSpan.start, end: h.nameSpan.end };
    const first = analysis.doc.nodes.find((n) => n.kind !== 'blank' && n.kind !== 'comment');
    const end = first
      ? first.start + analysis.doc.text.slice(first.start, first.end).replace(/[\r\n]+$/, '').length
      : 0;
    return { start: first?.start ?? 0, end };
  }

  // The file type itself and every key against the target podman.
  const typeSince = quadletTypeSince(t);
  if (!dropIn && podmanNewer(typeSince, target)) {
    ctx.report({
      ...headerSpan(),
      code: 'quadlet-newer-than-podman',
      message: `.${t} files were added in podman ${typeSince}; podman ${target} (the target version) does not read them at all.`,
    });
    return;
  }
  for (const e of analysis.entries) {
    const name = e.section.section.header?.name;
    if (!e.info || !name || (name !== section && name !== 'Quadlet')) continue;
    const since = quadletKeySince(dialectId, name, e.node.key);
    if (since && podmanNewer(since, target) && name === 'Quadlet' && podmanNewer('5.3.0', target)) {
      // Before 5.3.0 there is no [Quadlet] group: it is copied into the unit like any other, and systemd skips it.
      ctx.report(
        {
          start: e.node.keySpan.start,
          end: e.node.keySpan.end,
          code: 'quadlet-newer-than-podman',
          severity: 'warning',
          message: `[Quadlet] ${e.node.key}= was added in podman ${since}; podman ${target} (the target version) copies the [Quadlet] section into the generated unit, where systemd ignores it, so this has no effect.`,
        },
        e,
      );
    } else if (since && podmanNewer(since, target)) {
      ctx.report(
        {
          start: e.node.keySpan.start,
          end: e.node.keySpan.end,
          code: 'quadlet-newer-than-podman',
          message: `${e.node.key}= was added to [${name}] in podman ${since}; podman ${target} (the target version) refuses it as an unsupported key, and Quadlet generates no unit for this file.`,
        },
        e,
      );
    }
    // Quadlet's own boolean test (unitfile.go LookupBoolean): y and t, true for systemd, are false here.
    if (e.info.kind === 'bool' && /^(?:y|t)$/i.test(e.node.value.trim())) {
      ctx.report(
        {
          start: e.node.valueSpan.start,
          end: e.node.valueSpan.end,
          code: 'quadlet-boolean-false',
          message: `Quadlet reads '${e.node.value}' as false: only 1, yes, true and on are true in a Quadlet section.`,
          data: { suggestions: ['yes'] },
        },
        e,
      );
    }
  }

  // [Service]: what Quadlet refuses, overrides or warns about (quadlet.tsv rows on the generated unit).
  const service = quadletValues(analysis.entries, 'Service');
  const rowFor = (key: string): string | undefined =>
    quadletUnitRows().find((r) => r[1] === 'Service' && r[2] === key && (r[0] === `.${t}` || r[0] === '*'))?.[3];
  for (const key of ['User', 'Group', 'DynamicUser']) {
    for (const e of service.all(key)) {
      ctx.report({
        start: e.node.keySpan.start,
        end: e.node.keySpan.end,
        code: 'quadlet-service-setting',
        message: `podman warns about ${key}= in [Service] of a Quadlet file ("not supported - use at your own risk"): it changes who runs podman itself, not the container.${t === 'container' && key !== 'DynamicUser' ? ` Use ${key}= in [Container] for the container's ${key === 'User' ? 'user' : 'group'}.` : ''}`,
      });
    }
  }
  if (t === 'container' || t === 'kube') {
    const type = service.last('Type');
    if (type && !['notify', 'oneshot'].includes(type.node.value.trim()) && rowFor('Type')) {
      refused(
        type,
        `Quadlet accepts only Type=notify or Type=oneshot in [Service] of a .${t} file, not '${type.node.value}'.`,
        type.node.valueSpan,
      );
    }
    const kill = service.last('KillMode');
    if (kill && !['mixed', 'control-group'].includes(kill.node.value.trim()) && rowFor('KillMode')) {
      refused(
        kill,
        `Quadlet accepts only KillMode=mixed or KillMode=control-group in [Service] of a .${t} file, not '${kill.node.value}'.`,
        kill.node.valueSpan,
      );
    }
  }
  if (t === 'pod') {
    for (const key of ['Type', 'Restart']) {
      const e = service.last(key);
      if (e && rowFor(key)) {
        ctx.report({
          start: e.node.keySpan.start,
          end: e.node.valueSpan.end,
          code: 'quadlet-service-setting',
          message: `Quadlet sets ${key}=${key === 'Type' ? 'forking' : 'on-failure'} in a pod's service itself; this ${key}= is overwritten.`,
        });
      }
    }
  }

  // Keys the converter checks together. Requirements of the main file only; drop-ins add to it.
  if (!dropIn) {
    if (t === 'container' && v.has('Image') && v.has('Rootfs'))
      refused(v.last('Rootfs'), 'Image= and Rootfs= cannot both be set.');
    if (t === 'volume') {
      for (const key of ['Type', 'Options'])
        if (v.has(key) && !v.has('Device')) refused(v.last(key), `${key}= needs Device= in [Volume].`);
      const driver = v.last('Driver');
      if (driver?.node.value.trim() === 'image' && !v.has('Image'))
        refused(driver, 'Driver=image needs Image= (the image the volume is made from).');
    }
    if (t === 'network') {
      const subnets = v.all('Subnet').length;
      for (const [key, what] of [
        ['Gateway', 'gateways'],
        ['IPRange', 'ranges'],
      ] as const) {
        const list = v.all(key);
        if (!list.length) continue;
        if (subnets === 0) refused(list[0], `${key}= needs a Subnet= line to pair with.`);
        else if (list.length > subnets)
          refused(
            list[subnets],
            `More ${what} (${list.length}) than subnets (${subnets}): each ${key}= pairs with a Subnet= line in order.`,
          );
      }
    }
    if (t === 'container' && v.has('Group') && !v.has('User'))
      refused(v.last('Group'), 'Group= needs User= in [Container].');
    if (t === 'build') {
      const file = v.last('File')?.node.value.trim();
      if (file && !file.startsWith('/') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(file) && !v.has('SetWorkingDirectory')) {
        refused(
          v.last('File'),
          `A relative File= (${file}) needs SetWorkingDirectory= to say where the build context is.`,
        );
      }
    }
  }
  if (t === 'container' && v.has('ReloadCmd') && v.has('ReloadSignal'))
    refused(v.last('ReloadSignal'), 'ReloadCmd= and ReloadSignal= cannot both be set.');
  if (t === 'container' || t === 'kube' || t === 'pod') {
    const remap = v.last('RemapUsers');
    const mode = remap?.node.value.trim();
    if (remap && mode && !['manual', 'auto', 'keep-id'].includes(mode))
      refused(remap, `RemapUsers= takes manual, auto or keep-id, not '${mode}'.`, remap.node.valueSpan);
    else if (remap && mode === 'manual' && t === 'kube')
      refused(remap, 'RemapUsers=manual is not supported in a .kube file.', remap.node.valueSpan);
    else if (remap && mode === 'keep-id' && quadletScopeOf(selfPath) === 'system')
      refused(
        remap,
        "RemapUsers=keep-id works only for a user's Quadlet files, not for system units.",
        remap.node.valueSpan,
      );
    if (!remap) {
      for (const key of ['RemapUid', 'RemapGid']) if (v.has(key)) refused(v.last(key), `${key}= needs RemapUsers=.`);
    }
    const mapping = MAPPING_KEYS.find((k) => v.has(k));
    const old = REMAP_KEYS.find((k) => v.has(k));
    if (mapping && old)
      refused(
        v.last(old),
        `The deprecated ${old}= cannot be combined with ${mapping}=; use ${mapping}= (and UIDMap=/GIDMap=) alone.`,
      );
  }
  if (t === 'kube') {
    const swd = v.last('SetWorkingDirectory');
    const mode = swd?.node.value.trim();
    if (swd && mode === 'yaml' && v.all('Yaml').length !== 1)
      refused(swd, 'SetWorkingDirectory=yaml works only with exactly one Yaml=.');
  }
  if (t === 'container') {
    for (const e of v.all('ExposeHostPort')) {
      if (!/^\d{1,5}(?:-\d{1,5})?(?:\/(?:tcp|udp))?$/.test(e.node.value.trim()))
        refused(e, `ExposeHostPort= takes PORT[-PORT][/tcp|/udp], not '${e.node.value}'.`, e.node.valueSpan);
    }
    for (const e of v.all('Tmpfs')) {
      if ((e.node.value.match(/:/g) ?? []).length > 1)
        refused(e, `Tmpfs= takes CONTAINER-DIR[:OPTIONS] (one ':'), not '${e.node.value}'.`, e.node.valueSpan);
    }
    for (const e of v.all('Mount')) {
      const parts = parseMount(e.node.value);
      if (parts.type === 'image' && !parts.source)
        refused(e, 'A Mount= of type=image needs source= (the image to mount).', e.node.valueSpan);
    }
  }

  checkReferences(ctx, t, selfPath);

  // podman warns about a short image name: the registry is looked up through registries.conf, which may be ambiguous.
  if (t === 'container' || t === 'image' || t === 'volume') {
    const img = v.last('Image');
    const name = img?.node.value.trim();
    if (img && name && !REF_SUFFIX.test(name) && !isFullyQualifiedImage(name)) {
      ctx.report({
        start: img.node.valueSpan.start,
        end: img.node.valueSpan.end,
        code: 'quadlet-short-image-name',
        message: `'${name}' is not a fully qualified image name; podman warns, and the image is looked up through registries.conf, which may be ambiguous. Name the registry (docker.io/library/${name.includes('/') ? name : name}, quay.io/…).`,
      });
    }
  }
}

/** A podman --mount value as key=value pairs (the first one may be `type=`). */
export function parseMount(value: string): { type?: string; source?: string; destination?: string } {
  const out: { type?: string; source?: string; destination?: string } = {};
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const k = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const val = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (k === 'type') out.type = val;
    else if (k === 'source' || k === 'src') out.source = val;
    else if (k === 'destination' || k === 'dst' || k === 'target') out.destination = val;
  }
  return out;
}

/** A Quadlet file name referred to by a value, and where in the value it is. */
export interface QuadletRef {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** The Quadlet file names a [Section] Key= value refers to (Network=foo.network:opts, Volume=foo.volume:/data…). */
export function quadletRefsIn(section: string, key: string, value: string): QuadletRef[] {
  const ref = (name: string, start: number): QuadletRef[] => {
    const m = REF_SUFFIX.exec(name);
    return m && name.length > m[0].length && !name.includes('/')
      ? [{ name, start, end: start + name.length, type: m[1]! }]
      : [];
  };
  if (section === 'Unit') {
    if (!UNIT_DEP_KEYS.includes(key)) return [];
    const out: QuadletRef[] = [];
    for (const m of value.matchAll(/\S+/g)) out.push(...ref(m[0], m.index));
    return out;
  }
  switch (key) {
    case 'Pod':
    case 'Image':
      return ref(value.trim(), value.length - value.trimStart().length);
    case 'Network': {
      const lead = value.length - value.trimStart().length;
      const v = value.trim();
      if (v.startsWith('container:')) return ref(v.slice(10), lead + 10);
      return ref(v.split(':')[0]!, lead);
    }
    case 'Volume': {
      const lead = value.length - value.trimStart().length;
      const v = value.trim();
      return v.includes(':') ? ref(v.split(':')[0]!, lead) : [];
    }
    case 'Mount': {
      const out: QuadletRef[] = [];
      let at = 0;
      for (const part of value.split(',')) {
        const m = /^\s*(source|src)=(.*)$/i.exec(part);
        if (m) out.push(...ref(m[2]!.trim(), at + part.indexOf('=') + 1 + (m[2]!.length - m[2]!.trimStart().length)));
        at += part.length + 1;
      }
      return out;
    }
    default:
      return [];
  }
}

/** Which file types each key may name (podman refuses another type: "is not Quadlet based" and the like). */
const REF_TYPES: Readonly<Record<string, readonly string[]>> = {
  Pod: ['pod'],
  Image: ['image', 'build'],
  Network: ['network', 'container'],
  Volume: ['volume'],
  Mount: ['volume', 'image', 'build', 'artifact'],
};

function checkReferences(ctx: RuleContext, t: QuadletType, selfPath: string): void {
  const { analysis } = ctx;
  const known = new Set<string>();
  let haveWorkspace = false;
  for (const u of ctx.options.workspace?.() ?? []) {
    haveWorkspace = true;
    const f = u.analysis.file;
    if (f.kind === 'config' && !f.dropIn && quadletTypeOf(f.dialect)) known.add(f.name);
  }
  if (!haveWorkspace) return;
  const section = quadletSection(t);
  for (const e of analysis.entries) {
    const name = e.section.section.header?.name;
    if (e.section.status !== 'ok' || !name || (name !== section && name !== 'Unit') || e.node.value === '') continue;
    const key = e.node.key;
    if (name === section && !REF_TYPES[key]) continue;
    for (const r of quadletRefsIn(name, key, e.node.value)) {
      const span = valueSpan(e, r);
      const allowed = name === 'Unit' ? undefined : REF_TYPES[key];
      if (allowed && !allowed.includes(r.type)) {
        if (key === 'Pod' || (key === 'Image' && t === 'container')) {
          ctx.report(
            {
              ...span,
              code: 'quadlet-conversion-error',
              message: `${key}= takes ${allowed.map((x) => `NAME.${x}`).join(' or ')} here, not a .${r.type} file. Quadlet generates no unit for this file.`,
            },
            e,
          );
        }
        continue;
      }
      if (
        key === 'Network' &&
        r.type === 'container' &&
        !e.node.value.trim().startsWith('container:') &&
        e.node.value.includes(':')
      ) {
        ctx.report(
          {
            ...span,
            code: 'quadlet-conversion-error',
            message: `Network=${r.name} shares that container's network and takes no options. Quadlet generates no unit for this file.`,
          },
          e,
        );
      }
      if (known.has(r.name) || known.has(r.name.replace(/@[^.]*\./, '@.'))) continue;
      ctx.report(
        {
          ...span,
          code: 'quadlet-unknown-reference',
          message: `${r.name} is not among the Quadlet files podman reads here (this folder${selfPath.includes('/containers/systemd/') ? ' and the other containers/systemd/ folders' : ''}); the generator fails on it and generates no unit for this file.${name === 'Unit' ? '' : ` Create ${r.name}, or name an existing podman ${r.type === 'container' ? 'container' : r.type === 'build' ? 'image' : r.type} without the .${r.type} suffix.`}`,
        },
        e,
      );
    }
  }
}

function valueSpan(e: Entry, r: QuadletRef): { start: number; end: number } {
  // Values on one line: offsets map directly; a continued value falls back to the whole value.
  const vs = e.node.valueSpan;
  return vs.end - vs.start === e.node.value.length
    ? { start: vs.start + r.start, end: vs.start + r.end }
    : { start: vs.start, end: vs.end };
}

export const quadletRule: Rule = {
  stage: 4,
  name: 'quadlet',
  codes: [
    'quadlet-conversion-error',
    'quadlet-unknown-reference',
    'quadlet-newer-than-podman',
    'quadlet-service-setting',
    'quadlet-boolean-false',
    'quadlet-short-image-name',
  ],
  run(ctx) {
    const t = quadletTypeOf(ctx.analysis.dialect?.id);
    if (t) run(ctx, t);
  },
};
