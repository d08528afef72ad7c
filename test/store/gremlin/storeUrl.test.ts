import { describe, expect, it } from 'vitest';
import { parseGremlinUrl } from '../../../src/store/gremlin/storeUrl.ts';

describe('Gremlin store URLs', () => {
  it('maps gremlin://HOST:PORT to a WebSocket on /gremlin with the TinkerPop dialect', () => {
    const target = parseGremlinUrl('gremlin://127.0.0.1:8182', {});
    expect(target).toMatchObject({ url: 'ws://127.0.0.1:8182/gremlin', description: 'gremlin://127.0.0.1:8182' });
    expect(target.dialect).toMatchObject({ name: 'tinkerpop', language: 'gremlin-groovy' });
    expect(target.credentials).toBeUndefined();
    expect(parseGremlinUrl('gremlin://h:1?tls=true&language=gremlin-lang&pk=part&namespace=t', {})).toMatchObject({ url: 'wss://h:1/gremlin', partitionKey: 'part', namespace: 't', dialect: { language: 'gremlin-lang' } });
    expect(parseGremlinUrl('gremlin://h?batch=50&maxSteps=300&maxBindings=16&concurrency=2&buckets=64', {}).limits).toEqual({ maxBatchElements: 50, maxSteps: 300, maxBindings: 16, concurrency: 2, buckets: 64 });
    expect(() => parseGremlinUrl('gremlin://h?batch=0', {})).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  it('maps cosmos://ACCOUNT/DB/GRAPH to the account endpoint with key auth from the environment', async () => {
    const target = parseGremlinUrl('cosmos://acct/db1/graph1', { COSMOS_GREMLIN_KEY: 'secret' });
    expect(target).toMatchObject({ url: 'wss://acct.gremlin.cosmos.azure.com:443/', description: 'cosmos://acct/db1/graph1', dialect: { name: 'cosmos', language: 'gremlin-groovy' } });
    expect(await target.credentials!()).toEqual({ username: '/dbs/db1/colls/graph1', password: 'secret' });
    expect(target.description).not.toContain('secret');
    expect(parseGremlinUrl('cosmos://acct.gremlin.cosmosdb.azure.com/d/g', { COSMOS_GREMLIN_KEY: 'k' }).url).toBe('wss://acct.gremlin.cosmosdb.azure.com:443/');
  });

  it('refuses credentials in the URL and malformed URLs', () => {
    expect(() => parseGremlinUrl('cosmos://user:key@acct/db/g', {})).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringMatching(/credentials/) }));
    expect(() => parseGremlinUrl('cosmos://acct/db', {})).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => parseGremlinUrl('neo4j://h', {})).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => parseGremlinUrl('gremlin://h?language=sparql', {})).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
