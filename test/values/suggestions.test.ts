/** Fixes are data: a validator that names a better value puts it in `suggestions`; nothing parses the message. */
import { describe, it, expect } from 'vitest';
import { createDocument, getDiagnostics } from '../../server/src/languageService.js';

const CASES: [string, string, string][] = [
  // [section, line, the suggestion]
  ['Service', 'Restart=on-falure', 'on-failure'],
  ['Service', 'KillSignal=SIGTERN', 'SIGTERM'],
  ['Service', 'CapabilityBoundingSet=CAP_RAWIO', 'CAP_SYS_RAWIO'],
  ['Service', 'SystemCallFilter=@sytem-service', '@system-service'],
  ['Service', 'RestrictAddressFamilies=AF_INETT', 'AF_INET'],
  ['Service', 'LogLevelMax=warnin', 'warning'],
  ['Unit', 'ConditionVirtualization=vmwere', 'vmware'],
  ['Service', 'SuccessExitStatus=TEMPFAI', 'TEMPFAIL'],
  ['Service', 'ProtectSystem=strikt', 'strict'],
];

describe('validators hand over their suggestions as data', () => {
  for (const [section, line, want] of CASES) {
    it(`${line} → ${want}`, () => {
      const doc = createDocument(
        '/tmp/x.service',
        `[${section}]\n${line}\n${section === 'Unit' ? '[Service]\n' : ''}ExecStart=/bin/true\n`,
      );
      const d = getDiagnostics(doc).find((x) => x.data?.suggestions?.length);
      expect(d?.data?.suggestions?.[0]).toBe(want);
      // The message says it in words too, but the fix never reads it from there.
      expect(d?.message).toContain(want);
    });
  }
});
