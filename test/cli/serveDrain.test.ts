/**
 * `ontomesh serve` drains on SIGTERM, as a process, in one process and with two workers (the primary
 * passes the stop on and waits for every worker): a response still being written to a slow client when
 * the signal arrives is written out in full, logged, and the process exits 0. The slow client stops
 * reading once the headers are in, so the ~20 MB answer is in flight for as long as the test wants.
 * With a grace period (ONTOMESH_SHUTDOWN_GRACE_SECONDS) shorter than the client's pause, the response
 * is cut, logged as cut, and the process exits 130; a bad value stops serve before it opens the store.
 */
import { once } from 'node:events';
import { existsSync } from 'node:fs';
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

/** Serves schema.org from `workers` processes and, once every one listens, sends the slow client's request `id`. */
async function serveWithPausedRequest(workers: number, id: string, env?: NodeJS.ProcessEnv) {
  const serve = startServe(['--store', store, '--workers', String(workers)], { cwd, env });
  await serve.waitUntil((logs) => logs.filter((line) => line.msg === 'listening').length === workers);
  const url = serve.logs.find((line) => line.msg === 'listening')!.url as string;
  const paused = await pausedRequest(`${url}/graphql`, id, bigSchemaOrgQuery);
  expect(paused.status).toBe(200);
  return { serve, paused };
}

test.each([['one process', 1], ['two workers', 2]])('%s: SIGTERM lets a response being written finish, logs it and exits 0', async (_, workers) => {
  const { serve, paused } = await serveWithPausedRequest(workers, 'slow');
  const count = (msg: string) => serve.logs.filter((line) => line.msg === msg).length;
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

test.each([['one process', 1], ['two workers', 2]])('%s: a short ONTOMESH_SHUTDOWN_GRACE_SECONDS cuts a response still being written, logs it and exits 130', async (_, workers) => {
  const { serve, paused } = await serveWithPausedRequest(workers, 'cut', { ONTOMESH_SHUTDOWN_GRACE_SECONDS: '1' });
  // 'close', not 'exit': every log line is read by then.
  const closed = once(serve.child, 'close');
  serve.child.kill('SIGTERM');
  // The client reads nothing until the server has exited, so the grace period runs out first.
  expect((await closed)[0]).toBe(130);
  expect((await paused.resume()).complete).toBe(false);

  expect(serve.logs.filter((line) => line.msg === 'shutting down')).toEqual(Array.from({ length: workers }, () => expect.objectContaining({ graceMs: 1000 })));
  const cut = serve.logs.filter((line) => line.msg === 'grace period ran out: requests cut');
  expect(cut).toEqual([expect.objectContaining({ level: 'warn', graceMs: 1000, cut: 1 })]);
  const stopped = serve.logs.filter((line) => line.msg === 'stopped');
  expect(stopped.map((line) => [line.pid === cut[0]!.pid, line.cut]).sort()).toEqual([[true, 1], ...Array.from({ length: workers - 1 }, () => [false, 0])].sort());
});

test.each([
  ['ten', 1],
  ['-5', 1],
  ['2.5', 1],
  ['86401', 1],
  ['0x10', 2],
])('ONTOMESH_SHUTDOWN_GRACE_SECONDS=%s is refused before the store is opened (--workers %i; exit 2)', async (value, workers) => {
  const neverOpened = join(cwd, 'never-opened.db');
  const { code, stdout, stderr } = await runOntomesh(['serve', '--port', '0', '--host', '127.0.0.1', '--workers', String(workers)], {
    cwd,
    env: { ONTOMESH_STORE: `sqlite:${neverOpened}`, ONTOMESH_SHUTDOWN_GRACE_SECONDS: value },
  });
  expect([code, stdout]).toEqual([2, '']);
  expect(stderr).toBe(`BAD_REQUEST ONTOMESH_SHUTDOWN_GRACE_SECONDS must be a whole number of seconds from 0 to 86400 (got "${value}")\nRun \`ontomesh serve --help\` for usage.\n`);
  expect(existsSync(neverOpened)).toBe(false);
});
