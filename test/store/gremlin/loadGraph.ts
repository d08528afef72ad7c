/**
 * Loads quads into a store the way the load pipeline does (RdfToGraph, batches of elements, commit),
 * and the expected facts to compare an export with.
 */
import type { Quad } from '@rdfjs/types';
import type { FactElement, GraphElement } from '../../../src/graph/elements.ts';
import type { GraphStore, LoadStats, VersionWriter } from '../../../src/graph/GraphStore.ts';
import { RdfToGraph } from '../../../src/graph/RdfToGraph.ts';

export const stats = (triples: number): LoadStats => ({ triples, inferred: 0, classes: 0, objectProperties: 0, datatypeProperties: 0, annotationProperties: 0, individuals: 0, ontologies: 1 });

/** The element batches of `quads` mapped for graph `graphId`, `size` quads per batch. */
export function elementBatches(graphId: string, quads: readonly Quad[], size = 400): GraphElement[][] {
  const mapper = new RdfToGraph(graphId);
  const batches: GraphElement[][] = [];
  for (let i = 0; i < quads.length; i += size) batches.push(mapper.map(quads.slice(i, i + size), 0, 'fixture'));
  return batches;
}

/** Writes batches; `after(i)` runs after batch i (fault injection). */
export async function writeBatches(writer: VersionWriter, batches: readonly GraphElement[][], after?: (index: number) => Promise<void>): Promise<void> {
  for (const [index, batch] of batches.entries()) {
    await writer.write(batch);
    await after?.(index);
  }
}

export async function loadGraph(store: GraphStore, graphId: string, quads: readonly Quad[]) {
  const writer = await store.beginVersion(graphId, { documents: [{ location: 'fixture', format: 'rdfxml' }], prefixes: {}, missingImports: [] });
  await writeBatches(writer, elementBatches(graphId, quads));
  return writer.commit(stats(quads.length));
}

/** A fact as a comparable string. */
export const factKey = (fact: FactElement): string =>
  JSON.stringify(fact.kind === 'edge'
    ? [fact.subject, fact.predicate, fact.object, fact.graph ?? null, fact.doc, fact.inferred]
    : [fact.subject, fact.predicate, fact.value.lexical, fact.value.datatype, fact.value.language ?? null, fact.value.direction ?? null, fact.graph ?? null, fact.doc, fact.inferred]);

/** The distinct facts of the batches, sorted. */
export const expectedFacts = (batches: readonly GraphElement[][]): string[] =>
  [...new Set(batches.flat().filter((e): e is FactElement => e.kind !== 'vertex').map(factKey))].sort();

export async function exportedFacts(store: GraphStore, graphId: string, options: { version?: number } = {}): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of store.exportFacts(graphId, options)) keys.push(...batch.map(factKey));
  return keys.sort();
}
