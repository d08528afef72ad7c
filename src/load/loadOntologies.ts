/**
 * The load pipeline: the read side (readOntologies: imports closure, OWL view, mapping, dedupe,
 * entailment) hands element batches to a new version of the graph as they come, and waits for each
 * write (back-pressure keeps memory flat). When everything is read the version is committed with its
 * counts and meta. Any failure aborts the version, so the active one stays served.
 *
 * Large inputs are read in a worker thread (readInWorker.ts), so parsing and inference run on one
 * core while the store writes on the other.
 */
import { stat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OntomeshError } from '../errors/index.ts';
import type { GraphStore, LoadStats, VersionWriter } from '../graph/GraphStore.ts';
import type { SourceDocument } from '../rdf/index.ts';
import { readInWorker } from './readInWorker.ts';
import { readOntologies, type ElementSink, type LoadProgress, type ReadOptions } from './readOntologies.ts';

export type { LoadProgress } from './readOntologies.ts';

/** Inputs at least this large (in total) are read in a worker thread when `worker` is 'auto'. */
export const workerThresholdBytes = 4 << 20;

export interface LoadOptions extends ReadOptions {
  onProgress?(progress: LoadProgress): void;
  /** Stops the load (the version is aborted) when it fires. */
  signal?: AbortSignal;
  /**
   * Read in a worker thread: 'auto' (default) does so for inputs of at least 4 MiB when there is a
   * store to write to; a dry run always reads in the calling thread.
   */
  worker?: boolean | 'auto';
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
  const { onProgress, signal, worker = 'auto', ...readOptions } = options;
  let writer: VersionWriter | undefined;
  const sink: ElementSink = {
    async begin(graphId) {
      if (store !== undefined) writer = await store.beginVersion(graphId, { documents: [], prefixes: {}, missingImports: [], origin: options.origin });
    },
    elements: (batch) => writer?.write(batch),
  };
  try {
    const inWorker = store !== undefined && (worker === true || (worker === 'auto' && (await totalBytes(paths)) >= workerThresholdBytes));
    const read = await (inWorker ? readInWorker : readOntologies)(paths, readOptions, sink, { onProgress, signal });
    const version = writer === undefined ? undefined : (await writer.commit(read.stats, read.meta)).version;
    writer = undefined;
    return { graphId: read.graphId, version, stats: read.stats, documents: read.documents, missingImports: read.missingImports, durationMs: performance.now() - started };
  } catch (error) {
    // The load's own error is the one to report; a failing abort leaves an invisible, uncommitted version.
    await writer?.abort().catch(() => undefined);
    throw error;
  }
}

/** Bytes of the given files (folders: of the files under them); paths that cannot be read count 0. */
async function totalBytes(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) total += info.size;
    else if (info?.isDirectory()) {
      for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
      }
    }
  }
  return total;
}
