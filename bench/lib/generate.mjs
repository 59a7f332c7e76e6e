/**
 * Realistic generated units of a given line count: a [Unit] and an [Install] section around a long [Service]
 * made of list-valued directives (Environment=, ExecStartPre=, ReadWritePaths=, …) as large real units are,
 * with comments, blank lines, continuation lines and about one mistake per 100 lines (a typo'd directive, an
 * invalid value) so that diagnostics scale with the file like they do in practice.
 */
import { rng } from './lsp.mjs';

export function generateUnit(lines, seed = 1) {
  const r = rng(seed);
  const out = [
    '# Generated benchmark unit (bench/lib/generate.mjs).',
    '[Unit]',
    'Description=Benchmark daemon with a very long service section',
    'Documentation=man:systemd.service(5) https://example.com/bench/docs',
    'After=network-online.target remote-fs.target',
    'Wants=network-online.target',
    'ConditionPathExists=/etc/bench/bench.conf',
    '',
    '[Service]',
    'Type=notify',
    'ExecStart=/usr/bin/bench-daemon --config /etc/bench/bench.conf',
    'ExecReload=/bin/kill -HUP $MAINPID',
    'Restart=on-failure',
    'RestartSec=5s',
    'User=bench',
    'Group=bench',
    'TimeoutStopSec=1min 30s',
    'ProtectSystem=strict',
    'PrivateTmp=yes',
    'CapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_CHOWN',
    'SystemCallFilter=@system-service ~@mount',
  ];
  const tail = ['', '[Install]', 'WantedBy=multi-user.target'];
  let i = 0;
  while (out.length < lines - tail.length) {
    i++;
    const x = r();
    if (x < 0.005)
      out.push(`ExecStrat=/usr/bin/bench-step ${i}`); // unknown-directive, with a did-you-mean
    else if (x < 0.01)
      out.push(`ReadWritePaths=var/lib/bench/${i}`); // invalid-value: not absolute
    else if (x < 0.08) out.push(`# Step ${i}: prepare the state directory and the environment for worker ${i}.`);
    else if (x < 0.12) out.push('');
    else if (x < 0.26) out.push(`Environment="BENCH_VAR_${i}=value ${i}" BENCH_MODE_${i}=fast`);
    else if (x < 0.38) out.push(`ExecStartPre=-/usr/bin/mkdir -p /var/lib/bench/${i}`);
    else if (x < 0.48) out.push(`ReadWritePaths=/var/lib/bench/${i}`);
    else if (x < 0.55) out.push(`EnvironmentFile=-/etc/default/bench-${i}`);
    else if (x < 0.62) out.push(`SupplementaryGroups=group${i}`);
    else if (x < 0.7) out.push(`BindReadOnlyPaths=/usr/share/bench/${i}:/srv/bench/${i}`);
    else if (x < 0.76) out.push(`LogExtraFields=BENCH_WORKER_${i}=1`);
    else if (x < 0.82)
      out.push(`ExecStartPost=/usr/bin/logger -t bench "worker ${i} started" \\`, `    --priority=info --id=%n-${i}`);
    else if (x < 0.88) out.push(`ExecStopPost=/usr/bin/rm -rf /run/bench/${i}`);
    else if (x < 0.94) out.push(`DeviceAllow=/dev/bench${i % 64} rw`);
    else out.push(`CPUAffinity=${i % 4}-${(i % 4) + 3}`);
  }
  out.length = Math.min(out.length, lines - tail.length);
  out.push(...tail);
  return `${out.join('\n')}\n`;
}

/** Offsets of [line, character] for the middle of a Description-like value: a safe place for a one-char edit. */
export function editPosition(text) {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const l of [mid + d, mid - d]) {
      const s = lines[l];
      if (s !== undefined && s.startsWith('Environment=')) return { line: l, character: s.length - 1 };
    }
  }
  return { line: 0, character: 0 };
}
