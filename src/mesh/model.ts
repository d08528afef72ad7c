/**
 * The mesh model: one plain-data shape for data products, whatever descriptor format they came
 * from. Every entity carries the IRI it has in the graph (see iris.ts); productToQuads.ts turns the
 * model into DPROD / DCAT 3 / PROV-O triples. Concepts are IRIs of ontology classes (or any
 * concept) a product, dataset or field is annotated with.
 */
import type { Quad } from '@rdfjs/types';

/** The descriptor formats the importer reads. */
export type DescriptorFormat =
  | 'dprod' // EKGF DPROD, Turtle or JSON-LD
  | 'odps-bitol' // Bitol Open Data Product Standard (YAML)
  | 'odps-lf' // Linux Foundation Open Data Product Specification (YAML)
  | 'dpds' // Open Data Mesh Data Product Descriptor Specification (JSON/YAML, multi-file $ref)
  | 'dcs' // Data Contract Specification (datacontract.com, YAML)
  | 'odcs'; // Bitol Open Data Contract Standard (YAML)

/** Where an entity was read from. */
export interface SourceRef {
  format: DescriptorFormat;
  file: string;
}

/** A business domain of the mesh. */
export interface Domain {
  iri: string;
  /** The identifier used in IRIs (the descriptor's domain name). */
  id: string;
  name?: string;
}

/** An agent accountable for a product or contract: a person, a team or an organisation. */
export interface Owner {
  iri: string;
  id: string;
  kind: 'person' | 'team' | 'organization';
  name?: string;
  email?: string;
}

/** A column, attribute or property of a dataset, possibly with nested fields. */
export interface Field {
  iri: string;
  name: string;
  title?: string;
  description?: string;
  /** The logical type as the descriptor spells it (`string`, `timestamp`, `int`, ...). */
  datatype?: string;
  /** The XSD datatype IRI the logical type maps to, when it maps to one. */
  xsdDatatype?: string;
  /** The storage type (`varchar(18)`, `topic`, ...). */
  physicalType?: string;
  /** True when nulls are allowed; undefined when the descriptor does not say. */
  nullable?: boolean;
  primaryKey?: boolean;
  classification?: string;
  pii?: boolean;
  tags: string[];
  concepts: string[];
  links: string[];
  fields: Field[];
  /** Upstream fields this one is computed from (column-level lineage, prov:wasDerivedFrom). */
  derivedFrom?: string[];
}

/** A collection of data (dcat:Dataset) with its schema. */
export interface Dataset {
  iri: string;
  id: string;
  title?: string;
  description?: string;
  /** Schemas, standards or contracts the dataset conforms to (dct:conformsTo). */
  conformsTo: string[];
  tags: string[];
  concepts: string[];
  links: string[];
  fields: Field[];
  /** Upstream datasets this one is computed from (dataset-level lineage, prov:wasDerivedFrom). */
  derivedFrom?: string[];
}

/** A dataset made available through a port (dcat:Distribution). */
export interface Distribution {
  iri: string;
  /** The dataset distributed; a descriptor may leave it out. */
  dataset?: Dataset;
  /** The format or media type (an IANA media-type IRI, or a name like `parquet`). */
  format?: string;
  conformsTo: string[];
}

/** An input or output port of a product (dcat:DataService). */
export interface Port {
  iri: string;
  kind: 'input' | 'output';
  /** The port's identifier within its product. */
  id: string;
  name?: string;
  description?: string;
  version?: string;
  /** The kind of service (`rest-services`, `tables`, `API`, `kafka`, ...). */
  protocol?: string;
  endpointUrl?: string;
  endpointDescription?: string;
  /** The format the port serves its data in, when the descriptor gives it for the port as a whole. */
  format?: string;
  tags: string[];
  /** Contracts the port's data conforms to (IRIs from iris.ts `contractIri`); lineage matches on them. */
  contracts: string[];
  /** Other specifications the service conforms to (an OpenAPI document, a protocol standard). */
  conformsTo: string[];
  distributions: Distribution[];
  /** Service-level objectives promised on this port. */
  slos: ServiceLevelObjective[];
}

/** A service-level objective (availability, freshness, latency, ...). */
export interface ServiceLevelObjective {
  iri: string;
  /** The measured property, e.g. `latency`, `retention`, `uptime`. */
  property: string;
  value?: string | number | boolean;
  unit?: string;
  description?: string;
}

/** A data product (dprod:DataProduct). */
export interface DataProductModel {
  iri: string;
  /** The product's identifier in its descriptor (an IRI for DPROD). */
  id: string;
  name?: string;
  title?: string;
  description?: string;
  purpose?: string;
  version?: string;
  /** The lifecycle status as the descriptor spells it. */
  status?: string;
  /** The DPROD lifecycle status IRI the status maps to (see vocabulary.ts). */
  lifecycleStatus?: string;
  domain?: Domain;
  owner?: Owner;
  tags: string[];
  concepts: string[];
  links: string[];
  inputPorts: Port[];
  outputPorts: Port[];
  /** Contracts the product publishes (IRIs). */
  contracts: string[];
  slos: ServiceLevelObjective[];
  /** Upstream products (prov:wasDerivedFrom), filled by linkProducts. */
  derivedFrom: string[];
  source: SourceRef;
}

/** A data contract (ODCS, Data Contract Specification): the promised schema and service levels. */
export interface DataContractModel {
  iri: string;
  id: string;
  name?: string;
  description?: string;
  version?: string;
  status?: string;
  domain?: Domain;
  owner?: Owner;
  /** The name of the product this contract belongs to, as the contract gives it (ODCS `dataProduct`). */
  product?: string;
  tags: string[];
  concepts: string[];
  links: string[];
  datasets: Dataset[];
  slos: ServiceLevelObjective[];
  source: SourceRef;
}

/** What importing one descriptor yields. */
export interface ImportResult {
  format: DescriptorFormat;
  products: DataProductModel[];
  contracts: DataContractModel[];
  /** The RDF of everything above (and, for DPROD, every triple of the descriptor). */
  quads: Quad[];
  /** Things the importer read but could not represent, e.g. JSON-LD keys no context defines. */
  warnings: string[];
}
