/**
 * `ontomesh serve` as a process: it listens, logs JSON lines, serves a loaded store, seeds the demo
 * mesh on first start of the default store, and exits 0 after draining on SIGTERM (serveDrain.test.ts
 * drains a response in flight). An address it cannot listen on is one line with a code, once.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, tempDir } from '../load/helpers.ts';
import { runOntomesh, startServe } from './runOntomesh.ts';

let cwd: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
});
afterAll(() => remove());

async function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  return code as number | null;
}

test('serves a store, then drains and exits 0 on SIGTERM', async () => {
  const store = `sqlite:${join(cwd, 'pizza.db')}`;
  expect((await runOntomesh(['load', fixture('protege-owl/pizza-owlcs/pizza.owl'), '--store', store], { cwd })).code).toBe(0);
  const { child, logs, waitFor } = startServe(['--store', store], { cwd });
  const url = String((await waitFor('listening')).url);
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ontologies { id } }' }) });
  expect(await response.json()).toEqual({ data: { ontologies: [{ id: 'pizza' }] } });
  expect(await stop(child)).toBe(0);
  expect(logs.map((line) => line.msg)).toEqual(expect.arrayContaining(['listening', 'request', 'shutting down', 'stopped']));
  expect(logs.find((line) => line.msg === 'loading demo mesh')).toBeUndefined();
});

test('with the default store, the demo mesh is loaded on first start only', async () => {
  const first = startServe([], { cwd });
  const url = String((await first.waitFor('listening')).url);
  await first.waitFor('demo mesh loaded');
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ontology(id: "mesh") { id version documents { location } } }' }) });
  const { data } = (await response.json()) as { data: { ontology: { id: string; version: number; documents: unknown[] } } };
  expect(data.ontology).toMatchObject({ id: 'mesh', version: 1 });
  expect(await stop(first.child)).toBe(0);

  const second = startServe([], { cwd });
  await second.waitFor('listening');
  expect(await stop(second.child)).toBe(0);
  expect(second.logs.find((line) => line.msg === 'loading demo mesh')).toBeUndefined();
  const versions = await runOntomesh(['versions', 'mesh', '--json'], { cwd });
  expect((JSON.parse(versions.stdout) as unknown[]).length).toBe(1);
});

test.each([1, 2])('--workers %i: a port in use is one BAD_REQUEST line naming host:port, exit 2', async (workers) => {
  const taken = createServer().listen(0, '127.0.0.1');
  await once(taken, 'listening');
  const { port } = taken.address() as AddressInfo;
  try {
    const run = await runOntomesh(['serve', '--store', `sqlite:${join(cwd, 'taken.db')}`, '--host', '127.0.0.1', '--port', String(port), '--workers', String(workers)], { cwd });
    expect(run.code).toBe(2);
    const errors = run.stderr.split('\n').filter((line) => line.includes('BAD_REQUEST'));
    expect(errors).toEqual([`BAD_REQUEST cannot listen on 127.0.0.1:${port}: the address is already in use (another process listens there; choose another port)`]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).not.toMatch(/"msg":"(listening|worker started)"/);
  } finally {
    taken.close();
  }
});

test.each([
  ['256.1.1.1', /^BAD_REQUEST host "256\.1\.1\.1" is not an IPv4 address$/],
  // ENOTFOUND, or EAI_AGAIN where no DNS server answers
  ['nowhere.invalid', /^BAD_REQUEST cannot listen on nowhere\.invalid:0: host "nowhere\.invalid" does not resolve \((ENOTFOUND|EAI_AGAIN)\)$/],
])('--host %s is one BAD_REQUEST line, with one worker and with two', async (host, message) => {
  for (const workers of ['1', '2']) {
    const run = await runOntomesh(['serve', '--store', `sqlite:${join(cwd, 'host.db')}`, '--host', host, '--port', '0', '--workers', workers], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line.includes('BAD_REQUEST'))).toEqual([expect.stringMatching(message)]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }
});
