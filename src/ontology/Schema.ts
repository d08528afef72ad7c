/**
 * The schema the entailment rules read, taken from the asserted facts: the class and property
 * hierarchies (closed by Hierarchy), inverses, symmetric properties, domains and ranges.
 */
import { Hierarchy } from './Hierarchy.ts';
import { IntList } from './IntList.ts';
import type { Terms } from './TermIds.ts';
import type { TripleList } from './TripleList.ts';
import { owl, rdf, rdfs } from './vocabulary.ts';

/** Ids of the vocabulary terms the rules use. */
export interface VocabularyIds {
  type: number;
  subClassOf: number;
  equivalentClass: number;
  subPropertyOf: number;
  equivalentProperty: number;
  inverseOf: number;
  domain: number;
  range: number;
  intersectionOf: number;
  first: number;
  rest: number;
  nil: number;
  SymmetricProperty: number;
}

/** What the rules know about classes and properties. */
export interface Schema {
  classes: Hierarchy;
  properties: Hierarchy;
  /** property -> its inverses, both directions of every owl:inverseOf. */
  inverses: Map<number, number[]>;
  symmetric: Set<number>;
  domains: Map<number, number[]>;
  ranges: Map<number, number[]>;
}

/** Interns the vocabulary the rules use. */
export function vocabularyIds(ids: Terms): VocabularyIds {
  return {
    type: ids.id(rdf.type),
    subClassOf: ids.id(rdfs.subClassOf),
    equivalentClass: ids.id(owl.equivalentClass),
    subPropertyOf: ids.id(rdfs.subPropertyOf),
    equivalentProperty: ids.id(owl.equivalentProperty),
    inverseOf: ids.id(owl.inverseOf),
    domain: ids.id(rdfs.domain),
    range: ids.id(rdfs.range),
    intersectionOf: ids.id(owl.intersectionOf),
    first: ids.id(rdf.first),
    rest: ids.id(rdf.rest),
    nil: ids.id(rdf.nil),
    SymmetricProperty: ids.id(owl.SymmetricProperty),
  };
}

/**
 * Reads the schema from asserted facts. Equivalences become edges both ways, and
 * `x owl:intersectionOf (A B)` becomes `x ⊑ A, x ⊑ B` (OWL RL scm-int), so a class equivalent to an
 * intersection gets its operands as super classes.
 */
export function readSchema(facts: TripleList, v: VocabularyIds, termCount: number): Schema {
  const classEdges = new IntList();
  const propertyEdges = new IntList();
  const intersections = new IntList();
  const schema = { inverses: new Map<number, number[]>(), symmetric: new Set<number>(), domains: new Map<number, number[]>(), ranges: new Map<number, number[]>() };
  const [subjects, predicates, objects] = [facts.subjects(), facts.predicates(), facts.objects()];
  for (let row = 0; row < subjects.length; row++) {
    const s = subjects[row]!;
    const p = predicates[row]!;
    const o = objects[row]!;
    if (p === v.subClassOf || p === v.equivalentClass) {
      pushPair(classEdges, s, o);
      if (p === v.equivalentClass) pushPair(classEdges, o, s);
    } else if (p === v.subPropertyOf || p === v.equivalentProperty) {
      pushPair(propertyEdges, s, o);
      if (p === v.equivalentProperty) pushPair(propertyEdges, o, s);
    } else if (p === v.inverseOf) {
      addTo(schema.inverses, s, o);
      addTo(schema.inverses, o, s);
    } else if (p === v.domain) addTo(schema.domains, s, o);
    else if (p === v.range) addTo(schema.ranges, s, o);
    else if (p === v.type && o === v.SymmetricProperty) schema.symmetric.add(s);
    else if (p === v.intersectionOf) pushPair(intersections, s, o);
  }
  if (intersections.length > 0) {
    const lists = listCells(facts, v);
    for (let i = 0; i < intersections.length; i += 2) {
      for (const operand of lists.items(intersections.at(i + 1), v.nil)) pushPair(classEdges, intersections.at(i), operand);
    }
  }
  return { ...schema, classes: new Hierarchy(classEdges, termCount), properties: new Hierarchy(propertyEdges, termCount) };
}

/** rdf:first / rdf:rest of every list cell (the first value of each, as RDF lists have one). */
function listCells(facts: TripleList, v: VocabularyIds): { items(head: number, nil: number): number[] } {
  const first = new Map<number, number>();
  const rest = new Map<number, number>();
  const [subjects, predicates, objects] = [facts.subjects(), facts.predicates(), facts.objects()];
  for (let row = 0; row < subjects.length; row++) {
    const p = predicates[row]!;
    if (p === v.first && !first.has(subjects[row]!)) first.set(subjects[row]!, objects[row]!);
    else if (p === v.rest && !rest.has(subjects[row]!)) rest.set(subjects[row]!, objects[row]!);
  }
  return {
    items(head, nil) {
      const items: number[] = [];
      const seen = new Set<number>();
      for (let cell: number | undefined = head; cell !== undefined && cell !== nil && !seen.has(cell); cell = rest.get(cell)) {
        seen.add(cell);
        const item = first.get(cell);
        if (item !== undefined) items.push(item);
      }
      return items;
    },
  };
}

function pushPair(list: IntList, a: number, b: number): void {
  list.push(a);
  list.push(b);
}

function addTo(map: Map<number, number[]>, key: number, value: number): void {
  const values = map.get(key);
  if (values === undefined) map.set(key, [value]);
  else if (!values.includes(value)) values.push(value);
}
