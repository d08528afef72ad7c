/**
 * A set of (subject, predicate, object) id triples in insertion order: three Int32Array columns and
 * an open-addressing hash table of row numbers. About 20 bytes a triple, against hundreds for a
 * Set of strings; the entailment closure keeps asserted and inferred facts in two of these.
 */

const INITIAL_ROWS = 1024;

/** An insertion-ordered set of integer triples. */
export class TripleSet {
  #subjects = new Int32Array(INITIAL_ROWS);
  #predicates = new Int32Array(INITIAL_ROWS);
  #objects = new Int32Array(INITIAL_ROWS);
  #size = 0;
  /** Row number + 1 per slot; 0 marks an empty slot. Never more than half full. */
  #table = new Int32Array(INITIAL_ROWS * 2);

  /** How many distinct triples the set holds. */
  get size(): number {
    return this.#size;
  }

  has(s: number, p: number, o: number): boolean {
    return this.#table[this.#slot(s, p, o)] !== 0;
  }

  /** Adds the triple; true when it was not there yet. */
  add(s: number, p: number, o: number): boolean {
    const slot = this.#slot(s, p, o);
    if (this.#table[slot] !== 0) return false;
    if (this.#size === this.#subjects.length) this.#growRows();
    const row = this.#size++;
    this.#subjects[row] = s;
    this.#predicates[row] = p;
    this.#objects[row] = o;
    this.#table[slot] = row + 1;
    if (this.#size * 2 > this.#table.length) this.#rehash(this.#table.length * 2);
    return true;
  }

  /** The subject of the `row`-th triple added (0 <= row < size). */
  subject(row: number): number {
    return this.#subjects[row]!;
  }

  predicate(row: number): number {
    return this.#predicates[row]!;
  }

  object(row: number): number {
    return this.#objects[row]!;
  }

  /** The slot holding the triple, or the empty slot where it would go (linear probing). */
  #slot(s: number, p: number, o: number): number {
    const mask = this.#table.length - 1;
    let slot = hash(s, p, o) & mask;
    for (let row = this.#table[slot]!; row !== 0; row = this.#table[slot]!) {
      const r = row - 1;
      if (this.#subjects[r] === s && this.#predicates[r] === p && this.#objects[r] === o) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  #growRows(): void {
    const rows = this.#subjects.length * 2;
    this.#subjects = grown(this.#subjects, rows);
    this.#predicates = grown(this.#predicates, rows);
    this.#objects = grown(this.#objects, rows);
  }

  #rehash(slots: number): void {
    this.#table = new Int32Array(slots);
    const mask = slots - 1;
    for (let r = 0; r < this.#size; r++) {
      let slot = hash(this.#subjects[r]!, this.#predicates[r]!, this.#objects[r]!) & mask;
      while (this.#table[slot] !== 0) slot = (slot + 1) & mask;
      this.#table[slot] = r + 1;
    }
  }
}

/** A 32-bit mix of three ids (multiply-xorshift, as in MurmurHash3's finaliser). */
function hash(s: number, p: number, o: number): number {
  let h = Math.imul(s, 0x9e3779b1) ^ Math.imul(p, 0x85ebca77) ^ Math.imul(o, 0xc2b2ae3d);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return h ^ (h >>> 16);
}

function grown(column: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(length);
  next.set(column);
  return next;
}
