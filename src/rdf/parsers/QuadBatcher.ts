/**
 * Collects the quads a parser emits into batches for a QuadSink, so the sink sees a few large
 * calls instead of one per quad, and the parser can await the sink (back-pressure) between chunks.
 */
import type { Quad } from '@rdfjs/types';
import type { QuadSink } from '../parse.ts';

/** Quads per batch: large enough to amortise a store write, small enough to bound memory. */
export const BATCH_SIZE = 2048;

/** A growing batch of quads for one sink; parsers `add` synchronously and `flush` between input chunks. */
export class QuadBatcher {
  readonly #sink: QuadSink;
  #batch: Quad[] = [];

  constructor(sink: QuadSink) {
    this.#sink = sink;
  }

  add(quad: Quad): void {
    this.#batch.push(quad);
  }

  /** Whether the batch has reached {@link BATCH_SIZE} and should be flushed before reading on. */
  get full(): boolean {
    return this.#batch.length >= BATCH_SIZE;
  }

  /** Hands the pending quads to the sink and waits for it. */
  async flush(): Promise<void> {
    if (this.#batch.length === 0) return;
    const batch = this.#batch;
    this.#batch = [];
    await this.#sink.quads(batch);
  }
}
