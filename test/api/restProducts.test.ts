/**
 * PUT, GET and DELETE /products/{id} and /contracts/{id} over real sockets on a real SQLite store: a
 * descriptor registered under the id of its product, read back as RDF in the negotiated syntax, replaced,
 * unregistered (gone from REST and GraphQL, with the lineage of the products it fed), and every bad
 * descriptor or unknown id answered with its code (and file, field and line) while nothing changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, startServer, type RunningServer } from '../../src/api/index.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { importDescriptor } from '../../src/mesh/index.ts';
import { compareGraphs, parseText, repoRoot, tempStore } from '../load/helpers.ts';
import { serveGraphql, type GraphqlServer } from './graphqlClient.ts';

const mesh = (path: string) => readFileSync(join(repoRoot, 'mesh', path), 'utf8');
const isomorphic = { missing: [], extra: [], blankIsomorphic: true };

/** A response's JSON body. */
async function json(response: Response): Promise<any> {
  return response.json();
}

let store: GraphStore;
let dispose: () => Promise<void>;
let running: RunningServer;

beforeAll(async () => {
  ({ store, dispose } = await tempStore());
  running = await startServer({ store, logger: createLogger(new PassThrough()), port: 0, host: '127.0.0.1', rest: { maxDescriptorBytes: 64 << 10 } });
});
afterAll(async () => {
  await running.close();
  await dispose();
});

function put(path: string, body: string, contentType = 'application/yaml'): Promise<Response> {
  return fetch(`${running.url}/${path}`, { method: 'PUT', body, headers: { 'content-type': contentType } });
}

async function versions(): Promise<Record<string, number[]>> {
  const all: Record<string, number[]> = {};
  for (const graphId of await store.graphIds()) all[graphId] = (await store.versions(graphId)).map((v) => v.version);
  return all;
}

describe('PUT /products/{id}', () => {
  it('registers an ODPS product into its domain graph (201), then replaces it (200)', async () => {
    const created = await put('products/orders', mesh('sales/orders.odps.yaml'));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/products/orders');
    expect(await json(created)).toMatchObject({
      kind: 'product', id: 'orders', format: 'odps-bitol', graphId: 'mesh.sales', version: 1, replaced: false,
      products: ['https://w3id.org/ontomesh/mesh/product/sales/orders'], graphs: [{ graphId: 'mesh.sales', version: 1 }],
    });
    const replaced = await put('products/orders', mesh('sales/orders.odps.yaml').replace('v3.0.0', 'v3.1.0'));
    expect([replaced.status, (await json(replaced)).version]).toEqual([200, 2]);
  });

  it('registers DPROD Turtle and JSON-LD by their Content-Type, and contracts under /contracts', async () => {
    const turtle = await put('products/sales-performance', mesh('sales/sales-performance.dprod.ttl'), 'text/turtle');
    expect([turtle.status, (await json(turtle)).format]).toEqual([201, 'dprod']);
    const jsonld = await put('products/customer-360', mesh('customer/customer-360.dprod.jsonld'), 'application/ld+json');
    expect([jsonld.status, (await json(jsonld)).graphId]).toEqual([201, 'mesh.customer']);
    const contract = await put('contracts/sales-orders', mesh('sales/orders.odcs.yaml'));
    expect([contract.status, (await json(contract)).kind]).toEqual([201, 'contract']);
    const list = await json(await fetch(`${running.url}/products`));
    expect(list.map((p: { id: string }) => p.id)).toEqual(['customer-360', 'orders', 'sales-performance']);
    const contracts = await json(await fetch(`${running.url}/contracts`));
    expect(contracts).toMatchObject([{ id: 'sales-orders', graphId: 'mesh.sales', format: 'odcs' }]);
  });
});

