/**
 * Entry of the read worker (see readInWorker.ts): runs readOntologies on the paths and options in
 * `workerData` and posts what it produces to the main thread (rows of term ids: the typed arrays are
 * transferred, not copied, the strings packed into one: packedRows.ts), with at most `maxInFlight`
 * batches unacknowledged, so a slow store holds the parser back instead of filling memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { OntomeshError } from '../errors/index.ts';
import { readOntologies, type LoadProgress, type ReadOptions } from './readOntologies.ts';
import type { WorkerMessage } from './readInWorker.ts';
import { packRows, transferables } from './packedRows.ts';

const port = parentPort!;
const { paths, options, maxInFlight } = workerData as { paths: string[]; options: ReadOptions; maxInFlight: number };
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let inFlight = 0;
let credit: (() => void) | undefined;
port.on('message', () => {
  inFlight--;
  credit?.();
  credit = undefined;
});

/** Progress goes out at most every 100 ms, and on every change of phase. */
let lastProgress = 0;
let lastPhase: LoadProgress['phase'] | undefined;
function onProgress(progress: LoadProgress): void {
  const now = performance.now();
  if (progress.phase === lastPhase && now - lastProgress < 100) return;
  lastProgress = now;
  lastPhase = progress.phase;
  post({ type: 'progress', progress });
}

try {
  const result = await readOntologies(paths, options, {
    begin: (graphId, derived) => post({ type: 'begin', graphId, ...(derived && { derived }) }),
    async rows(batch) {
      const packed = packRows(batch);
      post({ type: 'rows', packed }, transferables(packed));
      if (++inFlight >= maxInFlight) await new Promise<void>((resolve) => (credit = resolve));
    },
    assertedDone: () => post({ type: 'asserted' }),
  }, { onProgress });
  post({ type: 'done', result });
} catch (error) {
  post({
    type: 'error',
    error: error instanceof OntomeshError
      ? { code: error.code, message: error.message, location: error.location, details: error.details }
      : { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
  });
}
