/**
 * Entra ID authentication through the real application and real sockets, against a local Entra ID
 * stand-in (entraStandIn.ts) serving a tenant's OpenID metadata and keys: each kind of bad token
 * refused with 401 and the RFC 6750 challenge, a missing role 403, good v2.0 and v1 tokens served,
 * key rotation picked up on an unknown kid, GraphQL refusals as GraphQL errors, probes open, the
 * caller in the request log.
 */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, startServer, type AuthConfig, type RunningServer } from '../../../src/api/index.ts';
import type { GraphStore } from '../../../src/graph/GraphStore.ts';
import { fixture, tempStore } from '../../load/helpers.ts';
import { apiAudience, apiClientId, startEntraStandIn, type EntraStandIn } from './entraStandIn.ts';

const pizza = readFileSync(fixture('protege-owl/pizza-owlcs/pizza.owl'));
const query = JSON.stringify({ query: '{ search(text: "pizza") { totalCount } }' });

let entra: EntraStandIn;
let store: GraphStore;
let dispose: () => Promise<void>;
let running: RunningServer;
const logLines: Record<string, unknown>[] = [];

function authConfig(overrides: Partial<AuthConfig> = {}): AuthConfig {
  return {
    tenant: entra.tenantDomain,
    audiences: [apiAudience, apiClientId],
    authority: new URL(entra.authority),
    readsNeedToken: true,
    clockSkewSeconds: 60,
    keyRefetchCooldownMs: 0,
    ...overrides,
  };
}

function collectingLogger() {
  const stream = new PassThrough();
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => logLines.push(...chunk.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)));
  return createLogger(stream);
}

beforeAll(async () => {
  entra = await startEntraStandIn();
  ({ store, dispose } = await tempStore());
  running = await startServer({ store, logger: collectingLogger(), port: 0, host: '127.0.0.1', auth: authConfig() });
});
afterAll(async () => {
  await running.close();
  await dispose();
  await entra.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const putPizza = (headers: Record<string, string> = {}, server = running) =>
  fetch(`${server.url}/ontologies/pizza`, { method: 'PUT', body: pizza, headers: { 'content-type': 'application/rdf+xml', ...headers } });
const graphql = (headers: Record<string, string> = {}, server = running) =>
  fetch(`${server.url}/graphql`, { method: 'POST', body: query, headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers } });
const seconds = () => Math.floor(Date.now() / 1000);

/** A 401's challenge and error, checked to be UNAUTHENTICATED. */
async function refusal(response: Response) {
  expect(response.status).toBe(401);
  const body = await response.json() as { error: { code: string; message: string } };
  expect(body.error.code).toBe('UNAUTHENTICATED');
  return { challenge: response.headers.get('www-authenticate'), message: body.error.message };
}

describe('a write without a valid token', () => {
  it('without an Authorization header: 401, a bare Bearer challenge, nothing loaded', async () => {
    const { challenge, message } = await refusal(await putPizza());
    expect(challenge).toBe('Bearer realm="ontomesh"');
    expect(message).toContain('no Authorization header');
    expect(await store.versions('pizza')).toEqual([]);
  });

  it('with another scheme: 401, a bare challenge', async () => {
    const { challenge, message } = await refusal(await putPizza({ authorization: 'Basic dXNlcjpwYXNz' }));
    expect(challenge).toBe('Bearer realm="ontomesh"');
    expect(message).toBe('the Authorization header is not "Bearer TOKEN"');
  });

  it('malformed: invalid_token saying it is no JWT', async () => {
    const { challenge, message } = await refusal(await putPizza(bearer('not-a-jwt')));
    expect(message).toMatch(/^the token is not a well-formed JWT/);
    expect(challenge).toMatch(/^Bearer realm="ontomesh", error="invalid_token", error_description="the token is not a well-formed JWT/);
  });

  it('for another audience: invalid_token naming the audience', async () => {
    const token = await entra.token({ claims: { aud: 'https://graph.microsoft.com', roles: ['Ontomesh.Write'] } });
    const { challenge, message } = await refusal(await putPizza(bearer(token)));
    expect(message).toBe(`the token is for audience "https://graph.microsoft.com", not this API (${apiAudience}, ${apiClientId})`);
    expect(challenge).toContain('error="invalid_token"');
  });

  it('from another tenant, signed with the same keys (Entra ID shares them across tenants): refused by its issuer', async () => {
    const other = 'f0e1d2c3-b4a5-4968-8776-655443322110';
    const token = await entra.token({ claims: { iss: `https://login.microsoftonline.com/${other}/v2.0`, tid: other, roles: ['Ontomesh.Write'] } });
    const { message } = await refusal(await putPizza(bearer(token)));
    expect(message).toBe(`the token is issued by "https://login.microsoftonline.com/${other}/v2.0", not by tenant ${entra.tenantDomain} ` +
      `(https://login.microsoftonline.com/${entra.tenantId}/v2.0 or https://sts.windows.net/${entra.tenantId}/)`);
  });

  it('expired beyond the clock skew: refused; expired within it: accepted', async () => {
    const expired = await entra.token({ claims: { exp: seconds() - 120, roles: ['Ontomesh.Write'] } });
    const { message } = await refusal(await putPizza(bearer(expired)));
    expect(message).toMatch(/^the token expired at \d{4}-\d\d-\d\dT/);
    const justExpired = await entra.token({ claims: { exp: seconds() - 20, roles: ['Ontomesh.Read'] } });
    expect((await graphql(bearer(justExpired))).status).toBe(200);
  });

  it('not yet valid (nbf) beyond the clock skew: refused', async () => {
    const early = await entra.token({ claims: { nbf: seconds() + 600, roles: ['Ontomesh.Write'] } });
    expect((await refusal(await putPizza(bearer(early)))).message).toMatch(/^the token is not valid before /);
  });

  it('with a forged signature: refused', async () => {
    const token = await entra.token({ claims: { roles: ['Ontomesh.Write'] } });
    const [header, payload] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['Ontomesh.Write', 'Admin'] })).toString('base64url');
    const { message } = await refusal(await putPizza(bearer(`${header}.${forgedPayload}.${token.split('.')[2]}`)));
    expect(message).toBe('the token\'s signature does not verify');
  });
});

