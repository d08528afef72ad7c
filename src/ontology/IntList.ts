/**
 * A growable list of 32-bit integers: the entailment closure keeps its edges and ids in these
 * instead of arrays of objects, so a million edges cost a few megabytes.
 */

/** An append-only Int32Array that doubles when full. */
export class IntList {
  #items: Int32Array;
  #length = 0;

  constructor(capacity = 64) {
    this.#items = new Int32Array(Math.max(capacity, 4));
  }

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    if (this.#length === this.#items.length) {
      const grown = new Int32Array(this.#items.length * 2);
      grown.set(this.#items);
      this.#items = grown;
    }
    this.#items[this.#length++] = value;
  }

  /** Empties the list, keeping its storage. */
  clear(): void {
    this.#length = 0;
  }

  /** The items as an array of their own. */
  toArray(): Int32Array {
    return this.#items.slice(0, this.#length);
  }

  /**
   * Sorts the items as (first, second) pairs, by first then second: by insertion when there are few
   * (a node's entailed facts usually are), else through one numeric sort of packed keys.
   */
  sortPairs(): void {
    const items = this.#items;
    const length = this.#length;
    if (length <= 64) {
      for (let i = 2; i < length; i += 2) {
        const a = items[i]!;
        const b = items[i + 1]!;
        let j = i;
        for (; j > 0 && (items[j - 2]! > a || (items[j - 2] === a && items[j - 1]! > b)); j -= 2) {
          items[j] = items[j - 2]!;
          items[j + 1] = items[j - 1]!;
        }
        items[j] = a;
        items[j + 1] = b;
      }
      return;
    }
    // Ids are non-negative 31-bit integers: first * 2^31 + second is exact in a double and orders the pairs.
    const keys = new Float64Array(length / 2);
    for (let i = 0; i < keys.length; i++) keys[i] = items[2 * i]! * 2 ** 31 + items[2 * i + 1]!;
    keys.sort();
    for (let i = 0; i < keys.length; i++) {
      items[2 * i] = Math.floor(keys[i]! / 2 ** 31);
      items[2 * i + 1] = keys[i]! % 2 ** 31;
    }
  }

  /** Keeps the first `length` items (length <= this.length). */
  truncate(length: number): void {
    this.#length = length;
  }

  /** Replaces the item at `index` (0 <= index < length). */
  set(index: number, value: number): void {
    this.#items[index] = value;
  }

  /** The item at `index` (0 <= index < length). */
  at(index: number): number {
    return this.#items[index]!;
  }
}
