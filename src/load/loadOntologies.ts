/**
 * The load pipeline: the read side (readOntologies: imports closure, OWL view, mapping, dedupe,
 * entailment) hands batches of facts to a new version of the graph as they come, and waits for each
 * write (back-pressure keeps memory flat). When everything is read the version is committed with its
 * counts and meta. Any failure aborts the version, so the active one stays served. A graph that holds
 * registered data products is not overwritten by a load (whoever asks: CLI, REST, a library caller).
 *
 * With large inputs the read side runs in a worker thread (readInWorker.ts), so parsing and
 * inference run on one core while the store writes on the other (see README.md for when that pays).
 */
import { stat } from 'node:fs/promises';
import { OntomeshError } from '../errors/index.ts';
import { FactRowsToElements } from '../graph/FactRows.ts';
import type { GraphStore, LoadStats, VersionInfo, VersionWriter } from '../graph/GraphStore.ts';
import type { SkippedFile, SourceDocument } from '../rdf/index.ts';
import { FactSet } from './FactSet.ts';
import { PRODUCT_GRAPH_PREFIX, registrationsOf } from './productRegistry.ts';
import { readInWorker } from './readInWorker.ts';
import { PURVIEW_GRAPH_ID, PURVIEW_SYNC_ORIGIN } from './syncPurview.ts';
import { readOntologies, type DerivedGraphId, type FactSink, type LoadProgress, type ReadOptions } from './readOntologies.ts';

export type { LoadProgress } from './readOntologies.ts';

export interface LoadOptions extends ReadOptions {
  onProgress?(progress: LoadProgress): void;
  /** Stops the load (the version is aborted) when it fires. */
  signal?: AbortSignal;
  /**
   * Read in a worker thread while this thread writes: `'auto'` (default) when the files given add up
   * to {@link workerThreshold} bytes or more, where the overlap repays the worker's start (README.md,
   * "Speed"). A dry run always reads in this thread.
   */
  worker?: boolean | 'auto';
  /**
   * Writes nothing to `store`, but refuses what a load into it would refuse (a graph of registered data
   * products, a derived id naming another ontology's graph): a dry run that answers as the load would.
   */
  dryRun?: boolean;
}

/** Input size from which `worker: 'auto'` reads in a worker thread (starting one costs ~0.15 s). */
export const workerThreshold = 16 * 2 ** 20;

export interface LoadSummary {
  graphId: string;
  /** The new active version; undefined for a dry run. */
  version?: number;
  stats: LoadStats;
  documents: SourceDocument[];
  missingImports: { iri: string; importedBy: string }[];
  /** The files of the folders given that were not loaded, with why (none when no folder was given). */
  skipped: SkippedFile[];
  durationMs: number;
  /** Request units the writes cost, on stores that report them (Cosmos DB). */
  requestCharge?: number;
}

/**
 * Loads ontologies (files, folders or a Protégé catalog, with their owl:imports closure) into a new
 * version of a graph and activates it. With `store` undefined it is a dry run: everything but the writes
 * and the checks against the graph's active version; with `dryRun` those checks too, on `store`.
 *
 * @throws OntomeshError `BAD_REQUEST` when the graph's active version holds registered data products
 *   (`mesh.<domain>`: replacing it would drop them from the registry) or a Purview sync (`purview`),
 *   or, when no id was given, holds
 *   another ontology than the one the id was derived from; and as readOntologies does:
 *   a bad id or base IRI, nothing to load (no RDF document, no triple); the input's errors otherwise.
 * @example
 * const summary = await loadOntologies(store, ['ontology/pizza.owl'], { missingImports: 'warn', allowRemoteImports: [] });
 * console.log(summary.graphId, summary.version, summary.stats.triples);
 */
