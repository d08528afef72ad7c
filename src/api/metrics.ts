/**
 * Prometheus metrics served on /metrics: HTTP requests by route and status with a latency
 * histogram, GraphQL operations, graph loads, remote store requests and their request units, and prom-client's process metrics (CPU, memory,
 * event-loop lag, GC). One registry per server, so tests and embedders do not share counters.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  graphqlOperations: Counter<'type' | 'outcome'>;
  loads: Counter<'graph' | 'outcome'>;
  storeRequests: Counter<'outcome'>;
  storeRequestUnits: Counter;
}

/**
 * The service's metrics and the default process metrics, in a fresh registry or in `registry` (a
 * cluster worker's, src/api/clusterMetrics.ts).
 */
export function createMetrics(registry: Registry = new Registry()): Metrics {
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'ontomesh_http_requests_total',
      help: 'HTTP requests by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'ontomesh_http_request_duration_seconds',
      help: 'HTTP request duration in seconds by method and route.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: 'ontomesh_graphql_operations_total',
      help: 'GraphQL operations by type (query, mutation) and outcome (ok or error); operation names are client-chosen, so not a label.',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    loads: new Counter({
      name: 'ontomesh_loads_total',
      help: 'Graph loads run by this process, by graph id and outcome (ok or error).',
      labelNames: ['graph', 'outcome'],
      registers: [registry],
    }),
    storeRequests: new Counter({
      name: 'ontomesh_store_requests_total',
      help: 'Requests sent to a remote store (Cosmos DB, Gremlin Server), retries included, by outcome (ok, conflict, transient, fatal).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    storeRequestUnits: new Counter({
      name: 'ontomesh_store_request_units_total',
      help: 'Request units (RU) the remote store charged (Cosmos DB x-ms-total-request-charge; 0 on servers that report none).',
      registers: [registry],
    }),
  };
}
