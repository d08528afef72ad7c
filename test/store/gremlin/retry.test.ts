import { describe, expect, it } from 'vitest';
import { cosmosDialect, tinkerpopDialect } from '../../../src/store/gremlin/dialect.ts';
import { classifyFailure, defaultRetryPolicy, parseRetryAfter, retryDelay } from '../../../src/store/gremlin/retry.ts';

const cosmos = (code: number, extra: Record<string, unknown> = {}) => ({ code: 500, message: 'x', attributes: { 'x-ms-status-code': code, ...extra } });

describe('retry decisions', () => {
  it('reads x-ms-retry-after-ms as a .NET TimeSpan', () => {
    expect(parseRetryAfter('00:00:03.9500000')).toBeCloseTo(3950);
    expect(parseRetryAfter('00:01:00')).toBe(60_000);
    expect(parseRetryAfter('1.00:00:00.5')).toBe(86_400_500);
    expect(parseRetryAfter('250')).toBe(250);
    expect(parseRetryAfter(12)).toBe(12);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('retries Cosmos throttling and the retryable reason codes, honouring retry-after', () => {
    expect(classifyFailure(cosmos(429, { 'x-ms-retry-after-ms': '00:00:00.2500000' }), cosmosDialect)).toEqual({ kind: 'transient', throttled: true, reconnect: false, retryAfterMs: 250 });
    expect(classifyFailure(cosmos(1007), cosmosDialect)).toMatchObject({ kind: 'transient', reconnect: true });
    expect(classifyFailure(cosmos(1008), cosmosDialect)).toMatchObject({ kind: 'transient', reconnect: true });
    expect(classifyFailure(cosmos(412), cosmosDialect)).toMatchObject({ kind: 'transient', throttled: false });
    expect(classifyFailure(cosmos(409), cosmosDialect)).toEqual({ kind: 'conflict' });
    expect(classifyFailure(cosmos(1004), cosmosDialect)).toEqual({ kind: 'fatal', unauthorized: false });
    expect(classifyFailure(cosmos(401), cosmosDialect)).toEqual({ kind: 'fatal', unauthorized: true });
  });

  it('treats a missing response as a dropped socket, TinkerPop "already exists" and a lost concurrent transaction as conflicts', () => {
    expect(classifyFailure(undefined, tinkerpopDialect())).toEqual({ kind: 'transient', throttled: false, reconnect: true });
    expect(classifyFailure({ code: 597, message: 'Vertex with id already exists: a', attributes: {} }, tinkerpopDialect())).toEqual({ kind: 'conflict' });
    expect(classifyFailure({ code: 597, message: 'Conflict: element modified in another transaction', attributes: {} }, tinkerpopDialect())).toEqual({ kind: 'conflict' });
    expect(classifyFailure({ code: 597, message: 'No such property: x', attributes: {} }, tinkerpopDialect())).toMatchObject({ kind: 'fatal' });
    expect(classifyFailure({ code: 598, message: 'timeout', attributes: {} }, tinkerpopDialect())).toMatchObject({ kind: 'transient' });
  });

  it('never waits less than the server asked, and adds jitter on top', () => {
    const failure = { kind: 'transient', throttled: true, reconnect: false, retryAfterMs: 1000 } as const;
    expect(retryDelay(failure, 1, defaultRetryPolicy, () => 0)).toBe(1000);
    expect(retryDelay(failure, 1, defaultRetryPolicy, () => 1)).toBeGreaterThan(1000);
  });

  it('backs off exponentially with jitter when the server gives no delay', () => {
    const failure = { kind: 'transient', throttled: false, reconnect: true } as const;
    const delays = [1, 2, 3, 10].map((attempt) => retryDelay(failure, attempt, defaultRetryPolicy, () => 0.5));
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(delays[2]!).toBeGreaterThan(delays[1]!);
    expect(delays[3]!).toBeLessThanOrEqual(defaultRetryPolicy.maxDelayMs);
    expect(retryDelay({ kind: 'conflict' }, 1, defaultRetryPolicy)).toBe(0);
  });
});
