/**
 * What `purview sync` writes is found by the GraphQL API as it is (it reads every graph's dcat:Dataset):
 * dataset(id) with its fields and their glossary-term concepts, and search by an asset's name. The sync
 * runs against the stand-in through the real client into a real SQLite store; expectations come from
 * the recorded JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PurviewClient, purviewDatasetIri, purviewFieldIri } from '../../../src/catalog/purview/index.ts';
import { syncPurview } from '../../../src/load/index.ts';
import { serveGraphql, type GraphqlServer } from '../../api/graphqlClient.ts';
import { tempStore } from '../../load/helpers.ts';
import { recorded, standInEntities, startPurviewStandIn } from './purviewStandIn.ts';

type Json = Record<string, any>;
let server: GraphqlServer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const { store, dispose } = await tempStore();
  const standIn = await startPurviewStandIn({ token: 't' });
  const client = new PurviewClient({ endpoint: standIn.endpoint, authorization: async () => 'Bearer t' });
  await syncPurview(store, client, { endpoint: standIn.endpoint, typeNames: [] });
  await standIn.close();
  server = await serveGraphql(store);
  cleanup = async () => {
    await server.close();
    await dispose();
  };
});
afterAll(() => cleanup?.());

describe('synced Purview assets over GraphQL', () => {
  it('dataset(id) has the asset with its columns and the glossary terms assigned to it', async () => {
    const table = [...standInEntities().values()].find((e) => e.typeName === 'hive_table' && e.attributes.qualifiedName === 'stocks_base.stocks_daily@cl1')!;
    const columns: Json[] = table.attributes.columns.map((ref: Json) => standInEntities().get(ref.guid)!);
    const path: Json = recorded.bulk.entities[0];
    const { data, errors } = await server.query(`query ($table: ID!, $path: ID!) {
      table: dataset(id: $table) { name identifier fields { id name logicalType } }
      path: dataset(id: $path) { name description concepts { label } } }`,
    { table: purviewDatasetIri(table.attributes.qualifiedName), path: purviewDatasetIri(path.attributes.qualifiedName) });
    expect(errors).toBeUndefined();
    expect(data!.table).toEqual({
      name: table.attributes.name,
      identifier: table.attributes.qualifiedName,
      fields: columns.map((c) => ({ id: purviewFieldIri(table.attributes.qualifiedName, c.attributes.name), name: c.attributes.name, logicalType: c.attributes.type }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    });
    expect(data!.path.name).toBe(path.attributes.name);
    expect(data!.path.description).toBe(path.attributes.description);
    expect(data!.path.concepts.map((c: Json) => c.label).sort()).toEqual(path.relationshipAttributes.meanings.map((m: Json) => m.displayText).sort());
  });

  it('search finds an asset by its name', async () => {
    const path: Json = recorded.bulk.entities[1];
    const { data, errors } = await server.query('query ($text: String!) { search(text: $text, first: 20) { edges { node { __typename ... on Dataset { id } } } } }',
      { text: path.attributes.name.replace(/\.csv$/, '') });
    expect(errors).toBeUndefined();
    expect(data!.search.edges.map((e: Json) => e.node.id)).toContain(purviewDatasetIri(path.attributes.qualifiedName));
  });
});
