/**
 * Graceful shutdown of an HTTP server that does not cut responses still being written. Node's
 * `http.Server.close()` (since Node 19) destroys every connection it considers idle, and a
 * connection counts as idle as soon as its response has called `end()`, even while megabytes of its
 * body are still queued for a slow client: a large GraphQL answer was cut mid-body on SIGTERM. Here a
 * request is in flight from its 'request' event until its response is written out or aborted
 * ('close'), and a connection is closed only when none is.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** The connections of a server, and how to drain them. */
export interface ConnectionDrain {
  /** Requests in flight now (received, response not yet written out). */
  inFlight(): number;
  /**
   * Stops accepting connections, closes idle ones now and each other one once its requests have
   * finished (later requests on them are answered with `Connection: close`); after `graceMs`
   * destroys what is left. Resolves when every connection is closed, with the number of requests
   * that were cut.
   */
  drain(graceMs: number): Promise<{ cut: number }>;
}

/** Tracks the connections of `server` (call before it listens). */
export function trackConnections(server: Server): ConnectionDrain {
  /** Open connections, each with its number of requests in flight. */
  const connections = new Map<Socket, number>();
  let draining = false;
  /** Half-closes the connection once its queued bytes are out; the client then closes its side. */
  const release = (socket: Socket) => socket.end(() => socket.destroy());

  server.on('connection', (socket: Socket) => {
    connections.set(socket, 0);
    socket.once('close', () => connections.delete(socket));
  });
  // Before the application's listener, so that the response is marked before anything is written.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    connections.set(socket, (connections.get(socket) ?? 0) + 1);
    if (draining) res.shouldKeepAlive = false;
    res.once('close', () => {
      const pending = connections.get(socket);
      if (pending === undefined) return;
      connections.set(socket, pending - 1);
      if (draining && pending === 1) release(socket);
    });
  });

  const inFlight = () => [...connections.values()].reduce((sum, pending) => sum + pending, 0);
  return {
    inFlight,
    async drain(graceMs) {
      draining = true;
      // net.Server's close, not http.Server's: the latter would destroy responses still being written.
      const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      for (const [socket, pending] of connections) if (pending === 0) release(socket);
      let cut = 0;
      const grace = setTimeout(() => {
        cut = inFlight();
        for (const socket of connections.keys()) socket.destroy();
      }, graceMs);
      await closed;
      clearTimeout(grace);
      return { cut };
    },
  };
}
