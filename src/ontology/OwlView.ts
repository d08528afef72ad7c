/**
 * The OWL view of a loaded graph: what an ontology editor shows (ontologies, classes, properties,
 * individuals, their labels and hierarchy), as plain data. Built by OwlViewBuilder from asserted
 * triples only; entailed facts come from Entailment. The counting rules are in README.md.
 */

/**
 * Literal values by language tag: `{ en: ['Pizza'], pt: ['Pizza'] }`. Tags are lower-cased; values
 * without a language tag are under `''`. Each list keeps document order without duplicates.
 */
export type LangValues = Record<string, string[]>;

/** What every described entity carries. */
export interface Annotated {
  /** rdfs:label and skos:prefLabel values. */
  labels: LangValues;
  /** rdfs:comment, skos:definition and IAO:0000115 (OBO definition) values. */
  definitions: LangValues;
  /** owl:deprecated true, or typed owl:DeprecatedClass / owl:DeprecatedProperty. */
  deprecated: boolean;
}

/** A subject typed owl:Ontology. */
export interface OntologyInfo extends Annotated {
  /** The ontology IRI; undefined for an anonymous ontology (a blank-node subject). */
  iri: string | undefined;
  versionIri: string | undefined;
  /** owl:imports IRIs, in document order. */
  imports: string[];
}

/** An IRI typed owl:Class or rdfs:Class. */
export interface ClassInfo extends Annotated {
  iri: string;
  /**
   * Named direct super classes: IRI objects of rdfs:subClassOf, plus the named operands of an
   * owl:intersectionOf that is the object of this class's rdfs:subClassOf or owl:equivalentClass.
   */
  superClasses: string[];
  /** IRIs related by owl:equivalentClass in either direction. */
  equivalents: string[];
}

/** How a property relates things. */
export type PropertyKind = 'object' | 'datatype' | 'annotation';

/** OWL property characteristics, from the property's rdf:type. */
export type PropertyCharacteristic =
  | 'functional'
  | 'inverseFunctional'
  | 'transitive'
  | 'symmetric'
  | 'asymmetric'
  | 'reflexive'
  | 'irreflexive';

/** A property declared by an OWL property type or by rdf:Property. */
export interface PropertyInfo extends Annotated {
  iri: string;
  kind: PropertyKind;
  /**
   * True when `kind` comes from an OWL declaration (owl:ObjectProperty, owl:DatatypeProperty,
   * owl:AnnotationProperty or a characteristic that implies one); false when it was derived from
   * rdf:Property and the range (see README.md).
   */
  declaredKind: boolean;
  /** rdfs:domain IRIs. */
  domains: string[];
  /** rdfs:range IRIs. */
  ranges: string[];
  /** IRIs related by owl:inverseOf in either direction. */
  inverses: string[];
  /** rdfs:subPropertyOf IRIs. */
  superProperties: string[];
  /** IRIs related by owl:equivalentProperty in either direction. */
  equivalents: string[];
  characteristics: PropertyCharacteristic[];
}

/** An IRI typed owl:NamedIndividual or typed with a domain class. */
export interface IndividualInfo extends Annotated {
  iri: string;
  /** Asserted named types, without owl:NamedIndividual and the RDF/RDFS/OWL built-ins. */
  types: string[];
}

/** Everything the view knows; maps are keyed by IRI and iterate in document order. */
export interface OwlView {
  ontologies: OntologyInfo[];
  classes: Map<string, ClassInfo>;
  objectProperties: Map<string, PropertyInfo>;
  datatypeProperties: Map<string, PropertyInfo>;
  annotationProperties: Map<string, PropertyInfo>;
  individuals: Map<string, IndividualInfo>;
}
