/**
 * Interning: each distinct term string gets a small integer id, so the entailment closure stores
 * and compares integers and keeps one copy of each IRI.
 */

/** What the closure needs of a dictionary: ids for terms (assigned on first use), and back. */
export interface Terms {
  /** One more than the largest id. */
  readonly size: number;
  id(term: string): number;
  term(id: number): string;
}

/** A two-way map between term strings and dense ids 0, 1, 2, ... in order of first use. */
export class TermIds implements Terms {
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];

  /** How many terms have an id. */
  get size(): number {
    return this.#terms.length;
  }

  /** The id of `term`, assigning the next one on first use. */
  id(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#ids.set(term, id);
      this.#terms.push(term);
    }
    return id;
  }

  /** The term of an id handed out by id(). */
  term(id: number): string {
    return this.#terms[id]!;
  }
}
