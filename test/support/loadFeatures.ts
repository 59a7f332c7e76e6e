/**
 * Vitest setup: load the language features the facade keeps on demand (services/onDemand.ts), as the LSP server
 * does before its first request, so tests call every feature of a language service directly.
 */
import { loadLanguageFeatures } from '../../server/src/languageService.js';

await loadLanguageFeatures();
