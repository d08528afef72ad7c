/** The IRIs the GraphQL layer reads: what makes a concept, its labels, definitions and hierarchy. */

const rdf = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const rdfs = 'http://www.w3.org/2000/01/rdf-schema#';
const owl = 'http://www.w3.org/2002/07/owl#';
const skos = 'http://www.w3.org/2004/02/skos/core#';

export const rdfType = `${rdf}type`;
export const owlDeprecated = `${owl}deprecated`;

/** rdf:type values that make a resource a Concept. */
export const conceptTypes: ReadonlySet<string> = new Set([`${owl}Class`, `${rdfs}Class`, `${skos}Concept`]);

/** Label predicates, most preferred first. */
export const labelPredicates: readonly string[] = [`${skos}prefLabel`, `${rdfs}label`];

/** Definition predicates, most preferred first. */
export const definitionPredicates: readonly string[] = [`${skos}definition`, 'http://purl.obolibrary.org/obo/IAO_0000115', `${rdfs}comment`];

/** Predicates pointing from a concept to a broader one. */
export const broaderPredicates: readonly string[] = [`${rdfs}subClassOf`, `${skos}broader`];
