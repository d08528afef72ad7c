/**
 * Unregistering descriptors of the demo mesh (./mesh) from a real SQLite store: the registration's named
 * graphs leave a new version of its domain graph, the lineage of the products it fed and was fed by is
 * recomputed, the previous version is kept for a rollback, a domain left empty gets an empty version,
 * and an unknown id changes nothing.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { lineageGraph, readProductGraphs, registerProducts, registrationGraph, unregisterProducts } from '../../src/load/index.ts';
import { importDescriptor, type DescriptorInput } from '../../src/mesh/index.ts';
import { compareGraphs, namedGraphTriples, repoRoot, tempStore } from './helpers.ts';

const product = (domain: string, id: string) => `https://w3id.org/ontomesh/mesh/product/${domain}/${id}`;
const wasDerivedFrom = 'http://www.w3.org/ns/prov#wasDerivedFrom';
const isomorphic = { missing: [], extra: [], blankIsomorphic: true };

let store: GraphStore;
let dispose: () => Promise<void>;
beforeEach(async () => {
  ({ store, dispose } = await tempStore());
  // customer-profiles -> orders -> shipments -> returns (returns also reads orders).
  await registerProducts(store, ['customer/customer-profiles.odps.yaml', 'sales/orders.odps.yaml', 'sales/orders.odcs.yaml', 'sales/returns.odps.yaml', 'logistics/shipments.odps.yaml'].map(descriptor));
});
afterEach(() => dispose());

function descriptor(path: string): DescriptorInput {
  return { file: `mesh/${path}`, content: readFileSync(`${repoRoot}mesh/${path}`, 'utf8') };
}

/** The triples of one named graph of a product graph's active version. */
const namedGraph = (graphId: string, graph: string) => namedGraphTriples(store, graphId, graph);

async function lineage(iri: string, direction: 'out' | 'in'): Promise<string[]> {
  return (await store.neighbours(await store.snapshot(), [iri], { predicate: wasDerivedFrom, direction })).get(iri) ?? [];
}

async function registered(): Promise<Record<string, string[]>> {
  return Object.fromEntries((await readProductGraphs(store)).map((g) => [g.graphId, g.registrations.map((r) => `${r.kind} ${r.id}`).sort()]));
}

async function keptVersions(): Promise<Record<string, { version: number; active: boolean }[]>> {
  const all: Record<string, { version: number; active: boolean }[]> = {};
  for (const graphId of await store.graphIds()) all[graphId] = (await store.versions(graphId)).map(({ version, active }) => ({ version, active }));
  return all;
}

it('removes a product from its domain graph and the lineage of the products around it', async () => {
  expect(await lineage(product('logistics', 'shipments'), 'out')).toEqual([product('sales', 'orders')]);
  expect(await lineage(product('sales', 'returns'), 'out')).toEqual([product('logistics', 'shipments'), product('sales', 'orders')]);
  const returnsBefore = await namedGraph('mesh.sales', registrationGraph('product', 'returns'));

  const summary = await unregisterProducts(store, [{ kind: 'product', id: 'orders' }]);
  expect(summary.unregistered).toEqual([{
    kind: 'product', id: 'orders', source: 'mesh/sales/orders.odps.yaml', graphId: 'mesh.sales', version: 2, products: [product('sales', 'orders')], contracts: [],
  }]);
  // sales lost orders (and returns' link to it); logistics lost shipments' link; customer is as it was.
  expect(summary.graphs.map((g) => [g.graphId, g.version])).toEqual([['mesh.sales', 2], ['mesh.logistics', 2]]);
  expect(await registered()).toEqual({
    'mesh.customer': ['product customer-profiles'],
    'mesh.logistics': ['product shipments'],
    'mesh.sales': ['contract sales-orders', 'product returns'],
  });
  expect(await namedGraph('mesh.sales', registrationGraph('product', 'orders'))).toEqual([]);
  expect(await namedGraph('mesh.sales', lineageGraph(registrationGraph('product', 'orders')))).toEqual([]);
  expect(await store.getResource(await store.snapshot(), product('sales', 'orders'))).toBeUndefined();
  expect(await lineage(product('logistics', 'shipments'), 'out')).toEqual([]);
  expect(await lineage(product('customer', 'customer-profiles'), 'in')).toEqual([]);
  expect(await lineage(product('sales', 'returns'), 'out')).toEqual([product('logistics', 'shipments')]);
  expect(compareGraphs(await namedGraph('mesh.sales', registrationGraph('product', 'returns')), returnsBefore)).toEqual(isomorphic);

  // The previous version is kept: activating it is the rollback.
  expect((await keptVersions())['mesh.sales']).toEqual([{ version: 2, active: true }, { version: 1, active: false }]);
  await store.activate('mesh.sales', 1);
  expect(await store.getResource(await store.snapshot(), product('sales', 'orders'))).toBeDefined();
});

it('gives a domain left with no registration an empty version, and registering into it again restores the lineage', async () => {
  const summary = await unregisterProducts(store, [
    { kind: 'product', id: 'orders' }, { kind: 'product', id: 'returns' }, { kind: 'contract', id: 'sales-orders' }, { kind: 'product', id: 'orders' },
  ]);
  expect(summary.unregistered.map((r) => `${r.kind} ${r.id}`)).toEqual(['product orders', 'product returns', 'contract sales-orders']);
  expect(summary.graphs).toContainEqual({ graphId: 'mesh.sales', version: 2, triples: 0 });
  expect((await registered())['mesh.sales']).toEqual([]);
  expect(await store.getResource(await store.snapshot(), product('sales', 'returns'))).toBeUndefined();

  const again = await registerProducts(store, [descriptor('sales/orders.odps.yaml')]);
  expect(again.registrations[0]).toMatchObject({ id: 'orders', graphId: 'mesh.sales', version: 3, replaced: false });
  expect(await lineage(product('logistics', 'shipments'), 'out')).toEqual([product('sales', 'orders')]);
  expect(compareGraphs(await namedGraph('mesh.sales', registrationGraph('product', 'orders')), (await importDescriptor(descriptor('sales/orders.odps.yaml'))).quads)).toEqual(isomorphic);
});

describe('refusals change nothing', () => {
  it('an unknown id among known ones: NOT_FOUND naming each unknown one', async () => {
    const before = await keptVersions();
    const error = await unregisterProducts(store, [{ kind: 'product', id: 'orders' }, { kind: 'product', id: 'no-such-product' }, { kind: 'product', id: 'sales-orders' }])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'no product is registered as "no-such-product"; no product is registered as "sales-orders"',
      location: { term: 'no-such-product' },
    });
    expect(await keptVersions()).toEqual(before);
    expect(await lineage(product('logistics', 'shipments'), 'out')).toEqual([product('sales', 'orders')]);
  });

  it('no id: BAD_REQUEST', async () => {
    await expect(unregisterProducts(store, [])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

it('an unregistration and a registration running at once both land', async () => {
  await Promise.all([
    unregisterProducts(store, [{ kind: 'product', id: 'shipments' }]),
    registerProducts(store, [descriptor('logistics/deliveries.odps.yaml')]),
  ]);
  expect((await registered())['mesh.logistics']).toEqual(['product deliveries']);
  expect(await lineage(product('sales', 'returns'), 'out')).toEqual([product('sales', 'orders')]);
});
