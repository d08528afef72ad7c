/**
 * The read model's text index against the store's full-text search it stands in for: on the test
 * mesh, every text finds the same nodes in the same order (exact label matches first, BM25, IRI on
 * ties), through the same literals, with the same highlights (the last word a prefix, every word
 * required).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore, Snapshot } from '../../../src/graph/GraphStore.ts';
import type { ReadModel, SearchableNode } from '../../../src/api/readModel/index.ts';
import { c } from '../meshFixture.ts';
import { demoModel, type DemoModel } from './demoModel.ts';

let demo: DemoModel;
let store: GraphStore;
let snapshot: Snapshot;
let model: ReadModel;

beforeAll(async () => {
  demo = await demoModel();
  ({ store, snapshot, model } = demo);
});
afterAll(() => demo?.dispose());

const idOf = (node: SearchableNode) => (node.kind === 'Concept' ? node.iri : node.id);

describe('TextIndex', () => {
  it.each(['customer', 'Customer', 'revenue', 'order li', 'party name', 'shipments daily', 'carrier', 'pizza'])('finds what the store finds for "%s", in its order, with its highlights', async (text) => {
    const mine = model.text.search(text).slice();
    const theirs = (await store.search(snapshot, text, { limit: 10_000 })).filter((hit) => model.node(hit.id) !== undefined);
    expect(mine.map((m) => idOf(m.node))).toEqual(theirs.map((hit) => hit.id));
    expect(mine.map((m) => m.predicate)).toEqual(theirs.map((hit) => hit.predicate));
    expect(mine.map((m) => m.highlight())).toEqual(theirs.map((hit) => hit.highlight));
    // Scores are BM25 over this index's literals (the store's counts every subject's): same order, other values.
    for (const [i, m] of mine.entries()) if (i > 0) expect(m.score).toBeLessThanOrEqual(mine[i - 1]!.score);
  });

  it('ranks an exact label match first and keeps only the nodes asked for', () => {
    expect(idOf(model.text.search('customer').slice(0, 1)[0]!.node)).toBe(c.customer);
    const products = model.text.search('customer', new Set(['DataProduct'] as const)).slice();
    expect(products.length).toBeGreaterThan(0);
    expect(products.every((m) => m.node.kind === 'DataProduct')).toBe(true);
    expect(model.text.search('no-such-word-anywhere').slice()).toEqual([]);
  });

  it('gives every page as the same window of the whole ranking', () => {
    const whole = model.text.search('c').slice().map((m) => idOf(m.node));
    expect(whole.length).toBeGreaterThan(20);
    for (const [start, end] of [[0, 1], [0, 5], [3, 9], [whole.length - 2, whole.length + 5], [whole.length, whole.length + 1]] as const) {
      const page = model.text.search('c').slice(start, end).map((m) => idOf(m.node));
      expect(page).toEqual(whole.slice(start, end));
    }
    expect(model.text.search('c').length).toBe(whole.length);
  });
});
