/**
 * POST (and GET) /graphql: graphql-http's spec-compliant handler over the executable schema, with a
 * fresh context (one snapshot) per request over the read models this handler keeps (one per
 * snapshot), parsed and validated documents cached by query text, queries over the depth or cost
 * limit refused before they run (queryComplexityRule.ts), repeated documents executed
 * compiled (compiledExecution.ts), operation metrics, the store's
 * request charge as the `requestCharge` extension (stores that report it), malformed requests
 * answered with a GraphQL error that says what is wrong (requestParams.ts; a refused method or Accept
 * header too), and unexpected errors
 * logged with the request id and their stack before they are masked.
 */
import { STATUS_CODES } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { getOperationAST, type GraphQLSchema } from 'graphql';
import { createHandler, type Response as HttpResponse, type ResponseHeaders } from 'graphql-http';
import { errorCodes, OntomeshError, type ErrorCode, type ErrorLocation } from '../../errors/index.ts';
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
import { queryComplexityRule } from './queryComplexityRule.ts';
import { queryLimitsFromEnv, type QueryLimits } from './queryLimits.ts';
import { jsonBodyReader, requestParams } from './requestParams.ts';

export interface GraphqlHandlerOptions {
  schema: GraphQLSchema;
  store: GraphStore;
  logger: Logger;
  metrics: Metrics;
  /** Depth and cost limits of a query (default: from ONTOMESH_GRAPHQL_MAX_DEPTH / _COST, else queryLimits.ts's defaults). */
  limits?: QueryLimits;
}

/**
 * The Express handler for /graphql (it reads the request body itself).
 *
 * @throws OntomeshError BAD_REQUEST when the limits' environment variables are not positive integers.
 */
export function graphqlHandler({ schema, store, logger, metrics, limits = queryLimitsFromEnv(process.env) }: GraphqlHandlerOptions): RequestHandler {
  const models = new ReadModels(store, {
    onBuilt: (model, ms) => logger.info('read model built', { snapshot: model.snapshot.versions, ...model.counts, durationMs: Math.round(ms) }),
  });
  const owlViews = new OwlViews(store);
  /** An error response: the error's code and message, or INTERNAL, logged with its stack. */
  const failure = (error: unknown, res: Response): HttpResponse => {
    if (error instanceof OntomeshError && error.code !== 'INTERNAL') return errorResponse(error.code, error.message, error.location);
    logger.error('graphql request failed', { requestId: requestId(res), error });
    return errorResponse('INTERNAL', 'Internal error');
  };
  const readBody = jsonBodyReader();
  const handle = createHandler<Request, { res: Response }, GraphqlContext>({
    schema,
    ...documentCache([queryComplexityRule(limits)]),
    parseRequestParams(req) {
      try {
        return requestParams(req.raw);
      } catch (error) {
        return failure(error, req.context.res);
      }
    },
    execute: compiledExecution(),
    context: () => createContext({ store, models, owlViews }),
    formatError,
    onOperation(req, args, result) {
      const operation = getOperationAST(args.document, args.operationName);
      const type = operation?.operation ?? 'unknown';
      const errors = result.errors ?? [];
      metrics.graphqlOperations.inc({ type, outcome: errors.length > 0 ? 'error' : 'ok' });
      const res = req.context.res;
      res.locals.logFields = { operationName: operation?.name?.value, operationType: type, graphqlErrors: errors.length || undefined };
      for (const error of errors) {
        if (isUnexpected(error)) logger.error('graphql resolver failed', { requestId: requestId(res), path: error.path, error: error.originalError });
      }
      const cost = storeCostOf(res);
      return cost === undefined ? undefined : { ...result, extensions: { ...result.extensions, ...cost } };
    },
  });
  return async (req, res) => {
    let response: HttpResponse;
    try {
      await readBody(req, res);
      response = await handle({ url: req.url, method: req.method, headers: req.headers, body: null, raw: req, context: { res } });
    } catch (error) {
      response = failure(error, res);
    }
    const [body, init] = withErrorBody(response, req);
    res.writeHead(init.status, init.statusText, init.headers).end(body);
  };
}

/**
 * graphql-http refuses a method other than GET and POST (405, with `Allow`) and an `Accept` header
 * allowing none of its media types (406, with the ones it serves in `Accept`) with an empty body; the
 * spec asks for those statuses only, so they get the error body of every other refusal, headers kept.
 */
function withErrorBody(response: HttpResponse, req: Request): HttpResponse {
  const [body, { status, headers = {} }] = response;
  if (body !== null) return response;
  if (status === 405) {
    return errorResponse('METHOD_NOT_ALLOWED', `the GraphQL endpoint takes ${headers.allow} requests, not ${req.method}`, { term: req.method }, headers);
  }
  if (status === 406) {
    const accept = req.get('accept') ?? '';
    return errorResponse('NOT_ACCEPTABLE', `the GraphQL endpoint answers ${headers.accept}, which the Accept header "${accept}" does not allow`, { term: accept }, headers);
  }
  return response;
}

/** A GraphQL-over-HTTP error body (`{ errors: [{ message, extensions: { code } }] }`) with the code's HTTP status, and `headers` besides its Content-Type. */
function errorResponse(code: ErrorCode, message: string, location: ErrorLocation = {}, headers: ResponseHeaders = {}): HttpResponse {
  const { status } = errorCodes[code];
  return [
    JSON.stringify({ errors: [{ message, extensions: { code, ...location } }] }),
    { status, statusText: STATUS_CODES[status] ?? '', headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } },
  ];
}
