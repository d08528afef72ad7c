/**
 * The OWL view's counts (the counting rules of README.md) of facts already interned to term ids: what
 * a load reports. The load holds every asserted edge for the closure anyway, so counting them costs
 * one scan of the typed arrays: each distinct type's traits are worked out once (typeTraits.ts) and a
 * subject's are the union of its types', one integer per term. Nothing is built per subject: on the
 * 1M-triple benchmark, records of links per typed subject made the counts the longest step after
 * the closure, most of it garbage collection.
 */
import type { OwlCounts } from './buildOwlView.ts';
import type { Terms } from './TermIds.ts';
import type { TripleList } from './TripleList.ts';
import { isBuiltInDatatype, propertyKinds, Trait, typeTraits } from './typeTraits.ts';
import { rdf, rdfs } from './vocabulary.ts';

/** Marks a term whose traits are worked out: a type with none still counts as looked at. */
const known = 1 << 30;
const propertyTraits = Trait.ObjectProperty | Trait.DatatypeProperty | Trait.AnnotationProperty | Trait.PlainProperty;
/** The traits that make a named subject count as something. */
const counted = Trait.Class | Trait.Individual | propertyTraits;

/**
 * @param edges asserted facts whose object is an IRI or a blank node (facts stated twice may be there twice)
 * @param isBlank tells the terms that stand for blank nodes (the load's skolem IRIs)
 */
export function countOwlViewOfFacts(edges: TripleList, terms: Terms, isBlank: (term: string) => boolean): OwlCounts {
  const type = terms.id(rdf.type);
  const range = terms.id(rdfs.range);
  const [subjects, predicates, objects] = [edges.subjects(), edges.predicates(), edges.objects()];
  const typeTraitsOf = new Int32Array(terms.size);
  const traitsOf = new Int32Array(terms.size);
  for (let row = 0; row < subjects.length; row++) {
    if (predicates[row] !== type) continue;
    const object = objects[row]!;
    if (typeTraitsOf[object] === 0) {
      const term = terms.term(object);
      typeTraitsOf[object] = known | typeTraits(isBlank(term) ? `_:${term}` : term);
    }
    traitsOf[subjects[row]!]! |= typeTraitsOf[object]!;
  }
  // A plain property is a datatype property when it has ranges and all are datatypes.
  const plainRanges = new Map<number, number[]>();
  for (let row = 0; row < subjects.length; row++) {
    if (predicates[row] !== range || !(traitsOf[subjects[row]!]! & Trait.PlainProperty)) continue;
    const ranges = plainRanges.get(subjects[row]!);
    if (ranges === undefined) plainRanges.set(subjects[row]!, [objects[row]!]);
    else ranges.push(objects[row]!);
  }
  const isDatatype = (id: number) => (traitsOf[id]! & Trait.Datatype) !== 0 || isBuiltInDatatype(terms.term(id));

  const counts: OwlCounts = { classes: 0, objectProperties: 0, datatypeProperties: 0, annotationProperties: 0, individuals: 0, ontologies: 0 };
  const kindCounts = { object: 'objectProperties', datatype: 'datatypeProperties', annotation: 'annotationProperties' } as const;
  for (let id = 0; id < traitsOf.length; id++) {
    const traits = traitsOf[id]!;
    if (traits & Trait.Ontology) counts.ontologies++;
    // Only an ontology can be a blank node.
    if (!(traits & counted) || isBlank(terms.term(id))) continue;
    if (traits & Trait.Class) counts.classes++;
    if (traits & Trait.Individual) counts.individuals++;
    if (!(traits & propertyTraits)) continue;
    for (const { kind } of propertyKinds(traits, () => plainRanges.get(id)?.every(isDatatype) ?? false)) counts[kindCounts[kind]]++;
  }
  return counts;
}
