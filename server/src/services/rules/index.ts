/** The rule registry, in stage order. Add a rule: one file, one line here. */
import type { Rule } from './types.js';
import { syntaxRule } from './syntax.js';
import { sectionsRule } from './sections.js';
import { directivesRule } from './directives.js';
import { versionsRule } from './versions.js';
import { statusRule } from './status.js';
import { duplicatesRule } from './duplicates.js';
import { valuesRule } from './values.js';
import { userNobodyRule } from './userNobody.js';
import { serviceRule } from './service.js';
import { watchdogRule } from './watchdog.js';
import { serviceWatchdogRule } from './serviceWatchdog.js';
import { fdHintsRule } from './fdHints.js';
import { dropInsRule } from './dropins.js';
import { vendorModifiedRule } from './vendorModified.js';
import { dialectFileRule } from './dialectFile.js';
import { timerRule } from './timer.js';
import { socketRule } from './socket.js';
import { pathRule } from './path.js';
import { mountRule } from './mount.js';
import { sliceRule } from './slice.js';
import { unitLoadRule } from './unitLoad.js';
import { valueVersionsRule } from './valueVersions.js';
import { execShellRule } from './execShell.js';
import { literalTextRule } from './literalText.js';
import { networkOnlineRule } from './networkOnline.js';
import { quadletRule } from './quadlet.js';
import { hardeningRule } from './hardening.js';

export const RULES: readonly Rule[] = [
  syntaxRule,
  sectionsRule,
  directivesRule,
  versionsRule,
  statusRule,
  duplicatesRule,
  valuesRule,
  userNobodyRule,
  watchdogRule,
  serviceWatchdogRule,
  fdHintsRule,
  serviceRule,
  dropInsRule,
  vendorModifiedRule,
  timerRule,
  socketRule,
  pathRule,
  mountRule,
  sliceRule,
  unitLoadRule,
  valueVersionsRule,
  execShellRule,
  literalTextRule,
  networkOnlineRule,
  dialectFileRule,
  quadletRule,
  hardeningRule,
].sort((a, b) => a.stage - b.stage);
