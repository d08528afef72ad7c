/**
 * Spans of the HTTP service: one server span per request (an Application Insights request named
 * `METHOD route`, e.g. `POST /graphql`, with its status) and, inside a /graphql request, one span per
 * GraphQL operation named as OpenTelemetry's GraphQL conventions say (`query DiscoverParty`). The
 * operation's name and type are also set on the request span, so requests can be told apart by
 * operation in Application Insights though they share one route.
 */
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import {
  ATTR_CLIENT_ADDRESS, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_URL_FULL, ATTR_URL_PATH, ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import type { RequestHandler, Response } from 'express';
import { routeOf } from '../requestLog.ts';

// OpenTelemetry's GraphQL attributes are still incubating: named here, as its docs advise, rather than imported.
const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';

/** Middleware starting a server span per request, in the trace of the caller's `traceparent` when it sends one. */
export function requestSpans(tracer: Tracer): RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(req.method, {
      kind: SpanKind.SERVER,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: req.method,
        [ATTR_URL_PATH]: req.path,
        // Without the query string: a GET /graphql carries the whole query and its variables there.
        [ATTR_URL_FULL]: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.path}`,
        [ATTR_CLIENT_ADDRESS]: req.ip ?? '',
        [ATTR_USER_AGENT_ORIGINAL]: req.get('user-agent') ?? '',
      },
    }, parent);
    let ended = false;
    const end = (aborted: boolean) => {
      if (ended) return;
      ended = true;
      const route = routeOf(req);
      if (route !== 'unmatched') span.setAttribute(ATTR_HTTP_ROUTE, route);
      span.updateName(`${req.method} ${route === 'unmatched' ? req.path : route}`);
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (typeof res.locals.requestId === 'string') span.setAttribute('ontomesh.request_id', res.locals.requestId);
      if (aborted) span.setStatus({ code: SpanStatusCode.ERROR, message: 'the client closed the connection before the response was sent' });
      else if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.on('finish', () => end(false));
    res.on('close', () => end(!res.writableFinished));
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Wraps the GraphQL handler in a span per operation (OpenTelemetry's GraphQL span). */
export function graphqlSpans(tracer: Tracer): (handler: RequestHandler) => RequestHandler {
  return (handler) => (req, res, next) => {
    const request = trace.getActiveSpan();
    return tracer.startActiveSpan('GraphQL Operation', { kind: SpanKind.INTERNAL }, async (span) => {
      try {
        await handler(req, res, next);
      } finally {
        describeOperation(span, request, res);
        span.end();
      }
    });
  };
}

/** Names the operation's span and sets its name and type on both spans, from what the GraphQL handler logged. */
function describeOperation(span: Span, request: Span | undefined, res: Response): void {
  const fields = res.locals.logFields as { operationName?: string; operationType?: string; graphqlErrors?: number } | undefined;
  if (fields?.operationType === undefined) return;
  const attributes = { [ATTR_GRAPHQL_OPERATION_TYPE]: fields.operationType, ...(fields.operationName ? { [ATTR_GRAPHQL_OPERATION_NAME]: fields.operationName } : {}) };
  span.updateName(fields.operationName ? `${fields.operationType} ${fields.operationName}` : fields.operationType);
  span.setAttributes(attributes);
  request?.setAttributes(attributes);
  if (fields.graphqlErrors) span.setStatus({ code: SpanStatusCode.ERROR, message: `${fields.graphqlErrors} GraphQL error(s)` });
}
