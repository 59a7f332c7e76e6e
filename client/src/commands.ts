/** The commands, bundled separately (dist/commands.js) and loaded on first use so activation stays small and fast. */
export {
  createOverride,
  moveToDropIn,
  convertFullCopy,
  showDropIns,
  showEffectiveUnit,
  EffectiveUnitProvider,
  EFFECTIVE_SCHEME,
} from './dropinCommands.js';
export { generateSocketUnitsFromStrace } from './socketCommands.js';
export { setHardwareWatchdog } from './watchdogCommand.js';
