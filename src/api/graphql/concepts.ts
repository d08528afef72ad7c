/**
 * Reading a concept out of a resource view: is it a concept, its labels and definition in a
 * language, whether it is deprecated, and its named neighbours in the hierarchy.
 */
import type { FactElement, PropertyElement } from '../../graph/elements.ts';
import type { ResourceView } from '../../graph/GraphStore.ts';
import { isSkolem } from '../../graph/skolem.ts';
import type { GraphqlContext } from './context.ts';
import { broaderPredicates, conceptTypes, owlDeprecated, rdfType } from './vocabulary.ts';

/** True when any of the rdf:type values makes a resource a concept. */
export function isConceptType(types: readonly string[]): boolean {
  return types.some((type) => conceptTypes.has(type));
}

/** True when the resource is a named (not blank) class or SKOS concept. */
export function isConcept(view: ResourceView): boolean {
  return !view.blank && view.out.some((fact) => fact.predicate === rdfType && fact.kind === 'edge' && conceptTypes.has(fact.object));
}

/** Asserted literal values of the given predicates, in predicate order. */
export function literals(view: ResourceView, predicates: readonly string[]): PropertyElement[] {
  const facts = view.properties.filter((fact): fact is PropertyElement => fact.kind === 'property' && !fact.inferred && predicates.includes(fact.predicate));
  return facts.sort((a, b) => predicates.indexOf(a.predicate) - predicates.indexOf(b.predicate));
}

/**
 * The best value for a language: a tag equal to `lang` or starting with `lang-`, else no language,
 * else English, else the first; ties go to the earlier predicate.
 */
export function pickByLanguage(values: readonly PropertyElement[], lang: string | undefined): string | undefined {
  const wanted = lang?.toLowerCase();
  const rank = (language: string | undefined) => {
    const tag = language?.toLowerCase();
    if (wanted !== undefined && tag !== undefined && (tag === wanted || tag.startsWith(`${wanted}-`))) return 0;
    if (tag === undefined || tag === '') return 1;
    if (tag === 'en' || tag.startsWith('en-')) return 2;
    return 3;
  };
  let best: PropertyElement | undefined;
  let bestRank = 4;
  for (const value of values) {
    const r = rank(value.value.language);
    if (r < bestRank) [best, bestRank] = [value, r];
  }
  return best?.value.lexical;
}

/** True when the resource carries `owl:deprecated true`. */
export function isDeprecated(view: ResourceView): boolean {
  return view.properties.some((fact: FactElement) => fact.kind === 'property' && fact.predicate === owlDeprecated && (fact.value.lexical === 'true' || fact.value.lexical === '1'));
}

/**
 * Named concepts above (`out`) or below (`in`) `iri` along rdfs:subClassOf and skos:broader; with
 * `transitive`, through the inferred closure. Class expressions (blank nodes) and `iri` itself are left out.
 */
export async function hierarchy(context: GraphqlContext, iri: string, direction: 'out' | 'in', transitive: boolean): Promise<string[]> {
  const lists = await Promise.all(broaderPredicates.map((predicate) => context.neighbours(iri, { predicate, direction, includeInferred: transitive })));
  const ids = new Set(lists.flat().filter((id) => id !== iri && !isSkolem(id)));
  return [...ids].sort();
}
