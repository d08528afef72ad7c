/**
 * The edges of a version being written, kept as integer rows (24 bytes an edge) in fixed-size typed
 * array chunks until they are written, then sorted with a radix sort, so that each edge table is
 * filled in key order: appending to a B-tree in order is several times cheaper than inserting at
 * random or building an index afterwards. Chunks grow memory by small steps, with no copy of
 * everything so far.
 */

/** Column offsets of an edge row (the layout of FactRows.edges). */
export const S = 0;
export const P = 1;
export const O = 2;
export const G = 3;
export const INFERRED = 4;
export const DOC = 5;
const width = 6;
const rowsPerChunkBits = 16;
const rowsPerChunk = 1 << rowsPerChunkBits;
const rowMask = rowsPerChunk - 1;
/** Row counts below this are sorted by comparisons, not by radix. */
const smallSort = 4096;

export class EdgeBuffer {
  #chunks: Int32Array[] = [];
  #count = 0;
  /** The arrays of the last sort: order, the other order, keys. */
  #scratch: [Uint32Array, Uint32Array, Uint32Array] | undefined;

  get count(): number {
    return this.#count;
  }

  /** Appends rows laid out as FactRows.edges (the same six columns). */
  pushRows(rows: Int32Array): void {
    for (let at = 0; at < rows.length; ) {
      const row = this.#count & rowMask;
      if (row === 0) this.#chunks.push(new Int32Array(rowsPerChunk * width));
      const take = Math.min(rowsPerChunk - row, (rows.length - at) / width);
      this.#chunks[this.#chunks.length - 1]!.set(rows.subarray(at, at + take * width), row * width);
      this.#count += take;
      at += take * width;
    }
  }

  /** Drops every row, and the memory they took. */
  clear(): void {
    this.#chunks = [];
    this.#count = 0;
    this.#scratch = undefined;
  }

  /** Value of `column` in row `row`. */
  get(row: number, column: number): number {
    return this.#chunks[row >>> rowsPerChunkBits]![(row & rowMask) * width + column]!;
  }

  /**
   * Copies row `row` into `target` at `offset`: the columns `first`, P and `third` (S, P, O for the
   * outgoing order, O, P, S for the incoming one), then G, INFERRED and DOC.
   */
  copy(row: number, first: number, third: number, target: unknown[], offset: number): void {
    const chunk = this.#chunks[row >>> rowsPerChunkBits]!;
    const at = (row & rowMask) * width;
    target[offset] = chunk[at + first];
    target[offset + 1] = chunk[at + P];
    target[offset + 2] = chunk[at + third];
    target[offset + 3] = chunk[at + G];
    target[offset + 4] = chunk[at + INFERRED];
    target[offset + 5] = chunk[at + DOC];
  }

  /**
   * Row numbers `from` .. `to` - 1, ordered by `columns` (most significant first; values are
   * non-negative), stable, so the first of equal rows is the one pushed first. LSD radix sort on
   * 16-bit digits, 8-bit ones below 65,536 rows (where clearing and summing 65,536 buckets per pass
   * costs more than a second pass over the rows); a comparison sort below a few thousand rows. The
   * arrays are reused: the result is valid until the next call.
   */
  order(columns: readonly number[], from = 0, to = this.#count): Uint32Array {
    const count = to - from;
    if (count < smallSort) return this.#compareSort(columns, from, to);
    if (this.#scratch?.[0].length !== count) this.#scratch = [new Uint32Array(count), new Uint32Array(count), new Uint32Array(count)];
    let [order, next] = this.#scratch;
    const keys = this.#scratch[2];
    for (let i = 0; i < count; i++) order[i] = i;
    const digitBits = radixDigitBits(count);
    const digitMask = (1 << digitBits) - 1;
    const buckets = new Uint32Array(1 << digitBits);
    for (let c = columns.length - 1; c >= 0; c--) {
      const column = columns[c]!;
      let max = 0;
      for (let i = 0; i < count; i++) {
        const row = from + i;
        const value = this.#chunks[row >>> rowsPerChunkBits]![(row & rowMask) * width + column]!;
        keys[i] = value;
        if (value > max) max = value;
      }
      for (let shift = 0; shift < 32 && max >>> shift !== 0; shift += digitBits) {
        buckets.fill(0);
        for (let i = 0; i < count; i++) buckets[(keys[i]! >>> shift) & digitMask]!++;
        for (let b = 0, sum = 0; b < buckets.length; b++) {
          const n = buckets[b]!;
          buckets[b] = sum;
          sum += n;
        }
        for (let i = 0; i < count; i++) {
          const index = order[i]!;
          next[buckets[(keys[index]! >>> shift) & digitMask]!++] = index;
        }
        [order, next] = [next, order];
      }
    }
    this.#scratch = [order, next, keys];
    if (from !== 0) for (let i = 0; i < count; i++) order[i]! += from;
    return order;
  }

  /** {@link order} by comparisons (ties by row number, so it is stable too). */
  #compareSort(columns: readonly number[], from: number, to: number): Uint32Array {
    const order = new Uint32Array(to - from);
    for (let i = 0; i < order.length; i++) order[i] = from + i;
    return order.sort((a, b) => {
      const ca = this.#chunks[a >>> rowsPerChunkBits]!;
      const cb = this.#chunks[b >>> rowsPerChunkBits]!;
      const ia = (a & rowMask) * width;
      const ib = (b & rowMask) * width;
      for (const column of columns) {
        const d = ca[ia + column]! - cb[ib + column]!;
        if (d !== 0) return d;
      }
      return a - b;
    });
  }
}

/**
 * Bits per digit of a radix sort of `count` items: 16 (65,536 buckets, two passes per 32-bit key), or
 * 8 below 65,536 items, where the buckets would cost more than the passes they save.
 */
export function radixDigitBits(count: number): number {
  return count < 65536 ? 8 : 16;
}
