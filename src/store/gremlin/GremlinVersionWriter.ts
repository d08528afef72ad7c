/**
 * Writes one version in batches with idempotent upserts, pipelined across batches (writePipeline.ts):
 * write() plans a batch into requests (writePlan.ts), hands them to the pipeline and returns while
 * they run; commit() waits for all of them. Vertices are created with the literal facts of their
 * batch, blindly (one request, no lookups); vertices and edges have deterministic ids, so a retry,
 * which must not trust that the failed request wrote nothing (Cosmos has no transactions), first reads
 * which ids exist and writes only the others. Literals appended to vertices of earlier batches are
 * guarded in the request itself (added unless the vertex holds them), so they need no read at all.
 * Writing the same batch twice therefore leaves the graph as writing it once.
 */
import { OntomeshError } from '../../errors/index.ts';
import type { GraphElement } from '../../graph/elements.ts';
import type { LoadStats, VersionInfo, VersionMeta, VersionWriter } from '../../graph/GraphStore.ts';
import type { StoreContext } from './context.ts';
import type { VersionScope } from './ids.ts';
import { RequestMeter, withMeter } from '../../graph/storeRequests.ts';
import type { VertexKey } from './scripts.ts';
import type { EdgeGroup, LiteralAppend, NewVertex } from './writeScripts.ts';
import { packAppends, planWrites, VertexKeys } from './writePlan.ts';
import { WritePipeline } from './writePipeline.ts';

/** Hooks into the store: how a finished version is published and how a version's data is removed. */
export interface WriterHost {
  publish(scope: VersionScope, stats: LoadStats, meta: VersionMeta, createdAt: string): Promise<VersionInfo>;
  drop(scope: VersionScope): Promise<void>;
}

export class GremlinVersionWriter implements VersionWriter {
  readonly graphId: string;
  readonly version: number;
  readonly #context: StoreContext;
  readonly #host: WriterHost;
  readonly #scope: VersionScope;
  readonly #meta: VersionMeta;
  readonly #createdAt: string;
  readonly #meter = new RequestMeter();
  readonly #pipeline: WritePipeline;
  readonly #keys: VertexKeys;
  #lastHeartbeat = Date.now();
  #state: 'open' | 'committed' | 'aborted' = 'open';

  constructor(context: StoreContext, host: WriterHost, scope: VersionScope, meta: VersionMeta, createdAt: string) {
    this.#context = context;
    this.#host = host;
    this.#scope = scope;
    this.#meta = meta;
    this.#createdAt = createdAt;
    this.#pipeline = new WritePipeline(context.limits.concurrency);
    this.#keys = new VertexKeys(context.ids, scope);
    this.graphId = scope.graphId;
    this.version = scope.version;
  }

  /** Request units this load has cost so far (0 on servers that do not report charges). */
  get requestCharge(): number {
    return this.#meter.requestCharge;
  }

  /** Requests this load has sent so far, retries included. */
  get requests(): number {
    return this.#meter.requests;
  }

  /** Plans the batch and starts its requests; resolves once few enough requests wait (they finish by commit()). */
  write(batch: readonly GraphElement[]): Promise<void> {
    this.#assertOpen();
    return withMeter(this.#meter, async () => {
      if (this.#pipeline.failed) throw this.#pipeline.failure;
      await this.#heartbeat();
      const plan = planWrites(batch, this.#keys, this.#context.limits);
      this.#pipeline.enqueue(
        plan.vertices.map((part) => () => this.#writeVertices(part)),
        [...plan.appends.map((part) => () => this.#appendLiterals(part)), ...plan.edges.map((part) => () => this.#writeEdges(part))],
      );
      await this.#pipeline.ready();
    });
  }

  async commit(stats: LoadStats, meta: VersionMeta = this.#meta): Promise<VersionInfo> {
    this.#assertOpen();
    const info = await withMeter(this.#meter, async () => {
      await this.#pipeline.drain();
      return this.#host.publish(this.#scope, stats, meta, this.#createdAt);
    });
    this.#state = 'committed';
    return info;
  }

  async abort(): Promise<void> {
    if (this.#state !== 'open') return;
    this.#state = 'aborted';
    await withMeter(this.#meter, async () => {
      await this.#pipeline.settle();
      await this.#host.drop(this.#scope);
    });
  }

  #assertOpen(): void {
    if (this.#state !== 'open') throw new OntomeshError('BAD_REQUEST', `Version ${this.version} of graph "${this.graphId}" is already ${this.#state}`);
  }

  async #heartbeat(): Promise<void> {
    if (Date.now() - this.#lastHeartbeat < this.#context.limits.heartbeatMs) return;
    this.#lastHeartbeat = Date.now();
    await this.#context.client.query(this.#context.scripts.touchVersion(this.graphId, this.version));
  }

  /** Creates vertices with their literals; a retry creates the missing ones and appends the literals of the others. */
  #writeVertices(vertices: readonly NewVertex[]): Promise<void> {
    const { client, scripts, writeScripts, limits } = this.#context;
    return client.run('writing vertices', async (attempt) => {
      let missing = vertices;
      if (attempt > 1) {
        const existing = new Set(await client.submit<string>(scripts.findVertices(vertices)));
        missing = vertices.filter((v) => !existing.has(v.id));
        const appends = vertices.flatMap((v) => (existing.has(v.id) && v.literal ? [{ vertex: { id: v.id, partition: v.partition }, literal: v.literal }] : []));
        for (const part of packAppends(appends, limits)) await this.#submitAppends(part);
      }
      if (missing.length) await client.submit(writeScripts.addVertices(missing));
    });
  }

  #appendLiterals(groups: readonly LiteralAppend[]): Promise<void> {
    return this.#context.client.run('writing literal facts', () => this.#submitAppends(groups));
  }

  /** One guarded append request (idempotent: retried as it is). */
  async #submitAppends(appends: readonly LiteralAppend[]): Promise<void> {
    const { client, scripts, writeScripts } = this.#context;
    const [found] = await client.submit<number>(writeScripts.appendLiterals(appends));
    if (found !== appends.length) {
      throw this.#missingVertex(await client.submit<string>(scripts.findVertices(appends.map((a) => a.vertex))), appends.map((a) => a.vertex));
    }
  }

  #writeEdges(groups: readonly EdgeGroup[]): Promise<void> {
    const { client, scripts, writeScripts } = this.#context;
    return client.run('writing edges', async (attempt) => {
      let missing = groups;
      if (attempt > 1) {
        const existing = new Set(await client.submit<string>(scripts.findEdges(groups.map((g) => g.source), groups.flatMap((g) => g.edges.map((e) => e.id)))));
        missing = groups.map((g) => ({ source: g.source, edges: g.edges.filter((e) => !existing.has(e.id)) })).filter((g) => g.edges.length);
        if (!missing.length) return;
      }
      const [written] = await client.submit<number>(writeScripts.addEdges(missing));
      if (written !== missing.length) {
        const ends = [...new Map(missing.flatMap((g) => [g.source, ...g.edges.map((e) => e.target)]).map((key) => [key.id, key])).values()];
        throw this.#missingVertex(await client.submit<string>(scripts.findVertices(ends)), ends);
      }
    });
  }

  #missingVertex(found: readonly string[], wanted: readonly VertexKey[]): OntomeshError {
    const present = new Set(found);
    const absent = wanted.find((key) => !present.has(key.id));
    return new OntomeshError('INTERNAL', `A fact was written before its vertex ${absent?.id ?? '(unknown)'} (vertices must come first)`);
  }
}
