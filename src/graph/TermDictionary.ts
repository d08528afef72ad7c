/**
 * The terms of one load as dense integer ids: node ids, predicate, datatype and graph IRIs are
 * interned once, where quads are mapped, so that dedupe, entailment and the store writer all work on
 * integers (and a store can take the ids as its own, as the SQLite dictionary does).
 */

/**
 * A two-way map between term strings and ids 1, 2, 3, ... in order of first use. Id 0 stands for the
 * default graph and is never handed out.
 *
 * @example
 * const terms = new TermDictionary();
 * terms.id('http://example.org/a'); // 1
 * terms.takeNew(); // { firstTerm: 1, terms: ['http://example.org/a'] }
 */
export class TermDictionary {
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [''];
  /** Terms up to this id have been handed out by takeNew(). */
  #taken = 0;

  /** One more than the largest id handed out (ids are 1 .. size - 1). */
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

  /** The terms that got ids since the last call, with the first one's id. */
  takeNew(): { firstTerm: number; terms: string[] } {
    const firstTerm = this.#taken + 1;
    this.#taken = this.#terms.length - 1;
    return { firstTerm, terms: this.#terms.slice(firstTerm) };
  }
}
