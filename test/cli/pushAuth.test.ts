/**
 * `ontomesh push --scope` against a server that asks for Entra ID tokens: the token comes from the real
 * DefaultAzureCredential, here through Azure App Service's managed-identity endpoint as served by the
 * Entra ID stand-in (IDENTITY_ENDPOINT / IDENTITY_HEADER), and --watch asks for it before every
 * upload, so a token near its expiry is replaced.
 */
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, startServer, type RunningServer } from '../../src/api/index.ts';
import { runCli } from '../../src/cli/runCli.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { apiAudience, startEntraStandIn, type EntraStandIn } from '../api/auth/entraStandIn.ts';
import { repoRoot, tempDir, tempStore } from '../load/helpers.ts';
import { collectingConsole as console, until } from './cliConsole.ts';

const identityVariables = ['IDENTITY_ENDPOINT', 'IDENTITY_HEADER', 'AZURE_TOKEN_CREDENTIALS'] as const;
const saved = Object.fromEntries(identityVariables.map((name) => [name, process.env[name]]));

let entra: EntraStandIn;
let store: GraphStore;
let disposeStore: () => Promise<void>;
let running: RunningServer;
let dir: string;
let removeDir: () => Promise<void>;

beforeAll(async () => {
  entra = await startEntraStandIn();
  // DefaultAzureCredential reads these from the process: the managed identity of an App Service.
  process.env.IDENTITY_ENDPOINT = entra.managedIdentity.endpoint;
  process.env.IDENTITY_HEADER = entra.managedIdentity.header;
  process.env.AZURE_TOKEN_CREDENTIALS = 'ManagedIdentityCredential';
  ({ store, dispose: disposeStore } = await tempStore());
  running = await startServer({
    store, logger: createLogger(new PassThrough()), port: 0, host: '127.0.0.1',
    auth: { tenant: entra.tenantId, audiences: [apiAudience], authority: new URL(entra.authority), readsNeedToken: true, clockSkewSeconds: 60, keyRefetchCooldownMs: 0 },
  });
  ({ dir, remove: removeDir } = await tempDir());
  await cp(join(repoRoot, 'ontology'), join(dir, 'demo'), { recursive: true });
});
afterAll(async () => {
  await running.close();
  await disposeStore();
  await removeDir();
  await entra.close();
  for (const name of identityVariables) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('ontomesh push to a server that asks for tokens', () => {
  it('without a scope sends no token and reports the server\'s UNAUTHENTICATED', async () => {
    const { io, err } = console();
    expect(await runCli(['push', join(dir, 'demo/core.owl'), '--server', running.url], io)).toBe(1);
    expect(err.join('')).toContain('UNAUTHENTICATED the request has no Authorization header');
    expect(await store.versions('core')).toEqual([]);
  });

  it('with --scope sends a managed identity\'s token for the API (the scope\'s resource as audience)', async () => {
    const issued = entra.managedIdentityTokens.length;
    const { io, out } = console();
    expect(await runCli(['push', join(dir, 'demo/core.owl'), '--server', running.url, '--scope', `${apiAudience}/.default`], io)).toBe(0);
    expect(out.join('')).toMatch(/as core: version 1,/);
    expect(entra.managedIdentityTokens.length).toBe(issued + 1);
    expect(decodeJwt(entra.managedIdentityTokens.at(-1)!)).toMatchObject({ aud: apiAudience, roles: ['Ontomesh.Write'], tid: entra.tenantId });
  });

  it('--watch (scope from ONTOMESH_AUTH_SCOPE) gets a new token for an upload once the last one nears expiry', async () => {
    const file = join(dir, 'watched.ttl');
    const ontology = (classes: string[]) => `@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix ex: <http://example.com/watched#> .\n` +
      `<http://example.com/watched> a owl:Ontology .\n${classes.map((c) => `ex:${c} a owl:Class .\n`).join('')}`;
    await writeFile(file, ontology(['A']));
    const issued = entra.managedIdentityTokens.length;
    const { io, controller } = console({ ONTOMESH_AUTH_SCOPE: `${apiAudience}/.default` });
    const pushing = runCli(['push', file, '--server', running.url, '--watch', '--debounce', '100'], io);
    const active = async () => (await store.versions('watched')).find((v) => v.active)?.version;
    await until('the first upload', async () => (await active()) === 1 || undefined);
    await writeFile(file, ontology(['A', 'B']));
    await until('the upload after a save', async () => (await active()) === 2 || undefined);
    controller.abort();
    expect(await pushing).toBe(0);
    // The stand-in's tokens live 120 s, within the 5 minutes before expiry in which the credential renews one.
    const tokens = entra.managedIdentityTokens.slice(issued);
    expect(tokens.length).toBe(2);
    expect(new Set(tokens).size).toBe(2);
  });

  it('a credential that gives no token: UNAUTHENTICATED naming the scope, nothing sent', async () => {
    const header = entra.managedIdentity.header;
    entra.managedIdentity.header = 'another';
    try {
      const { io, err } = console();
      expect(await runCli(['push', join(dir, 'demo/sales.owl'), '--server', running.url, '--scope', `${apiAudience}/.default`], io)).toBe(1);
      expect(err.join('')).toContain(`UNAUTHENTICATED no Microsoft Entra ID token for scope ${apiAudience}/.default`);
      expect(await store.versions('sales')).toEqual([]);
    } finally {
      entra.managedIdentity.header = header;
    }
  });
});
