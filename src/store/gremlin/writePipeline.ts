/**
 * Runs the write requests of a version writer with bounded concurrency across batches, so the server
 * always has the next request at hand: a batch's vertex requests start at once, its other requests
 * (facts need their vertices) once every vertex request accepted so far has finished, and the writer
 * returns to its caller while requests still run, as long as no more than a few per slot wait. The
 * first failure stops what has not started yet and is what `failure`, `drain()` report.
 */

/** One request (with its retries). */
export type WriteTask = () => Promise<void>;

export class WritePipeline {
  readonly #concurrency: number;
  readonly #backlog: number;
  #running = 0;
  /** Tasks accepted and not finished: waiting for their gate or a slot, or running. */
  #pending = 0;
  readonly #slots: (() => void)[] = [];
  readonly #waiters: { below: number; resolve: () => void }[] = [];
  /** Settles when every vertex request accepted so far has finished (rejects if one failed). */
  #vertices: Promise<void> = Promise.resolve();
  #failure: { error: unknown } | undefined;

  /** @param backlog tasks that may wait (beyond the running ones) before `ready()` holds the caller back */
  constructor(concurrency: number, backlog = 4 * concurrency) {
    this.#concurrency = Math.max(1, concurrency);
    this.#backlog = backlog;
  }

  /** The first failure, if a request failed. */
  get failure(): unknown {
    return this.#failure?.error;
  }

  get failed(): boolean {
    return this.#failure !== undefined;
  }

  /** Accepts the requests of one batch: `vertices` run now, `facts` after every vertex request so far. */
  enqueue(vertices: readonly WriteTask[], facts: readonly WriteTask[]): void {
    const done = Promise.all(vertices.map((task) => this.#schedule(task, Promise.resolve())));
    const gate = Promise.all([this.#vertices, done]).then(() => undefined);
    gate.catch(() => undefined);
    this.#vertices = gate;
    for (const task of facts) void this.#schedule(task, gate).catch(() => undefined);
  }

  /** Resolves once few enough requests wait (back-pressure for the caller). */
  ready(): Promise<void> {
    return this.#until(this.#backlog + this.#concurrency);
  }

  /** Waits for every accepted request; throws the first failure. */
  async drain(): Promise<void> {
    await this.#until(0);
    if (this.#failure) throw this.#failure.error;
  }

  /** Waits for every accepted request, whatever happened. */
  settle(): Promise<void> {
    return this.#until(0);
  }

  #schedule(task: WriteTask, after: Promise<void>): Promise<void> {
    this.#pending++;
    const done = after.then(async () => {
      await this.#acquire();
      try {
        if (!this.#failure) await task();
      } catch (error) {
        // Recorded before the slot is released, so no waiting request starts after a failure.
        this.#failure ??= { error };
        throw error;
      } finally {
        this.#release();
      }
    });
    void done.catch(() => undefined).finally(() => {
      this.#pending--;
      for (const waiter of this.#waiters.filter((w) => this.#pending <= w.below)) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
    return done;
  }

  #acquire(): Promise<void> {
    if (this.#running < this.#concurrency) {
      this.#running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#slots.push(() => {
      this.#running++;
      resolve();
    }));
  }

  #release(): void {
    this.#running--;
    this.#slots.shift()?.();
  }

  #until(below: number): Promise<void> {
    if (this.#pending <= below) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ below, resolve }));
  }
}
