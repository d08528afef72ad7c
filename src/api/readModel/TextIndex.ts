/**
 * The read model's full-text index: the literals the store's full-text index covers
 * (src/graph/textIndex.ts) of the model's concepts, products, datasets and fields, tokenised the
 * way the store's FTS5 index is (case and diacritics folded, letters and digits). Search matches
 * and ranks as the store's query does: every word must occur in one literal, the last as a prefix;
 * BM25 (k1 1.2, b 0.75, FTS5's formula) over this index's literals, doubled for labels; exact label
 * matches first; a node counts with its best literal. Every search runs over the postings (no
 * answer is kept), in memory: the store's FTS5 query costs 3–30 ms for a common word, this 0.1–1 ms.
 */
import { foldText, highlightWords } from '../../graph/textIndex.ts';
import { labelPredicates } from '../../graph/textIndex.ts';
import type { SearchableNode } from './entities.ts';
import { noMatches, RankedMatches, type RankedList } from './RankedMatches.ts';

/** A node that matched, with its best literal. */
export interface TextMatch {
  node: SearchableNode;
  /** The predicate of the literal that matched best. */
  predicate: string;
  /** Relevance; higher is better (exact label matches score above 1000). */
  score: number;
  /** The literal with the matched words in `<b>…</b>`, HTML-escaped. */
  highlight(): string;
}

/** The matches of a search, best first, ranked and made as far as they are sliced. */
export type TextMatches = RankedList<TextMatch>;

interface Row {
  node: SearchableNode;
  predicate: string;
  text: string;
  /** Token ids, in text order. */
  tokens: Int32Array;
  /** The folded text of a label literal (for exact matches), else undefined. */
  label: string | undefined;
}

const kindCodes: readonly SearchableNode['kind'][] = ['Concept', 'DataProduct', 'Dataset', 'Field'];
const k1 = 1.2;
const b = 0.75;
/** Score added to exact label matches, above any BM25 score of a short text (as the store's). */
const exactBonus = 1000;
const wordPattern = /[\p{L}\p{N}\p{Co}]+/gu;

export class TextIndex {
  readonly #rows: Row[] = [];
  readonly #ids = new Map<string, number>();
  /** By token id: the rows it occurs in, once per occurrence (so a row's run is its term frequency). */
  readonly #postings: number[][] = [];
  #sorted: string[] | undefined;
  #tokenCount = 0;
  #scratch: Scratch | undefined;

  /** Indexes one literal of a node. */
  add(node: SearchableNode, predicate: string, text: string): void {
    const words = foldText(text).match(wordPattern);
    if (!words) return;
    const row = this.#rows.length;
    const tokens = new Int32Array(words.length);
    words.forEach((word, i) => {
      let id = this.#ids.get(word);
      if (id === undefined) {
        id = this.#postings.length;
        this.#ids.set(word, id);
        this.#postings.push([]);
      }
      tokens[i] = id;
      this.#postings[id]!.push(row);
    });
    this.#rows.push({ node, predicate, text, tokens, label: labelPredicates.has(predicate) ? foldText(text) : undefined });
    this.#tokenCount += words.length;
    this.#sorted = undefined;
    this.#scratch = undefined;
  }

  /** Literals indexed. */
  get size(): number {
    return this.#rows.length;
  }

