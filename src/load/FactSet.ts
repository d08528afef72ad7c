/**
 * The set of facts a load has written, so a triple stated twice (in one file, or in two files of an
 * imports closure, as DPV's SKOS and OWL modules do) is written and counted once: an RDF graph is a set.
 *
 * Facts come as term ids of the load's dictionary (plus a literal's lexical form and language). A Set
 * of keys would cost dozens of bytes a fact; this keeps four integers per fact in open-addressing
 * tables of Int32Array slots (16 bytes a slot, at most half full): an edge as it is (subject,
 * predicate, object, graph), a literal fact as a 128-bit fingerprint (MurmurHash3 x86_128 over its fields and texts). Two
 * distinct literal facts share a fingerprint with probability about n²/2¹²⁹ (10⁻²⁷ for a million
 * facts, 10⁻²¹ for a billion): far below hardware error rates.
 */

import { edgeWidth, literalWidth, type FactRows } from '../graph/FactRows.ts';

const initialSlots = 1 << 12;
/** Below this many slots (1 MiB of table) the table grows fourfold at a time. */
const smallTableSlots = 1 << 16;

/** The facts seen so far: edges as they are, literal facts by fingerprint. */
export class FactSet {
  readonly #edges = new SlotTable(true);
  readonly #literals = new SlotTable(false);

  /** Distinct facts added (asserted ones only, through keepNew). */
  get size(): number {
    return this.#edges.size + this.#literals.size;
  }

  /** Adds the edge (term ids, a subject never 0; graph 0 is the default graph); true when it was not in the set yet. */
  addEdge(subject: number, predicate: number, object: number, graph: number): boolean {
    return this.#edges.insert(subject, predicate, object, graph);
  }

  /** Adds the literal fact; true when it was not in the set yet. `language` as in FactRows.languages. */
  addLiteral(subject: number, predicate: number, graph: number, datatype: number, lexical: string, language: string): boolean {
    // Five words, then each string as its length and its UTF-16 code units two to a word.
    const needed = 7 + ((language.length + 1) >>> 1) + ((lexical.length + 1) >>> 1);
    if (needed > words.length) words = new Int32Array(Math.max(needed, words.length * 2));
    const w = words;
    w[0] = 2;
    w[1] = subject;
    w[2] = predicate;
    w[3] = graph;
    w[4] = datatype;
    let n = textWords(w, 5, language);
    n = textWords(w, n, lexical);
    murmur128(w, n);
    return this.#literals.insert(hash[0]! | 1, hash[1]!, hash[2]!, hash[3]!);
  }

  /**
   * Drops the asserted facts of a batch that are in the set and adds the others, compacting the batch
   * in place (its arrays are the caller's to give up); returns the batch of new facts. Inferred facts
   * pass as they are: the closure yields each once and none that is asserted.
   */
  keepNew(rows: FactRows): FactRows {
    const { edges, literals, lexicals, languages } = rows;
    let kept = 0;
    for (let at = 0; at < edges.length; at += edgeWidth) {
      if (edges[at + 4] === 0 && !this.addEdge(edges[at]!, edges[at + 1]!, edges[at + 2]!, edges[at + 3]!)) continue;
      if (kept !== at) edges.copyWithin(kept, at, at + edgeWidth);
      kept += edgeWidth;
    }
    const keptEdges = kept;
    kept = 0;
    for (let row = 0, at = 0; at < literals.length; row++, at += literalWidth) {
      if (literals[at + 4] === 0 && !this.addLiteral(literals[at]!, literals[at + 1]!, literals[at + 2]!, literals[at + 3]!, lexicals[row]!, languages[row]!)) continue;
      if (kept !== at) {
        literals.copyWithin(kept, at, at + literalWidth);
        lexicals[kept / literalWidth] = lexicals[row]!;
        languages[kept / literalWidth] = languages[row]!;
      }
      kept += literalWidth;
    }
    lexicals.length = languages.length = kept / literalWidth;
    return { ...rows, edges: edges.subarray(0, keptEdges), literals: literals.subarray(0, kept) };
  }
}

/**
 * A set of four-integer keys whose first integer is never 0 (a subject id; a fingerprint with its low
 * bit set): 0 there marks an empty slot. Linear probing, never more than half full.
 */
