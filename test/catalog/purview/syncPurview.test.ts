/**
 * `purview sync` end to end against the stand-in (recorded Purview and Atlas responses, paging, 429s with
 * Retry-After, a token check) through the real client, into a real SQLite store. Every expectation is
 * computed from the recorded JSON, not written down.
 */
import type { Quad } from '@rdfjs/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PurviewClient, purviewDatasetIri, purviewFieldIri, purviewProcessIri, purviewTermIri } from '../../../src/catalog/purview/index.ts';
import { OntomeshError } from '../../../src/errors/index.ts';
import type { GraphStore } from '../../../src/graph/GraphStore.ts';
import { factsToQuads } from '../../../src/graph/graphToRdf.ts';
import { loadOntologies, syncPurview } from '../../../src/load/index.ts';
import { meshNamespaces as ns } from '../../../src/mesh/index.ts';
import { fixture, tempStore } from '../../load/helpers.ts';
import { recorded, standInEntities, startPurviewStandIn, type StandIn } from './purviewStandIn.ts';

const token = 'stand-in-token';
type Json = Record<string, any>;

let store: GraphStore;
let dispose: () => Promise<void>;
let standIn: StandIn | undefined;

beforeEach(async () => {
  ({ store, dispose } = await tempStore());
});
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
  await dispose();
});

function client(endpoint: string, accessToken = token) {
  return new PurviewClient({ endpoint, authorization: async () => `Bearer ${accessToken}`, pageSize: 2, retryBudgetMs: 5_000 });
}

async function sync(options: { collection?: string; typeNames?: string[]; accessToken?: string } = {}, standInOptions: Partial<Parameters<typeof startPurviewStandIn>[0]> = {}) {
  standIn = await startPurviewStandIn({ token, ...standInOptions });
  return syncPurview(store, client(standIn.endpoint, options.accessToken), { endpoint: standIn.endpoint, typeNames: options.typeNames ?? [], ...(options.collection ? { collection: options.collection } : {}) });
}

async function activeQuads(): Promise<Quad[]> {
  const quads: Quad[] = [];
  for await (const batch of store.exportFacts('purview')) quads.push(...factsToQuads(batch));
  return quads;
}

const objects = (quads: Quad[], subject: string, predicate: string) =>
  quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value).sort();
const subjectsOfType = (quads: Quad[], type: string) =>
  quads.filter((q) => q.predicate.value === `${ns.rdf}type` && q.object.value === type).map((q) => q.subject.value).sort();

/** What the recordings hold, read from them directly. */
const entities = standInEntities();
const qn = (guid: string): string => entities.get(guid)!.attributes.qualifiedName;
const adlsPaths: Json[] = recorded.bulk.entities;
const hiveTables = [...entities.values()].filter((e) => e.typeName === 'hive_table');
const columnsOf = (table: Json): Json[] => (table.relationshipAttributes?.columns ?? table.attributes.columns).map((ref: Json) => entities.get(ref.guid)!);

