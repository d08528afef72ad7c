/**
 * Export: the facts of one version of a graph, turned back into RDF (skolem ids become blank nodes)
 * and serialized with the prefixes its sources declared.
 */
import { OntomeshError } from '../errors/index.ts';
import type { FactElement } from '../graph/elements.ts';
import type { GraphStore } from '../graph/GraphStore.ts';
import { factsToQuads } from '../graph/graphToRdf.ts';
import { serialize, type ExportFormat } from '../rdf/index.ts';

export interface ExportOptions {
  /** The version to export; the active one when absent. */
  version?: number;
}

/**
 * Writes the asserted triples of a graph version to `output` in `format`. NOT_FOUND when the graph or
 * the version does not exist. The version is fixed before the first byte, so a concurrent load does not
 * mix two versions in one export.
 *
 * @example
 * await exportGraph(store, 'pizza', 'ttl', process.stdout);
 */
export async function exportGraph(store: GraphStore, graphId: string, format: ExportFormat, output: NodeJS.WritableStream, options: ExportOptions = {}): Promise<void> {
  const versions = await store.versions(graphId);
  if (versions.length === 0) throw new OntomeshError('NOT_FOUND', `graph "${graphId}" does not exist`, { term: graphId });
  const info = options.version === undefined ? versions.find((v) => v.active) : versions.find((v) => v.version === options.version);
  if (info === undefined) {
    const what = options.version === undefined ? 'has no active version' : `has no version ${options.version} (kept: ${versions.map((v) => v.version).join(', ')})`;
    throw new OntomeshError('NOT_FOUND', `graph "${graphId}" ${what}`, { term: graphId });
  }
  await serialize(toQuads(store.exportFacts(graphId, { version: info.version })), format, output, { prefixes: info.meta.prefixes });
}

async function* toQuads(batches: AsyncIterable<FactElement[]>) {
  for await (const batch of batches) yield factsToQuads(batch);
}
