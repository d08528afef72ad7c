/**
 * POST (and GET) /graphql: graphql-http's spec-compliant handler over the executable schema, with a
 * fresh context (one snapshot) per request over the read models this handler keeps (one per
 * snapshot), parsed and validated documents cached by query text, repeated documents executed
 * compiled (compiledExecution.ts), operation metrics, the store's
 * request charge as the `requestCharge` extension (stores that report it), and unexpected errors logged with the request id before they are masked.
 */
import type { RequestHandler } from 'express';
import { getOperationAST, type GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/express';
import type { GraphStore } from '../../graph/GraphStore.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { requestId } from '../requestLog.ts';
import { storeCostOf } from '../storeRequestMeter.ts';
import { ReadModels } from '../readModel/index.ts';
import { compiledExecution } from './compiledExecution.ts';
import { createContext, type GraphqlContext } from './context.ts';
import { documentCache } from './documentCache.ts';
import { formatError, isUnexpected } from './formatError.ts';
import { OwlViews } from './owlViews.ts';

export interface GraphqlHandlerOptions {
  schema: GraphQLSchema;
  store: GraphStore;
  logger: Logger;
  metrics: Metrics;
}

/** The Express handler for /graphql. */
export function graphqlHandler({ schema, store, logger, metrics }: GraphqlHandlerOptions): RequestHandler {
  const models = new ReadModels(store, {
    onBuilt: (model, ms) => logger.info('read model built', { snapshot: model.snapshot.versions, ...model.counts, durationMs: Math.round(ms) }),
  });
  const owlViews = new OwlViews(store);
  return createHandler<GraphqlContext>({
    schema,
    ...documentCache(),
    execute: compiledExecution(),
    context: () => createContext({ store, models, owlViews }),
    formatError,
    onOperation(req, args, result) {
      const type = getOperationAST(args.document, args.operationName)?.operation ?? 'unknown';
      const errors = result.errors ?? [];
      metrics.graphqlOperations.inc({ type, outcome: errors.length > 0 ? 'error' : 'ok' });
      const res = req.context.res;
      res.locals.logFields = { operationName: args.operationName ?? undefined, graphqlErrors: errors.length || undefined };
      for (const error of errors) {
        if (isUnexpected(error)) logger.error('graphql resolver failed', { requestId: requestId(res), path: error.path, error: error.originalError });
      }
      const cost = storeCostOf(res);
      return cost === undefined ? undefined : { ...result, extensions: { ...result.extensions, ...cost } };
    },
  });
}
