/**
 * A set of integer pairs that empties in constant time: the closure keeps the (predicate, object)
 * pairs already derived for the current node in one, cleared for every node. Typed arrays with a
 * generation stamp per slot, so clearing a million times allocates nothing.
 */

/** A clearable open-addressing hash set of (a, b) integer pairs. */
export class PairSet {
  #a = new Int32Array(64);
  #b = new Int32Array(64);
  /** The generation a slot was filled in; a slot of an older generation is empty. */
  #generation = new Int32Array(64);
  #current = 1;
  #size = 0;

  /** Removes every pair. */
  clear(): void {
    this.#size = 0;
    if (++this.#current === 0x7fffffff) {
      this.#generation.fill(0);
      this.#current = 1;
    }
  }

  /** Whether the pair is there. */
  has(a: number, b: number): boolean {
    const mask = this.#a.length - 1;
    for (let slot = hash(a, b) & mask; this.#generation[slot] === this.#current; slot = (slot + 1) & mask) {
      if (this.#a[slot] === a && this.#b[slot] === b) return true;
    }
    return false;
  }

  /** Adds the pair; true when it was not there yet. */
  add(a: number, b: number): boolean {
    if ((this.#size + 1) * 2 > this.#a.length) this.#grow();
    const mask = this.#a.length - 1;
    let slot = hash(a, b) & mask;
    while (this.#generation[slot] === this.#current) {
      if (this.#a[slot] === a && this.#b[slot] === b) return false;
      slot = (slot + 1) & mask;
    }
    this.#a[slot] = a;
    this.#b[slot] = b;
    this.#generation[slot] = this.#current;
    this.#size++;
    return true;
  }

  #grow(): void {
    const [a, b, generation, current] = [this.#a, this.#b, this.#generation, this.#current];
    const slots = a.length * 2;
    this.#a = new Int32Array(slots);
    this.#b = new Int32Array(slots);
    this.#generation = new Int32Array(slots);
    this.#current = 1;
    this.#size = 0;
    for (let slot = 0; slot < a.length; slot++) if (generation[slot] === current) this.add(a[slot]!, b[slot]!);
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return h ^ (h >>> 15);
}
