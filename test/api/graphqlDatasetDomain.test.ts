/**
 * Which domain a dataset belongs to and where its catalog entry came from, over GraphQL, on a store
 * holding the demo mesh (as `ontomesh serve` seeds it) and a `purview sync` made through the real client
 * against the stand-in, whose biggest collection is named like a demo domain. Expectations come from the
 * recorded Atlas JSON and the served triples: a Purview asset is in its collection's domain with its type
 * name, qualifiedName and guid; a registered dataset is in the domain of the first product (name order)
 * that outputs it and has no source; Domain.datasets lists them in name order; the processes on lineage
 * edges carry their Atlas type; and the demo's domains and products answer exactly as without the sync.
 * Every query runs interpreted and compiled (serveGraphql checks both agree).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PurviewClient, purviewDatasetIri, purviewProcessIri } from '../../src/catalog/purview/index.ts';
import { syncPurview } from '../../src/load/index.ts';
import { domainIri } from '../../src/mesh/index.ts';
import { standInEntities, startPurviewStandIn } from '../catalog/purview/purviewStandIn.ts';
import { serveDemoMesh, type DemoMeshServer } from './demoMeshServer.ts';
import type { GraphqlServer } from './graphqlClient.ts';
import { LineageOracle, servedQuads } from './lineageOracle.ts';

type Json = Record<string, any>;
const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const dcatDataset = 'http://www.w3.org/ns/dcat#Dataset';
const meshDomain = 'https://w3id.org/ontomesh/mesh#domain';
/** The IRIs of synced Purview datasets start so (catalogIris.ts). */
const isAsset = (id: string) => id.startsWith(purviewDatasetIri('x').slice(0, -1));
const sourceFields = 'source { typeName qualifiedName guid }';
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

let demoOnly: DemoMeshServer | undefined;
let synced: DemoMeshServer | undefined;
let server: GraphqlServer;
let oracle: LineageOracle;
/** The recorded collection renamed after a demo domain, and that domain's id. */
let renamed: { from: string; to: string };
const entities = standInEntities();

