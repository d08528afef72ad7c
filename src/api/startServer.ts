/**
 * Runs the HTTP application: listens, and on `close()` (the serve command calls it on SIGTERM) stops
 * accepting connections, reports not-ready, lets in-flight requests finish within a grace period and
 * then cuts what is left. The store belongs to the caller.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphStore } from '../graph/GraphStore.ts';
import { trackConnections } from './connectionDrain.ts';
import { createApp } from './createApp.ts';
import { listen } from './listen.ts';
import { defaultGraceMs } from './shutdownGrace.ts';
import type { AuthConfig } from './auth/index.ts';
import type { RestOptions } from './rest/index.ts';
import type { Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import type { Telemetry } from './telemetry/index.ts';
import { tuneV8ForServing } from './v8Tuning.ts';

export interface ServerOptions {
  store: GraphStore;
  logger: Logger;
  /** 0 picks a free port. */
  port: number;
  /** Interface to bind; all interfaces when absent. */
  host?: string;
  metrics?: Metrics;
  /** How long in-flight requests may take to finish after close() (default 10 s; `ontomesh serve`: graceMsFromEnv). */
  graceMs?: number;
  /** Limits of the REST routes. */
  rest?: RestOptions;
  /** Application Insights telemetry (`ontomesh serve`: startTelemetry); the caller shuts it down. */
  telemetry?: Telemetry;
  /** Entra ID authentication (`ontomesh serve`: authConfigFromEnv); absent: the API is open. */
  auth?: AuthConfig;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  server: Server;
  metrics: Metrics;
  /** Graceful stop; resolves once every connection is closed. */
  close(): Promise<void>;
  /** Once close() has resolved: the requests cut because the grace period ran out (0 after a complete drain). */
  readonly cutRequests: number;
}

/**
 * Starts the server.
 *
 * @throws OntomeshError BAD_REQUEST when the address cannot be listened on (port in use, bad host).
 *
 * @example
 * const running = await startServer({ store, logger, port: 0 });
 * await fetch(`${running.url}/healthz`);
 * await running.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store, logger, port, host, graceMs = defaultGraceMs, telemetry } = options;
  tuneV8ForServing();
  const metrics = options.metrics ?? createMetrics();
  const unsubscribe = store.onRequest?.((request) => {
    metrics.storeRequests.inc({ outcome: request.outcome });
    metrics.storeRequestUnits.inc(request.charge);
  });
  const unwatch = telemetry?.watchStore(store);
  await telemetry?.observeMetrics(metrics.registry);
  let shuttingDown = false;
  const app = createApp({ store, logger, metrics, isShuttingDown: () => shuttingDown, rest: options.rest, auth: options.auth, telemetry });
  const server = createServer(app);
  const connections = trackConnections(server);
  try {
    await listen(server, port, host);
  } catch (error) {
    unsubscribe?.();
    unwatch?.();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const shownHost = host === undefined || host === '::' || host === '0.0.0.0' ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  logger.info('listening', { url, store: store.description });

  let closing: Promise<void> | undefined;
  let cutRequests = 0;
  const close = () => (closing ??= (async () => {
    shuttingDown = true;
    logger.info('shutting down', { graceMs, inFlight: connections.inFlight() });
    ({ cut: cutRequests } = await connections.drain(graceMs));
    unsubscribe?.();
    unwatch?.();
    if (cutRequests > 0) logger.warn('grace period ran out: requests cut', { graceMs, cut: cutRequests });
    logger.info('stopped', { cut: cutRequests });
  })());
  return { url, server, metrics, close, get cutRequests() { return cutRequests; } };
}
