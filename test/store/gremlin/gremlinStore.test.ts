/**
 * The Gremlin adapter against a real Apache TinkerPop Gremlin Server: every script template through
 * the grammar-only gremlin-lang engine (the Cosmos dialect holds), idempotent batched loads under
 * Cosmos-style throttling, dropped sockets, a server restart and a killed load, request charges.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphElement } from '../../../src/graph/elements.ts';
import { tinkerpopDialect } from '../../../src/store/gremlin/dialect.ts';
import { GremlinClient } from '../../../src/store/gremlin/GremlinClient.ts';
import { IdScheme } from '../../../src/store/gremlin/ids.ts';
import { openGremlinStore, type GremlinGraphStore, type OpenGremlinStoreOptions } from '../../../src/store/gremlin/index.ts';
import { meterRequests } from '../../../src/graph/storeRequests.ts';
import { templateNames } from '../../../src/store/gremlin/scripts.ts';
import { pizzaPath, readRdfXml } from '../../graph/fixtureQuads.ts';
import { startFaultProxy } from './faultProxy.ts';
import { startGremlinServer, type GremlinServer } from './gremlinServer.ts';
import { elementBatches, expectedFacts, exportedFacts, stats, writeBatches } from './loadGraph.ts';

const pizza = 'https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl';
const meta = { documents: [{ location: 'pizza.owl', format: 'rdfxml' }], prefixes: {}, missingImports: [] };
let server: GremlinServer;
let quads: Quad[];
let namespaces = 0;

/** A store in its own namespace (an empty store) on `url`. */
const open = (url: string, options: OpenGremlinStoreOptions = {}) =>
  openGremlinStore(`${url}${url.includes('?') ? '&' : '?language=gremlin-lang&'}namespace=t${++namespaces}`, options);

async function load(store: GremlinGraphStore, batches: GraphElement[][], after?: (index: number) => Promise<void>) {
  const writer = await store.beginVersion('pizza', meta);
  await writeBatches(writer, batches, after);
  return { writer, info: await writer.commit(stats(quads.length)) };
}

beforeAll(async () => {
  [server, quads] = await Promise.all([startGremlinServer({ persistent: true }), readRdfXml(pizzaPath)]);
});
afterAll(() => server?.stop());

describe('the Cosmos dialect', () => {
  it('every script template parses and runs on the grammar-only gremlin-lang engine (no Groovy)', async () => {
    const store = await open(server.storeUrl, { keepVersions: 1, heartbeatMs: 0 });
    const used = new Set<string>();
    store.onRequest((record) => used.add(record.template));
    const batches = elementBatches('pizza', quads);
    const { writer } = await load(store, batches);
    expect(writer.requests).toBeGreaterThan(0);
    const second = await store.beginVersion('pizza', meta);
    await writeBatches(second, batches.slice(0, 3));
    await writeBatches(second, batches.slice(0, 3)); // conflicts: the read-then-write path
    await second.abort();
    const third = await load(store, batches); // prunes the first version (keepVersions 1)
    expect((await store.versions('pizza')).map((v) => v.version)).toEqual([third.info.version]);
    await expect(store.activate('pizza', third.info.version)).resolves.toBeUndefined();
    const snapshot = await store.snapshot();
    const margherita = await store.getResource(snapshot, `${pizza}#Margherita`);
    expect(margherita?.properties.some((p) => p.value.lexical === 'Margherita')).toBe(true);
    await store.neighbours(snapshot, [`${pizza}#Margherita`], { predicate: 'http://www.w3.org/2000/01/rdf-schema#subClassOf', direction: 'out' });
    await store.neighbours(snapshot, [`${pizza}#NamedPizza`], { predicate: 'http://www.w3.org/2000/01/rdf-schema#subClassOf', direction: 'in' });
    expect((await store.search(snapshot, 'margherita'))[0]?.id).toBe(`${pizza}#Margherita`);
    expect(await exportedFacts(store, 'pizza')).toEqual(expectedFacts(batches));
    expect(await store.ready()).toBe(true);
    expect([...templateNames].filter((name) => !used.has(name))).toEqual([]);
    await store.close();
  });

  it('runs the same way on gremlin-groovy, the language the driver sends to Cosmos', async () => {
    const store = await open(`${server.storeUrl}?language=gremlin-groovy`);
    const batches = elementBatches('pizza', quads.slice(0, 400), 200);
    await load(store, batches);
    expect(await exportedFacts(store, 'pizza')).toEqual(expectedFacts(batches));
    expect((await store.search(await store.snapshot(), 'pizza')).length).toBeGreaterThan(0);
    await store.close();
  });
});

