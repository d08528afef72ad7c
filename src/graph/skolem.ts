/**
 * Skolem IRIs: the vertex ids that stand for blank nodes. They are deterministic (graph id, document
 * index, order of first appearance in that document), so loading the same files again yields the same
 * ids, and they are recognisable, so export can turn them back into blank nodes.
 *
 * Parsers' own blank node labels are useless for this: n3 and rdfxml-streaming-parser prefix them with
 * a process-wide counter, so two parses of one file give different labels.
 */

const skolemPrefix = 'urn:ontomesh:genid:';

/**
 * The skolem IRI of the `ordinal`-th distinct blank node (from 0) of document `doc` in graph `scope`.
 *
 * @example
 * skolemIri('pizza', 0, 12) // 'urn:ontomesh:genid:pizza:0:12'
 */
export function skolemIri(scope: string, doc: number, ordinal: number): string {
  return `${skolemPrefix}${encodeURIComponent(scope)}:${doc}:${ordinal}`;
}

/** True when `id` is a skolem IRI minted by {@link skolemIri}. */
export function isSkolem(id: string): boolean {
  return id.startsWith(skolemPrefix);
}

/**
 * A blank node label for a skolem IRI, valid in N-Triples, Turtle and RDF/XML (`b<doc>_<ordinal>`).
 * Labels are unique within one graph, which is the scope of an export.
 */
export function blankLabel(skolem: string): string {
  const end = skolem.lastIndexOf(':');
  const docStart = skolem.lastIndexOf(':', end - 1);
  return `b${skolem.slice(docStart + 1, end)}_${skolem.slice(end + 1)}`;
}
