/**
 * Every diagnostic code, its default severity and what it means. The code is stable: it is the settings key
 * (`systemd.diagnostics.severity`), what tests assert and what the CLI prints. Reword messages freely; never
 * rename a code.
 *
 * Severity policy: error where systemd ignores the line or refuses the unit; warning where the line is
 * deprecated, renamed or has no effect; info for style.
 */
import type { Severity } from '../values/types.js';
import { HARDENING_CHECKS, type HardeningCode } from './security/fixes.js';

/** How an editor may show a code: struck through (deprecated) or faded (a line that does nothing). */
export type CodeTag = 'deprecated' | 'unnecessary';

export interface CodeInfo {
  readonly severity: Severity;
  readonly doc: string;
  readonly tag?: CodeTag;
}

const BASE_CODES = {
  // Stage 1: syntax (from the parser)
  'invalid-section-header': {
    severity: 'error',
    doc: 'A section header without its closing bracket or with bad characters; systemd refuses the file.',
  },
  'missing-equals': {
    severity: 'error',
    doc: 'A line that is neither a section header, a comment nor Key=Value; systemd ignores it.',
  },
  'missing-key': { severity: 'error', doc: "A line starting with '='; systemd ignores it." },
  'include-unsupported': { severity: 'error', doc: "'.include' was removed from systemd; the line is ignored." },
  'invalid-utf8': { severity: 'warning', doc: 'Bytes that are not valid UTF-8.' },
  'nul-byte': { severity: 'error', doc: 'A NUL byte; systemd ends the line there.' },
  'line-too-long': { severity: 'error', doc: 'A line over 1 MiB; systemd refuses the file.' },
  'continuation-at-eof': { severity: 'info', doc: 'The last line ends with a continuation backslash.' },
  // Stage 2: structure
  'assignment-outside-section': {
    severity: 'error',
    doc: 'An assignment before the first section header; systemd ignores it.',
  },
  'unknown-section': {
    severity: 'error',
    doc: 'A section this file type does not have; systemd ignores all of it (X- sections are allowed).',
  },
  'unknown-directive': {
    severity: 'error',
    doc: 'A directive systemd does not know in this section; it is ignored (X- keys are allowed).',
  },
  'directive-wrong-section': {
    severity: 'error',
    doc: 'A directive that belongs to another section; systemd ignores it here.',
  },
  'directive-wrong-unit-type': { severity: 'error', doc: 'A directive this unit type does not support.' },
  'newer-than-target': { severity: 'error', doc: 'A directive the target systemd version does not know yet.' },
  'deprecated-directive': { severity: 'warning', tag: 'deprecated', doc: 'A deprecated directive that still works.' },
  'renamed-directive': {
    severity: 'warning',
    tag: 'deprecated',
    doc: 'An old spelling of a directive that has a new name.',
  },
  'ignored-directive': {
    severity: 'warning',
    tag: 'unnecessary',
    doc: 'A directive systemd accepts but ignores (a compatibility stub).',
  },
  'moved-directive': {
    severity: 'warning',
    doc: 'A compatibility copy of a directive that now lives in another section.',
  },
  'duplicate-directive': {
    severity: 'warning',
    tag: 'unnecessary',
    doc: 'A single-valued directive set more than once; only one assignment takes effect.',
  },
  'empty-reset-ignored': {
    severity: 'warning',
    tag: 'unnecessary',
    doc: 'An empty assignment to a list that cannot be reset (After=, Wants=…); it does nothing.',
  },
  // Stage 3: values
  'invalid-value': { severity: 'error', doc: 'A value systemd cannot parse for this directive.' },
  'unknown-specifier': { severity: 'error', doc: 'A % specifier systemd does not know here.' },
  'deprecated-specifier': {
    severity: 'warning',
    tag: 'deprecated',
    doc: 'A % specifier that still works but is deprecated.',
  },
  'specifier-too-new': {
    severity: 'error',
    doc: 'A % specifier the target systemd version does not know yet: that version refuses the value ("Invalid slot").',
  },
  'value-newer-than-target': {
    severity: 'error',
    doc: 'An enum value the target systemd version does not know yet (Type=notify-reload before 253); that version ignores the line.',
  },
  'deprecated-value': {
    severity: 'warning',
    tag: 'deprecated',
    doc: 'A value that still works but is deprecated or has a new spelling.',
  },
  'unknown-capability': { severity: 'warning', doc: 'A capability name systemd does not know; it drops it silently.' },
  'condition-never-met': {
    severity: 'warning',
    doc: 'A condition value systemd cannot evaluate: the condition counts as failed.',
  },
  // Stage 4: the unit as a whole
  'service-missing-exec-start': {
    severity: 'error',
    doc: 'A service systemd refuses for lack of ExecStart= (or ExecStop=/SuccessAction= for oneshot).',
  },
  'service-multiple-exec-start': {
    severity: 'error',
    doc: 'More than one ExecStart= outside Type=oneshot; systemd refuses the unit.',
  },
  'service-invalid-combination': {
    severity: 'error',
    doc: 'Settings that systemd refuses together (Type=oneshot with Restart=always, Type=dbus without BusName=).',
  },
  'service-setting-ignored': {
    severity: 'warning',
    tag: 'unnecessary',
    doc: 'A service setting systemd drops with a warning when it loads the unit (RuntimeMaxSec= on Type=oneshot, USBFunctionDescriptors= without USBFunctionStrings=).',
  },
  'timer-missing-trigger': {
    severity: 'error',
    doc: 'A timer with no trigger (OnCalendar=, OnBootSec=, … or OnClockChange=/OnTimezoneChange=yes); systemd refuses the unit.',
  },
  'socket-missing-listen': { severity: 'error', doc: 'A socket unit with no Listen*= port; systemd refuses the unit.' },
  'socket-accept-conflict': {
    severity: 'error',
    doc: 'Accept=yes with a port that cannot accept connections, MaxConnections=0 or an explicit Service=; systemd refuses the unit.',
  },
  'socket-symlinks-target': {
    severity: 'error',
    doc: 'Symlinks= on a socket unit without exactly one FIFO or Unix socket path to point to; systemd refuses the unit.',
  },
  'path-missing-watch': {
    severity: 'error',
    doc: 'A path unit with nothing to watch (no PathExists=, PathChanged=, …); systemd refuses the unit.',
  },
  'unit-name-path-mismatch': {
    severity: 'error',
    doc: 'A mount, automount or swap unit whose file name is not the escaped Where=/What= path; systemd refuses the unit.',
  },
  'mount-missing-what': { severity: 'error', doc: 'A mount unit without What=; systemd refuses the unit.' },
  'mount-api-path': {
    severity: 'error',
    doc: 'A mount unit for an API file system systemd mounts itself (/proc, /sys, /dev, /run…), or an automount for /; systemd refuses the unit.',
  },
  'slice-invalid-name': {
    severity: 'error',
    doc: "A slice whose name is not valid (a template, or a leading, trailing or double '-'); systemd cannot load it.",
  },
  'pam-kill-mode': {
    severity: 'error',
    doc: 'PAMName= with a KillMode= that leaves processes outside the session; systemd refuses the unit.',
  },
  'on-failure-isolate': {
    severity: 'error',
    doc: 'OnFailureJobMode=isolate with more than one OnFailure= unit; systemd refuses the unit.',
  },
  // The other dialects as a whole (networkd, daemon configs…: services/rules/dialectFile.ts)
  'file-ignored-no-match': {
    severity: 'error',
    doc: 'A .network or .link file with no setting in [Match]: systemd ignores the whole file (Name=* or OriginalName=* matches everything).',
  },
  'file-missing-required-key': {
    severity: 'error',
    doc: 'A file without a key it needs (a .netdev without Kind= or Name=, a VXLAN without VNI=…): systemd ignores the whole file.',
  },
  'section-wrong-kind': {
    severity: 'error',
    doc: 'A .netdev section for another Kind= ([VLAN] in a Kind=dummy file): systemd ignores the whole section.',
  },
  'section-object-incomplete': {
    severity: 'error',
    doc: 'A repeatable section ([Address], [Route]…) without the key it needs: systemd drops that section.',
  },
  'section-repeated': {
    severity: 'info',
    doc: 'A section that is not repeatable written twice: its settings merge as if written in the first one.',
  },
  // Drop-ins checked against the unit they apply to
  'dropin-missing-reset': {
    severity: 'error',
    doc: 'A drop-in adds a second ExecStart= to a service that is not oneshot; systemd refuses the unit. Reset with an empty ExecStart= first.',
  },
  'dropin-no-change': {
    severity: 'warning',
    tag: 'unnecessary',
    doc: 'A drop-in assignment that sets what the unit already has.',
  },
  'dropin-unknown-unit': { severity: 'warning', doc: 'A drop-in in a unit folder for a unit that does not exist.' },
  'dropin-list-append': {
    severity: 'info',
    doc: "A drop-in line that adds to a list the vendor's unit already has (OnCalendar=, ExecStartPre=, Environment=…); the vendor's entries stay. Reset with an empty assignment first to replace them.",
  },
  'vendor-modified': {
    severity: 'warning',
    doc: 'A vendor unit file that differs from what its package or repository shipped; a package upgrade replaces it. Move the change to a drop-in.',
  },
  'empty-value-ignored': {
    severity: 'warning',
    doc: 'An empty assignment that systemd refuses instead of resetting to the default (the parser has no empty case); the earlier value stays.',
  },
  // Beyond systemd: hardware watchdog, service watchdog, socket activation hints
  'watchdog-out-of-range': {
    severity: 'warning',
    doc: 'A hardware watchdog timeout the driver refuses: systemd then leaves the watchdog disarmed.',
  },
  'service-watchdog-without-notify': {
    severity: 'info',
    doc: 'A reminder on WatchdogSec= of a service that is not Type=notify: the program itself must send WATCHDOG=1 in time, or systemd stops it as hung.',
  },
  'fd-hint-syntax': {
    severity: 'warning',
    doc: 'A FileDescriptorName= socket hint that is not socket(DOMAIN,TYPE,PROTOCOL)=N.',
  },
  'fd-hint-invalid': {
    severity: 'warning',
    doc: 'A socket hint whose domain, type and protocol Linux does not accept together.',
  },
  'fd-hint-mismatch': { severity: 'warning', doc: "A socket hint that does not match the unit's Listen*= socket." },
  'fd-hint-duplicate': { severity: 'warning', doc: 'Two socket units feeding the same service with the same hint.' },
  'fd-hint-no-preload': {
    severity: 'info',
    doc: 'A service fed by hinted sockets without LD_PRELOAD in its environment.',
  },
  // Limits
  'file-too-large': { severity: 'error', doc: 'A file over the size limit (4 MiB): it is not analysed.' },
  'too-many-problems': {
    severity: 'info',
    doc: 'The per-file limit of diagnostics was reached; the rest are not shown.',
  },
  'user-nobody': {
    severity: 'warning',
    doc: 'User=nobody shares its identity with unrelated processes; use DynamicUser= or a dedicated user.',
  },
  // Mistakes systemd does not catch
  'exec-shell-syntax': {
    severity: 'warning',
    doc: 'Shell syntax in an Exec*= line (a redirection, pipe, &&, ||, ~, a glob): systemd runs no shell, so the program gets it as a literal argument.',
  },
  'environment-variable-reference': {
    severity: 'warning',
    doc: 'A $VAR in Environment=: systemd does not expand variables there, so the value holds the text $VAR.',
  },
  'inline-comment': {
    severity: 'warning',
    doc: "A '#' after a value: only a line starting with '#' or ';' is a comment, so the text belongs to the value.",
  },
  'network-online-without-wants': {
    severity: 'warning',
    doc: 'After=network-online.target without Wants=network-online.target: After= only orders, so the unit may start before the network is up.',
  },
  // Podman Quadlet (services/rules/quadlet.ts): what podman's generator refuses or warns about when it converts a file
  'quadlet-conversion-error': {
    severity: 'error',
    doc: "A Quadlet file podman's generator refuses when it converts it (Image= and Rootfs= together, Gateway= without Subnet=, ReloadCmd= with ReloadSignal=, RemapUsers=manual in a .kube, a bad ExposeHostPort=…): no unit is generated.",
  },
  'quadlet-unknown-reference': {
    severity: 'error',
    doc: 'A reference to a Quadlet file podman does not see (Pod=foo.pod, Network=foo.network, Volume=foo.volume:/data, Image=foo.image, After=foo.container…): the generator fails and no unit is generated.',
  },
  'quadlet-newer-than-podman': {
    severity: 'error',
    doc: 'A Quadlet key or file type newer than the target podman (systemd.podmanVersion): that podman refuses it as unsupported, and no unit is generated.',
  },
  'quadlet-service-setting': {
    severity: 'warning',
    doc: "A [Service] setting of a Quadlet file that podman warns about (User=, Group=, DynamicUser=) or that Quadlet overwrites (a pod's Type=/Restart=).",
  },
  'quadlet-boolean-false': {
    severity: 'warning',
    doc: 'A boolean systemd reads as true (y, t) but Quadlet reads as false: in Quadlet sections only 1, yes, true and on are true.',
  },
  'quadlet-short-image-name': {
    severity: 'warning',
    doc: 'An image without a registry (nginx instead of docker.io/library/nginx): podman warns, and the name is resolved through registries.conf, which may be ambiguous.',
  },
  'timer-unit-missing': {
    severity: 'warning',
    doc: 'A timer whose unit (Unit=, or the service of the same name) is not installed where the timer is; systemd refuses to start the timer.',
  },
} as const satisfies Record<string, CodeInfo>;

