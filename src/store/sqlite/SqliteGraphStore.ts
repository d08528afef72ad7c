/**
 * The embedded GraphStore: one SQLite file (node:sqlite, built into Node 24, with FTS5), WAL so the
 * service reads while a load writes. Each version lives in its own tables (see schema.ts); a snapshot
 * is the set of active version keys, so a request keeps reading the versions it started with even if
 * a load commits meanwhile.
 */
import { resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { OntomeshError } from '../../errors/index.ts';
import type { FactElement } from '../../graph/elements.ts';
import type { FactScan, GraphStore, LoadStats, NeighbourQuery, ResourceView, SearchHit, Snapshot, VersionInfo, VersionMeta, VersionWriter } from '../../graph/GraphStore.ts';
import { isSkolem } from '../../graph/skolem.ts';
import { foldText } from '../../graph/textIndex.ts';
import { openDatabase, type OpenedDatabase } from './openDatabase.ts';
import { createCatalog, dropVersionTables, hasCatalog, hasOlderCatalog, schemaVersion, upgradeCatalog } from './schema.ts';
import { SqliteVersionWriter, type VersionHost } from './SqliteVersionWriter.ts';
import { VersionCatalog } from './VersionCatalog.ts';
import { VersionReader, type FactRow } from './VersionReader.ts';
import { isSqliteBusy, WriteTransactions } from './WriteTransactions.ts';

export interface SqliteStoreOptions {
  /** Versions kept per graph (the active one always stays). Default 5. */
  keepVersions?: number;
  /** How long a write waits for another process's load to release the file. Default 60 s (`ontomesh`: ONTOMESH_LOCK_TIMEOUT_SECONDS). */
  lockTimeoutMs?: number;
  /** Open read-only even when the file could be written (it is anyway when this process may not write it or its folder). */
  readOnly?: boolean;
}

/** How long a write waits for another process's write lock when the options do not say. */
export const defaultLockTimeoutMs = 60_000;

/**
 * Subjects per export page (a page holds all facts of its subjects). A page is read synchronously;
 * scans and exports wait for the next event-loop turn between pages, so that a server reading a large
 * version (a read model of 1M triples: 369 pages, 4 s) still answers /readyz and requests of other
 * snapshots meanwhile, and reads the requests that keep-alive connections bring: blocked for longer than
 * the keep-alive timeout, it closed such a connection with a request unread (the client: ECONNRESET).
 */
const exportSubjectsPerPage = 2_000;
const defaultSearchLimit = 20;

/** Versions being written by this process, as `location#key`: never collected as crashed. */
const liveWriters = new Set<string>();

/**
 * Opens (creating it and its folder if needed) a SQLite graph store; read-only (reads work, writes are
 * FORBIDDEN) when this process may not write the file or its folder, or `options.readOnly` says so.
 *
 * @example
 * const store = await openSqliteStore('./data/ontomesh.db');
 * const snapshot = await store.snapshot();
 * const pizza = await store.getResource(snapshot, 'http://www.co-ode.org/ontologies/pizza/pizza.owl#Margherita');
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<GraphStore> {
  const location = resolve(path);
  let opened: OpenedDatabase;
  try {
    opened = await openWhenUnlocked(location, options);
  } catch (error) {
    if (error instanceof OntomeshError) throw error;
    throw new OntomeshError('STORE_UNAVAILABLE', `cannot open SQLite store ${location}: ${(error as Error).message}`, {}, {}, { cause: error });
  }
  const { db, readOnly } = opened;
  const store = new SqliteGraphStore(db, location, readOnly, options);
  try {
    await store.initialize();
  } catch (error) {
    db.close();
    throw error;
  }
  return store;
}

/**
 * Opens the file, waiting (asynchronously, within the lock timeout) while another process holds a lock
 * that opening needs: two loads into one new store both set WAL on the file one of them is creating.
 */
async function openWhenUnlocked(location: string, options: SqliteStoreOptions): Promise<OpenedDatabase> {
  const deadline = Date.now() + (options.lockTimeoutMs ?? defaultLockTimeoutMs);
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      return openDatabase(location, { readOnly: options.readOnly });
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() >= deadline) throw error;
    }
    await sleep(wait);
  }
}

