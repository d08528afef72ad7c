/**
 * Request charge (Cosmos DB request units) accounting. Cosmos reports the charge of every response in
 * the status attributes `x-ms-total-request-charge` (cumulative over the chunks of one response) and
 * `x-ms-request-charge` (this chunk); TinkerPop servers report none, which counts as 0.
 *
 * Charges add up in three places: the store's running total, the VersionWriter of a load, and any
 * meter opened with `meterRequestCharge` around some work, e.g. one API request. Meters follow the
 * async context, so concurrent API requests each see only their own charge.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** One request as the client saw it: reported to `onRequest` listeners. */
export interface RequestRecord {
  template: string;
  /** Request units charged (0 when the server reports none). */
  charge: number;
  durationMs: number;
  /** 'ok', or the failure kind ('conflict', 'transient', 'fatal'). */
  outcome: 'ok' | 'conflict' | 'transient' | 'fatal';
  /** Cosmos reason code (x-ms-status-code), when present. */
  cosmosStatus?: number;
}

/** A running sum of request charges and request counts. */
export class ChargeMeter {
  requestCharge = 0;
  requests = 0;

  add(record: RequestRecord): void {
    this.requestCharge += record.charge;
    this.requests += 1;
  }
}

const meters = new AsyncLocalStorage<readonly ChargeMeter[]>();

/** Adds a record to every meter open in the current async context. */
export function chargeOpenMeters(record: RequestRecord): void {
  for (const meter of meters.getStore() ?? []) meter.add(record);
}

/**
 * Runs `work` and returns its result with the request charge and request count of the store
 * requests it made (nested meters each see their part).
 *
 * @example
 * const { result, requestCharge } = await meterRequestCharge(() => store.getResource(snapshot, iri));
 */
export async function meterRequestCharge<T>(work: () => Promise<T>): Promise<{ result: T; requestCharge: number; requests: number }> {
  const meter = new ChargeMeter();
  const result = await withMeter(meter, work);
  return { result, requestCharge: meter.requestCharge, requests: meter.requests };
}

/** Runs `work` with `meter` added to the meters of the current async context. */
export function withMeter<T>(meter: ChargeMeter, work: () => Promise<T>): Promise<T> {
  return meters.run([...(meters.getStore() ?? []), meter], work);
}

/** Reads the charge of a response from its status attributes (a plain object or a Map). */
export function chargeOf(attributes: Record<string, unknown>): number {
  const value = attributes['x-ms-total-request-charge'] ?? attributes['x-ms-request-charge'];
  const charge = Number(value ?? 0);
  return Number.isFinite(charge) ? charge : 0;
}
