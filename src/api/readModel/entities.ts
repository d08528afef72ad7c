/**
 * The nodes of the read model: concepts and properties of the loaded ontologies, and the mesh's
 * domains, owners, data products, ports, datasets and fields, linked to each other by reference.
 * Field names are those of graphql/schema.graphql where the value needs no argument, so GraphQL's
 * default resolvers read them directly.
 */
import type { PropertyCharacteristic } from '../../ontology/index.ts';
import type { LangText } from './FactIndex.ts';

export type { LangText } from './FactIndex.ts';

/** What every node has: its IRI and its labels. */
interface Labelled {
  labels: LangText[];
}

/** What every concept and property has: its definitions, and those `definition(lang)` picks from. */
export interface Defined {
  /** skos:definition, IAO:0000115 and rdfs:comment values. */
  definitions: LangText[];
  /** The skos:definition and IAO:0000115 values, else (none given) the rdfs:comments. */
  definitionCandidates: LangText[];
}

export interface ConceptNode extends Labelled, Defined {
  readonly kind: 'Concept';
  iri: string;
  deprecated: boolean;
  /** False for an IRI only met as an annotation: no class or SKOS concept of that IRI is loaded. */
  defined: boolean;
  /**
   * Named direct super-concepts: asserted rdfs:subClassOf and skos:broader IRIs, and the named operands
   * of an intersection the concept is a sub-class of or equivalent to (C ≡ A ⊓ ∃p.B: A).
   */
  parents: Set<ConceptNode>;
  children: Set<ConceptNode>;
  /** Named super-concepts including those the entailment closure adds (see ReadModel.ancestors). */
  up: Set<ConceptNode>;
  down: Set<ConceptNode>;
  /** dct:isReplacedBy IRIs (a deprecated concept's successors). */
  replacedBy: string[];
  /** Properties whose rdfs:domain is this concept. */
  properties: PropertyNode[];
  /** What is annotated with this concept (dct:subject, dcat:theme). */
  annotates: { products: ProductNode[]; datasets: DatasetNode[]; fields: FieldNode[] };
  /** Products annotated with this concept or any sub-concept (through `down`), in name order. */
  productsUnder: ProductNode[];
}

export type PropertyKind = 'OBJECT' | 'DATATYPE' | 'ANNOTATION' | 'RDF';

export interface PropertyNode extends Labelled, Defined {
  iri: string;
  kind: PropertyKind;
  deprecated: boolean;
  /** False for an IRI only named by owl:inverseOf, rdfs:subPropertyOf or owl:equivalentProperty: no loaded graph declares it a property. */
  defined: boolean;
  /** rdfs:domain and rdfs:range IRIs (class expressions, blank nodes, have none). */
  domains: string[];
  ranges: string[];
  /** From its asserted rdf:types, in the order of src/ontology's characteristicOfType. */
  characteristics: PropertyCharacteristic[];
  /** Named properties related by owl:inverseOf, either way round. */
  inverses: PropertyNode[];
  /** Named direct super-properties (asserted rdfs:subPropertyOf) and the properties they are direct super-properties of. */
  parents: Set<PropertyNode>;
  children: Set<PropertyNode>;
  /** Named super-properties including those the closure stores (equivalences: rdfs:subPropertyOf both ways). */
  up: Set<PropertyNode>;
  down: Set<PropertyNode>;
}

export interface DomainNode extends Labelled {
  readonly kind: 'Domain';
  id: string;
  name: string;
  description: string | null;
  /** Its products, in name order. */
  products: ProductNode[];
  /** Its datasets (those whose `domain` it is), in name order. */
  datasets: DatasetNode[];
}

export interface AgentNode extends Labelled {
  id: string;
  name: string;
  email: string | null;
  /** 'person', 'organization' or 'agent'. */
  type: string;
}

