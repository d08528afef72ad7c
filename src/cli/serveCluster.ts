/**
 * `ontomesh serve --workers N`: N worker processes (node:cluster) share the port, so the service uses
 * more than one core (a GraphQL request is CPU-bound JavaScript). The primary does the one-time work
 * first (serve.ts: opening and migrating the store, seeding the demo mesh), then forks; each worker
 * re-runs `ontomesh serve` with the same arguments over its own store connection. The primary
 * replaces a worker that dies, answers /metrics for all of them (src/api/clusterMetrics.ts), and on
 * SIGTERM/SIGINT asks every worker to drain (their own graceful close) and exits once all have: 0
 * when every worker drained completely, else the first failing worker's exit code (130 when its
 * grace period ran out).
 */
import cluster, { type Worker } from 'node:cluster';
import { serveClusterMetrics } from '../api/clusterMetrics.ts';
import type { Logger } from '../api/logger.ts';
import { exitCodes, type ExitCode } from './exitCodes.ts';

/** The primary's message asking a worker to drain and exit. */
const stopMessage = { type: 'ontomesh:stop' } as const;

export interface ServeClusterOptions {
  workers: number;
  logger: Logger;
  /** Aborted on SIGTERM/SIGINT: the workers drain, then the primary returns. */
  signal: AbortSignal;
}

/**
 * In the primary: keeps `workers` workers serving until `signal` aborts, then drains them. A worker
 * that dies after it listened is logged and replaced; one that exits before it listened (the port is
 * taken, the store is unavailable) stops the cluster with that worker's exit code, rather than
 * forking a failing worker forever.
 */
export async function runServeCluster({ workers, logger, signal }: ServeClusterOptions): Promise<ExitCode> {
  const live = new Set<Worker>();
  const serving = new Set<Worker>();
  const stopRequested = Promise.withResolvers<void>();
  const allExited = Promise.withResolvers<void>();
  let stopping = false;
  let failure: ExitCode | undefined;

  const fork = () => {
    const worker = cluster.fork();
    live.add(worker);
    logger.info('worker started', { worker: worker.process.pid });
  };
  const onListening = (worker: Worker) => {
    serving.add(worker);
    if (stopping) worker.send(stopMessage);
  };
  const onExit = (worker: Worker, code: number | null, exitSignal: NodeJS.Signals | null) => {
    live.delete(worker);
    const wasServing = serving.delete(worker);
    if (stopping) {
      if (code !== exitCodes.ok) failure ??= knownExitCode(code);
      if (live.size === 0) allExited.resolve();
      return;
    }
    const fields = { worker: worker.process.pid, code, signal: exitSignal };
    if (wasServing) {
      logger.error('worker died; starting another', fields);
      fork();
    } else {
      logger.error('worker exited before listening; stopping', fields);
      failure = code === exitCodes.ok ? exitCodes.inputError : knownExitCode(code);
      stopRequested.resolve();
    }
  };

  const stopMetrics = serveClusterMetrics();
  cluster.on('listening', onListening);
  cluster.on('exit', onExit);
  signal.addEventListener('abort', () => stopRequested.resolve(), { once: true });
  if (signal.aborted) stopRequested.resolve();
  try {
    for (let i = 0; i < workers; i++) fork();
    await stopRequested.promise;
    stopping = true;
    if (live.size === 0) allExited.resolve();
    // Workers still starting are asked when they listen (onListening): they install the handler first.
    for (const worker of serving) worker.send(stopMessage);
    await allExited.promise;
    return failure ?? exitCodes.ok;
  } finally {
    cluster.off('listening', onListening);
    cluster.off('exit', onExit);
    stopMetrics();
  }
}

/** A worker's exit code as one of ours (a worker killed by a signal has none: inputError). */
function knownExitCode(code: number | null): ExitCode {
  return (Object.values(exitCodes) as number[]).includes(code ?? -1) ? (code as ExitCode) : exitCodes.inputError;
}

/** In a worker: how it takes part in the cluster. */
export interface ClusterMembership {
  /** Aborted when the primary asks this worker to drain. */
  stopSignal: AbortSignal;
  /** Disconnects from the primary once the worker has closed, so that its process can exit. */
  leave(): void;
}

/** In a worker: listens for the primary's stop request. */
export function joinServeCluster(): ClusterMembership {
  const worker = cluster.worker;
  if (worker === undefined) throw new Error('joinServeCluster is for cluster workers');
  const stop = new AbortController();
  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === stopMessage.type) stop.abort('the primary stops the workers');
  };
  worker.on('message', onMessage);
  return {
    stopSignal: stop.signal,
    leave() {
      worker.off('message', onMessage);
      if (worker.isConnected()) worker.disconnect();
    },
  };
}
