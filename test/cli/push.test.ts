/**
 * `ontomesh push` against a real server (port 0, SQLite store): an ontology with its catalog-resolved
 * imports in one upload, a file that does not parse refused before anything is sent, and --watch
 * uploading again after each save while a half-written save is reported and skipped; against what
 * is not an ontomesh service (a login page, a proxy, another service), one line saying what answered.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, startServer, type RunningServer } from '../../src/api/index.ts';
import { runCli } from '../../src/cli/runCli.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { registerProducts } from '../../src/load/index.ts';
import { repoRoot, tempDir, tempStore } from '../load/helpers.ts';
import { collectingConsole as console, until } from './cliConsole.ts';
import { runOntomesh } from './runOntomesh.ts';

let store: GraphStore;
let disposeStore: () => Promise<void>;
let running: RunningServer;
let dir: string;
let removeDir: () => Promise<void>;

beforeAll(async () => {
  ({ store, dispose: disposeStore } = await tempStore());
  running = await startServer({ store, logger: createLogger(new PassThrough()), port: 0, host: '127.0.0.1' });
  ({ dir, remove: removeDir } = await tempDir());
});
afterAll(async () => {
  await running.close();
  await disposeStore();
  await removeDir();
});

const activeVersion = async (id: string) => (await store.versions(id)).find((v) => v.active)?.version;

describe('ontomesh push', () => {
  it('uploads an ontology with the imports its catalog resolves, named as on disk', async () => {
    await cp(join(repoRoot, 'ontology'), join(dir, 'demo'), { recursive: true });
    const { io, out } = console();
    const code = await runCli(['push', join(dir, 'demo/logistics.owl'), '--server', running.url], io);
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/^pushed .*logistics\.owl and 3 imports to http:\/\/127\.0\.0\.1:\d+ as logistics: version 1, /);
    const [version] = await store.versions('logistics');
    expect(version!.meta.documents.map((d) => d.location)).toEqual(['logistics.owl', 'core.owl', 'sales.owl', 'customer.owl']);
  });

  it('refuses a file that does not parse, with file:line:col, and sends nothing', async () => {
    const file = join(dir, 'broken.ttl');
    await writeFile(file, '@prefix ex: <http://example.com/> .\nex:a ex:b ex:c .\nex:d ex:e .\n');
    const { io, err } = console();
    expect(await runCli(['push', file, '--server', running.url], io)).toBe(1);
    expect(err.join('')).toContain(`${file}:3:`);
    expect(err.join('')).toContain('RDF_SYNTAX');
    expect(await store.versions('broken')).toEqual([]);
  });

  it('reports what the server refuses with its code, and an unreachable server (exit 3)', async () => {
    const file = join(dir, 'ok.ttl');
    await writeFile(file, '<http://example.com/a> <http://example.com/b> <http://example.com/c> .\n');
    await registerProducts(store, [{ file: 'orders.odps.yaml', content: await readFile(join(repoRoot, 'mesh/sales/orders.odps.yaml'), 'utf8') }]);
    const refused = console();
    expect(await runCli(['push', file, '--server', running.url, '--id', 'mesh.sales'], refused.io)).toBe(2);
    expect(refused.err.join('')).toContain('BAD_REQUEST graph "mesh.sales" holds registered data products');
    expect((await store.versions('mesh.sales')).length).toBe(1);
    const unreachable = console();
    expect(await runCli(['push', file, '--server', 'http://127.0.0.1:1'], unreachable.io)).toBe(3);
    expect(unreachable.err.join('')).toContain('STORE_UNAVAILABLE cannot reach http://127.0.0.1:1');
  });

  it('--watch uploads again after each save and skips a half-written one', async () => {
    const file = join(dir, 'watched.ttl');
    const ontology = (classes: string[]) => `@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix ex: <http://example.com/watched#> .\n` +
      `<http://example.com/watched> a owl:Ontology .\n${classes.map((c) => `ex:${c} a owl:Class .\n`).join('')}`;
    await writeFile(file, ontology(['A']));
    const { io, err, controller } = console();
    const pushing = runCli(['push', file, '--server', running.url, '--watch', '--debounce', '100'], io);
    await until('the first upload', async () => (await activeVersion('watched')) === 1 || undefined);

    await writeFile(file, ontology(['A', 'B']));
    await until('the upload after a save', async () => (await activeVersion('watched')) === 2 || undefined);

    // A save caught half-way: the file ends in the middle of a statement.
    await writeFile(file, ontology(['A', 'B', 'C']).slice(0, -8));
    await until('the half-written save to be reported', () => err.join('').includes('not pushed:') || undefined);
    expect(err.join('')).toMatch(new RegExp(`not pushed: ${file.replaceAll('.', '\\.')}:\\d+:\\d+: RDF_SYNTAX .*waiting for the next save`));
    expect(await activeVersion('watched')).toBe(2);

    await writeFile(file, ontology(['A', 'B', 'C']));
    await until('the upload after the save is complete', async () => (await activeVersion('watched')) === 3 || undefined);
    const [version] = await store.versions('watched');
    expect(version!.stats.classes).toBe(3);

    controller.abort();
    expect(await pushing).toBe(0);
    expect((await store.versions('watched')).map((v) => v.version)).toEqual([3, 2, 1]);
  });
});

describe('ontomesh push to something that is not an ontomesh service', () => {
  /** What answers at each path prefix: a login page, a proxy, another service, an ontomesh refusal. */
  const answers: Record<string, { status: number; type: string; body: string }> = {
    json: { status: 200, type: 'application/json', body: '{"ok":true}' },
    html: { status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>Sign in</title>' },
    unauthorized: { status: 401, type: 'text/html', body: '<h1>401</h1>' },
    forbidden: { status: 403, type: 'application/json', body: '{"message":"Forbidden"}' },
    missing: { status: 404, type: 'text/plain', body: 'Not Found' },
    gateway: { status: 502, type: 'text/html', body: '<h1>Bad Gateway</h1>' },
    refused: { status: 400, type: 'application/json; charset=utf-8', body: '{"error":{"code":"BAD_REQUEST","message":"graph \\"ok\\" holds registered data products"}}' },
  };
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const answer = answers[req.url!.split('/')[1]!]!;
        res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await writeFile(join(dir, 'ok.ttl'), '<http://example.com/a> <http://example.com/b> <http://example.com/c> .\n');
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ['json', 3, 'STORE_UNAVAILABLE BASE/json/ontologies/ok answered 200 OK (application/json), which is not an ontomesh response; is BASE/json the ontomesh service?'],
    ['html', 3, 'STORE_UNAVAILABLE BASE/html/ontologies/ok answered 200 OK (text/html; charset=utf-8), which is not an ontomesh response; is BASE/html the ontomesh service?'],
    ['unauthorized', 1, 'UNAUTHENTICATED BASE/unauthorized/ontologies/ok answered 401 Unauthorized (text/html): it asks for credentials'],
    ['forbidden', 1, 'FORBIDDEN BASE/forbidden/ontologies/ok answered 403 Forbidden (application/json): it refuses the upload'],
    ['missing', 1, 'NOT_FOUND BASE/missing/ontologies/ok answered 404 Not Found (text/plain): is BASE/missing the ontomesh service?'],
    ['gateway', 3, 'STORE_UNAVAILABLE BASE/gateway/ontologies/ok answered 502 Bad Gateway (text/html), which is not an ontomesh response; is BASE/gateway the ontomesh service?'],
    ['refused', 2, 'BAD_REQUEST graph "ok" holds registered data products'],
  ])('%s: one line saying what answered (exit %i), no stack, no --help hint', async (path, exitCode, message) => {
    const { code, stdout, stderr } = await runOntomesh(['push', 'ok.ttl', '--server', `${base}/${path}`], { cwd: dir });
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message.replaceAll('BASE', base)}\n`);
    expect(code).toBe(exitCode);
  });
});

describe('ontomesh push compresses its upload', () => {
  /** The requests received: their Content-Encoding and their body as the server reads it (gunzipped when gzip). */
  const received: { encoding: string | undefined; type: string | undefined; body: string }[] = [];
  const uploadResult = JSON.stringify({ graphId: 'ok', version: 1, triples: 1, inferred: 0, documents: [{ location: 'ok.ttl' }], missingImports: [] });
  let server: Server;
  let base: string;

  beforeAll(async () => {
    // `/gzip` takes any upload; `/plain` refuses a compressed one with 415, as a server or proxy without gzip would.
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const encoding = req.headers['content-encoding'];
      const bytes = Buffer.concat(chunks);
      received.push({ encoding, type: req.headers['content-type'], body: (encoding === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8') });
      if (req.url!.startsWith('/plain') && encoding !== undefined) res.writeHead(415, { 'content-type': 'text/plain' }).end('Unsupported Media Type');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(uploadResult);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await writeFile(join(dir, 'ok.ttl'), '<http://example.com/a> <http://example.com/b> <http://example.com/c> .\n');
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the multipart upload gzip-compressed, the document whole inside', async () => {
    received.length = 0;
    const { code } = await runOntomesh(['push', 'ok.ttl', '--server', `${base}/gzip`], { cwd: dir });
    expect(code).toBe(0);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.encoding).toBe('gzip');
    const boundary = /boundary=(.+)$/.exec(request!.type!)![1]!;
    expect(request!.body).toContain(`--${boundary}`);
    expect(request!.body).toContain(await readFile(join(dir, 'ok.ttl'), 'utf8'));
  });

  it('sends it again uncompressed to a server that refuses the encoding (415)', async () => {
    received.length = 0;
    const { code } = await runOntomesh(['push', 'ok.ttl', '--server', `${base}/plain`], { cwd: dir });
    expect(code).toBe(0);
    expect(received.map((r) => r.encoding)).toEqual(['gzip', undefined]);
    // The same multipart upload both times, each with its own boundary.
    const withoutBoundary = ({ type, body }: (typeof received)[number]) => body.replaceAll(/boundary=(.+)$/.exec(type!)![1]!, 'BOUNDARY');
    expect(withoutBoundary(received[1]!)).toBe(withoutBoundary(received[0]!));
    expect(received[1]!.body).toContain(await readFile(join(dir, 'ok.ttl'), 'utf8'));
  });
});
