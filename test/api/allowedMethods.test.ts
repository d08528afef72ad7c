/**
 * The methods a path takes, over real sockets: a method no route at a path takes is METHOD_NOT_ALLOWED
 * (405) with `Allow`, OPTIONS answers 204 with the same `Allow`, an unknown path stays NOT_FOUND (404),
 * and every method `Allow` names is one a route really takes. The lists come from the routes as
 * registered: a route added to an application is in them with nothing else to change.
 */
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOptions, noRoute } from '../../src/api/allowedMethods.ts';
import { createLogger, startServer, type RunningServer } from '../../src/api/index.ts';
import { asOntomeshError } from '../../src/errors/index.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies } from '../../src/load/index.ts';
import { fixture, tempStore } from '../load/helpers.ts';

let store: GraphStore;
let dispose: () => Promise<void>;
let running: RunningServer;

beforeAll(async () => {
  ({ store, dispose } = await tempStore());
  await loadOntologies(store, [fixture('protege-owl/pizza-owlcs/pizza.owl')], { missingImports: 'warn', allowRemoteImports: [] });
  running = await startServer({ store, logger: createLogger(new PassThrough()), port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await running.close();
  await dispose();
});

interface Answer {
  status: number;
  allow: string | null;
  type: string | null;
  body: string;
}

async function send(base: string, method: string, path: string): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { method });
  return { status: response.status, allow: response.headers.get('allow'), type: response.headers.get('content-type'), body: await response.text() };
}

/** A wrong method on each kind of route, and the methods its path takes. */
const wrongMethods: [method: string, path: string, allow: string][] = [
  ['POST', '/ontologies/pizza', 'GET, HEAD, OPTIONS, PUT'],
  ['DELETE', '/ontologies/pizza', 'GET, HEAD, OPTIONS, PUT'],
  ['DELETE', '/ontologies/pizza/versions', 'GET, HEAD, OPTIONS'],
  ['POST', '/ontologies/pizza/active', 'OPTIONS, PUT'],
  ['PATCH', '/products/x', 'DELETE, GET, HEAD, OPTIONS, PUT'],
  ['POST', '/contracts/x', 'DELETE, GET, HEAD, OPTIONS, PUT'],
  ['PUT', '/products', 'GET, HEAD, OPTIONS'],
  ['POST', '/healthz', 'GET, HEAD, OPTIONS'],
  ['DELETE', '/metrics', 'GET, HEAD, OPTIONS'],
  ['POST', '/graphql/graphiql/graphiql.css', 'GET, HEAD, OPTIONS'],
];

describe('a method the routes at a path do not take', () => {
  for (const [method, path, allow] of wrongMethods) {
    it(`${method} ${path}: 405 METHOD_NOT_ALLOWED, Allow: ${allow}`, async () => {
      expect(await send(running.url, method, path)).toEqual({
        status: 405, allow, type: 'application/json; charset=utf-8',
        body: JSON.stringify({ error: { code: 'METHOD_NOT_ALLOWED', message: `${path} takes ${allow} requests, not ${method}`, term: method } }),
      });
    });
  }

  it('every method Allow names reaches a route (none answers 405 or "no route")', async () => {
    for (const [, path, allow] of wrongMethods) {
      for (const method of allow.split(', ')) {
        const answer = await send(running.url, method, path);
        expect([method, path, answer.status]).not.toEqual([method, path, 405]);
        expect([method, path, answer.body]).not.toEqual([method, path, expect.stringContaining('"no route ')]);
      }
    }
    // PUT /ontologies/pizza without a body and the rest changed nothing.
    expect((await store.versions('pizza')).map((v) => [v.version, v.active])).toEqual([[1, true]]);
  });
});

describe('OPTIONS', () => {
  it('answers 204 with the same Allow and no body on every route', async () => {
    for (const [, path, allow] of wrongMethods) {
      expect([path, await send(running.url, 'OPTIONS', path)]).toEqual([path, { status: 204, allow, type: null, body: '' }]);
    }
  });

  it('leaves /graphql, whose route takes every method, to answer as the GraphQL endpoint', async () => {
    const answer = await send(running.url, 'OPTIONS', '/graphql');
    expect([answer.status, answer.allow, JSON.parse(answer.body).errors[0].extensions.code]).toEqual([405, 'GET, POST', 'METHOD_NOT_ALLOWED']);
  });
});

describe('an unknown path', () => {
  it('stays NOT_FOUND (404), whatever the method, OPTIONS too', async () => {
    for (const [method, path] of [['GET', '/nothing'], ['OPTIONS', '/nothing'], ['POST', '/ontologies'], ['DELETE', '/ontologies/pizza/versions/1'], ['OPTIONS', '/products/x/y']]) {
      expect(await send(running.url, method!, path!)).toEqual({
        status: 404, allow: null, type: 'application/json; charset=utf-8',
        body: JSON.stringify({ error: { code: 'NOT_FOUND', message: `no route ${method} ${path}` } }),
      });
    }
  });
});

describe('the lists come from the routes as registered', () => {
  it('a route added to an application, directly or in a mounted router, is in them', async () => {
    const app = express();
    app.use(answerOptions(app.router));
    app.get('/things/:id', (_req, res) => res.send('thing'));
    app.patch('/things/:id', (_req, res) => res.send('patched'));
    const mounted = Router();
    mounted.delete('/items/:id', (_req, res) => res.send('deleted'));
    mounted.all('/any', (req, res) => res.send(req.method));
    app.use('/shop', mounted);
    app.all('/anything', (req, res) => res.send(req.method));
    app.use(noRoute(app.router));
    app.use((thrown: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const error = asOntomeshError(thrown);
      res.status(error.status).json({ error: error.toJSON() });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await send(base, 'PUT', '/things/1')).toMatchObject({ status: 405, allow: 'GET, HEAD, OPTIONS, PATCH' });
      expect(await send(base, 'OPTIONS', '/things/1')).toEqual({ status: 204, allow: 'GET, HEAD, OPTIONS, PATCH', type: null, body: '' });
      expect(await send(base, 'GET', '/shop/items/1')).toMatchObject({ status: 405, allow: 'DELETE, OPTIONS' });
      expect(await send(base, 'OPTIONS', '/shop/items/1')).toMatchObject({ status: 204, allow: 'DELETE, OPTIONS' });
      expect(await send(base, 'DELETE', '/shop/items/1')).toMatchObject({ status: 200, body: 'deleted' });
      expect(await send(base, 'PUT', '/anything')).toMatchObject({ status: 200, body: 'PUT' });
      expect(await send(base, 'OPTIONS', '/anything')).toMatchObject({ status: 200, body: 'OPTIONS' });
      expect(await send(base, 'PATCH', '/shop/any')).toMatchObject({ status: 200, body: 'PATCH' });
      expect(await send(base, 'OPTIONS', '/shop/any')).toMatchObject({ status: 200, body: 'OPTIONS' });
      expect(await send(base, 'GET', '/items/1')).toMatchObject({ status: 404, allow: null });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
