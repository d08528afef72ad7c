/**
 * Maps byte offsets in a streamed UTF-8 document to one-based line and column, remembering only
 * the newline count before the current chunk and where the current line started, not the text.
 */

/** A line and column, as JSON.parse reports them (both one-based). */
export interface TextPosition {
  line: number;
  column?: number;
}

/** Tracks line starts across the chunks of one document. */
export class BytePositionTracker {
  /** Byte offset of the current chunk in the document. */
  chunkStart = 0;
  #chunk: Buffer = Buffer.alloc(0);
  #linesBefore = 0;
  #lineStart = 0;

  /** Records the next chunk of the document and returns it. */
  feed(chunk: Buffer): Buffer {
    let newline = this.#chunk.indexOf(10);
    while (newline >= 0) {
      this.#linesBefore++;
      this.#lineStart = this.chunkStart + newline + 1;
      newline = this.#chunk.indexOf(10, newline + 1);
    }
    this.chunkStart += this.#chunk.length;
    this.#chunk = chunk;
    return chunk;
  }

  /** Byte offset just past the last byte fed. */
  get end(): number {
    return this.chunkStart + this.#chunk.length;
  }

  /** The position of a byte offset; offsets before the current chunk get the line of the chunk start. */
  locate(offset: number): TextPosition {
    if (offset < this.chunkStart) return { line: this.#linesBefore + 1 };
    const inChunk = Math.min(offset, this.end) - this.chunkStart;
    let line = this.#linesBefore + 1;
    let lineStart = this.#lineStart;
    for (let newline = this.#chunk.indexOf(10); newline >= 0 && newline < inChunk; newline = this.#chunk.indexOf(10, newline + 1)) {
      line++;
      lineStart = this.chunkStart + newline + 1;
    }
    const before = lineStart >= this.chunkStart
      ? this.#chunk.subarray(lineStart - this.chunkStart, inChunk).toString('utf8').length
      : inChunk + (this.chunkStart - lineStart);
    return { line, column: before + 1 };
  }
}
