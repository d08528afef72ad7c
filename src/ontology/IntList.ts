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

  /** The item at `index` (0 <= index < length). */
  at(index: number): number {
    return this.#items[index]!;
  }
}
