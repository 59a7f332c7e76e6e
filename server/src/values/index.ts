/**
 * Value validators: the single entry point validateValue() dispatches on ctx.kind (and on
 * ctx.parser / ctx.directive for refinements). Validators never throw, are linear in the input
 * and do no I/O.
 */
import { BoundedCache, ownString } from '../util/cache.js';
import type { ValueContext, ValueKind, ValueProblem, Validator } from './types.js';
import { validateBool, validateTristate } from './bool.js';
import { validateTimespan } from './timespan.js';
import { validateBytes, validateBytesOrPercent, validatePercent } from './bytes.js';
import {
  validateCountOrPercent,
  validateCpuWeight,
  validateInt,
  validateIoWeight,
  validateMode,
  validateNice,
  validateOomScore,
  validateUnsigned,
} from './numbers.js';
import { validateExitStatus, validateSignal } from './signal.js';
import { validateEnum, validateEnumList, validateEnumOrBool } from './enum.js';
import { validateExec } from './exec.js';
import { validateUnit, validateUnitList } from './unitName.js';
import { validateIpAddressList, validateSocketAddress } from './socketAddress.js';
import { validateCapabilityList } from './capability.js';
import { validateAddressFamilies, validateSyscallFilter } from './syscall.js';
import {
  validateBindPaths,
  validateEnvFile,
  validatePath,
  validatePathList,
  validateRelativePathList,
  validateTempFs,
} from './paths.js';
import { validateEnvironment, validateEnvNameList } from './environment.js';
import { validateCpuSet } from './cpuSet.js';
import { validateDeviceAllow, validateDeviceIo } from './device.js';
import { validateLimit } from './limit.js';
import { validateUser } from './user.js';
import { validateTuple } from './tuple.js';
import { validateCondition } from './condition.js';
import { validateCalendar } from './calendar.js';
import { validateString } from './strings.js';
import {
  validateBoolOrBytes,
  validateBoolOrTimespan,
  validateBytesSi,
  validateDnsServerList,
  validateDomainList,
  validateHexNumber,
  validateId128,
  validateIfname,
  validateIfnameList,
  validateIpAddress,
  validateIpAddresses,
  validateIpPrefix,
  validateMacAddress,
  validateMacAddressList,
  validateRouteTable,
  validateTcHandle,
} from './network.js';

export type { ValueContext, ValueKind, ValueProblem, Validator, SpecifierContext, Severity } from './types.js';
export { specifierContextFor } from './context.js';
export { parseBoolean } from './bool.js';
export { parseTimespan, TIME_UNITS_HINT } from './timespan.js';
export type { TimespanResult } from './timespan.js';
export { parseBytes, parsePermyriad, parsePercent } from './bytes.js';
export type { BytesResult } from './bytes.js';
export { parseCInteger } from './numbers.js';
export { parseSignal, SIGNAL_NAMES } from './signal.js';
export { suggestEnum, enumSpec, ERRNO_NAMES, isErrno } from './enum.js';
export { SPECIFIERS, specifierInfo, specifiersFor, checkSpecifiers, stripSpecifiers } from './specifiers.js';
export type { SpecifierInfo } from './specifiers.js';
export { checkUnitName, UNIT_SUFFIXES } from './unitName.js';
export { socketAddressProblem, ipPrefixProblem, isIPv4, isIPv6 } from './socketAddress.js';
export { suggestCapability } from './capability.js';
export { userNameProblem } from './user.js';
export { isEnvName, isJournalFieldName } from './environment.js';
export { fdNameProblem, interfaceNameProblem, busNameProblem } from './strings.js';
export { calendarProblem } from './calendar.js';
export { credentialNameProblem } from './tuple.js';
export { stripConditionPrefixes } from './condition.js';

const VALIDATORS: Record<ValueKind, Validator> = {
  'address-family-list': validateAddressFamilies,
  'bind-paths': validateBindPaths,
  bool: validateBool,
  bytes: validateBytes,
  'bytes-or-percent': validateBytesOrPercent,
  calendar: validateCalendar,
  'capability-list': validateCapabilityList,
  condition: validateCondition,
  'count-or-percent': validateCountOrPercent,
  'cpu-set': validateCpuSet,
  'cpu-weight': validateCpuWeight,
  'device-allow': validateDeviceAllow,
  'device-io': validateDeviceIo,
  enum: validateEnum,
  'enum-list': validateEnumList,
  'enum-or-bool': validateEnumOrBool,
  'env-file': validateEnvFile,
  'env-name-list': validateEnvNameList,
  environment: validateEnvironment,
  'exec-command': validateExec,
  'exit-status': validateExitStatus,
  ignored: () => [],
  int: validateInt,
  'io-weight': validateIoWeight,
  'ip-address-list': validateIpAddressList,
  limit: validateLimit,
  mode: validateMode,
  nice: validateNice,
  nsec: validateTimespan,
  'oom-score': validateOomScore,
  path: validatePath,
  'path-list': validatePathList,
  percent: validatePercent,
  'relative-path-list': validateRelativePathList,
  signal: validateSignal,
  'socket-address': validateSocketAddress,
  string: validateString,
  'syscall-filter': validateSyscallFilter,
  'temp-fs': validateTempFs,
  'timespan-sec': validateTimespan,
  'tristate-bool': validateTristate,
  tuple: validateTuple,
  unit: validateUnit,
  'unit-list': validateUnitList,
  unsigned: validateUnsigned,
  user: validateUser,
  'bool-or-bytes': validateBoolOrBytes,
  'bool-or-timespan': validateBoolOrTimespan,
  'bytes-si': validateBytesSi,
  'dns-server-list': validateDnsServerList,
  'domain-list': validateDomainList,
  'hex-number': validateHexNumber,
  id128: validateId128,
  ifname: validateIfname,
  'ifname-list': validateIfnameList,
  'ip-address': validateIpAddress,
  'ip-addresses': validateIpAddresses,
  'ip-prefix': validateIpPrefix,
  'mac-address': validateMacAddress,
  'mac-address-list': validateMacAddressList,
  'route-table': validateRouteTable,
  'tc-handle': validateTcHandle,
};

