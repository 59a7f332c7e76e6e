import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { getHover } from '../../server/src/services/hover.js';
import { withCursor } from '../support/cursor.js';
import { limitsForDriver } from '../../server/src/watchdog/drivers.js';

const hover = (path: string, text: string, opts = {}) => {
  const { doc, offset } = withCursor(path, text);
  return getHover(doc, offset, { manPages: false, ...opts })?.markdown ?? '';
};

describe('hover', () => {
  it('explains a directive: summary, syntax, default, since, man page anchor', () => {
    const h = hover('/x/a.service', '[Service]\nRest$0art=on-failure\n');
    expect(h).toContain('**Restart=**');
    expect(h).toContain('**Since:** systemd');
    expect(h).toContain('https://www.freedesktop.org/software/systemd/man/latest/systemd.service.html#Restart%3D');
  });

  it('names the replacement of a renamed directive', () => {
    expect(hover('/x/a.service', '[Unit]\nBind$0To=x.service\n')).toContain('old spelling of `BindsTo=`');
  });

  it('explains values: enum meaning, time span in seconds, byte size in bytes, boolean', () => {
    expect(hover('/x/a.service', '[Service]\nType=noti$0fy\n')).toMatch(/`notify` — \S/);
    expect(hover('/x/a.service', '[Service]\nTimeoutStopSec=1min 3$00s\n')).toContain('90 s');
    expect(hover('/x/a.service', '[Service]\nMemoryMax=1G 51$02M\n')).toContain('1,610,612,736 bytes');
    expect(hover('/x/a.service', '[Service]\nNoNewPrivileges=o$0n\n')).toContain('**true**');
  });

  it('explains specifiers', () => {
    expect(hover('/x/a@.service', '[Service]\nExecStart=/bin/echo %$0i\n')).toMatch(/instance/i);
  });

  it('says a socket hint in words', () => {
    const h = hover(
      '/x/mqtt.socket',
      '[Socket]\nListenStream=127.0.0.1:1883\nFileDescriptorName=sock$0et(2,1,6)=0\nService=mosquitto.service\n',
    );
    expect(h).toContain(
      'the first `socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)` call of mosquitto.service gets this socket',
    );
  });

  it('shows watchdog seconds, ticks and the driver range', () => {
    const h = hover('/etc/systemd/system.conf', '[Manager]\nRuntimeWatchdogSec=10min 1$04s\n', {
      watchdog: limitsForDriver('iTCO-v2'),
    });
    expect(h).toContain('**614 s**');
    expect(h).toContain('1023 ticks of 0.6 s');
    expect(h).toContain('3–614 s');
    expect(hover('/etc/systemd/system.conf', '[Manager]\nRuntimeWatchdogSec=615$0\n')).toContain('**Outside**');
  });

  it('explains sd_notify messages on Type=notify, WatchdogSec= and NotifyAccess=', () => {
    expect(hover('/x/a.service', '[Service]\nTy$0pe=notify\n')).toContain('READY=1');
    expect(hover('/x/a.service', '[Service]\nWatchdog$0Sec=30\n')).toContain('WATCHDOG=1');
    expect(hover('/x/a.service', '[Service]\nNotify$0Access=main\n')).toContain('STATUS=');
  });

  // The man page folder is fixed (/usr/share/man, /usr/local/share/man), so this reads the machine's own page:
  // systemd's package installs it here and on CI. A missing page fails the test rather than skipping it.
  it('shows the local man page text', () => {
    const page = '/usr/share/man/man5/systemd.service.5.gz';
    expect(existsSync(page), `${page} is not installed (it comes with the systemd package)`).toBe(true);
    // The first sentence of the entry, taken from the roff source itself: `.PP`, `\fIRemainAfterExit=\fR`, `.RS 4`, text.
    const roff = gunzipSync(readFileSync(page)).toString('utf8').split('\n');
    const at = roff.findIndex(
      (l, i) => l === '\\fIRemainAfterExit=\\fR' && roff[i - 1] === '.PP' && roff[i + 1] === '.RS 4',
    );
    expect(at).toBeGreaterThan(0);
    const sentence = roff[at + 2]!.replace(/\\&/g, '')
      .replace(/\\-/g, '-')
      .split(/(?<=\.) /)[0]!;
    expect(sentence.length).toBeGreaterThan(20);

    const { doc, offset } = withCursor('/x/a.service', '[Service]\nRemainAfter$0Exit=yes\n');
    const h = getHover(doc, offset, { manPages: true })!.markdown;
    expect(h).toContain('*From the local man page systemd.service(5):*');
    expect(h.slice(h.indexOf('From the local man page'))).toContain(sentence);
    expect(getHover(doc, offset, { manPages: false })!.markdown).not.toContain('From the local man page');
  });
});
