/**
 * `ontomesh serve` as a process: it listens, logs JSON lines, serves a loaded store, seeds the demo
 * mesh on first start of the default store, and exits 0 after draining on SIGTERM.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
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