export async function loadOntologies(store: GraphStore | undefined, paths: string[], options: LoadOptions): Promise<LoadSummary> {
  if (paths.length === 0) throw new OntomeshError('BAD_REQUEST', 'nothing to load: no path given');
  const started = performance.now();
  const { onProgress, signal, worker = 'auto', dryRun = false, ...readOptions } = options;
  let writer: VersionWriter | undefined;
  // Facts stated twice are dropped here, on the writing side (off the read worker); a writer that
  // takes rows gets them as they are, any other gets elements.
  const facts = new FactSet();
  let toElements: FactRowsToElements | undefined;
  const sink: FactSink = {
    async begin(graphId, derived) {
      if (store === undefined) return;
      await refuseUnintendedReplacement(store, graphId, derived);
      if (dryRun) return;
      writer = await store.beginVersion(graphId, { documents: [], prefixes: {}, missingImports: [], origin: options.origin });
    },
    rows(batch) {
      const rows = facts.keepNew(batch);
      if (writer?.writeRows !== undefined) return writer.writeRows(rows);
      return writer?.write((toElements ??= new FactRowsToElements()).elements(rows));
    },
    assertedDone: () => writer?.assertedWritten?.(),
  };
  try {
    const inWorker = store !== undefined && !dryRun && (worker === 'auto' ? (await inputBytes(paths)) >= workerThreshold : worker);
    const read = await (inWorker ? readInWorker : readOntologies)(paths, readOptions, sink, { onProgress, signal });
    const stats: LoadStats = { triples: facts.size, ...read.stats };
    const version = writer === undefined ? undefined : (await writer.commit(stats, read.meta)).version;
    const requestCharge = writer?.requestCharge;
    writer = undefined;
    return {
      graphId: read.graphId, version, stats, documents: read.documents, missingImports: read.missingImports, skipped: read.skipped,
      durationMs: performance.now() - started,
      ...(requestCharge === undefined ? {} : { requestCharge }),
    };
  } catch (error) {
    // The load's own error is the one to report; a failing abort leaves an invisible, uncommitted version.
    await writer?.abort().catch(() => undefined);
    throw error;
  }
}

/**
 * The checks that need the graph's active version, which is read only when one of them applies (a
 * product graph, or an id that was derived): a load under a given id is one store call shorter.
 */
async function refuseUnintendedReplacement(store: GraphStore, graphId: string, derived: DerivedGraphId | undefined): Promise<void> {
  const productGraph = graphId.startsWith(PRODUCT_GRAPH_PREFIX);
  const catalogGraph = graphId === PURVIEW_GRAPH_ID;
  if (!productGraph && !catalogGraph && derived === undefined) return;
  const active = (await store.versions(graphId)).find((version) => version.active);
  if (active === undefined) return;
  if (productGraph) refuseProductGraph(graphId, active);
  if (catalogGraph) refuseCatalogGraph(graphId, active);
  if (derived !== undefined) refuseOtherOntology(graphId, derived, active);
}

/**
 * Refuses to load into a domain graph of registered data products: a load replaces the whole graph, so
 * the products would vanish from discovery and the registry (`mesh register` and `mesh unregister` would
 * no longer find them). Registrations change such a graph; ontologies go under another id.
 */
function refuseProductGraph(graphId: string, active: VersionInfo): void {
  if (registrationsOf(active.meta) === undefined) return;
  throw new OntomeshError(
    'BAD_REQUEST',
    `graph "${graphId}" holds registered data products; publish ontologies under another id (products are registered with \`ontomesh mesh register\` or PUT /products/{id})`,
    { term: graphId },
  );
}

/**
 * Refuses to load into the graph a Purview sync writes: the ontology would replace the synced catalog
 * (its datasets, columns and lineage would vanish from discovery until the next sync overwrote the
 * ontology in turn).
 */
function refuseCatalogGraph(graphId: string, active: VersionInfo): void {
  if (active.meta.origin !== PURVIEW_SYNC_ORIGIN) return;
  throw new OntomeshError(
    'BAD_REQUEST',
    `graph "${graphId}" holds what \`ontomesh purview sync\` imported from the catalog; publish ontologies under another id`,
    { term: graphId },
  );
}

/**
 * Refuses a load whose graph id was derived (not given) when the graph it names holds another
 * ontology: `http://example.org/onto/` and `https://other.org/onto#`, or two teams' `…/core`, derive
 * the same id, and the second load would silently replace the first. Given an id, a load replaces
 * whatever the graph holds, as asked.
 */
function refuseOtherOntology(graphId: string, derived: DerivedGraphId, active: VersionInfo): void {
  const held = active.meta.documents[0]?.ontologyIri;
  if (held === derived.rootOntologyIri) return;
  const name = (iri: string | undefined) => (iri === undefined ? 'an ontology without an IRI' : `<${iri}>`);
  throw new OntomeshError(
    'BAD_REQUEST',
    `graph "${graphId}" holds ${name(held)} (version ${active.version}), and this load's root ontology is ${name(derived.rootOntologyIri)}: ` +
      `give the id to load it under (--id ${graphId} replaces the graph)`,
    { term: graphId },
  );
}

/** The bytes of the files among `paths` (folders and missing paths count nothing). */
async function inputBytes(paths: readonly string[]): Promise<number> {
  const sizes = await Promise.all(paths.map((path) => stat(path).then((info) => (info.isFile() ? info.size : 0), () => 0)));
  return sizes.reduce((sum, size) => sum + size, 0);
}
