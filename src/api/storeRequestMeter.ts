/**
 * What each HTTP request costs the store, on stores that send requests (Cosmos DB, TinkerPop): a meter
 * per request in the async context, read by the request log (`requestCharge`, `storeRequests`) and by
 * GraphQL (the `requestCharge` response extension), so a client and an operator see the RU of a query.
 */
import type { RequestHandler, Response } from 'express';
import { RequestMeter, roundRequestUnits, withMeter } from '../graph/storeRequests.ts';

/**
 * Runs `handler` with a fresh meter (see storeCostOf). It wraps the handler itself, after the body is
 * parsed: the async context does not follow a request body's stream events, a promise chain it does.
 */
export function metered(handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const meter = new RequestMeter();
    res.locals.storeRequestMeter = meter;
    return withMeter(meter, async () => handler(req, res, next));
  };
}

/** The request's store cost so far, or undefined when the store sends no requests. */
export function storeCostOf(res: Response): { requestCharge: number; storeRequests: number } | undefined {
  const meter = res.locals.storeRequestMeter as RequestMeter | undefined;
  if (meter === undefined) return undefined;
  return { requestCharge: roundRequestUnits(meter.requestCharge), storeRequests: meter.requests };
}
