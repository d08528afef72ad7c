/**
 * Lineage over GraphQL on the demo mesh as `ontomesh serve` seeds it, and on a small mesh of loops:
 * every product's, dataset's and column's transitive lineage each way and to several depths, and
 * the concept-level lineage of concepts with and without their sub-concepts, each checked against
 * what lineageOracle.ts works out from the served triples; cycles end the walks; the depth is capped
 * with BAD_REQUEST. Every query runs interpreted and compiled (serveGraphql checks both agree).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { registerProducts } from '../../src/load/index.ts';
import { tempStore } from '../load/helpers.ts';
import { serveDemoMesh, type DemoMeshServer } from './demoMeshServer.ts';
import { serveGraphql, type GraphqlServer } from './graphqlClient.ts';
import { LineageOracle, servedQuads, type Direction, type ExpectedWalk, type Kind } from './lineageOracle.ts';
import { c } from './meshFixture.ts';

const directions: Direction[] = ['UPSTREAM', 'DOWNSTREAM', 'BOTH'];
const edgeFields = 'from { id } to { id } activities { id }';
const walkFields = (kind: Kind) => `truncated nodes { id } edges { ${edgeFields} ${kind === 'product' ? 'crossesDomains via { kind contract outputPort { id } inputPort { id } }' : ''} }`;

interface WalkAnswer {
  truncated: boolean;
  nodes: { id: string }[];
  edges: { from: { id: string }; to: { id: string }; activities: { id: string }[]; crossesDomains?: boolean; via?: { kind: string; contract: string | null; outputPort: { id: string }; inputPort: { id: string } }[] }[];
}

/** The answer in the oracle's shape (sorted sets), checking on the way that no node or edge is listed twice. */
function shape(walk: WalkAnswer): ExpectedWalk {
  const nodes = walk.nodes.map((n) => n.id);
  const edges = walk.edges.map((e) => `${e.from.id}>${e.to.id}`);
  expect(new Set(nodes).size).toBe(nodes.length);
  expect(new Set(edges).size).toBe(edges.length);
  return { nodes: nodes.sort(), edges: edges.sort(), truncated: walk.truncated };
}

/** Checks what every edge says besides its ends: its processes, and for products their domains and ports. */
function checkEdges(oracle: LineageOracle, walk: WalkAnswer): void {
  for (const edge of walk.edges) {
    const [from, to] = [edge.from.id, edge.to.id];
    expect(edge.activities.map((a) => a.id).sort()).toEqual(oracle.activities(from, to));
    if (edge.via === undefined) continue;
    expect(edge.via.map((v) => `${v.kind} ${v.outputPort.id} ${v.inputPort.id} ${v.contract}`).sort()).toEqual(oracle.via(from, to));
    const [a, b] = [oracle.domainOf(from), oracle.domainOf(to)];
    expect(edge.crossesDomains).toBe(a !== undefined && b !== undefined && a !== b);
  }
}

/** The lineage of every linked node of a kind, a few per query, against the oracle. */
async function checkEveryWalk(server: GraphqlServer, oracle: LineageOracle, kind: Kind, depths: readonly number[]): Promise<number> {
  const ids = oracle.linked(kind);
  let checked = 0;
  for (const direction of directions) {
    for (const depth of depths) {
      for (let i = 0; i < ids.length; i += 4) {
        const batch = ids.slice(i, i + 4);
        const lineage = `lineage(direction: ${direction}, depth: ${depth}) { ${walkFields(kind)} }`;
        const selections = batch.map((id, n) => kind === 'product' ? `n${n}: dataProduct(id: "${id}") { ${lineage} }`
          : kind === 'dataset' ? `n${n}: dataset(id: "${id}") { ${lineage} }`
            : `n${n}: dataset(id: "${oracle.datasetOf(id)}") { fields { id ${lineage} } }`);
        const { data, errors } = await server.query(`{ ${selections.join(' ')} }`);
        expect(errors).toBeUndefined();
        batch.forEach((id, n) => {
          const node = data![`n${n}`];
          const walk: WalkAnswer = kind === 'field' ? node.fields.find((f: { id: string }) => f.id === id).lineage : node.lineage;
          expect(shape(walk), `${kind} ${id} ${direction} ${depth}`).toEqual(oracle.walk(kind, [id], direction, depth));
          checkEdges(oracle, walk);
          checked++;
        });
      }
    }
  }
  return checked;
}

