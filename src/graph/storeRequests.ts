/**
 * The requests a remote store (Cosmos DB, a TinkerPop server) sends and what they cost, in a form the
 * layers above the port can use without knowing the store: a load sums its writes, the API one GraphQL
 * request's reads, metrics every request. Embedded stores send no requests and report nothing.
 *
 * Meters follow the async context (AsyncLocalStorage), so concurrent API requests each see only their
 * own store requests, and nested meters (a load inside a request) each see their part.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** One request as the store's client saw it. */
export interface StoreRequest {
  template: string;
  /** Request units charged (Cosmos DB's x-ms-total-request-charge; 0 when the server reports none). */
  charge: number;
  durationMs: number;
  /** 'ok', or the failure kind ('conflict', 'transient', 'fatal'). */
  outcome: 'ok' | 'conflict' | 'transient' | 'fatal';
  /** Cosmos DB's reason code (x-ms-status-code), when present. */
  cosmosStatus?: number;
}

/** A running sum of request charges and request counts. */
export class RequestMeter {
  requestCharge = 0;
  requests = 0;

  add(request: StoreRequest): void {
    this.requestCharge += request.charge;
    this.requests += 1;
  }
}

const meters = new AsyncLocalStorage<readonly RequestMeter[]>();

/** Adds a request to every meter open in the current async context (called by store clients). */
export function meterRequest(request: StoreRequest): void {
  for (const meter of meters.getStore() ?? []) meter.add(request);
}

/** Runs `work` with `meter` added to the meters of the current async context. */
export function withMeter<T>(meter: RequestMeter, work: () => Promise<T>): Promise<T> {
  return meters.run([...(meters.getStore() ?? []), meter], work);
}

/**
 * Runs `work` and returns its result with the request charge and request count of the store
 * requests it made.
 *
 * @example
 * const { result, requestCharge } = await meterRequests(() => store.getResource(snapshot, iri));
 */
export async function meterRequests<T>(work: () => Promise<T>): Promise<{ result: T; requestCharge: number; requests: number }> {
  const meter = new RequestMeter();
  const result = await withMeter(meter, work);
  return { result, requestCharge: meter.requestCharge, requests: meter.requests };
}

/** Request units to two decimals, as Cosmos DB reports them. */
export function roundRequestUnits(charge: number): number {
  return Math.round(charge * 100) / 100;
}
