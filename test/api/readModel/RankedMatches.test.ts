/**
 * RankedMatches ranks only as far as it is sliced; every slice must still be exactly the window of
 * the full ranking (score descending, then node ascending), whichever way it was selected (bounded
 * heap for a short page, full sort for a long one), with ties and repeated slicing.
 */
import { describe, expect, it } from 'vitest';
import { noMatches, RankedMatches, type Hits } from '../../../src/api/readModel/RankedMatches.ts';

/** Hits with scores from a small set (many ties) and distinct nodes in shuffled order, from a seeded generator. */
function hits(count: number, seed: number): Hits {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const node = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [node[i], node[j]] = [node[j]!, node[i]!];
  }
  return { node, row: Int32Array.from(node, (n) => n * 10), score: Float64Array.from({ length: count }, () => Math.floor(random() * 7) * 1.5) };
}

function fullRanking(h: Hits): number[] {
  return [...h.node.keys()].sort((x, y) => h.score[y]! - h.score[x]! || h.node[x]! - h.node[y]!).map((p) => h.node[p]!);
}

describe('RankedMatches', () => {
  it.each([1, 2, 7, 100, 1000])('slices of %i hits are windows of the full ranking', (count) => {
    const h = hits(count, count);
    const whole = fullRanking(h);
    for (const [start, end] of [[0, 1], [0, 20], [5, 25], [0, count], [count - 3, count + 10], [-5, undefined], [10, 5]] as const) {
      const list = new RankedMatches(h, (p) => h.node[p]!);
      expect(list.slice(start, end)).toEqual(whole.slice(start, end));
    }
    expect(new RankedMatches(h, (p) => h.node[p]!).slice()).toEqual(whole);
  });

  it('keeps its ranking across slices and makes only what is sliced', () => {
    const h = hits(500, 3);
    const made: number[] = [];
    const list = new RankedMatches(h, (p) => (made.push(p), h.row[p]!));
    const whole = fullRanking(h).map((n) => n * 10);
    expect(list.slice(0, 20)).toEqual(whole.slice(0, 20));
    expect(made).toHaveLength(20);
    expect(list.slice(10, 30)).toEqual(whole.slice(10, 30));
    expect(list.slice(0, 10)).toEqual(whole.slice(0, 10));
    expect(list.length).toBe(500);
  });

  it('has an empty list for no matches', () => {
    expect(noMatches.length).toBe(0);
    expect(noMatches.slice(0, 20)).toEqual([]);
  });
});
