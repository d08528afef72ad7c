/**
 * Facts from the rows the read scripts return (scripts.ts): a vertex's IRI from its id or its `n`
 * property, literal facts from `f` values (each fact once), edge facts from edge ids or `m` values.
 */
import type { EdgeElement, FactElement, PropertyElement } from '../../graph/elements.ts';
import { decodeEdge, decodeEdgeKey, decodeLiterals, encodeLiteral } from './factCodec.ts';
import type { IdScheme } from './ids.ts';

/** A vertex as reads project it: `v` its id, `n` its IRI property (only on vertices whose id is a digest). */
export interface NodeRow {
  v: string;
  n: string[];
}

/** The node IRI of a projected vertex. */
export function nodeOf(row: NodeRow, ids: IdScheme): string {
  const node = row.n[0] ?? ids.nodeOf(row.v);
  if (node === undefined) throw new Error(`Vertex ${row.v} has a digest id and no IRI property`);
  return node;
}

/**
 * The literal facts of `f` values, each once: a writer stores a fact once per vertex, but another
 * writer of the same version (or a batch written twice) may have stored it in another value.
 */
export function literalsOf(subject: string, values: readonly string[]): PropertyElement[] {
  const facts = new Map<string, PropertyElement>();
  for (const value of new Set(values)) {
    for (const fact of decodeLiterals(subject, value)) facts.set(encodeLiteral(fact), fact);
  }
  return [...facts.values()];
}

/** The facts of edge values: an edge's `m` property (a JSON row) or its id (which holds the fact). */
export function edgesOf(values: readonly string[], ids: IdScheme): EdgeElement[] {
  return values.map((value) => {
    if (value.startsWith('[')) return decodeEdge(value);
    const key = ids.edgeKeyOf(value);
    if (key === undefined) throw new Error(`Edge ${value} has a digest id and no fact property`);
    return decodeEdgeKey(key);
  });
}

/** The facts of one exported vertex row: its literals and out-edges. */
export function rowFacts(row: NodeRow & { f: string[]; o: string[] }, ids: IdScheme): FactElement[] {
  return [...literalsOf(nodeOf(row, ids), row.f), ...edgesOf(row.o, ids)];
}
