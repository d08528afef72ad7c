/**
 * One timed load against one HTTP endpoint with autocannon: a fixed number of connections, each
 * sending its next request as soon as the previous answer is in, for a fixed time. Requests cycle
 * through the query's parameter values in one shared order, so both servers see the same mix.
 */
import autocannon from 'autocannon';
import { cpuSeconds } from './settle.ts';

/** How to ask an endpoint one question. */
export interface HttpQuery {
  url: string;
  headers: Record<string, string>;
  body(value: string): string;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  /** The server's process id, to measure its CPU time during the load (Linux /proc). */
  serverPid?: number;
}

/** What one load measured. Latencies are autocannon's, in whole milliseconds. */
export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers with a status outside 2xx, connection errors and timeouts: any of these makes the load invalid. */
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU used during the load, in cores (1 = one core busy all the time): the load generator (this process) and the server. */
  generatorCores: number;
  serverCores?: number;
}

/**
 * Drives `query` with `values` and resolves with its throughput and latency.
 *
 * @example
 * const result = await runLoad(sparql, ['https://…#Party'], { connections: 50, durationSeconds: 10 });
 */
export async function runLoad(query: HttpQuery, values: readonly string[], options: LoadOptions): Promise<LoadResult> {
  if (values.length === 0) throw new Error('runLoad needs at least one parameter value');
  let next = 0;
  const serverBefore = options.serverPid === undefined ? undefined : cpuSeconds(options.serverPid);
  const generatorBefore = process.cpuUsage();
  const result = await autocannon({
    url: query.url,
    method: 'POST',
    headers: query.headers,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, body: query.body(values[next++ % values.length]!) }) }],
  });
  const generator = process.cpuUsage(generatorBefore);
  const serverAfter = options.serverPid === undefined ? undefined : cpuSeconds(options.serverPid);
  const requests = result.requests.total;
  return {
    requests,
    seconds: result.duration,
    requestsPerSecond: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    generatorCores: (generator.user + generator.system) / 1e6 / result.duration,
    serverCores: serverBefore === undefined || serverAfter === undefined ? undefined : (serverAfter - serverBefore) / result.duration,
  };
}
