/**
 * Writes one version in batches with idempotent upserts. Each request carries up to
 * `maxBatchElements` elements (within the request-size limit) and a writer keeps up to
 * `concurrency` requests in flight (the literals of one vertex go in one request, so that no two
 * requests in flight change the same vertex). Vertices and edges have deterministic ids, so a first attempt
 * inserts blindly (one request, no lookups) and a retry, which must not trust that the failed
 * request wrote nothing (Cosmos has no transactions), first reads which ids exist and inserts only
 * the others. Literal values have no id: they are always read before they are appended. Writing
 * the same batch twice therefore leaves the graph as writing it once.
 */
import { OntomeshError } from '../../errors/index.ts';
import type { EdgeElement, GraphElement, PropertyElement } from '../../graph/elements.ts';
import type { LoadStats, VersionInfo, VersionMeta, VersionWriter } from '../../graph/GraphStore.ts';
import { chunk, chunkGroups, forEachConcurrent } from './batches.ts';
import type { StoreContext } from './context.ts';
import { encodeEdge, encodeLiteral } from './factCodec.ts';
import type { VersionScope } from './ids.ts';
import { ChargeMeter, withMeter } from './requestCharge.ts';
import type { VertexKey } from './scripts.ts';
import { searchTextOf } from './searchText.ts';

interface PendingVertex extends VertexKey {
  node: string;
  blank: boolean;
}

interface PendingLiteral {
  vertex: VertexKey;
  value: string;
  text?: string;
}

