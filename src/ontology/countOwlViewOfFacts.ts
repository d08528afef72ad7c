/**
 * The OWL view's counts (countOwlView's rules, README.md) of facts already interned to term ids: what
 * a load reports. The load holds every asserted edge for the closure anyway, so counting them at the
 * end costs one scan of the typed arrays and a record per typed subject, instead of keying every
 * schema triple by its subject's string while parsing (OwlViewBuilder), on the busiest thread.
 */
import { countOwlView, type OwlCounts, type SubjectRecord } from './buildOwlView.ts';
import type { Terms } from './TermIds.ts';
import type { TripleList } from './TripleList.ts';
import { rdf, rdfs } from './vocabulary.ts';

/**
 * @param edges asserted facts whose object is an IRI or a blank node (facts stated twice may be there twice)
 * @param isBlank tells the terms that stand for blank nodes (the load's skolem IRIs)
 */
export function countOwlViewOfFacts(edges: TripleList, terms: Terms, isBlank: (term: string) => boolean): OwlCounts {
  const type = terms.id(rdf.type);
  const range = terms.id(rdfs.range);
  const [subjects, predicates, objects] = [edges.subjects(), edges.predicates(), edges.objects()];
  // Only a typed subject can be counted; a range decides the kind of a property typed rdf:Property.
  const recordOf = new Array<SubjectRecord | undefined>(terms.size);
  const key = (id: number): string => {
    const term = terms.term(id);
    return isBlank(term) ? `_:${term}` : term;
  };
  for (let row = 0; row < subjects.length; row++) {
    if (predicates[row] !== type) continue;
    const subject = subjects[row]!;
    (recordOf[subject] ??= { links: [], texts: [], deprecated: false }).links.push(rdf.type, key(objects[row]!));
  }
  for (let row = 0; row < subjects.length; row++) {
    if (predicates[row] === range) recordOf[subjects[row]!]?.links.push(rdfs.range, key(objects[row]!));
  }
  // Records by term id, not by key: no string is hashed. Keys looked up (the ranges' records) are terms of these facts.
  return countOwlView({
    *[Symbol.iterator]() {
      for (let id = 0; id < recordOf.length; id++) {
        const record = recordOf[id];
        if (record !== undefined) yield [key(id), record];
      }
    },
    get: (recordKey) => recordOf[terms.id(recordKey.startsWith('_:') ? recordKey.slice(2) : recordKey)],
  });
}
