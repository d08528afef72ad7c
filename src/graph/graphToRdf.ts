/**
 * Property graph -> RDF, the inverse of RdfToGraph: facts become quads again, skolem IRIs become blank
 * nodes and triple-term vertex ids become triple terms, so an export is isomorphic to what was loaded.
 */
import type * as RDF from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { FactElement, LiteralValue } from './elements.ts';
import { blankLabel, isSkolem } from './skolem.ts';
import { isTripleTermId, tripleTermFromId } from './tripleTerm.ts';

// n3's factory implements RDF/JS 2 (directional literals); @types/n3 predates that.
const { blankNode, defaultGraph, literal, namedNode, quad } = DataFactory as unknown as RDF.DataFactory;

/**
 * Turns facts (of one graph) back into RDF/JS quads.
 *
 * @example
 * for await (const batch of store.exportFacts('pizza')) sink.write(factsToQuads(batch));
 */
export function factsToQuads(facts: readonly FactElement[]): RDF.Quad[] {
  return facts.map((fact) =>
    quad(
      nodeTerm(fact.subject) as RDF.Quad_Subject,
      namedNode(fact.predicate),
      fact.kind === 'edge' ? (nodeTerm(fact.object) as RDF.Quad_Object) : literalTerm(fact.value),
      fact.graph === undefined ? defaultGraph() : (nodeTerm(fact.graph) as RDF.Quad_Graph),
    ),
  );
}

/** The RDF term a node id stands for: a blank node, a triple term or an IRI. */
export function nodeTerm(id: string): RDF.NamedNode | RDF.BlankNode | RDF.BaseQuad {
  if (isSkolem(id)) return blankNode(blankLabel(id));
  if (isTripleTermId(id)) return tripleTermFromId(id, nodeTerm);
  return namedNode(id);
}

/** The RDF literal a property value stands for. */
export function literalTerm(value: LiteralValue): RDF.Literal {
  if (value.language) return literal(value.lexical, value.direction ? { language: value.language, direction: value.direction } : value.language);
  return literal(value.lexical, namedNode(value.datatype));
}
