/**
 * The ontomesh side of the discovery benchmark: runs `ontomesh serve` over a new SQLite store on a
 * free 127.0.0.1 port, with the Node options `npm start` gives it (src/api/v8Tuning.ts) and its JSON
 * request log going to a file, as Fuseki's does; checks that its
 * GraphQL schema has the four discovery fields of issue 5, and loads the demo ontology and the
 * generated mesh into the store with `ontomesh load` (the server reads the new version as soon as
 * the load activates it).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { servingNodeOptions } from '../../src/api/v8Tuning.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/ontomesh.js');
const run = promisify(execFile);

export interface OntomeshEndpoint {
  graphqlUrl: string;
  /** The server's process id (undefined for a server given by URL). */
  pid?: number;
  /**
   * Loads `paths` as graph `mesh` with `ontomesh load` into the served store, waits until the
   * server is ready, and resolves with the milliseconds the load took.
   */
  load(paths: string[]): Promise<number>;
  stop(): Promise<void>;
}

/** The Query fields the benchmark asks for (issue 5). */
export const requiredQueryFields = ['dataProducts', 'search', 'dataProduct', 'domain'];

/**
 * Serves a new, empty SQLite store, so that the schema can be checked before the (long) load.
 * Rejects with the server's own output when it does not start.
 */
export async function startOntomesh(): Promise<OntomeshEndpoint> {
  mkdirSync(join(root, '.cache/bench-discovery'), { recursive: true });
  const dir = mkdtempSync(join(root, '.cache/bench-discovery/ontomesh-'));
  const store = `sqlite:${join(dir, 'ontomesh.db')}`;
  const logFile = join(dir, 'serve.log');
  const logFd = openSync(logFile, 'a');
  const server = spawn(process.execPath, [...servingNodeOptions, cli, 'serve', '--store', store, '--port', '0', '--host', '127.0.0.1', '--workers', process.env.ONTOMESH_WORKERS || '2'], { cwd: root, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const stop = async () => {
    await stopProcess(server);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await listeningUrl(server, logFile, 60_000);
    return {
      graphqlUrl: `${url}/graphql`,
      pid: server.pid,
      stop,
      async load(paths) {
        const started = performance.now();
        try {
          await run(process.execPath, [cli, 'load', ...paths, '--id', 'mesh', '--missing-imports', 'warn', '--store', store], { cwd: root, maxBuffer: 1 << 24 });
        } catch (error) {
          throw new Error(`ontomesh load failed: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`, { cause: error });
        }
        const loadMs = performance.now() - started;
        await untilReady(`${url}/readyz`, 60_000);
        return loadMs;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Why the GraphQL endpoint at `graphqlUrl` cannot run the benchmark (it does not answer, or its
 * schema lacks a field), or undefined when it can.
 */
export async function missingApi(graphqlUrl: string): Promise<string | undefined> {
  let fields: string[];
  try {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { fields { name } } } }' }),
    });
    const json = (await response.json()) as { data?: { __schema: { queryType: { fields: { name: string }[] } } }; errors?: { message: string }[] };
    if (!json.data) return `introspection failed: ${json.errors?.map((e) => e.message).join('; ') ?? response.status}`;
    fields = json.data.__schema.queryType.fields.map((f) => f.name);
  } catch (error) {
    return `${graphqlUrl} does not answer (${(error as Error).message})`;
  }
  const missing = requiredQueryFields.filter((name) => !fields.includes(name));
  return missing.length === 0 ? undefined : `the GraphQL schema has no Query.${missing.join(', Query.')} (issue 5 API not built yet)`;
}

/** Waits for the serve command's `listening` log line and returns its URL. */
async function listeningUrl(server: ChildProcess, logFile: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const log = readFileSync(logFile, 'utf8');
    for (const line of log.split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url) return entry.url.replace(/\/$/, '');
    }
    if (server.exitCode !== null) throw new Error(`ontomesh serve exited (${server.exitCode}):\n${log.slice(-4000)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`ontomesh serve did not listen within ${timeoutMs / 1000} s:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
}

async function untilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(url).catch((error: Error) => error);
    if (response instanceof Response && response.ok) return;
    last = response instanceof Response ? `${response.status} ${await response.text()}` : response.message;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`ontomesh serve was not ready within ${timeoutMs / 1000} s: ${last}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => { clearTimeout(kill); done(); });
    child.kill('SIGTERM');
  });
}
