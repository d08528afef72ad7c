/**
 * The GraphStore port: the domain's operations, not a query language. Every adapter
 * (store/sqlite, store/gremlin) implements it and passes test/contract.
 *
 * A store holds named graphs (one per `ontomesh load --id`). Each graph has numbered versions;
 * a load writes a new version beside the active one and `commit()` flips the pointer atomically.
 * Readers take a Snapshot (the active version of every graph) once per request.
 */
import type { EdgeElement, FactElement, GraphElement, PropertyElement } from './elements.ts';
import type { FactRows } from './FactRows.ts';
import type { StoreRequest } from './storeRequests.ts';

/** Counts reported for a load and kept with its version. */
export interface LoadStats {
  triples: number;
  inferred: number;
  classes: number;
  objectProperties: number;
  datatypeProperties: number;
  annotationProperties: number;
  individuals: number;
  ontologies: number;
}

/** What a version records about how it was made. */
export interface VersionMeta {
  /** Source documents in load order; elements refer to them by index. */
  documents: { location: string; format: string; ontologyIri?: string; versionIri?: string }[];
  /** Prefixes declared in the sources, for pretty export. */
  prefixes: Record<string, string>;
  /** owl:imports that could not be resolved (only with --missing-imports warn). */
  missingImports: { iri: string; importedBy: string }[];
  /** Free-form: who or what made the version. */
  origin?: string;
  /**
   * Data the writer keeps with the version beyond the above (stored as JSON, returned as written), e.g.
   * the registered descriptors of a data-product graph (src/load/productRegistry.ts).
   */
  extensions?: Record<string, unknown>;
}

export interface VersionInfo {
  graphId: string;
  version: number;
  createdAt: string;
  active: boolean;
  stats: LoadStats;
  meta: VersionMeta;
}

/** Writes one new version; nothing is visible to readers until commit(). */
export interface VersionWriter {
  readonly graphId: string;
  readonly version: number;
  /** Appends elements; may be called many times. Vertices come before facts that mention them. */
  write(batch: readonly GraphElement[]): Promise<void>;
  /**
   * Optional fast path of a load: appends facts as rows of the load's term ids, each batch with the
   * terms first used in it (see FactRows); the writer may keep the ids as its own. A writer is given
   * rows or elements, never both. Stores without it are given elements (FactRowsToElements).
   */
  writeRows?(batch: FactRows): Promise<void>;
  /**
   * Optional: every asserted fact has been written; what follows (if anything) is the entailment
   * closure. A writer can then finish what depends on the asserted facts (indexes over them) while the
   * closure is being worked out. A load calls it once, between the two.
   */
  assertedWritten?(): Promise<void>;
  /**
   * Finishes indexes, activates this version atomically and prunes versions beyond the keep limit.
   * `meta`, when given, replaces the meta passed to beginVersion: a streaming load only knows its
   * documents (the owl:imports closure), their ontology IRIs and the prefixes once it has read them all.
   */
  commit(stats: LoadStats, meta?: VersionMeta): Promise<VersionInfo>;
  /** Discards everything written; the active version is untouched. */
  abort(): Promise<void>;
  /** Request units this version's writes have cost so far; only stores that send requests report it. */
  readonly requestCharge?: number;
}

/** The active version of each graph, fixed for the duration of one request. */
export interface Snapshot {
  readonly versions: readonly { graphId: string; version: number }[];
}

/** A vertex with its literal properties and edges in the snapshot. */
export interface ResourceView {
  id: string;
  blank: boolean;
  properties: PropertyElement[];
  out: EdgeElement[];
  in: EdgeElement[];
}

export interface SearchHit {
  id: string;
  /** Relevance; higher is better. Exact label matches rank first. */
  score: number;
  /** Predicate IRI of the literal that matched. */
  predicate: string;
  /** The matched literal with matches wrapped in `<b>…</b>`; the rest is HTML-escaped, so it can be shown as HTML. */
  highlight: string;
  /** The literal that matched, unmarked. */
  text: string;
}

export interface NeighbourQuery {
  predicate: string;
  direction: 'out' | 'in';
  /**
   * Include facts added by the entailment closure. Default false. A load stores hierarchies one step deep
   * (src/ontology/README.md): the transitive rdfs:subClassOf / rdfs:subPropertyOf facts are the reader's to walk.
   */
  includeInferred?: boolean;
}

/** Which facts {@link GraphStore.scanFacts} streams. */
export interface FactScan {
  /** Predicate IRIs (of edges and literals alike); facts with any other predicate are left out. */
  predicates: readonly string[];
  /** Include facts added by the entailment closure. Default false. */
  includeInferred?: boolean;
}

export interface GraphStore {
  /** Human-readable engine name, e.g. `sqlite:/path/ontomesh.db`. */
  readonly description: string;
  /**
   * Starts a new version of `graphId`. Concurrent writers of one graph get distinct version numbers.
   * `meta` is recorded as it is at commit, unless commit() is given another.
   */
  beginVersion(graphId: string, meta: VersionMeta): Promise<VersionWriter>;
  /** All kept versions of a graph, newest first; [] when the graph does not exist. */
  versions(graphId: string): Promise<VersionInfo[]>;
  /** Graph ids that have an active version. */
  graphIds(): Promise<string[]>;
  /** Makes an existing kept version the active one (rollback). NOT_FOUND if it was pruned. */
  activate(graphId: string, version: number): Promise<void>;
  snapshot(): Promise<Snapshot>;
  getResource(snapshot: Snapshot, id: string): Promise<ResourceView | undefined>;
  /** Node ids one hop away along `predicate`, deduplicated, sorted. */
  neighbours(snapshot: Snapshot, ids: readonly string[], query: NeighbourQuery): Promise<Map<string, string[]>>;
  /** Full-text search over labels, synonyms and definitions (see textIndexPredicates). */
  search(snapshot: Snapshot, text: string, options?: { limit?: number; offset?: number }): Promise<SearchHit[]>;
  /**
   * Streams the facts with the given predicates of every version of `snapshot` (or of any subset of a
   * snapshot's versions), in batches, in no particular order: what a read model built once per
   * snapshot reads. One request per batch at most, whatever the size of the result.
   */
  scanFacts(snapshot: Snapshot, scan: FactScan): AsyncIterable<FactElement[]>;
  /** Streams the facts of one version (active one by default) in batches; asserted only unless asked. */
  exportFacts(graphId: string, options?: { version?: number; includeInferred?: boolean }): AsyncIterable<FactElement[]>;
  /**
   * Calls `listener` after every request a remote store sends (with its charge and outcome); returns an
   * unsubscribe function. Absent on stores that send none (the embedded store).
   */
  onRequest?(listener: (request: StoreRequest) => void): () => void;
  /** True when the store can serve requests. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}
