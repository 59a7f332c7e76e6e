/**
 * The server's commands (`workspace/executeCommand`), by name: declared in the initialize answer, so they live
 * apart from the planners (services/commands.ts), which the server loads on the first command.
 */
export const SERVER_COMMANDS = {
  createOverride: 'systemd-units.createOverride',
  moveToDropIn: 'systemd-units.moveToDropIn',
  convertFullCopy: 'systemd-units.convertFullCopy',
  showDropIns: 'systemd-units.showDropIns',
  showEffectiveUnit: 'systemd-units.showEffectiveUnit',
  setHardwareWatchdog: 'systemd-units.setHardwareWatchdog',
  generateSocketUnits: 'systemd-units.generateSocketUnits',
  /** Podman Quadlet: the .service podman's generator would write (services/quadletGenerate.ts). */
  showGeneratedUnit: 'systemd-units.showGeneratedUnit',
  /** The exposure table of a service (services/security/), as systemd-analyze security prints it. */
  showSecurity: 'systemd-units.showSecurity',
  /** Harden This Service: a hardening.conf drop-in (args: file, 'safe' | 'strict' | { directive, value }). */
  hardenService: 'systemd-units.hardenService',
} as const;
export type ServerCommand = (typeof SERVER_COMMANDS)[keyof typeof SERVER_COMMANDS];
