/**
 * Token validation against a real Microsoft Entra ID tenant. Runs only when AZURE_TENANT_ID,
 * AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (a client that may get tokens for the API) and
 * ONTOMESH_AUTH_AUDIENCE (the API's application ID URI and/or client id) are set: it gets a real token
 * for `{first audience}/.default` through @azure/identity and checks that the service validates it
 * against the tenant's published metadata and keys, and refuses it once tampered with.
 */
import { PassThrough } from 'node:stream';
import { ClientSecretCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenValidator } from '../../../src/api/auth/index.ts';
import { authConfigFromEnv, createLogger, startServer, type AuthConfig, type RunningServer } from '../../../src/api/index.ts';
import type { GraphStore } from '../../../src/graph/GraphStore.ts';
import { tempStore } from '../../load/helpers.ts';

const { AZURE_TENANT_ID: tenant, AZURE_CLIENT_ID: clientId, AZURE_CLIENT_SECRET: secret, ONTOMESH_AUTH_AUDIENCE: audience } = process.env;

if (tenant && clientId && secret && audience) {
  describe('Entra ID (live)', () => {
    const config = authConfigFromEnv({ ONTOMESH_AUTH_TENANT_ID: tenant, ONTOMESH_AUTH_AUDIENCE: audience }) as AuthConfig;
    let token: string;
    let store: GraphStore;
    let dispose: () => Promise<void>;
    let running: RunningServer;

    beforeAll(async () => {
      const scope = `${config.audiences[0]!.replace(/\/$/, '')}/.default`;
      token = (await new ClientSecretCredential(tenant, clientId, secret).getToken(scope)).token;
      ({ store, dispose } = await tempStore());
      running = await startServer({ store, logger: createLogger(new PassThrough()), port: 0, host: '127.0.0.1', auth: config });
    });
    afterAll(async () => {
      await running?.close();
      await dispose?.();
    });

    it('validates a real token against the tenant\'s keys and names the client', async () => {
      const caller = await createTokenValidator(config).validate(token);
      expect(caller.appid).toBe(clientId);
      expect(caller.oid).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('the service takes it: 200 with Ontomesh.Read or Ontomesh.Write assigned to the client, else 403, never 401', async () => {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ ontologies { id } }' }),
      });
      expect([200, 403]).toContain(response.status);
    });

    it('refuses the token with one character of its signature changed', async () => {
      const last = token.at(-2) === 'A' ? 'B' : 'A';
      const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
      const response = await fetch(`${running.url}/ontologies/any`, { headers: { authorization: `Bearer ${tampered}` } });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    });
  });
} else {
  describe.skip('Entra ID (live) — set AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and ONTOMESH_AUTH_AUDIENCE', () => {
    it('needs a real tenant', () => undefined);
  });
}
