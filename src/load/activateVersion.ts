/**
 * Rolling a graph back (or forward) to a version it keeps: `ontomesh activate` and
 * `PUT /ontologies/{id}/active`. The store flips its active pointer atomically, as a load's commit does.
 */
import { OntomeshError } from '../errors/index.ts';
import type { GraphStore, VersionInfo } from '../graph/GraphStore.ts';

export interface Activation {
  /** The version active before (undefined when none was). */
  previous: number | undefined;
  /** The graph's kept versions afterwards, newest first. */
  versions: VersionInfo[];
}

/**
 * Makes `version` of `graphId` the active one.
 *
 * @throws OntomeshError NOT_FOUND for a graph that does not exist or a version it does not keep (naming those it keeps).
 * @example
 * const { previous } = await activateVersion(store, 'mesh.sales', 3);
 */
export async function activateVersion(store: GraphStore, graphId: string, version: number): Promise<Activation> {
  const before = await store.versions(graphId);
  if (before.length === 0) throw new OntomeshError('NOT_FOUND', `graph "${graphId}" does not exist`, { term: graphId });
  if (!before.some((v) => v.version === version)) {
    throw new OntomeshError('NOT_FOUND', `graph "${graphId}" keeps no version ${version} (kept: ${before.map((v) => v.version).join(', ')})`, { term: graphId });
  }
  await store.activate(graphId, version);
  return { previous: before.find((v) => v.active)?.version, versions: await store.versions(graphId) };
}
