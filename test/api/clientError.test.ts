/**
 * What Express and its body parsers refuse, answered over real sockets the same way on the REST routes
 * and on /graphql (one mapping, src/api/clientError.ts): a body over the limit is PAYLOAD_TOO_LARGE
 * (413), a charset or Content-Encoding that cannot be read UNSUPPORTED_FORMAT (415), malformed JSON or a
 * corrupt compressed body BAD_REQUEST (400), each in the endpoint's JSON error shape; an undecodable path
 * parameter, an unknown route and a method a route does not take too. None is logged as a failure of the server.
 */
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, startServer, type RunningServer } from '../../src/api/index.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies } from '../../src/load/index.ts';
import { fixture, tempStore } from '../load/helpers.ts';

let store: GraphStore;
let dispose: () => Promise<void>;
let running: RunningServer;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  ({ store, dispose } = await tempStore());
  await loadOntologies(store, [fixture('protege-owl/pizza-owlcs/pizza.owl')], { missingImports: 'warn', allowRemoteImports: [] });
  const stream = new PassThrough();
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  running = await startServer({ store, logger: createLogger(stream), port: 0, host: '127.0.0.1', rest: { maxDescriptorBytes: 1024 } });
});
afterAll(async () => {
  await running.close();
  await dispose();
});

/** Status, Content-Type and JSON body of a request. */
async function send(method: string, path: string, headers: Record<string, string>, body?: string | Uint8Array): Promise<{ status: number; type: string | null; body: any }> {
  const response = await fetch(`${running.url}${path}`, { method, headers, body });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

/** The JSON bodies PUT /ontologies/{id}/active (1 KiB) and POST /graphql (1 MiB) read, refused the same way. */
const bodyCases: { name: string; headers: Record<string, string>; body: (limit: number) => string | Uint8Array; status: number; code: string; message: (limit: number) => string | RegExp }[] = [
  {
    name: 'a body over the limit', headers: {}, body: (limit) => JSON.stringify({ query: `{ __typename } # ${'x'.repeat(limit)}` }),
    status: 413, code: 'PAYLOAD_TOO_LARGE', message: (limit) => `the request body is larger than the limit of ${limit} bytes`,
  },
  {
    name: 'a charset that cannot be read', headers: { 'content-type': 'application/json; charset=latin9' }, body: () => '{"version": 1}',
    status: 415, code: 'UNSUPPORTED_FORMAT', message: () => 'the request body cannot be read: unsupported charset "LATIN9"',
  },
  {
    name: 'a Content-Encoding that cannot be read', headers: { 'content-encoding': 'lzw' }, body: () => '{"version": 1}',
    status: 415, code: 'UNSUPPORTED_FORMAT', message: () => 'the request body cannot be read: unsupported content encoding "lzw"',
  },
  {
    name: 'a gzip body that does not decompress', headers: { 'content-encoding': 'gzip' }, body: () => gzipSync('{"version": 1}').subarray(0, 12),
    status: 400, code: 'BAD_REQUEST', message: () => /^the request body cannot be read: /,
  },
  {
    name: 'malformed JSON', headers: {}, body: () => '{"version": ',
    status: 400, code: 'BAD_REQUEST', message: () => /^the request body is not valid JSON: /,
  },
];

describe('body-parser refusals: one mapping for REST and GraphQL', () => {
  for (const { name, headers, body, status, code, message } of bodyCases) {
    it(`${name}: ${status} ${code}`, async () => {
      const expected = (limit: number) => {
        const text = message(limit);
        return typeof text === 'string' ? text : expect.stringMatching(text);
      };
      const rest = await send('PUT', '/ontologies/pizza/active', { 'content-type': 'application/json', ...headers }, body(1024));
      expect(rest).toEqual({ status, type: 'application/json; charset=utf-8', body: { error: { code, message: expected(1024) } } });
      const graphql = await send('POST', '/graphql', { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers }, body(1 << 20));
      expect(graphql).toEqual({ status, type: 'application/json; charset=utf-8', body: { errors: [{ message: expected(1 << 20), extensions: { code } }] } });
      expect((await store.versions('pizza')).map((v) => [v.version, v.active])).toEqual([[1, true]]);
    });
  }

  it('a descriptor over the limit is PAYLOAD_TOO_LARGE on /products and /contracts, and registers nothing', async () => {
    for (const collection of ['products', 'contracts']) {
      const large = await send('PUT', `/${collection}/orders`, { 'content-type': 'application/yaml' }, `# ${'x'.repeat(1024)}\n`);
      expect(large).toEqual({ status: 413, type: 'application/json; charset=utf-8', body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is larger than the limit of 1024 bytes' } } });
    }
    expect(await store.graphIds()).toEqual(['pizza']);
  });
});

describe('the URL', () => {
  it('a path parameter that is not valid percent-encoding is BAD_REQUEST (400)', async () => {
    for (const [method, path] of [['GET', '/ontologies/%ZZ'], ['PUT', '/products/%E0%A4%A'], ['DELETE', '/contracts/%ZZ']] as const) {
      const answer = await send(method, path, {});
      expect([method, answer]).toEqual([method, {
        status: 400, type: 'application/json; charset=utf-8',
        body: { error: { code: 'BAD_REQUEST', message: `the URL path is not valid percent-encoding: Failed to decode param '${path.slice(path.lastIndexOf('/') + 1)}'` } },
      }]);
    }
  });

  it('an unknown route is NOT_FOUND (404), a method a route does not take METHOD_NOT_ALLOWED (405; allowedMethods.test.ts)', async () => {
    expect(await send('GET', '/nothing', {})).toEqual({ status: 404, type: 'application/json; charset=utf-8', body: { error: { code: 'NOT_FOUND', message: 'no route GET /nothing' } } });
    expect(await send('POST', '/ontologies/pizza', { 'content-type': 'text/turtle' }, '<a:b> <a:c> <a:d> .')).toEqual({
      status: 405, type: 'application/json; charset=utf-8',
      body: { error: { code: 'METHOD_NOT_ALLOWED', message: '/ontologies/pizza takes GET, HEAD, OPTIONS, PUT requests, not POST', term: 'POST' } },
    });
  });

  it('none of these is logged as an error', () => {
    expect(logs.filter((line) => line.level === 'error')).toEqual([]);
  });
});
