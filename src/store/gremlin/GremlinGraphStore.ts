/**
 * The GraphStore port on a Gremlin server: Azure Cosmos DB for Apache Gremlin or Apache TinkerPop
 * Gremlin Server (and engines speaking its scripts). See scripts.ts for the graph layout.
 *
 * Versions: a version record vertex per version (its unique id is the lock that hands out version
 * numbers) and a pointer vertex per graph whose `active` property is flipped by one single-vertex
 * write when a version is committed: the atomic publish. Every element of a version carries the
 * version in its id and partition key, so versions never share an element and one is removed by
 * dropping its partitions.
 */
import { randomUUID } from 'node:crypto';
import { OntomeshError } from '../../errors/index.ts';
import type { FactElement } from '../../graph/elements.ts';
import { isSkolem } from '../../graph/skolem.ts';
import type {
  FactScan, GraphStore, LoadStats, NeighbourQuery, ResourceView, SearchHit, Snapshot, VersionInfo, VersionMeta,
} from '../../graph/GraphStore.ts';
import type { StoreRequest } from '../../graph/storeRequests.ts';
import { chunk } from './batches.ts';
import { defaultLimits, type StoreContext, type StoreLimits } from './context.ts';
import type { GremlinClient } from './GremlinClient.ts';
import { IdScheme, type VersionScope } from './ids.ts';
import { edgesOf, literalsOf, nodeOf, rowFacts, type NodeRow } from './readRows.ts';
import { Scripts, type VertexKey } from './scripts.ts';
import { filterTokens, parseQuery, scoreLiteral, scoreSearchTexts } from './searchText.ts';
import { GremlinVersionWriter } from './GremlinVersionWriter.ts';
import { WriteScripts } from './writeScripts.ts';

export interface GremlinStoreOptions extends Partial<StoreLimits> {
  /** Shown as the store's description, e.g. `gremlin://127.0.0.1:8182`. */
  description: string;
  /** Name of the partition-key property, fixed when the Cosmos container was created. Default `pk`. */
  partitionKey?: string;
  /** Keeps several stores apart in one graph (tests, environments). Default none. */
  namespace?: string;
}

type VersionRecord = { version: number; buckets: number; state: string; createdAt: string; heartbeat: number; meta: string; stats?: string };

const emptyStats: LoadStats = { triples: 0, inferred: 0, classes: 0, objectProperties: 0, datatypeProperties: 0, annotationProperties: 0, individuals: 0, ontologies: 0 };
const readBatch = 100;
const defaultSearchLimit = 20;
/** Search candidates read per version; a broader query is cut there (then ranked among those). */
const maxSearchCandidates = 2000;

export class GremlinGraphStore implements GraphStore {
  readonly description: string;
  readonly #client: GremlinClient;
  readonly #context: StoreContext;
  /** Buckets of each version seen, `graphId@version` -> buckets (a version's buckets never change). */
  readonly #buckets = new Map<string, number>();

