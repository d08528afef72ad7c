/**
 * The IRIs the read model is built from: what makes a concept, a property, a data product, a port, a
 * dataset or a field, and the predicates that link and describe them (src/mesh/README.md, "RDF").
 */
import { textIndexPredicates } from '../../graph/textIndex.ts';
import { hasPersonalDataPredicates } from '../../governance/index.ts';
import { meshNamespaces as ns } from '../../mesh/index.ts';

const owl = 'http://www.w3.org/2002/07/owl#';
const skos = 'http://www.w3.org/2004/02/skos/core#';
const { rdf, rdfs, dprod, dcat, dct, prov, foaf, mesh } = ns;

export const rdfType = `${rdf}type`;

/** rdf:type values that make a resource a concept. */
export const conceptTypes: ReadonlySet<string> = new Set([`${owl}Class`, `${owl}DeprecatedClass`, `${rdfs}Class`, `${skos}Concept`]);

/**
 * rdf:type values that make a resource a property, and the kind they give it: OWL 2's characteristics
 * other than functional belong to object properties only, so they declare one (src/ontology/README.md);
 * owl:FunctionalProperty and owl:DeprecatedProperty do not say the kind, as rdf:Property does not.
 */
export const propertyTypes: ReadonlyMap<string, 'OBJECT' | 'DATATYPE' | 'ANNOTATION' | 'RDF'> = new Map([
  ...['ObjectProperty', 'InverseFunctionalProperty', 'TransitiveProperty', 'SymmetricProperty', 'AsymmetricProperty', 'ReflexiveProperty', 'IrreflexiveProperty']
    .map((type) => [`${owl}${type}`, 'OBJECT'] as const),
  [`${owl}DatatypeProperty`, 'DATATYPE'],
  [`${owl}AnnotationProperty`, 'ANNOTATION'],
  [`${rdf}Property`, 'RDF'],
  [`${owl}FunctionalProperty`, 'RDF'],
  [`${owl}DeprecatedProperty`, 'RDF'],
]);

/** rdf:type values that deprecate a concept or a property (besides owl:deprecated true). */
export const deprecatedTypes = { concept: `${owl}DeprecatedClass`, property: `${owl}DeprecatedProperty` } as const;

/** Classes whose instances (through the subclass closure) are mesh entities. */
export const meshClasses = {
  product: `${dprod}DataProduct`,
  domain: `${mesh}Domain`,
  dataset: `${dcat}Dataset`,
  field: `${mesh}Field`,
  contract: `${mesh}DataContract`,
} as const;

/** Predicates from a concept to a broader one. */
export const broader = [`${rdfs}subClassOf`, `${skos}broader`] as const;

export const p = {
  label: `${rdfs}label`,
  prefLabel: `${skos}prefLabel`,
  title: `${dct}title`,
  description: `${dct}description`,
  identifier: `${dct}identifier`,
  comment: `${rdfs}comment`,
  definition: `${skos}definition`,
  iaoDefinition: 'http://purl.obolibrary.org/obo/IAO_0000115',
  deprecated: `${owl}deprecated`,
  isReplacedBy: `${dct}isReplacedBy`,
  domain: `${rdfs}domain`,
  range: `${rdfs}range`,
  subPropertyOf: `${rdfs}subPropertyOf`,
  inverseOf: `${owl}inverseOf`,
  seeAlso: `${rdfs}seeAlso`,
  subject: `${dct}subject`,
  theme: `${dcat}theme`,
  keyword: `${dcat}keyword`,
  version: `${dcat}version`,
  purpose: `${dprod}purpose`,
  meshDomain: `${dprod}domain`,
  owner: `${dprod}dataProductOwner`,
  inputPort: `${dprod}inputPort`,
  outputPort: `${dprod}outputPort`,
  inputDataset: `${dprod}inputDataset`,
  outputDataset: `${dprod}outputDataset`,
  lifecycleStatus: `${dprod}lifecycleStatus`,
  protocol: `${dprod}protocol`,
  isAccessServiceOf: `${dprod}isAccessServiceOf`,
  isDistributionOf: `${dprod}isDistributionOf`,
  accessService: `${dcat}accessService`,
  distribution: `${dcat}distribution`,
  endpointURL: `${dcat}endpointURL`,
  endpointDescription: `${dcat}endpointDescription`,
  format: `${dct}format`,
  conformsTo: `${dct}conformsTo`,
  wasDerivedFrom: `${prov}wasDerivedFrom`,
  used: `${prov}used`,
  generated: `${prov}generated`,
  wasGeneratedBy: `${prov}wasGeneratedBy`,
  wasAttributedTo: `${prov}wasAttributedTo`,
  mbox: `${foaf}mbox`,
  field: `${mesh}field`,
  name: `${mesh}name`,
  logicalType: `${mesh}logicalType`,
  datatype: `${mesh}datatype`,
  physicalType: `${mesh}physicalType`,
  nullable: `${mesh}nullable`,
  primaryKey: `${mesh}primaryKey`,
  classification: `${mesh}classification`,
  pii: `${mesh}pii`,
  status: `${mesh}status`,
  contract: `${mesh}contract`,
  /** A dataset's own domain (a Purview collection); products name theirs with dprod:domain. */
  datasetDomain: `${mesh}domain`,
  atlasGuid: `${mesh}atlasGuid`,
  atlasTypeName: `${mesh}atlasTypeName`,
} as const;

/** Label predicates, most preferred first. */
export const labelPredicates = [p.prefLabel, p.label] as const;

/** Definition predicates proper, most preferred first. */
export const properDefinitionPredicates = [p.definition, p.iaoDefinition] as const;

/** Every predicate `definitions` lists: the definitions proper, then rdfs:comment, which stands in for them only where none is given. */
export const definitionPredicates = [...properDefinitionPredicates, p.comment] as const;

/** Annotation predicates: a product, dataset or field is about the concepts they point to. */
export const annotationPredicates = [p.subject, p.theme] as const;

/** rdf:type and the class hierarchy: read asserted only (types) and with the closure (hierarchy). */
export const typePredicates = [rdfType] as const;

/** Every other predicate the model reads, with the entailment closure (inverse and super properties); the text index's too. */
export const modelPredicates: readonly string[] = [...new Set([...broader, ...Object.values(p), ...textIndexPredicates, ...hasPersonalDataPredicates])];
