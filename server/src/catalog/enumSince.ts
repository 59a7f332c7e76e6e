/**
 * The first systemd release that accepts each enum value of a directive (data/enum-values-since.tsv through
 * enumSince.generated.ts), for flagging values newer than the target version.
 */
import { enumSinceTables } from './enumSince.generated.js';

export interface ValueSince {
  /** First release whose parser accepts the value. */
  readonly since: number;
  /** Older stable series whose point releases accept it too (e.g. 252.x for a value of 253). */
  readonly backportedTo: readonly number[];
}

/** When `value` of directive `name` appeared; undefined when it is older than v200 (or not tracked). */
export function enumValueSince(name: string, value: string): ValueSince | undefined {
  const row = enumSinceTables().ENUM_VALUE_SINCE[name]?.[value];
  if (!row) return undefined;
  const [since, ...backportedTo] = row;
  return { since: since!, backportedTo };
}

/** Does systemd `version` (any point release of it) accept the value? */
export function acceptsValue(since: ValueSince, version: number): boolean {
  return version >= since.since || since.backportedTo.includes(version);
}
