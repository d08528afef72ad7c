/**
 * Registering descriptors into a real SQLite store: the demo mesh (./mesh) lands in one graph per
 * domain with a named graph per descriptor holding exactly the descriptor's triples, lineage across
 * descriptors and domains is written and kept current, re-registering replaces only what it must, and
 * every refusal (invalid descriptor, duplicate id, a domain graph that holds ontologies) changes nothing.
 */
import { readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import {
  loadOntologies, readDescriptorFiles, readProductGraphs, registerProducts, registrationGraph, lineageGraph,
} from '../../src/load/index.ts';
import { importDescriptor, type DescriptorInput } from '../../src/mesh/index.ts';
import { compareGraphs, fixture, namedGraphTriples, repoRoot, tempStore } from './helpers.ts';

const meshFolder = `${repoRoot}mesh`;
const product = (domain: string, id: string) => `https://w3id.org/ontomesh/mesh/product/${domain}/${id}`;
const wasDerivedFrom = 'http://www.w3.org/ns/prov#wasDerivedFrom';

let store: GraphStore;
let dispose: () => Promise<void>;
beforeEach(async () => {
  ({ store, dispose } = await tempStore());
});
afterEach(() => dispose());

function descriptor(path: string, edit: (text: string) => string = (text) => text): DescriptorInput {
  return { file: `mesh/${path}`, content: edit(readFileSync(`${meshFolder}/${path}`, 'utf8')) };
}

/** The triples of one named graph of a product graph's active version. */
const namedGraph = (graphId: string, graph: string) => namedGraphTriples(store, graphId, graph);

async function upstreamOf(iri: string): Promise<string[]> {
  const neighbours = await store.neighbours(await store.snapshot(), [iri], { predicate: wasDerivedFrom, direction: 'out' });
  return neighbours.get(iri) ?? [];
}

async function activeVersions(): Promise<Record<string, number>> {
  const versions: Record<string, number> = {};
  for (const graphId of await store.graphIds()) versions[graphId] = (await store.versions(graphId)).find((v) => v.active)!.version;
  return versions;
}

describe('the demo mesh', () => {
  it('registers 17 products and 9 contracts into one graph per domain', async () => {
    const summary = await registerProducts(store, await readDescriptorFiles([meshFolder]));
    expect(summary.registrations.filter((r) => r.kind === 'product')).toHaveLength(17);
    expect(summary.registrations.filter((r) => r.kind === 'contract')).toHaveLength(9);
    // The DPDS API definition the product catalogue references is a part of it, not a descriptor.
    expect(summary.registrations.map((r) => r.source)).not.toContain('mesh/sales/product-catalog.tables.yaml');
    expect(summary.graphs.map((g) => g.graphId)).toEqual(['mesh._', 'mesh.customer', 'mesh.finance', 'mesh.logistics', 'mesh.sales']);
    const graphs = await readProductGraphs(store);
    const products = Object.fromEntries(graphs.map((g) => [g.graphId, g.registrations.filter((r) => r.kind === 'product').map((r) => r.id).sort()]));
    expect(products).toEqual({
      'mesh._': [],
      'mesh.customer': ['business-customers', 'customer-360', 'customer-accounts', 'customer-profiles', 'loyalty-members'],
      'mesh.finance': ['invoices', 'payments', 'revenue-reporting'],
      'mesh.logistics': ['carrier-performance', 'deliveries', 'shipments', 'warehouse-stock'],
      'mesh.sales': ['basket-analysis', 'orders', 'product-catalog', 'returns', 'sales-performance'],
    });
    // The version's documents are the descriptors, in registration order.
    const [sales] = await store.versions('mesh.sales');
    expect(sales!.meta.documents.map((d) => d.location)).toContain('mesh/sales/orders.odps.yaml');
  });

  it('keeps each descriptor\'s triples in its own named graph, exactly', async () => {
    await registerProducts(store, await readDescriptorFiles([meshFolder]));
    for (const [path, graphId, graph] of [
      ['sales/orders.odps.yaml', 'mesh.sales', registrationGraph('product', 'orders')],
      ['sales/product-catalog.dpds.yaml', 'mesh.sales', registrationGraph('product', 'product-catalog')],
      ['customer/business-customers.dprod.ttl', 'mesh.customer', registrationGraph('product', 'business-customers')],
      ['logistics/carrier-performance.dprod.jsonld', 'mesh.logistics', registrationGraph('product', 'carrier-performance')],
      ['finance/payments.datacontract.yaml', 'mesh._', registrationGraph('contract', 'payments')],
    ] as const) {
      const expected = (await importDescriptor(descriptor(path))).quads;
      const comparison = compareGraphs(await namedGraph(graphId, graph), expected);
      expect(comparison, path).toEqual({ missing: [], extra: [], blankIsomorphic: true });
    }
  });

  it('links products across descriptors and domains (contracts and shared data services)', async () => {
    await registerProducts(store, await readDescriptorFiles([meshFolder]));
    expect(await upstreamOf(product('sales', 'orders'))).toEqual([product('customer', 'customer-profiles')]);
    expect(await upstreamOf(product('logistics', 'shipments'))).toEqual([product('sales', 'orders')]);
    expect(await upstreamOf(product('finance', 'revenue-reporting'))).toEqual([product('finance', 'invoices'), product('finance', 'payments')]);
    expect(await upstreamOf(product('customer', 'customer-360'))).toEqual([
      product('customer', 'customer-profiles'), product('customer', 'loyalty-members'), product('logistics', 'deliveries'), product('sales', 'orders'),
    ]);
    // Lineage is kept in the downstream registration's lineage graph.
    expect(await namedGraph('mesh.logistics', lineageGraph(registrationGraph('product', 'shipments')))).toHaveLength(1);
  });
});

describe('registering again', () => {
  beforeEach(async () => {
    await loadOntologies(store, [fixture('protege-owl/pizza-owlcs/pizza.owl')], { missingImports: 'warn', allowRemoteImports: [] });
    await registerProducts(store, await readDescriptorFiles([meshFolder]));
  });

  it('replaces only the descriptor, in a new version of its domain graph only', async () => {
    const before = await activeVersions();
    const beforeSales = await namedGraph('mesh.sales', registrationGraph('product', 'returns'));
    const summary = await registerProducts(store, [descriptor('sales/orders.odps.yaml', (t) => t.replace('All orders from the web shop', 'Every order from the web shop'))]);
    expect(summary.registrations[0]).toMatchObject({ kind: 'product', id: 'orders', replaced: true, graphId: 'mesh.sales', version: before['mesh.sales']! + 1 });
    expect(await activeVersions()).toEqual({ ...before, 'mesh.sales': before['mesh.sales']! + 1 });
    const orders = await namedGraph('mesh.sales', registrationGraph('product', 'orders'));
    const purposes = orders.filter((q) => q.predicate.value === 'https://ekgf.github.io/dprod/purpose').map((q) => q.object.value);
    expect(purposes).toEqual([expect.stringMatching(/^Every order from the web shop/)]);
    expect(compareGraphs(await namedGraph('mesh.sales', registrationGraph('product', 'returns')), beforeSales)).toEqual({ missing: [], extra: [], blankIsomorphic: true });
  });

  it('updates lineage in other domains when an upstream product changes its ports', async () => {
    const before = await activeVersions();
    // customer-profiles stops publishing the contract orders (sales), loyalty-members (customer) consume.
    await registerProducts(store, [descriptor('customer/customer-profiles.odps.yaml', (t) => t.replace('contractId: customer-profiles', 'contractId: customer-profiles-v3'))]);
    expect(await upstreamOf(product('sales', 'orders'))).toEqual([]);
    expect(await upstreamOf(product('customer', 'loyalty-members'))).toEqual([]);
    const after = await activeVersions();
    expect(after['mesh.sales']).toBe(before['mesh.sales']! + 1);
    expect(after['mesh.logistics']).toBe(before['mesh.logistics']);
    expect(after['pizza']).toBe(before['pizza']);
  });

  it('moves a product to the graph of its new domain', async () => {
    await registerProducts(store, [descriptor('sales/basket-analysis.dpds.json', (t) => t.replace('"domain": "sales"', '"domain": "marketing"'))]);
    const graphs = Object.fromEntries((await readProductGraphs(store)).map((g) => [g.graphId, g.registrations.map((r) => r.id)]));
    expect(graphs['mesh.marketing']).toEqual(['basket-analysis']);
    expect(graphs['mesh.sales']).not.toContain('basket-analysis');
    expect(await namedGraph('mesh.sales', registrationGraph('product', 'basket-analysis'))).toEqual([]);
  });

  it('keeps facts another descriptor also states when one stops stating them', async () => {
    // orders and returns are both owned by jonas.meyer@example.com; orders changes owner.
    const jonas = 'https://w3id.org/ontomesh/mesh/agent/jonas.meyer%40example.com';
    await registerProducts(store, [descriptor('sales/orders.odps.yaml', (t) => t.replace('jonas.meyer@example.com', 'ana.lopez@example.com').replace('Jonas Meyer', 'Ana Lopez'))]);
    const owner = await store.getResource(await store.snapshot(), jonas);
    expect(owner!.properties.map((p) => p.value.lexical)).toContain('Jonas Meyer');
  });
});

describe('refusals change nothing', () => {
  beforeEach(async () => {
    await registerProducts(store, [descriptor('sales/orders.odps.yaml')]);
  });

  it('an invalid descriptor among valid ones: DESCRIPTOR_INVALID naming file, field and line', async () => {
    const before = await activeVersions();
    const invalid = descriptor('logistics/shipments.odcs.yaml', (t) => t.replace('status: active', 'status: [active]'));
    const error = await registerProducts(store, [descriptor('logistics/shipments.odps.yaml'), invalid]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DESCRIPTOR_INVALID', location: { file: 'mesh/logistics/shipments.odcs.yaml', line: 6, column: 9 }, details: { field: '/status' } });
    expect(await activeVersions()).toEqual(before);
  });

  it('two descriptors registering one id: BAD_REQUEST naming both', async () => {
    const error = await registerProducts(store, [descriptor('sales/orders.odps.yaml'), { ...descriptor('sales/orders.odps.yaml'), file: 'copy.yaml' }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('mesh/sales/orders.odps.yaml and copy.yaml') });
  });

  it('a domain graph id already used by ontologies', async () => {
    await loadOntologies(store, [fixture('protege-owl/pizza-owlcs/pizza.owl')], { id: 'mesh.logistics', missingImports: 'warn', allowRemoteImports: [] });
    const before = await activeVersions();
    const error = await registerProducts(store, [descriptor('logistics/shipments.odps.yaml')]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', location: { term: 'mesh.logistics' } });
    expect(await activeVersions()).toEqual(before);
  });

  it('an id other than the one asked for (PUT /products/{id})', async () => {
    const error = await registerProducts(store, [descriptor('sales/returns.odps.yaml')], { expect: { kind: 'product', id: 'orders' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', location: { term: 'returns' } });
  });
});

it('links an upstream registered after its downstream, and registrations running at once both land', async () => {
  await registerProducts(store, [descriptor('logistics/shipments.odps.yaml')]);
  expect(await upstreamOf(product('logistics', 'shipments'))).toEqual([]);
  await Promise.all([
    registerProducts(store, [descriptor('sales/orders.odps.yaml')]),
    registerProducts(store, [descriptor('sales/returns.odps.yaml')]),
  ]);
  expect(await upstreamOf(product('logistics', 'shipments'))).toEqual([product('sales', 'orders')]);
  expect(await upstreamOf(product('sales', 'returns'))).toEqual([product('logistics', 'shipments'), product('sales', 'orders')]);
  const sales = (await readProductGraphs(store)).find((g) => g.graphId === 'mesh.sales')!;
  expect(sales.registrations.map((r) => r.id).sort()).toEqual(['orders', 'returns']);
});

it('keeps a descriptor\'s blank nodes apart and intact when its graph is rewritten', async () => {
  const blanky = (id: string) => ({
    file: `${id}.ttl`,
    content: `@prefix dprod: <https://ekgf.github.io/dprod/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      @prefix dct: <http://purl.org/dc/terms/> .
      <https://example.com/product/${id}> a dprod:DataProduct ; rdfs:label "${id}" ; dprod:domain <https://example.com/domain/research> ;
        dct:creator [ rdfs:label "a team without an IRI" ; dct:description [ rdfs:label "nested" ] ] .`,
  });
  await registerProducts(store, [blanky('alpha'), blanky('beta')]);
  await registerProducts(store, [{ ...blanky('beta'), content: blanky('beta').content.replace('"beta"', '"beta 2"') }]);
  const graphs = await readProductGraphs(store);
  expect(graphs.map((g) => g.graphId)).toEqual(['mesh.research']);
  const alpha = await namedGraph('mesh.research', registrationGraph('product', 'alpha'));
  const beta = await namedGraph('mesh.research', registrationGraph('product', 'beta'));
  expect(compareGraphs(alpha, (await importDescriptor(blanky('alpha'))).quads)).toEqual({ missing: [], extra: [], blankIsomorphic: true });
  expect(alpha.filter((q) => q.object.termType === 'BlankNode')).toHaveLength(2);
  // The two descriptors' blank nodes are distinct nodes in the graph.
  const blanks = (quads: Quad[]) => new Set(quads.flatMap((q) => [q.subject, q.object]).filter((t) => t.termType === 'BlankNode').map((t) => t.value));
  expect([...blanks(alpha)].filter((b) => blanks(beta).has(b))).toEqual([]);
});