describe('roles', () => {
  it('a token without Ontomesh.Write may not upload: 403 FORBIDDEN naming the role, insufficient_scope', async () => {
    const response = await putPizza(bearer(await entra.token({ claims: { roles: ['Ontomesh.Read'] } })));
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="ontomesh", error="insufficient_scope", error_description="PUT \/ontologies\/pizza needs the app role Ontomesh.Write/);
    expect((await response.json() as { error: unknown }).error).toEqual({
      code: 'FORBIDDEN', message: 'PUT /ontologies/pizza needs the app role Ontomesh.Write; the token has roles Ontomesh.Read', term: 'Ontomesh.Write',
    });
    expect(await store.versions('pizza')).toEqual([]);
  });

  it('a v2.0 token with Ontomesh.Write uploads (201) and the request log names the caller', async () => {
    const response = await putPizza(bearer(await entra.token({ claims: { roles: ['Ontomesh.Write'] } })));
    expect(response.status).toBe(201);
    expect((await store.versions('pizza')).length).toBe(1);
    const line = logLines.find((l) => l['msg'] === 'request' && l['method'] === 'PUT' && l['status'] === 201);
    expect(line).toMatchObject({ oid: 'a1b2c3d4-0000-4000-8000-00000000c0de', appid: '11111111-2222-4333-8444-555555555555', graphId: 'pizza' });
  });

  it('a v1 token (sts.windows.net issuer, the application ID URI as audience, appid) with Ontomesh.Read reads', async () => {
    const token = await entra.token({ version: '1.0', claims: { roles: ['Ontomesh.Read'] } });
    const response = await fetch(`${running.url}/ontologies/pizza`, { headers: { ...bearer(token), accept: 'application/n-triples' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl#Margherita>');
  });

  it('a token with no roles may not read', async () => {
    const response = await fetch(`${running.url}/ontologies/pizza`, { headers: bearer(await entra.token({ claims: { roles: undefined } })) });
    expect(response.status).toBe(403);
    expect((await response.json() as { error: { message: string } }).error.message).toBe('GET /ontologies/pizza needs the app role Ontomesh.Read or Ontomesh.Write; the token has no roles');
  });
});

describe('GraphQL', () => {
  it('refuses with GraphQL errors carrying extensions.code', async () => {
    const none = await graphql();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="ontomesh"');
    expect(await none.json()).toEqual({ errors: [{ message: expect.stringContaining('no Authorization header'), extensions: { code: 'UNAUTHENTICATED' } }] });
    const noRole = await graphql(bearer(await entra.token({ claims: { roles: [] } })));
    expect(noRole.status).toBe(403);
    expect(await noRole.json()).toEqual({ errors: [{ message: 'POST /graphql needs the app role Ontomesh.Read or Ontomesh.Write; the token has no roles', extensions: { code: 'FORBIDDEN', term: 'Ontomesh.Read' } }] });
  });

  it('answers a query with a read token (Ontomesh.Write reads too)', async () => {
    for (const roles of [['Ontomesh.Read'], ['Ontomesh.Write']]) {
      const response = await graphql(bearer(await entra.token({ claims: { roles } })));
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { search: { totalCount: number } } }).data.search.totalCount).toBeGreaterThan(0);
    }
  });
});