describe('the demo mesh', () => {
  let demo: DemoMeshServer | undefined;
  let server: GraphqlServer;
  let oracle: LineageOracle;
  beforeAll(async () => {
    demo = await serveDemoMesh();
    server = demo.server;
    oracle = new LineageOracle(await servedQuads(demo.store));
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('has lineage at product, dataset and column level, columns of one contract computed from another\'s', () => {
    expect(oracle.linked('product').length).toBeGreaterThan(10);
    expect(oracle.linked('dataset').length).toBeGreaterThan(3);
    expect(oracle.linked('field').length).toBeGreaterThan(3);
    const contractOf = (field: string) => oracle.datasetOf(field)?.split('/dataset/')[0];
    const crossing = oracle.linked('field').filter((field) => oracle.walk('field', [field], 'DOWNSTREAM', 1).edges
      .some((edge) => contractOf(edge.split('>')[0]!) !== contractOf(edge.split('>')[1]!)));
    expect(crossing.length).toBeGreaterThan(0);
  });

  it('walks every product\'s lineage each way to depths 1, 2 and 10, with the ports that link them', async () => {
    expect(await checkEveryWalk(server, oracle, 'product', [1, 2, 10])).toBe(oracle.linked('product').length * 9);
  });

  it('walks every dataset\'s and every column\'s lineage each way to depths 1 and 10', async () => {
    expect(await checkEveryWalk(server, oracle, 'dataset', [1, 10])).toBeGreaterThan(0);
    expect(await checkEveryWalk(server, oracle, 'field', [1, 10])).toBeGreaterThan(0);
  });

  it('keeps DataProduct.upstream and downstream, and gives datasets and fields theirs, as the depth-1 walks', async () => {
    const product = 'https://w3id.org/ontomesh/mesh/product/sales/orders';
    const dataset = 'https://w3id.org/ontomesh/mesh/contract/invoices/dataset/invoices';
    const { data } = await server.query(`{ dataProduct(id: "${product}") { upstream { id } downstream { id } }
      dataset(id: "${dataset}") { upstream { id } downstream { id } fields { id upstream { id } downstream { id } } } }`);
    const ids = (list: { id: string }[]) => list.map((n) => n.id).sort();
    const near = (kind: Kind, id: string, direction: Direction) => oracle.walk(kind, [id], direction, 1).nodes.filter((n) => n !== id);
    expect(ids(data!.dataProduct.upstream)).toEqual(near('product', product, 'UPSTREAM'));
    expect(ids(data!.dataProduct.downstream)).toEqual(near('product', product, 'DOWNSTREAM'));
    expect(ids(data!.dataset.upstream)).toEqual(near('dataset', dataset, 'UPSTREAM'));
    expect(ids(data!.dataset.downstream)).toEqual(near('dataset', dataset, 'DOWNSTREAM'));
    for (const field of data!.dataset.fields) {
      expect(ids(field.upstream)).toEqual(near('field', field.id, 'UPSTREAM'));
      expect(ids(field.downstream)).toEqual(near('field', field.id, 'DOWNSTREAM'));
    }
    expect(data!.dataset.fields.some((f: { upstream: unknown[] }) => f.upstream.length > 0)).toBe(true);
  });

  describe.each([
    { concept: c.customer, includeSubConcepts: true },
    { concept: c.customer, includeSubConcepts: false },
    { concept: c.party, includeSubConcepts: true },
    { concept: c.order, includeSubConcepts: true },
  ])('conceptLineage of $concept (sub-concepts: $includeSubConcepts)', ({ concept, includeSubConcepts }) => {
    it.each(directions)('%s to depth 2: the carriers, their flows at every level and the flows between domains', async (direction) => {
      const { data, errors } = await server.query(`{ conceptLineage(concept: "${concept}", includeSubConcepts: ${includeSubConcepts}, direction: ${direction}, depth: 2) {
        concept { iri } dataProducts { id } datasets { id dataProducts { id outputDatasets { id } } } fields { id }
        productFlows { ${walkFields('product')} } datasetFlows { ${walkFields('dataset')} } fieldFlows { ${walkFields('field')} }
        domainFlows { from { id } to { id } edges { from { id } to { id } } } } }`);
      expect(errors).toBeUndefined();
      const answer = data!.conceptLineage;
      const ids = (list: { id: string }[]) => list.map((n) => n.id);
      const under = includeSubConcepts ? oracle.conceptsUnder(concept) : [concept];
      const fields = oracle.annotated('field', under);
      const datasets = [...new Set([...oracle.annotated('dataset', under), ...fields.map((f) => oracle.datasetOf(f)!)])].sort();
      // Which products provide a dataset is DataProduct.outputDatasets' answer (tested in graphqlDemoMesh.test.ts).
      const providers = answer.datasets.flatMap((d: { id: string; dataProducts: { id: string; outputDatasets: { id: string }[] }[] }) =>
        d.dataProducts.filter((p) => p.outputDatasets.some((o) => o.id === d.id)).map((p) => p.id));
      const products = [...new Set([...oracle.annotated('product', under), ...providers])].sort();
      expect(answer.concept.iri).toBe(concept);
      expect([...ids(answer.fields)].sort()).toEqual(fields);
      expect([...ids(answer.datasets)].sort()).toEqual(datasets);
      expect([...ids(answer.dataProducts)].sort()).toEqual(products);
      expect(fields.length + datasets.length + products.length).toBeGreaterThan(0);
      const productFlows = oracle.walk('product', products, direction, 2);
      expect(shape(answer.productFlows)).toEqual(productFlows);
      expect(shape(answer.datasetFlows)).toEqual(oracle.walk('dataset', datasets, direction, 2));
      expect(shape(answer.fieldFlows)).toEqual(oracle.walk('field', fields, direction, 2));
      for (const walk of [answer.productFlows, answer.datasetFlows, answer.fieldFlows]) checkEdges(oracle, walk);
      const expectedDomains = new Map<string, string[]>();
      for (const edge of productFlows.edges) {
        const [from, to] = edge.split('>').map((p) => oracle.domainOf(p));
        if (from === undefined || to === undefined || from === to) continue;
        expectedDomains.set(`${from}>${to}`, [...(expectedDomains.get(`${from}>${to}`) ?? []), edge].sort());
      }
      const domainFlows = new Map(answer.domainFlows.map((flow: { from: { id: string }; to: { id: string }; edges: { from: { id: string }; to: { id: string } }[] }) =>
        [`${flow.from.id}>${flow.to.id}`, flow.edges.map((e) => `${e.from.id}>${e.to.id}`).sort()]));
      expect(domainFlows).toEqual(expectedDomains);
    });
  });

  it('finds Customer\'s data flowing from sales into finance down to the customer_id column', async () => {
    const { data } = await server.query(`{ conceptLineage(concept: "${c.customer}") {
      domainFlows { from { name } to { name } } fieldFlows { edges { from { name dataset { name } } to { name dataset { name } } } } } }`);
    expect(data!.conceptLineage.domainFlows).toContainEqual({ from: { name: 'sales' }, to: { name: 'finance' } });
    expect(data!.conceptLineage.fieldFlows.edges).toContainEqual({ from: { name: 'customer_id', dataset: { name: 'Order' } }, to: { name: 'customer_id', dataset: { name: 'Invoice' } } });
  });

  it('answers null for a concept nothing names', async () => {
    const { data, errors } = await server.query('{ conceptLineage(concept: "https://example.com/nothing#Here") { concept { iri } } }');
    expect(errors).toBeUndefined();
    expect(data!.conceptLineage).toBeNull();
  });

  it.each([0, 11, -1])('refuses depth %i with BAD_REQUEST on every lineage field', async (depth) => {
    const product = 'https://w3id.org/ontomesh/mesh/product/sales/orders';
    const { data, errors } = await server.query(`{ dataProduct(id: "${product}") { name lineage(depth: ${depth}) { truncated } }
      conceptLineage(concept: "${c.customer}", depth: ${depth}) { concept { iri } } }`);
    expect(errors?.map((e) => [e.path!.join('.'), e.extensions.code, e.message]).sort()).toEqual([
      ['conceptLineage', 'BAD_REQUEST', `depth must be between 1 and 10 (got ${depth})`],
      ['dataProduct.lineage', 'BAD_REQUEST', `depth must be between 1 and 10 (got ${depth})`],
    ]);
    expect(data).toEqual({ dataProduct: null, conceptLineage: null });
  });
});

/** Three products feeding each other in a ring (DPROD: each input port is the previous product's output port), their datasets and columns in rings too, and two processes. */
const loopBase = 'https://w3id.org/ontomesh/mesh/';
const loopProducts = ['a', 'b', 'c'].map((id, i, all) => {
  const previous = all[(i + all.length - 1) % all.length]!;
  return `<product/loop/${id}> a dprod:DataProduct ; rdfs:label "Loop ${id}" ; dprod:domain <domain/loop> ;
    dprod:inputPort <product/loop/${previous}/port/output/out> ; dprod:outputPort <product/loop/${id}/port/output/out> .
  <product/loop/${id}/port/output/out> a dcat:DataService ; rdfs:label "out" ; dprod:isAccessServiceOf <product/loop/${id}/distribution/d> .
  <product/loop/${id}/distribution/d> a dcat:Distribution ; dprod:isDistributionOf <product/loop/${id}/dataset/t> .
  <product/loop/${id}/dataset/t> a dcat:Dataset ; rdfs:label "t_${id}" ; prov:wasDerivedFrom <product/loop/${previous}/dataset/t> .`;
}).join('\n');
const loopDescriptor = `@prefix dprod: <https://ekgf.github.io/dprod/> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@base <${loopBase}> .
${loopProducts}
<domain/loop> rdfs:label "loop" .
<dataset/archive> a dcat:Dataset ; rdfs:label "archive" .
<process/copy> a prov:Activity ; rdfs:label "copy" ; prov:used <product/loop/a/dataset/t> ; prov:generated <product/loop/b/dataset/t> .
<process/archive> a prov:Activity ; rdfs:label "archive" ; prov:used <product/loop/c/dataset/t> .
<dataset/archive> prov:wasGeneratedBy <process/archive> .
`;
/** An ODCS contract whose columns are computed from each other in a ring, named as `object.property`. */
const loopColumns = `apiVersion: v3.0.2
kind: DataContract
id: loop-columns
version: 1.0.0
status: active
schema:
  - name: t
    properties:
      - { name: x, logicalType: string, transformSourceObjects: [t.z] }
      - { name: y, logicalType: string, transformSourceObjects: [t.x] }
      - { name: z, logicalType: string, transformSourceObjects: [t.y, an.outside_table] }
`;

describe('a mesh of loops', () => {
  let server: GraphqlServer;
  let oracle: LineageOracle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    let store: GraphStore;
    ({ store, dispose } = await tempStore());
    await registerProducts(store, [{ file: 'loop.dprod.ttl', content: loopDescriptor }, { file: 'loop-columns.odcs.yaml', content: loopColumns }]);
    server = await serveGraphql(store);
    oracle = new LineageOracle(await servedQuads(store));
  });
  afterAll(async () => {
    await server?.close();
    await dispose?.();
  });

  it('ends every walk at the ring: each node once, every edge of the ring, nothing left beyond the depth', async () => {
    const a = `${loopBase}product/loop/a`;
    const { data } = await server.query(`{ dataProduct(id: "${a}") { all: lineage(direction: DOWNSTREAM, depth: 10) { ${walkFields('product')} }
      near: lineage(direction: BOTH, depth: 1) { ${walkFields('product')} } }
      dataset(id: "${a}/dataset/t") { lineage(depth: 10) { ${walkFields('dataset')} } } }`);
    const all = shape(data!.dataProduct.all);
    expect(all).toEqual(oracle.walk('product', [a], 'DOWNSTREAM', 10));
    expect(all.nodes).toHaveLength(3);
    expect(all.edges).toHaveLength(3);
    expect(all.truncated).toBe(false);
    const near = shape(data!.dataProduct.near);
    expect(near).toEqual(oracle.walk('product', [a], 'BOTH', 1));
    expect(near.truncated).toBe(true);
    for (const walk of [data!.dataProduct.all, data!.dataProduct.near]) {
      checkEdges(oracle, walk);
      expect(walk.edges.every((e: { via: { kind: string }[] }) => e.via.length === 1 && e.via[0]!.kind === 'PORT')).toBe(true);
    }
    const datasets = shape(data!.dataset.lineage);
    expect(datasets).toEqual(oracle.walk('dataset', [`${a}/dataset/t`], 'BOTH', 10));
    expect(datasets.nodes).toContain(`${loopBase}dataset/archive`);
    checkEdges(oracle, data!.dataset.lineage);
  });

  it('names the processes of an edge, and makes an edge of a process alone', async () => {
    const { data } = await server.query(`{ dataset(id: "${loopBase}product/loop/c/dataset/t") { downstream { id }
      lineage(direction: DOWNSTREAM, depth: 1) { edges { to { id } activities { id name } } } } }`);
    expect(data!.dataset.downstream.map((d: { id: string }) => d.id).sort()).toEqual([`${loopBase}dataset/archive`, `${loopBase}product/loop/a/dataset/t`]);
    expect(data!.dataset.lineage.edges).toContainEqual({ to: { id: `${loopBase}dataset/archive` }, activities: [{ id: `${loopBase}process/archive`, name: 'archive' }] });
    expect(oracle.activities(`${loopBase}product/loop/a/dataset/t`, `${loopBase}product/loop/b/dataset/t`)).toEqual([`${loopBase}process/copy`]);
    expect(await checkEveryWalk(server, oracle, 'dataset', [1, 3])).toBeGreaterThan(0);
  });

  it('walks the ring of columns the contract names by `object.property`, and no further', async () => {
    expect(oracle.linked('field')).toHaveLength(3);
    expect(await checkEveryWalk(server, oracle, 'field', [1, 2, 3, 10])).toBe(3 * 3 * 4);
  });
});
