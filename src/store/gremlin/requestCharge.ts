/**
 * Request charge (Cosmos DB request units) as a response reports it: Cosmos puts the charge of every
 * response in the status attributes `x-ms-total-request-charge` (cumulative over the chunks of one
 * response) and `x-ms-request-charge` (this chunk); TinkerPop servers report none, which counts as 0.
 * Where charges add up (per store, per load, per API request): src/graph/storeRequests.ts.
 */

/** Reads the charge of a response from its status attributes (a plain object or a Map). */
export function chargeOf(attributes: Record<string, unknown>): number {
  const value = attributes['x-ms-total-request-charge'] ?? attributes['x-ms-request-charge'];
  const charge = Number(value ?? 0);
  return Number.isFinite(charge) ? charge : 0;
}
