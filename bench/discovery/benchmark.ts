/**
 * The discovery benchmark itself: the four discovery queries of issue 5 against ontomesh's GraphQL
 * API and, side by side in the same run, against Apache Jena Fuseki answering the equivalent
 * SPARQL over the same triples. It generates the mesh (generateMesh.ts), starts ontomesh
 * (ontomeshEndpoint.ts, or uses a given URL) and Fuseki (scripts/fuseki/fuseki.ts), checks that both
 * give the same answers, then loads each query with autocannon: warm-up, then rounds in which the
 * servers take turns, each after both servers went idle; medians of the rounds give requests/s,
 * p50 and p99. Without the issue 5 API the Fuseki side still runs, and the report says why
 * ontomesh was left out. run.ts is the command line around it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { startFuseki, type Fuseki } from '../../scripts/fuseki/fuseki.ts';
import { generateMesh, type GeneratedMesh } from './generateMesh.ts';
import { runLoad, type HttpQuery, type LoadResult } from './loadTest.ts';
import { missingApi, startOntomesh, type OntomeshEndpoint } from './ontomeshEndpoint.ts';
import { discoveryQueries, searchedPredicates, type AnswerCount, type DiscoveryQuery, type SearchMode, type SparqlResults } from './queries.ts';
import { settle } from './settle.ts';
import type { DiscoveryReport, QueryResult, TargetName, TargetResult } from './summary.ts';

const root = resolve(import.meta.dirname, '../..');
const FUSEKI_VERSION = '5.6.0';
const targets = { throughputRatio: 1, p99Ms: 25 };

export interface DiscoveryOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  rounds: number;
  products: number;
  seed: number;
  fields: [min: number, max: number];
  fusekiStore: 'mem' | 'tdb2';
  fusekiHeap: string;
  /** Ids of the queries to run (default: all). */
  queries?: string[];
  /** A running ontomesh GraphQL endpoint to use instead of starting one (it must hold the same mesh). */
  ontomeshUrl?: string;
  /** Progress lines (default: stderr). */
  say?: (line: string) => void;
}

interface Context {
  options: DiscoveryOptions;
  mesh: GeneratedMesh;
  fuseki: Fuseki;
  ontomesh?: OntomeshEndpoint;
  say: (line: string) => void;
}

/**
 * Runs the benchmark and returns its report (bench/results/discovery.json's content).
 *
 * @example
 * const report = await runDiscoveryBenchmark({ connections: 50, durationSeconds: 10, warmupSeconds: 5, rounds: 3,
 *   products: 10_000, seed: 7, fields: [2, 4], fusekiStore: 'tdb2', fusekiHeap: '2g' });
 */
export async function runDiscoveryBenchmark(options: DiscoveryOptions): Promise<DiscoveryReport> {
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const loadAverage = loadavg();
  say('generating the mesh');
  const mesh = await generateMesh({ products: options.products, seed: options.seed, fields: options.fields, cacheDir: join(root, '.cache/bench-discovery') });
  say(`mesh: ${mesh.triples.toLocaleString('en')} triples, ${mesh.options.products.toLocaleString('en')} products in ${mesh.domains.length} domains (${relative(root, mesh.path)})`);

  const ontomesh = await ontomeshSide(options, mesh, say);
  say(`starting Fuseki ${FUSEKI_VERSION} (${options.fusekiStore}) and loading the same files`);
  let fuseki: Fuseki;
  try {
    const ontologyFiles = ['core', 'customer', 'sales', 'logistics'].map((m) => join(root, 'ontology', `${m}.owl`));
    fuseki = await startFuseki({ files: [...ontologyFiles, mesh.path], store: options.fusekiStore, textIndex: searchedPredicates, heap: options.fusekiHeap, startTimeoutMs: 180_000 });
  } catch (error) {
    await ontomesh.endpoint?.stop();
    throw error;
  }
  say(`Fuseki: ${fuseki.triples.toLocaleString('en')} triples loaded in ${(fuseki.loadMs / 1000).toFixed(1)} s`);

  const context: Context = { options, mesh, fuseki, ontomesh: ontomesh.endpoint, say };
  const results: QueryResult[] = [];
  try {
    for (const query of discoveryQueries.filter((q) => !options.queries || options.queries.includes(q.id))) {
      results.push(await measureQuery(context, query));
    }
  } finally {
    await fuseki.stop();
    await ontomesh.endpoint?.stop();
  }
  return {
    benchmark: 'discovery',
    date: new Date().toISOString(),
    revision: git(['rev-parse', 'HEAD']),
    dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryBytes: totalmem(), os: `${platform()} ${release()}`, node: process.version, java: javaVersion(), loadAverage },
    settings: { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds, rounds: options.rounds, fusekiStore: options.fusekiStore, fusekiHeap: options.fusekiHeap },
    mesh: { path: relative(root, mesh.path), products: mesh.options.products, domains: mesh.domains.length, concepts: mesh.concepts.length, triples: mesh.triples, bytes: mesh.bytes, seed: mesh.options.seed, fields: mesh.options.fields },
    fuseki: { version: FUSEKI_VERSION, store: options.fusekiStore, textIndex: searchedPredicates, triples: fuseki.triples, loadMs: fuseki.loadMs },
    ontomesh: { available: ontomesh.endpoint !== undefined, reason: ontomesh.reason, graphqlUrl: ontomesh.endpoint?.graphqlUrl, loadMs: ontomesh.loadMs },
    targets,
    queries: results,
  };
}

