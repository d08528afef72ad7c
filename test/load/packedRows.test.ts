import { describe, expect, it } from 'vitest';
import type { FactRows } from '../../src/graph/FactRows.ts';
import { packRows, transferables, unpackRows } from '../../src/load/packedRows.ts';

describe('packedRows', () => {
  it('gives back every string as it was, whatever it holds', () => {
    const rows: FactRows = {
      firstTerm: 7,
      terms: ['http://example.org/a', '', 'urn:x:\u0000:y'],
      edges: Int32Array.from([7, 8, 9, 0, 0, 0]),
      literals: Int32Array.from([7, 8, 0, 9, 0, 0, 7, 8, 0, 9, 0, 0, 7, 8, 0, 9, 0, 0]),
      lexicals: ['', 'a\u0000b "quoted"\n', '𝔭izza 🍕'],
      languages: ['', 'en', 'ar--rtl'],
    };
    const packed = packRows(structuredClone(rows));
    expect(transferables(packed)).toHaveLength(3);
    expect(unpackRows(structuredClone(packed))).toEqual(rows);
  });
});
