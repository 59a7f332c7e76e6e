/** Hover on an LD_PRELOAD= line says whether the library is installed (issue 12). */
import { describe, it, expect } from 'vitest';
import { createLanguageService } from '../../server/src/languageService.js';

describe('LD_PRELOAD hover', () => {
  const text = '[Service]\nEnvironment=LD_PRELOAD=/usr/local/lib/sockethack/libsockethack.so\n';
  const at = text.indexOf('sockethack.so');
  it('says when the library is missing, and how to install it', () => {
    const ls = createLanguageService({ fileExists: () => false });
    const h = ls.getHover(ls.parse('/x/mosquitto.service.d/50-socket-activation.conf', text), at);
    expect(h?.markdown).toMatch(/libsockethack\.so` is not installed on this machine/);
    expect(h?.markdown).toContain('make -C preload install');
  });
  it('says when it is there', () => {
    const ls = createLanguageService({ fileExists: (p) => p === '/usr/local/lib/sockethack/libsockethack.so' });
    const h = ls.getHover(ls.parse('/x/mosquitto.service.d/50-socket-activation.conf', text), at);
    expect(h?.markdown).toMatch(/libsockethack\.so` is installed on this machine/);
  });
});