/** Our server: the given URL, or one started and loaded here; no endpoint, with the reason, when it cannot run the queries. */
async function ontomeshSide(options: DiscoveryOptions, mesh: GeneratedMesh, say: (line: string) => void): Promise<{ endpoint?: OntomeshEndpoint; reason?: string; loadMs?: number }> {
  const given = options.ontomeshUrl;
  let endpoint: OntomeshEndpoint | undefined;
  try {
    endpoint = given ? { graphqlUrl: given, load: async () => 0, stop: async () => undefined } : await startOntomesh();
    const reason = await missingApi(endpoint.graphqlUrl);
    if (reason) throw new Error(reason);
    if (given) return { endpoint };
    say('loading the demo ontology and the mesh into ontomesh');
    const loadMs = await endpoint.load([join(root, 'ontology'), mesh.path]);
    say(`ontomesh: loaded in ${(loadMs / 1000).toFixed(1)} s`);
    return { endpoint, loadMs };
  } catch (error) {
    await endpoint?.stop();
    const reason = error instanceof Error ? error.message : String(error);
    say(`ontomesh endpoint not available: ${reason}`);
    return { reason };
  }
}

async function measureQuery(context: Context, query: DiscoveryQuery): Promise<QueryResult> {
  const { options, say } = context;
  const values = query.parameters(context.mesh);
  const sides = new Map<TargetName, HttpQuery>();
  if (context.ontomesh) sides.set('ontomesh', graphqlRequest(context.ontomesh.graphqlUrl, query));
  sides.set('fuseki', sparqlRequest(context.fuseki.queryUrl, query, 'text'));
  if (query.id === 'search') sides.set('fuseki-contains', sparqlRequest(context.fuseki.queryUrl, query, 'contains'));

  const checked = values.slice(0, 10);
  const check: QueryResult['check'] = { values: checked, counts: {} };
  const failed = new Map<TargetName, string>();
  for (const [name, request] of sides) {
    try {
      check.counts[name] = [];
      for (const value of checked) check.counts[name]!.push(await answerCount(request, value, name === 'ontomesh' ? query.graphqlCount : query.sparqlCount));
    } catch (error) {
      failed.set(name, (error as Error).message);
      say(`${query.id}: ${name} answered wrongly, not loaded: ${(error as Error).message}`);
    }
  }
  const compared = [...sides.keys()].filter((name) => name !== 'fuseki-contains' && !failed.has(name));
  if (query.comparable && compared.length === 2) check.agree = check.counts[compared[0]!]!.every((n, i) => n === check.counts[compared[1]!]![i]);

  const load = { connections: options.connections, durationSeconds: options.durationSeconds };
  const pids: Record<TargetName, number | undefined> = { ontomesh: context.ontomesh?.pid, fuseki: context.fuseki.pid, 'fuseki-contains': context.fuseki.pid };
  const samples = new Map<TargetName, LoadResult[]>([...sides.keys()].map((name) => [name, []]));
  const order = [...sides.keys()].filter((name) => !failed.has(name));
  for (const name of order) {
    say(`${query.id}: ${name}, warm-up ${options.warmupSeconds} s`);
    await settleServers(context);
    await runLoad(sides.get(name)!, values, { ...load, durationSeconds: options.warmupSeconds, serverPid: pids[name] });
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const name of round % 2 === 0 ? order : [...order].reverse()) {
      await settleServers(context);
      const result = await runLoad(sides.get(name)!, values, { ...load, serverPid: pids[name] });
      samples.get(name)!.push(result);
      say(`${query.id}: ${name}, round ${round + 1} of ${options.rounds}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms` +
        (result.non2xx + result.errors > 0 ? ` (${result.non2xx} non-2xx, ${result.errors} errors)` : ''));
    }
  }
  const outcome: QueryResult['targets'] = {};
  for (const [name, rounds] of samples) outcome[name] = summarise(rounds, failed.get(name), options.durationSeconds);
  return { id: query.id, title: query.title, parameters: values.length, check, targets: outcome, verdict: verdictOf(outcome) };
}

