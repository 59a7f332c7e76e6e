import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseStrace,
  receivingSockets,
  generateSocketUnits,
  renderChecked,
  unescapeStrace,
} from '../../server/src/socketActivation/strace.js';
import { createDocument, getDiagnostics } from '../../server/src/languageService.js';
import { parseUnit } from '../../server/src/parser/parser.js';

const log = (n: string) => readFileSync(join(__dirname, 'logs', n), 'utf8');

describe('strace → socket units', () => {
  it('finds the receiving sockets of a -f log with IPv4, IPv6, unix, UDP, resumed calls and a connect-only socket', () => {
    const r = parseStrace(log('mosquitto-f.log'));
    expect(r.sockets).toHaveLength(6);
    const recv = receivingSockets(r);
    expect(recv.map((s) => `${s.domain},${s.type},${s.protocol}=${s.index}`)).toEqual([
      '2,1,6=0',
      '10,1,6=0',
      '2,1,6=1',
      '1,524289,0=0',
      '2,2,17=0',
    ]);
  });

  it('writes one .socket per binding with hints, FreeBind, Install, plus the LD_PRELOAD drop-in', () => {
    const g = generateSocketUnits(log('mosquitto-f.log'), 'mosquitto', '/usr/lib/libsd-preload.so');
    expect(g.socketUnits).toEqual([
      'mosquitto-1883-ipv4.socket',
      'mosquitto-1883-ipv6.socket',
      'mosquitto-8883.socket',
      'mosquitto-mqtt.socket',
      'mosquitto-5353-udp.socket',
    ]);
    const v4 = g.files.find((f) => f.path === 'mosquitto-1883-ipv4.socket')!.content;
    expect(v4).toContain('ListenStream=0.0.0.0:1883\n');
    expect(v4).toContain('FileDescriptorName=socket(2,1,6)=0\n');
    expect(v4).toContain('Service=mosquitto.service\nFreeBind=true\n');
    expect(v4).toContain('[Install]\nWantedBy=sockets.target\n');
    const v6 = g.files.find((f) => f.path === 'mosquitto-1883-ipv6.socket')!.content;
    expect(v6).toContain('ListenStream=[::]:1883\nBindIPv6Only=ipv6-only\n');
    expect(v6).toContain('FileDescriptorName=socket(10,1,6)=0');
    expect(g.files.find((f) => f.path === 'mosquitto-8883.socket')!.content).toContain(
      'FileDescriptorName=socket(2,1,6)=1',
    );
    expect(g.files.find((f) => f.path === 'mosquitto-mqtt.socket')!.content).toContain(
      'ListenStream=/run/mosquitto/mqtt.sock',
    );
    expect(g.files.find((f) => f.path === 'mosquitto-5353-udp.socket')!.content).toContain(
      'ListenDatagram=0.0.0.0:5353\n# The first',
    );
    const dropin = g.files.find((f) => f.path === 'mosquitto.service.d/50-socket-activation.conf')!.content;
    expect(dropin).toContain('Environment=LD_PRELOAD=/usr/lib/libsd-preload.so');
    expect(g.steps[1]).toBe('sudo systemctl disable --now -- mosquitto.service');
  });

  it('reads numeric constants, abstract sockets, and counts failed calls', () => {
    const g = generateSocketUnits(log('numeric.log'), 'daemon.service', '/x.so');
    expect(g.files.map((f) => f.path)).toEqual([
      'daemon-80.socket',
      'daemon-53-udp.socket',
      'daemon-daemon-notify.socket',
      'daemon.service.d/50-socket-activation.conf',
    ]);
    expect(g.files[0]!.content).toContain('FileDescriptorName=socket(2,1,6)=1');
    expect(g.files[1]!.content).toContain('ListenDatagram=[::1]:53');
    expect(g.files[2]!.content).toContain('ListenDatagram=@daemon-notify');
  });

  it('generates units our own checker accepts without any warning', () => {
    const g = generateSocketUnits(log('mosquitto-f.log'), 'mosquitto', '/usr/lib/libsd-preload.so');
    for (const f of g.files) {
      const doc = createDocument(`/etc/systemd/system/${f.path}`, f.content);
      expect(
        getDiagnostics(doc).filter((d) => d.severity !== 'info'),
        f.path,
      ).toEqual([]);
    }
  });

  it('says so when nothing receives', () => {
    const g = generateSocketUnits('socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3\n', 'x', '/x.so');
    expect(g.files).toEqual([]);
    expect(g.warnings[0]).toContain('No socket');
  });
});

