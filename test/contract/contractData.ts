/**
 * Real data for the GraphStore contract: fixture ontologies mapped to graph elements with the
 * project's own mapping, plus an entailment closure of rdfs:subClassOf so that "inferred" means what
 * it means in a load. Only src/graph is used, never an adapter.
 */
import type { Quad } from '@rdfjs/types';
import type { EdgeElement, GraphElement } from '../../src/graph/elements.ts';
import type { GraphStore, LoadStats, VersionInfo, VersionMeta } from '../../src/graph/GraphStore.ts';
import { RdfToGraph } from '../../src/graph/RdfToGraph.ts';
import { isSkolem } from '../../src/graph/skolem.ts';
import { pizzaPath, readN3Family, readRdfXml } from '../graph/fixtureQuads.ts';

export const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
export const rdfsLabel = 'http://www.w3.org/2000/01/rdf-schema#label';
export const subClassOf = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';
export const owlClass = 'http://www.w3.org/2002/07/owl#Class';
export const pizza = 'https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl#';
export const dqv = 'http://www.w3.org/ns/dqv#';
export const dqvPath = 'test/fixtures/shared/w3c-vocabularies/dqv/dqv.ttl';
export const provInversesPath = 'test/fixtures/shared/w3c-vocabularies/prov-o/prov-o-inverses.ttl';
export const schemaOrgPath = 'test/fixtures/shared/schemaorg/schemaorg-current-https.ttl';
export const langDirPath = 'test/fixtures/shared/rdf-tests/turtle/rdf12/syntax/nt-ttl12-langdir-1.ttl';

/** A parsed document ready to be written: its quads and its elements for one graph id. */
export interface MappedDocument {
  location: string;
  quads: Quad[];
  elements: GraphElement[];
}

export async function mapPizza(graphId: string): Promise<MappedDocument> {
  const quads = await readRdfXml(pizzaPath);
  return { location: pizzaPath, quads, elements: new RdfToGraph(graphId).map(quads, 0, pizzaPath) };
}

export function mapTurtle(graphId: string, location: string): MappedDocument {
  const quads = readN3Family(location);
  return { location, quads, elements: new RdfToGraph(graphId).map(quads, 0, location) };
}

/** The transitive rdfs:subClassOf facts between named classes that are not asserted. */
export function inferredSubClassOf(mapper: RdfToGraph, elements: readonly GraphElement[]): GraphElement[] {
  const parents = new Map<string, Set<string>>();
  for (const e of elements) {
    if (e.kind === 'edge' && e.predicate === subClassOf && !isSkolem(e.subject) && !isSkolem(e.object)) {
      let set = parents.get(e.subject);
      if (!set) parents.set(e.subject, (set = new Set()));
      set.add(e.object);
    }
  }
  const facts: { subject: string; predicate: string; object: string }[] = [];
  for (const [cls, direct] of parents) {
    const seen = new Set<string>();
    const todo = [...direct];
    while (todo.length > 0) {
      const next = todo.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(...(parents.get(next) ?? []));
    }
    for (const ancestor of seen) if (!direct.has(ancestor) && ancestor !== cls) facts.push({ subject: cls, predicate: subClassOf, object: ancestor });
  }
  return mapper.mapInferred(facts);
}

export function statsOf(elements: readonly GraphElement[]): LoadStats {
  const facts = elements.filter((e) => e.kind !== 'vertex');
  const classes = new Set(elements.filter((e): e is EdgeElement => e.kind === 'edge' && e.predicate === rdfType && e.object === owlClass).map((e) => e.subject));
  return {
    triples: facts.filter((f) => !f.inferred).length,
    inferred: facts.filter((f) => f.inferred).length,
    classes: classes.size,
    objectProperties: 0,
    datatypeProperties: 0,
    annotationProperties: 0,
    individuals: 0,
    ontologies: 1,
  };
}

export function metaOf(...locations: string[]): VersionMeta {
  return {
    documents: locations.map((location) => ({ location, format: location.endsWith('.ttl') ? 'turtle' : 'rdfxml' })),
    prefixes: { owl: 'http://www.w3.org/2002/07/owl#' },
    missingImports: [],
    origin: 'graph store contract',
  };
}

/** Writes elements as one new version in batches (as a load does) and commits it. */
export async function writeVersion(store: GraphStore, graphId: string, elements: readonly GraphElement[], meta: VersionMeta, batchSize = 500): Promise<VersionInfo> {
  const writer = await store.beginVersion(graphId, meta);
  try {
    for (let start = 0; start < elements.length; start += batchSize) await writer.write(elements.slice(start, start + batchSize));
    return await writer.commit(statsOf(elements));
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Every fact of a graph's export, all batches together. */
export async function exportAll(store: GraphStore, graphId: string, options?: { version?: number; includeInferred?: boolean }) {
  const facts = [];
  for await (const batch of store.exportFacts(graphId, options)) facts.push(...batch);
  return facts;
}
