import { describe, expect, it } from 'vitest';
import { chunk } from '../../../src/store/gremlin/batches.ts';

describe('request batches', () => {
  it('chunks by count and bytes; an item over the byte limit goes alone', () => {
    expect(chunk([1, 2, 3, 4, 5], { maxCount: 2, maxBytes: 100 }, () => 1)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([10, 200, 10, 10], { maxCount: 10, maxBytes: 100 }, (n) => n)).toEqual([[10], [200], [10, 10]]);
  });
});
