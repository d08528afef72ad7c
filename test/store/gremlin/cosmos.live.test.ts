/**
 * The GraphStore contract against a real Azure Cosmos DB for Apache Gremlin account. Runs only when
 * COSMOS_GREMLIN_ENDPOINT (account name, host or wss:// URL), COSMOS_GREMLIN_DATABASE and
 * COSMOS_GREMLIN_GRAPH are set, with COSMOS_GREMLIN_KEY or a Microsoft Entra ID identity
 * (DefaultAzureCredential); COSMOS_GREMLIN_PARTITION_KEY names the container's partition-key
 * property (default `pk`). Everything it writes lives under one namespace and is dropped after.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { GremlinClient } from '../../../src/store/gremlin/GremlinClient.ts';
import { openGremlinStore } from '../../../src/store/gremlin/index.ts';
import { parseGremlinUrl } from '../../../src/store/gremlin/storeUrl.ts';
import { defineGraphStoreContract } from '../../contract/graphStoreContract.ts';

const { COSMOS_GREMLIN_ENDPOINT: endpoint, COSMOS_GREMLIN_DATABASE: database, COSMOS_GREMLIN_GRAPH: graph } = process.env;
const partitionKey = process.env.COSMOS_GREMLIN_PARTITION_KEY ?? 'pk';

if (endpoint && database && graph) {
  const host = endpoint.replace(/^wss:\/\//, '').replace(/[:/].*$/, '');
  const run = `live${randomBytes(4).toString('hex')}`;
  const url = (namespace: string) => `cosmos://${host}/${encodeURIComponent(database)}/${encodeURIComponent(graph)}?pk=${partitionKey}&namespace=${namespace}`;
  let stores = 0;

  defineGraphStoreContract('cosmos (live)', () => openGremlinStore(url(`${run}${++stores}`)));

  afterAll(async () => {
    const target = parseGremlinUrl(url(run));
    const client = new GremlinClient({ url: target.url, dialect: target.dialect, ...(target.credentials ? { credentials: target.credentials } : {}) });
    const bindings = { prefix: `${run}` };
    for (;;) {
      await client.query({ template: 'cleanup', text: `g.V().has('${partitionKey}', TextP.startingWith(prefix)).limit(500).drop()`, bindings, bytes: 0 });
      const [left] = await client.query<number>({ template: 'cleanup', text: `g.V().has('${partitionKey}', TextP.startingWith(prefix)).limit(1).count()`, bindings, bytes: 0 });
      if (!left) break;
    }
    await client.close();
  }, 600_000);
} else {
  describe.skip('GraphStore contract: cosmos (live) — set COSMOS_GREMLIN_ENDPOINT, COSMOS_GREMLIN_DATABASE, COSMOS_GREMLIN_GRAPH', () => {
    it('needs a Cosmos DB for Apache Gremlin account', () => undefined);
  });
}