interface PendingEdge {
  id: string;
  source: VertexKey;
  target: VertexKey;
  label: string;
  fact: string;
}

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
  readonly #meter = new ChargeMeter();
  #lastHeartbeat = Date.now();
  #state: 'open' | 'committed' | 'aborted' = 'open';

  constructor(context: StoreContext, host: WriterHost, scope: VersionScope, meta: VersionMeta, createdAt: string) {
    this.#context = context;
    this.#host = host;
    this.#scope = scope;
    this.#meta = meta;
    this.#createdAt = createdAt;
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

  write(batch: readonly GraphElement[]): Promise<void> {
    this.#assertOpen();
    return withMeter(this.#meter, async () => {
      const { vertices, literals, edges } = this.#plan(batch);
      await this.#heartbeat();
      const { limits } = this.#context;
      // Bindings per element: vertex 3 (id, partition, node), literal 3 (id, value, text), edge 5.
      const per = (bindings: number) => ({ maxCount: Math.max(1, Math.min(limits.maxBatchElements, Math.floor((limits.maxBindings - 40) / bindings))), maxBytes: limits.maxRequestBytes });
      const vertexChunks = chunk(vertices, per(3), (v) => v.id.length + v.node.length * 2 + 120);
      await forEachConcurrent(vertexChunks, limits.concurrency, (part) => this.#writeVertices(part));
      const literalChunks = chunkGroups(literals, (l) => l.vertex.id, per(3), (l) => l.vertex.id.length + (l.value.length + (l.text?.length ?? 0)) * 2 + 120);
      for (const part of literalChunks.serial) await this.#writeLiterals(part);
      const edgeChunks = chunk(edges, per(5), (e) => e.id.length + e.source.id.length + e.target.id.length + e.fact.length * 2 + 160);
      const work = [...literalChunks.parallel.map((part) => () => this.#writeLiterals(part)), ...edgeChunks.map((part) => () => this.#writeEdges(part))];
      await forEachConcurrent(work, limits.concurrency, (run) => run());
    });
  }

  async commit(stats: LoadStats, meta: VersionMeta = this.#meta): Promise<VersionInfo> {
    this.#assertOpen();
    const info = await withMeter(this.#meter, () => this.#host.publish(this.#scope, stats, meta, this.#createdAt));
    this.#state = 'committed';
    return info;
  }

  async abort(): Promise<void> {
    if (this.#state !== 'open') return;
    this.#state = 'aborted';
    await withMeter(this.#meter, () => this.#host.drop(this.#scope));
  }

  #assertOpen(): void {
    if (this.#state !== 'open') throw new OntomeshError('BAD_REQUEST', `Version ${this.version} of graph "${this.graphId}" is already ${this.#state}`);
  }

  /** Turns elements into requests' entries: ids, partitions, encoded facts; drops duplicates within the batch. */
  #plan(batch: readonly GraphElement[]) {
    const { ids, limits } = this.#context;
    const key = (node: string): VertexKey => ({ id: ids.vertexId(this.#scope, node), partition: ids.partitionOf(this.#scope, node) });
    const vertices = new Map<string, PendingVertex>();
    const literals = new Map<string, PendingLiteral>();
    const edges = new Map<string, PendingEdge>();
    for (const element of batch) {
      if (element.kind === 'vertex') {
        vertices.set(element.id, { ...key(element.id), node: element.id, blank: element.blank });
      } else if (element.kind === 'property') {
        const entry = this.#literal(key(element.subject), element, limits.maxValueBytes);
        literals.set(`${entry.vertex.id}\u0000${entry.value}`, entry);
      } else {
        const entry = this.#edge(key(element.subject), key(element.object), element);
        edges.set(entry.id, entry);
      }
    }
    return { vertices: [...vertices.values()], literals: [...literals.values()], edges: [...edges.values()] };
  }

  #literal(vertex: VertexKey, fact: PropertyElement, maxValueBytes: number): PendingLiteral {
    const value = encodeLiteral(fact);
    if (Buffer.byteLength(value) > maxValueBytes) {
      throw new OntomeshError('BAD_REQUEST', `A literal of ${fact.predicate} on ${fact.subject} is ${Buffer.byteLength(value)} bytes, over the ${maxValueBytes}-byte limit of the Gremlin store`, { term: fact.subject });
    }
    const text = searchTextOf(fact);
    return text === undefined ? { vertex, value } : { vertex, value, text };
  }

  #edge(source: VertexKey, target: VertexKey, fact: EdgeElement): PendingEdge {
    const encoded = encodeEdge(fact);
    return { id: this.#context.ids.edgeId(this.#scope, encoded), source, target, label: fact.predicate, fact: encoded };
  }

  async #heartbeat(): Promise<void> {
    if (Date.now() - this.#lastHeartbeat < this.#context.limits.heartbeatMs) return;
    this.#lastHeartbeat = Date.now();
    await this.#context.client.query(this.#context.scripts.touchVersion(this.graphId, this.version));
  }

  #writeVertices(vertices: readonly PendingVertex[]): Promise<void> {
    const { client, scripts } = this.#context;
    return client.run('writing vertices', async (attempt) => {
      let missing = vertices;
      if (attempt > 1) {
        const existing = new Set(await client.submit<string>(scripts.findVertices(vertices)));
        missing = vertices.filter((v) => !existing.has(v.id));
        if (!missing.length) return;
      }
      await client.submit(scripts.addVertices(missing));
    });
  }

  #writeLiterals(literals: readonly PendingLiteral[]): Promise<void> {
    const { client, scripts } = this.#context;
    const vertices = uniqueKeys(literals.map((l) => l.vertex));
    return client.run('writing literal facts', async () => {
      const rows = await client.submit<{ i: string; f: string[] }>(scripts.findLiterals(vertices, literals.map((l) => l.value)));
      const existing = new Set(rows.flatMap((row) => row.f.map((value) => `${row.i}\u0000${value}`)));
      const missing = literals.filter((l) => !existing.has(`${l.vertex.id}\u0000${l.value}`));
      if (!missing.length) return;
      const [written] = await client.submit<number>(scripts.addLiterals(missing));
      if (written !== missing.length) throw this.#missingVertex(rows.map((row) => row.i), missing.map((l) => l.vertex));
    });
  }

  #writeEdges(edges: readonly PendingEdge[]): Promise<void> {
    const { client, scripts } = this.#context;
    return client.run('writing edges', async (attempt) => {
      let missing = edges;
      if (attempt > 1) {
        const existing = new Set(await client.submit<string>(scripts.findEdges(uniqueKeys(edges.map((e) => e.source)), edges.map((e) => e.id))));
        missing = edges.filter((e) => !existing.has(e.id));
        if (!missing.length) return;
      }
      const [written] = await client.submit<number>(scripts.addEdges(missing));
      if (written !== missing.length) {
        const found = await client.submit<string>(scripts.findVertices(uniqueKeys(missing.map((e) => e.source))));
        throw this.#missingVertex(found, missing.map((e) => e.source));
      }
    });
  }

  #missingVertex(found: readonly string[], wanted: readonly VertexKey[]): OntomeshError {
    const present = new Set(found);
    const absent = wanted.find((key) => !present.has(key.id));
    return new OntomeshError('INTERNAL', `A fact was written before its subject vertex ${absent?.id ?? '(unknown)'} (vertices must come first)`);
  }
}

function uniqueKeys(keys: readonly VertexKey[]): VertexKey[] {
  return [...new Map(keys.map((key) => [key.id, key])).values()];
}
