/**
 * The personal-data flow policy over real registered meshes (the governance fixture mesh with DPV's
 * personal-data categories, and the demo mesh), against the oracle worked out from the served triples.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadModels, upstreamOf, type ReadModel } from '../../src/api/readModel/index.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { declaresPersonalData, personalDataFlowViolations, type PersonalDataFlowViolation } from '../../src/governance/index.ts';
import { serveDemoMesh, type DemoMeshServer } from '../api/demoMeshServer.ts';
import { servedQuads } from '../api/lineageOracle.ts';
import { governanceStore, meshIri } from './governanceMesh.ts';
import { PersonalDataOracle } from './personalDataOracle.ts';

async function modelOf(store: GraphStore): Promise<ReadModel> {
  return new ReadModels(store).get(await store.snapshot());
}

function violationsOf(model: ReadModel): PersonalDataFlowViolation[] {
  return personalDataFlowViolations({ products: model.products, datasets: model.allDatasets(), fields: model.allFields() });
}

/** Every violation is the oracle's, with a path of its shortest length made of the oracle's edges, and none is missing. */
function expectOracle(violations: readonly PersonalDataFlowViolation[], oracle: PersonalDataOracle): void {
  const expected = oracle.violations();
  expect(violations.map((v) => `${v.source.id}>${v.product.id}`).sort()).toEqual([...expected.keys()].sort());
  for (const { source, path, product } of violations) {
    expect(path.length).toBe(expected.get(`${source.id}>${product.id}`));
    expect(path[0]).toEqual({ node: source, via: 'SOURCE' });
    expect(path.at(-1)!.node).toBe(product);
    for (let i = 1; i < path.length; i++) {
      expect(oracle.next(path[i - 1]!.node.id, i === 1)).toContainEqual([path[i]!.via, path[i]!.node.id]);
    }
  }
}

const product = (domain: string, id: string) => `${meshIri}product/${domain}/${id}`;
const contractField = (contract: string, dataset: string, field: string) => `${meshIri}contract/${contract}/dataset/${dataset}/field/${field}`;

describe('personal-data flow on the governance fixture mesh', () => {
  let disposeStore: () => Promise<void>;
  let model: ReadModel;
  let oracle: PersonalDataOracle;
  let violations: PersonalDataFlowViolation[];

  beforeAll(async () => {
    const { store, dispose } = await governanceStore();
    disposeStore = dispose;
    model = await modelOf(store);
    oracle = new PersonalDataOracle(await servedQuads(store));
    violations = violationsOf(model);
  });
  afterAll(() => disposeStore?.());

  it('reports what the oracle works out from the triples, each with a shortest path along real edges', () => {
    expect(violations.length).toBeGreaterThan(0);
    expectOracle(violations, oracle);
  });

  it('declares exactly the products the oracle says declare', () => {
    for (const p of model.products) expect([p.id, declaresPersonalData(p)]).toEqual([p.id, oracle.declares(p.id)]);
    expect(oracle.declares(product('marketing', 'consented-mailing'))).toBe(true); // dpv:hasPersonalData only
  });

  it('follows column-level lineage: campaign-audience receives the contacts\' email through its recipient column alone', () => {
    const audience = model.product(product('marketing', 'campaign-audience'))!;
    expect(upstreamOf(audience)).toEqual([]); // no product-level lineage
    expect(audience.outputDatasets.flatMap((d) => d.lineage.up)).toEqual([]); // no dataset-level lineage
    const found = violations.filter((v) => v.product === audience);
    expect(found.map((v) => [v.source.id, v.path.map((s) => s.via)])).toEqual([
      [contractField('contacts', 'contacts', 'email'), ['SOURCE', 'LINEAGE', 'PART_OF', 'PART_OF']],
    ]);
    expect(found[0]!.path[1]!.node.id).toBe(contractField('audience', 'audience', 'recipient'));
  });

  it('counts a DPV category through the sub-concept closure: dpv-pd:EmailAddress is four skos:broader steps below dpv:PersonalData', () => {
    const email = model.concept('https://w3id.org/dpv/pd#EmailAddress')!;
    expect(email.parents.has(model.concept('https://w3id.org/dpv#PersonalData')!)).toBe(false);
    const source = contractField('newsletter', 'subscribers', 'subscriber_email');
    expect(model.field(source)!.pii).not.toBe(true);
    expect(violations.filter((v) => v.source.id === source).map((v) => v.product.id)).toEqual([product('analytics', 'open-rates')]);
  });

  it('ends walks on lineage cycles and reports each receiving product once per source', () => {
    const [stats, report] = [model.product(product('analytics', 'segment-stats'))!, model.product(product('analytics', 'mailing-report'))!];
    expect(upstreamOf(stats)).toContain(report);
    expect(upstreamOf(report)).toContain(stats);
    const keys = violations.map((v) => `${v.source.id}>${v.product.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(violations.filter((v) => v.product === report).map((v) => v.source.id).sort())
      .toEqual([contractField('contacts', 'contacts', 'email'), product('marketing', 'consented-mailing')]);
  });

  it('lets a declaring product receive personal data: consented-mailing is downstream of the audience and no violation', () => {
    const mailing = model.product(product('marketing', 'consented-mailing'))!;
    expect(upstreamOf(mailing).map((p) => p.id)).toEqual([product('marketing', 'campaign-audience')]);
    expect(violations.some((v) => v.product === mailing)).toBe(false);
  });
});

describe('personal-data flow on the demo mesh', () => {
  let demo: DemoMeshServer;
  beforeAll(async () => {
    demo = await serveDemoMesh();
  });
  afterAll(() => demo?.close());

  it('reports the business customers\' billing email flowing into finance, as the oracle does', async () => {
    const violations = violationsOf(await modelOf(demo.store));
    expectOracle(violations, new PersonalDataOracle(await servedQuads(demo.store)));
    expect(violations.length).toBeGreaterThan(0);
    expect(new Set(violations.map((v) => v.product.domain?.name))).toEqual(new Set(['finance']));
  });
});