class SqliteGraphStore implements GraphStore, VersionHost {
  readonly description: string;
  readonly db: DatabaseSync;
  readonly transactions: WriteTransactions;
  readonly #location: string;
  readonly #keepVersions: number;
  readonly #catalog: VersionCatalog;
  readonly #readers = new Map<number, VersionReader>();
  readonly #snapshotKeys = new WeakMap<Snapshot, readonly number[]>();
  readonly #writing = new Set<number>();
  /**
   * The snapshot of the current event-loop turn. Requests that arrive together (under load, the
   * whole batch a turn reads from its sockets) share one catalog read instead of a SQLite read
   * transaction each; the next turn reads again, and this process's own activations reset it.
   */
  #turnSnapshot: Snapshot | undefined;

  constructor(db: DatabaseSync, location: string, readOnly: boolean, options: SqliteStoreOptions) {
    this.db = db;
    this.#location = location;
    this.description = `sqlite:${location}${readOnly ? ' (read-only)' : ''}`;
    this.#keepVersions = Math.max(1, options.keepVersions ?? 5);
    this.transactions = new WriteTransactions(db, location, options.lockTimeoutMs ?? defaultLockTimeoutMs, readOnly);
    this.#catalog = new VersionCatalog(db);
    db.function('om_fold', { deterministic: true }, (text) => (typeof text === 'string' ? foldText(text) : null));
  }

