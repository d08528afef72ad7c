/**
 * Starts Apache Jena Fuseki (jena-fuseki-main), the peer the discovery benchmark runs side by side
 * with ontomesh: fetched from Maven Central into .cache/fuseki/lib (scripts/fuseki/pom.xml) when
 * missing, on a free 127.0.0.1 port, with one dataset `/ds` (in memory or TDB2, optionally under a
 * Lucene text index from jena-text), loaded with RDF files through the Graph Store Protocol, and
 * stopped after. Throws when Java, Maven, the server or a load fail.
 *
 * @example
 * const fuseki = await startFuseki({ files: ['mesh.nt'], store: 'tdb2', textIndex: ['http://www.w3.org/2000/01/rdf-schema#label'] });
 * const response = await fetch(fuseki.queryUrl, { method: 'POST', body: new URLSearchParams({ query }) });
 * await fuseki.stop();
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { formatFromPath, formatMediaTypes, sniffFormat } from '../../src/rdf/index.ts';

const root = resolve(import.meta.dirname, '../..');
const pom = join(root, 'scripts/fuseki/pom.xml');
/** Where `mvn dependency:copy-dependencies` puts jena-fuseki-main and its dependencies. */
export const fusekiLib = join(root, '.cache/fuseki/lib');

export interface FusekiOptions {
  /** RDF files to load into the default graph, in order; the syntax comes from the extension or the content. */
  files?: string[];
  /** `mem`: Jena's transactional in-memory dataset; `tdb2`: a TDB2 database in a temporary folder. Default `mem`. */
  store?: 'mem' | 'tdb2';
  /** Predicates whose literals a jena-text Lucene index covers (one field `text`, the default for `text:query`). */
  textIndex?: string[];
  /** The JVM's maximum heap (`-Xmx`). Default `2g`. */
  heap?: string;
  /** Milliseconds to wait for the server to answer queries. Default 120 s. */
  startTimeoutMs?: number;
}

export interface Fuseki {
  readonly port: number;
  /** `http://127.0.0.1:PORT/ds` */
  readonly datasetUrl: string;
  /** The SPARQL query endpoint, `…/ds/sparql`. */
  readonly queryUrl: string;
  /** The Graph Store Protocol endpoint, `…/ds/data`. */
  readonly dataUrl: string;
  /** Triples in the default graph after the loads. */
  readonly triples: number;
  /** Milliseconds the loads took. */
  readonly loadMs: number;
  /** The JVM's process id. */
  readonly pid: number;
  /** Stops the server and removes its folder (database, index, log). */
  stop(): Promise<void>;
  /** The end of what the server logged. */
  log(): string;
}

