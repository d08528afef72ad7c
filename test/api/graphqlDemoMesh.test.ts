/**
 * The demo mesh as `ontomesh serve` seeds it (./ontology as graph `mesh`, the descriptors of ./mesh
 * registered into one graph per domain) over GraphQL: discovery across the domain graphs through
 * the ontology's closure, ports serving their contracts' datasets, field-level annotations in
 * every domain, and the registration of a product replacing the read model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { registerProducts } from '../../src/load/index.ts';
import { serveDemoMesh, type DemoMeshServer } from './demoMeshServer.ts';
import type { GraphqlServer } from './graphqlClient.ts';
import { c } from './meshFixture.ts';

let demo: DemoMeshServer | undefined;
let store: GraphStore;
let server: GraphqlServer;
beforeAll(async () => {
  demo = await serveDemoMesh();
  ({ store, server } = demo);
});
afterAll(async () => {
  await demo?.close();
});

const names = (connection: { edges: { node: { name: string } }[] }) => connection.edges.map((e) => e.node.name);

describe('the demo mesh', () => {
  it('has three or more domains, each in its own graph, and finds products about Party in several of them', async () => {
    const { data } = await server.query(`{ ontologies { id }
      dataProducts(filter: { concept: "${c.party}" }, first: 50) { totalCount edges { node { name domain { id } concepts { iri } } } } }`);
    expect(data!.ontologies.length).toBeGreaterThanOrEqual(4);
    const found = data!.dataProducts.edges.map((e: { node: { domain: { id: string }; concepts: { iri: string }[] } }) => e.node);
    expect(found.length).toBeGreaterThan(1);
    expect(new Set(found.map((p: { domain: { id: string } }) => p.domain.id)).size).toBeGreaterThan(1);
    // None is annotated with Party itself: every match comes through a sub-concept.
    expect(found.every((p: { concepts: { iri: string }[] }) => !p.concepts.some((x) => x.iri === c.party))).toBe(true);
  });

  it('serves, on a port that conforms to a data contract, the contract\'s datasets and fields', async () => {
    const { data } = await server.query(`{ dataProduct(id: "https://w3id.org/ontomesh/mesh/product/finance/invoices") {
      outputPorts { datasets { name fields { name } } } outputDatasets { name } } }`);
    const port = data!.dataProduct.outputPorts[0];
    expect(port.datasets.length).toBeGreaterThan(0);
    expect(port.datasets[0].fields.map((f: { name: string }) => f.name)).toContain('invoice_number');
    expect(data!.dataProduct.outputDatasets).toEqual(port.datasets.map(({ name }: { name: string }) => ({ name })));
  });

  it('lists the fields annotated with Customer across domains, each with its dataset and products', async () => {
    const { data } = await server.query(`{ concept(iri: "${c.customer}") { fields { name dataset { dataProducts { domain { id } } } } } }`);
    const domains = new Set(data!.concept.fields.flatMap((f: { dataset: { dataProducts: { domain: { id: string } }[] } }) => f.dataset.dataProducts.map((p) => p.domain.id)));
    expect(data!.concept.fields.length).toBeGreaterThan(1);
    expect(domains.size).toBeGreaterThan(1);
  });

  it('answers from the new read model once a registration activates new versions', async () => {
    const before = (await server.query('{ dataProducts(first: 100) { totalCount } }')).data!.dataProducts.totalCount;
    const descriptor = `apiVersion: v1.0.0
kind: DataProduct
id: returns-analytics
name: Returns analytics
status: active
domain: logistics
tags: [${c.shipment}]
`;
    await registerProducts(store, [{ file: 'returns.odps.yaml', content: descriptor }]);
    const { data } = await server.query(`{ dataProducts(first: 100) { totalCount } shipment: dataProducts(filter: { concept: "${c.shipment}", text: "returns" }) { edges { node { name } } } }`);
    expect(data!.dataProducts.totalCount).toBe(before + 1);
    expect(names(data!.shipment)).toEqual(['Returns analytics']);
  });
});
