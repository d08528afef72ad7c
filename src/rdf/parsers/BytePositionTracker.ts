/**
 * Maps byte offsets in a streamed UTF-8 document to one-based line and column, remembering only
 * the line count before the current chunk and where the current line started, not the text.
 * A line ends at LF, CR or CRLF (one break each), as the Turtle and RDF/XML parsers count them.
 */

/** A line and column, as JSON.parse reports them (both one-based). */
export interface TextPosition {
  line: number;
  column?: number;
}

const LF = 10;
const CR = 13;

/** Tracks line starts across the chunks of one document. */
export class BytePositionTracker {
  /** Byte offset of the current chunk in the document. */
  chunkStart = 0;
  #chunk: Buffer = Buffer.alloc(0);
  #linesBefore = 0;
  #lineStart = 0;
  /** Whether the chunks before the current one ended with CR: an LF opening the current one ends no line. */
  #afterCr = false;

  /** Records the next chunk of the document and returns it. */
  feed(chunk: Buffer): Buffer {
    const { lines, lineStart } = this.#scan(this.#chunk.length);
    this.#linesBefore += lines;
    this.#lineStart = lineStart;
    if (this.#chunk.length > 0) this.#afterCr = this.#chunk[this.#chunk.length - 1] === CR;
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
    const { lines, lineStart } = this.#scan(inChunk);
    const before = lineStart >= this.chunkStart
      ? this.#chunk.subarray(lineStart - this.chunkStart, inChunk).toString('utf8').length
      : inChunk + (this.chunkStart - lineStart);
    return { line: this.#linesBefore + lines + 1, column: before + 1 };
  }

  /**
   * The line breaks among the current chunk's first `limit` bytes, and the document offset where the
   * last line begins. A chunk without CR (most documents) is searched for LF alone.
   */
  #scan(limit: number): { lines: number; lineStart: number } {
    const chunk = this.#chunk;
    let lines = 0;
    let lineStart = this.#lineStart;
    // The LF of a CRLF split across chunks: the CR already ended the line.
    let from = this.#afterCr && limit > 0 && chunk[0] === LF ? 1 : 0;
    if (from === 1) lineStart = this.chunkStart + 1;
    if (chunk.indexOf(CR, from) < 0) {
      for (let lf = chunk.indexOf(LF, from); lf >= 0 && lf < limit; lf = chunk.indexOf(LF, lf + 1)) {
        lines++;
        lineStart = this.chunkStart + lf + 1;
      }
      return { lines, lineStart };
    }
    let lf = chunk.indexOf(LF, from);
    let cr = chunk.indexOf(CR, from);
    while (true) {
      const at = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (at < 0 || at >= limit) return { lines, lineStart };
      from = at === cr && lf === at + 1 && lf < limit ? at + 2 : at + 1;
      lines++;
      lineStart = this.chunkStart + from;
      if (lf >= 0 && lf < from) lf = chunk.indexOf(LF, from);
      if (cr >= 0 && cr < from) cr = chunk.indexOf(CR, from);
    }
  }
}