/** Every page of a connection field, `query(after)` answering the connection. */
async function allPages(query: (after: string | null) => Promise<Json>): Promise<Json[]> {
  const nodes: Json[] = [];
  for (let after: string | null = null; ;) {
    const page = await query(after);
    nodes.push(...page.edges.map((e: Json) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

async function ask(on: GraphqlServer, query: string, variables?: Record<string, unknown>): Promise<Json> {
  const { data, errors } = await on.query(query, variables);
  expect(errors).toBeUndefined();
  return data!;
}

/** The products in name order with their domain and output datasets. */
const products = (on: GraphqlServer) => allPages(async (after) =>
  (await ask(on, 'query ($after: String) { dataProducts(first: 100, after: $after) { edges { node { id name domain { id } outputDatasets { id } } } pageInfo { hasNextPage endCursor } } }', { after })).dataProducts);

beforeAll(async () => {
  [demoOnly, synced] = await Promise.all([serveDemoMesh(), serveDemoMesh()]);
  // The recorded account's largest collection, renamed after a demo domain that has products.
  const collections = [...entities.values()].map((e) => e.collectionId).filter(Boolean) as string[];
  const largest = [...new Set(collections)].sort((a, b) => collections.filter((c) => c === b).length - collections.filter((c) => c === a).length)[0]!;
  const domains = (await ask(demoOnly.server, '{ domains { id dataProducts { totalCount } } }')).domains as Json[];
  const domain = domains.find((d) => d.dataProducts.totalCount > 0)!.id as string;
  renamed = { from: largest, to: decodeURIComponent(domain.split('/').at(-1)!) };
  expect(domainIri(renamed.to)).toBe(domain);

  const standIn = await startPurviewStandIn({ token: 't', collectionNames: { [renamed.from]: renamed.to } });
  try {
    const client = new PurviewClient({ endpoint: standIn.endpoint, authorization: async () => 'Bearer t' });
    await syncPurview(synced.store, client, { endpoint: standIn.endpoint, typeNames: [] });
  } finally {
    await standIn.close();
  }
  server = synced.server;
  oracle = new LineageOracle(await servedQuads(synced.store));
});
afterAll(async () => {
  await demoOnly?.close();
  await synced?.close();
});

/** The recorded entity a synced dataset was made from (by its qualifiedName), and the domain its collection gives. */
function recordedAsset(iri: string): { entity: Json; domain: string | null } {
  const found = [...entities.values()].filter((e) => typeof e.attributes.qualifiedName === 'string' && purviewDatasetIri(e.attributes.qualifiedName) === iri);
  expect(found, iri).toHaveLength(1);
  const collection = found[0]!.collectionId === renamed.from ? renamed.to : found[0]!.collectionId;
  return { entity: found[0]!, domain: collection === undefined ? null : domainIri(collection) };
}

describe('Dataset.domain, Dataset.source and Domain.datasets', () => {
  let expected: Map<string, { domain: string | null; source: Json | null }>;
  let answered: Map<string, Json>;

  beforeAll(async () => {
    const inName = await products(server);
    const served = oracle.subjects(rdfType, dcatDataset);
    const ids = [...new Set([...served, ...inName.flatMap((p) => p.outputDatasets.map((d: Json) => d.id))])].sort();
    expected = new Map(ids.map((id): [string, { domain: string | null; source: Json | null }] => {
      if (isAsset(id)) {
        const { entity, domain } = recordedAsset(id);
        return [id, { domain, source: { typeName: entity.typeName, qualifiedName: entity.attributes.qualifiedName, guid: entity.guid } }];
      }
      const own = oracle.objects(id, meshDomain)[0];
      const provider = inName.find((p) => p.domain !== null && p.outputDatasets.some((d: Json) => d.id === id));
      return [id, { domain: own ?? provider?.domain.id ?? null, source: null }];
    }));
    answered = new Map();
    for (let i = 0; i < ids.length; i += 25) {
      const batch = ids.slice(i, i + 25);
      const data = await ask(server, `{ ${batch.map((id, n) => `d${n}: dataset(id: ${JSON.stringify(id)}) { id name domain { id } ${sourceFields} }`).join(' ')} }`);
      batch.forEach((id, n) => answered.set(id, data[`d${n}`]));
    }
  });

  it('puts a Purview asset in the domain of its collection, one named like a demo domain joining it, with its Atlas type, qualifiedName and guid', () => {
    const assets = [...expected].filter(([id]) => isAsset(id));
    expect(assets.length).toBeGreaterThan(5);
    expect(assets.filter(([, e]) => e.domain === domainIri(renamed.to)).length).toBeGreaterThan(1);
    expect(assets.some(([, e]) => e.domain === null)).toBe(true);
    for (const [id, { domain, source }] of assets) {
      expect(answered.get(id)!.domain?.id ?? null, id).toBe(domain);
      expect(answered.get(id)!.source, id).toEqual(source);
    }
  });

  it('puts a registered dataset in the domain of the product that provides it, with no source', () => {
    const registered = [...expected].filter(([id]) => !isAsset(id));
    expect(registered.length).toBeGreaterThan(10);
    expect(registered.filter(([, e]) => e.domain !== null).length).toBeGreaterThan(10);
    for (const [id, { domain }] of registered) {
      expect(answered.get(id)!.domain?.id ?? null, id).toBe(domain);
      expect(answered.get(id)!.source, id).toBeNull();
    }
  });

  it('lists every domain\'s datasets in name order, page by page', async () => {
    const domains = (await ask(server, '{ domains { id } }')).domains as Json[];
    expect(domains.map((d) => d.id)).toContain(domainIri(renamed.to));
    for (const { id } of domains) {
      const listed = await allPages(async (after) =>
        (await ask(server, 'query ($id: ID!, $after: String) { domain(id: $id) { datasets(first: 7, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } totalCount } } }', { id, after })).domain.datasets);
      const mine = [...expected].filter(([, e]) => e.domain === id).map(([dataset]) => ({ id: dataset, name: answered.get(dataset)!.name as string })).sort(byName);
      expect(listed, id).toEqual(mine);
    }
    const { domain } = await ask(server, 'query ($id: ID!) { domain(id: $id) { datasets(first: 1) { totalCount } } }', { id: domainIri(renamed.to) });
    expect(domain.datasets.totalCount).toBe([...expected.values()].filter((e) => e.domain === domainIri(renamed.to)).length);
  });
});

describe('lineage activities', () => {
  it('name each synced Purview process with its Atlas type, qualifiedName and guid; the demo\'s have no source', async () => {
    const processes = [...entities.values()].filter((e) => (e.attributes.inputs || e.attributes.outputs) && typeof e.attributes.qualifiedName === 'string');
    const byIri = new Map(processes.map((e) => [purviewProcessIri(e.attributes.qualifiedName), e]));
    let seen = 0;
    for (const dataset of oracle.linked('dataset')) {
      const data = await ask(server, `query ($id: ID!) { dataset(id: $id) { lineage(direction: UPSTREAM, depth: 1) { edges { from { id } activities { id name ${sourceFields} } } } } }`, { id: dataset });
      for (const edge of data.dataset.lineage.edges) {
        expect(edge.activities.map((a: Json) => a.id).sort()).toEqual(oracle.activities(edge.from.id, dataset));
        for (const activity of edge.activities) {
          const process = byIri.get(activity.id);
          if (process === undefined) {
            expect(activity.source, activity.id).toBeNull();
            continue;
          }
          seen++;
          expect(activity).toEqual({
            id: activity.id, name: process.attributes.name ?? process.attributes.qualifiedName,
            source: { typeName: process.typeName, qualifiedName: process.attributes.qualifiedName, guid: process.guid },
          });
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('products and their domains', () => {
  it('answer dataProducts(filter: { domain }) and domain(id) exactly as without the sync', async () => {
    const domains = (await ask(demoOnly!.server, '{ domains { id } }')).domains as Json[];
    expect(domains.map((d) => d.id)).toContain(domainIri(renamed.to));
    const query = `query ($id: ID!) {
      dataProducts(filter: { domain: $id }, first: 100) { totalCount edges { node { id name domain { id name } } } }
      domain(id: $id) { id name label description dataProducts(first: 100) { totalCount edges { cursor node { id } } } } }`;
    for (const { id } of domains) expect(await ask(server, query, { id }), id).toEqual(await ask(demoOnly!.server, query, { id }));
    expect((await products(server)).map((p) => p.id)).toEqual((await products(demoOnly!.server)).map((p) => p.id));
  });
});