describe('nothing from the log or the settings can add a line to a generated unit (issue 10, finding 5)', () => {
  const unixLog = (path: string): string =>
    `socket(AF_UNIX, SOCK_STREAM, 0) = 3\nbind(3, {sa_family=AF_UNIX, sun_path="${path}"}, 110) = 0\nlisten(3, 5) = 0\n`;
  const tcpLog =
    'socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3\nbind(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("0.0.0.0")}, 16) = 0\nlisten(3, 5) = 0\n';
  /** Every assignment of every generated file, as section/key. */
  const keys = (g: ReturnType<typeof generateSocketUnits>): string[] =>
    g.files.flatMap((f) =>
      parseUnit(f.content).sections.flatMap((s) => s.assignments.map((a) => `${f.path}:${s.name}/${a.key}`)),
    );
  const noInjection = (g: ReturnType<typeof generateSocketUnits>): void => {
    expect(keys(g).filter((k) => /ExecStartPre|ExecStart\b/.test(k))).toEqual([]);
    for (const f of g.files) expect(f.content, f.path).not.toMatch(/[\0\r\x0b\x0c]/);
  };

  it('a NUL byte in a socket path (systemd ends the line there) does not become an ExecStartPre= line', () => {
    const g = generateSocketUnits(unixLog('/run/x.sock\0ExecStartPre=/bin/touch /tmp/pwned'), 'evil', '/usr/lib/x.so');
    noInjection(g);
    expect(g.socketUnits).toEqual([]);
    expect(g.warnings.join('\n')).toMatch(/line 2.*control character/);
  });

  it('a carriage return, or a newline written as an strace escape, is refused the same way', () => {
    for (const path of [
      '/run/x.sock\rExecStartPre=/bin/evil',
      '/run/x.sock\\nExecStartPre=/bin/evil',
      '/run/x.sock\\x0aExecStartPre=/bin/evil',
    ]) {
      const g = generateSocketUnits(unixLog(path), 'evil', '/usr/lib/x.so');
      noInjection(g);
      expect(g.socketUnits, JSON.stringify(path)).toEqual([]);
    }
  });

  it('an address that is not an IP address is refused', () => {
    const g = generateSocketUnits(
      tcpLog.replace('"0.0.0.0"', '"0.0.0.0\0ExecStartPre=/bin/evil"'),
      'evil',
      '/usr/lib/x.so',
    );
    noInjection(g);
    expect(g.socketUnits).toEqual([]);
  });

  it('a line break in the preload path is refused, with nothing generated', () => {
    for (const preload of [
      '/usr/lib/x.so\nExecStartPre=/bin/evil',
      '/usr/lib/x.so\0ExecStartPre=/bin/evil',
      '/usr/lib/x.so\r[Service]',
      'relative/x.so',
      '/usr/lib/a b.so',
      '/usr/lib/a:b.so',
      '',
    ]) {
      const g = generateSocketUnits(tcpLog, 'web', preload);
      expect(g.files, JSON.stringify(preload)).toEqual([]);
      expect(g.errors.join('\n'), JSON.stringify(preload)).toMatch(/preload/i);
    }
  });

  it('a service name that is not a valid unit name is refused', () => {
    for (const service of ['a/b', 'a\nb', 'a\0b', '../x', 'a b', '.service', '']) {
      const g = generateSocketUnits(tcpLog, service, '/usr/lib/x.so');
      expect(g.files, JSON.stringify(service)).toEqual([]);
      expect(g.errors.join('\n'), JSON.stringify(service)).toMatch(/service/i);
    }
  });

  it('% in a path is written as %% (systemd would expand it as a specifier)', () => {
    const g = generateSocketUnits(unixLog('/run/a%nb.sock'), 'web', '/opt/%lib/x.so');
    expect(g.files.find((f) => f.path.endsWith('.socket'))!.content).toContain('ListenStream=/run/a%%nb.sock\n');
    expect(g.files.find((f) => f.path.endsWith('.conf'))!.content).toContain(
      'Environment=LD_PRELOAD=/opt/%%lib/x.so\n',
    );
    for (const f of g.files) {
      const doc = createDocument(`/etc/systemd/system/${f.path}`, f.content);
      expect(
        getDiagnostics(doc).filter((d) => d.severity !== 'info'),
        f.path,
      ).toEqual([]);
    }
  });

  it('quotes and backslashes in the preload path are escaped for Environment=', () => {
    const g = generateSocketUnits(tcpLog, 'web', '/opt/it\'s"x"\\y.so');
    const conf = g.files.find((f) => f.path.endsWith('.conf'))!.content;
    expect(conf).toContain('Environment=LD_PRELOAD=/opt/it\\\'s\\"x\\"\\\\y.so\n');
    expect(keys(g).filter((k) => k.endsWith('/Environment'))).toHaveLength(1);
  });

  it('next steps put -- before the unit names and quote them', () => {
    const g = generateSocketUnits(tcpLog, 'web', '/usr/lib/x.so');
    expect(g.steps.slice(0, 3)).toEqual([
      'sudo systemctl daemon-reload',
      'sudo systemctl disable --now -- web.service',
      'sudo systemctl enable --now -- web.socket',
    ]);
    // Valid for systemd, so accepted, but never an option to systemctl; a backslash escape stays one for sh.
    const odd = generateSocketUnits(tcpLog, '-x\\x2dy', '/usr/lib/x.so');
    expect(odd.errors).toEqual([]);
    expect(odd.steps.slice(1, 3)).toEqual([
      "sudo systemctl disable --now -- '-x\\x2dy.service'",
      "sudo systemctl enable --now -- '-x\\x2dy.socket'",
    ]);
  });
});

describe('the last check before a generated unit is handed out', () => {
  it('passes exactly the lines intended', () => {
    expect(
      renderChecked([{ section: 'Socket' }, { key: 'ListenStream', value: '/run/a.sock' }, { comment: 'c' }]),
    ).toEqual({ text: '[Socket]\nListenStream=/run/a.sock\n# c\n' });
  });
  it('refuses anything that would read back differently', () => {
    for (const value of ['/a\0ExecStartPre=/x', '/a\nExecStartPre=/x', '/a\rb', 'x\\', ' x', 'x\t']) {
      expect(
        renderChecked([{ section: 'Socket' }, { key: 'ListenStream', value }]),
        JSON.stringify(value),
      ).toHaveProperty('problem');
    }
    expect(renderChecked([{ section: 'Socket' }, { key: 'A=B', value: 'c' }])).toHaveProperty('problem');
    expect(renderChecked([{ section: 'Socket]\n[Service' }])).toHaveProperty('problem');
    expect(renderChecked([{ section: 'Socket' }, { key: '#X', value: 'c' }])).toHaveProperty('problem');
  });
  it('reads strace escapes', () => {
    expect(unescapeStrace('/a\\nb\\x41\\101\\\\\\"')).toBe('/a\nbAA\\"');
  });
});
