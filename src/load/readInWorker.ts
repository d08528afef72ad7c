/**
 * The read side of a load in a worker thread, so that parsing, mapping and the entailment closure
 * (one core) overlap with the store's writes (the other): same contract as readOntologies, with the
 * sink called on this thread, in order, one batch at a time.
 */
import { Worker } from 'node:worker_threads';
import { OntomeshError, type ErrorCode, type ErrorLocation } from '../errors/index.ts';
import { unpackRows, type PackedRows } from './packedRows.ts';
import type { DerivedGraphId, FactSink, LoadProgress, ReadHooks, ReadOptions, ReadResult } from './readOntologies.ts';

/**
 * Batches of rows the worker may send ahead of the store (each is ~2,000 quads, ~100 KB). Enough to
 * ride out the store's longest steps (a chunk of the full-text index, a run of `out`, a commit: up to
 * ~0.1 s each) without holding the parser back: with 16, the worker waited 0.1-0.15 s in all at 1M.
 */
const maxInFlight = 64;

/** What the worker posts. */
export type WorkerMessage =
  | { type: 'begin'; graphId: string; derived?: DerivedGraphId }
  | { type: 'rows'; packed: PackedRows }
  | { type: 'asserted' }
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'done'; result: ReadResult }
  | { type: 'error'; error: { code?: ErrorCode; message: string; location?: ErrorLocation; details?: Record<string, unknown>; stack?: string } };

/**
 * readOntologies in a worker. Rejects with the worker's error (OntomeshErrors keep code and location);
 * `hooks.signal` stops the worker.
 */
export function readInWorker(paths: string[], options: ReadOptions, sink: FactSink, hooks: ReadHooks = {}): Promise<ReadResult> {
  const worker = new Worker(new URL('./readWorker.ts', import.meta.url), { workerData: { paths, options, maxInFlight } });
  return new Promise<ReadResult>((resolve, reject) => {
    let settled = false;
    let queue = Promise.resolve();
    const settle = (error: unknown, result?: ReadResult) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      // Let a store write in progress finish before the caller aborts the version.
      void queue.then(() => (result === undefined ? reject(error) : resolve(result)));
    };
    const onAbort = () => settle(hooks.signal!.reason);
    hooks.signal?.addEventListener('abort', onAbort, { once: true });

    const handle = async (message: WorkerMessage) => {
      if (settled) return;
      switch (message.type) {
        case 'begin':
          await sink.begin(message.graphId, message.derived);
          break;
        case 'rows':
          await sink.rows(unpackRows(message.packed));
          worker.postMessage('credit');
          break;
        case 'asserted':
          await sink.assertedDone?.();
          break;
        case 'progress':
          hooks.onProgress?.(message.progress);
          break;
        case 'done':
          settle(undefined, message.result);
          break;
        case 'error': {
          const { code, message: text, location, details, stack } = message.error;
          if (code !== undefined) settle(new OntomeshError(code, text, location, details));
          else settle(Object.assign(new Error(text), { stack }));
        }
      }
    };
    // The sink is async (store writes): messages are handled strictly one after the other.
    worker.on('message', (message: WorkerMessage) => {
      queue = queue.then(() => handle(message)).catch((error: unknown) => settle(error));
    });
    worker.on('error', (error) => settle(error));
    worker.on('exit', (code) => settle(new OntomeshError('INTERNAL', `the load worker stopped unexpectedly (exit code ${code})`)));
    if (hooks.signal?.aborted) onAbort();
  });
}
