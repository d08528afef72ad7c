/**
 * The load pipeline: the read side (readOntologies: imports closure, OWL view, mapping, dedupe,
 * entailment) hands batches of facts to a new version of the graph as they come, and waits for each
 * write (back-pressure keeps memory flat). When everything is read the version is committed with its
 * counts and meta. Any failure aborts the version, so the active one stays served.
 *
 * With `worker: true` the read side runs in a worker thread (readInWorker.ts), so parsing and
 * inference run on one core while the store writes on the other (see README.md for when that pays).
 */
import { OntomeshError } from '../errors/index.ts';
import { FactRowsToElements } from '../graph/FactRows.ts';
import type { GraphStore, LoadStats, VersionWriter } from '../graph/GraphStore.ts';
import type { SourceDocument } from '../rdf/index.ts';
import { readInWorker } from './readInWorker.ts';
import { readOntologies, type FactSink, type LoadProgress, type ReadOptions } from './readOntologies.ts';

export type { LoadProgress } from './readOntologies.ts';

export interface LoadOptions extends ReadOptions {
  onProgress?(progress: LoadProgress): void;
  /** Stops the load (the version is aborted) when it fires. */
  signal?: AbortSignal;
  /**
   * Read in a worker thread while this thread writes (default false; a dry run always reads here).
   * It pays once the store does its work while the data streams in: the SQLite writer sorts and
   * writes its edges at commit, so today it costs memory (two heaps) for little time (README.md).
   */
  worker?: boolean;
}

export interface LoadSummary {
  graphId: string;
  /** The new active version; undefined for a dry run. */
  version?: number;
  stats: LoadStats;
  documents: SourceDocument[];
  missingImports: { iri: string; importedBy: string }[];
  durationMs: number;
}

/**
 * Loads ontologies (files, folders or a Protégé catalog, with their owl:imports closure) into a new
 * version of a graph and activates it. With `store` undefined it is a dry run: everything but the writes.
 *
 * @example
 * const summary = await loadOntologies(store, ['ontology/pizza.owl'], { missingImports: 'warn', allowRemoteImports: [] });
 * console.log(summary.graphId, summary.version, summary.stats.triples);
 */
export async function loadOntologies(store: GraphStore | undefined, paths: string[], options: LoadOptions): Promise<LoadSummary> {
  if (paths.length === 0) throw new OntomeshError('BAD_REQUEST', 'nothing to load: no path given');
  const started = performance.now();
  const { onProgress, signal, worker = false, ...readOptions } = options;
  let writer: VersionWriter | undefined;
  // A writer that takes rows gets them as they are; any other gets elements.
  let toElements: FactRowsToElements | undefined;
  const sink: FactSink = {
    async begin(graphId) {
      if (store !== undefined) writer = await store.beginVersion(graphId, { documents: [], prefixes: {}, missingImports: [], origin: options.origin });
    },
    rows(batch) {
      if (writer?.writeRows !== undefined) return writer.writeRows(batch);
      return writer?.write((toElements ??= new FactRowsToElements()).elements(batch));
    },
  };
  try {
    const read = await (store !== undefined && worker ? readInWorker : readOntologies)(paths, readOptions, sink, { onProgress, signal });
    const version = writer === undefined ? undefined : (await writer.commit(read.stats, read.meta)).version;
    writer = undefined;
    return { graphId: read.graphId, version, stats: read.stats, documents: read.documents, missingImports: read.missingImports, durationMs: performance.now() - started };
  } catch (error) {
    // The load's own error is the one to report; a failing abort leaves an invisible, uncommitted version.
    await writer?.abort().catch(() => undefined);
    throw error;
  }
}
