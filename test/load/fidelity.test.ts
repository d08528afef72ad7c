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
import { realOntologies } from './realOntologies.ts';

const formats: ExportFormat[] = ['ttl', 'nt', 'rdfxml', 'jsonld'];

describe.each(realOntologies)('$name', ({ paths, missingImports = [], documents }) => {
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