describe('GET /products/{id}', () => {
  it('serves the registered triples, with the lineage found across descriptors', async () => {
    const expected = (await importDescriptor({ file: 'x.ttl', content: mesh('sales/sales-performance.dprod.ttl') })).quads;
    for (const [accept, format] of [['text/turtle', 'ttl'], ['application/ld+json', 'jsonld'], ['application/rdf+xml', 'rdfxml']] as const) {
      const response = await fetch(`${running.url}/products/sales-performance`, { headers: { accept } });
      expect(response.status).toBe(200);
      expect(response.headers.get('ontomesh-graph')).toBe('mesh.sales');
      const quads = await parseText(await response.text(), format);
      const lineage = quads.filter((q) => q.predicate.value === 'http://www.w3.org/ns/prov#wasDerivedFrom');
      // sales-performance reads the orders product's output port: derived from it.
      expect(lineage.map((q) => q.object.value)).toEqual(['https://w3id.org/ontomesh/mesh/product/sales/orders']);
      expect(compareGraphs(quads.filter((q) => !lineage.includes(q)), expected), accept).toEqual(isomorphic);
    }
    const etag = (await fetch(`${running.url}/products/sales-performance`)).headers.get('etag')!;
    expect((await fetch(`${running.url}/products/sales-performance`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('404 for an id nothing is registered under', async () => {
    const response = await fetch(`${running.url}/products/nothing`);
    expect([response.status, (await json(response)).error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('a bad descriptor changes nothing', () => {
  it('DESCRIPTOR_INVALID (422) names the field and its line', async () => {
    const before = await versions();
    const response = await put('products/orders', mesh('sales/orders.odps.yaml').replace('status: active', 'status: {}'));
    expect(response.status).toBe(422);
    expect((await json(response)).error).toMatchObject({ code: 'DESCRIPTOR_INVALID', file: 'products/orders', field: '/status', line: 7 });
    expect(await versions()).toEqual(before);
  });

  it('SHACL_VIOLATION (422) for DPROD, RDF_SYNTAX (400), UNSUPPORTED_FORMAT (415)', async () => {
    const before = await versions();
    const shacl = await put('products/sales-performance', mesh('sales/sales-performance.dprod.ttl').replace('a prov:Agent, prov:Person', 'a prov:Person'), 'text/turtle');
    expect([shacl.status, (await json(shacl)).error.code]).toEqual([422, 'SHACL_VIOLATION']);
    const syntax = await put('products/sales-performance', '@prefix dprod: <https://ekgf.github.io/dprod/> .\n<x> a dprod:DataProduct', 'text/turtle');
    expect([syntax.status, (await json(syntax)).error]).toEqual([400, expect.objectContaining({ code: 'RDF_SYNTAX', line: 2 })]);
    const unknown = await put('products/orders', 'just: some yaml\n');
    expect([unknown.status, (await json(unknown)).error.code]).toEqual([415, 'UNSUPPORTED_FORMAT']);
    expect(await versions()).toEqual(before);
  });

  it('another id than the URL names, a DPDS with external references, an empty or oversized body', async () => {
    const before = await versions();
    const other = await put('products/invoices', mesh('sales/orders.odps.yaml'));
    expect([other.status, (await json(other)).error.message]).toEqual([400, expect.stringContaining('registers the product "orders", not the product "invoices"')]);
    const referencing = await put('products/product-catalog', mesh('sales/product-catalog.dpds.yaml'));
    expect([referencing.status, (await json(referencing)).error.message]).toEqual([422, expect.stringContaining('cannot reference other files')]);
    const empty = await put('products/orders', '');
    expect(empty.status).toBe(400);
    const large = await put('products/orders', `# ${'x'.repeat(64 << 10)}\n`);
    expect([large.status, await json(large)]).toEqual([413, { error: { code: 'PAYLOAD_TOO_LARGE', message: `the request body is larger than the limit of ${64 << 10} bytes` } }]);
    expect(await versions()).toEqual(before);
  });
});

describe('DELETE /products/{id} and /contracts/{id}', () => {
  const orders = 'https://w3id.org/ontomesh/mesh/product/sales/orders';
  const salesPerformance = 'https://w3id.org/ontomesh/mesh/product/sales/sales-performance';
  const productQuery = `query ($id: ID!) { dataProduct(id: $id) { id domain { id } upstream { id } downstream { id } } }`;
  let graphql: GraphqlServer;
  beforeAll(async () => {
    graphql = await serveGraphql(store);
  });
  afterAll(() => graphql.close());

  async function dataProduct(id: string): Promise<{ domain: { id: string }; upstream: { id: string }[]; downstream: { id: string }[] } | null> {
    const { data, errors } = await graphql.query(productQuery, { id });
    expect(errors).toBeUndefined();
    return data!.dataProduct;
  }

  async function productIds(filter: Record<string, unknown> = {}): Promise<string[]> {
    const { data } = await graphql.query('query ($filter: DataProductFilter) { dataProducts(filter: $filter, first: 100) { edges { node { id } } } }', { filter });
    return data!.dataProducts.edges.map((e: { node: { id: string } }) => e.node.id);
  }

  it('unregisters a product: 200 with the versions written; it is 404 and gone from GraphQL, its downstream loses the link, the old version is kept', async () => {
    for (const [path, file, type] of [['products/orders', 'sales/orders.odps.yaml', 'application/yaml'], ['products/sales-performance', 'sales/sales-performance.dprod.ttl', 'text/turtle']]) {
      expect((await put(path!, mesh(file!), type)).status).toBeLessThan(300);
    }
    expect((await dataProduct(salesPerformance))!.upstream).toEqual([{ id: orders }]);
    const salesDomain = (await dataProduct(orders))!.domain.id;
    const [active] = await store.versions('mesh.sales');

    const response = await fetch(`${running.url}/products/orders`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ kind: 'product', id: 'orders', graphId: 'mesh.sales', version: active!.version + 1, products: [orders] });
    expect(body.graphs).toContainEqual({ graphId: 'mesh.sales', version: active!.version + 1, triples: expect.any(Number) });

    const gone = await fetch(`${running.url}/products/orders`);
    expect([gone.status, (await json(gone)).error]).toEqual([404, expect.objectContaining({ code: 'NOT_FOUND', term: 'orders' })]);
    expect((await json(await fetch(`${running.url}/products`))).map((p: { id: string }) => p.id)).not.toContain('orders');
    const quads = await parseText(await (await fetch(`${running.url}/products/sales-performance`)).text(), 'ttl');
    expect(quads.filter((q) => q.predicate.value === 'http://www.w3.org/ns/prov#wasDerivedFrom')).toEqual([]);
    const expected = (await importDescriptor({ file: 'x.ttl', content: mesh('sales/sales-performance.dprod.ttl') })).quads;
    expect(compareGraphs(quads, expected)).toEqual(isomorphic);
    expect((await store.versions('mesh.sales')).slice(0, 2).map(({ version, active }) => ({ version, active }))).toEqual([
      { version: active!.version + 1, active: true }, { version: active!.version, active: false },
    ]);

    expect(await dataProduct(orders)).toBeNull();
    expect((await dataProduct(salesPerformance))!.upstream).toEqual([]);
    expect(await productIds()).not.toContain(orders);
    expect(await productIds({ domain: salesDomain })).toEqual([salesPerformance]);
  });

  it('404 with the error body for an id nothing is registered under (or of the other kind), changing nothing', async () => {
    const before = await versions();
    for (const path of ['products/orders', 'products/sales-orders', 'contracts/no-such-contract']) {
      const response = await fetch(`${running.url}/${path}`, { method: 'DELETE' });
      expect([response.status, (await json(response)).error]).toEqual([404, expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/^no (product|contract) is registered as "/) })]);
    }
    expect(await versions()).toEqual(before);
    expect(await (await fetch(`${running.url}/metrics`)).text()).toContain('ontomesh_loads_total{graph="contracts/no-such-contract",outcome="error"} 1');
  });

  it('a domain left with no registration gets an empty version: its products leave discovery', async () => {
    const salesDomain = (await dataProduct(salesPerformance))!.domain.id;
    for (const path of ['products/sales-performance', 'contracts/sales-orders']) expect((await fetch(`${running.url}/${path}`, { method: 'DELETE' })).status).toBe(200);
    expect((await store.versions('mesh.sales'))[0]).toMatchObject({ active: true, stats: { triples: 0 } });
    expect(await dataProduct(salesPerformance)).toBeNull();
    expect(await productIds({ domain: salesDomain })).toEqual([]);
    expect(await productIds()).toEqual(['https://w3id.org/ontomesh/mesh/product/customer/customer-360']);
  });
});