  /**
   * Creates the catalog on first use; collects what crashed writers left unless another process is
   * writing now. A read-only file is taken as it is: it must hold a catalog of the current layout.
   */
  async initialize(): Promise<void> {
    if (this.transactions.readOnly) {
      if (hasOlderCatalog(this.db) || !hasCatalog(this.db, this.#location)) {
        throw new OntomeshError('STORE_UNAVAILABLE', `${this.#location} is read-only and holds no ontomesh store of layout ${schemaVersion}: open it once with write access to create or upgrade it`);
      }
      return;
    }
    if (hasOlderCatalog(this.db)) await this.transactions.run(() => upgradeCatalog(this.db));
    else if (!hasCatalog(this.db, this.#location)) await this.transactions.run(() => createCatalog(this.db));
    await this.transactions.runIfFree(() => this.#catalog.collectGarbage((key) => liveWriters.has(this.#liveKey(key))));
  }

  async beginVersion(graphId: string, meta: VersionMeta): Promise<VersionWriter> {
    if (graphId === '') throw new OntomeshError('BAD_REQUEST', 'a graph id must not be empty');
    const { key, version } = await this.transactions.run(() => this.#catalog.allocate(graphId, meta));
    this.#writing.add(key);
    liveWriters.add(this.#liveKey(key));
    return new SqliteVersionWriter(this, key, graphId, version, meta);
  }

  async publish(key: number, stats: LoadStats, meta: VersionMeta): Promise<VersionInfo> {
    const { info, pruned } = await this.transactions.run(() => this.#catalog.publish(key, stats, meta, this.#keepVersions));
    this.#turnSnapshot = undefined;
    this.#forgetWriter(key);
    await this.#drop(pruned);
    return info;
  }

  async discard(key: number): Promise<void> {
    try {
      await this.transactions.run(() => this.#catalog.discard(key));
    } finally {
      this.#forgetWriter(key);
    }
  }

  async touch(key: number): Promise<void> {
    await this.transactions.run(() => this.#catalog.touch(key), { durable: false });
  }

  async versions(graphId: string): Promise<VersionInfo[]> {
    return this.#catalog.versions(graphId);
  }

  async graphIds(): Promise<string[]> {
    return this.#catalog.active().map((v) => v.graphId);
  }

  async activate(graphId: string, version: number): Promise<void> {
    await this.transactions.run(() => this.#catalog.activate(graphId, version));
    this.#turnSnapshot = undefined;
  }

  async snapshot(): Promise<Snapshot> {
    if (this.#turnSnapshot !== undefined) return this.#turnSnapshot;
    const active = this.#catalog.active();
    const snapshot: Snapshot = { versions: active.map(({ graphId, version }) => ({ graphId, version })) };
    this.#snapshotKeys.set(snapshot, active.map((v) => v.key));
    this.#turnSnapshot = snapshot;
    setImmediate(() => {
      if (this.#turnSnapshot === snapshot) this.#turnSnapshot = undefined;
    });
    return snapshot;
  }

  async getResource(snapshot: Snapshot, id: string): Promise<ResourceView | undefined> {
    const view: ResourceView = { id, blank: isSkolem(id), properties: [], out: [], in: [] };
    let found = false;
    for (const reader of this.#readersOf(snapshot)) {
      const part = this.#read(reader, () => reader.resource(id));
      if (part === undefined) continue;
      found = true;
      view.properties.push(...part.properties);
      view.out.push(...part.out);
      view.in.push(...part.in);
    }
    return found ? view : undefined;
  }

  async neighbours(snapshot: Snapshot, ids: readonly string[], query: NeighbourQuery): Promise<Map<string, string[]>> {
    const found = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
    if (ids.length > 0) {
      const unique = [...found.keys()];
      for (const reader of this.#readersOf(snapshot)) {
        const pairs = this.#read(reader, () => reader.neighbours(unique, query.predicate, query.direction, query.includeInferred ?? false));
        for (const [source, target] of pairs) found.get(source)!.add(target);
      }
    }
    return new Map([...found].map(([id, targets]) => [id, [...targets].sort()]));
  }

  async search(snapshot: Snapshot, text: string, options: { limit?: number; offset?: number } = {}): Promise<SearchHit[]> {
    const limit = options.limit ?? defaultSearchLimit;
    const offset = options.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
      throw new OntomeshError('BAD_REQUEST', `search limit and offset must be non-negative integers (got ${limit}, ${offset})`);
    }
    const best = new Map<string, SearchHit>();
    for (const reader of this.#readersOf(snapshot)) {
      for (const hit of this.#read(reader, () => reader.search(text, offset + limit))) {
        const known = best.get(hit.id);
        if (known === undefined || hit.score > known.score) best.set(hit.id, hit);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(offset, offset + limit);
  }

  async *scanFacts(snapshot: Snapshot, scan: FactScan): AsyncIterable<FactElement[]> {
    const inferred = scan.includeInferred ?? false;
    const predicates = [...new Set(scan.predicates)];
    if (predicates.length === 0) return;
    for (const reader of this.#readersOf(snapshot)) {
      for (const page of [reader.edgesAfter.bind(reader), reader.propertiesAfter.bind(reader)]) {
        for (let after = 0; ;) {
          const rows = this.#read(reader, () => page(after, exportSubjectsPerPage, inferred, predicates));
          if (rows.length === 0) break;
          after = rows.at(-1)!.s;
          yield rows.map((row) => row.fact);
          await nextTurn();
        }
      }
    }
  }

  async *exportFacts(graphId: string, options: { version?: number; includeInferred?: boolean } = {}): AsyncIterable<FactElement[]> {
    const key = this.#catalog.key(graphId, options.version);
    if (key === undefined) {
      throw new OntomeshError('NOT_FOUND', options.version === undefined ? `graph ${graphId} has no active version` : `graph ${graphId} has no version ${options.version}`);
    }
    const reader = this.#reader(key);
    const inferred = options.includeInferred ?? false;
    const edges = new PageCursor((after) => this.#read(reader, () => reader.edgesAfter(after, exportSubjectsPerPage, inferred)));
    const props = new PageCursor((after) => this.#read(reader, () => reader.propertiesAfter(after, exportSubjectsPerPage, inferred)));
    // Both cursors run in subject order; merging them keeps each subject's facts together (pretty Turtle).
    for (;;) {
      const upTo = Math.min(edges.lastSubject(), props.lastSubject());
      if (upTo === Infinity) return;
      const batch = mergeBySubject(edges.takeUpTo(upTo), props.takeUpTo(upTo));
      if (batch.length > 0) yield batch;
      await nextTurn();
    }
  }

  async ready(): Promise<boolean> {
    try {
      return this.db.isOpen && this.db.prepare('SELECT 1 AS ok').get()?.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (!this.db.isOpen) return;
    // Rows of unfinished versions become durable; they stay invisible and are collected as crashed later.
    this.transactions.commit();
    for (const key of this.#writing) this.#forgetWriter(key);
    this.db.close();
  }

  #readersOf(snapshot: Snapshot): VersionReader[] {
    let keys = this.#snapshotKeys.get(snapshot);
    if (keys === undefined) {
      keys = snapshot.versions.map(({ graphId, version }) => {
        const key = this.#catalog.key(graphId, version);
        if (key === undefined) throw new OntomeshError('NOT_FOUND', `graph ${graphId} has no version ${version} (pruned?)`);
        return key;
      });
      this.#snapshotKeys.set(snapshot, keys);
    }
    return keys.map((key) => this.#reader(key));
  }

  #reader(key: number): VersionReader {
    let reader = this.#readers.get(key);
    if (reader === undefined) this.#readers.set(key, (reader = new VersionReader(this.db, key)));
    return reader;
  }

  /** Runs a read; a version pruned by another process since the snapshot was taken is NOT_FOUND. */
  #read<T>(reader: VersionReader, read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (/no such table/.test((error as Error).message)) {
        this.#readers.delete(reader.key);
        throw new OntomeshError('NOT_FOUND', `a version read by this request was pruned meanwhile (key ${reader.key}); retry`, {}, {}, { cause: error });
      }
      throw error;
    }
  }

  async #drop(keys: readonly number[]): Promise<void> {
    if (keys.length === 0) return;
    for (const key of keys) this.#readers.delete(key);
    await this.transactions.run(() => {
      for (const key of keys) dropVersionTables(this.db, key);
    });
  }

  #forgetWriter(key: number): void {
    this.#writing.delete(key);
    liveWriters.delete(this.#liveKey(key));
    this.#readers.delete(key);
  }

  #liveKey(key: number): string {
    return `${this.#location}#${key}`;
  }
}

/** Reads pages of facts in subject order and hands them out up to a subject id. */
class PageCursor {
  readonly #next: (after: number) => FactRow[];
  #rows: FactRow[] = [];
  #position = 0;
  #done = false;

  constructor(next: (after: number) => FactRow[]) {
    this.#next = next;
  }

  /** The last subject id of the current page (reading the next page when needed); Infinity at the end. */
  lastSubject(): number {
    if (this.#position === this.#rows.length && !this.#done) {
      const after = this.#rows.at(-1)?.s ?? 0;
      this.#rows = this.#next(after);
      this.#position = 0;
      this.#done = this.#rows.length === 0;
    }
    return this.#done ? Infinity : this.#rows.at(-1)!.s;
  }

  /** The rows of the current page with subject id <= `upTo`. */
  takeUpTo(upTo: number): FactRow[] {
    const start = this.#position;
    while (this.#position < this.#rows.length && this.#rows[this.#position]!.s <= upTo) this.#position++;
    return this.#rows.slice(start, this.#position);
  }
}

/** Merges two runs sorted by subject id; a subject's edges come before its literals. */
function mergeBySubject(edges: readonly FactRow[], props: readonly FactRow[]): FactElement[] {
  const facts: FactElement[] = [];
  let e = 0;
  let p = 0;
  while (e < edges.length || p < props.length) {
    if (p === props.length || (e < edges.length && edges[e]!.s <= props[p]!.s)) facts.push(edges[e++]!.fact);
    else facts.push(props[p++]!.fact);
  }
  return facts;
}