describe('idempotent batched loads', () => {
  it('answers concurrent snapshots with one pointer read, and sees its own publish at once', async () => {
    const store = await open(server.storeUrl);
    let requests = 0;
    store.onRequest(() => requests++);
    const concurrent = await Promise.all([store.snapshot(), store.snapshot(), store.snapshot()]);
    expect(requests).toBe(1);
    expect(concurrent.map((s) => s.versions)).toEqual([[], [], []]);
    const pending = store.snapshot();
    const { info } = await load(store, elementBatches('pizza', quads.slice(0, 200)));
    expect((await pending).versions).toEqual([]);
    expect((await store.snapshot()).versions).toEqual([{ graphId: 'pizza', version: info.version }]);
    await store.close();
  });

  it('writing the same batches twice leaves exactly the graph of writing them once', async () => {
    const store = await open(server.storeUrl);
    const batches = elementBatches('pizza', quads);
    const writer = await store.beginVersion('pizza', meta);
    await writeBatches(writer, batches);
    await writeBatches(writer, batches);
    await writer.commit(stats(quads.length));
    expect(await exportedFacts(store, 'pizza')).toEqual(expectedFacts(batches));
    await store.close();
  });

  it('a load killed half-way and run again ends with exactly the same graph; the abandoned version is swept', async () => {
    const url = `${server.storeUrl}?namespace=kill&language=gremlin-lang`;
    const child = spawn(process.execPath, ['test/store/gremlin/loadChild.ts', url, 'pizza'], { stdio: ['ignore', 'pipe', 'inherit'] });
    for await (const line of createInterface({ input: child.stdout! })) if (line === 'wrote 5') break;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const store = await openGremlinStore(url, { staleAfterMs: 0 });
    const batches = elementBatches('pizza', quads);
    const { info } = await load(store, batches);
    expect(info.version).toBe(2);
    expect(await exportedFacts(store, 'pizza')).toEqual(expectedFacts(batches));
    expect((await store.versions('pizza')).map((v) => v.version)).toEqual([2]);
    const ids = new IdScheme('kill');
    const client = new GremlinClient({ url: `ws://127.0.0.1:${server.port}/gremlin`, dialect: tinkerpopDialect() });
    const partitions = ids.partitions(ids.versionScope('pizza', 1, 16));
    const left = await client.query<number>({ template: 'test', text: `g.V().has('pk', within(${partitions.map((_, i) => `p${i}`).join(', ')})).count()`, bindings: Object.fromEntries(partitions.map((p, i) => [`p${i}`, p])), bytes: 0 });
    expect(left).toEqual([0]);
    await Promise.all([client.close(), store.close()]);
  });
});

describe('Cosmos behaviour', () => {
  it('completes a load when a share of requests is throttled with 429 and x-ms-retry-after-ms, and sums request charges', async () => {
    const proxy = await startFaultProxy(`ws://127.0.0.1:${server.port}/gremlin`, { throttle: (n, throttledBefore) => n % 3 === 0 && throttledBefore < 2, charge: 2.5 });
    const store = await open(proxy.url);
    const batches = elementBatches('pizza', quads);
    const { writer } = await load(store, batches);
    expect(proxy.counts.throttled).toBeGreaterThan(10);
    expect(writer.requestCharge).toBeGreaterThan(0);
    const { result, requestCharge, requests } = await meterRequests(() => exportedFacts(store, 'pizza'));
    expect(result).toEqual(expectedFacts(batches));
    expect(requestCharge % 2.5).toBe(0); // throttled answers charge 0, the others 2.5 each
    expect(requestCharge).toBeGreaterThan(0);
    expect(requestCharge).toBeLessThanOrEqual(2.5 * requests);
    expect(store.requestCharge).toBe(proxy.counts.charged);
    await store.close();
    await proxy.close();
  });

  it('gives up with STORE_THROTTLED when the retry budget runs out', async () => {
    const proxy = await startFaultProxy(`ws://127.0.0.1:${server.port}/gremlin`, { throttle: () => true });
    const store = await open(proxy.url, { retry: { maxAttempts: 3 } });
    await expect(store.snapshot()).rejects.toMatchObject({ code: 'STORE_THROTTLED', status: 429 });
    await store.close();
    await proxy.close();
  });

  it('reconnects after dropped sockets without duplicating writes whose answers were lost', async () => {
    const proxy = await startFaultProxy(`ws://127.0.0.1:${server.port}/gremlin`, { drop: (n) => n % 7 === 0 });
    const store = await open(proxy.url);
    const batches = elementBatches('pizza', quads);
    await load(store, batches);
    expect(proxy.counts.dropped).toBeGreaterThan(5);
    expect(await exportedFacts(store, 'pizza')).toEqual(expectedFacts(batches));
    await store.close();
    await proxy.close();
  });

  it('survives a Gremlin Server restart during a load', async () => {
    const store = await open(server.storeUrl);
    const batches = elementBatches('pizza', quads);
    let restart: Promise<void> | undefined;
    await load(store, batches, async (index) => {
      if (index === 2) restart = server.restart();
    });
    await restart;
    expect(await exportedFacts(store, 'pizza')).toEqual(expectedFacts(batches));
    await store.close();
  });
});
