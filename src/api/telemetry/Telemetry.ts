/**
 * What the service hands its telemetry (Application Insights, azureMonitor.ts): the shape only, so
 * that the code wiring it in loads nothing of OpenTelemetry when telemetry is off.
 */
import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import type { GraphStore } from '../../graph/GraphStore.ts';
import type { Logger, LogLevel } from '../logger.ts';

export interface Telemetry {
  /** Middleware to run first: a server span per HTTP request (an Application Insights request). */
  requests: RequestHandler;
  /** Wraps the GraphQL handler: a span per operation, named by its type and name, which the request span carries too. */
  graphql(handler: RequestHandler): RequestHandler;
  /**
   * A dependency span for every request `store` sends (Cosmos DB's request charge on it), under the span
   * of the HTTP request or GraphQL operation that made it. Returns a function that stops watching.
   */
  watchStore(store: GraphStore): () => void;
  /** Exports the counters and gauges of the service's prom-client registry (what /metrics serves) as metrics. */
  observeMetrics(registry: Registry): Promise<void>;
  /** `logger`, also sending every line at `level` or above as a log record, in the trace of the request that wrote it. */
  logger(logger: Logger, level: LogLevel): Logger;
  /** Sends what is buffered and stops the exporters. */
  shutdown(): Promise<void>;
}
