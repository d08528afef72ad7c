/**
 * How facts are kept in Cosmos-compatible primitive values. Cosmos allows only primitive property
 * values (no objects, no nulls) and meta-properties are unreliable there, so each fact is one JSON
 * array string: a literal fact is a value of the vertex's multi-valued property `f`, an edge fact is
 * the property `m` of its edge. The encoding is lossless (lexical form, datatype, language, base
 * direction, named graph, source document, inferred flag) and deterministic, so equal facts encode
 * to equal strings (which is what makes literal upserts idempotent).
 */
import type { EdgeElement, FactElement, PropertyElement } from '../../graph/elements.ts';

type LiteralRow = [predicate: string, lexical: string, datatype: string, language: string | null, direction: string | null, graph: string | null, doc: number, inferred: 0 | 1];
type EdgeRow = [predicate: string, subject: string, object: string, graph: string | null, doc: number, inferred: 0 | 1];

/** Encodes a literal fact without its subject (the vertex that holds it is the subject). */
export function encodeLiteral(fact: PropertyElement): string {
  const { value } = fact;
  const row: LiteralRow = [fact.predicate, value.lexical, value.datatype, value.language ?? null, value.direction ?? null, fact.graph ?? null, fact.doc, fact.inferred ? 1 : 0];
  return JSON.stringify(row);
}

export function decodeLiteral(subject: string, encoded: string): PropertyElement {
  const [predicate, lexical, datatype, language, direction, graph, doc, inferred] = JSON.parse(encoded) as LiteralRow;
  const fact: PropertyElement = { kind: 'property', subject, predicate, inferred: inferred === 1, doc, value: { lexical, datatype } };
  if (language !== null) fact.value.language = language;
  if (direction !== null) fact.value.direction = direction as 'ltr' | 'rtl';
  if (graph !== null) fact.graph = graph;
  return fact;
}

export function encodeEdge(fact: EdgeElement): string {
  const row: EdgeRow = [fact.predicate, fact.subject, fact.object, fact.graph ?? null, fact.doc, fact.inferred ? 1 : 0];
  return JSON.stringify(row);
}

export function decodeEdge(encoded: string): EdgeElement {
  const [predicate, subject, object, graph, doc, inferred] = JSON.parse(encoded) as EdgeRow;
  const fact: EdgeElement = { kind: 'edge', subject, predicate, object, inferred: inferred === 1, doc };
  if (graph !== null) fact.graph = graph;
  return fact;
}

/** Decodes what a vertex holds (`f` values and out-edge `m` values) back to facts. */
export function decodeFacts(subject: string, literals: readonly string[], edges: readonly string[]): FactElement[] {
  return [...literals.map((encoded) => decodeLiteral(subject, encoded)), ...edges.map(decodeEdge)];
}
