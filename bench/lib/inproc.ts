/**
 * The language service in the benchmark's own process (bundled by bench/run.mjs with the production esbuild options),
 * to split the protocol round trip into compute and transport.
 */
export { createDocument, getDiagnostics } from '../../server/src/languageService.js';
export { getCompletions } from '../../server/src/services/completion.js';
export { getHover } from '../../server/src/services/hover.js';
export { getDocumentSymbols } from '../../server/src/services/symbols.js';
export { getFoldingRanges } from '../../server/src/services/folding.js';
export { offsetAt } from '../../server/src/parser/lineIndex.js';
export { decodeBytes } from '../../server/src/parser/bytes.js';
