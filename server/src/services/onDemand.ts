/**
 * The features the first diagnostics do not need: completion, hover, code actions, the editor's other requests,
 * the server's commands and the writers. The facade loads this module on demand (`loadLanguageFeatures()`), so the
 * LSP server starts and checks its first files without parsing this code; a bundle keeps it in its own chunk.
 * Import it only through the facade's loader; a static import anywhere in the server's graph would make it eager.
 */
export { getCompletions } from './completion.js';
export { getHover } from './hover.js';
export { getDocumentSymbols } from './symbols.js';
export { getFoldingRanges } from './folding.js';
export { getDocumentLinks } from './links.js';
export { getDefinition } from './definition.js';
export { getCodeActions, getMoveToDropInActions, textEditsOf } from './codeActions.js';
export { formatDocument, applyEdits } from './formatting.js';
export { getSemanticTokens } from './semanticTokens.js';
export { getDocumentHighlights } from './highlight.js';
export { findUnitReferences, unitNameAt } from './references.js';
export { dropInLens } from './codeLens.js';
export { getInlayHints } from './inlayHints.js';
export { quadletRefAt, quadletMentions } from './quadletAssist.js';
export { planGeneratedUnit } from './quadletGenerate.js';
export {
  planCreateOverride,
  planShowDropIns,
  planShowEffective,
  planMoveChangeToDropIn,
  planConvertFullCopy,
  planSetHardwareWatchdog,
  planGenerateSocketUnits,
  planShowSecurity,
  planHardenService,
} from './commands.js';
export {
  validateUnitName,
  realProbe,
  writeFilesAllOrNothing,
  writeFileAtomic,
  ensureFolderInside,
} from '../units/safeWrite.js';
