/**
 * The vocabularies the mesh is written in (DPROD, DCAT 3, Dublin Core, PROV-O, RDFS, XSD) and the
 * few ontomesh terms where no standard one exists (fields, contracts, service-level objectives),
 * plus the tables that map descriptor values onto them (lifecycle statuses, logical datatypes).
 */

/** Namespace IRIs. */
export const ns = {
  dprod: 'https://ekgf.github.io/dprod/',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  prov: 'http://www.w3.org/ns/prov#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  sh: 'http://www.w3.org/ns/shacl#',
  /** ontomesh's own terms (fields, contracts, SLOs), documented in src/mesh/README.md. */
  mesh: 'https://w3id.org/ontomesh/mesh#',
} as const;

/** The base of the IRIs ontomesh mints for mesh entities (see iris.ts). */
export const MESH_BASE = 'https://w3id.org/ontomesh/mesh/';

/** DPROD's lifecycle statuses (https://ekgf.github.io/dprod/data/lifecycle-status/…). */
export const DPROD_LIFECYCLE = 'https://ekgf.github.io/dprod/data/lifecycle-status/';

/**
 * Descriptor statuses (lower-cased, spaces and dashes removed) -> DPROD lifecycle stage. DPROD's
 * list (Ideation, Design, Build, Deploy, Consume) ends with use; statuses after it (deprecated,
 * sunset, retired) map to ontomesh stages in the same scheme's spirit, under MESH_BASE.
 */
const LIFECYCLE: Record<string, string> = {
  ideation: 'Ideation', proposed: 'Ideation', announcement: 'Ideation', candidate: 'Ideation',
  design: 'Design', draft: 'Design',
  build: 'Build', development: 'Build', indevelopment: 'Build', testing: 'Build',
  deploy: 'Deploy', acceptance: 'Deploy', staging: 'Deploy',
  consume: 'Consume', active: 'Consume', production: 'Consume', released: 'Consume',
};
const LATE_LIFECYCLE: Record<string, string> = { deprecated: 'Deprecated', sunset: 'Deprecated', retired: 'Retired' };

/**
 * The lifecycle-status IRI of a descriptor status, or undefined when the status is unknown.
 *
 * @example lifecycleStatusIri('active') // 'https://ekgf.github.io/dprod/data/lifecycle-status/Consume'
 */
export function lifecycleStatusIri(status: string): string | undefined {
  const key = status.toLowerCase().replace(/[\s_-]+/g, '');
  if (LIFECYCLE[key]) return `${DPROD_LIFECYCLE}${LIFECYCLE[key]}`;
  if (LATE_LIFECYCLE[key]) return `${MESH_BASE}lifecycle-status/${LATE_LIFECYCLE[key]}`;
  return undefined;
}

/** Logical and common physical type names (lower-cased, without size) -> XSD datatype local name. */
const XSD_TYPES: Record<string, string> = {
  string: 'string', text: 'string', varchar: 'string', char: 'string', nvarchar: 'string', uuid: 'string',
  boolean: 'boolean', bool: 'boolean',
  integer: 'integer', int: 'integer', bigint: 'long', long: 'long', smallint: 'short', tinyint: 'byte',
  number: 'decimal', numeric: 'decimal', decimal: 'decimal',
  double: 'double', float: 'float', real: 'float',
  date: 'date', time: 'time',
  timestamp: 'dateTime', timestamp_tz: 'dateTime', timestamp_ntz: 'dateTime', datetime: 'dateTime',
  bytes: 'base64Binary', binary: 'base64Binary',
};

/**
 * The XSD datatype IRI of a descriptor type name, or undefined for structured or unknown types.
 *
 * @example xsdDatatypeOf('varchar(18)') // 'http://www.w3.org/2001/XMLSchema#string'
 */
export function xsdDatatypeOf(type: string): string | undefined {
  const name = XSD_TYPES[type.toLowerCase().replace(/\s*\(.*$/, '')];
  return name ? `${ns.xsd}${name}` : undefined;
}
