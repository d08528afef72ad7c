/**
 * The edges of a version being written, kept as integer rows (24 bytes an edge) in fixed-size typed
 * array chunks until commit, then sorted twice with a radix sort, so that both edge tables are filled
 * in key order: appending to a B-tree in order is several times cheaper than inserting at random or
 * building an index afterwards. Chunks grow memory by small steps, with no copy of everything so far.
 */

/** Column offsets of an edge row. */
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

export class EdgeBuffer {
  readonly #chunks: Int32Array[] = [];
  #count = 0;
  /** The arrays of the last sort: order, the other order, keys. */
  #scratch: [Uint32Array, Uint32Array, Uint32Array] | undefined;

  get count(): number {
    return this.#count;
  }

  push(s: number, p: number, o: number, g: number, inferred: boolean, doc: number): void {
    const row = this.#count & rowMask;
    if (row === 0) this.#chunks.push(new Int32Array(rowsPerChunk * width));
    const chunk = this.#chunks[this.#chunks.length - 1]!;
    let at = row * width;
    chunk[at++] = s;
    chunk[at++] = p;
    chunk[at++] = o;
    chunk[at++] = g;
    chunk[at++] = inferred ? 1 : 0;
    chunk[at] = doc;
    this.#count++;
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

  /** Value of `column` in row `row`. */
  get(row: number, column: number): number {
    return this.#chunks[row >>> rowsPerChunkBits]![(row & rowMask) * width + column]!;
  }

  /** Copies row `row` into `target` at `offset`, in the order of `columns`. */
  copy(row: number, columns: readonly number[], target: unknown[], offset: number): void {
    const chunk = this.#chunks[row >>> rowsPerChunkBits]!;
    const at = (row & rowMask) * width;
    for (let i = 0; i < columns.length; i++) target[offset + i] = chunk[at + columns[i]!];
  }

  /** True when rows `a` and `b` are the same edge (subject, predicate, object and graph). */
  sameEdge(a: number, b: number): boolean {
    const ca = this.#chunks[a >>> rowsPerChunkBits]!;
    const cb = this.#chunks[b >>> rowsPerChunkBits]!;
    const ia = (a & rowMask) * width;
    const ib = (b & rowMask) * width;
    return ca[ia + S] === cb[ib + S] && ca[ia + P] === cb[ib + P] && ca[ia + O] === cb[ib + O] && ca[ia + G] === cb[ib + G];
  }

  /**
   * Row numbers ordered by `columns` (most significant first; values are non-negative), stable, so the
   * first of equal rows is the one pushed first. LSD radix sort on 16-bit digits. The arrays are reused:
   * the result is valid until the next call.
   */
  order(columns: readonly number[]): Uint32Array {
    const count = this.#count;
    if (this.#scratch?.[0].length !== count) this.#scratch = [new Uint32Array(count), new Uint32Array(count), new Uint32Array(count)];
    let [order, next] = this.#scratch;
    const keys = this.#scratch[2];
    for (let i = 0; i < count; i++) order[i] = i;
    const buckets = new Uint32Array(65536);
    for (let c = columns.length - 1; c >= 0; c--) {
      const column = columns[c]!;
      let max = 0;
      for (let chunk = 0, row = 0; row < count; chunk++) {
        const values = this.#chunks[chunk]!;
        for (let at = column; row < count && at < values.length; at += width, row++) {
          keys[row] = values[at]!;
          max = Math.max(max, values[at]!);
        }
      }
      for (let shift = 0; shift < 32 && max >>> shift !== 0; shift += 16) {
        buckets.fill(0);
        for (let i = 0; i < count; i++) buckets[(keys[i]! >>> shift) & 0xffff]!++;
        for (let b = 0, sum = 0; b < 65536; b++) {
          const n = buckets[b]!;
          buckets[b] = sum;
          sum += n;
        }
        for (let i = 0; i < count; i++) {
          const row = order[i]!;
          next[buckets[(keys[row]! >>> shift) & 0xffff]!++] = row;
        }
        [order, next] = [next, order];
      }
    }
    this.#scratch = [order, next, keys];
    return order;
  }
}
