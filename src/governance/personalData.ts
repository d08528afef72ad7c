/**
 * What counts as personal data, in W3C DPV 2 terms: a concept that is dpv:PersonalData or a
 * sub-concept of it (every dpv-pd: category is), through the closure the caller's concepts carry;
 * and dpv:hasPersonalData, DPV's property (status "accepted") that associates something with the
 * personal data it has. Both the SKOS (`https://w3id.org/dpv#`) and the OWL (`…/dpv/owl#`) flavour.
 */

/** dpv:PersonalData in DPV's SKOS and OWL serialisations. */
export const personalDataConcepts: ReadonlySet<string> = new Set(['https://w3id.org/dpv#PersonalData', 'https://w3id.org/dpv/owl#PersonalData']);

/** dpv:hasPersonalData in DPV's SKOS and OWL serialisations. */
export const hasPersonalDataPredicates: readonly string[] = ['https://w3id.org/dpv#hasPersonalData', 'https://w3id.org/dpv/owl#hasPersonalData'];

/** A concept with its named super-concepts through the entailment closure (walked transitively, as concept discovery does). */
export interface GovernedConcept {
  iri: string;
  up: Iterable<GovernedConcept>;
}

/**
 * Whether any of `concepts` is dpv:PersonalData or one of its sub-concepts.
 *
 * @example
 * isPersonalDataConcept([{ iri: 'https://w3id.org/dpv/pd#EmailAddress', up: [{ iri: 'https://w3id.org/dpv#PersonalData', up: [] }] }]) // true
 */
export function isPersonalDataConcept(concepts: Iterable<GovernedConcept>): boolean {
  const seen = new Set<GovernedConcept>();
  const pending = [...concepts];
  for (let concept = pending.pop(); concept !== undefined; concept = pending.pop()) {
    if (seen.has(concept)) continue;
    if (personalDataConcepts.has(concept.iri)) return true;
    seen.add(concept);
    pending.push(...concept.up);
  }
  return false;
}
