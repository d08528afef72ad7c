/**
 * (subject, predicate, object) id triples in insertion order, in three Int32Array columns: 12 bytes a
 * triple, against hundreds for objects or strings. The entailment closure keeps the asserted facts in
 * these. A fact stated twice is kept twice: everything that reads them deduplicates what it derives
 * (see Closure), and an append costs a fraction of a hash-set insert on the load's busiest thread.
 */

const INITIAL_ROWS = 1024;

/** An append-only list of integer triples. */
export class TripleList {
  #subjects = new Int32Array(INITIAL_ROWS);
  #predicates = new Int32Array(INITIAL_ROWS);
  #objects = new Int32Array(INITIAL_ROWS);
  #size = 0;

  /** How many triples the list holds. */
  get size(): number {
    return this.#size;
  }

  add(s: number, p: number, o: number): void {
    if (this.#size === this.#subjects.length) this.#growRows();
    const row = this.#size++;
    this.#subjects[row] = s;
    this.#predicates[row] = p;
    this.#objects[row] = o;
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

  /** Every triple's subject, in order (a view, valid until the next add). */
  subjects(): Int32Array {
    return this.#subjects.subarray(0, this.#size);
  }

  /** Every triple's predicate, in order (a view, valid until the next add). */
  predicates(): Int32Array {
    return this.#predicates.subarray(0, this.#size);
  }

  /** Every triple's object, in order (a view, valid until the next add). */
  objects(): Int32Array {
    return this.#objects.subarray(0, this.#size);
  }

  #growRows(): void {
    const rows = this.#subjects.length * 2;
    this.#subjects = grown(this.#subjects, rows);
    this.#predicates = grown(this.#predicates, rows);
    this.#objects = grown(this.#objects, rows);
  }
}

function grown(column: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(length);
  next.set(column);
  return next;
}
