/**
 * The request charge of a remote store as operators and clients see it: a real TinkerPop Gremlin
 * Server behind a proxy that adds Cosmos-style `x-ms-total-request-charge` attributes (2.5 RU per
 * answer), a load of pizza through the one pipeline, then the HTTP service over that store.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger, startServer, type RunningServer } from '../../src/api/index.ts';
import { loadOntologies, type LoadSummary } from '../../src/load/index.ts';
import { openGremlinStore, type GremlinGraphStore } from '../../src/store/gremlin/index.ts';
import { fixture } from '../load/helpers.ts';
import { startFaultProxy, type FaultProxy } from '../store/gremlin/faultProxy.ts';
import { startGremlinServer, type GremlinServer } from '../store/gremlin/gremlinServer.ts';

const chargePerAnswer = 2.5;
let server: GremlinServer;
let proxy: FaultProxy;
let store: GremlinGraphStore;
let running: RunningServer;
let summary: LoadSummary;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  server = await startGremlinServer();
  proxy = await startFaultProxy(`ws://127.0.0.1:${server.port}/gremlin`, { charge: chargePerAnswer });
  store = await openGremlinStore(`${proxy.url}?language=gremlin-lang&namespace=charge`);
  summary = await loadOntologies(store, [fixture('protege-owl/pizza-owlcs/pizza.owl')], { missingImports: 'warn', allowRemoteImports: [] });
  const stream = new PassThrough().setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  running = await startServer({ store, logger: createLogger(stream), port: 0, host: '127.0.0.1' });
}, 180_000);

afterAll(async () => {
  await running?.close();
  await store?.close();
  await proxy?.close();
  await server?.stop();
});

describe('request charge of a remote store', () => {
  test('a load reports what its writes cost', () => {
    expect(summary.requestCharge).toBeGreaterThan(0);
    expect(summary.requestCharge! % chargePerAnswer).toBe(0);
    expect(summary.requestCharge).toBeLessThanOrEqual(store.requestCharge);
  });

  test('a GraphQL response carries its own charge as an extension, and the request log line the same', async () => {
    const before = store.requestCharge;
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'charged-query' },
      body: JSON.stringify({ query: '{ ontologies { id counts { classes } } }' }),
    });
    const body = await response.json() as { data: { ontologies: { id: string }[] }; extensions: { requestCharge: number; storeRequests: number } };
    expect(body.data.ontologies.map((o) => o.id)).toEqual(['pizza']);
    expect(body.extensions.storeRequests).toBeGreaterThan(0);
    expect(body.extensions.requestCharge).toBe(body.extensions.storeRequests * chargePerAnswer);
    expect(body.extensions.requestCharge).toBe(store.requestCharge - before);
    await expect.poll(() => logs.find((line) => line.requestId === 'charged-query')).toMatchObject({ requestCharge: body.extensions.requestCharge, storeRequests: body.extensions.storeRequests });
  });

  test('/metrics counts the store requests and their request units', async () => {
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    const units = Number(/^ontomesh_store_request_units_total (\S+)$/m.exec(metrics)?.[1]);
    const requests = Number(/^ontomesh_store_requests_total\{outcome="ok"\} (\S+)$/m.exec(metrics)?.[1]);
    expect(requests).toBeGreaterThan(0);
    expect(units).toBe(requests * chargePerAnswer);
  });
});
