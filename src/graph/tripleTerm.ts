/**
 * Vertex ids for RDF 1.2 triple terms (`<<( s p o )>>`, the objects of `rdf:reifies`). A triple term is
 * a term like an IRI, so it becomes a vertex; its id is its N-Triples form, with blank nodes already
 * replaced by skolem IRIs, percent-encoded under a fixed prefix. That keeps the id deterministic and
 * lets export rebuild the exact term.
 */
import { DataFactory, Parser, Writer } from 'n3';
import type * as RDF from '@rdfjs/types';

const triplePrefix = 'urn:ontomesh:triple:';
const writer = new Writer({ format: 'N-Triples' });

/** True when `id` is a triple-term vertex id minted by {@link tripleTermId}. */
export function isTripleTermId(id: string): boolean {
  return id.startsWith(triplePrefix);
}

/** The vertex id of a triple term whose blank nodes have already been replaced by skolem IRIs. */
export function tripleTermId(triple: RDF.BaseQuad): string {
  const line = writer.quadToString(triple.subject as RDF.Quad_Subject, triple.predicate as RDF.Quad_Predicate, triple.object as RDF.Quad_Object);
  return triplePrefix + encodeURIComponent(line.slice(0, line.lastIndexOf(' .')));
}

/**
 * The triple term behind a vertex id from {@link tripleTermId}; `nodeTerm` turns the node ids inside it
 * (skolem IRIs included) back into RDF terms.
 */
export function tripleTermFromId(id: string, nodeTerm: (id: string) => RDF.Term): RDF.BaseQuad {
  const [parsed] = new Parser({ format: 'N-Triples' }).parse(`${decodeURIComponent(id.slice(triplePrefix.length))} .`);
  if (!parsed) throw new Error(`Malformed triple-term id ${id}`);
  return restore(parsed, nodeTerm);
}

function restore(triple: RDF.BaseQuad, nodeTerm: (id: string) => RDF.Term): RDF.BaseQuad {
  const term = (t: RDF.Term): RDF.Term =>
    t.termType === 'NamedNode' ? nodeTerm(t.value) : t.termType === 'Quad' ? restore(t, nodeTerm) : t;
  return DataFactory.quad(
    term(triple.subject) as RDF.Quad_Subject,
    triple.predicate as RDF.Quad_Predicate,
    term(triple.object) as RDF.Quad_Object,
  );
}
