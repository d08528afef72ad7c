/**
 * `ontomesh serve --workers 2` as a process over a SQLite store: both workers answer, an ontology
 * PUT through one worker is then served by every worker (each follows the store's active versions),
 * /metrics counts the requests of all workers, a worker that dies is replaced, and SIGTERM drains
 * every worker and exits 0. Each request goes on a new connection, so the primary hands them to the
 * workers in turn; the request log says which worker (pid) answered which request id.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, tempDir } from '../load/helpers.ts';
import { runOntomesh, startServe } from './runOntomesh.ts';

let cwd: string;
let remove: () => Promise<void>;
let child: ChildProcessWithoutNullStreams | undefined;

beforeAll(async () => {
  ({ dir: cwd, remove } = await tempDir());
});
afterAll(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  await remove();
});

/** One HTTP request on a connection of its own, tagged with `id` (x-request-id). */
function send(url: string, id: string, options: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', agent: false, headers: { 'x-request-id': id, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const margherita = 'https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl#Margherita';
const query = JSON.stringify({ query: `{ ontologies { id } concept(iri: "${margherita}") { iri } }` });

test('two workers share the port, follow each other\'s uploads, sum their metrics, are replaced when they die and drain on SIGTERM', async () => {
  const serve = startServe(['--workers', '2', '--store', `sqlite:${join(cwd, 'workers.db')}`], { cwd });
  child = serve.child;
  const listening = () => serve.logs.filter((line) => line.msg === 'listening');
  await serve.waitUntil(() => listening().length === 2);
  const url = listening()[0]!.url as string;
  const workers = new Set(listening().map((line) => line.pid));
  expect(workers.size).toBe(2);
  expect(workers.has(serve.child.pid!)).toBe(false);
  expect(serve.logs.every((line) => typeof line.pid === 'number')).toBe(true);

  let sent = 0;
  const answeredBy = async (ids: string[]) => {
    await serve.waitUntil((lines) => ids.every((id) => lines.some((line) => line.msg === 'request' && line.requestId === id)));
    return new Set(serve.logs.filter((line) => line.msg === 'request' && ids.includes(line.requestId as string)).map((line) => line.pid));
  };

  const probes = ['probe-1', 'probe-2', 'probe-3', 'probe-4'];
  for (const id of probes) {
    expect((await send(`${url}/healthz`, id)).status).toBe(200);
    sent++;
  }
  expect(await answeredBy(probes)).toEqual(workers);

  const upload = await send(`${url}/ontologies/pizza`, 'upload', { method: 'PUT', body: await readFile(fixture('protege-owl/pizza-owlcs/pizza.owl')), headers: { 'content-type': 'application/rdf+xml' } });
  sent++;
  expect(upload.status).toBeLessThan(300);
  const queries = ['query-1', 'query-2', 'query-3', 'query-4'];
  for (const id of queries) {
    const response = await send(`${url}/graphql`, id, { method: 'POST', body: query, headers: { 'content-type': 'application/json' } });
    sent++;
    expect(JSON.parse(response.body)).toEqual({ data: { ontologies: [{ id: 'pizza' }], concept: { iri: margherita } } });
  }
  expect(await answeredBy(queries)).toEqual(workers);

  const metrics = await send(`${url}/metrics`, 'metrics');
  const counted = metrics.body.split('\n').filter((line) => line.startsWith('ontomesh_http_requests_total{')).reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  expect(counted).toBe(sent);
  expect(metrics.body).toMatch(/^ontomesh_http_requests_total\{method="PUT",route="\/ontologies\/:id",status="20\d"\} 1$/m);

  const [victim] = workers;
  process.kill(victim!, 'SIGKILL');
  await serve.waitUntil(() => listening().length === 3);
  expect(serve.logs.find((line) => line.msg === 'worker died; starting another')).toMatchObject({ level: 'error', worker: victim, signal: 'SIGKILL' });
  const replacement = listening()[2]!.pid;
  expect(workers.has(replacement)).toBe(false);

  serve.child.kill('SIGTERM');
  const [code] = await once(serve.child, 'exit');
  expect(code).toBe(0);
  const stopped = new Set(serve.logs.filter((line) => line.msg === 'stopped').map((line) => line.pid));
  expect(stopped).toEqual(new Set([...workers].filter((pid) => pid !== victim).concat(replacement)));
});

test('--workers and ONTOMESH_WORKERS take a positive number or auto', async () => {
  const flag = await runOntomesh(['serve', '--workers', '0'], { cwd });
  expect(flag.code).toBe(2);
  expect(flag.stderr).toMatch(/--workers must be an integer between 1 and 1024 \(got "0"\)/);
  const env = await runOntomesh(['serve'], { cwd, env: { ONTOMESH_WORKERS: 'many' } });
  expect(env.code).toBe(2);
  expect(env.stderr).toMatch(/--workers must be an integer between 1 and 1024 \(got "many"\)/);
});
