/**
 * Shared test plumbing for src/ontology: reading fixtures through src/rdf's parseFile, parsing
 * hand-written Turtle with n3, and feeding quads to OwlViewBuilder and Entailment the way the
 * load pipeline does (blank nodes as document-local ids, literal objects as literal facts).
 */
import type { Quad, Term } from '@rdfjs/types';
import { Parser } from 'n3';
import { Entailment, OwlViewBuilder, type EntailedFact, type OwlView } from '../../src/ontology/index.ts';
import { parseFile } from '../../src/rdf/index.ts';

export const fixtures = 'test/fixtures/shared';
export const pizzaPath = `${fixtures}/protege-owl/pizza-owlcs/pizza.owl`;
export const pizza = 'https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl#';

export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
export const OWL = 'http://www.w3.org/2002/07/owl#';
export const EX = 'http://example.org/';

/** Reads a fixture file (any syntax src/rdf knows) into quads, in document order. */
export async function readFixture(path: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseFile(path, {}, { quads: (batch) => void quads.push(...batch) });
  return quads;
}

const prefixes = `@prefix rdf: <${RDF}> . @prefix rdfs: <${RDFS}> . @prefix owl: <${OWL}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix obo: <http://purl.obolibrary.org/obo/> . @prefix : <${EX}> .
`;

/**
 * Parses Turtle with the usual prefixes (rdf, rdfs, owl, xsd, skos, obo, and `:` for EX) declared.
 * `blankNodePrefix: ''` keeps blank node labels as written (n3 otherwise makes them unique per parse).
 */
export function turtle(text: string, options: { blankNodePrefix?: string } = {}): Quad[] {
  return new Parser({ baseIRI: EX, ...options }).parse(prefixes + text);
}

/** The OWL view of some documents, each fed in batches of `batchSize` quads. */
export function viewOf(documents: Quad[][], batchSize = 1000): OwlView {
  const builder = new OwlViewBuilder();
  documents.forEach((quads, doc) => {
    for (let i = 0; i < quads.length; i += batchSize) builder.add(quads.slice(i, i + batchSize), doc);
  });
  return builder.build();
}

/** The node id of a subject or object, blank nodes prefixed with the document index. */
export function nodeId(term: Term, doc = 0): string {
  return term.termType === 'BlankNode' ? `_:d${doc}.${term.value}` : term.value;
}

/** An Entailment fed with the quads of some documents. */
export function entailmentOf(...documents: Quad[][]): Entailment {
  const entailment = new Entailment();
  documents.forEach((quads, doc) => {
    for (const quad of quads) {
      if (quad.object.termType === 'Literal') entailment.addLiteralFact(nodeId(quad.subject, doc), quad.predicate.value);
      else entailment.addEdge(nodeId(quad.subject, doc), quad.predicate.value, nodeId(quad.object, doc));
    }
  });
  return entailment;
}

/** A fact as one N-Triples-like line, for readable set comparisons. */
export function line({ subject, predicate, object }: EntailedFact): string {
  return `${subject} ${predicate} ${object}`;
}

/** The inferred facts as lines, in emission order. */
export function inferredLines(entailment: Entailment): string[] {
  return [...entailment.inferred()].map(line);
}
