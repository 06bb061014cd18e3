import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Open connections at most, in total. */
  total: number;
  /** Open connections at most from one TCP peer (behind a proxy, set it to `total`). */
  perPeer: number;
  /** A connection that sends or receives nothing for this long is closed (never-speaking sockets included). */
  idleMs: number;
}

export const defaultConnectionLimits: ConnectionLimits = { total: 512, perPeer: 64, idleMs: 15_000 };

interface Tracked {
  peer: string;
  /** A request is being answered on it. */
  busy: boolean;
  /** When it last became idle (or opened). */
  idleSince: number;
}

/**
 * Keeps one client from holding all connections (the server has a file-descriptor limit):
 * connections are capped per TCP peer and in total, and idle ones time out. When a cap is
 * reached, the connection that has been idle longest makes room (for the per-peer cap, one of
 * that peer's); only when every connection is busy is the new one refused. So a pile of idle
 * sockets never locks out a real request.
 */
export function guardConnections(server: Server, limits: ConnectionLimits): { open(): number } {
  const tracked = new Map<Socket, Tracked>();
  const perPeer = new Map<string, number>();

  server.timeout = limits.idleMs;
  server.headersTimeout = Math.min(server.headersTimeout, limits.idleMs);
  server.on('timeout', (socket: Socket) => socket.destroy());

  const evictIdle = (peer?: string): boolean => {
    let oldest: Socket | undefined;
    let since = Infinity;
    for (const [socket, state] of tracked) {
      if (state.busy || (peer !== undefined && state.peer !== peer)) continue;
      if (state.idleSince < since) {
        since = state.idleSince;
        oldest = socket;
      }
    }
    if (!oldest) return false;
    forget(oldest);
    oldest.destroy();
    return true;
  };

  const forget = (socket: Socket) => {
    const state = tracked.get(socket);
    if (!state) return;
    tracked.delete(socket);
    const left = (perPeer.get(state.peer) ?? 1) - 1;
    if (left <= 0) perPeer.delete(state.peer);
    else perPeer.set(state.peer, left);
  };

  server.on('connection', (socket: Socket) => {
    const peer = socket.remoteAddress ?? 'unknown';
    if ((perPeer.get(peer) ?? 0) >= limits.perPeer && !evictIdle(peer)) return void socket.destroy();
    if (tracked.size >= limits.total && !evictIdle()) return void socket.destroy();
    tracked.set(socket, { peer, busy: false, idleSince: Date.now() });
    perPeer.set(peer, (perPeer.get(peer) ?? 0) + 1);
    socket.once('close', () => forget(socket));
  });

  server.on('request', (req, res) => {
    const state = tracked.get(req.socket as Socket);
    if (!state) return;
    state.busy = true;
    res.once('close', () => {
      state.busy = false;
      state.idleSince = Date.now();
    });
  });

  return { open: () => tracked.size };
}
