/**
 * Starts a real Apache TinkerPop Gremlin Server for the Gremlin tests: fetched from Maven Central
 * into .cache/gremlin-server/lib (scripts/gremlin-server/pom.xml) when missing, configured from
 * scripts/gremlin-server/*, on a free port, and stopped after. Throws (so the tests fail, not skip)
 * when Java, Maven or the server do not come up.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

const root = resolve(import.meta.dirname, '../../..');
const config = join(root, 'scripts/gremlin-server');
const lib = join(root, '.cache/gremlin-server/lib');

export interface GremlinServer {
  readonly port: number;
  /** `gremlin://127.0.0.1:PORT` */
  readonly storeUrl: string;
  /** Stops the server (SIGTERM, so TinkerGraph writes its file when persistent). */
  stop(): Promise<void>;
  /** Stops and starts the server again on the same port. */
  restart(): Promise<void>;
  /** What the server printed so far. */
  log(): string;
}

function ensureServerJars(): void {
  if (existsSync(lib) && readdirSync(lib).some((name) => name.startsWith('gremlin-server-'))) return;
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', join(config, 'pom.xml'), 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${lib}`], { encoding: 'utf8', timeout: 600_000 });
  if (mvn.status !== 0) throw new Error(`Fetching the Gremlin Server with Maven failed (${mvn.error?.message ?? `exit ${mvn.status}`}):\n${mvn.stdout}${mvn.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface GremlinServerOptions {
  /** Keep the graph across restarts (TinkerGraph writes it on shutdown). */
  persistent?: boolean;
  /**
   * `test` (default): a small heap and the quick-start JIT (C1 only), which suits short test runs;
   * `bench`: a 2 GiB heap and the full tiered JIT, as a server in production would run.
   */
  jvm?: 'test' | 'bench';
}

export async function startGremlinServer(options: GremlinServerOptions = {}): Promise<GremlinServer> {
  ensureServerJars();
  const port = await freePort();
  const dir = mkdtempSync(join(root, '.cache/gremlin-server/run-'));
  let properties = readFileSync(join(config, 'tinkergraph.properties'), 'utf8');
  if (options.persistent) properties += `gremlin.tinkergraph.graphLocation=${join(dir, 'graph.json')}\ngremlin.tinkergraph.graphFormat=graphson\n`;
  writeFileSync(join(dir, 'tinkergraph.properties'), properties);
  const yaml = parse(readFileSync(join(config, 'gremlin-server.yaml'), 'utf8'));
  yaml.port = port;
  yaml.graphs = { graph: join(dir, 'tinkergraph.properties') };
  yaml.scriptEngines['gremlin-groovy'].plugins['org.apache.tinkerpop.gremlin.jsr223.ScriptFileGremlinPlugin'].files = [join(config, 'init-g.groovy')];
  writeFileSync(join(dir, 'gremlin-server.yaml'), stringify(yaml));

  let output = '';
  let child: ChildProcess | undefined;
  const launch = () =>
    new Promise<void>((resolveStart, reject) => {
      const jvm = options.jvm === 'bench' ? ['-Xms2g', '-Xmx2g', '-XX:+UseSerialGC'] : ['-Xmx768m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];
      const java = spawn('java', [...jvm, `-Dlogback.configurationFile=${join(config, 'logback.xml')}`, '-cp', `${lib}/*`, 'org.apache.tinkerpop.gremlin.server.GremlinServer', join(dir, 'gremlin-server.yaml')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      child = java;
      // A test process that dies without its afterAll must not leave a server behind.
      const orphanGuard = () => java.kill('SIGKILL');
      process.once('exit', orphanGuard);
      java.once('exit', () => process.off('exit', orphanGuard));
      const timer = setTimeout(() => reject(new Error(`Gremlin Server did not start within 120 s:\n${output}`)), 120_000);
      const onData = (data: Buffer) => {
        output += data.toString();
        if (output.includes(`Channel started at port ${port}.`)) {
          clearTimeout(timer);
          resolveStart();
        }
      };
      java.stdout!.on('data', onData);
      java.stderr!.on('data', onData);
      java.on('error', (error) => { clearTimeout(timer); reject(new Error(`Cannot run java: ${error.message}`)); });
      java.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Gremlin Server exited (${code}) before it started:\n${output}`)); });
    });
  const stop = () =>
    new Promise<void>((resolveStop) => {
      const java = child;
      if (!java || java.exitCode !== null || java.signalCode !== null) return resolveStop();
      const kill = setTimeout(() => java.kill('SIGKILL'), 20_000);
      java.once('exit', () => { clearTimeout(kill); resolveStop(); });
      java.kill('SIGTERM');
    });
  await launch();
  return {
    port,
    storeUrl: `gremlin://127.0.0.1:${port}`,
    stop: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    restart: async () => {
      await stop();
      await launch();
    },
    log: () => output,
  };
}
