/**
 * The HTTP application: health and readiness probes, Prometheus metrics, GraphQL (with GraphiQL
 * for browsers), JSON errors from the error registry. No listening here (see startServer.ts), so
 * tests and embedders can mount it anywhere.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { asOntomeshError } from '../errors/index.ts';
import type { GraphStore } from '../graph/GraphStore.ts';
import { answerOptions, noRoute } from './allowedMethods.ts';
import { apiAuth, type AuthConfig } from './auth/index.ts';
import { clientError } from './clientError.ts';
import { graphiqlAssets, graphiqlHtml } from './graphql/graphiql.ts';
import { graphqlHandler } from './graphql/graphqlHandler.ts';
import { createSchema } from './graphql/schema.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import { metered } from './storeRequestMeter.ts';
import { requestId, requestLog } from './requestLog.ts';
import { restRouter, type RestOptions } from './rest/index.ts';
import type { Telemetry } from './telemetry/index.ts';

export interface AppOptions {
  store: GraphStore;
  logger: Logger;
  metrics: Metrics;
  /** True once shutdown began: /readyz turns 503 so the load balancer stops sending traffic. */
  isShuttingDown(): boolean;
  /** Limits of the REST routes (ontology uploads, descriptors). */
  rest?: RestOptions;
  /** Application Insights telemetry (src/api/telemetry), when it is on. */
  telemetry?: Telemetry;
  /** Entra ID tokens for everything but the probes, /metrics and the GraphiQL page; absent: open. */
  auth?: AuthConfig;
}

/** Builds the Express application. */
export function createApp({ store, logger, metrics, isShuttingDown, rest, auth: authConfig, telemetry }: AppOptions): Express {
  const auth = authConfig === undefined ? undefined : apiAuth(authConfig, logger);
  const app = express();
  app.disable('x-powered-by');
  if (telemetry) app.use(telemetry.requests);
  app.use(requestLog(logger, metrics));
  app.use(answerOptions(app.router));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const reason = isShuttingDown() ? 'shutting down' : !(await store.ready()) ? 'store not ready' : (await store.graphIds()).length === 0 ? 'no graph loaded' : undefined;
    res.status(reason === undefined ? 200 : 503).json(reason === undefined ? { status: 'ready' } : { status: 'not ready', reason });
  });

  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const graphiql = graphiqlHtml('/graphql');
  app.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html') res.type('html').send(graphiql);
    else next();
  });
  app.use('/graphql', graphiqlAssets());
  const graphqlOnly = graphqlHandler({ schema: createSchema(), store, logger, metrics });
  const graphql = telemetry ? telemetry.graphql(graphqlOnly) : graphqlOnly;
  if (auth !== undefined) app.all('/graphql', auth.graphql);
  app.all('/graphql', store.onRequest === undefined ? graphql : metered(graphql));

  if (auth !== undefined) app.use(auth.rest);
  app.use(restRouter(store, metrics, rest));

  app.use(noRoute(app.router));
  app.use((thrown: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const error = asOntomeshError(clientError(thrown));
    if (error.code === 'INTERNAL') logger.error('request failed', { requestId: requestId(res), error: thrown });
    const body = error.code === 'INTERNAL' ? { code: error.code, message: 'Internal error' } : error.toJSON();
    res.status(error.status).json({ error: body });
  });
  return app;
}
