/**
 * `ontomesh purview sync`: reads a Purview (or Atlas) catalog and writes it as ONE new version of graph
 * `purview`. The whole catalog is read before the store is touched, and the version is written and
 * activated in one go (abort on any failure), so a sync that fails — the catalog refuses, throttles past
 * its budget, fails mid-way, or the store does — leaves the previous version served.
 */
import { catalogToQuads, readCatalog, type CatalogGraph, type PurviewClient, type ReadCatalogOptions } from '../catalog/purview/index.ts';
import type { GraphStore, LoadStats, VersionInfo } from '../graph/GraphStore.ts';
import { RdfToGraph } from '../graph/RdfToGraph.ts';

/** The graph a sync writes. */
export const PURVIEW_GRAPH_ID = 'purview';
/** The `origin` of every version a sync writes. */
export const PURVIEW_SYNC_ORIGIN = 'purview sync';
const BATCH = 5_000;

export interface SyncSummary {
  graphId: string;
  version: number;
  triples: number;
  counts: CatalogGraph['counts'];
  warnings: string[];
  durationMs: number;
}

/**
 * Syncs the catalog into the store.
 *
 * @example
 * const summary = await syncPurview(store, client, { typeNames: [], collection: 'sales' });
 */
export async function syncPurview(store: GraphStore, client: PurviewClient, options: ReadCatalogOptions & { endpoint: string; onWrite?: (triples: number) => void }): Promise<SyncSummary> {
  const started = performance.now();
  const graph = catalogToQuads(await readCatalog(client, options));
  const info = await writeVersion(store, graph, options.endpoint, options.signal, options.onWrite);
  return { graphId: info.graphId, version: info.version, triples: graph.quads.length, counts: graph.counts, warnings: graph.warnings, durationMs: performance.now() - started };
}

async function writeVersion(store: GraphStore, graph: CatalogGraph, endpoint: string, signal: AbortSignal | undefined, onWrite: ((triples: number) => void) | undefined): Promise<VersionInfo> {
  const meta = { documents: [{ location: endpoint, format: 'atlas-v2' }], prefixes: {}, missingImports: [], origin: PURVIEW_SYNC_ORIGIN };
  const writer = await store.beginVersion(PURVIEW_GRAPH_ID, meta);
  try {
    const mapper = new RdfToGraph(PURVIEW_GRAPH_ID);
    for (let i = 0; i < graph.quads.length; i += BATCH) {
      signal?.throwIfAborted();
      await writer.write(mapper.map(graph.quads.slice(i, i + BATCH), 0, endpoint));
      onWrite?.(Math.min(i + BATCH, graph.quads.length));
    }
    signal?.throwIfAborted();
    const stats: LoadStats = { triples: graph.quads.length, inferred: 0, classes: 0, objectProperties: 0, datatypeProperties: 0, annotationProperties: 0, individuals: 0, ontologies: 0 };
    return await writer.commit(stats);
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw error;
  }
}
