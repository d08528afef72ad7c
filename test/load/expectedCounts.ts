/**
 * The counts a load must report, computed here straight from the parsed quads with the counting
 * rules of src/ontology/README.md, so the tests do not trust the code they check.
 */
import type { Quad } from '@rdfjs/types';
import type { LoadStats } from '../../src/graph/GraphStore.ts';

const rdf = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const rdfs = 'http://www.w3.org/2000/01/rdf-schema#';
const owl = 'http://www.w3.org/2002/07/owl#';
const xsd = 'http://www.w3.org/2001/XMLSchema#';

const classTypes = new Set([`${owl}Class`, `${rdfs}Class`, `${owl}DeprecatedClass`]);
const objectPropertyTypes = new Set(['ObjectProperty', 'InverseFunctionalProperty', 'TransitiveProperty', 'SymmetricProperty', 'AsymmetricProperty', 'ReflexiveProperty', 'IrreflexiveProperty'].map((t) => `${owl}${t}`));
const kindlessPropertyTypes = new Set([`${rdf}Property`, `${owl}FunctionalProperty`, `${owl}DeprecatedProperty`]);
const builtInDatatypes = new Set([`${rdfs}Literal`, ...['langString', 'PlainLiteral', 'XMLLiteral', 'HTML', 'JSON', 'dirLangString'].map((t) => `${rdf}${t}`)]);

/** Counts of the distinct asserted quads (inferred is the loader's to report, so not checked here). */
export function expectedCounts(quads: readonly Quad[]): Omit<LoadStats, 'inferred'> {
  const types = new Map<string, Set<string>>();
  const ranges = new Map<string, string[]>();
  const ontologies = new Set<string>();
  const blankTyped = new Set<string>();
  for (const { subject, predicate, object } of quads) {
    if (predicate.value === `${rdf}type`) {
      if (object.value === `${owl}Ontology`) ontologies.add(`${subject.termType}:${subject.value}`);
      if (subject.termType !== 'NamedNode') continue;
      if (object.termType === 'BlankNode') blankTyped.add(subject.value);
      else if (object.termType === 'NamedNode') {
        if (!types.has(subject.value)) types.set(subject.value, new Set());
        types.get(subject.value)!.add(object.value);
      }
    } else if (predicate.value === `${rdfs}range` && subject.termType === 'NamedNode' && object.termType === 'NamedNode') {
      if (!ranges.has(subject.value)) ranges.set(subject.value, []);
      ranges.get(subject.value)!.push(object.value);
    }
  }
  const typed = (iri: string, type: string) => types.get(iri)?.has(type) === true;
  const isDatatype = (iri: string) => iri.startsWith(xsd) || builtInDatatypes.has(iri) || typed(iri, `${rdfs}Datatype`);
  const builtIn = (iri: string) => [rdf, rdfs, owl].some((ns) => iri.startsWith(ns)) && iri !== `${owl}Thing`;
  const stats = { triples: quads.length, classes: 0, objectProperties: 0, datatypeProperties: 0, annotationProperties: 0, individuals: 0, ontologies: ontologies.size };
  for (const [iri, of] of types) {
    const all = [...of];
    if (all.some((t) => classTypes.has(t))) stats.classes++;
    const object = all.some((t) => objectPropertyTypes.has(t));
    const datatype = of.has(`${owl}DatatypeProperty`);
    const annotation = of.has(`${owl}AnnotationProperty`);
    if (object) stats.objectProperties++;
    if (datatype) stats.datatypeProperties++;
    if (annotation) stats.annotationProperties++;
    if (!object && !datatype && !annotation && all.some((t) => kindlessPropertyTypes.has(t))) {
      const range = ranges.get(iri) ?? [];
      if (range.length > 0 && range.every(isDatatype)) stats.datatypeProperties++;
      else stats.objectProperties++;
    }
    if (of.has(`${owl}NamedIndividual`) || all.some((t) => !builtIn(t)) || blankTyped.has(iri)) stats.individuals++;
  }
  for (const iri of blankTyped) if (!types.has(iri)) stats.individuals++;
  return stats;
}
