/**
 * The GraphStore contract against a real Apache TinkerPop Gremlin Server (started here, fetched from
 * Maven Central when missing; the suite fails when it cannot start). Requests use the grammar-only
 * gremlin-lang engine, so every script of the suite is also proven to be in the Cosmos dialect (no
 * Groovy); each store gets its own namespace, which makes it an empty store on the shared server.
 */
import { afterAll, beforeAll } from 'vitest';
import { openGremlinStore } from '../../src/store/gremlin/index.ts';
import { startGremlinServer, type GremlinServer } from '../store/gremlin/gremlinServer.ts';
import { defineGraphStoreContract } from './graphStoreContract.ts';

let server: GremlinServer;
let stores = 0;
beforeAll(async () => {
  server = await startGremlinServer();
});
afterAll(() => server?.stop());

defineGraphStoreContract('gremlin', () => openGremlinStore(`${server.storeUrl}?language=gremlin-lang&namespace=contract${++stores}`));
