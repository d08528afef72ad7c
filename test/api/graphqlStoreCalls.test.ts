/**
 * Store calls per GraphQL request are bounded whatever the page size and the nesting: a request
 * takes one snapshot, and the read model of a snapshot is built once (two fact scans) and then
 * shared, so a page of 50 products with their domains, owners, concepts and hierarchy, ports,
 * datasets, fields and their concepts costs what a page of 5 ids costs. Counted on a real store
 * wrapped in a proxy that records every port method called.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { tempDir, tempStore } from '../load/helpers.ts';
import { serveGraphql } from './graphqlClient.ts';
import { c, loadDemoMesh } from './meshFixture.ts';

/** `store` with a count of calls per port method. */
function counting(store: GraphStore): { store: GraphStore; calls: Record<string, number>; reset(): void } {
  const calls: Record<string, number> = {};
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        calls[property] = (calls[property] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls, reset: () => { for (const key of Object.keys(calls)) delete calls[key]; } };
}

const deep = `{ dataProducts(first: 50) { totalCount edges { node {
  id name status tags domain { id name dataProducts(first: 3) { totalCount edges { node { id } } } } owner { id name }
  concepts { iri label superConcepts(transitive: true) { iri label } subConcepts { iri } dataProducts(includeSubConcepts: true) { totalCount } }
  outputPorts { id protocol datasets { id name dataProducts { id } concepts { iri label }
    fields { name datatype concepts { iri label superConcepts { iri } datasets { id } } fields { name } } } }
  upstream { id } downstream { id } } } } }`;
const shallow = '{ dataProducts(first: 5) { edges { node { id } } } }';

let base: GraphStore;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const { store, dispose } = await tempStore();
  const { dir, remove } = await tempDir();
  await loadDemoMesh(store, dir);
  base = store;
  cleanup = async () => {
    await dispose();
    await remove();
  };
});
afterAll(() => cleanup?.());

/**
 * The calls one query makes on a new server (cold: it builds the read model), then on the same server again
 * (warm). Each `server.query` posts the query twice (graphql-js, then compiled: graphqlClient.ts), so each
 * count covers two requests: two snapshots, one build.
 */
async function callsOf(query: string): Promise<{ cold: Record<string, number>; warm: Record<string, number>; data: unknown }> {
  const { store, calls, reset } = counting(base);
  const server = await serveGraphql(store);
  try {
    const { data, errors } = await server.query(query);
    expect(errors).toBeUndefined();
    const cold = { ...calls };
    reset();
    await server.query(query);
    return { cold, warm: { ...calls }, data };
  } finally {
    await server.close();
  }
}

describe('store calls per request', () => {
  it('are the same for a page of 50 products nested five levels deep as for a page of 5 ids', async () => {
    const deepCalls = await callsOf(deep);
    const shallowCalls = await callsOf(shallow);
    expect((deepCalls.data as { dataProducts: { edges: unknown[] } }).dataProducts.edges).toHaveLength(50);
    // Cold: a snapshot per request, and the read model's two scans (types as asserted; the rest with the closure).
    expect(deepCalls.cold).toEqual({ snapshot: 2, scanFacts: 2 });
    expect(shallowCalls.cold).toEqual(deepCalls.cold);
    // Warm: the snapshots only.
    expect(deepCalls.warm).toEqual({ snapshot: 2 });
    expect(shallowCalls.warm).toEqual({ snapshot: 2 });
  });

  it('search runs on the read model\'s text index: no store call beyond the snapshot, whatever page and nesting are asked', async () => {
    const query = (after: string) => `{ search(text: "customer", first: 10${after}) { edges { cursor node { ... on Concept { iri subConcepts(transitive: true) { iri } } ... on DataProduct { id domain { id } } } } } }`;
    const { cold, warm } = await callsOf(query(''));
    expect(cold).toEqual({ snapshot: 2, scanFacts: 2 });
    expect(warm).toEqual({ snapshot: 2 });
    const discovery = await callsOf(`{ dataProducts(filter: { concept: "${c.party}", text: "daily" }, first: 50) { totalCount } }`);
    expect(discovery.cold).toEqual({ snapshot: 2, scanFacts: 2 });
  });
});
