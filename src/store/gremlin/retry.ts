/**
 * When and how long to wait before trying a store request again. Cosmos answers throttling with
 * `x-ms-status-code` 429 and `x-ms-retry-after-ms` (a .NET TimeSpan such as "00:00:03.9500000"), asks
 * for a retry on another connection with 1007/1008, and reports conflicts (409) and optimistic
 * concurrency failures (412) that a retry resolves. A dropped socket is retried on a new one.
 */
import { cosmosStatus, type Dialect, type ResponseStatus } from './dialect.ts';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff delay when the server gives no retry-after; doubles per attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The retry budget: total time one operation may spend waiting before it gives up. */
  maxTotalDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 12, baseDelayMs: 100, maxDelayMs: 5_000, maxTotalDelayMs: 60_000 };

/** Why a request failed, as far as retrying is concerned. */
export type Failure =
  /** The id exists (or a concurrent write won): retry at once; writers switch to read-then-write. */
  | { kind: 'conflict' }
  /** Worth retrying after a delay; `reconnect` asks for a fresh connection first. */
  | { kind: 'transient'; throttled: boolean; reconnect: boolean; retryAfterMs?: number }
  /** Retrying cannot help (bad script, missing vertex, authentication, limits). */
  | { kind: 'fatal'; unauthorized: boolean };

/** Cosmos reason codes worth retrying (FACTS §1.7; 409 is classified as a conflict before these). */
const retryableCosmos = new Set([412, 429, 449, 503, 1007, 1008, 1009]);
/** Gremlin Server status codes: 429 too many requests, 598 server timeout. */
const retryableGremlin = new Set([429, 598]);

/** Parses a .NET TimeSpan (`[d.]hh:mm:ss[.fffffff]`) or a plain number of milliseconds. */
export function parseRetryAfter(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const timeSpan = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(value.trim());
  if (timeSpan) {
    const [, days = '0', hours = '0', minutes = '0', seconds = '0', fraction = ''] = timeSpan;
    const ms = ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000;
    return ms + Number(`0.${fraction || '0'}`) * 1000;
  }
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) && number >= 0 ? number : undefined;
}

/** Classifies a failed response; `undefined` status means the socket failed (no response at all). */
export function classifyFailure(status: ResponseStatus | undefined, dialect: Dialect): Failure {
  if (!status || status.code === undefined) return { kind: 'transient', throttled: false, reconnect: true };
  if (dialect.isConflict(status)) return { kind: 'conflict' };
  const cosmos = cosmosStatus(status);
  if (cosmos !== undefined && retryableCosmos.has(cosmos)) {
    const retryAfterMs = parseRetryAfter(status.attributes['x-ms-retry-after-ms']);
    return { kind: 'transient', throttled: cosmos === 429, reconnect: cosmos === 1007 || cosmos === 1008, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  if (cosmos === undefined && retryableGremlin.has(status.code)) return { kind: 'transient', throttled: status.code === 429, reconnect: false };
  return { kind: 'fatal', unauthorized: status.code === 401 || cosmos === 401 || cosmos === 403 };
}

/**
 * The delay before attempt `attempt` (1 = first retry). A server-given retry-after is honoured and
 * never shortened; jitter is added on top of it so throttled writers do not return in lockstep.
 * Without one, exponential backoff with "equal jitter" (half fixed, half random).
 */
export function retryDelay(failure: Failure, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  if (failure.kind !== 'transient') return 0;
  if (failure.retryAfterMs !== undefined) return failure.retryAfterMs * (1 + 0.2 * random()) + 5 * random();
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return ceiling / 2 + (ceiling / 2) * random();
}
