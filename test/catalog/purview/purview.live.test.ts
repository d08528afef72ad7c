/**
 * `purview sync` against a real Microsoft Purview account. Runs only when PURVIEW_ENDPOINT
 * (https://ACCOUNT.purview.azure.com) is set, with credentials DefaultAzureCredential finds
 * (AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_SECRET, workload or managed identity, or `az login`)
 * for an identity with the Data Reader role; PURVIEW_COLLECTION and PURVIEW_TYPE_NAMES (comma-separated)
 * narrow what is read. It only reads the account, and writes into a temporary SQLite store, which it then serves
 * over GraphQL (each dataset's domain and source).
 */
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entraAuthorization, PurviewClient } from '../../../src/catalog/purview/index.ts';
import type { GraphStore } from '../../../src/graph/GraphStore.ts';
import { factsToQuads } from '../../../src/graph/graphToRdf.ts';
import { syncPurview, type SyncSummary } from '../../../src/load/index.ts';
import { meshNamespaces as ns } from '../../../src/mesh/index.ts';
import { serveGraphql } from '../../api/graphqlClient.ts';
import { tempStore } from '../../load/helpers.ts';

const { PURVIEW_ENDPOINT: endpoint, PURVIEW_COLLECTION: collection, PURVIEW_TYPE_NAMES: typeNames } = process.env;

describe.skipIf(!endpoint)('purview sync (live)', () => {
  let store: GraphStore;
  let dispose: () => Promise<void>;
  const run = () => syncPurview(store, new PurviewClient({ endpoint: endpoint!, authorization: entraAuthorization() }), {
    endpoint: endpoint!, typeNames: (typeNames ?? '').split(',').map((t) => t.trim()).filter(Boolean), ...(collection ? { collection } : {}),
  });
  const triples = async () => {
    const quads: Quad[] = [];
    for await (const batch of store.exportFacts('purview')) quads.push(...factsToQuads(batch));
    return quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`).sort();
  };
  let first: SyncSummary;

  beforeAll(async () => {
    ({ store, dispose } = await tempStore());
    first = await run();
  }, 600_000);
  afterAll(() => dispose?.());

  it('writes one active version in which every dataset keeps its qualifiedName, guid and type', async () => {
    expect((await store.versions('purview')).find((v) => v.active)?.version).toBe(first.version);
    const lines = await triples();
    const datasets = lines.filter((l) => l.endsWith(` ${ns.rdf}type ${ns.dcat}Dataset`)).map((l) => l.split(' ')[0]!);
    expect(datasets.length).toBe(first.counts.datasets);
    for (const dataset of datasets) {
      for (const predicate of [`${ns.dct}identifier`, `${ns.mesh}atlasGuid`, `${ns.mesh}atlasTypeName`]) {
        expect(lines.some((l) => l.startsWith(`${dataset} ${predicate} `))).toBe(true);
      }
    }
  });

  it('serves every dataset over GraphQL with its Atlas type, qualifiedName and guid, in its collection\'s domain', async () => {
    const lines = await triples();
    const value = (subject: string, predicate: string) => lines.find((l) => l.startsWith(`${subject} ${predicate} `))?.slice(`${subject} ${predicate} `.length) ?? null;
    const datasets = lines.filter((l) => l.endsWith(` ${ns.rdf}type ${ns.dcat}Dataset`)).map((l) => l.split(' ')[0]!);
    const server = await serveGraphql(store);
    try {
      for (const id of datasets) {
        const { data, errors } = await server.query('query ($id: ID!) { dataset(id: $id) { domain { id } source { typeName qualifiedName guid } } }', { id });
        expect(errors).toBeUndefined();
        expect(data!.dataset).toEqual({
          domain: value(id, `${ns.mesh}domain`) === null ? null : { id: value(id, `${ns.mesh}domain`) },
          source: { typeName: value(id, `${ns.mesh}atlasTypeName`), qualifiedName: value(id, `${ns.dct}identifier`), guid: value(id, `${ns.mesh}atlasGuid`) },
        });
      }
    } finally {
      await server.close();
    }
  });

  it('writes the same triples when synced again (IRIs come from qualifiedNames)', async () => {
    const before = await triples();
    const second = await run();
    expect(second.version).toBe(first.version + 1);
    expect(await triples()).toEqual(before);
  }, 600_000);
});
