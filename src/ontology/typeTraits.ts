/**
 * What a subject's `rdf:type`s make it under the counting rules (README.md), as bits: a subject's
 * traits are the union of its types' traits, so a rule is decided once per distinct type, and a
 * counter over millions of facts ORs integers instead of comparing IRIs (countOwlViewOfFacts).
 * buildOwlView classifies by the same bits.
 *
 * Keys are as in SubjectRecord: an IRI, or `_:` and a label for a blank node.
 */
import type { PropertyKind } from './OwlView.ts';
import { builtInNamespaces, owl, rdf, rdfs, xsdNamespace } from './vocabulary.ts';

export const Trait = {
  Ontology: 1 << 0,
  Class: 1 << 1,
  Individual: 1 << 2,
  ObjectProperty: 1 << 3,
  DatatypeProperty: 1 << 4,
  AnnotationProperty: 1 << 5,
  /** Declared a property without its kind (rdf:Property, owl:FunctionalProperty, owl:DeprecatedProperty): the kind follows from the ranges. */
  PlainProperty: 1 << 6,
  /** Typed rdfs:Datatype: a range that makes a plain property a datatype property. */
  Datatype: 1 << 7,
} as const;

const declaredKinds: readonly [trait: number, kind: PropertyKind][] = [
  [Trait.ObjectProperty, 'object'],
  [Trait.DatatypeProperty, 'datatype'],
  [Trait.AnnotationProperty, 'annotation'],
];

const traitsOfVocabularyType = new Map<string, number>([
  [owl.Ontology, Trait.Ontology],
  [owl.Class, Trait.Class],
  [rdfs.Class, Trait.Class],
  [owl.DeprecatedClass, Trait.Class],
  [owl.NamedIndividual, Trait.Individual],
  [rdf.Property, Trait.PlainProperty],
  [owl.FunctionalProperty, Trait.PlainProperty],
  [owl.DeprecatedProperty, Trait.PlainProperty],
  [owl.ObjectProperty, Trait.ObjectProperty],
  [owl.InverseFunctionalProperty, Trait.ObjectProperty],
  [owl.TransitiveProperty, Trait.ObjectProperty],
  [owl.SymmetricProperty, Trait.ObjectProperty],
  [owl.AsymmetricProperty, Trait.ObjectProperty],
  [owl.ReflexiveProperty, Trait.ObjectProperty],
  [owl.IrreflexiveProperty, Trait.ObjectProperty],
  [owl.DatatypeProperty, Trait.DatatypeProperty],
  [owl.AnnotationProperty, Trait.AnnotationProperty],
  [rdfs.Datatype, Trait.Datatype],
]);

/** Built-in datatypes outside the XSD namespace. */
const builtInDatatypes = new Set<string>([rdfs.Literal, rdf.langString, rdf.dirLangString, rdf.PlainLiteral, rdf.XMLLiteral, rdf.HTML, rdf.JSON]);

/** The traits `rdf:type type` gives its subject. A domain class or a class expression makes an individual. */
export function typeTraits(type: string): number {
  return (traitsOfVocabularyType.get(type) ?? 0) | (isBlank(type) || isDomainClass(type) ? Trait.Individual : 0);
}

/**
 * The kinds a subject of these traits is a property of. OWL declarations win; a plain property is a
 * datatype property when it has ranges and all are datatypes, otherwise an object property (in OWL 2
 * Full, rdf:Property and owl:ObjectProperty have the same extension). `rangesAreDatatypes` is asked
 * only then.
 */
export function propertyKinds(traits: number, rangesAreDatatypes: () => boolean): { kind: PropertyKind; declared: boolean }[] {
  const declared = declaredKinds.filter(([trait]) => traits & trait).map(([, kind]) => ({ kind, declared: true }));
  if (declared.length > 0 || !(traits & Trait.PlainProperty)) return declared;
  return [{ kind: rangesAreDatatypes() ? 'datatype' : 'object', declared: false }];
}

/** An XSD or RDF built-in datatype (an IRI typed rdfs:Datatype is one too: Trait.Datatype). */
export function isBuiltInDatatype(iri: string): boolean {
  return iri.startsWith(xsdNamespace) || builtInDatatypes.has(iri);
}

/** A named class that is not part of the RDF/RDFS/OWL vocabulary itself (owl:Thing is a domain class). */
export function isDomainClass(type: string): boolean {
  return !isBlank(type) && (type === owl.Thing || !builtInNamespaces.some((namespace) => type.startsWith(namespace)));
}

export function isBlank(key: string): boolean {
  return key.startsWith('_:');
}
