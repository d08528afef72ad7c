/**
 * OWL's n-ary constructs take sets (the operands of ObjectUnionOf, the members of DisjointClasses, …): a
 * syntax, or the OWL API when it renders RDF, writes their operands in any order, and so does the RDF list
 * they become. Tests that compare graphs of the same ontology from different writers put them in one order.
 */
import type { Quad } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';

const OWL = 'http://www.w3.org/2002/07/owl#';
const RDF_FIRST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#first';
const RDF_REST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#rest';

/** The predicates whose list is a set in OWL. */
export const setValuedPredicates: ReadonlySet<string> = new Set(['unionOf', 'intersectionOf', 'oneOf', 'members', 'distinctMembers', 'disjointUnionOf'].map((name) => OWL + name));

/** Reads the lists of a graph: each list's cells, and a description of any term that does not depend on blank node labels. */
function listReader(quads: Quad[]) {
  const store = new Store(quads);
  const cells = (list: Quad['object']): Quad['object'][] => {
    const result: Quad['object'][] = [];
    for (let cell = list; cell.termType === 'BlankNode'; cell = store.getObjects(cell, RDF_REST, null)[0]!) result.push(cell);
    return result;
  };
  const item = (cell: Quad['object']) => store.getObjects(cell, RDF_FIRST, null)[0]!;
  const describe = (term: Quad['object']): string => {
    if (term.termType === 'Literal') return `${JSON.stringify(term.value)}^^${term.datatype.value}@${term.language}`;
    if (term.termType !== 'BlankNode') return `<${term.value}>`;
    return `[${store.getQuads(term, null, null, null).map((q) => `${q.predicate.value} ${setValuedPredicates.has(q.predicate.value)
      ? `{${cells(q.object).map((cell) => describe(item(cell))).sort().join(' ')}}`
      : describe(q.object)}`).sort().join('; ')}]`;
  };
  const setValuedLists = () => quads.filter((q) => setValuedPredicates.has(q.predicate.value)).map((q) => cells(q.object));
  return { item, describe, setValuedLists };
}

/**
 * The graph with the items of every set-valued list in one canonical order (by a description of each item
 * that does not depend on blank node labels).
 *
 * @example isomorphic(withSetListsSorted(a), withSetListsSorted(b)) // a and b differ at most in set order
 */
export function withSetListsSorted(quads: Quad[]): Quad[] {
  const { item, describe, setValuedLists } = listReader(quads);
  const firsts = new Map<string, Quad['object']>();
  for (const listCells of setValuedLists()) {
    const items = listCells.map(item).sort((a, b) => describe(a).localeCompare(describe(b)));
    listCells.forEach((cell, index) => firsts.set(cell.value, items[index]!));
  }
  return quads.map((q) => q.predicate.value === RDF_FIRST && firsts.has(q.subject.value) ? DataFactory.quad(q.subject, q.predicate, firsts.get(q.subject.value)!) : q);
}

/**
 * Every set-valued list of the graph as its items in the order written (each item described without blank
 * node labels, a nested set sorted), one string a list: comparing two graphs' names the lists whose order differs.
 */
export function setValuedListsAsWritten(quads: Quad[]): string[] {
  const { item, describe, setValuedLists } = listReader(quads);
  return setValuedLists().map((listCells) => `(${listCells.map((cell) => describe(item(cell))).join(' ')})`);
}
