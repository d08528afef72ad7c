/**
 * /graphql over real sockets: malformed requests get a GraphQL error body with a code and the right
 * status (BAD_REQUEST 400, UNSUPPORTED_FORMAT 415, PAYLOAD_TOO_LARGE 413, METHOD_NOT_ALLOWED 405,
 * NOT_ACCEPTABLE 406) instead of an INTERNAL or an empty body; queries over the limits are
 * QUERY_TOO_COMPLEX before they run, the limits set by
 * ONTOMESH_GRAPHQL_MAX_DEPTH / _COST; an unexpected failure is INTERNAL, logged with its stack.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createLogger, startServer, type RunningServer } from '../../../src/api/index.ts';
import type { GraphStore } from '../../../src/graph/GraphStore.ts';
import { tempStore } from '../../load/helpers.ts';

interface Served {
  running: RunningServer;
  logs: Record<string, any>[];
}

async function serve(store: GraphStore): Promise<Served> {
  const stream = new PassThrough();
  const logs: Record<string, any>[] = [];
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, any>);
  });
  return { running: await startServer({ store, logger: createLogger(stream), port: 0, host: '127.0.0.1' }), logs };
}

/** Status and JSON body of a request to /graphql (`path` is what follows it). */
async function request(server: Served, init: RequestInit & { path?: string }): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.running.url}/graphql${init.path ?? ''}`, init);
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

const json = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
const post = (body: string, headers: Record<string, string> = json): RequestInit => ({ method: 'POST', headers, body });
const error = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

let store: GraphStore;
let dispose: () => Promise<void>;
let server: Served;
beforeAll(async () => {
  ({ store, dispose } = await tempStore());
  server = await serve(store);
});
afterAll(async () => {
  await server.running.close();
  await dispose();
});

describe('malformed requests', () => {
  test('a body that is not an object with a string query, or mistyped variables, is BAD_REQUEST saying what is wrong', async () => {
    expect(await request(server, post('[1,2]'))).toEqual({ status: 400, body: error('BAD_REQUEST', 'the request body must be a JSON object with a "query" string, not an array') });
    expect(await request(server, post('null'))).toEqual({ status: 400, body: error('BAD_REQUEST', 'the request body must be a JSON object with a "query" string, not null') });
    expect(await request(server, post('{"query":5}'))).toEqual({ status: 400, body: error('BAD_REQUEST', 'the "query" field must be a string, not a number (5)') });
    expect(await request(server, post('{"variables":{}}'))).toEqual({ status: 400, body: error('BAD_REQUEST', 'the request has no "query" field') });
    expect(await request(server, post('{"query":"{__typename}","variables":"abc"}')))
      .toEqual({ status: 400, body: error('BAD_REQUEST', 'the "variables" field must be a JSON object, not a string ("abc")') });
    expect(await request(server, post('{"query":"{__typename}","operationName":[]}')))
      .toEqual({ status: 400, body: error('BAD_REQUEST', 'the "operationName" field must be a string, not an array') });
    expect(await request(server, post('{ "query": '))).toEqual({ status: 400, body: error('BAD_REQUEST', 'the request body is not valid JSON: Unexpected end of JSON input') });
  });

  test('GET parameters that are not valid JSON are BAD_REQUEST', async () => {
    const response = await request(server, { path: '?query=%7B__typename%7D&variables=%7Bbad', headers: { accept: 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{
      message: expect.stringMatching(/^the "variables" parameter is not valid JSON: /),
      extensions: { code: 'BAD_REQUEST', term: '{bad' },
    }]);
    expect(await request(server, { path: '?query=%7B__typename%7D', headers: { accept: 'application/json' } })).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  test('a POST that is not application/json is UNSUPPORTED_FORMAT (415) with a body', async () => {
    const as = (type: string | undefined) => request(server, post('{"query":"{__typename}"}', type === undefined ? {} : { 'content-type': type }));
    expect(await as('text/plain')).toEqual({ status: 415, body: { errors: [{ message: 'a POST to /graphql must have Content-Type application/json, not text/plain', extensions: { code: 'UNSUPPORTED_FORMAT', term: 'text/plain' } }] } });
    expect((await as('application/graphql')).body.errors[0].extensions.code).toBe('UNSUPPORTED_FORMAT');
    const none = await fetch(`${server.running.url}/graphql`, { method: 'POST', body: new Blob(['{"query":"{__typename}"}']) });
    expect([none.status, await none.json()]).toEqual([415, error('UNSUPPORTED_FORMAT', 'a POST to /graphql must have Content-Type application/json (it has none)')]);
  });

  test('a body over 1 MiB is PAYLOAD_TOO_LARGE (413)', async () => {
    const body = JSON.stringify({ query: `{ __typename } # ${'x'.repeat(2 << 20)}` });
    expect(await request(server, post(body))).toEqual({ status: 413, body: error('PAYLOAD_TOO_LARGE', 'the request body is larger than the limit of 1048576 bytes') });
  });

  test('a method other than GET and POST is METHOD_NOT_ALLOWED (405) with Allow and a body; HEAD gets the headers only', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await fetch(`${server.running.url}/graphql`, { method, headers: json, body: method === 'OPTIONS' ? undefined : '{"query":"{__typename}"}' });
      expect([method, response.status, response.headers.get('allow'), response.headers.get('content-type'), await response.json()]).toEqual([
        method, 405, 'GET, POST', 'application/json; charset=utf-8',
        { errors: [{ message: `the GraphQL endpoint takes GET, POST requests, not ${method}`, extensions: { code: 'METHOD_NOT_ALLOWED', term: method } }] },
      ]);
    }
    const head = await fetch(`${server.running.url}/graphql`, { method: 'HEAD' });
    expect([head.status, head.headers.get('allow'), await head.text()]).toEqual([405, 'GET, POST', '']);
  });

  test('an Accept header allowing neither JSON media type is NOT_ACCEPTABLE (406) with a body naming them', async () => {
    const served = 'application/graphql-response+json; charset=utf-8, application/json; charset=utf-8';
    for (const init of [post('{"query":"{__typename}"}', { 'content-type': 'application/json', accept: 'application/xml' }), { path: '?query=%7B__typename%7D', headers: { accept: 'application/xml' } }]) {
      expect(await request(server, init)).toEqual({
        status: 406,
        body: { errors: [{ message: `the GraphQL endpoint answers ${served}, which the Accept header "application/xml" does not allow`, extensions: { code: 'NOT_ACCEPTABLE', term: 'application/xml' } }] },
      });
    }
  });

  test('none of these is logged as an error; a well-formed request still works', async () => {
    expect(server.logs.filter((line) => line.level === 'error')).toEqual([]);
    expect(await request(server, post('{"query":"{__typename}"}'))).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});

