/**
 * The matches of one search, ranked only as far as a caller reads: a frequent word matches
 * thousands of nodes and a page shows twenty, so `slice(0, 20)` selects the best twenty with a
 * bounded heap (n log k) and makes only those into objects; nothing else is sorted or built.
 */

/** A search's matches, best first, as a list that is ranked when it is sliced. */
export interface RankedList<T> {
  readonly length: number;
  /** The matches from `start` to `end` (exclusive), best first, as Array.prototype.slice counts them. */
  slice(start?: number, end?: number): T[];
}

/** One search's hits, by position: node (its rank among equals: lower first), best row, score. */
export interface Hits {
  node: Int32Array;
  row: Int32Array;
  score: Float64Array;
}

export class RankedMatches<T> implements RankedList<T> {
  readonly #hits: Hits;
  readonly #make: (position: number) => T;
  /** Positions of the best hits, best first; the first #rankedCount are final. */
  #ranked = new Int32Array(0);
  #rankedCount = 0;

  constructor(hits: Hits, make: (position: number) => T) {
    this.#hits = hits;
    this.#make = make;
  }

  get length(): number {
    return this.#hits.node.length;
  }

  slice(start = 0, end = this.length): T[] {
    const from = clampIndex(start, this.length);
    const to = clampIndex(end, this.length);
    if (to <= from) return [];
    if (to > this.#rankedCount) this.#rank(to);
    return Array.from(this.#ranked.subarray(from, to), (position) => this.#make(position));
  }

  /** Ranks the best `count` hits: a full sort when that is most of them, else a bounded heap. */
  #rank(count: number): void {
    const { score, node } = this.#hits;
    const better = (x: number, y: number) => score[x]! > score[y]! || (score[x] === score[y] && node[x]! < node[y]!);
    const byRank = (x: number, y: number) => (better(x, y) ? -1 : better(y, x) ? 1 : 0);
    const total = this.length;
    if (count * 4 >= total) {
      this.#ranked = Int32Array.from({ length: total }, (_, i) => i).sort(byRank);
      this.#rankedCount = total;
      return;
    }
    // A heap of the best `count` so far, the worst of them at the root.
    const heap = new Int32Array(count);
    let size = 0;
    const siftDown = (at: number) => {
      for (;;) {
        const left = 2 * at + 1;
        if (left >= size) return;
        const right = left + 1;
        const worse = right < size && better(heap[left]!, heap[right]!) ? right : left;
        if (!better(heap[at]!, heap[worse]!)) return;
        [heap[at], heap[worse]] = [heap[worse]!, heap[at]!];
        at = worse;
      }
    };
    for (let position = 0; position < total; position++) {
      if (size < count) {
        let at = size++;
        heap[at] = position;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (!better(heap[parent]!, heap[at]!)) break;
          [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
          at = parent;
        }
      } else if (better(position, heap[0]!)) {
        heap[0] = position;
        siftDown(0);
      }
    }
    this.#ranked = heap.sort(byRank);
    this.#rankedCount = count;
  }
}

/** A list with no matches. */
export const noMatches: RankedList<never> = { length: 0, slice: () => [] };

function clampIndex(index: number, length: number): number {
  return index < 0 ? Math.max(length + index, 0) : Math.min(index, length);
}