describe('probes and pages', () => {
  it('/healthz, /readyz, /metrics, the GraphiQL page and OPTIONS answer without a token', async () => {
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${running.url}/metrics`)).text()).toContain('ontomesh_http_requests_total');
    const page = await fetch(`${running.url}/graphql`, { headers: { accept: 'text/html' } });
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect((await fetch(`${running.url}/ontologies/pizza`, { method: 'OPTIONS' })).status).toBe(204);
    expect((await fetch(`${running.url}/graphql`, { method: 'OPTIONS' })).headers.get('allow')).toBe('GET, POST');
  });
});

describe('key rotation', () => {
  it('a token signed with a key not yet published is refused; once the tenant publishes it, the keys are fetched again and it is accepted', async () => {
    const next = await entra.newKey();
    const token = await entra.token({ key: next, claims: { roles: ['Ontomesh.Read'] } });
    const fetches = () => entra.requests.filter((path) => path.endsWith('/discovery/v2.0/keys')).length;
    const before = fetches();
    const { message } = await refusal(await fetch(`${running.url}/ontologies/pizza`, { headers: bearer(token) }));
    expect(message).toBe(`the token is signed with a key tenant ${entra.tenantDomain} does not publish`);
    expect(fetches()).toBe(before + 1);
    entra.publish(next);
    expect((await fetch(`${running.url}/ontologies/pizza`, { headers: bearer(token) })).status).toBe(200);
    expect(fetches()).toBe(before + 2);
    // Cached from now on: a known kid fetches nothing.
    expect((await graphql(bearer(token))).status).toBe(200);
    expect(fetches()).toBe(before + 2);
  });
});

describe('other configurations', () => {
  it('with open reads, GraphQL and GETs need no token and writes still do', async () => {
    const open = await startServer({ store, logger: createLogger(new PassThrough()), port: 0, host: '127.0.0.1', auth: authConfig({ readsNeedToken: false }) });
    try {
      expect((await graphql({}, open)).status).toBe(200);
      expect((await fetch(`${open.url}/ontologies/pizza`)).status).toBe(200);
      await refusal(await putPizza({}, open));
    } finally {
      await open.close();
    }
  });

  it('a tenant Entra ID does not know, or an unreachable authority: 503 AUTH_UNAVAILABLE, logged at start', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new PassThrough().setEncoding('utf8').on('data', (chunk: string) => lines.push(...chunk.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)));
    const unknown = await startServer({ store, logger: createLogger(stream), port: 0, host: '127.0.0.1', auth: authConfig({ tenant: 'nobody.onmicrosoft.com' }) });
    try {
      const response = await graphql(bearer(await entra.token()), unknown);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ errors: [{ message: `the OpenID metadata ${entra.authority}/nobody.onmicrosoft.com/v2.0/.well-known/openid-configuration answered 400: is the tenant right?`, extensions: { code: 'AUTH_UNAVAILABLE' } }] });
      const rest = await putPizza(bearer(await entra.token()), unknown);
      expect([rest.status, ((await rest.json()) as { error: { code: string } }).error.code]).toEqual([503, 'AUTH_UNAVAILABLE']);
      expect(lines.some((l) => l['level'] === 'error' && String(l['msg']).startsWith('Entra ID metadata cannot be fetched'))).toBe(true);
    } finally {
      await unknown.close();
    }
  });

  it('keys that cannot be fetched: 503 AUTH_UNAVAILABLE naming the JWKS, then served once they can', async () => {
    const fresh = await startServer({ store, logger: createLogger(new PassThrough()), port: 0, host: '127.0.0.1', auth: authConfig() });
    entra.keysStatus = 503;
    try {
      const token = await entra.token({ claims: { roles: ['Ontomesh.Read'] } });
      const response = await graphql(bearer(token), fresh);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ errors: [{
        message: `the signing keys at ${entra.authority}/${entra.tenantId}/discovery/v2.0/keys cannot be fetched: Expected 200 OK from the JSON Web Key Set HTTP response`,
        extensions: { code: 'AUTH_UNAVAILABLE' },
      }] });
      entra.keysStatus = 200;
      expect((await graphql(bearer(token), fresh)).status).toBe(200);
    } finally {
      entra.keysStatus = 200;
      await fresh.close();
    }
  });
});
