/**
 * The per-request GraphQL context: one store snapshot taken on first use and kept for the whole
 * request (so every field reads the same versions), the read model of that snapshot (shared by all
 * requests on it, see src/api/readModel), and per-request caches in front of the store.
 */
import type { GraphStore, Snapshot, VersionInfo } from '../../graph/GraphStore.ts';
import type { ReadModel, ReadModels } from '../readModel/index.ts';
import { batchLoader } from './batchLoader.ts';
import type { OwlViews } from './owlViews.ts';

// A type alias (not an interface) so it satisfies graphql-http's OperationContext record constraint.
export type GraphqlContext = {
  store: GraphStore;
  /** The request's snapshot (taken once). */
  snapshot(): Promise<Snapshot>;
  /** The read model of the request's snapshot. */
  model(): Promise<ReadModel>;
  /** The model once model() has resolved: nested resolvers read it synchronously. */
  current: ReadModel | undefined;
  /** Kept versions of a graph, newest first. */
  versions(graphId: string): Promise<VersionInfo[]>;
  /** The OWL views of kept versions (for diffs). */
  owlViews: OwlViews;
};

/** What a context is made from: the store and the caches the server keeps across requests. */
export interface ContextSources {
  store: GraphStore;
  models: ReadModels;
  owlViews: OwlViews;
}

/** A fresh context for one request. */
export function createContext({ store, models, owlViews }: ContextSources): GraphqlContext {
  let snapshot: Promise<Snapshot> | undefined;
  let model: Promise<ReadModel> | undefined;
  const takeSnapshot = () => (snapshot ??= store.snapshot());
  const versionLoader = batchLoader(async (graphIds: string[]) => new Map(await Promise.all(graphIds.map(async (g) => [g, await store.versions(g)] as const))));
  const context: GraphqlContext = {
    store,
    snapshot: takeSnapshot,
    model: () => (model ??= takeSnapshot().then((s) => models.get(s)).then((m) => (context.current = m))),
    current: undefined,
    versions: (graphId) => versionLoader(graphId).then((versions) => versions ?? []),
    owlViews,
  };
  return context;
}

/** Calls `read` with the request's model: synchronously once it is loaded (most fields), else after loading it. */
export function withModel<T>(context: GraphqlContext, read: (model: ReadModel) => T): T | Promise<T> {
  return context.current === undefined ? context.model().then(read) : read(context.current);
}
