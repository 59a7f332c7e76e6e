/**
 * A service's Type= when the unit does not set it. systemd (service.c, service_fix_up): with BusName= it is dbus,
 * else with an ExecStart= it is simple, else oneshot. The one home of this fact: every rule asks here.
 */
export type ImplicitServiceType = 'dbus' | 'simple' | 'oneshot';

export function implicitServiceType(has: {
  readonly busName: boolean;
  readonly execStart: boolean;
}): ImplicitServiceType {
  if (has.busName) return 'dbus';
  return has.execStart ? 'simple' : 'oneshot';
}
