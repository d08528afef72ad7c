/**
 * Where registered data products live in the store, and the registry that says which descriptor
 * made which facts. Products are grouped into one graph per domain (`mesh.<domain>`), not one graph
 * per product: every graph id is a set of tables per version in the SQLite store, and a mesh has
 * thousands of products but tens of domains. Inside a domain graph each registered descriptor keeps
 * its facts in a named graph of its own (`registrationGraph`), so a fact two descriptors state (a
 * domain's label, a shared owner) belongs to both, and replacing one descriptor removes exactly its
 * facts. The list of registrations of a version is kept in the version's meta (`extensions`).
 */
import { OntomeshError } from '../errors/index.ts';
import type { GraphStore, VersionMeta } from '../graph/GraphStore.ts';
import { MESH_BASE, meshNamespaces, type DescriptorFormat } from '../mesh/index.ts';

/** Graph ids of registered products start with this; the rest is the domain. */
export const PRODUCT_GRAPH_PREFIX = 'mesh.';
/** The `origin` of every version written by a registration. */
export const REGISTRATION_ORIGIN = 'ontomesh mesh register';

/** What a registration is registered as, and looked up by (`/products/{id}`, `/contracts/{id}`). */
export type RegistrationKind = 'product' | 'contract';

/** A port as lineage sees it: its IRI and the contracts its data conforms to. */
export interface PortRecord {
  iri: string;
  contracts: string[];
}

/** A registered product, with what lineage across registrations needs. */
export interface ProductRecord {
  iri: string;
  inputPorts: PortRecord[];
  outputPorts: PortRecord[];
}

/** One registered descriptor, as the meta of its domain graph's version records it. */
export interface RegistrationRecord {
  kind: RegistrationKind;
  /** The id it is registered and looked up under: the last segment of its first product's (else contract's) IRI. */
  id: string;
  /** The named graph holding the descriptor's facts; `${graph}/lineage` holds its lineage to other registrations. */
  graph: string;
  /** The file (or request) it came from. */
  source: string;
  format: DescriptorFormat;
  /** ISO 8601. */
  registeredAt: string;
  products: ProductRecord[];
  /** IRIs of the contracts it describes. */
  contracts: string[];
  /** `[downstream, upstream]` product pairs linked across registrations, written to the lineage graph. */
  lineage: [string, string][];
}

/** The active version of one domain graph and its registrations. */
export interface ProductGraph {
  graphId: string;
  version: number;
  registrations: RegistrationRecord[];
}

/** The registrations of a version's meta; undefined when the graph holds something else (ontologies). */
export function registrationsOf(meta: VersionMeta): RegistrationRecord[] | undefined {
  const registrations = meta.origin === REGISTRATION_ORIGIN ? meta.extensions?.['registrations'] : undefined;
  return Array.isArray(registrations) ? (registrations as RegistrationRecord[]) : undefined;
}

/** The meta of a domain graph version holding `registrations` (one source document each, in order). */
export function registryMeta(registrations: RegistrationRecord[]): VersionMeta {
  const { sh: _shapes, ...prefixes } = meshNamespaces;
  return {
    documents: registrations.map((r) => ({ location: r.source, format: r.format })),
    prefixes,
    missingImports: [],
    origin: REGISTRATION_ORIGIN,
    extensions: { registrations },
  };
}

/**
 * The graph id of a domain: `mesh.` and the domain's id, lower-cased, with characters outside
 * `[a-z0-9._-]` as `-`; `mesh._` for products and contracts that name no domain.
 *
 * @example productGraphId('Customer Service') // 'mesh.customer-service'
 */
export function productGraphId(domain: string | undefined): string {
  const slug = (domain ?? '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120);
  return `${PRODUCT_GRAPH_PREFIX}${slug === '' ? '_' : slug}`;
}

/** The named graph of a registration. */
export function registrationGraph(kind: RegistrationKind, id: string): string {
  return `${MESH_BASE}registration/${kind}/${encodeURIComponent(id)}`;
}

/** The named graph of a registration's lineage to other registrations. */
export function lineageGraph(registration: string): string {
  return `${registration}/lineage`;
}

/**
 * The id an entity is registered under: the last path segment (or fragment) of its IRI, decoded, so
 * that an ODPS product `orders` is `/products/orders`, and a DPROD product
 * `https://example.com/product/customer-360` is `/products/customer-360`.
 */
export function registrationId(iri: string): string {
  const segment = iri.replace(/[/#]+$/, '').split(/[/#]/).pop() ?? '';
  try {
    return decodeURIComponent(segment) || iri;
  } catch {
    return segment || iri;
  }
}

/**
 * Reads the active version of every domain graph. Graphs that hold ontologies are left out.
 *
 * @example const graphs = await readProductGraphs(store); // [{ graphId: 'mesh.sales', version: 3, registrations: [...] }]
 */
export async function readProductGraphs(store: GraphStore): Promise<ProductGraph[]> {
  const graphs: ProductGraph[] = [];
  for (const graphId of await store.graphIds()) {
    if (!graphId.startsWith(PRODUCT_GRAPH_PREFIX)) continue;
    const active = (await store.versions(graphId)).find((v) => v.active);
    const registrations = active && registrationsOf(active.meta);
    if (active && registrations) graphs.push({ graphId, version: active.version, registrations });
  }
  return graphs;
}

/**
 * The registration of `kind` registered under `id`, with the graph and version holding it.
 *
 * @throws OntomeshError NOT_FOUND when there is none.
 */
export async function findRegistration(store: GraphStore, kind: RegistrationKind, id: string): Promise<{ graph: ProductGraph; registration: RegistrationRecord }> {
  for (const graph of await readProductGraphs(store)) {
    const registration = graph.registrations.find((r) => r.kind === kind && r.id === id);
    if (registration) return { graph, registration };
  }
  throw new OntomeshError('NOT_FOUND', `no ${kind} is registered as "${id}"`, { term: id });
}
