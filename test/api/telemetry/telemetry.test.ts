/**
 * Telemetry to Application Insights from the real `ontomesh serve`, against a local stand-in of the
 * ingestion endpoint (ingestionStandIn.ts): a GraphQL request gives a request item named by its route,
 * with its status and GraphQL operation, in the caller's W3C trace; the operation's span; the request's
 * log line as a trace item; the service's Prometheus counters as metrics; and, on a store that sends
 * requests (a real Gremlin Server behind a proxy charging request units as Cosmos DB does), a
 * dependency item per store request with its request charge, under the operation. Without the
 * connection string nothing of OpenTelemetry is loaded.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telemetryConfigFromEnv } from '../../../src/api/telemetry/index.ts';
import { loadOntologies } from '../../../src/load/index.ts';
import { openGremlinStore } from '../../../src/store/gremlin/index.ts';
import { openSqliteStore } from '../../../src/store/sqlite/SqliteGraphStore.ts';
import { startServe, type ServeProcess } from '../../cli/runOntomesh.ts';
import { repoRoot, tempDir } from '../../load/helpers.ts';
import { startFaultProxy, type FaultProxy } from '../../store/gremlin/faultProxy.ts';
import { startGremlinServer, type GremlinServer } from '../../store/gremlin/gremlinServer.ts';
import { startIngestionStandIn, type Envelope, type IngestionStandIn } from './ingestionStandIn.ts';

let ingestion: IngestionStandIn;
let cwd: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ingestion = await startIngestionStandIn();
  ({ dir: cwd, remove } = await tempDir());
});
afterAll(async () => {
  await ingestion?.close();
  await remove?.();
});

/** The child's environment: telemetry to the stand-in, trusting its certificate; statsbeat (the exporter's reports about itself to Microsoft) off, so nothing leaves this machine. */
const telemetryEnv = () => ({
  APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
  NODE_EXTRA_CA_CERTS: ingestion.caFile,
  APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
});

/** Runs `ontomesh serve --store URL` with telemetry on, does `work`, stops it (SIGTERM flushes telemetry); the envelopes it sent. */
async function serveWithTelemetry(store: string, work: (url: string) => Promise<void>): Promise<Envelope[]> {
  const from = ingestion.envelopes.length;
  const serve: ServeProcess = startServe(['--store', store, '--workers', '1'], { cwd, env: telemetryEnv() });
  try {
    await work(String((await serve.waitFor('listening')).url));
  } finally {
    serve.child.kill('SIGTERM');
    const [code] = await once(serve.child, 'exit');
    expect(code).toBe(0);
  }
  return ingestion.envelopes.slice(from);
}

