/**
 * The HTTP service on a real SQLite store with pizza loaded, over real sockets (port 0 + fetch):
 * probes, metrics, request logs, and the first GraphQL queries (ontologies, concept, search); and
 * graceful shutdown on schema.org, whose big answers outlast a slow client's socket buffers.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger, startServer, type RunningServer } from '../../src/api/index.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies } from '../../src/load/index.ts';
import { fixture, tempStore } from '../load/helpers.ts';
import { bigSchemaOrgQuery, pausedRequest } from './pausedRequest.ts';

const pizzaNs = 'https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl#';

/** A server over `store` whose JSON log lines are collected in `logs`. */
async function serve(store: GraphStore, graceMs?: number): Promise<{ running: RunningServer; logs: Record<string, unknown>[] }> {
  const stream = new PassThrough();
  const logs: Record<string, unknown>[] = [];
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  return { running: await startServer({ store, logger: createLogger(stream), port: 0, host: '127.0.0.1', graceMs }), logs };
}

let store: GraphStore;
let dispose: () => Promise<void>;
let running: RunningServer;
let logs: Record<string, unknown>[];

async function graphql(query: string, variables?: Record<string, unknown>): Promise<{ data?: Record<string, any>; errors?: { message: string; extensions: Record<string, unknown> }[] }> {
  const response = await fetch(`${running.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json() as Promise<{ data?: Record<string, any> }>;
}

beforeAll(async () => {
  ({ store, dispose } = await tempStore());
  await loadOntologies(store, [fixture('protege-owl/pizza-owlcs/pizza.owl')], { missingImports: 'warn', allowRemoteImports: [] });
  ({ running, logs } = await serve(store));
});
afterAll(async () => {
  await running.close();
  await dispose();
});

describe('probes, metrics and logs', () => {
  test('/healthz answers while the process is up', async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect([response.status, await response.json()]).toEqual([200, { status: 'ok' }]);
  });

  test('/readyz is ready once a graph is loaded', async () => {
    const response = await fetch(`${running.url}/readyz`);
    expect([response.status, await response.json()]).toEqual([200, { status: 'ready' }]);
  });

  test('/readyz is 503 on an empty store', async () => {
    const empty = await tempStore();
    const other = await serve(empty.store);
    try {
      const response = await fetch(`${other.running.url}/readyz`);
      expect([response.status, await response.json()]).toEqual([503, { status: 'not ready', reason: 'no graph loaded' }]);
    } finally {
      await other.running.close();
      await empty.dispose();
    }
  });

  test('every request logs one JSON line with its request id', async () => {
    const response = await fetch(`${running.url}/healthz`, { headers: { 'x-request-id': 'test-request-1' } });
    expect(response.headers.get('x-request-id')).toBe('test-request-1');
    const line = logs.find((entry) => entry.requestId === 'test-request-1');
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/healthz', status: 200 });
    expect(Object.keys(line!).slice(0, 3)).toEqual(['time', 'level', 'msg']);
    expect(line!.durationMs).toEqual(expect.any(Number));
  });

  test('unknown routes are NOT_FOUND in the error format', async () => {
    const response = await fetch(`${running.url}/nowhere`);
    expect([response.status, await response.json()]).toEqual([404, { error: { code: 'NOT_FOUND', message: 'no route GET /nowhere' } }]);
  });

  test('/metrics has request counts by route and status, latency, and GraphQL operations', async () => {
    await graphql('{ ontologies { id } }');
    const response = await fetch(`${running.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    const text = await response.text();
    expect(text).toMatch(/^ontomesh_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+$/m);
    expect(text).toMatch(/^ontomesh_http_requests_total\{method="GET",route="unmatched",status="404"\} 1$/m);
    expect(text).toMatch(/^ontomesh_http_request_duration_seconds_bucket\{le="0.1",method="POST",route="\/graphql"\} \d+$/m);
    expect(text).toMatch(/^ontomesh_graphql_operations_total\{type="query",outcome="ok"\} \d+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});

describe('GraphQL', () => {
  test('ontologies lists the loaded graph with its version, counts and documents', async () => {
    const { data } = await graphql('{ ontologies { id version ontologyIri counts { triples classes objectProperties individuals } documents { format } versions { version active } } }');
    expect(data!.ontologies).toEqual([{
      id: 'pizza',
      version: 1,
      ontologyIri: 'https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl',
      counts: { triples: 2332, classes: 99, objectProperties: 8, individuals: 5 },
      documents: [{ format: 'rdfxml' }],
      versions: [{ version: 1, active: true }],
    }]);
  });

  test('ontology(id) finds a graph, or null', async () => {
    const { data } = await graphql('query ($id: ID!) { ontology(id: $id) { id } none: ontology(id: "none") { id } }', { id: 'pizza' });
    expect(data).toEqual({ ontology: { id: 'pizza' }, none: null });
  });

  test('concept reads labels by language and walks the hierarchy, transitively through the closure', async () => {
    const { data } = await graphql(`query ($iri: ID!) { concept(iri: $iri) {
      iri label pt: label(lang: "pt") labels { value language } deprecated
      superConcepts { iri } ancestors: superConcepts(transitive: true) { iri label } } }`, { iri: `${pizzaNs}Margherita` });
    expect(data!.concept).toEqual({
      iri: `${pizzaNs}Margherita`,
      label: 'Margherita',
      pt: 'Margherita',
      labels: [{ value: 'Margherita', language: 'pt' }],
      deprecated: false,
      superConcepts: [{ iri: `${pizzaNs}NamedPizza` }],
      ancestors: expect.arrayContaining([{ iri: `${pizzaNs}NamedPizza`, label: 'PizzaComUmNome' }, expect.objectContaining({ iri: `${pizzaNs}Pizza` })]),
    });
  });

  test('subConcepts, transitively, reach the leaves', async () => {
    const { data } = await graphql(`{ concept(iri: "${pizzaNs}Pizza") { subConcepts { iri } all: subConcepts(transitive: true) { iri } } }`);
    expect(data!.concept.subConcepts).toContainEqual({ iri: `${pizzaNs}NamedPizza` });
    expect(data!.concept.all).toContainEqual({ iri: `${pizzaNs}Margherita` });
    expect(data!.concept.all.length).toBeGreaterThan(data!.concept.subConcepts.length);
  });

  test('concept is null for a property and for an unknown IRI', async () => {
    const { data } = await graphql(`{ p: concept(iri: "${pizzaNs}hasTopping") { iri } u: concept(iri: "https://example.org/none") { iri } }`);
    expect(data).toEqual({ p: null, u: null });
  });

  test('search finds concepts by label, with highlights', async () => {
    const { data } = await graphql('{ search(text: "margherita") { totalCount edges { cursor highlight node { __typename ... on Concept { iri label } } } } }');
    expect(data!.search.totalCount).toBe(1);
    expect(data!.search.edges[0]).toMatchObject({ highlight: '<b>Margherita</b>', node: { __typename: 'Concept', iri: `${pizzaNs}Margherita`, label: 'Margherita' } });
  });

  test('search pages with Relay cursors', async () => {
    const query = 'query ($after: String) { search(text: "pizza", first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ... on Concept { iri } } } } }';
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { data } = await graphql(query, { after });
      total = data!.search.totalCount;
      seen.push(...data!.search.edges.map((edge: { node: { iri: string } }) => edge.node.iri));
      after = data!.search.pageInfo.hasNextPage ? data!.search.pageInfo.endCursor : null;
    } while (after !== null);
    expect(total).toBeGreaterThan(4);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  test('errors carry extensions.code from the error registry', async () => {
    const badArgument = await graphql('{ search(text: "pizza", first: 0) { totalCount } }');
    expect(badArgument.errors![0]!.extensions.code).toBe('BAD_REQUEST');
    const badCursor = await graphql('{ search(text: "pizza", after: "bm9wZQ") { totalCount } }');
    expect(badCursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_REQUEST', term: 'bm9wZQ' });
    const invalid = await graphql('{ nope }');
    expect(invalid.errors![0]!.extensions.code).toBe('BAD_REQUEST');
  });

  test('malformed bodies are BAD_REQUEST, oversized ones PAYLOAD_TOO_LARGE (more cases in graphql/graphqlHandler.test.ts)', async () => {
    const post = (body: string) => fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const codeOf = async (response: Response) => ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;
    const malformed = await post('{ "query": ');
    expect([malformed.status, await codeOf(malformed)]).toEqual([400, 'BAD_REQUEST']);
    const oversized = await post(JSON.stringify({ query: `{ ontologies { id } } # ${'x'.repeat(2 << 20)}` }));
    expect([oversized.status, await codeOf(oversized)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  test('a browser asking for /graphql gets GraphiQL', async () => {
    const response = await fetch(`${running.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('GraphiQL');
  });
});

/**
 * close(): the bug was http.Server.close() destroying a connection whose response had called end()
 * while most of its body was still queued for the client.
 */
describe('shutdown', () => {
  let schemaStore: GraphStore;
  let disposeSchema: () => Promise<void>;
  beforeAll(async () => {
    ({ store: schemaStore, dispose: disposeSchema } = await tempStore());
    await loadOntologies(schemaStore, [fixture('schemaorg/schemaorg-current-https.ttl')], { id: 'schema', missingImports: 'warn', allowRemoteImports: [] });
  });
  afterAll(() => disposeSchema());

  test('close() refuses new connections and lets a response being written finish, then stops', async () => {
    const { running, logs } = await serve(schemaStore);
    const paused = await pausedRequest(`${running.url}/graphql`, 'slow', bigSchemaOrgQuery);
    expect(paused.status).toBe(200);
    const closing = running.close();
    await expect(fetch(`${running.url}/healthz`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });

    const { complete, body } = await paused.resume();
    expect(complete).toBe(true);
    const answer = JSON.parse(body) as { data: { concept: { subConcepts: unknown[] } } };
    expect(answer.data.concept.subConcepts.length).toBeGreaterThan(1000);
    await closing;
    expect(running.cutRequests).toBe(0);
    const messages = logs.map((line) => (line.msg === 'request' ? `request ${String(line.requestId)}` : line.msg));
    expect(messages.slice(messages.indexOf('shutting down'))).toEqual(['shutting down', 'request slow', 'stopped']);
    expect(logs.find((line) => line.msg === 'shutting down')).toMatchObject({ inFlight: 1 });
  });

  test('when the grace period runs out, close() cuts what is left and counts it', async () => {
    const { running, logs } = await serve(schemaStore, 50);
    const paused = await pausedRequest(`${running.url}/graphql`, 'too-slow', bigSchemaOrgQuery);
    await running.close();
    expect(running.cutRequests).toBe(1);
    expect(logs.find((line) => line.level === 'warn')).toMatchObject({ msg: 'grace period ran out: requests cut', cut: 1, graceMs: 50 });
    expect(logs.at(-1)).toMatchObject({ msg: 'stopped', cut: 1 });
    expect((await paused.resume()).complete).toBe(false);
  });
});
