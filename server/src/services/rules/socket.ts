/**
 * Stage 4: a .socket file systemd refuses as a whole (socket_verify() in src/core/socket.c), each checked against
 * systemd 252's `systemd-analyze verify`:
 *  - no Listen*= at all ("Unit has no Listen setting … Refusing."); an empty Listen*= clears every port;
 *  - Accept=yes with a port that cannot accept connections: only stream and sequential-packet sockets can
 *    (ListenDatagram=, ListenFIFO=, ListenSpecial=, ListenNetlink=, ListenMessageQueue=, ListenUSBFunction= cannot);
 *  - Accept=yes with MaxConnections=0, or with an explicit Service=;
 *  - Symlinks= without exactly one file-system node among the ports (a FIFO or a Unix socket with a path; an
 *    abstract socket '@…' and ListenSpecial= do not count).
 */
import type { Rule } from './types.js';
import { spanIn, unitViewOf } from './unitView.js';
import { parseBoolean } from '../../values/bool.js';

export const LISTEN_DIRECTIVES = [
  'ListenStream',
  'ListenDatagram',
  'ListenSequentialPacket',
  'ListenFIFO',
  'ListenSpecial',
  'ListenNetlink',
  'ListenMessageQueue',
  'ListenUSBFunction',
] as const;
const ACCEPTING = new Set(['ListenStream', 'ListenSequentialPacket']);

export const socketRule: Rule = {
  stage: 4,
  name: 'socket',
  codes: ['socket-missing-listen', 'socket-accept-conflict', 'socket-symlinks-target'],
  run(ctx) {
    const view = unitViewOf(ctx, 'socket');
    if (!view) return;
    const ports = view.list('Socket', LISTEN_DIRECTIVES);
    if (!ports.length) {
      ctx.report({
        ...view.anchor,
        code: 'socket-missing-listen',
        message:
          'This socket unit listens on nothing (no ListenStream=, ListenDatagram=, ListenFIFO=, …); systemd refuses the unit.',
      });
      return;
    }
    const acceptEntry = view.last('Socket', 'Accept');
    if (acceptEntry && parseBoolean(acceptEntry.node.value) === true) {
      const at = spanIn(ctx, acceptEntry, view.anchor);
      const bad = ports.find((p) => !ACCEPTING.has(p.info!.name));
      if (bad) {
        ctx.report({
          ...spanIn(ctx, bad, at, 'key'),
          code: 'socket-accept-conflict',
          message: `Accept=yes needs sockets that accept connections (ListenStream= or ListenSequentialPacket=), but ${bad.info!.name}= cannot; systemd refuses the unit. Use Accept=no.`,
        });
      }
      const max = view.last('Socket', 'MaxConnections');
      if (max && /^\s*0+\s*$/.test(max.node.value)) {
        ctx.report({
          ...spanIn(ctx, max, at),
          code: 'socket-accept-conflict',
          message: 'MaxConnections=0 with Accept=yes would never let a connection through; systemd refuses the unit.',
        });
      }
      const service = view.last('Socket', 'Service');
      if (service) {
        ctx.report({
          ...spanIn(ctx, service, at, 'key'),
          code: 'socket-accept-conflict',
          message: `With Accept=yes systemd starts an instance of ${view.unitName.replace(/\.socket$/, '@.service')} for each connection; an explicit Service= is not supported and systemd refuses the unit.`,
        });
      }
    }
    const symlinks = view.list('Socket', 'Symlinks');
    if (symlinks.length) {
      const nodes = ports.filter(
        (p) =>
          p.info!.name === 'ListenFIFO' ||
          (['ListenStream', 'ListenDatagram', 'ListenSequentialPacket'].includes(p.info!.name) &&
            p.node.value.startsWith('/')),
      );
      if (nodes.length !== 1) {
        ctx.report({
          ...spanIn(ctx, symlinks[0], view.anchor, 'key'),
          code: 'socket-symlinks-target',
          message: `Symlinks= needs exactly one port that is a file-system node (a FIFO or a Unix socket path), but this unit has ${nodes.length === 0 ? 'none' : nodes.length}; systemd refuses the unit.`,
        });
      }
    }
  },
};
