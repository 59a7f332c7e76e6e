/**
 * One fix per exposure check: the line that makes the check pass (or improves it most), and the diagnostic code of
 * the check (`hardening-<json field in kebab case>`). The codes table (services/codes.ts) is generated from these.
 */
import { mergeUnit, type SourceFile } from '../../units/effective.js';
import { capabilities, securityChecks } from './tables.js';
import { scoreService, type SecurityScore } from './score.js';

/** "CapabilityBoundingSet_CAP_SYS_ADMIN" → "capability-bounding-set-cap-sys-admin". */
export function kebabOf(jsonField: string): string {
  return jsonField
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

export type HardeningCode = `hardening-${string}`;

const codesByField = new Map<string, HardeningCode>();
/** The diagnostic code of a check, by its JSON field (a fixed set of ~80: kept, not rebuilt per diagnostic). */
export const hardeningCodeOf = (jsonField: string): HardeningCode => {
  let code = codesByField.get(jsonField);
  if (code === undefined) codesByField.set(jsonField, (code = `hardening-${kebabOf(jsonField)}`));
  return code;
};

/**
 * Every check's code with its table row (v260's table: a superset of older ones). Read when this module loads:
 * the codes table (services/codes.ts) and the hardening rule's `codes` list need it then.
 */
export const HARDENING_CHECKS: readonly { code: HardeningCode; id: string; bad: string; good: string }[] =
  securityChecks().map((c) => ({ code: hardeningCodeOf(c.jsonField), id: c.id, bad: c.bad, good: c.good }));

export interface HardeningFix {
  readonly directive: string;
  readonly value: string;
}

/** The capabilities a "CapabilityBoundingSet=~CAP_SET(UID|GID|PCAP)" check is about. */
function capsOf(pattern: string): string[] {
  const re = new RegExp(`^(?:${pattern.replace(/\*/g, '[A-Z_]*')})$`);
  return capabilities().filter((c) => re.test(c));
}

const YES = new Set([
  'PrivateDevices',
  'PrivateMounts',
  'PrivateNetwork',
  'PrivateTmp',
  'PrivateUsers',
  'ProtectControlGroups',
  'ProtectKernelModules',
  'ProtectKernelTunables',
  'ProtectKernelLogs',
  'ProtectClock',
  'ProtectHome',
  'ProtectHostname',
  'LockPersonality',
  'MemoryDenyWriteExecute',
  'NoNewPrivileges',
  'RemoveIPC',
  'RestrictRealtime',
  'RestrictSUIDSGID',
]);

const FIXED: Record<string, HardeningFix> = {
  'User=/DynamicUser=': { directive: 'DynamicUser', value: 'yes' },
  'SupplementaryGroups=': { directive: 'SupplementaryGroups', value: '' },
  'ProtectSystem=': { directive: 'ProtectSystem', value: 'strict' },
  'UMask=': { directive: 'UMask', value: '0077' },
  'KeyringMode=': { directive: 'KeyringMode', value: 'private' },
  'ProtectProc=': { directive: 'ProtectProc', value: 'invisible' },
  'ProcSubset=': { directive: 'ProcSubset', value: 'pid' },
  'NotifyAccess=': { directive: 'NotifyAccess', value: 'main' },
  'Delegate=': { directive: 'Delegate', value: 'no' },
  'SystemCallArchitectures=': { directive: 'SystemCallArchitectures', value: 'native' },
  'IPAddressDeny=': { directive: 'IPAddressDeny', value: 'any' },
  'DeviceAllow=': { directive: 'DevicePolicy', value: 'closed' },
  'AmbientCapabilities=': { directive: 'AmbientCapabilities', value: '' },
  'RestrictAddressFamilies=~AF_(INET|INET6)': { directive: 'RestrictAddressFamilies', value: '~AF_INET AF_INET6' },
  'RestrictAddressFamilies=~…': { directive: 'RestrictAddressFamilies', value: 'AF_UNIX AF_INET AF_INET6' },
};

/** The line a quick fix adds for a check (undefined: no one-line fix, e.g. RootDirectory=/RootImage=). */
export function fixForCheck(id: string): HardeningFix | undefined {
  if (FIXED[id]) return FIXED[id];
  const [key, rest] = [id.slice(0, id.indexOf('=')), id.slice(id.indexOf('=') + 1)];
  if (!rest && YES.has(key)) return { directive: key, value: 'yes' };
  if (key === 'CapabilityBoundingSet' && rest.startsWith('~')) {
    const caps = capsOf(rest.slice(1));
    return caps.length ? { directive: key, value: `~${caps.join(' ')}` } : undefined;
  }
  if ((key === 'RestrictNamespaces' || key === 'SystemCallFilter' || key === 'RestrictAddressFamilies') && rest)
    return { directive: key, value: rest };
  return undefined;
}

/** The line `Directive=value`. */
export const fixLine = (f: HardeningFix): string => `${f.directive}=${f.value}`;

/** `text` with `line` added at the end of its [Service] section (a [Service] section appended if there is none). */
export function withServiceLine(text: string, line: string): { text: string; at: number; insert: string } {
  const lines = text.split('\n');
  let inService = false;
  let lastServiceLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (/^\[.*\]$/.test(t)) inService = t === '[Service]';
    else if (inService && t && !t.startsWith('#') && !t.startsWith(';')) lastServiceLine = i;
    else if (inService && lastServiceLine < 0 && lines[i - 1]?.trim() === '[Service]') lastServiceLine = i - 1;
  }
  if (lastServiceLine < 0) {
    const header = lines.findIndex((l) => l.trim() === '[Service]');
    lastServiceLine = header;
  }
  if (lastServiceLine < 0) {
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    const insert = `${sep}[Service]\n${line}\n`;
    return { text: text + insert, at: text.length, insert };
  }
  // After the last line of the section (continuation lines included).
  let end = lastServiceLine;
  while (end + 1 < lines.length && lines[end]!.endsWith('\\')) end++;
  const at = lines.slice(0, end + 1).join('\n').length + 1;
  const insert = `${line}\n`;
  if (at > text.length) return { text: `${text}\n${line}\n`, at: text.length, insert: `\n${line}\n` };
  return { text: text.slice(0, at) + insert + text.slice(at), at, insert };
}

