/**
 * A buffered text writer over a Node.js writable stream that honours its back-pressure: text is
 * gathered into chunks of about 64 KB, and a flush waits for `drain` when the stream asks to.
 */
import { once } from 'node:events';

const CHUNK_LENGTH = 1 << 16;

/** Buffered output for one serialization. It never ends the stream: the caller owns it. */
export class TextOutput {
  readonly #stream: NodeJS.WritableStream;
  #parts: string[] = [];
  #length = 0;

  constructor(stream: NodeJS.WritableStream) {
    this.#stream = stream;
  }

  /** Appends text to the buffer. */
  write(text: string): void {
    this.#parts.push(text);
    this.#length += text.length;
  }

  /** Writes the buffer out if it has grown past a chunk; call between batches. */
  async flushIfFull(): Promise<void> {
    if (this.#length >= CHUNK_LENGTH) await this.flush();
  }

  /** Writes the buffer out and waits while the stream is over its high-water mark. */
  async flush(): Promise<void> {
    if (this.#length === 0) return;
    const errored = (this.#stream as { errored?: unknown }).errored;
    if (errored) throw errored;
    const chunk = this.#parts.join('');
    this.#parts = [];
    this.#length = 0;
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
  }
}