class SlotTable {
  /** Keys of arbitrary integers (edges) are mixed for a slot; fingerprints are uniform already. */
  readonly #mixed: boolean;
  #table = new Int32Array(initialSlots * 4);
  #mask = initialSlots - 1;
  size = 0;

  constructor(mixed: boolean) {
    this.#mixed = mixed;
  }

  /** Adds the key; true when it was not in the set yet. */
  insert(a: number, b: number, c: number, d: number): boolean {
    const table = this.#table;
    let slot = (this.#mixed ? mix(a, b, c, d) : a >>> 1) & this.#mask;
    for (;;) {
      const at = slot * 4;
      const first = table[at]!;
      if (first === 0) break;
      if (first === a && table[at + 1] === b && table[at + 2] === c && table[at + 3] === d) return false;
      slot = (slot + 1) & this.#mask;
    }
    const at = slot * 4;
    table[at] = a;
    table[at + 1] = b;
    table[at + 2] = c;
    table[at + 3] = d;
    if (++this.size * 2 > this.#mask + 1) this.#grow();
    return true;
  }

  /** Doubles the table; quadruples it while it is small (fewer re-insertions for a few thousand facts). */
  #grow(): void {
    const old = this.#table;
    const factor = this.#mask < smallTableSlots ? 4 : 2;
    this.#table = new Int32Array(old.length * factor);
    this.#mask = (this.#mask + 1) * factor - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] !== 0) this.insert(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
    }
  }
}

/** A slot hash of four integers (each multiplied by an odd constant, then avalanched so the low bits depend on all). */
function mix(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d) ^ Math.imul(d, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  return h ^ (h >>> 15);
}

// MurmurHash3 x86_128 over 32-bit words: a fact is laid out as words (an id is a word; a string is its
// length, then its UTF-16 code units two to a word, so field boundaries are unambiguous), then hashed
// in one tight loop. Module state, so the hot path allocates nothing.

const c1 = 0x239b961b;
const c2 = 0xab0e9789;
const c3 = 0x38b34ae5;
const c4 = 0xa1e38b93;
const seed = 0x9747b28c;

/** The fingerprint of the last fact hashed. */
const hash = new Int32Array(4);
/** The words of the fact being hashed (grown for long literals). */
let words = new Int32Array(256);

/** Writes `text` as words from `at` on; returns the offset after them. */
function textWords(w: Int32Array, at: number, text: string): number {
  const length = text.length;
  w[at++] = length;
  let i = 0;
  for (; i + 1 < length; i += 2) w[at++] = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
  if (i < length) w[at++] = text.charCodeAt(i);
  return at;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** MurmurHash3 x86_128 of the first `count` words of `w` (the tail padded with zeros) into `hash`. */
function murmur128(w: Int32Array, count: number): void {
  let h1 = seed, h2 = seed, h3 = seed, h4 = seed;
  const blocks = count & ~3;
  for (let i = 0; i < blocks; i += 4) {
    h1 ^= Math.imul(rotl(Math.imul(w[i]!, c1), 15), c2);
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    h2 ^= Math.imul(rotl(Math.imul(w[i + 1]!, c2), 16), c3);
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    h3 ^= Math.imul(rotl(Math.imul(w[i + 2]!, c3), 17), c4);
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    h4 ^= Math.imul(rotl(Math.imul(w[i + 3]!, c4), 18), c1);
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  if (blocks < count) {
    const k1 = w[blocks]!;
    const k2 = blocks + 1 < count ? w[blocks + 1]! : 0;
    const k3 = blocks + 2 < count ? w[blocks + 2]! : 0;
    h1 ^= Math.imul(rotl(Math.imul(k1, c1), 15), c2);
    h2 ^= Math.imul(rotl(Math.imul(k2, c2), 16), c3);
    h3 ^= Math.imul(rotl(Math.imul(k3, c3), 17), c4);
  }
  const length = count * 4;
  h1 ^= length; h2 ^= length; h3 ^= length; h4 ^= length;
  h1 = (h1 + h2 + h3 + h4) | 0; h2 = (h2 + h1) | 0; h3 = (h3 + h1) | 0; h4 = (h4 + h1) | 0;
  h1 = fmix(h1); h2 = fmix(h2); h3 = fmix(h3); h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0; h2 = (h2 + h1) | 0; h3 = (h3 + h1) | 0; h4 = (h4 + h1) | 0;
  hash[0] = h1; hash[1] = h2; hash[2] = h3; hash[3] = h4;
}