const postGraphql = (url: string, body: object, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const ofType = (envelopes: Envelope[], baseType: string) => envelopes.filter((e) => e.data.baseType === baseType);

describe('telemetry to Application Insights', () => {
  it('loads nothing of OpenTelemetry or the exporter without a connection string, and both with one', async () => {
    // A child process with a resolve hook that records the OpenTelemetry and exporter imports.
    const script = `
      import { registerHooks } from 'node:module';
      const seen = new Set();
      registerHooks({ resolve(specifier, context, next) { if (/^@opentelemetry\\/|^@azure\\/monitor-/.test(specifier)) seen.add(specifier); return next(specifier, context); } });
      const api = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'src/api/index.ts')).href)});
      const config = api.telemetryConfigFromEnv(process.env);
      const telemetry = config === undefined ? undefined : await api.startTelemetry(config);
      await telemetry?.shutdown();
      console.log(JSON.stringify({ on: telemetry !== undefined, seen: [...seen] }));`;
    const run = async (env: NodeJS.ProcessEnv) => {
      const { stdout } = await promisify(execFile)(join(repoRoot, 'node_modules/.bin/node'), ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH, ...env } });
      return JSON.parse(stdout) as { on: boolean; seen: string[] };
    };
    // prom-client imports @opentelemetry/api (for exemplars) whether telemetry is on or not.
    expect(await run({})).toEqual({ on: false, seen: ['@opentelemetry/api'] });
    const on = await run(telemetryEnv());
    expect(on.on).toBe(true);
    expect(on.seen).toEqual(expect.arrayContaining(['@azure/monitor-opentelemetry-exporter', '@opentelemetry/sdk-trace-node', '@opentelemetry/api']));
  });

  it('refuses a connection string without an instrumentation key, and a sampling ratio out of range', () => {
    expect(telemetryConfigFromEnv({})).toBeUndefined();
    expect(() => telemetryConfigFromEnv({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=https://127.0.0.1:1/' })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringContaining('InstrumentationKey') }));
    expect(() => telemetryConfigFromEnv({ APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString, OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringContaining('OTEL_TRACES_SAMPLER_ARG') }));
    expect(telemetryConfigFromEnv({ APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString, OTEL_TRACES_SAMPLER_ARG: '0.25' })).toEqual({ connectionString: ingestion.connectionString, samplingRatio: 0.25, serviceName: 'ontomesh' });
  });

  it('sends a GraphQL request as a request item with its operation and status, in the caller\'s trace, with its operation span, log line and metrics', async () => {
    const path = join(cwd, 'demo.db');
    const store = await openSqliteStore(path);
    await loadOntologies(store, [join(repoRoot, 'ontology')], { id: 'mesh', missingImports: 'warn', allowRemoteImports: [] });
    await store.close();
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const parentId = 'b7ad6b7169203331';
    let requestId = '';
    const envelopes = await serveWithTelemetry(`sqlite:${path}`, async (url) => {
      const response = await postGraphql(url, { query: 'query OntologyIds { ontologies { id } }', operationName: 'OntologyIds' }, { traceparent: `00-${traceId}-${parentId}-01` });
      expect(((await response.json()) as { data: { ontologies: { id: string }[] } }).data.ontologies).toEqual([{ id: 'mesh' }]);
      requestId = response.headers.get('x-request-id')!;
      expect((await postGraphql(url, { query: '{ nope }' })).status).toBe(200); // a validation error, in the body
    });
    expect(new Set(ingestion.paths)).toEqual(new Set(['/v2.1/track']));
    expect(envelopes.every((e) => e.iKey === ingestion.instrumentationKey)).toBe(true);

    const requests = ofType(envelopes, 'RequestData').filter((e) => e.data.baseData.name === 'POST /graphql');
    expect(requests.length).toBe(2);
    const request = requests.find((e) => e.data.baseData.properties?.['graphql.operation.name'] === 'OntologyIds')!;
    expect(request.name).toBe('Microsoft.ApplicationInsights.Request');
    expect(request.data.baseData).toMatchObject({ responseCode: '200', success: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/) });
    expect(request.data.baseData.properties).toMatchObject({ 'graphql.operation.type': 'query', 'ontomesh.request_id': requestId });
    expect(request.tags).toMatchObject({ 'ai.operation.id': traceId, 'ai.operation.parentId': parentId, 'ai.operation.name': 'POST /graphql', 'ai.cloud.role': 'ontomesh' });

    const operation = ofType(envelopes, 'RemoteDependencyData').find((e) => e.data.baseData.name === 'query OntologyIds')!;
    expect(operation.data.baseData).toMatchObject({ type: 'InProc', success: true });
    expect(operation.tags).toMatchObject({ 'ai.operation.id': traceId, 'ai.operation.parentId': request.data.baseData.id });
    // The query that does not validate: no operation to name; the HTTP request itself succeeded.
    const invalid = requests.find((e) => e !== request)!;
    expect(invalid.data.baseData).toMatchObject({ responseCode: '200', success: true });

    const logLine = ofType(envelopes, 'MessageData').find((e) => e.data.baseData.message === 'request' && e.data.baseData.properties?.requestId === requestId)!;
    expect(logLine.data.baseData.properties).toMatchObject({ method: 'POST', path: '/graphql', status: '200', operationName: 'OntologyIds', operationType: 'query' });

    const metrics = ofType(envelopes, 'MetricData').flatMap((e) => (e.data.baseData.metrics as { name: string; value: number }[]).map((m) => ({ ...m, properties: e.data.baseData.properties ?? {} })));
    const sum = (name: string, match: Record<string, string>) => metrics.filter((m) => m.name === name && Object.entries(match).every(([k, v]) => m.properties[k] === v)).reduce((total, m) => total + m.value, 0);
    expect(sum('ontomesh_http_requests_total', { route: '/graphql', status: '200' })).toBe(2);
    expect(sum('ontomesh_graphql_operations_total', { type: 'query', outcome: 'ok' })).toBe(1);
  });

  describe('on a store that sends requests', () => {
    let gremlin: GremlinServer;
    let proxy: FaultProxy;
    let storeUrl: string;
    beforeAll(async () => {
      gremlin = await startGremlinServer();
      proxy = await startFaultProxy(`ws://127.0.0.1:${gremlin.port}/gremlin`, { charge: 2.5 });
      storeUrl = `gremlin://${new URL(proxy.url).host}?language=gremlin-lang&namespace=telemetry`;
      const store = await openGremlinStore(storeUrl, { heartbeatMs: 0 });
      await loadOntologies(store, [join(repoRoot, 'ontology/core.owl')], { id: 'core', missingImports: 'warn', allowRemoteImports: [] });
      await store.close();
    });
    afterAll(async () => {
      await proxy?.close();
      await gremlin?.stop();
    });

    it('sends each store request as a dependency item with its request charge, under the GraphQL operation that made it', async () => {
      let charge = 0;
      const envelopes = await serveWithTelemetry(storeUrl, async (url) => {
        const response = await postGraphql(url, { query: 'query Concepts { search(text: "party") { totalCount } }' });
        charge = ((await response.json()) as { extensions: { requestCharge: number } }).extensions.requestCharge;
      });
      expect(charge).toBeGreaterThan(0);
      const operation = ofType(envelopes, 'RemoteDependencyData').find((e) => e.data.baseData.name === 'query Concepts')!;
      const storeRequests = ofType(envelopes, 'RemoteDependencyData').filter((e) => e.tags['ai.operation.parentId'] === operation.data.baseData.id);
      expect(storeRequests.map((e) => e.data.baseData.name)).toEqual(expect.arrayContaining(['readPointers', 'exportPartition']));
      for (const request of storeRequests) {
        expect(request.data.baseData).toMatchObject({ type: 'gremlin', success: true, target: new URL(proxy.url).host, data: request.data.baseData.name });
      }
      const charged = storeRequests.reduce((total, e) => total + Number(e.data.baseData.properties!['azure.cosmosdb.operation.request_charge']), 0);
      expect(charged).toBe(charge);
    });
  });
});
