/**
 * The IRIs the OWL view and the entailment closure read. Kept in one place so both agree on what
 * "a class", "a label" or "a sub-property" is.
 */

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';

/** Namespaces whose terms are the modelling language itself, not domain classes. */
export const builtInNamespaces: readonly string[] = [RDF, RDFS, OWL];
/** The namespace of XML Schema datatypes. */
export const xsdNamespace = XSD;

export const rdf = {
  type: `${RDF}type`,
  Property: `${RDF}Property`,
  first: `${RDF}first`,
  rest: `${RDF}rest`,
  nil: `${RDF}nil`,
  langString: `${RDF}langString`,
  dirLangString: `${RDF}dirLangString`,
  PlainLiteral: `${RDF}PlainLiteral`,
  XMLLiteral: `${RDF}XMLLiteral`,
  HTML: `${RDF}HTML`,
  JSON: `${RDF}JSON`,
} as const;

export const rdfs = {
  Class: `${RDFS}Class`,
  Datatype: `${RDFS}Datatype`,
  Literal: `${RDFS}Literal`,
  subClassOf: `${RDFS}subClassOf`,
  subPropertyOf: `${RDFS}subPropertyOf`,
  domain: `${RDFS}domain`,
  range: `${RDFS}range`,
  label: `${RDFS}label`,
  comment: `${RDFS}comment`,
} as const;

export const owl = {
  Ontology: `${OWL}Ontology`,
  Class: `${OWL}Class`,
  DeprecatedClass: `${OWL}DeprecatedClass`,
  Thing: `${OWL}Thing`,
  NamedIndividual: `${OWL}NamedIndividual`,
  ObjectProperty: `${OWL}ObjectProperty`,
  DatatypeProperty: `${OWL}DatatypeProperty`,
  AnnotationProperty: `${OWL}AnnotationProperty`,
  DeprecatedProperty: `${OWL}DeprecatedProperty`,
  FunctionalProperty: `${OWL}FunctionalProperty`,
  InverseFunctionalProperty: `${OWL}InverseFunctionalProperty`,
  TransitiveProperty: `${OWL}TransitiveProperty`,
  SymmetricProperty: `${OWL}SymmetricProperty`,
  AsymmetricProperty: `${OWL}AsymmetricProperty`,
  ReflexiveProperty: `${OWL}ReflexiveProperty`,
  IrreflexiveProperty: `${OWL}IrreflexiveProperty`,
  versionIRI: `${OWL}versionIRI`,
  imports: `${OWL}imports`,
  equivalentClass: `${OWL}equivalentClass`,
  equivalentProperty: `${OWL}equivalentProperty`,
  inverseOf: `${OWL}inverseOf`,
  intersectionOf: `${OWL}intersectionOf`,
  deprecated: `${OWL}deprecated`,
} as const;

export const skos = {
  prefLabel: `${SKOS}prefLabel`,
  definition: `${SKOS}definition`,
} as const;

/** OBO "definition" annotation (IAO:0000115), used by OBO Foundry ontologies instead of rdfs:comment. */
export const iaoDefinition = 'http://purl.obolibrary.org/obo/IAO_0000115';
