/** What the store and its version writers share: the client, the script renderers, ids and limits. */
import type { GremlinClient } from './GremlinClient.ts';
import type { IdScheme } from './ids.ts';
import type { Scripts } from './scripts.ts';
import type { WriteScripts } from './writeScripts.ts';

export interface StoreLimits {
  /** Elements (vertices, literals, edges) per write request at most. Default 250. */
  maxBatchElements: number;
  /** Gremlin steps per request (Cosmos DB's "operator depth" limit cancels longer traversals). Default 400. */
  maxSteps: number;
  /** Bindings per request (TinkerPop's `maxParameters`, 16 unless configured). Default 1000. */
  maxBindings: number;
  /** Approximate request size limit (Cosmos accepts 2 MB). Default 1.5 MB. */
  maxRequestBytes: number;
  /** Largest single literal accepted (a Cosmos item, the vertex holding it, is at most 2 MB). */
  maxValueBytes: number;
  /** Write requests in flight per writer (more are queued, up to a few per slot). Default 4. */
  concurrency: number;
  /** Committed versions kept per graph (the active one always is). Default 5. */
  keepVersions: number;
  /** A writing version whose writer sent no heartbeat for this long is abandoned and swept. Default 15 min. */
  staleAfterMs: number;
  /** Partition buckets of a new version. Default 16. */
  buckets: number;
  /** Vertices dropped per request when a version is removed. Default 500. */
  dropBatch: number;
  /** A writer records that it is alive at most this often. Default 30 s. */
  heartbeatMs: number;
}

export const defaultLimits: StoreLimits = {
  maxBatchElements: 250,
  maxSteps: 400,
  maxBindings: 1000,
  maxRequestBytes: 1_500_000,
  maxValueBytes: 1_500_000,
  concurrency: 4,
  keepVersions: 5,
  staleAfterMs: 15 * 60_000,
  buckets: 16,
  dropBatch: 500,
  heartbeatMs: 30_000,
};

export interface StoreContext {
  readonly client: GremlinClient;
  readonly scripts: Scripts;
  readonly writeScripts: WriteScripts;
  readonly ids: IdScheme;
  readonly limits: StoreLimits;
}