/**
 * The score after one line is added: into one of the files (inline) when given, else in a new drop-in after the
 * others.
 */
export function scoreWithLine(
  sources: readonly SourceFile[],
  unitName: string,
  version: number,
  line: string,
  /** The index in `sources` of the file the line goes into (undefined: a new drop-in). */
  inline?: number,
): SecurityScore {
  const self = inline ?? -1;
  const next =
    self >= 0 && sources[self]?.text !== undefined
      ? sources.map((s, i) => (i === self ? { ...s, text: withServiceLine(s.text!, line).text } : s))
      : [...sources, { path: `/${unitName}.d/hardening.conf`, text: `[Service]\n${line}\n` }];
  return scoreService(mergeUnit(next), unitName, version);
}

/** Directives whose assignments add up (a second line extends or resets the list): a fix adds a line. */
const LIST_DIRECTIVES = new Set([
  'CapabilityBoundingSet',
  'AmbientCapabilities',
  'SystemCallFilter',
  'RestrictNamespaces',
  'RestrictAddressFamilies',
  'SupplementaryGroups',
  'DeviceAllow',
  'IPAddressDeny',
]);

/**
 * The edit that applies a fix in a file: a single-value directive already set in its [Service] section gets the new
 * value in place (no second line for the duplicates check to flag); otherwise the line is added at the end of the
 * section. `assignments`: the file's [Service] assignments.
 */
export function fixEdit(
  text: string,
  assignments: readonly { readonly key: string; readonly eq: number; readonly valueSpan: { readonly end: number } }[],
  fix: HardeningFix,
): { start: number; end: number; newText: string; text: string; replaced: boolean } {
  const last = LIST_DIRECTIVES.has(fix.directive)
    ? undefined
    : assignments.filter((a) => a.key === fix.directive).at(-1);
  if (last) {
    const start = last.eq + 1;
    const end = Math.max(start, last.valueSpan.end);
    return { start, end, newText: fix.value, text: text.slice(0, start) + fix.value + text.slice(end), replaced: true };
  }
  const w = withServiceLine(text, fixLine(fix));
  return { start: w.at, end: w.at, newText: w.insert, text: w.text, replaced: false };
}

/** The one-line fix of a hardening-… diagnostic, from its code alone (diagnostics carry no data for it). */
export function fixForCode(code: string): HardeningFix | undefined {
  const check = HARDENING_CHECKS.find((c) => c.code === code);
  return check ? fixForCheck(check.id) : undefined;
}
