import { describe, expect, it } from 'vitest';
import { Hierarchy } from '../../src/ontology/Hierarchy.ts';
import { IntList } from '../../src/ontology/IntList.ts';

/** A hierarchy over term ids 0..n-1 from (sub, super) pairs. */
function hierarchy(pairs: [number, number][], n: number): Hierarchy {
  const edges = new IntList();
  for (const [sub, sup] of pairs) {
    edges.push(sub);
    edges.push(sup);
  }
  return new Hierarchy(edges, n);
}

function above(h: Hierarchy, term: number): [number, boolean][] {
  const result: [number, boolean][] = [];
  h.forEachAbove(term, (t, equivalent) => result.push([t, equivalent]));
  return result;
}

describe('Hierarchy', () => {
  it('walks a 200 000-deep chain without recursion and without materialising it', () => {
    const n = 200_000;
    const h = hierarchy(Array.from({ length: n - 1 }, (_, i) => [i + 1, i] as [number, number]), n);
    let count = 0;
    h.forEachAbove(n - 1, () => count++);
    expect(count).toBe(n - 1);
    expect(above(h, 0)).toEqual([]);
  });

  it('merges diamonds without duplicates and puts cycle members first, as equivalents', () => {
    // 0 -> 1, 0 -> 2, 1 -> 3, 2 -> 3, 3 -> 4 <-> 5, 5 -> 6
    const h = hierarchy([[0, 1], [0, 2], [1, 3], [2, 3], [3, 4], [4, 5], [5, 4], [5, 6]], 8);
    const fromZero = above(h, 0);
    expect(fromZero.map(([t]) => t).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fromZero.every(([, equivalent]) => !equivalent)).toBe(true);
    expect(above(h, 4)).toEqual([[5, true], [6, false]]);
    expect(h.has(7)).toBe(false);
    expect(above(h, 7)).toEqual([]);
  });

  it('gives a term its edges as given (one step, itself left out) and the other members of its cycle', () => {
    // 0 -> 1, 0 -> 2, 0 -> 0, 1 -> 2 <-> 3 <-> 1, 2 -> 4
    const h = hierarchy([[0, 1], [0, 2], [0, 0], [1, 2], [2, 3], [3, 1], [2, 4]], 6);
    const collect = (visit: (term: number, f: (t: number) => void) => void, term: number) => {
      const terms: number[] = [];
      visit(term, (t) => terms.push(t));
      return terms.sort();
    };
    const supers = (term: number) => collect((t, f) => h.forEachSuper(t, f), term);
    const equivalents = (term: number) => collect((t, f) => h.forEachEquivalent(t, f), term);
    expect(supers(0)).toEqual([1, 2]);
    expect(supers(2)).toEqual([3, 4]);
    expect(supers(4)).toEqual([]);
    expect(supers(5)).toEqual([]);
    expect(equivalents(1)).toEqual([2, 3]);
    expect(equivalents(0)).toEqual([]);
    expect(equivalents(5)).toEqual([]);
  });
});