  /**
   * The nodes of the given kinds (all when absent) whose literals match `text`, best first (then by
   * IRI). Word by word, the postings of the tokens a word matches give each row's term frequency
   * and the word's row count (its IDF, over all rows); a row of a wanted kind that has every word
   * gets the sum of the words' BM25 terms. Only the matches a caller slices are ranked and made.
   *
   * @example
   * index.search('margherita pi', new Set(['Concept'])).slice(0, 20)
   */
  search(text: string, kinds?: ReadonlySet<SearchableNode['kind']>): TextMatches {
    const folded = foldText(text);
    const words = folded.match(wordPattern);
    if (!words || this.#rows.length === 0) return noMatches;
    // Token ids each word matches: the word itself, or (the last) every token it begins.
    const matching = words.map((word, i) => (i === words.length - 1 ? this.#prefixed(word) : this.#exact(word)));
    if (matching.some((ids) => ids.length === 0)) return noMatches;
    const scratch = (this.#scratch ??= this.#newScratch());
    const { postingStart, postingRows, norm, tf, matched, score, order, kind, label, nodes, bestRow, bestExact, bestRelevance } = scratch;
    let wanted = 0;
    for (const [i, k] of kindCodes.entries()) if (kinds === undefined || kinds.has(k)) wanted |= 1 << i;
    const total = this.#rows.length;
    // Rows that have every word so far (`candidates`) and the rows the current word occurs in (`touched`).
    let candidates = scratch.candidates;
    let next = scratch.next;
    const touched = scratch.touched;
    let candidateCount = 0;
    for (let w = 0; w < matching.length; w++) {
      let touchedCount = 0;
      for (const id of matching[w]!) {
        for (let p = postingStart[id]!, end = postingStart[id + 1]!; p < end; p++) {
          const row = postingRows[p]!;
          if (tf[row] === 0) touched[touchedCount++] = row;
          tf[row]!++;
        }
      }
      const idf = Math.max(Math.log((total - touchedCount + 0.5) / (touchedCount + 0.5)), 1e-6);
      let nextCount = 0;
      for (let t = 0; t < touchedCount; t++) {
        const row = touched[t]!;
        const f = tf[row]!;
        tf[row] = 0;
        if (matched[row] !== w || ((wanted >> kind[row]!) & 1) === 0) continue;
        matched[row] = w + 1;
        score[row]! += (idf * f * (k1 + 1)) / (f + norm[row]!);
        next[nextCount++] = row;
      }
      for (let c = 0; c < candidateCount; c++) {
        const row = candidates[c]!;
        if (matched[row] === w) { matched[row] = 0; score[row] = 0; }
      }
      [candidates, next] = [next, candidates];
      candidateCount = nextCount;
    }
    // A node counts with its best row: exact label match first, then relevance, then the earlier row.
    const found = scratch.found;
    let foundCount = 0;
    for (let c = 0; c < candidateCount; c++) {
      const r = candidates[c]!;
      const bm25 = score[r]!;
      matched[r] = 0;
      score[r] = 0;
      const isLabel = label[r] === 1;
      const exact = isLabel && this.#rows[r]!.label === folded ? 1 : 0;
      const relevance = bm25 * (isLabel ? 2 : 1);
      const n = order[r]!;
      const known = bestRow[n]!;
      if (known < 0) found[foundCount++] = n;
      if (known < 0 || exact > bestExact[n]! || (exact === bestExact[n] && (relevance > bestRelevance[n]! || (relevance === bestRelevance[n] && r < known)))) {
        bestRow[n] = r;
        bestExact[n] = exact;
        bestRelevance[n] = relevance;
      }
    }
    const hits = { node: found.slice(0, foundCount), row: new Int32Array(foundCount), score: new Float64Array(foundCount) };
    for (let i = 0; i < foundCount; i++) {
      const n = found[i]!;
      hits.row[i] = bestRow[n]!;
      hits.score[i] = bestExact[n]! * exactBonus + bestRelevance[n]!;
      bestRow[n] = -1;
    }
    return new RankedMatches(hits, (i) => {
      const row = this.#rows[hits.row[i]!]!;
      return new Match(nodes[hits.node[i]!]!, row.predicate, hits.score[i]!, row.text, words);
    });
  }

  /** Per-row scratch arrays, zero between searches (searches run one at a time), and the postings packed. */
  #newScratch(): Scratch {
    const total = this.#rows.length;
    const averageLength = this.#tokenCount / total;
    const norm = new Float64Array(total);
    this.#rows.forEach((row, r) => (norm[r] = k1 * (1 - b + (b * row.tokens.length) / averageLength)));
    const nodes = [...new Set(this.#rows.map((row) => row.node))].sort((x, y) => (idOf(x) < idOf(y) ? -1 : idOf(x) > idOf(y) ? 1 : 0));
    const rank = new Map(nodes.map((node, i) => [node, i]));
    const order = Int32Array.from(this.#rows, (row) => rank.get(row.node)!);
    const postingStart = new Int32Array(this.#postings.length + 1);
    this.#postings.forEach((rows, id) => (postingStart[id + 1] = postingStart[id]! + rows.length));
    const postingRows = new Int32Array(postingStart[this.#postings.length]!);
    this.#postings.forEach((rows, id) => postingRows.set(rows, postingStart[id]!));
    return {
      postingStart, postingRows, norm, tf: new Uint16Array(total), matched: new Uint8Array(total), score: new Float64Array(total), order,
      kind: Uint8Array.from(this.#rows, (row) => kindCodes.indexOf(row.node.kind)),
      label: Uint8Array.from(this.#rows, (row) => (row.label === undefined ? 0 : 1)),
      touched: new Int32Array(total), candidates: new Int32Array(total), next: new Int32Array(total), found: new Int32Array(nodes.length),
      nodes, bestRow: new Int32Array(nodes.length).fill(-1), bestExact: new Uint8Array(nodes.length), bestRelevance: new Float64Array(nodes.length),
    };
  }

  #exact(word: string): number[] {
    const id = this.#ids.get(word);
    return id === undefined ? [] : [id];
  }

  /** Ids of the tokens that begin with `prefix` (binary search in the sorted vocabulary). */
  #prefixed(prefix: string): number[] {
    const sorted = (this.#sorted ??= [...this.#ids.keys()].sort());
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const ids: number[] = [];
    for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) ids.push(this.#ids.get(sorted[i]!)!);
    return ids;
  }
}

interface Scratch {
  /** The postings packed: token id's rows are postingRows[postingStart[id] .. postingStart[id + 1]). */
  postingStart: Int32Array;
  postingRows: Int32Array;
  /** k1 · (1 − b + b · length / average length), by row. */
  norm: Float64Array;
  tf: Uint16Array;
  /** How many of the words so far a row has. */
  matched: Uint8Array;
  score: Float64Array;
  /** The position of a row's node in IRI order (ties in score go by IRI, as in the store). */
  order: Int32Array;
  /** By row: its node's kind (index in kindCodes), and 1 for a label literal. */
  kind: Uint8Array;
  label: Uint8Array;
  /** The indexed nodes in IRI order, and by that position each one's best row of a search (−1: none yet). */
  nodes: SearchableNode[];
  bestRow: Int32Array;
  bestExact: Uint8Array;
  bestRelevance: Float64Array;
  /** Row and node lists of one search (a search allocates only its result). */
  touched: Int32Array;
  candidates: Int32Array;
  next: Int32Array;
  found: Int32Array;
}

/** A match; its highlight is only marked up when asked for (a page of a long result). */
class Match implements TextMatch {
  readonly node: SearchableNode;
  readonly predicate: string;
  readonly score: number;
  readonly #text: string;
  readonly #words: readonly string[];

  constructor(node: SearchableNode, predicate: string, score: number, text: string, words: readonly string[]) {
    this.node = node;
    this.predicate = predicate;
    this.score = score;
    this.#text = text;
    this.#words = words;
  }

  highlight(): string {
    return highlightWords(this.#text, this.#words);
  }
}

function idOf(node: SearchableNode): string {
  return node.kind === 'Concept' ? node.iri : node.id;
}
