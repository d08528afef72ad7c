/**
 * `ontomesh serve`: the HTTP service. With the default store and no graph in it yet, the demo mesh is
 * loaded in the background: the ontologies in ./ontology as graph `mesh` (/readyz turns ready when it
 * is in), then the data products and contracts described in ./mesh, registered into their domains.
 * SIGTERM/SIGINT drain in-flight requests, then close the store; the exit code is 0 after a complete
 * drain, 130 (interrupted) when the grace period (ONTOMESH_SHUTDOWN_GRACE_SECONDS) ran out and
 * requests were cut. With `--workers N` (default: one per available core) the primary checks that the
 * address can be listened on, does that one-time work, then N worker processes serve (serveCluster.ts).
 */
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { appRoles, authVariables, type AuthConfig } from '../../api/auth/authConfig.ts';
import type { Logger, Metrics, Telemetry } from '../../api/index.ts';
import { probeListen } from '../../api/listen.ts';
import type { GraphStore } from '../../graph/GraphStore.ts';
import { loadOntologies, readDescriptorFiles, registerProducts } from '../../load/index.ts';
import { integerOption, parseCommandArgs, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { resolveStoreUrl, storeOptionsFromEnv } from '../storeUrl.ts';
import { openStore } from '../../store/openStore.ts';

/** The demo mesh shipped with ontomesh, loaded on first start of the default store. */
export const demoMeshPath = fileURLToPath(new URL('../../../ontology/', import.meta.url));
export const demoGraphId = 'mesh';
/** The demo mesh's data-product and data-contract descriptors, registered after its ontologies. */
export const demoProductsPath = fileURLToPath(new URL('../../../mesh/', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the GraphQL service',
  help: `Usage: ontomesh serve [options]

Serves POST /graphql (GraphiQL on GET /graphql in a browser), /healthz, /readyz and /metrics.
Also PUT|GET /ontologies/{id} (ontologies, e.g. from \`ontomesh push\`) and PUT|GET /products/{id},
/contracts/{id} (descriptors). Logs are JSON lines on stdout (LOG_LEVEL=debug|info|warn|error).
With the default store and no graph loaded yet, the demo mesh is loaded on first start: the
ontologies in ./ontology as graph "mesh", and the data products described in ./mesh.
SIGTERM/SIGINT: stop accepting connections, /readyz answers 503, in-flight requests finish within
the grace period ($ONTOMESH_SHUTDOWN_GRACE_SECONDS, whole seconds, default 10), then exit 0; 130 when
it ran out and requests were cut (the log says how many). On Kubernetes keep it below the pod's
terminationGracePeriodSeconds less any preStop sleep.
With $ONTOMESH_AUTH_TENANT_ID and $ONTOMESH_AUTH_AUDIENCE set, requests need a Microsoft Entra ID
token with the app role Ontomesh.Read (queries, GETs) or Ontomesh.Write (everything); /healthz,
/readyz and /metrics stay open. Without them the API is open, and a warning says so.

Options:
  --store URL   the store (default: $ONTOMESH_STORE, else sqlite:./data/ontomesh.db)
  --port N      port to listen on (default: $PORT, else 8080; 0 picks a free port)
  --host H      interface to bind (default: all)
  --workers N   worker processes sharing the port: a number, or auto for one per available core
                (default: $ONTOMESH_WORKERS, else auto); 1 serves from a single process
  -h, --help    show this help`,

  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      store: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      workers: { type: 'string' },
    });
    const port = integerOption('port', values.port ?? io.env.PORT, { max: 65_535 }) ?? 8080;
    const workers = workersOption(values.workers ?? (io.env.ONTOMESH_WORKERS || undefined));
    // Imported here so the other commands do not pay for Express, GraphQL and prom-client at startup.
    const { authConfigFromEnv, ClusterWorkerRegistry, createLogger, createMetrics, graceMsFromEnv, logLevelFromEnv, startServer, startTelemetry, telemetryConfigFromEnv } = await import('../../api/index.ts');
    const logLevel = logLevelFromEnv(io.env);
    const logger = createLogger(io.stdout, logLevel, { pid: process.pid });
    // Read before the store opens (and in the primary, before any worker): a bad value stops serve at once.
    const graceMs = graceMsFromEnv(io.env);
    const auth = authConfigFromEnv(io.env);
    const telemetryConfig = telemetryConfigFromEnv(io.env);
    const storeOptions = storeOptionsFromEnv(io.env);
    const { url, isDefault } = resolveStoreUrl(values.store, io.env);
    // Only once every setting is read: a refused one is the only thing serve says.
    if (cluster.isPrimary) logAuth(logger, auth);
    if (cluster.isPrimary && workers > 1) {
      // Here rather than in each worker: a port in use or a bad host is reported once, before any work.
      await probeListen(port, values.host);
      const store = await openStore(url, storeOptions);
      try {
        if (isDefault) await seedDemoMesh(store, logger, undefined, io.signal);
      } finally {
        await store.close();
      }
      if (io.signal.aborted) return exitCodes.ok;
      return (await import('../serveCluster.ts')).runServeCluster({ workers, logger, signal: io.signal });
    }
    const member = cluster.isWorker ? (await import('../serveCluster.ts')).joinServeCluster() : undefined;
    let telemetry: Telemetry | undefined;
    // Everything after joining is in the try: a worker that fails before it serves must leave the cluster to exit.
    try {
      // Each serving process sends its own telemetry (a cluster's primary serves nothing); nothing is loaded when it is off.
      telemetry = telemetryConfig === undefined ? undefined : await startTelemetry(telemetryConfig);
      const serverLogger = telemetry?.logger(logger, logLevel) ?? logger;
      const signal = member ? AbortSignal.any([io.signal, member.stopSignal]) : io.signal;
      const metrics = createMetrics(member ? new ClusterWorkerRegistry() : undefined);
      const store = await openStore(url, storeOptions);
      try {
        const running = await startServer({ store, logger: serverLogger, metrics, port, host: values.host, graceMs, auth, telemetry });
        const seeding = isDefault && !member ? seedDemoMesh(store, serverLogger, metrics, signal) : Promise.resolve();
        if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        await running.close();
        await seeding;
        return running.cutRequests > 0 ? exitCodes.interrupted : exitCodes.ok;
      } finally {
        await store.close();
      }
    } finally {
      await telemetry?.shutdown();
      member?.leave();
    }
  },
};

