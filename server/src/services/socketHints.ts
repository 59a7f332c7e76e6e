/** Socket hints for a whole socket unit (completion, hover): the pure hint facts live in socketActivation/hints.ts. */
import type { Analysis } from './model.js';
import {
  AF,
  SOCK,
  IPPROTO,
  describeHint,
  domainsOfAddress,
  typeOfListen,
  type Hint,
} from '../socketActivation/hints.js';

export { parseHint, describeHint } from '../socketActivation/hints.js';

export interface HintSuggestion {
  readonly hint: string;
  readonly explanation: string;
}

/** The hints that match this socket unit's Listen*= lines (for completion). */
export function socketHintFor(analysis: Analysis, index = 0): HintSuggestion[] {
  const out: HintSuggestion[] = [];
  const service = serviceOf(analysis);
  for (const e of analysis.entries) {
    if (!e.info || e.info.section !== 'Socket') continue;
    const type = typeOfListen(e.info.name);
    if (type === undefined || !e.node.value) continue;
    for (const domain of domainsOfAddress(e.node.value)) {
      const proto =
        domain === AF.AF_UNIX
          ? 0
          : type === SOCK.SOCK_STREAM
            ? IPPROTO.IPPROTO_TCP
            : type === SOCK.SOCK_DGRAM
              ? IPPROTO.IPPROTO_UDP
              : 0;
      const h: Hint = { domain, type, protocol: proto, index };
      out.push({
        hint: `socket(${domain},${type},${proto})=${index}`,
        explanation: `For ${e.info.name}=${e.node.value}: ${describeHint(h, service)}.`,
      });
    }
  }
  return out;
}

/** The service a socket unit activates: Service= or the same name with .service. */
export function serviceOf(analysis: Analysis): string {
  let service: string | undefined;
  for (const e of analysis.entries)
    if (e.info?.section === 'Socket' && e.info.name === 'Service' && e.node.value) service = e.node.value;
  if (service) return service;
  if (analysis.file.kind === 'unit' || analysis.file.kind === 'dropin') {
    const n = analysis.file.unitName;
    const at = n.indexOf('@');
    return at > 0 ? `${n.slice(0, at)}@.service` : n.replace(/\.socket$/, '.service');
  }
  return 'the service';
}
