/**
 * How facts are kept in Cosmos-compatible primitive values. Cosmos allows only primitive property
 * values (no objects, no nulls) and meta-properties are unreliable there, so facts are strings:
 *
 * - literal facts: JSON rows in the vertex's multi-valued property `f`, one value per write holding
 *   every literal of that write (a single row, or an array of rows), so a vertex with its labels and
 *   comments is one property step, not one per fact;
 * - edge facts: the edge id holds the fact (edgeKey: its parts escaped like id parts), or, when that
 *   would make the id too long, the JSON row in the edge property `m`.
 *
 * Both encodings are lossless (lexical form, datatype, language, base direction, named graph, source
 * document, inferred flag) and deterministic, so equal facts encode to equal strings (which is what
 * makes the upserts idempotent).
 */
import type { EdgeElement, PropertyElement } from '../../graph/elements.ts';
import { decodeIdPart, encodeIdPart } from './ids.ts';

type LiteralRow = [predicate: string, lexical: string, datatype: string, language: string | null, direction: string | null, graph: string | null, doc: number, inferred: 0 | 1];
type EdgeRow = [predicate: string, subject: string, object: string, graph: string | null, doc: number, inferred: 0 | 1];

const literalRow = (fact: PropertyElement): LiteralRow => {
  const { value } = fact;
  return [fact.predicate, value.lexical, value.datatype, value.language ?? null, value.direction ?? null, fact.graph ?? null, fact.doc, fact.inferred ? 1 : 0];
};

/** Encodes a literal fact without its subject (the vertex that holds it is the subject). */
export function encodeLiteral(fact: PropertyElement): string {
  return JSON.stringify(literalRow(fact));
}

/** Encodes several literal facts of one vertex as one `f` value (one fact: the same as encodeLiteral). */
export function encodeLiterals(facts: readonly PropertyElement[]): string {
  return facts.length === 1 ? encodeLiteral(facts[0]!) : JSON.stringify(facts.map(literalRow));
}

/** The literal facts of one `f` value (either encoding). */
export function decodeLiterals(subject: string, encoded: string): PropertyElement[] {
  const parsed = JSON.parse(encoded) as LiteralRow | LiteralRow[];
  return Array.isArray(parsed[0]) ? (parsed as LiteralRow[]).map((row) => fromLiteralRow(subject, row)) : [fromLiteralRow(subject, parsed as LiteralRow)];
}

export function decodeLiteral(subject: string, encoded: string): PropertyElement {
  return fromLiteralRow(subject, JSON.parse(encoded) as LiteralRow);
}

function fromLiteralRow(subject: string, [predicate, lexical, datatype, language, direction, graph, doc, inferred]: LiteralRow): PropertyElement {
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

/**
 * An edge fact as an id part: predicate, subject, object, graph (empty for the default graph),
 * document and inferred flag, each escaped (encodeIdPart) and joined with `|`.
 *
 * @example edgeKey({ kind: 'edge', predicate: 'p:x', subject: 's:a', object: 's:b', doc: 0, inferred: false }) === 'p%3Ax|s%3Aa|s%3Ab||0|0'
 */
export function edgeKey(fact: EdgeElement): string {
  return [fact.predicate, fact.subject, fact.object, fact.graph ?? '', String(fact.doc), fact.inferred ? '1' : '0'].map(encodeIdPart).join('|');
}

export function decodeEdgeKey(key: string): EdgeElement {
  const [predicate, subject, object, graph, doc, inferred] = key.split('|').map(decodeIdPart) as [string, string, string, string, string, string];
  const fact: EdgeElement = { kind: 'edge', subject, predicate, object, inferred: inferred === '1', doc: Number(doc) };
  if (graph !== '') fact.graph = graph;
  return fact;
}