/** Fetches jena-fuseki-main and its dependencies with Maven unless they are there already. */
export function ensureFusekiJars(): void {
  if (existsSync(fusekiLib) && readdirSync(fusekiLib).some((name) => name.startsWith('jena-fuseki-main-'))) return;
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${fusekiLib}`], { encoding: 'utf8', timeout: 600_000 });
  if (mvn.status !== 0) throw new Error(`Fetching Fuseki with Maven failed (${mvn.error?.message ?? `exit ${mvn.status}`}):\n${mvn.stdout}${mvn.stderr}`);
}

/** Starts Fuseki, loads `options.files` and resolves once it answers queries. */
export async function startFuseki(options: FusekiOptions = {}): Promise<Fuseki> {
  ensureFusekiJars();
  const port = await freePort();
  mkdirSync(join(root, '.cache/fuseki'), { recursive: true });
  const dir = mkdtempSync(join(root, '.cache/fuseki/run-'));
  const config = join(dir, 'config.ttl');
  writeFileSync(config, configuration(dir, options.store ?? 'mem', options.textIndex ?? []));
  const logFile = join(dir, 'fuseki.log');
  const logFd = openSync(logFile, 'a');
  const java = spawn('java', [`-Xmx${options.heap ?? '2g'}`, '-cp', `${fusekiLib}/*`, 'org.apache.jena.fuseki.main.cmds.FusekiMainCmd',
    '--localhost', `--port=${port}`, `--config=${config}`], { cwd: dir, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const log = () => tail(logFile);
  const stop = () => stopProcess(java).then(() => rmSync(dir, { recursive: true, force: true }));
  const datasetUrl = `http://127.0.0.1:${port}/ds`;
  try {
    await whenReady(java, `${datasetUrl}/sparql?query=${encodeURIComponent('ASK {}')}`, options.startTimeoutMs ?? 120_000, log);
    const started = performance.now();
    for (const file of options.files ?? []) await upload(`${datasetUrl}/data?default`, file);
    const loadMs = performance.now() - started;
    const triples = await count(`${datasetUrl}/sparql`);
    return { port, datasetUrl, queryUrl: `${datasetUrl}/sparql`, dataUrl: `${datasetUrl}/data`, triples, loadMs, pid: java.pid!, stop, log };
  } catch (error) {
    const message = `${error instanceof Error ? error.message : String(error)}\n--- Fuseki log (end):\n${log()}`;
    await stop();
    throw new Error(message, { cause: error });
  }
}

/** The Fuseki configuration: one service `ds` with query and read-write GSP endpoints. */
function configuration(dir: string, store: 'mem' | 'tdb2', textIndex: string[]): string {
  const base = store === 'tdb2' ? `<#base> a tdb2:DatasetTDB2 ; tdb2:location ${JSON.stringify(join(dir, 'tdb2'))} .` : '<#base> a ja:MemoryDataset .';
  const dataset = textIndex.length === 0 ? '<#base>' : '<#text>';
  const lucene = store === 'tdb2' ? `<${new URL(`file://${join(dir, 'lucene')}`).href}>` : '"mem"';
  return `@prefix fuseki: <http://jena.apache.org/fuseki#> .
@prefix ja: <http://jena.hpl.hp.com/2005/11/Assembler#> .
@prefix tdb2: <http://jena.apache.org/2016/tdb#> .
@prefix text: <http://jena.apache.org/text#> .

<#service> a fuseki:Service ;
  fuseki:name "ds" ;
  fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
  fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name "data" ] ;
  fuseki:dataset ${dataset} .

${base}
${textIndex.length === 0 ? '' : `
<#text> a text:TextDataset ; text:dataset <#base> ; text:index <#index> .
<#index> a text:TextIndexLucene ; text:directory ${lucene} ; text:entityMap <#entities> .
<#entities> a text:EntityMap ;
  text:entityField "uri" ;
  text:defaultField "text" ;
  text:map ( ${textIndex.map((predicate) => `[ text:field "text" ; text:predicate <${predicate}> ]`).join(' ')} ) .
`}`;
}

/** POSTs an RDF file to a Graph Store Protocol endpoint, streaming it. */
async function upload(url: string, file: string): Promise<void> {
  const format = formatFromPath(file) ?? sniffFormat(head(file));
  if (!format) throw new Error(`${file}: cannot tell its RDF syntax`);
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  const response = await fetch(url, {
    method: 'POST', body, duplex: 'half',
    headers: { 'content-type': formatMediaTypes[format], 'content-length': String(statSync(file).size) },
  } as RequestInit & { duplex: 'half' });
  if (!response.ok) throw new Error(`Loading ${file} into Fuseki failed: ${response.status} ${await response.text()}`);
}

async function count(queryUrl: string): Promise<number> {
  const response = await fetch(queryUrl, {
    method: 'POST',
    headers: { accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query: 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' }),
  });
  if (!response.ok) throw new Error(`Counting triples failed: ${response.status} ${await response.text()}`);
  const json = (await response.json()) as { results: { bindings: { n: { value: string } }[] } };
  return Number(json.results.bindings[0]?.n.value ?? 0);
}

async function whenReady(java: ChildProcess, probe: string, timeoutMs: number, log: () => string): Promise<void> {
  let exited: string | undefined;
  java.once('exit', (code, signal) => { exited = `Fuseki exited (${signal ?? code}) before it answered`; });
  java.once('error', (error) => { exited = `Cannot run java: ${error.message}`; });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(exited);
    try {
      const response = await fetch(probe, { headers: { accept: 'application/sparql-results+json' } });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`Fuseki did not answer within ${timeoutMs / 1000} s:\n${log()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => { clearTimeout(kill); done(); });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The first 4 KB of a file, for syntax sniffing. */
function head(file: string): string {
  return readAt(file, 0, 4096);
}

/** The last 8 KB of a log file. */
function tail(file: string): string {
  try {
    return readAt(file, Math.max(0, statSync(file).size - 8192), 8192);
  } catch {
    return '';
  }
}

function readAt(file: string, position: number, length: number): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, length, position));
  } finally {
    closeSync(fd);
  }
}
