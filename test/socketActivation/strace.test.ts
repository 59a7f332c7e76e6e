import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStrace, receivingSockets, generateSocketUnits } from '../../server/src/socketActivation/strace.js';
import { createDocument, getDiagnostics } from '../../server/src/languageService.js';

const log = (n: string) => readFileSync(join(__dirname, 'logs', n), 'utf8');

describe('strace → socket units', () => {
  it('finds the receiving sockets of a -f log with IPv4, IPv6, unix, UDP, resumed calls and a connect-only socket', () => {
    const r = parseStrace(log('mosquitto-f.log'));
    expect(r.sockets).toHaveLength(6);
    const recv = receivingSockets(r);
    expect(recv.map((s) => `${s.domain},${s.type},${s.protocol}=${s.index}`)).toEqual([
      '2,1,6=0', '10,1,6=0', '2,1,6=1', '1,524289,0=0', '2,2,17=0',
    ]);
  });

  it('writes one .socket per binding with hints, FreeBind, Install, plus the LD_PRELOAD drop-in', () => {
    const g = generateSocketUnits(log('mosquitto-f.log'), 'mosquitto', '/usr/lib/libsd-preload.so');
    expect(g.socketUnits).toEqual(['mosquitto-1883-ipv4.socket', 'mosquitto-1883-ipv6.socket', 'mosquitto-8883.socket', 'mosquitto-mqtt.socket', 'mosquitto-5353-udp.socket']);
    const v4 = g.files.find((f) => f.path === 'mosquitto-1883-ipv4.socket')!.content;
    expect(v4).toContain('ListenStream=0.0.0.0:1883\n');
    expect(v4).toContain('FileDescriptorName=socket(2,1,6)=0\n');
    expect(v4).toContain('Service=mosquitto.service\nFreeBind=true\n');
    expect(v4).toContain('[Install]\nWantedBy=sockets.target\n');
    const v6 = g.files.find((f) => f.path === 'mosquitto-1883-ipv6.socket')!.content;
    expect(v6).toContain('ListenStream=[::]:1883\nBindIPv6Only=ipv6-only\n');
    expect(v6).toContain('FileDescriptorName=socket(10,1,6)=0');
    expect(g.files.find((f) => f.path === 'mosquitto-8883.socket')!.content).toContain('FileDescriptorName=socket(2,1,6)=1');
    expect(g.files.find((f) => f.path === 'mosquitto-mqtt.socket')!.content).toContain('ListenStream=/run/mosquitto/mqtt.sock');
    expect(g.files.find((f) => f.path === 'mosquitto-5353-udp.socket')!.content).toContain('ListenDatagram=0.0.0.0:5353\n# The first');
    const dropin = g.files.find((f) => f.path === 'mosquitto.service.d/50-socket-activation.conf')!.content;
    expect(dropin).toContain('Environment=LD_PRELOAD=/usr/lib/libsd-preload.so');
    expect(g.steps[1]).toBe('sudo systemctl disable --now mosquitto.service');
  });

  it('reads numeric constants, abstract sockets, and counts failed calls', () => {
    const g = generateSocketUnits(log('numeric.log'), 'daemon.service', '/x.so');
    expect(g.files.map((f) => f.path)).toEqual(['daemon-80.socket', 'daemon-53-udp.socket', 'daemon-daemon-notify.socket', 'daemon.service.d/50-socket-activation.conf']);
    expect(g.files[0]!.content).toContain('FileDescriptorName=socket(2,1,6)=1');
    expect(g.files[1]!.content).toContain('ListenDatagram=[::1]:53');
    expect(g.files[2]!.content).toContain('ListenDatagram=@daemon-notify');
  });

  it('generates units our own checker accepts without any warning', () => {
    const g = generateSocketUnits(log('mosquitto-f.log'), 'mosquitto', '/usr/lib/libsd-preload.so');
    for (const f of g.files) {
      const doc = createDocument(`/etc/systemd/system/${f.path}`, f.content);
      expect(getDiagnostics(doc).filter((d) => d.severity !== 'info'), f.path).toEqual([]);
    }
  });

  it('says so when nothing receives', () => {
    const g = generateSocketUnits('socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3\n', 'x', '/x.so');
    expect(g.files).toEqual([]);
    expect(g.warnings[0]).toContain('No socket');
  });
});
