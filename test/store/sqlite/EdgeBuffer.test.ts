import { describe, expect, it } from 'vitest';
import type { EdgeElement } from '../../../src/graph/elements.ts';
import { RdfToGraph } from '../../../src/graph/RdfToGraph.ts';
import { EdgeBuffer, G, O, P, S } from '../../../src/store/sqlite/EdgeBuffer.ts';
import { pizzaPath, readRdfXml } from '../../graph/fixtureQuads.ts';

/** The edges of pizza.owl as integer rows, ids interned in order of first appearance (as the writer does). */
async function pizzaEdges(): Promise<EdgeBuffer> {
  const elements = new RdfToGraph('pizza').map(await readRdfXml(pizzaPath), 0, pizzaPath);
  const ids = new Map<string, number>();
  const id = (iri: string) => ids.get(iri) ?? (ids.set(iri, ids.size + 1), ids.size);
  const buffer = new EdgeBuffer();
  for (const e of elements.filter((x): x is EdgeElement => x.kind === 'edge')) buffer.pushRows(Int32Array.of(id(e.subject), id(e.predicate), id(e.object), 0, 0, 0));
  return buffer;
}

describe('EdgeBuffer', () => {
  it('orders rows by several columns like a stable comparison sort', async () => {
    const edges = await pizzaEdges();
    expect(edges.count).toBeGreaterThan(4000);
    for (const key of [[S, P, O, G], [O, P, S, G]]) {
      const expected = Array.from({ length: edges.count }, (_, i) => i).sort((a, b) => {
        for (const column of key) {
          const d = edges.get(a, column) - edges.get(b, column);
          if (d !== 0) return d;
        }
        return a - b;
      });
      expect(Array.from(edges.order(key))).toEqual(expected);
    }
  });

  it('spans chunks and sorts ids beyond 16 bits', () => {
    const edges = new EdgeBuffer();
    const rows = new Int32Array(70_000 * 6);
    for (let i = 0; i < 70_000; i++) rows.set([1 << 30, 1, i, 0, 1, -1], i * 6);
    edges.pushRows(rows.subarray(0, 1_000 * 6));
    edges.pushRows(rows.subarray(1_000 * 6));
    for (const s of [70_000, 3, 65_536, 65_535]) edges.pushRows(Int32Array.of(s, 1, 1, 0, 1, -1));
    expect(Array.from(edges.order([S])).map((row) => edges.get(row, S))).toEqual([3, 65_535, 65_536, 70_000, ...Array<number>(70_000).fill(1 << 30)]);
    expect(edges.get(70_001, S)).toBe(3);
    expect(edges.get(65_536, O)).toBe(65_536);
  });

  it('sorts ids of every width with 8-bit digits (fewer than 65,536 rows) as with 16-bit ones', () => {
    const edges = new EdgeBuffer();
    // A pseudo-random sequence (a fixed LCG), ids from 0 to 2^31 - 1, with repeats to check stability.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff);
    const values = Array.from({ length: 10_000 }, (_, i) => (i % 10 === 0 ? 42 : next() >>> (i % 31)));
    for (const [i, value] of values.entries()) edges.pushRows(Int32Array.of(value, 1, i, 0, 0, 0));
    const expected = values.map((value, row) => ({ value, row })).sort((a, b) => a.value - b.value || a.row - b.row).map(({ row }) => row);
    expect(Array.from(edges.order([S]))).toEqual(expected);
  });

  it('orders the rows from a given one on, by their row numbers', () => {
    const edges = new EdgeBuffer();
    edges.pushRows(Int32Array.of(9, 1, 1, 0, 0, 0, 5, 1, 1, 0, 0, 0, 7, 1, 1, 0, 0, 0, 6, 1, 1, 0, 0, 0));
    expect(Array.from(edges.order([S], 1))).toEqual([1, 3, 2]);
    edges.clear();
    expect(edges.count).toBe(0);
  });
});
