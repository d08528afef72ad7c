/**
 * The edges of a version being written, kept as integer rows in one growable typed array (24 bytes an
 * edge) until commit, then sorted twice with a radix sort, so that both edge tables are filled in key
 * order: appending to a B-tree in order is several times cheaper than inserting at random or building
 * an index afterwards.
 */

/** Column offsets of an edge row. */
export const S = 0;
export const P = 1;
export const O = 2;
export const G = 3;
export const INFERRED = 4;
export const DOC = 5;
const width = 6;

export class EdgeBuffer {
  #rows = new Int32Array(width * 4096);
  #count = 0;

  get count(): number {
    return this.#count;
  }

  /** The raw rows (`count * 6` values are meaningful). */
  get rows(): Int32Array {
    return this.#rows;
  }

  push(s: number, p: number, o: number, g: number, inferred: boolean, doc: number): void {
    let at = this.#count * width;
    if (at === this.#rows.length) {
      const grown = new Int32Array(this.#rows.length * 2);
      grown.set(this.#rows);
      this.#rows = grown;
    }
    const rows = this.#rows;
    rows[at++] = s;
    rows[at++] = p;
    rows[at++] = o;
    rows[at++] = g;
    rows[at++] = inferred ? 1 : 0;
    rows[at] = doc;
    this.#count++;
  }

  /**
   * Row numbers ordered by `columns` (most significant first; values are non-negative), stable, so the
   * first of equal rows is the one pushed first. LSD radix sort on 16-bit digits.
   */
  order(columns: readonly number[]): Uint32Array {
    const count = this.#count;
    const rows = this.#rows;
    let order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    let next = new Uint32Array(count);
    const buckets = new Uint32Array(65536);
    for (let c = columns.length - 1; c >= 0; c--) {
      const column = columns[c]!;
      let max = 0;
      for (let i = 0; i < count; i++) max = Math.max(max, rows[i * width + column]!);
      for (let shift = 0; shift < 32 && max >>> shift !== 0; shift += 16) {
        buckets.fill(0);
        for (let i = 0; i < count; i++) buckets[(rows[i * width + column]! >>> shift) & 0xffff]!++;
        for (let b = 0, sum = 0; b < 65536; b++) {
          const n = buckets[b]!;
          buckets[b] = sum;
          sum += n;
        }
        for (let i = 0; i < count; i++) {
          const row = order[i]!;
          next[buckets[(rows[row * width + column]! >>> shift) & 0xffff]!++] = row;
        }
        [order, next] = [next, order];
      }
    }
    return order;
  }
}

/** The offset of `column` of row `row` in {@link EdgeBuffer.rows}. */
export function at(row: number, column: number): number {
  return row * width + column;
}