/** Kinds whose enum_values column lists extra keywords besides the kind's own syntax. */
const KEYWORD_KINDS = new Set<ValueKind>(['bytes', 'path', 'unsigned', 'int']);

/** Directive-level refinements of the kind (data/directives.md Appendix A). */
function effectiveKind(ctx: ValueContext): ValueKind {
  if (ctx.directive === 'OnCalendar' && ctx.section === 'Timer') return 'calendar';
  return ctx.kind;
}

/**
 * Validate one logical value. The empty value (reset semantics) is handled by the caller, so
 * it yields no problems here (except where systemd refuses it, e.g. Limit*=).
 */
/**
 * A context that callers reuse for every value of one directive (rules/values.ts keeps one per directive, unit type
 * and target version): its results are kept per value alone, without building and hashing a long key each time.
 */
const shared = new WeakMap<ValueContext, BoundedCache<string, ValueProblem[]>>();

/** The same context each time for a directive, unit type and target version (see `shared`). */
export function sharedValueContext(
  info: {
    readonly section: string;
    readonly name: string;
    readonly kind: ValueContext['kind'];
    readonly parser: string;
    readonly enumValues: readonly string[];
    readonly range?: readonly [string, string];
  },
  unitType: string | undefined,
  targetVersion: number,
): ValueContext {
  let byVersion = contexts.get(info);
  if (!byVersion) contexts.set(info, (byVersion = new Map()));
  let byType = byVersion.get(targetVersion);
  if (!byType) byVersion.set(targetVersion, (byType = new Map()));
  let ctx = byType.get(unitType);
  if (!ctx) {
    ctx = {
      section: info.section,
      directive: info.name,
      kind: info.kind,
      parser: info.parser,
      enumValues: info.enumValues,
      unitType,
      targetVersion,
      ...(info.range ? { range: info.range } : {}),
    };
    byType.set(unitType, ctx);
    // As many values as a long unit has lines of one directive (thousands of Environment= lines): no thrashing.
    shared.set(ctx, new BoundedCache<string, ValueProblem[]>({ max: 20000, ttlMs: Infinity }));
  }
  return ctx;
}
const contexts = new WeakMap<object, Map<number, Map<string | undefined, ValueContext>>>();

export function validateValue(value: string, ctx: ValueContext): ValueProblem[] {
  // Validators are pure (types.ts): the same value in the same context gives the same problems. Between two
  // edits almost every line is unchanged, so keep recent results. The key holds every field a validator may read
  // (parser and enumValues follow from section + directive).
  if (value.length > 4096) return validateUncached(value, ctx);
  const own = shared.get(ctx);
  if (own) return own.get(value, () => stored(validateUncached(value, ctx)));
  const key = `${ctx.section}\u0000${ctx.directive}\u0000${ctx.kind}\u0000${ctx.unitType ?? ''}\u0000${ctx.targetVersion}\u0000${ctx.parser}\u0000${ctx.range ?? ''}\u0000${value}`;
  // Stored problems get their own strings: a message quoting the value would otherwise keep this version of the
  // document's text alive for as long as the entry lives.
  return memo.get(key, () => stored(validateUncached(value, ctx)));
}

function stored(problems: ValueProblem[]): ValueProblem[] {
  return problems.map((p) => ({
    ...p,
    message: ownString(p.message),
    ...(p.suggestions ? { suggestions: p.suggestions.map(ownString) } : {}),
  }));
}

/** Pure memoisation (util/cache.ts policy): key = every field a validator reads, plus the value. */
const memo = new BoundedCache<string, ValueProblem[]>({ max: 60000, ttlMs: Infinity });

function validateUncached(value: string, ctx: ValueContext): ValueProblem[] {
  try {
    const kind = effectiveKind(ctx);
    if (value === '' && kind !== 'limit') return [];
    // A literal keyword the catalog lists for a size, path or number (ExternalSizeMax=infinity, ServerKeyFile=-).
    if (KEYWORD_KINDS.has(kind) && ctx.enumValues.includes(value)) return [];
    const v = VALIDATORS[kind];
    if (!v) return [];
    const problems = v(value, kind === ctx.kind ? ctx : { ...ctx, kind });
    // clamp offsets defensively
    const n = value.length;
    return problems.map((p) => {
      const start = Math.max(0, Math.min(p.start, n));
      const end = Math.max(start, Math.min(p.end, n));
      return start === p.start && end === p.end ? p : { ...p, start, end };
    });
  } catch {
    return [];
  }
}
