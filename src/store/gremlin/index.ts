/**
 * The Gremlin store adapter: Azure Cosmos DB for Apache Gremlin and Apache TinkerPop Gremlin Server
 * behind the GraphStore port. See README.md in this folder.
 */
import { GremlinClient } from './GremlinClient.ts';
import { GremlinGraphStore, type GremlinStoreOptions } from './GremlinGraphStore.ts';
import type { RetryPolicy } from './retry.ts';
import { parseGremlinUrl, type Environment } from './storeUrl.ts';

export { GremlinGraphStore, type GremlinStoreOptions } from './GremlinGraphStore.ts';
export { GremlinVersionWriter } from './GremlinVersionWriter.ts';
export { parseGremlinUrl, cosmosScope } from './storeUrl.ts';

export interface OpenGremlinStoreOptions extends Omit<Partial<GremlinStoreOptions>, 'description'> {
  retry?: Partial<RetryPolicy>;
  requestTimeoutMs?: number;
  env?: Environment;
}

/**
 * Opens a store on `gremlin://HOST:PORT` (TinkerPop Gremlin Server) or `cosmos://ACCOUNT/DB/GRAPH`
 * (Cosmos DB; key from COSMOS_GREMLIN_KEY, else Microsoft Entra ID). Connects lazily: `ready()` tells
 * whether the server answers.
 *
 * @example
 * const store = await openGremlinStore('gremlin://127.0.0.1:8182');
 * const writer = await store.beginVersion('pizza', meta);
 */
export async function openGremlinStore(url: string, options: OpenGremlinStoreOptions = {}): Promise<GremlinGraphStore> {
  const target = parseGremlinUrl(url, options.env);
  const { retry, requestTimeoutMs, env: _, ...storeOptions } = options;
  const client = new GremlinClient({
    url: target.url,
    dialect: target.dialect,
    ...(target.credentials ? { credentials: target.credentials } : {}),
    ...(target.connections ? { connections: target.connections } : {}),
    ...(retry ? { retry } : {}),
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
  });
  return new GremlinGraphStore(client, {
    ...target.limits,
    description: target.description,
    ...(target.partitionKey ? { partitionKey: target.partitionKey } : {}),
    ...(target.namespace ? { namespace: target.namespace } : {}),
    ...storeOptions,
  });
}
