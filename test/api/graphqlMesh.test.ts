/**
 * The mesh over GraphQL on a real SQLite store: the demo ontology and a generated mesh in separate
 * graphs (meshFixture.ts), so every concept query joins the mesh with the ontology's subclass
 * hierarchy across graphs. Expected answers are computed from the generator, not copied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataProductModel } from '../../src/mesh/index.ts';
import { tempDir, tempStore } from '../load/helpers.ts';
import { serveGraphql, type GraphqlServer } from './graphqlClient.ts';
import { c, generatedProduct, loadDemoMesh, meshDomains, productsPerDomain } from './meshFixture.ts';

let server: GraphqlServer;
let cleanup: () => Promise<void>;

const generated: DataProductModel[] = meshDomains.flatMap((_, d) => Array.from({ length: productsPerDomain }, (__, i) => generatedProduct(d, i)));
const inNameOrder = (products: DataProductModel[]) =>
  [...products].sort((a, b) => (a.name! < b.name! ? -1 : a.name! > b.name! ? 1 : a.iri < b.iri ? -1 : 1)).map((p) => p.iri);
const about = (...concepts: string[]) => inNameOrder(generated.filter((p) => p.concepts.some((x) => concepts.includes(x))));

beforeAll(async () => {
  const { store, dispose } = await tempStore();
  const { dir, remove } = await tempDir();
  await loadDemoMesh(store, dir);
  server = await serveGraphql(store);
  cleanup = async () => {
    await server.close();
    await dispose();
    await remove();
  };
});
afterAll(() => cleanup?.());

const productIds = `query ($filter: DataProductFilter, $first: Int, $after: String) {
  dataProducts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name domain { id } } } } }`;

async function products(filter: Record<string, unknown>, first = 100): Promise<string[]> {
  const { data, errors } = await server.query(productIds, { filter, first });
  expect(errors).toBeUndefined();
  expect(data!.dataProducts.totalCount).toBe(data!.dataProducts.edges.length);
  return data!.dataProducts.edges.map((e: { node: { id: string } }) => e.node.id);
}

describe('domains', () => {
  it('lists every domain in name order, each with its products', async () => {
    const { data } = await server.query('{ domains { id name dataProducts(first: 1) { totalCount } } }');
    const names = data!.domains.map((d: { name: string }) => d.name);
    expect(names).toEqual([...names].sort());
    for (const { id, label } of meshDomains) {
      expect(data!.domains).toContainEqual({ id: `https://w3id.org/ontomesh/mesh/domain/${id}`, name: label, dataProducts: { totalCount: productsPerDomain } });
    }
  });

  it('domain(id) pages through its products in name order; null for an unknown domain', async () => {
    const id = 'https://w3id.org/ontomesh/mesh/domain/sales';
    const { data } = await server.query('query ($id: ID!) { domain(id: $id) { name dataProducts(first: 5) { totalCount edges { node { id } } pageInfo { hasNextPage } } } none: domain(id: "https://example.org/none") { id } }', { id });
    const expected = inNameOrder(generated.filter((p) => p.domain!.iri === id));
    expect(data).toEqual({
      domain: { name: 'Sales', dataProducts: { totalCount: productsPerDomain, edges: expected.slice(0, 5).map((iri) => ({ node: { id: iri } })), pageInfo: { hasNextPage: true } } },
      none: null,
    });
  });
});

describe('concept discovery', () => {
  it('finds products annotated with a concept or any sub-concept, through the closure of another graph', async () => {
    expect(await products({ concept: c.customer })).toEqual(about(c.customer, c.retailCustomer, c.businessCustomer));
    expect(await products({ concept: c.customer, includeSubConcepts: false })).toEqual(about(c.customer));
    // Party: Customer, its equivalent-class intersections (RetailCustomer, BusinessCustomer) and Carrier (⊑ Organization ⊑ Party).
    expect(await products({ concept: c.party })).toEqual(about(c.customer, c.retailCustomer, c.businessCustomer, c.carrier));
    expect(await products({ concept: 'https://example.org/unknown' })).toEqual([]);
  });

  it('pages with opaque cursors: the pages of a list make up the whole list', async () => {
    const all = about(c.customer, c.retailCustomer, c.businessCustomer, c.carrier);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { data } = await server.query(productIds, { filter: { concept: c.party }, first: 7, after });
      const connection = data!.dataProducts;
      expect(connection.totalCount).toBe(all.length);
      seen.push(...connection.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(connection.edges.every((e: { cursor: string }) => !/^\d+$/.test(e.cursor))).toBe(true);
      after = connection.pageInfo.endCursor;
      if (!connection.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(all);
  });

  it('combines domain, tag, status, owner and text conditions', async () => {
    const sales = generated.filter((p) => p.domain!.id === 'sales');
    expect(await products({ domain: 'https://w3id.org/ontomesh/mesh/domain/sales', tag: 'DAILY', status: 'active' }))
      .toEqual(inNameOrder(sales.filter((p) => p.tags.includes('daily') && p.status === 'active')));
    expect(await products({ status: 'Consume', owner: 'https://w3id.org/ontomesh/mesh/agent/logistics-team' }))
      .toEqual(inNameOrder(generated.filter((p) => p.domain!.id === 'logistics' && p.status === 'active')));
    expect(await products({ text: 'revenue', concept: c.customer, includeSubConcepts: false }))
      .toEqual(inNameOrder(sales.filter((p) => p.name!.includes('revenue') && p.concepts.includes(c.customer))));
  });
});

describe('products, datasets and fields', () => {
  it('dataProduct(id) has its domain, owner, concepts, ports, datasets and fields', async () => {
    const product = generatedProduct(1, 4);
    const port = product.outputPorts[0]!;
    const dataset = port.distributions[0]!.dataset!;
    const { data } = await server.query(`query ($id: ID!) { dataProduct(id: $id) {
      id name description version status lifecycleStatus tags domain { id name } owner { id name email type }
      concepts { iri label } outputPorts { id name protocol endpointUrl format datasets { id name concepts { iri } dataProducts { id }
        fields { name datatype logicalType nullable primaryKey concepts { iri } } } } inputPorts { id } } }`, { id: product.iri });
    expect(data!.dataProduct).toEqual({
      id: product.iri, name: product.name, description: product.description, version: product.version, status: 'Consume',
      lifecycleStatus: 'https://ekgf.github.io/dprod/data/lifecycle-status/Consume', tags: [...product.tags].sort(),
      domain: { id: product.domain!.iri, name: 'Sales' },
      owner: { id: product.owner!.iri, name: 'Sales data team', email: 'sales@mesh.example.com', type: 'organization' },
      concepts: [{ iri: c.order, label: 'order' }],
      outputPorts: [{
        id: port.iri, name: port.name, protocol: 'rest-services', endpointUrl: port.endpointUrl, format: null,
        datasets: [{
          id: dataset.iri, name: dataset.title, concepts: [{ iri: c.order }], dataProducts: [{ id: product.iri }],
          fields: [...dataset.fields].sort((a, b) => (a.name < b.name ? -1 : 1)).map((f) => ({
            name: f.name, datatype: f.xsdDatatype, logicalType: f.datatype, nullable: f.nullable ?? null, primaryKey: f.primaryKey ?? null,
            concepts: f.concepts.map((iri) => ({ iri })),
          })),
        }],
      }],
      inputPorts: [],
    });
    expect((await server.query('{ dataProduct(id: "https://example.org/none") { id } }')).data).toEqual({ dataProduct: null });
  });

  it('reads annotations in each format\'s own place: DPDS table and column tags, a DCS field $ref', async () => {
    const { data } = await server.query(`{
      shipment: concept(iri: "${c.shipment}") { datasets { name dataProducts { name domain { id } } } }
      carrier: concept(iri: "${c.carrier}") { fields { name nullable dataset { name } } }
      address: concept(iri: "${c.address}") { fields { name dataset { name } } } }`);
    expect(data!.shipment.datasets).toContainEqual({ name: 'shipments', dataProducts: [expect.objectContaining({ name: expect.any(String) })] });
    expect(data!.carrier.fields).toEqual([{ name: 'carrier_name', nullable: false, dataset: { name: 'shipments' } }]);
    expect(data!.address.fields).toEqual([{ name: 'country_region', dataset: { name: 'covid_cases' } }]);
  });

  it('dataset(id) lists its fields and the products that provide it', async () => {
    const product = generatedProduct(2, 0);
    const dataset = product.outputPorts[0]!.distributions[0]!.dataset!;
    const { data } = await server.query(`{ dataset(id: "${dataset.iri}") { name fields { name } dataProducts { id } } }`);
    expect(data!.dataset).toEqual({ name: dataset.title, fields: dataset.fields.map((f) => ({ name: f.name })).sort((a, b) => (a.name < b.name ? -1 : 1)), dataProducts: [{ id: product.iri }] });
  });
});

describe('concepts', () => {
  it('concept(iri) has labels and definitions by language, the hierarchy, properties and deprecation', async () => {
    const { data } = await server.query(`{ concept(iri: "${c.retailCustomer}") {
      iri label de: label(lang: "de") definition defined deprecated superConcepts { iri } ancestors: superConcepts(transitive: true) { iri }
      properties { iri } inherited: properties(inherited: true) { iri kind } }
      client: concept(iri: "${c.client}") { deprecated replacedBy { iri } } }`);
    const concept = data!.concept;
    expect(concept).toMatchObject({ iri: c.retailCustomer, label: 'retail customer', de: 'Privatkunde', defined: true, deprecated: false });
    expect(concept.properties).toEqual([{ iri: 'https://w3id.org/ontomesh/demo/customer#dateOfBirth' }]);
    expect(concept.definition).toEqual(expect.any(String));
    expect(concept.ancestors).toEqual(expect.arrayContaining([{ iri: c.customer }, { iri: c.person }, { iri: c.party }]));
    expect(concept.inherited).toContainEqual({ iri: 'https://w3id.org/ontomesh/demo/customer#referredBy', kind: 'OBJECT' });
    expect(data!.client).toEqual({ deprecated: true, replacedBy: [{ iri: c.customer }] });
  });

  it('lists every product, dataset and field annotated with a concept, in every domain', async () => {
    const { data } = await server.query(`{ concept(iri: "${c.customer}") {
      direct: dataProducts(first: 100) { totalCount edges { node { id domain { id } } } }
      all: dataProducts(includeSubConcepts: true, first: 100) { totalCount }
      datasets { name } fields(includeSubConcepts: true) { name } } }`);
    const concept = data!.concept;
    expect(concept.direct.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(about(c.customer));
    expect(new Set(concept.direct.edges.map((e: { node: { domain: { id: string } } }) => e.node.domain.id)).size).toBe(2);
    expect(concept.all.totalCount).toBe(about(c.customer, c.retailCustomer, c.businessCustomer).length);
    const datasets = generated.filter((p) => p.concepts.includes(c.customer) && p.outputPorts[0]!.distributions[0]!.dataset!.concepts.length > 0);
    expect(concept.datasets).toHaveLength(datasets.length);
    expect(concept.fields).toEqual([]);
  });

  it('is null for a property and for an unknown IRI', async () => {
    const { data } = await server.query('{ p: concept(iri: "https://w3id.org/ontomesh/demo/customer#referredBy") { iri } u: concept(iri: "https://example.org/none") { iri } }');
    expect(data).toEqual({ p: null, u: null });
  });
});

describe('search', () => {
  it('ranks exact label matches first and covers concepts, products, datasets and fields', async () => {
    const { data } = await server.query('{ search(text: "customer", first: 100) { totalCount edges { highlight score node { __typename ... on Concept { iri } ... on DataProduct { id } } } } }');
    const { edges, totalCount } = data!.search;
    expect(edges[0]).toMatchObject({ highlight: '<b>customer</b>', node: { __typename: 'Concept', iri: c.customer } });
    expect(edges[0].score).toBeGreaterThan(edges[1].score);
    expect(new Set(edges.map((e: { node: { __typename: string } }) => e.node.__typename))).toEqual(new Set(['Concept', 'DataProduct']));
    expect(totalCount).toBe(edges.length);
    const kinds = async (text: string) => new Set((await server.query(`{ search(text: "${text}", first: 100) { edges { node { __typename } } } }`))
      .data!.search.edges.map((e: { node: { __typename: string } }) => e.node.__typename));
    expect(new Set([...(await kinds('shipments')), ...(await kinds('carrier'))])).toEqual(new Set(['Concept', 'DataProduct', 'Dataset', 'Field']));
  });

  it('keeps the kinds asked for, and pages', async () => {
    const query = `query ($after: String) { search(text: "revenue", kinds: [DATA_PRODUCT], first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { matchedProperty node { __typename ... on DataProduct { id name domain { id } } } } } }`;
    const first = (await server.query(query)).data!.search;
    const revenue = generated.filter((p) => p.name!.includes('revenue'));
    expect(first.totalCount).toBe(revenue.length);
    expect(first.edges.every((e: { node: { __typename: string } }) => e.node.__typename === 'DataProduct')).toBe(true);
    const second = (await server.query(query, { after: first.pageInfo.endCursor })).data!.search;
    const ids = [...first.edges, ...second.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids.every((id) => revenue.some((p) => p.iri === id))).toBe(true);
    const fields = (await server.query('{ search(text: "party", kinds: [FIELD]) { edges { node { ... on Field { name } } } } }')).data!.search.edges;
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((e: { node: { name: string } }) => e.node.name === 'party_name')).toBe(true);
  });
});

describe('errors', () => {
  it('carry extensions.code: BAD_REQUEST for a bad page, cursor or search text', async () => {
    const codes = async (query: string) => (await server.query(query)).errors?.map((e) => [e.message, e.extensions.code]);
    expect(await codes('{ dataProducts(first: 0) { totalCount } }')).toEqual([['first must be between 1 and 100 (got 0)', 'BAD_REQUEST']]);
    expect(await codes('{ dataProducts(after: "nonsense") { totalCount } }')).toEqual([['invalid cursor "nonsense"', 'BAD_REQUEST']]);
    expect(await codes('{ search(text: "  ") { totalCount } }')).toEqual([['search text must not be empty', 'BAD_REQUEST']]);
    expect(await codes('{ dataProducts { nope } }')).toEqual([[expect.stringContaining('Cannot query field "nope"'), 'BAD_REQUEST']]);
  });
});
