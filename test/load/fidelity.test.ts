/**
 * Round-trip fidelity on real ontologies: load into a fresh SQLite store, export in Turtle,
 * N-Triples, RDF/XML and JSON-LD, and require each export to be isomorphic to the input (blank
 * nodes included) and the reported counts to match counts taken from the input itself.
 */
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies, type LoadSummary } from '../../src/load/index.ts';
import type { ExportFormat } from '../../src/rdf/index.ts';
import { expectedCounts } from './expectedCounts.ts';
import { compareGraphs, exportText, fixture, parseText, readQuads, tempStore } from './helpers.ts';

interface Case {
  name: string;
  paths: string[];
  /** owl:imports the fixtures cannot satisfy offline (see test/fixtures/shared/README.md). */
  missingImports?: string[];
  /** Documents in the imports closure. */
  documents?: number;
}

const cases: Case[] = [
  { name: 'pizza (owlcs)', paths: ['protege-owl/pizza-owlcs/pizza.owl'] },
  { name: 'photography', paths: ['protege-owl/protege-test-ontologies/photography.owl'] },
  { name: 'DPROD ontology and shapes', paths: ['dprod/ontology/dprod/dprod-ontology.ttl', 'dprod/ontology/dprod/dprod-shapes.ttl'], missingImports: ['http://www.w3.org/ns/dcat#', 'http://www.w3.org/ns/shacl#'] },
  { name: 'DCAT 3', paths: ['w3c-vocabularies/dcat/dcat3.ttl'], missingImports: ['http://purl.org/dc/terms/', 'http://www.w3.org/2004/02/skos/core', 'http://www.w3.org/ns/prov-o#'] },
  { name: 'PROV-O', paths: ['w3c-vocabularies/prov-o/prov-o.ttl'] },
  { name: 'DQV', paths: ['w3c-vocabularies/dqv/dqv.ttl'] },
  { name: 'DPV (core and personal data, SKOS and OWL)', paths: ['dpv/dpv/dpv.ttl', 'dpv/dpv/dpv-owl.ttl', 'dpv/pd/pd.ttl', 'dpv/pd/pd-owl.ttl'] },
  { name: 'SKOS core', paths: ['iof-ontology/cache/QUDT/skos.rdf'] },
  { name: 'schema.org', paths: ['schemaorg/schemaorg-current-https.ttl'] },
  { name: 'OBO Relations Ontology', paths: ['obo-ro/ro.owl'] },
  { name: 'IOF Core with its imports closure', paths: ['iof-ontology/core/Core.rdf'], documents: 3 },
];

const formats: ExportFormat[] = ['ttl', 'nt', 'rdfxml', 'jsonld'];

describe.each(cases)('$name', ({ paths, missingImports = [], documents }) => {
  let store: GraphStore;
  let dispose: () => Promise<void>;
  let summary: LoadSummary;
  let expected: Quad[];

  beforeAll(async () => {
    ({ store, dispose } = await tempStore());
    summary = await loadOntologies(store, paths.map(fixture), { missingImports: 'warn', allowRemoteImports: [] });
    expected = await readQuads(summary.documents.map((d) => d.location));
  });
  afterAll(() => dispose());

  test('loads as version 1 with the imports closure', () => {
    expect(summary.version).toBe(1);
    expect([...new Set(summary.missingImports.map((m) => m.iri))].sort()).toEqual(missingImports);
    expect(summary.documents.length).toBe(documents ?? paths.length);
  });

  test('reports the counts of the input', () => {
    const { inferred, ...counts } = summary.stats;
    expect(counts).toEqual(expectedCounts(expected));
    expect(inferred).toBeGreaterThanOrEqual(0);
  });

  test.each(formats)('exports %s isomorphic to the input', async (format) => {
    const exported = await parseText(await exportText(store, summary.graphId, format), format);
    expect(exported.length).toBe(expected.length);
    expect(compareGraphs(exported, expected)).toEqual({ missing: [], extra: [], blankIsomorphic: true });
  });
});
