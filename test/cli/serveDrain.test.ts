/**
 * `ontomesh serve` drains on SIGTERM, as a process, in one process and with two workers (the primary
 * passes the stop on and waits for every worker): a response still being written to a slow client when
 * the signal arrives is written out in full, logged, and the process exits 0. The slow client stops
 * reading once the headers are in, so the ~20 MB answer is in flight for as long as the test wants.
 */
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, tempDir } from '../load/helpers.ts';
import { bigSchemaOrgQuery, pausedRequest } from '../api/pausedRequest.ts';
import { runOntomesh, startServe } from './runOntomesh.ts';

let cwd: string;
let remove: () => Promise<void>;
let store: string;

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
  store = `sqlite:${join(cwd, 'schema.db')}`;
  expect((await runOntomesh(['load', fixture('schemaorg/schemaorg-current-https.ttl'), '--id', 'schema', '--store', store], { cwd })).code).toBe(0);
});
afterAll(() => remove());

test.each([['one process', 1], ['two workers', 2]])('%s: SIGTERM lets a response being written finish, logs it and exits 0', async (_, workers) => {
  const serve = startServe(['--store', store, '--workers', String(workers)], { cwd });
  const count = (msg: string) => serve.logs.filter((line) => line.msg === msg).length;
  await serve.waitUntil(() => count('listening') === workers);
  const url = serve.logs.find((line) => line.msg === 'listening')!.url as string;

  const paused = await pausedRequest(`${url}/graphql`, 'slow', bigSchemaOrgQuery);
  expect(paused.status).toBe(200);
  const exited = once(serve.child, 'exit');
  serve.child.kill('SIGTERM');
  await serve.waitUntil(() => count('shutting down') === workers);
  const { complete, body } = await paused.resume();
  expect(complete).toBe(true);
  expect((JSON.parse(body) as { data: { concept: { subConcepts: unknown[] } } }).data.concept.subConcepts.length).toBeGreaterThan(1000);
  expect((await exited)[0]).toBe(0);

  const answered = serve.logs.find((line) => line.msg === 'request' && line.requestId === 'slow')!;
  const drained = serve.logs.filter((line) => line.pid === answered.pid).map((line) => line.msg);
  expect(drained.slice(drained.indexOf('shutting down'))).toEqual(['shutting down', 'request', 'stopped']);
  expect(serve.logs.find((line) => line.msg === 'shutting down' && line.pid === answered.pid)).toMatchObject({ inFlight: 1 });
  expect(serve.logs.filter((line) => line.msg === 'stopped')).toEqual(Array.from({ length: workers }, () => expect.objectContaining({ cut: 0 })));
});