describe('query limits', () => {
  const walk = (levels: number) => `{ concept(iri: "https://w3id.org/ontomesh/demo/core#Party") { ${'subConcepts { superConcepts(transitive: true) { '.repeat(levels)}iri${' } }'.repeat(levels)} } }`;

  test('a query over the limits is QUERY_TOO_COMPLEX, 400 (200 under the legacy application/json, as graphql-over-http has it)', async () => {
    const response = await request(server, post(JSON.stringify({ query: walk(8) })));
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors.map((e: { message: string; extensions: { code: string } }) => [e.extensions.code, e.message])).toEqual([
      ['QUERY_TOO_COMPLEX', 'the query is too deep: depth 17 > max 15 (ONTOMESH_GRAPHQL_MAX_DEPTH)'],
      ['QUERY_TOO_COMPLEX', 'the query is too costly: cost 29642105264 > max 20000 (ONTOMESH_GRAPHQL_MAX_COST)'],
    ]);
    const legacy = await request(server, post(JSON.stringify({ query: walk(8) }), { 'content-type': 'application/json', accept: 'application/json' }));
    expect(legacy).toEqual({ status: 200, body: response.body });
  });

  test('ONTOMESH_GRAPHQL_MAX_DEPTH and _COST set the limits of a server', async () => {
    const ontologies = (count: number) => JSON.stringify({ query: `{ ${Array.from({ length: count }, (_, i) => `o${i}: ontologies { id }`).join(' ')} }` });
    vi.stubEnv('ONTOMESH_GRAPHQL_MAX_DEPTH', '3');
    vi.stubEnv('ONTOMESH_GRAPHQL_MAX_COST', '50');
    const limited = await serve(store);
    try {
      expect(await request(limited, post(JSON.stringify({ query: walk(1) })))).toEqual({ status: 200, body: { data: { concept: null } } });
      expect((await request(limited, post(JSON.stringify({ query: walk(2) })))).body.errors[0].message)
        .toBe('the query is too deep: depth 5 > max 3 (ONTOMESH_GRAPHQL_MAX_DEPTH)');
      expect((await request(limited, post(ontologies(20)))).body.errors[0].message).toBe('the query is too costly: cost 60 > max 50 (ONTOMESH_GRAPHQL_MAX_COST)');
      expect(await request(server, post(ontologies(20)))).toMatchObject({ status: 200, body: { data: { o0: [] } } });
    } finally {
      await limited.running.close();
      vi.unstubAllEnvs();
    }
  });
});

describe('unexpected failures', () => {
  test('are INTERNAL without details, and logged with the request id and the stack', async () => {
    const failing = new Proxy(store, {
      get: (target, key, receiver) => (key === 'snapshot' ? () => Promise.reject(new Error('disk on fire')) : Reflect.get(target, key, receiver)),
    });
    const broken = await serve(failing);
    try {
      const response = await request(broken, post('{"query":"{ ontologies { id } }"}'));
      expect(response.body.errors).toEqual([expect.objectContaining({ message: 'Internal error', extensions: { code: 'INTERNAL' } })]);
      const logged = broken.logs.find((line) => line.level === 'error' && line.error !== undefined);
      expect(logged).toMatchObject({ requestId: expect.any(String), error: { message: 'disk on fire', stack: expect.stringContaining('Error: disk on fire') } });
      // Refused before it runs: the store is never asked.
      const tooDeep = `{ ontologies { id } concept(iri: "x") { ${'subConcepts { '.repeat(20)}iri${' }'.repeat(20)} } }`;
      expect((await request(broken, post(JSON.stringify({ query: tooDeep })))).body.errors.map((e: { extensions: { code: string } }) => e.extensions.code))
        .toEqual(['QUERY_TOO_COMPLEX', 'QUERY_TOO_COMPLEX']);
    } finally {
      await broken.running.close();
    }
  });
});