/** Waits until both servers have finished the requests of the previous load. */
async function settleServers(context: Context): Promise<void> {
  for (const pid of [context.fuseki.pid, context.ontomesh?.pid]) {
    if (pid !== undefined && !(await settle(pid))) context.say(`process ${pid} still busy after 120 s; measuring anyway`);
  }
}

function verdictOf(outcome: QueryResult['targets']): QueryResult['verdict'] {
  const own = outcome.ontomesh;
  if (!own?.requestsPerSecond || own.p99Ms === undefined) return undefined;
  const peers = (['fuseki', 'fuseki-contains'] as const).filter((name) => outcome[name]?.requestsPerSecond);
  if (peers.length === 0) return undefined;
  const peer = peers.reduce((best, name) => (outcome[name]!.requestsPerSecond! > outcome[best]!.requestsPerSecond! ? name : best));
  const throughputRatio = own.requestsPerSecond / outcome[peer]!.requestsPerSecond!;
  return { peer, throughputRatio, p99Ms: own.p99Ms, met: throughputRatio >= targets.throughputRatio && own.p99Ms < targets.p99Ms };
}

function summarise(rounds: LoadResult[], error: string | undefined, durationSeconds: number): TargetResult {
  if (error) return { rounds, error };
  const bad = rounds.reduce((n, r) => n + r.non2xx + r.errors, 0);
  if (bad > 0) return { rounds, error: `${bad} failed requests (non-2xx answers, connection errors or timeouts)` };
  if (rounds.some((r) => r.requests === 0)) return { rounds, error: `no answer within a ${durationSeconds} s round` };
  const serverCores = rounds.every((r) => r.serverCores !== undefined) ? median(rounds.map((r) => r.serverCores!)) : undefined;
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)), p50Ms: median(rounds.map((r) => r.p50Ms)), p99Ms: median(rounds.map((r) => r.p99Ms)),
    serverCores, generatorCores: median(rounds.map((r) => r.generatorCores)), rounds,
  };
}

function graphqlRequest(url: string, query: DiscoveryQuery): HttpQuery {
  return { url, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: (value) => JSON.stringify({ query: query.graphql(value) }) };
}

function sparqlRequest(url: string, query: DiscoveryQuery, mode: SearchMode): HttpQuery {
  return {
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
    body: (value) => new URLSearchParams({ query: query.sparql(value, mode) }).toString(),
  };
}

/** Asks once and returns the number to compare; throws on an HTTP or GraphQL error. */
async function answerCount<T>(request: HttpQuery, value: string, count: (answer: T) => AnswerCount): Promise<AnswerCount> {
  const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body(value) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status}: ${text.slice(0, 500)}`);
  const json = JSON.parse(text) as { data?: T; errors?: { message: string }[] } & SparqlResults;
  if (json.errors?.length) throw new Error(json.errors.map((e) => e.message).join('; '));
  return count((json.data ?? json) as T);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function git(gitArgs: string[]): string {
  try {
    return execFileSync('git', gitArgs, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function javaVersion(): string {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return (java.stderr ?? '').split('\n')[0]?.trim() || 'java: unknown';
}