  constructor(client: GremlinClient, options: GremlinStoreOptions) {
    const partitionKey = options.partitionKey ?? 'pk';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(partitionKey) || ['id', 'label', 'n', 'b', 'f', 't', 'm'].includes(partitionKey)) {
      throw new OntomeshError('BAD_REQUEST', `Invalid partition-key property name "${partitionKey}"`);
    }
    const ids = new IdScheme(options.namespace ?? '');
    const { description, partitionKey: _, namespace: __, ...limits } = options;
    this.description = description;
    this.#client = client;
    this.#context = {
      client, ids, scripts: new Scripts(client.dialect, partitionKey, ids), writeScripts: new WriteScripts(client.dialect, partitionKey, ids), limits: { ...defaultLimits, ...limits },
    };
  }

  /** Request units charged since the store was opened (0 on servers that report none). */
  get requestCharge(): number {
    return this.#client.requestCharge;
  }

  /** Calls `listener` after every request with its template, charge and outcome. Returns an unsubscribe function. */
  onRequest(listener: (record: StoreRequest) => void): () => void {
    return this.#client.onRequest(listener);
  }

  async beginVersion(graphId: string, meta: VersionMeta): Promise<GremlinVersionWriter> {
    const { client, scripts, ids, limits } = this.#context;
    const records = await this.#records(graphId);
    let version = Math.max(0, ...records.map((r) => r.version)) + 1;
    const token = randomUUID();
    const createdAt = new Date().toISOString();
    for (;; version++) {
      const scope = ids.versionScope(graphId, version, limits.buckets);
      const [owner] = await client.query<string>(scripts.createVersion(scope, token, JSON.stringify(meta), createdAt));
      if (owner === token) {
        this.#buckets.set(`${graphId}@${version}`, scope.buckets);
        return new GremlinVersionWriter(this.#context, { publish: (s, stats, m, c) => this.#publish(s, stats, m, c), drop: (s) => this.#drop(s) }, scope, meta, createdAt);
      }
    }
  }

  async #publish(scope: VersionScope, stats: LoadStats, meta: VersionMeta, createdAt: string): Promise<VersionInfo> {
    const { client, scripts } = this.#context;
    await client.query(scripts.finishVersion(scope.graphId, scope.version, 'committed', JSON.stringify(stats), JSON.stringify(meta)));
    await client.query(scripts.activate(scope.graphId, scope.version, scope.buckets));
    this.#snapshotRead = undefined;
    await this.#prune(scope.graphId, scope.version);
    return { graphId: scope.graphId, version: scope.version, createdAt, active: true, stats, meta };
  }

  /**
   * Removes committed versions beyond the keep limit and abandoned (stale writing) or half-removed
   * ones, then the tombstones of removed versions except the newest record, which keeps the highest
   * number handed out so far (numbers are never reused).
   */
  async #prune(graphId: string, active: number): Promise<void> {
    const { client, scripts, ids, limits } = this.#context;
    const records = (await this.#records(graphId)).sort((a, b) => b.version - a.version);
    const committed = records.filter((r) => r.state === 'committed' && r.version !== active);
    const surplus = committed.slice(Math.max(0, limits.keepVersions - 1));
    const abandoned = records.filter((r) => (r.state === 'writing' && Date.now() - r.heartbeat > limits.staleAfterMs) || r.state === 'dropping');
    for (const record of [...surplus, ...abandoned]) await this.#drop(ids.versionScope(graphId, record.version, record.buckets));
    const newest = records[0]?.version;
    for (const record of records) {
      if (record.version !== newest && (record.state === 'dropped' || surplus.includes(record) || abandoned.includes(record))) {
        await client.query(scripts.dropVersionRecord(graphId, record.version));
      }
    }
  }

  /** Removes a version's data: marks it, drops its partitions, leaves a tombstone (safe to repeat). */
  async #drop(scope: VersionScope): Promise<void> {
    const { client, scripts, ids, limits } = this.#context;
    await client.query(scripts.finishVersion(scope.graphId, scope.version, 'dropping', JSON.stringify(emptyStats), 'null'));
    for (const partition of ids.partitions(scope)) {
      for (;;) {
        await client.query(scripts.dropPartition(partition, limits.dropBatch));
        const [left] = await client.query<number>(scripts.countPartition(partition));
        if (!left) break;
      }
    }
    await client.query(scripts.finishVersion(scope.graphId, scope.version, 'dropped', JSON.stringify(emptyStats), 'null'));
  }

  async #records(graphId: string): Promise<VersionRecord[]> {
    const rows = await this.#client.query<Record<string, unknown[]>>(this.#context.scripts.readVersions(graphId));
    return rows.map((row) => {
      const one = (key: string) => row[key]?.[0];
      const record: VersionRecord = {
        version: Number(one('version')), buckets: Number(one('buckets')), state: String(one('state')),
        createdAt: String(one('createdAt')), heartbeat: Number(one('heartbeat')), meta: String(one('meta')),
      };
      if (one('stats') !== undefined) record.stats = String(one('stats'));
      return record;
    });
  }

  async #pointers(): Promise<{ graphId: string; version: number; buckets: number }[]> {
    const rows = await this.#client.query<{ g: string; a: number; b: number }>(this.#context.scripts.readPointers());
    const pointers = rows.map((row) => ({ graphId: row.g, version: Number(row.a), buckets: Number(row.b) }));
    for (const p of pointers) this.#buckets.set(`${p.graphId}@${p.version}`, p.buckets);
    return pointers.sort((a, b) => (a.graphId < b.graphId ? -1 : a.graphId > b.graphId ? 1 : 0));
  }

  async versions(graphId: string): Promise<VersionInfo[]> {
    const [records, pointers] = await Promise.all([this.#records(graphId), this.#pointers()]);
    const active = pointers.find((p) => p.graphId === graphId)?.version;
    return records
      .filter((r) => r.state === 'committed')
      .sort((a, b) => b.version - a.version)
      .map((r) => ({
        graphId, version: r.version, createdAt: r.createdAt, active: r.version === active,
        stats: r.stats ? (JSON.parse(r.stats) as LoadStats) : emptyStats, meta: JSON.parse(r.meta) as VersionMeta,
      }));
  }

  async graphIds(): Promise<string[]> {
    return (await this.#pointers()).map((p) => p.graphId);
  }

  async activate(graphId: string, version: number): Promise<void> {
    const record = (await this.#records(graphId)).find((r) => r.version === version && r.state === 'committed');
    if (!record) throw new OntomeshError('NOT_FOUND', `Graph "${graphId}" has no version ${version}`, {}, { graphId, version });
    await this.#client.query(this.#context.scripts.activate(graphId, version, record.buckets));
    this.#snapshotRead = undefined;
  }

  /**
   * A pointer read in flight: requests that ask meanwhile share it (one request and one charge instead
   * of one per GraphQL request under load). This store's own publish and activate start a new one.
   */
  #snapshotRead: Promise<Snapshot> | undefined;

  snapshot(): Promise<Snapshot> {
    if (this.#snapshotRead !== undefined) return this.#snapshotRead;
    const read = this.#pointers().then((pointers) => ({ versions: pointers.map(({ graphId, version }) => ({ graphId, version })) }));
    this.#snapshotRead = read;
    const settled = () => {
      if (this.#snapshotRead === read) this.#snapshotRead = undefined;
    };
    read.then(settled, settled);
    return read;
  }

  /** The scopes of a snapshot's versions (buckets from the cache, or from the version records). */
  async #scopes(snapshot: Snapshot): Promise<VersionScope[]> {
    const scopes: VersionScope[] = [];
    for (const { graphId, version } of snapshot.versions) {
      let buckets = this.#buckets.get(`${graphId}@${version}`);
      if (buckets === undefined) {
        buckets = (await this.#records(graphId)).find((r) => r.version === version)?.buckets;
        if (buckets === undefined) continue;
        this.#buckets.set(`${graphId}@${version}`, buckets);
      }
      scopes.push(this.#context.ids.versionScope(graphId, version, buckets));
    }
    return scopes;
  }

  #keys(scopes: readonly VersionScope[], nodes: readonly string[]): VertexKey[] {
    const { ids } = this.#context;
    return scopes.flatMap((scope) => nodes.map((node) => ({ id: ids.vertexId(scope, node), partition: ids.partitionOf(scope, node) })));
  }

  /** Splits vertex keys into requests within the binding limit (2 per key, partitions shared). */
  #keyChunks(keys: readonly VertexKey[]): VertexKey[][] {
    const maxCount = Math.max(1, Math.min(readBatch, Math.floor((this.#context.limits.maxBindings - 20) / 2)));
    return chunk(keys, { maxCount, maxBytes: Infinity }, () => 0);
  }

  async getResource(snapshot: Snapshot, id: string): Promise<ResourceView | undefined> {
    const rows: { f: string[]; o: string[]; i: string[] }[] = [];
    for (const keys of this.#keyChunks(this.#keys(await this.#scopes(snapshot), [id]))) {
      rows.push(...(await this.#client.query<(typeof rows)[number]>(this.#context.scripts.readResources(keys))));
    }
    if (!rows.length) return undefined;
    const { ids } = this.#context;
    return {
      id,
      blank: isSkolem(id),
      properties: literalsOf(id, rows.flatMap((row) => row.f)),
      out: rows.flatMap((row) => edgesOf(row.o, ids)),
      in: rows.flatMap((row) => edgesOf(row.i, ids)),
    };
  }

  async neighbours(snapshot: Snapshot, ids: readonly string[], query: NeighbourQuery): Promise<Map<string, string[]>> {
    const found = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
    const keys = this.#keys(await this.#scopes(snapshot), [...new Set(ids)]);
    for (const part of this.#keyChunks(keys)) {
      const rows = await this.#client.query<NodeRow & { m: string[] }>(this.#context.scripts.neighbours(part, query.predicate, query.direction));
      for (const row of rows) {
        const node = nodeOf(row, this.#context.ids);
        for (const fact of edgesOf(row.m, this.#context.ids)) {
          if (fact.inferred && !query.includeInferred) continue;
          found.get(node)?.add(query.direction === 'out' ? fact.object : fact.subject);
        }
      }
    }
    return new Map([...found].map(([id, set]) => [id, [...set].sort()]));
  }

  async search(snapshot: Snapshot, text: string, options: { limit?: number; offset?: number } = {}): Promise<SearchHit[]> {
    const { limit = defaultSearchLimit, offset = 0 } = options;
    if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
      throw new OntomeshError('BAD_REQUEST', `search limit and offset must be non-negative integers (got ${limit}, ${offset})`);
    }
    const query = parseQuery(text);
    const scopes = await this.#scopes(snapshot);
    if (!query.words.length || !scopes.length || limit === 0) return [];
    const { client, scripts, ids } = this.#context;
    // Phase 1: rank light candidates (node id and search texts) of every version of the snapshot.
    const ranked = new Map<string, number>();
    for (const scope of scopes) {
      const rows = await client.query<NodeRow & { t: string[] }>(scripts.searchCandidates(ids.partitions(scope), filterTokens(query), maxSearchCandidates));
      for (const row of rows) {
        const score = scoreSearchTexts(query, row.t);
        const node = nodeOf(row, ids);
        if (score !== undefined && score > (ranked.get(node) ?? -1)) ranked.set(node, score);
      }
    }
    const page = [...ranked].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, offset + limit).map(([id]) => id);
    // Phase 2: the literals of the page's nodes, for the matched text and its highlight.
    const best = new Map<string, SearchHit>();
    for (const keys of this.#keyChunks(this.#keys(scopes, page))) {
      for (const row of await client.query<NodeRow & { f: string[] }>(scripts.searchLiterals(keys))) {
        const node = nodeOf(row, ids);
        for (const fact of literalsOf(node, row.f)) {
          const hit = scoreLiteral(query, fact);
          const known = best.get(node);
          if (hit && (!known || hit.score > known.score)) best.set(node, hit);
        }
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(offset, offset + limit);
  }

  /**
   * Reads each partition of the snapshot's versions whole (the export script) and keeps the facts with
   * the predicates asked for: one request per partition, filtered here because literal facts are
   * encoded strings the server cannot select by predicate.
   */
  async *scanFacts(snapshot: Snapshot, scan: FactScan): AsyncIterable<FactElement[]> {
    const predicates = new Set(scan.predicates);
    if (predicates.size === 0) return;
    for (const scope of await this.#scopes(snapshot)) {
      for (const partition of this.#context.ids.partitions(scope)) {
        const rows = await this.#client.query<NodeRow & { f: string[]; o: string[] }>(this.#context.scripts.exportPartition(partition));
        const facts = rows.flatMap((row) => rowFacts(row, this.#context.ids));
        const kept = facts.filter((fact) => predicates.has(fact.predicate) && (scan.includeInferred || !fact.inferred));
        if (kept.length) yield kept;
      }
    }
  }

  async *exportFacts(graphId: string, options: { version?: number; includeInferred?: boolean } = {}): AsyncIterable<FactElement[]> {
    const records = await this.#records(graphId);
    const version = options.version ?? (await this.#pointers()).find((p) => p.graphId === graphId)?.version;
    const record = records.find((r) => r.version === version && r.state === 'committed');
    if (!record) throw new OntomeshError('NOT_FOUND', version === undefined ? `Graph "${graphId}" does not exist` : `Graph "${graphId}" has no version ${version}`, {}, { graphId, version });
    const scope = this.#context.ids.versionScope(graphId, record.version, record.buckets);
    for (const partition of this.#context.ids.partitions(scope)) {
      const rows = await this.#client.query<NodeRow & { f: string[]; o: string[] }>(this.#context.scripts.exportPartition(partition));
      const facts = rows.flatMap((row) => rowFacts(row, this.#context.ids));
      const kept = options.includeInferred ? facts : facts.filter((fact) => !fact.inferred);
      if (kept.length) yield kept;
    }
  }

  async ready(): Promise<boolean> {
    try {
      await this.#client.submit(this.#context.scripts.ping());
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.#client.close();
  }
}