export interface ProductNode extends Labelled {
  readonly kind: 'DataProduct';
  id: string;
  name: string;
  identifier: string | null;
  title: string | null;
  description: string | null;
  purpose: string | null;
  version: string | null;
  /** The DPROD lifecycle stage (`Consume`, `Design`, ...), else the status as written. */
  status: string | null;
  lifecycleStatus: string | null;
  tags: string[];
  links: string[];
  domain: DomainNode | null;
  owners: AgentNode[];
  concepts: ConceptNode[];
  /** What it states it has with dpv:hasPersonalData (DPV personal-data categories), src/governance. */
  personalData: string[];
  inputPorts: PortNode[];
  outputPorts: PortNode[];
  inputDatasets: DatasetNode[];
  outputDatasets: DatasetNode[];
  contracts: string[];
  /** Its lineage links, each with the ports or contract that make it (src/api/readModel/lineageLinks.ts). */
  lineage: LineageLinks<ProductNode>;
}

export interface PortNode extends Labelled {
  id: string;
  name: string;
  identifier: string | null;
  description: string | null;
  version: string | null;
  protocol: string | null;
  endpointUrl: string | null;
  endpointDescription: string | null;
  format: string | null;
  conformsTo: string[];
  tags: string[];
  datasets: DatasetNode[];
}

export interface DatasetNode extends Labelled {
  readonly kind: 'Dataset';
  id: string;
  name: string;
  identifier: string | null;
  title: string | null;
  description: string | null;
  tags: string[];
  links: string[];
  conformsTo: string[];
  concepts: ConceptNode[];
  fields: FieldNode[];
  /** Products that output or take it in, in name order. */
  products: ProductNode[];
  /** Its own domain (mesh:domain: a Purview collection), else that of the first product in name order that outputs it. */
  domain: DomainNode | null;
  /** The catalog entity it was imported from (null for a dataset a descriptor registered). */
  source: CatalogSource | null;
  /** Dataset-level lineage (prov:wasDerivedFrom between datasets, or a process between them). */
  lineage: LineageLinks<DatasetNode>;
}

export interface FieldNode extends Labelled {
  readonly kind: 'Field';
  id: string;
  name: string;
  title: string | null;
  description: string | null;
  logicalType: string | null;
  datatype: string | null;
  physicalType: string | null;
  nullable: boolean | null;
  primaryKey: boolean | null;
  pii: boolean | null;
  classification: string | null;
  tags: string[];
  concepts: ConceptNode[];
  fields: FieldNode[];
  /** The dataset it belongs to (through its parent fields for a nested one). */
  dataset: DatasetNode | null;
  /** The field it is nested in. */
  parent: FieldNode | null;
  /** Column-level lineage (prov:wasDerivedFrom between fields, or a process between them). */
  lineage: LineageLinks<FieldNode>;
}

/** A process that used some data and generated other (a prov:Activity: a pipeline run, a Purview process). */
export interface ActivityNode extends Labelled {
  id: string;
  name: string;
  description: string | null;
  /** The catalog process it was imported from (null for one a descriptor states). */
  source: CatalogSource | null;
}

/** The Apache Atlas / Purview entity a node was imported from (`ontomesh purview sync`: mesh:atlasTypeName, mesh:atlasGuid, dct:identifier). */
export interface CatalogSource {
  /** The Atlas type name: azure_sql_table, hive_table, azure_datalake_gen2_path, Process, ... */
  typeName: string;
  /** The qualifiedName (the node's dct:identifier). */
  qualifiedName: string | null;
  guid: string;
}

/** How an output port of one product feeds an input port of another: the same data service, or the same data contract. */
export interface PortLink {
  kind: 'PORT' | 'CONTRACT';
  outputPort: PortNode;
  inputPort: PortNode;
  /** The contract both ports name, for CONTRACT. */
  contract: string | null;
}

/** Data flowing from one node to another: `to` is derived from `from`. */
export interface LineageEdge<T> {
  from: T;
  to: T;
  /** For products: the ports that make the link ([] when the link is only stated, prov:wasDerivedFrom). */
  via: PortLink[];
  /** Processes that used `from` and generated `to`. */
  activities: ActivityNode[];
}

/** A node's lineage edges: those it is derived through (`up`, it is their `to`) and those derived from it (`down`). */
export interface LineageLinks<T> {
  up: LineageEdge<T>[];
  down: LineageEdge<T>[];
}

/** What search and `node` lookups can return. */
export type SearchableNode = ConceptNode | ProductNode | DatasetNode | FieldNode;
