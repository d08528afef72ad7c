/**
 * `ontomesh serve` and ONTOMESH_AUTH_*, as a process: unconfigured it serves openly and warns once
 * (the primary, not every worker); configured against the Entra ID stand-in it asks for tokens; a
 * half configuration stops it before it starts.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiAudience, startEntraStandIn, type EntraStandIn } from '../api/auth/entraStandIn.ts';
import { fixture, tempDir } from '../load/helpers.ts';
import { runOntomesh, startServe } from './runOntomesh.ts';

let cwd: string;
let remove: () => Promise<void>;
let entra: EntraStandIn;
let store: string;

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
  entra = await startEntraStandIn();
  store = `sqlite:${join(cwd, 'pizza.db')}`;
  expect((await runOntomesh(['load', fixture('protege-owl/pizza-owlcs/pizza.owl'), '--store', store], { cwd })).code).toBe(0);
});
afterAll(async () => {
  await entra.close();
  await remove();
});

async function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  return code as number | null;
}

const query = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ontologies { id } }' }) };

test('unconfigured, with two workers: served openly, one structured warning at start', async () => {
  const serve = startServe(['--store', store, '--workers', '2'], { cwd });
  await serve.waitUntil((lines) => lines.filter((line) => line.msg === 'listening').length === 2);
  const url = String((await serve.waitFor('listening')).url);
  expect((await fetch(`${url}/graphql`, query)).status).toBe(200);
  expect(await stop(serve.child)).toBe(0);
  const warnings = serve.logs.filter((line) => line.level === 'warn' && line.msg.startsWith('the API is unauthenticated'));
  expect(warnings).toEqual([expect.objectContaining({ configure: ['ONTOMESH_AUTH_TENANT_ID', 'ONTOMESH_AUTH_AUDIENCE'] })]);
});

test('configured: tokens asked for and checked against the tenant\'s keys, the caller logged', async () => {
  const env = { ONTOMESH_AUTH_TENANT_ID: entra.tenantId, ONTOMESH_AUTH_AUDIENCE: apiAudience, ONTOMESH_AUTH_AUTHORITY: entra.authority };
  const serve = startServe(['--store', store, '--workers', '1'], { cwd, env });
  const url = String((await serve.waitFor('listening')).url);
  expect((await fetch(`${url}/graphql`, query)).status).toBe(401);
  const token = await entra.token({ version: '1.0', claims: { roles: ['Ontomesh.Read'] } });
  const answered = await fetch(`${url}/graphql`, { ...query, headers: { ...query.headers, authorization: `Bearer ${token}` } });
  expect(await answered.json()).toEqual({ data: { ontologies: [{ id: 'pizza' }] } });
  expect(await stop(serve.child)).toBe(0);
  expect(serve.logs.find((line) => line.msg === 'the API asks for Entra ID tokens')).toMatchObject({ tenant: entra.tenantId, audiences: [apiAudience], readsNeedToken: true });
  expect(serve.logs.filter((line) => line.msg === 'request' && line.status === 200)).toEqual([expect.objectContaining({ appid: '11111111-2222-4333-8444-555555555555' })]);
  expect(serve.logs.some((line) => line.msg.startsWith('the API is unauthenticated'))).toBe(false);
});

test('a tenant without an audience stops serve before it starts: BAD_REQUEST, exit 2', async () => {
  const result = await runOntomesh(['serve', '--store', store, '--port', '0'], { cwd, env: { ONTOMESH_AUTH_TENANT_ID: entra.tenantId } });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('BAD_REQUEST ONTOMESH_AUTH_AUDIENCE must be set with ONTOMESH_AUTH_TENANT_ID');
});