/**
 * The hardening family (services/rules/hardening.ts): one code per check of `systemd-analyze security`, generated
 * from the checks table (services/security/securityData.generated.ts) so that it never drifts from it. Hints by
 * default; raise them in `systemd.diagnostics.severity`.
 */
const HARDENING_CODES = Object.fromEntries(
  HARDENING_CHECKS.map((c) => [
    c.code,
    {
      severity: 'hint',
      doc: `The exposure check ${c.id} of systemd-analyze security fails: ${c.bad} (passing: ${c.good}). Only reported when systemd.hardening.diagnostics is on.`,
    },
  ]),
) as Record<HardeningCode, CodeInfo>;

export const CODES: typeof BASE_CODES & Record<HardeningCode, CodeInfo> = { ...BASE_CODES, ...HARDENING_CODES };

export type DiagnosticCode = keyof typeof BASE_CODES | HardeningCode;

export function defaultSeverity(code: string): Severity {
  return (CODES as Record<string, { severity: Severity }>)[code]?.severity ?? 'error';
}

/** The page that explains a code (docs/diagnostics.md, generated from this table by scripts/generateDocs.mjs). */
export const CODE_DOCS_URL = 'https://github.com/systemd-units/systemd-units/blob/main/docs/diagnostics.md';

export function codeDocsUrl(code: string): string {
  return `${CODE_DOCS_URL}#${code}`;
}

export function codeTag(code: string): CodeTag | undefined {
  return (CODES as Record<string, CodeInfo>)[code]?.tag;
}
