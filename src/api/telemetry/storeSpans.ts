/**
 * A dependency span per request a remote store sends (Cosmos DB, a TinkerPop server), from the store's
 * own request records (src/graph/storeRequests.ts): the name of its script template (`readPointers`,
 * `exportPartition`; no script text, no bindings), duration, outcome, and Cosmos DB's request charge and status. It falls under the span that was
 * current when the store sent it: the GraphQL operation or HTTP request that needed it.
 */
import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { ATTR_DB_NAMESPACE, ATTR_DB_OPERATION_NAME, ATTR_DB_RESPONSE_STATUS_CODE, ATTR_DB_SYSTEM_NAME, ATTR_SERVER_ADDRESS } from '@opentelemetry/semantic-conventions';
import type { GraphStore } from '../../graph/GraphStore.ts';

// Incubating in OpenTelemetry's conventions: named here, as its docs advise, rather than imported.
const ATTR_COSMOSDB_REQUEST_CHARGE = 'azure.cosmosdb.operation.request_charge';

/** Watches a store's requests (a store that sends none, such as SQLite, gives no spans). */
export function storeSpans(tracer: Tracer): (store: GraphStore) => () => void {
  return (store) => {
    const target = storeTarget(store.description);
    const unsubscribe = store.onRequest?.((request) => {
      const end = Date.now();
      const span = tracer.startSpan(request.template, {
        kind: SpanKind.CLIENT,
        startTime: end - request.durationMs,
        attributes: {
          [ATTR_DB_SYSTEM_NAME]: target.system,
          [ATTR_SERVER_ADDRESS]: target.address,
          ...(target.namespace ? { [ATTR_DB_NAMESPACE]: target.namespace } : {}),
          [ATTR_DB_OPERATION_NAME]: request.template,
          [ATTR_COSMOSDB_REQUEST_CHARGE]: request.charge,
          'ontomesh.store.outcome': request.outcome,
          ...(request.cosmosStatus === undefined ? {} : { [ATTR_DB_RESPONSE_STATUS_CODE]: String(request.cosmosStatus) }),
        },
      });
      if (request.outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: request.outcome });
      span.end(end);
    });
    return unsubscribe ?? (() => {});
  };
}

/** What a store's description (`cosmos://ACCOUNT/DB/GRAPH`, `gremlin://HOST:PORT`) says about where its requests go. */
function storeTarget(description: string): { system: string; address: string; namespace?: string } {
  const cosmos = /^cosmos:\/\/([^/]+)\/(.+)$/.exec(description);
  if (cosmos) return { system: 'azure.cosmosdb', address: cosmos[1]!, namespace: cosmos[2]! };
  const gremlin = /^gremlin:\/\/(.+)$/.exec(description);
  return { system: 'gremlin', address: gremlin?.[1] ?? description };
}
