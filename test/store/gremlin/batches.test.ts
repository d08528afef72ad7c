import { describe, expect, it } from 'vitest';
import { chunk, chunkGroups, forEachConcurrent } from '../../../src/store/gremlin/batches.ts';

describe('request batches', () => {
  it('chunks by count and bytes; an item over the byte limit goes alone', () => {
    expect(chunk([1, 2, 3, 4, 5], { maxCount: 2, maxBytes: 100 }, () => 1)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([10, 200, 10, 10], { maxCount: 10, maxBytes: 100 }, (n) => n)).toEqual([[10], [200], [10, 10]]);
  });

  it('keeps the items of one group in one chunk, and returns oversized groups to run in order', () => {
    const items = ['a1', 'b1', 'a2', 'c1', 'b2', 'd1', 'd2', 'd3', 'd4'];
    const { serial, parallel } = chunkGroups(items, (item) => item[0]!, { maxCount: 3, maxBytes: 100 }, () => 1);
    expect(parallel).toEqual([['a1', 'a2'], ['b1', 'b2', 'c1']]);
    expect(serial).toEqual([['d1', 'd2', 'd3'], ['d4']]);
  });

  it('runs at most `limit` at once and stops at the first failure', async () => {
    let running = 0;
    let most = 0;
    await forEachConcurrent([1, 2, 3, 4, 5, 6], 2, async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    });
    expect(most).toBe(2);
    const seen: number[] = [];
    await expect(forEachConcurrent([1, 2, 3, 4], 1, async (n) => {
      seen.push(n);
      if (n === 2) throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(seen).toEqual([1, 2]);
  });
});
