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
  readonly #terms: string[] = [''];
  /**
   * Up to {@link mapTerms} terms, ids are looked up in a Map: V8 hashes the strings natively, which is
   * about twice as fast as hash() while the process is cold (a load of a 20K-triple ontology in a
   * fresh process). Beyond, the table below takes over.
   */
  #small: Map<string, number> | undefined = new Map();
  /** Per id, the term's hash (see hash()); filled when the Map is left. */
  #hashes = new Int32Array(0);
  /**
   * Open addressing (linear probing) over ids, 0 for an empty slot, never more than half full. A large
   * load looks up a few million freshly parsed strings in a dictionary of hundreds of thousands; a Map
   * of strings took about twice as long for that in a micro-benchmark, this keeps the probes in two
   * typed arrays.
   */
  #slots = new Int32Array(0);
  /** Terms up to this id have been handed out by takeNew(). */
  #taken = 0;

  /** One more than the largest id handed out (ids are 1 .. size - 1). */
  get size(): number {
    return this.#terms.length;
  }

  /** The id of `term`, assigning the next one on first use. */
  id(term: string): number {
    const small = this.#small;
    if (small !== undefined) {
      let id = small.get(term);
      if (id === undefined) {
        small.set(term, (id = this.#terms.length));
        this.#terms.push(term);
        if (id === mapTerms) this.#leaveMap();
      }
      return id;
    }
    const h = hash(term);
    const mask = this.#slots.length - 1;
    let slot = h & mask;
    for (let id = this.#slots[slot]!; id !== 0; id = this.#slots[slot]!) {
      if (this.#hashes[id] === h && this.#terms[id] === term) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.#terms.length;
    this.#terms.push(term);
    if (id === this.#hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.#hashes);
      this.#hashes = hashes;
    }
    this.#hashes[id] = h;
    this.#slots[slot] = id;
    if (id * 2 > mask) this.#rehash(this.#slots.length * 2);
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

  /** Moves every term from the Map to the typed-array table. */
  #leaveMap(): void {
    this.#small = undefined;
    this.#hashes = new Int32Array(this.#terms.length * 2);
    for (let id = 1; id < this.#terms.length; id++) this.#hashes[id] = hash(this.#terms[id]!);
    this.#rehash(mapTerms * 4);
  }

  /** Rebuilds the table with `size` slots (a power of two, more than twice the terms). */
  #rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = slots.length - 1;
    for (let id = 1; id < this.#terms.length; id++) {
      let slot = this.#hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.#slots = slots;
  }
}

/** Terms looked up in a Map before the typed-array table takes over. */
const mapTerms = 1 << 16;

/** FNV-1a over the UTF-16 code units, with a final mix so the low bits (the slot) depend on every unit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return h ^ (h >>> 15);
}
