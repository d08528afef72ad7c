/**
 * Per-request bookkeeping: a request id (the caller's `x-request-id`, as Istio/Envoy sets it, or a
 * new UUID) echoed in the response, one JSON log line when the response ends, and the HTTP metrics
 * labelled by route pattern (not raw path, which would explode the label set).
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import { storeCostOf } from './storeRequestMeter.ts';

const requestIdPattern = /^[\w.:-]{1,128}$/;

/** The `res.locals` key of the fields about the request's caller (auth/apiAuth.ts sets them) in its log line. */
export const callerLogFields = 'callerLogFields';

/** The id of the request, set by requestLog. */
export function requestId(res: Response): string {
  return res.locals.requestId as string;
}

/** Express middleware that logs and measures each request. */
export function requestLog(logger: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const incoming = req.get('x-request-id');
    const id = incoming !== undefined && requestIdPattern.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req);
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method, route }, seconds);
      const level = res.statusCode >= 500 ? 'error' : 'info';
      logger.log(level, 'request', {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1e4) / 10,
        requestId: id,
        ...storeCostOf(res),
        ...(res.locals[callerLogFields] as Record<string, unknown> | undefined),
        ...(res.locals.logFields as Record<string, unknown> | undefined),
      });
    });
    next();
  };
}

/** The route pattern the request matched (`/ontologies/:id`), `unmatched` when none did. */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}
