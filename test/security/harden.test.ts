/**
 * The Harden This Service planner: what it leaves out for what the unit needs, and the score after, checked
 * against systemd 252 (the "after" values were computed by `systemd-analyze security --offline=true` on the unit
 * with the planned drop-in in its foo.service.d/).
 */
import { describe, expect, it } from 'vitest';
import { planHardening } from '../../server/src/services/security/harden.js';

const UNITS: Record<string, string> = {
  'web.service':
    '[Unit]\nAfter=network-online.target\nWants=network-online.target\n[Service]\nExecStart=/usr/bin/web --root /srv/www\nUser=www-data\nReadWritePaths=/var/lib/web\n',
  'batch.service': '[Service]\nExecStart=/usr/local/bin/batch /home/alice/data\n',
  'dyn.service': '[Service]\nDynamicUser=yes\nExecStart=/usr/bin/thing\nStateDirectory=thing\n',
};
// systemd 252.38 on the unit plus the planned drop-in.
const SYSTEMD_AFTER: Record<string, string> = {
  'safe web.service': '5.1 MEDIUM',
  'strict web.service': '3.0 OK',
  'safe batch.service': '4.8 OK',
  'strict batch.service': '2.2 OK',
  'safe dyn.service': '4.4 OK',
  'strict dyn.service': '2.1 OK',
};
const plan = (name: string, level: 'safe' | 'strict' = 'safe') =>
  planHardening([{ path: `/etc/systemd/system/${name}`, text: UNITS[name]! }], name, 252, level);

describe('planHardening', () => {
  for (const [key, expected] of Object.entries(SYSTEMD_AFTER)) {
    it(`${key}: the score after is systemd's`, () => {
      const [level, name] = key.split(' ') as ['safe' | 'strict', string];
      const p = plan(name, level);
      expect(`${p.after.exposure} ${p.after.label}`).toBe(expected);
      expect(p.after.exposureTenths).toBeLessThan(p.before.exposureTenths);
    });
  }
  it('keeps the network for a unit that waits for network-online.target', () => {
    const p = plan('web.service');
    expect(p.lines.map((l) => l.directive)).not.toContain('PrivateNetwork');
    expect(p.lines.find((l) => l.directive === 'RestrictAddressFamilies')?.value).toContain('AF_INET6');
    expect(p.notes.join(' ')).toMatch(/PrivateNetwork= left out/);
  });
  it('keeps home directories readable when ExecStart= names a path there, and does not touch User=root', () => {
    const p = plan('batch.service');
    expect(p.lines.find((l) => l.directive === 'ProtectHome')?.value).toBe('read-only');
    expect(p.lines.map((l) => l.directive)).not.toContain('User');
    expect(p.lines.map((l) => l.directive)).not.toContain('DynamicUser');
    expect(p.notes.join(' ')).toMatch(/runs as root/);
  });
  it('comments every line and proposes nothing already in place', () => {
    const p = plan('dyn.service', 'strict');
    for (const l of p.lines) expect(p.text).toContain(`# ${l.why}\n${l.directive}=${l.value}`);
    // DynamicUser= already implies these.
    expect(p.lines.map((l) => l.directive)).not.toContain('NoNewPrivileges');
    expect(p.lines.map((l) => l.directive)).not.toContain('RemoveIPC');
    expect(p.notes.join(' ')).toMatch(/Test the strict level/);
  });
});