/** `--workers` / ONTOMESH_WORKERS: a number of processes, or `auto` (the default): os.availableParallelism(). */
function workersOption(value: string | undefined): number {
  return value === undefined || value === 'auto' ? availableParallelism() : integerOption('workers', value, { min: 1, max: 1024 })!;
}

/** Says once (in the primary) whether the API asks for tokens: an open API is a warning, as a production catalog must not be. */
function logAuth(logger: Logger, auth: AuthConfig | undefined): void {
  if (auth === undefined) {
    logger.warn('the API is unauthenticated: anyone who can reach it may read, upload ontologies and register products', { configure: [authVariables.tenant, authVariables.audience] });
  } else {
    logger.info('the API asks for Entra ID tokens', { tenant: auth.tenant, audiences: auth.audiences, readsNeedToken: auth.readsNeedToken, roles: Object.values(appRoles) });
  }
}

/** Loads the demo mesh when the store holds no graph yet; failures are logged, the server keeps running. */
async function seedDemoMesh(store: GraphStore, logger: Logger, metrics: Metrics | undefined, signal: AbortSignal): Promise<void> {
  try {
    if ((await store.graphIds()).length > 0 || !existsSync(demoMeshPath)) return;
    logger.info('loading demo mesh', { path: demoMeshPath, graphId: demoGraphId });
    const summary = await loadOntologies(store, [demoMeshPath], { id: demoGraphId, missingImports: 'warn', allowRemoteImports: [], signal, origin: 'ontomesh serve (demo mesh)' });
    metrics?.loads.inc({ graph: demoGraphId, outcome: 'ok' });
    const products = await registerDemoProducts(store, logger, metrics, signal);
    logger.info('demo mesh loaded', { graphId: summary.graphId, version: summary.version, ...summary.stats, durationMs: Math.round(summary.durationMs), requestCharge: summary.requestCharge, products });
  } catch (error) {
    metrics?.loads.inc({ graph: demoGraphId, outcome: 'error' });
    if (!signal.aborted) logger.error('demo mesh failed to load', { error });
  }
}

/** Registers the demo mesh's descriptors; the number registered (0 when it failed: logged, the ontologies stay). */
async function registerDemoProducts(store: GraphStore, logger: Logger, metrics: Metrics | undefined, signal: AbortSignal): Promise<number> {
  if (!existsSync(demoProductsPath)) return 0;
  try {
    const summary = await registerProducts(store, await readDescriptorFiles([demoProductsPath]), { signal });
    for (const graph of summary.graphs) metrics?.loads.inc({ graph: graph.graphId, outcome: 'ok' });
    return summary.registrations.length;
  } catch (error) {
    if (signal.aborted) throw error;
    logger.error('demo data products failed to register', { error });
    return 0;
  }
}