describe('purview sync against the stand-in', () => {
  it('writes every recorded asset as a dcat:Dataset with its columns, terms and identity', async () => {
    const summary = await sync();
    const quads = await activeQuads();
    const expectedDatasets = [...adlsPaths, ...hiveTables].map((e) => purviewDatasetIri(e.attributes.qualifiedName)).sort();
    expect(subjectsOfType(quads, `${ns.dcat}Dataset`)).toEqual(expectedDatasets);
    expect(summary.counts.datasets).toBe(expectedDatasets.length);
    for (const table of hiveTables) {
      const iri = purviewDatasetIri(table.attributes.qualifiedName);
      const columns = columnsOf(table);
      expect(objects(quads, iri, `${ns.mesh}field`)).toEqual(columns.map((c) => purviewFieldIri(table.attributes.qualifiedName, c.attributes.name)).sort());
      for (const column of columns) {
        const field = purviewFieldIri(table.attributes.qualifiedName, column.attributes.name);
        expect(objects(quads, field, `${ns.mesh}logicalType`)).toEqual([column.attributes.type]);
        expect(objects(quads, field, `${ns.mesh}atlasGuid`)).toEqual([column.guid]);
      }
      expect(objects(quads, iri, `${ns.dct}identifier`)).toEqual([table.attributes.qualifiedName]);
      expect(objects(quads, iri, `${ns.mesh}atlasTypeName`)).toEqual([table.typeName]);
    }
    for (const path of adlsPaths) {
      const iri = purviewDatasetIri(path.attributes.qualifiedName);
      expect(objects(quads, iri, `${ns.rdfs}label`)).toEqual([path.attributes.name]);
      expect(objects(quads, iri, `${ns.mesh}atlasGuid`)).toEqual([path.guid]);
      expect(objects(quads, iri, `${ns.mesh}domain`)).toEqual([`${'https://w3id.org/ontomesh/mesh/'}domain/${path.collectionId}`]);
      // Each meaning is a term of the glossary (recorded or completed from the meaning): its concept is minted from the qualifiedName.
      const meanings: Json[] = path.relationshipAttributes.meanings;
      expect(objects(quads, iri, `${ns.dct}subject`)).toEqual(meanings.map((m) => purviewTermIri(`${m.displayText}@Glossary`)).sort());
      for (const meaning of meanings) {
        expect(objects(quads, purviewTermIri(`${meaning.displayText}@Glossary`), 'http://www.w3.org/2004/02/skos/core#prefLabel')).toEqual([meaning.displayText]);
      }
    }
    expect(summary.warnings).toEqual([]);
  });

  it('writes dataset- and column-level lineage as prov:wasDerivedFrom, and each process as a prov:Activity', async () => {
    const summary = await sync();
    const quads = await activeQuads();
    // Dataset level: every recorded Process (or one recorded tables reference) over tables, output wasDerivedFrom input.
    const processes = [...entities.values()].filter((e) => e.attributes.inputs && !e.typeName.endsWith('_column_lineage'));
    expect(processes.length).toBeGreaterThan(1);
    const expectedLinks = new Set<string>();
    for (const process of processes) {
      const activity = purviewProcessIri(process.attributes.qualifiedName);
      const inputs = process.attributes.inputs.map((r: Json) => purviewDatasetIri(qn(r.guid)));
      const outputs = process.attributes.outputs.map((r: Json) => purviewDatasetIri(qn(r.guid)));
      expect(objects(quads, activity, `${ns.prov}used`)).toEqual(inputs.sort());
      expect(objects(quads, activity, `${ns.prov}generated`)).toEqual(outputs.sort());
      for (const output of outputs) for (const input of inputs) expectedLinks.add(`${output} ${input}`);
    }
    const datasetLinks = quads.filter((q) => q.predicate.value === `${ns.prov}wasDerivedFrom` && q.subject.value.includes('/purview/dataset/') && !q.subject.value.includes('/field/'));
    expect(new Set(datasetLinks.map((q) => `${q.subject.value} ${q.object.value}`))).toEqual(expectedLinks);
    expect(summary.counts.datasetLineage).toBe(expectedLinks.size);

    // Column level: Atlas column-lineage processes (columns on both ends) and Purview's columnMapping.
    const expectedFieldLinks = new Set<string>();
    const fieldOf = (guid: string) => {
      const column = entities.get(guid)!;
      return purviewFieldIri(qn(column.relationshipAttributes.table.guid), column.attributes.name);
    };
    for (const process of [...entities.values()].filter((e) => e.typeName.endsWith('_column_lineage'))) {
      for (const out of process.attributes.outputs) for (const input of process.attributes.inputs) expectedFieldLinks.add(`${fieldOf(out.guid)} ${fieldOf(input.guid)}`);
    }
    for (const mapping of JSON.parse(recorded.columnMapping.entities[0].attributes.columnMapping)) {
      for (const column of mapping.ColumnMapping) {
        if (column.Source !== '*') expectedFieldLinks.add(`${purviewFieldIri(mapping.DatasetMapping.Sink, column.Sink)} ${purviewFieldIri(mapping.DatasetMapping.Source, column.Source)}`);
      }
    }
    expect(expectedFieldLinks.size).toBe(2);
    const fieldLinks = quads.filter((q) => q.predicate.value === `${ns.prov}wasDerivedFrom` && q.subject.value.includes('/field/'));
    expect(new Set(fieldLinks.map((q) => `${q.subject.value} ${q.object.value}`))).toEqual(expectedFieldLinks);
    expect(summary.counts.fieldLineage).toBe(expectedFieldLinks.size);
  });

  it('went through paging and 429 Retry-After answers, and a second sync writes the same graph', async () => {
    const first = await sync();
    expect(standIn!.requests.filter((r) => r.path.endsWith('/search/query') && r.status === 200).length).toBeGreaterThan(2);
    expect(standIn!.requests.some((r) => r.status === 429)).toBe(true);
    const firstQuads = (await activeQuads()).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`).sort();
    await standIn!.close();
    const second = await sync();
    expect(second.version).toBe(first.version + 1);
    expect((await activeQuads()).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`).sort()).toEqual(firstQuads);
  });

  it('reads the lineage of four assets at a time', async () => {
    await sync({}, { lineageLatencyMs: 20, throttleEvery: 0 });
    expect(standIn!.requests.filter((r) => r.path.includes('/lineage/')).length).toBeGreaterThan(4);
    expect(standIn!.lineageInFlightMax).toBe(4);
  });

  it('refuses to load ontologies into graph purview, leaving the sync served', async () => {
    const synced = await sync();
    const load = loadOntologies(store, [fixture('protege-owl/pizza-owlcs/pizza.owl')], { id: 'purview', missingImports: 'warn', allowRemoteImports: [] });
    await expect(load).rejects.toMatchObject({ code: 'BAD_REQUEST', location: { term: 'purview' } });
    expect((await store.versions('purview')).map((v) => [v.version, v.active])).toEqual([[synced.version, true]]);
  });

  it('selects by collection and by type name', async () => {
    const byCollection = await sync({ collection: adlsPaths[0]!.collectionId });
    const inCollection = recorded.search.value.filter((h: Json) => h.collectionId === adlsPaths[0]!.collectionId && h.entityType === 'azure_datalake_gen2_path')
      .filter((h: Json) => entities.has(h.id));
    expect(byCollection.counts.datasets).toBe(inCollection.length);
    await standIn!.close();
    const byType = await sync({ typeNames: ['hive_table'] });
    expect(byType.counts.datasets).toBe(hiveTables.length);
  });

  it('refuses an unknown collection with NOT_FOUND, leaving the previous version active', async () => {
    const first = await sync();
    await standIn!.close();
    await expect(sync({ collection: 'no-such-collection' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await store.versions('purview')).find((v) => v.active)?.version).toBe(first.version);
  });

  it.each([
    ['a 500 mid-way', { failFrom: 8 }, 'CATALOG_UNAVAILABLE'],
    ['a 403', { forbidden: true }, 'FORBIDDEN'],
  ] as const)('a sync that fails on %s leaves the previous version active', async (_, failure, code) => {
    const first = await sync();
    const before = await activeQuads();
    await standIn!.close();
    const error = await sync({}, { ...failure, throttleEvery: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OntomeshError);
    expect((error as OntomeshError).code).toBe(code);
    const active = (await store.versions('purview')).find((v) => v.active);
    expect(active?.version).toBe(first.version);
    expect((await activeQuads()).length).toBe(before.length);
  });

  it('gives up with CATALOG_UNAVAILABLE when the catalog asks to wait longer than the retry budget, writing nothing', async () => {
    standIn = await startPurviewStandIn({ token, throttleEvery: 1, retryAfter: '120' });
    const error = await syncPurview(store, client(standIn.endpoint), { endpoint: standIn.endpoint, typeNames: [] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CATALOG_UNAVAILABLE', message: expect.stringContaining('waiting 120 s more would pass the retry budget of 5 s: 429 from') });
    expect(standIn.requests).toHaveLength(1);
    expect(await store.versions('purview')).toEqual([]);
  });

  it('reports a refused token as UNAUTHENTICATED and an endpoint that is no catalog as CATALOG_UNAVAILABLE', async () => {
    await expect(sync({ accessToken: 'wrong' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(syncPurview(store, client('http://127.0.0.1:9'), { endpoint: 'http://127.0.0.1:9', typeNames: [] })).rejects.toMatchObject({ code: 'CATALOG_UNAVAILABLE' });
    expect(() => client('not a url')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(await store.versions('purview')).toEqual([]);
  });
});
