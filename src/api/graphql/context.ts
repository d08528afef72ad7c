/**
 * The per-request GraphQL context: one store snapshot taken on first use and kept for the whole
 * request (so every field reads the same versions), and batching caches in front of the store.
 */
import type { GraphStore, NeighbourQuery, ResourceView, Snapshot, VersionInfo } from '../../graph/GraphStore.ts';
import { batchLoader } from './batchLoader.ts';
import { rdfType } from './vocabulary.ts';

// A type alias (not an interface) so it satisfies graphql-http's OperationContext record constraint.
export type GraphqlContext = {
  store: GraphStore;
  /** The request's snapshot (taken once). */
  snapshot(): Promise<Snapshot>;
  /** A resource as the snapshot sees it (facts of every graph, inferred ones flagged). */
  resource(id: string): Promise<ResourceView | undefined>;
  /** Ids one hop from `id` along a predicate (batched across the fields resolving in one tick). */
  neighbours(id: string, query: NeighbourQuery): Promise<string[]>;
  /** rdf:type values of `id`, asserted and inferred. */
  types(id: string): Promise<string[]>;
  /** Kept versions of a graph, newest first. */
  versions(graphId: string): Promise<VersionInfo[]>;
};

/** A fresh context for one request. */
export function createContext(store: GraphStore): GraphqlContext {
  let snapshot: Promise<Snapshot> | undefined;
  const takeSnapshot = () => (snapshot ??= store.snapshot());
  const resource = batchLoader(async (ids: string[]) => {
    const snap = await takeSnapshot();
    const views = await Promise.all(ids.map((id) => store.getResource(snap, id)));
    return new Map(ids.map((id, i) => [id, views[i]]));
  });
  const neighbourLoaders = new Map<string, (id: string) => Promise<string[] | undefined>>();
  const neighbours = (id: string, query: NeighbourQuery) => {
    const key = `${query.direction} ${query.includeInferred === true} ${query.predicate}`;
    let load = neighbourLoaders.get(key);
    if (load === undefined) {
      load = batchLoader(async (ids: string[]) => store.neighbours(await takeSnapshot(), ids, query));
      neighbourLoaders.set(key, load);
    }
    return load(id).then((ids) => ids ?? []);
  };
  const versionLoader = batchLoader(async (graphIds: string[]) => new Map(await Promise.all(graphIds.map(async (g) => [g, await store.versions(g)] as const))));
  return {
    store,
    snapshot: takeSnapshot,
    resource: (id) => resource(id),
    neighbours,
    types: (id) => neighbours(id, { predicate: rdfType, direction: 'out', includeInferred: true }),
    versions: (graphId) => versionLoader(graphId).then((versions) => versions ?? []),
  };
}
