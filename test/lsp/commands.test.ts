/**
 * Every server command (`executeCommandProvider`) over real stdio, in a temp workspace that mirrors a root
 * (etc/systemd/system, usr/lib/systemd/system…), for the two kinds of client:
 *  (a) one that applies `workspace/applyEdit` with resource operations: the server sends CreateFile + text edits;
 *  (b) one without applyEdit (Neovim 0.7, scripts): the server writes the files itself.
 * Plus the text commands, unsafe input, and the completion cases of issue 11 (end of file, order).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  mkdtempSync as mkdtemp,
  writeFileSync,
  mkdirSync,
  readFileSync,
  existsSync,
  readdirSync,
  statSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { startServer, SERVER, type TestServer } from '../support/lspClient.js';
import { SERVER_COMMANDS } from '../../server/src/services/commands.js';

const CLI = join(__dirname, '../../dist/cli.js');
const WEB = '[Unit]\nDescription=Web\n[Service]\nExecStart=/usr/bin/web\nRestart=on-failure\n';
const NETWORK = '[Match]\nName=en*\n\n[Network]\nDHCP=yes\n';

/** Temp folders of this file, removed at the end. */
const temps: string[] = [];
function mkdtempSync(prefix: string): string {
  const d = mkdtemp(prefix);
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Every command some test ran: at the end, each declared command must be in here. */
const ran = new Set<string>();

function put(root: string, rel: string, text: string): string {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

/** A workspace that mirrors a root: vendor units, an /etc full copy, system.conf, journald.conf, a vendor .network. */
function makeMirror(): string {
  const m = mkdtempSync(join(tmpdir(), 'sdu-cmds-'));
  mkdirSync(join(m, 'etc/systemd/system'), { recursive: true });
  put(m, 'usr/lib/systemd/system/web.service', WEB);
  put(m, 'etc/systemd/system/web.service.d/10-tmp.conf', '[Service]\nPrivateTmp=yes\nNoNewPrivileges=yes\n');
  put(m, 'usr/lib/systemd/system/copy.service', '[Service]\nExecStart=/usr/bin/copy\nRestart=no\n');
  put(m, 'etc/systemd/system/copy.service', '[Service]\nExecStart=/usr/bin/copy\nRestart=always\n');
  put(m, 'etc/systemd/system.conf', '[Manager]\n');
  put(m, 'etc/systemd/journald.conf', '[Journal]\nStorage=persistent\n');
  put(m, 'usr/lib/systemd/journald.conf.d/10-vendor.conf', '[Journal]\nCompress=yes\n');
  put(m, 'usr/lib/systemd/network/80-wired.network', NETWORK);
  put(m, 'etc/containers/systemd/app.container', '[Container]\nImage=docker.io/library/nginx\nPublishPort=8080:80\n');
  put(m, 'logs/app.strace', readFileSync(join(__dirname, '../socketActivation/logs/numeric.log'), 'utf8'));
  return m;
}

/** Every file under `dir` with its bytes (to prove vendor files are untouched, byte for byte). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const uri = (p: string): string => pathToFileURL(p).href;
const inside = (p: string, root: string): boolean =>
  !relative(root, p).startsWith('..') && !relative(root, p).startsWith('/');

function runner(s: TestServer) {
  return (command: keyof typeof SERVER_COMMANDS, ...args: unknown[]): Promise<any> => {
    ran.add(SERVER_COMMANDS[command]);
    return s.conn.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS[command], arguments: args });
  };
}

/** The server is still there and answers. */
async function alive(s: TestServer): Promise<void> {
  expect(s.proc.exitCode).toBeNull();
  const r: any = await s.conn.sendRequest('textDocument/completion', {
    textDocument: { uri: 'file:///tmp/alive.service' },
    position: { line: 0, character: 0 },
  });
  expect(r).toBeDefined();
}

/** Apply a WorkspaceEdit like an editor: CreateFile never over an existing file, then the text edits. */
function applyLikeAnEditor(edit: any): { applied: boolean; failureReason?: string } {
  const textEdit = (u: string, edits: any[]): void => {
    const p = fileURLToPath(u);
    const before = readFileSync(p, 'utf8');
    writeFileSync(p, TextDocument.applyEdits(TextDocument.create(u, 'systemd', 0, before), edits));
  };
  for (const c of edit.documentChanges ?? []) {
    if (c.kind === 'create') {
      const p = fileURLToPath(c.uri);
      if (existsSync(p) && !c.options?.overwrite) return { applied: false, failureReason: `${p} exists` };
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, '', { flag: 'wx' });
    } else if (c.kind) return { applied: false, failureReason: `unexpected ${c.kind}` };
    else textEdit(c.textDocument.uri, c.edits);
  }
  for (const [u, edits] of Object.entries(edit.changes ?? {})) textEdit(u, edits as any[]);
  return { applied: true };
}

/** The files a WorkspaceEdit creates, with their content, and the documents it edits. */
function createdBy(edit: any): { created: Map<string, string>; edited: Map<string, any[]> } {
  const created = new Map<string, string>();
  const edited = new Map<string, any[]>();
  const changes: any[] = edit.documentChanges;
  changes.forEach((c, i) => {
    if (c.kind === 'create') {
      expect(c.options).toEqual({ overwrite: false, ignoreIfExists: false });
      // The content follows as one insertion at 0:0 into the new file.
      const next = changes[i + 1];
      expect(next.textDocument.uri).toBe(c.uri);
      expect(next.edits).toHaveLength(1);
      expect(next.edits[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      created.set(fileURLToPath(c.uri), next.edits[0].newText);
    } else if (!created.has(fileURLToPath(c.textDocument.uri))) edited.set(fileURLToPath(c.textDocument.uri), c.edits);
  });
  return { created, edited };
}

// ---------------------------------------------------------------------------------------------------------------

describe('the declared commands', () => {
  it('are every command of SERVER_COMMANDS, and each is run by a test below', async () => {
    // A bare initialize: the capabilities as any client sees them.
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    conn.listen();
    try {
      const init: any = await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      expect([...init.capabilities.executeCommandProvider.commands].sort()).toEqual(
        Object.values(SERVER_COMMANDS).sort(),
      );
    } finally {
      conn.dispose();
      proc.kill();
    }
  });
});

describe('text commands (show drop-ins, effective unit, security, generated unit) and completion', () => {
  let s: TestServer;
  let m: string;
  let run: ReturnType<typeof runner>;
  beforeAll(async () => {
    m = makeMirror();
    s = await startServer({ rootUri: uri(m) });
    run = runner(s);
  });
  afterAll(async () => s?.close());

  it('Show Drop-ins lists the unit file and its drop-ins in order (units and other dialects)', async () => {
    const r = await run('showDropIns', uri(join(m, 'usr/lib/systemd/system/web.service')));
    expect(r).toMatchObject({ ok: true, title: 'Drop-ins of web.service' });
    expect(r.text).toBe(
      `# web.service\nunit file: ${m}/usr/lib/systemd/system/web.service\n1. ${m}/etc/systemd/system/web.service.d/10-tmp.conf\n`,
    );
    const j = await run('showDropIns', uri(join(m, 'etc/systemd/journald.conf')));
    expect(j.text).toBe(
      `# journald.conf\nmain file: ${m}/etc/systemd/journald.conf\n1. ${m}/usr/lib/systemd/journald.conf.d/10-vendor.conf (vendor)\n`,
    );
  });

  it('Show Effective Unit names, for every line, the file and line it comes from, and that line says so', async () => {
    for (const file of ['usr/lib/systemd/system/web.service', 'etc/systemd/journald.conf']) {
      const r = await run('showEffectiveUnit', uri(join(m, file)));
      expect(r.ok, r.message).toBe(true);
      const lines: string[] = r.text.split('\n');
      const settings = lines.filter((l) => /^[A-Za-z]+=/.test(l));
      expect(settings.length).toBeGreaterThanOrEqual(2);
      for (const l of settings) {
        const from = /^# from (.+):(\d+)$/.exec(lines[lines.indexOf(l) - 1]!);
        expect(from, `origin of ${l}`).toBeTruthy();
        expect(readFileSync(from![1]!, 'utf8').split('\n')[Number(from![2]) - 1]).toBe(l);
      }
    }
    const web = await run('showEffectiveUnit', uri(join(m, 'usr/lib/systemd/system/web.service')));
    expect(web.text).toContain(`# from ${m}/etc/systemd/system/web.service.d/10-tmp.conf:2\nPrivateTmp=yes\n`);
    const j = await run('showEffectiveUnit', uri(join(m, 'etc/systemd/journald.conf')));
    expect(j.text).toContain(`# from ${m}/usr/lib/systemd/journald.conf.d/10-vendor.conf:2\nCompress=yes\n`);
  });

  it('Show Security gives the score `systemd-units security --format json` gives (drop-ins included)', async () => {
    const web = join(m, 'usr/lib/systemd/system/web.service');
    const cli = spawnSync(process.execPath, [CLI, 'security', '--format', 'json', '--root', m, web], {
      encoding: 'utf8',
    });
    const [json] = JSON.parse(cli.stdout);
    expect(json.unit).toBe('web.service');
    const r = await run('showSecurity', uri(web));
    expect(r).toMatchObject({ ok: true, title: 'Exposure of web.service' });
    const overall = /Overall exposure level for web\.service: (\d+\.\d) (\w+)/.exec(r.text);
    expect([Number(overall![1]), overall![2]]).toEqual([json.exposure, json.label]);
    // The drop-in counts: PrivateTmp= is set there.
    expect(r.text).toMatch(/✓ PrivateTmp=/);
    expect(json.checks.find((c: any) => c.id === 'PrivateTmp=').set).toBe(true);
  });

  it('Show Generated Unit gives the .service of a Quadlet file', async () => {
    const r = await run('showGeneratedUnit', uri(join(m, 'etc/containers/systemd/app.container')));
    expect(r).toMatchObject({ ok: true, title: 'Generated app.service' });
    expect(r.text).toMatch(/^ExecStart=\/usr\/bin\/podman run .*--publish 8080:80.* docker\.io\/library\/nginx$/m);
    const not = await run('showGeneratedUnit', uri(join(m, 'usr/lib/systemd/system/web.service')));
    expect(not.ok).toBe(false);
  });

  it('completes directives on the empty last line after Type=simple, not Type= values', async () => {
    const u = uri(put(m, 'eof.service', '[Service]\nType=simple\n'));
    s.open(u, '[Service]\nType=simple\n');
    const r: any = await s.conn.sendRequest('textDocument/completion', {
      textDocument: { uri: u },
      position: { line: 2, character: 0 },
    });
    const labels = r.items.map((i: any) => i.label);
    expect(labels).toContain('ExecStart=');
    expect(labels).not.toContain('simple');
    expect(labels).not.toContain('forking');
    const hover: any = await s.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: u },
      position: { line: 2, character: 0 },
    });
    expect(hover?.contents?.value ?? '').not.toContain('simple');
  });

  it('orders an empty [Service] line: ExecStart= among the first 10, deprecated ones last and tagged', async () => {
    const u = uri(put(m, 'order.service', '[Service]\n\n'));
    s.open(u, '[Service]\n\n');
    const r: any = await s.conn.sendRequest('textDocument/completion', {
      textDocument: { uri: u },
      position: { line: 1, character: 0 },
    });
    // As a client sorts: by sortText, else the label (plain string order).
    const key = (i: any): string => i.sortText ?? i.label;
    const items = [...r.items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const labels = items.map((i) => i.label);
    expect(labels.indexOf('ExecStart=')).toBeGreaterThanOrEqual(0);
    expect(labels.indexOf('ExecStart=')).toBeLessThan(10);
    // Deprecated directives come after every other directive (section headers and snippets follow them).
    const directives = items.filter((i) => i.kind === 10 && i.label.endsWith('='));
    expect(directives.length).toBeGreaterThan(200);
    const deprecated = directives.map((i) => (i.tags ?? []).includes(1) || i.deprecated === true);
    expect(deprecated.filter(Boolean).length).toBeGreaterThan(5);
    const firstDeprecated = deprecated.indexOf(true);
    expect(deprecated.slice(firstDeprecated).every(Boolean)).toBe(true);
    expect(directives.slice(firstDeprecated).map((i) => i.label)).toContain('CPUShares=');
    expect(items[0].tags ?? []).not.toContain(1);
  });
});

describe('writing commands, client (a): workspace/applyEdit with resource operations', () => {
  let s: TestServer;
  let m: string;
  let run: ReturnType<typeof runner>;
  let vendorBefore: Map<string, string>;
  const edits: any[] = [];
  beforeAll(async () => {
    m = makeMirror();
    vendorBefore = snapshot(join(m, 'usr'));
    s = await startServer({
      rootUri: uri(m),
      workspaceCapabilities: {
        applyEdit: true,
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      },
      handlers: {
        'workspace/applyEdit': (p: any) => {
          edits.push(p.edit);
          return applyLikeAnEditor(p.edit);
        },
      },
    });
    run = runner(s);
  });
  afterAll(async () => s?.close());

  /** Run a command that must send exactly one WorkspaceEdit; return it with what it creates. */
  async function write(command: keyof typeof SERVER_COMMANDS, ...args: unknown[]) {
    const n = edits.length;
    const r = await run(command, ...args);
    expect(r.ok, `${command}: ${r.message} ${s.stderr()}`).toBe(true);
    expect(r.applied).toBe(true);
    expect(edits.length).toBe(n + 1);
    const edit = edits[n];
    const { created, edited } = createdBy(edit);
    for (const p of [...created.keys(), ...edited.keys()]) expect(inside(p, m), p).toBe(true);
    expect(r.files).toEqual([...created.keys()]);
    return { r, created, edited };
  }

  it('Create Override: CreateFile + the template, in etc/systemd/system/web.service.d/; never twice', async () => {
    const web = join(m, 'usr/lib/systemd/system/web.service');
    const override = join(m, 'etc/systemd/system/web.service.d/override.conf');
    const { created } = await write('createOverride', uri(web));
    expect([...created.keys()]).toEqual([override]);
    const text = created.get(override)!;
    expect(text).toContain('[Service]');
    expect(text).toContain('# Restart=on-failure');
    expect(text).toContain('# PrivateTmp=yes'); // from the existing drop-in: the effective unit
    expect(readFileSync(override, 'utf8')).toBe(text);
    // Again: refused, no edit sent, the drop-in as it was.
    const n = edits.length;
    const again = await run('createOverride', uri(web));
    expect(again.ok).toBe(false);
    expect(again.message).toContain(`${override} already exists`);
    expect(edits.length).toBe(n);
    expect(readFileSync(override, 'utf8')).toBe(text);
    // Another name is fine.
    const { created: other } = await write('createOverride', uri(web), '20-mine.conf');
    expect([...other.keys()]).toEqual([join(m, 'etc/systemd/system/web.service.d/20-mine.conf')]);
  });

  it('Create Override of a config file (journald.conf): a journald.conf.d/ drop-in', async () => {
    const { created, r } = await write('createOverride', uri(join(m, 'etc/systemd/journald.conf')));
    const file = join(m, 'etc/systemd/journald.conf.d/override.conf');
    expect([...created.keys()]).toEqual([file]);
    expect(created.get(file)).toContain('[Journal]');
    expect(created.get(file)).toContain('Storage=persistent');
    expect(r.notes.join(' ')).toContain('systemd-journald');
  });

  it('Move to Drop-in: the change goes to a new drop-in, the vendor unit is put back as shipped', async () => {
    const web = join(m, 'usr/lib/systemd/system/web.service');
    s.open(uri(web), WEB);
    await s.waitForDiagnostics(uri(web));
    const changed = WEB.replace('Restart=on-failure\n', 'Restart=on-failure\nNice=7\n');
    s.change(uri(web), 2, [{ text: changed }]);
    const { created, edited } = await write('moveToDropIn', uri(web));
    const file = join(m, 'etc/systemd/system/web.service.d/50-moved-from-vendor.conf');
    expect([...created.keys()]).toEqual([file]);
    expect(created.get(file)).toMatch(/^\[Service\]\n(?:#.*\n)*Nice=7\n$/m);
    // The vendor document: one edit over its whole (unsaved) text, back to what was shipped.
    const vendorEdit = edited.get(web)!;
    expect(vendorEdit).toHaveLength(1);
    expect(vendorEdit[0].newText).toBe(WEB);
    expect(vendorEdit[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 6, character: 0 } });
  });

  it('Move to Drop-in of a vendor .network file: the same, in etc/systemd/network/', async () => {
    const net = join(m, 'usr/lib/systemd/network/80-wired.network');
    s.open(uri(net), NETWORK);
    await s.waitForDiagnostics(uri(net));
    s.change(uri(net), 2, [{ text: `${NETWORK}DNS=192.0.2.1\n` }]);
    const { created, edited } = await write('moveToDropIn', uri(net));
    const file = join(m, 'etc/systemd/network/80-wired.network.d/50-moved-from-vendor.conf');
    expect([...created.keys()]).toEqual([file]);
    expect(created.get(file)).toMatch(/\[Network\]\n(?:#.*\n)*DNS=192\.0\.2\.1\n/);
    expect(edited.get(net)![0].newText).toBe(NETWORK);
  });

  it('Convert Full Copy: the smallest drop-in next to the copy in /etc', async () => {
    const { created, r } = await write('convertFullCopy', uri(join(m, 'etc/systemd/system/copy.service')));
    const file = join(m, 'etc/systemd/system/copy.service.d/override.conf');
    expect([...created.keys()]).toEqual([file]);
    expect(created.get(file)).toMatch(/\[Service\]\n(?:#.*\n)*Restart=always\n/);
    expect(created.get(file)).not.toContain('ExecStart');
    expect(r.notes.join(' ')).toContain('remove the full copy');
  });

  it('Set Hardware Watchdog: a system.conf.d drop-in next to the workspace system.conf', async () => {
    const { created } = await write('setHardwareWatchdog', uri(join(m, 'etc/systemd/system.conf')), 60);
    const file = join(m, 'etc/systemd/system.conf.d/60-watchdog.conf');
    expect([...created.keys()]).toEqual([file]);
    expect(created.get(file)).toMatch(/^\[Manager\]\nRuntimeWatchdogSec=60s\nRebootWatchdogSec=\d+s\n/m);
  });

  it('Generate Socket Units: socket units and the service drop-in, from an strace log', async () => {
    const { created } = await write('generateSocketUnits', uri(join(m, 'logs/app.strace')), 'app');
    const sys = join(m, 'etc/systemd/system');
    expect([...created.keys()].map((p) => relative(sys, p))).toEqual([
      'app-80.socket',
      'app-53-udp.socket',
      'app-daemon-notify.socket',
      'app.service.d/50-socket-activation.conf',
    ]);
    expect(created.get(join(sys, 'app-80.socket'))).toMatch(/^ListenStream=127\.0\.0\.1:80$/m);
    expect(created.get(join(sys, 'app-53-udp.socket'))).toMatch(/^ListenDatagram=\[::1\]:53$/m);
    expect(created.get(join(sys, 'app.service.d/50-socket-activation.conf'))).toContain('LD_PRELOAD=');
  });

  it('Harden This Service: hardening.conf with the safe settings; one more setting edits it in place', async () => {
    const web = join(m, 'usr/lib/systemd/system/web.service');
    const file = join(m, 'etc/systemd/system/web.service.d/hardening.conf');
    const { created } = await write('hardenService', uri(web), 'safe');
    expect([...created.keys()]).toEqual([file]);
    expect(created.get(file)).toMatch(/^\[Service\]$/m);
    expect(created.get(file)).toMatch(/^ProtectSystem=/m);
    // A single setting (a quick fix): an edit of the existing file, not a new one over it.
    const n = edits.length;
    const r = await run('hardenService', uri(web), { directive: 'ProtectClock', value: 'yes' });
    expect(r).toMatchObject({ ok: true, applied: true, files: [], replaced: [file] });
    const edit = edits[n];
    expect(edit.documentChanges.some((c: any) => c.kind === 'create')).toBe(false);
    expect(readFileSync(file, 'utf8')).toMatch(/^ProtectClock=yes$/m);
    expect(readFileSync(file, 'utf8').startsWith(created.get(file)!.split('\n')[0]!)).toBe(true);
    // The safe level again: the file exists, nothing is written over it.
    const again = await run('hardenService', uri(web), 'safe');
    expect(again.ok).toBe(false);
  });

  it('left every vendor file byte for byte as it was, and still answers', async () => {
    expect(snapshot(join(m, 'usr'))).toEqual(vendorBefore);
    await alive(s);
  });
});

describe('writing commands, client (b): no workspace/applyEdit, the server writes the files', () => {
  let s: TestServer;
  let m: string;
  let run: ReturnType<typeof runner>;
  let vendorBefore: Map<string, string>;
  beforeAll(async () => {
    m = makeMirror();
    vendorBefore = snapshot(join(m, 'usr'));
    s = await startServer({
      rootUri: uri(m),
      handlers: {
        'workspace/applyEdit': () => {
          throw new Error('this client did not say it can apply edits');
        },
      },
    });
    run = runner(s);
  });
  afterAll(async () => s?.close());

  /** Run a writing command twice: the first writes `files` (returned with their text), the second writes nothing. */
  async function writeOnce(command: keyof typeof SERVER_COMMANDS, files: string[], ...args: unknown[]) {
    const r = await run(command, ...args);
    expect(r.ok, `${command}: ${r.message} ${s.stderr()}`).toBe(true);
    const paths = files.map((f) => join(m, f));
    expect(r).toMatchObject({ applied: true, files: paths });
    const text = new Map(paths.map((p) => [p, readFileSync(p, 'utf8')]));
    const again = await run(command, ...args);
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/already exists; nothing was written/);
    for (const [p, t] of text) expect(readFileSync(p, 'utf8')).toBe(t);
    return text;
  }

  it('Create Override writes the drop-in, and never over an existing one', async () => {
    const web = uri(join(m, 'usr/lib/systemd/system/web.service'));
    const t = await writeOnce('createOverride', ['etc/systemd/system/web.service.d/override.conf'], web);
    expect([...t.values()][0]).toContain('# Restart=on-failure');
    // A drop-in that was there before: never replaced.
    const before = readFileSync(join(m, 'etc/systemd/system/web.service.d/10-tmp.conf'), 'utf8');
    const r = await run('createOverride', web, '10-tmp.conf');
    expect(r.ok).toBe(false);
    expect(readFileSync(join(m, 'etc/systemd/system/web.service.d/10-tmp.conf'), 'utf8')).toBe(before);
  });

  it('Create Override of journald.conf, Convert Full Copy, Set Hardware Watchdog, Generate Socket Units', async () => {
    const j = await writeOnce(
      'createOverride',
      ['etc/systemd/journald.conf.d/override.conf'],
      uri(join(m, 'etc/systemd/journald.conf')),
    );
    expect([...j.values()][0]).toContain('[Journal]');
    const c = await writeOnce(
      'convertFullCopy',
      ['etc/systemd/system/copy.service.d/override.conf'],
      uri(join(m, 'etc/systemd/system/copy.service')),
    );
    expect([...c.values()][0]).toMatch(/^Restart=always$/m);
    const w = await writeOnce(
      'setHardwareWatchdog',
      ['etc/systemd/system.conf.d/60-watchdog.conf'],
      uri(join(m, 'etc/systemd/system.conf')),
      120,
    );
    expect([...w.values()][0]).toMatch(/^RuntimeWatchdogSec=120s$/m);
    const g = await writeOnce(
      'generateSocketUnits',
      [
        'etc/systemd/system/app-80.socket',
        'etc/systemd/system/app-53-udp.socket',
        'etc/systemd/system/app-daemon-notify.socket',
        'etc/systemd/system/app.service.d/50-socket-activation.conf',
      ],
      uri(join(m, 'logs/app.strace')),
      'app.service',
    );
    expect(g.get(join(m, 'etc/systemd/system/app-80.socket'))).toMatch(/^Service=app\.service$/m);
    // Out of the driver's range: refused, nothing written.
    const wd = await run('setHardwareWatchdog', uri(join(m, 'etc/systemd/system.conf')), 100000);
    expect(wd.ok).toBe(false);
    expect(wd.message).toMatch(/outside what/);
  });

  it('Harden This Service writes hardening.conf; a single setting extends it', async () => {
    const web = uri(join(m, 'usr/lib/systemd/system/web.service'));
    const file = join(m, 'etc/systemd/system/web.service.d/hardening.conf');
    const t = await writeOnce('hardenService', ['etc/systemd/system/web.service.d/hardening.conf'], web, 'safe');
    const r = await run('hardenService', web, { directive: 'ProtectClock', value: 'yes' });
    expect(r).toMatchObject({ ok: true, applied: true, files: [], replaced: [file] });
    const after = readFileSync(file, 'utf8');
    expect(after).toMatch(/^ProtectClock=yes$/m);
    // Extended, not replaced: every line that was there is still there.
    for (const l of t.get(file)!.split('\n').filter(Boolean)) expect(after.split('\n')).toContain(l);
  });

  it('Move to Drop-in writes the drop-in and puts the vendor file back, byte for byte', async () => {
    const web = join(m, 'usr/lib/systemd/system/web.service');
    s.open(uri(web), WEB);
    await s.waitForDiagnostics(uri(web));
    s.change(uri(web), 2, [{ text: WEB.replace('Restart=on-failure\n', 'Restart=on-failure\nNice=7\n') }]);
    const r = await run('moveToDropIn', uri(web));
    const file = join(m, 'etc/systemd/system/web.service.d/50-moved-from-vendor.conf');
    expect(r, s.stderr()).toMatchObject({ ok: true, applied: true, files: [file], replaced: [web] });
    expect(readFileSync(file, 'utf8')).toMatch(/^Nice=7$/m);
    expect(readFileSync(web, 'utf8')).toBe(WEB);
    // The editor still shows the change: a second move picks a new name, the first drop-in stays.
    const first = readFileSync(file, 'utf8');
    const again = await run('moveToDropIn', uri(web));
    expect(again.files).toEqual([join(m, 'etc/systemd/system/web.service.d/50-moved-from-vendor-2.conf')]);
    expect(readFileSync(file, 'utf8')).toBe(first);
  });

  it('left every vendor file byte for byte as it was, and still answers', async () => {
    expect(snapshot(join(m, 'usr'))).toEqual(vendorBefore);
    await alive(s);
  });
});

describe('writing commands, client (c): applyEdit without resource operations (Neovim 0.7)', () => {
  it('the server writes the new files; the open vendor document is edited through applyEdit', async () => {
    const m = makeMirror();
    const vendorBefore = snapshot(join(m, 'usr'));
    const edits: any[] = [];
    const s = await startServer({
      rootUri: uri(m),
      workspaceCapabilities: { applyEdit: true },
      handlers: {
        'workspace/applyEdit': (p: any) => {
          edits.push(p.edit);
          return { applied: true };
        },
      },
    });
    try {
      const run = runner(s);
      const web = join(m, 'usr/lib/systemd/system/web.service');
      const override = join(m, 'etc/systemd/system/web.service.d/override.conf');
      const r = await run('createOverride', uri(web));
      expect(r).toMatchObject({ ok: true, applied: true, files: [override] });
      expect(readFileSync(override, 'utf8')).toContain('# Restart=on-failure');
      expect(edits).toHaveLength(0);
      s.open(uri(web), WEB);
      await s.waitForDiagnostics(uri(web));
      s.change(uri(web), 2, [{ text: WEB.replace('Restart=on-failure\n', 'Restart=on-failure\nNice=7\n') }]);
      const mv = await run('moveToDropIn', uri(web));
      const file = join(m, 'etc/systemd/system/web.service.d/50-moved-from-vendor.conf');
      expect(mv).toMatchObject({ ok: true, applied: true, files: [file], replaced: [web] });
      expect(readFileSync(file, 'utf8')).toMatch(/^Nice=7$/m);
      // Not written by the server (the editor holds the document): one plain text edit, back to the shipped text.
      expect(edits).toHaveLength(1);
      expect(edits[0].documentChanges).toBeUndefined();
      expect(Object.keys(edits[0].changes)).toEqual([uri(web)]);
      expect(edits[0].changes[uri(web)][0].newText).toBe(WEB);
      expect(snapshot(join(m, 'usr'))).toEqual(vendorBefore);
      await alive(s);
    } finally {
      await s.close();
    }
  });
});

describe('unsafe input: a clear error, nothing written, the server stays up', () => {
  let s: TestServer;
  let ws: string;
  let run: ReturnType<typeof runner>;
  beforeAll(async () => {
    // A plain workspace (no root mirror): any write target is outside it or the live system.
    ws = mkdtempSync(join(tmpdir(), 'sdu-cmds-plain-'));
    s = await startServer({ rootUri: uri(ws) });
    run = runner(s);
  });
  afterAll(async () => s?.close());

  it('refuses ../ in a drop-in or unit name', async () => {
    const unit = put(ws, 'w.service', '[Service]\nExecStart=/bin/true\n');
    const a = await run('createOverride', uri(unit), '../../evil.conf');
    expect(a).toMatchObject({ ok: false });
    expect(a.message).toMatch(/a drop-in name is a file name, not a path/);
    const b = await run('generateSocketUnits', uri(put(ws, 'x.strace', 'listen(3, 1) = 0\n')), '../../evil');
    expect(b.message).toMatch(/a unit name is a file name, not a path/);
    expect([...snapshot(ws).keys()].sort()).toEqual(['w.service', 'x.strace']);
  });

  it('refuses a missing, relative or ..-laden path, and unknown commands', async () => {
    for (const command of [
      'createOverride',
      'showDropIns',
      'showEffectiveUnit',
      'moveToDropIn',
      'convertFullCopy',
    ] as const) {
      const r = await run(command);
      expect(r, command).toMatchObject({ ok: false });
      expect(r.message).toMatch(/needs the file it applies to/);
    }
    for (const command of ['showSecurity', 'hardenService', 'showGeneratedUnit'] as const)
      expect((await run(command)).ok, command).toBe(false);
    expect((await run('generateSocketUnits', uri(join(ws, 'x.strace')))).message).toMatch(
      /takes the strace log and the service name/,
    );
    const rel = await run('createOverride', 'etc/systemd/system/w.service');
    expect(rel.message).toMatch(/absolute path without \. or \.\. parts/);
    const dots = await run(
      'createOverride',
      `${ws}/usr/lib/systemd/system/../../../../../../etc/systemd/system/w.service`,
    );
    expect(dots.message).toMatch(/absolute path without \. or \.\. parts/);
    const odd: any = await s.conn.sendRequest('workspace/executeCommand', {
      command: 'systemd-units.nope',
      arguments: [],
    });
    expect(odd).toEqual({ ok: false, message: 'Unknown command systemd-units.nope.' });
    expect((await run('createOverride', 42)).ok).toBe(false);
    expect((await run('createOverride', { path: '/etc/passwd' })).ok).toBe(false);
  });

  it('a unit outside the workspace: asks before writing there; a client that cannot answer gets "cancelled"', async () => {
    const other = mkdtempSync(join(tmpdir(), 'sdu-cmds-other-'));
    const unit = put(other, 'usr/lib/systemd/system/o.service', '[Service]\nExecStart=/bin/true\n');
    const r = await run('createOverride', uri(unit));
    expect(r.ok).toBe(false);
    expect(r.message).toBe('cancelled');
    // The planned file is named, so a client can show it.
    expect(r.files[0].path).toBe(join(other, 'etc/systemd/system/o.service.d/override.conf'));
    expect(existsSync(join(other, 'etc'))).toBe(false);
    expect(s.stderr()).not.toMatch(/executeCommand failed/);
  });

  it('is still up', async () => {
    await alive(s);
  });
});

describe('coverage of the declared commands', () => {
  it('ran every command of executeCommandProvider above', () => {
    expect([...ran].sort()).toEqual(Object.values(SERVER_COMMANDS).sort());
  });
});
