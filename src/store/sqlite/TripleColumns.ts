/**
 * Integer triples (the entailment closure's edges: node, predicate, other end) in three columns, sorted
 * in place by a radix sort that moves the values themselves: each pass reads the columns in order, so a
 * sort of millions of triples stays in cache-friendly sequential reads, and the sorted triples are read
 * the same way (an index sort would gather them at random).
 */

import { radixDigitBits } from './EdgeBuffer.ts';

/** Columns of a triple. */
export const SUBJECT = 0;
export const PREDICATE = 1;
export const OBJECT = 2;

export class TripleColumns {
  #columns: [Int32Array, Int32Array, Int32Array] = [new Int32Array(1024), new Int32Array(1024), new Int32Array(1024)];
  #count = 0;

  get count(): number {
    return this.#count;
  }

  /** The column (valid until the next push). */
  column(column: number): Int32Array {
    return this.#columns[column]!;
  }

  push(subject: number, predicate: number, object: number): void {
    if (this.#count === this.#columns[0].length) {
      this.#columns = this.#columns.map((values) => {
        const grown = new Int32Array(values.length * 2);
        grown.set(values);
        return grown;
      }) as [Int32Array, Int32Array, Int32Array];
    }
    const at = this.#count++;
    this.#columns[0][at] = subject;
    this.#columns[1][at] = predicate;
    this.#columns[2][at] = object;
  }

  /** Keeps the first `count` triples. */
  truncate(count: number): void {
    this.#count = Math.min(count, this.#count);
  }

  /** Overwrites triple `at` (used to compact in place). */
  set(at: number, subject: number, predicate: number, object: number): void {
    this.#columns[0][at] = subject;
    this.#columns[1][at] = predicate;
    this.#columns[2][at] = object;
  }

  /**
   * Sorts triples `from` .. `to` - 1 by subject, predicate and object. The closure yields a node's facts
   * together, nodes in order: then only each node's few facts need sorting (by insertion); else it is a
   * {@link sort}.
   */
  sortBySubject(from = 0, to = this.#count): void {
    const [s, p, o] = this.#columns;
    for (let i = from + 1; i < to; i++) if (s[i]! < s[i - 1]!) return this.sort([SUBJECT, PREDICATE, OBJECT], from, to);
    for (let i = from + 1; i < to; i++) {
      const subject = s[i]!;
      const predicate = p[i]!;
      const object = o[i]!;
      let j = i;
      for (; j > from && s[j - 1] === subject && (p[j - 1]! > predicate || (p[j - 1] === predicate && o[j - 1]! > object)); j--) {
        p[j] = p[j - 1]!;
        o[j] = o[j - 1]!;
      }
      p[j] = predicate;
      o[j] = object;
    }
  }

  /**
   * Sorts triples `from` .. `to` - 1 by `keys` (columns, most significant first; values are
   * non-negative), stable: triples equal in the keys keep their order. LSD radix sort (digits as in
   * EdgeBuffer.order).
   */
  sort(keys: readonly number[], from = 0, to = this.#count): void {
    const count = to - from;
    if (count < 2) return;
    const source: Int32Array[] = this.#columns.map((values) => values.subarray(from, to));
    let target: Int32Array[] = source.map(() => new Int32Array(count));
    let current = source;
    const digitBits = radixDigitBits(count);
    const digitMask = (1 << digitBits) - 1;
    const buckets = new Int32Array(1 << digitBits);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      let max = 0;
      for (const value of current[key]!) if (value > max) max = value;
      for (let shift = 0; shift < 32 && max >>> shift !== 0; shift += digitBits) {
        const values = current[key]!;
        buckets.fill(0);
        for (let i = 0; i < count; i++) buckets[(values[i]! >>> shift) & digitMask]!++;
        for (let b = 0, sum = 0; b < buckets.length; b++) {
          const n = buckets[b]!;
          buckets[b] = sum;
          sum += n;
        }
        const [s, p, o] = current as [Int32Array, Int32Array, Int32Array];
        const [ts, tp, tObject] = target as [Int32Array, Int32Array, Int32Array];
        for (let i = 0; i < count; i++) {
          const at = buckets[(values[i]! >>> shift) & digitMask]!++;
          ts[at] = s[i]!;
          tp[at] = p[i]!;
          tObject[at] = o[i]!;
        }
        [current, target] = [target, current];
      }
    }
    if (current !== source) for (let c = 0; c < 3; c++) source[c]!.set(current[c]!);
  }
}
