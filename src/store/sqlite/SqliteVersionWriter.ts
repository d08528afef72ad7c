/**
 * Writes one version into its own tables. Strings are interned to integers in memory (the version's
 * dictionary is appended as it grows); literals are appended batch by batch; edges are collected and
 * written in key order at commit, then the indexes and the full-text index are built and the store
 * flips the active pointer.
 */
import type { DatabaseSync } from 'node:sqlite';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { OntomeshError } from '../../errors/index.ts';
import type { GraphElement } from '../../graph/elements.ts';
import type { LoadStats, VersionInfo, VersionMeta, VersionWriter } from '../../graph/GraphStore.ts';
import { textIndexPredicates } from '../../graph/textIndex.ts';
import { BulkInsert } from './BulkInsert.ts';
import { DOC, EdgeBuffer, G, INFERRED, O, P, S } from './EdgeBuffer.ts';
import { createVersionIndexes, versionTables } from './schema.ts';
import type { WriteTransactions } from './WriteTransactions.ts';

/** What a writer needs from its store. */
export interface VersionHost {
  readonly db: DatabaseSync;
  readonly transactions: WriteTransactions;
  /** Marks the version ready (recording stats and meta), activates it and prunes old versions, in one transaction. */
  publish(key: number, stats: LoadStats, meta: VersionMeta): Promise<VersionInfo>;
  /** Drops the version's tables and catalog row. */
  discard(key: number): Promise<void>;
  /** Records that the writer is alive (crashed writers are collected by age and pid). */
  touch(key: number): Promise<void>;
}

/** Edge rows written per transaction step at commit, so a long commit still lets reads through. */
const edgeRowsPerStep = 100_000;
/** Time between liveness marks of a writer. */
const touchEveryMs = 30_000;

export class SqliteVersionWriter implements VersionWriter {
  readonly graphId: string;
  readonly version: number;
  readonly #host: VersionHost;
  readonly #key: number;
  readonly #meta: VersionMeta;
  readonly #terms = new Map<string, number>();
  #edges = new EdgeBuffer();
  readonly #termRows: BulkInsert;
  readonly #propRows: BulkInsert;
  #state: 'open' | 'committing' | 'failed' | 'committed' | 'aborted' = 'open';
  #touchedAt = Date.now();

  /** @param meta recorded as it is at commit, unless commit() is given another */
  constructor(host: VersionHost, key: number, graphId: string, version: number, meta: VersionMeta) {
    this.#host = host;
    this.#meta = meta;
    this.#key = key;
    this.graphId = graphId;
    this.version = version;
    const t = versionTables(key);
    this.#termRows = new BulkInsert(host.db, `INSERT INTO ${t.term} (id, iri)`, 2);
    this.#propRows = new BulkInsert(host.db, `INSERT INTO ${t.prop} (s, p, g, dt, lang, dir, lex, inferred, doc)`, 9);
  }

  async write(batch: readonly GraphElement[]): Promise<void> {
    this.#expectOpen('write to');
    await this.#step(() => this.#append(batch), batch.length);
  }

  async commit(stats: LoadStats, meta: VersionMeta = this.#meta): Promise<VersionInfo> {
    this.#expectOpen('commit');
    this.#state = 'committing';
    try {
      await this.#step(() => {
        this.#termRows.flush();
        this.#propRows.flush();
      }, 0);
      await this.#writeEdges();
      this.#edges = new EdgeBuffer(); // the rows are in the tables now: let the memory go
      const textPredicates = textIndexPredicates.flatMap((iri) => this.#terms.get(iri) ?? []);
      await this.#step(() => createVersionIndexes(this.#host.db, this.#key, textPredicates), 0);
      const info = await this.#host.publish(this.#key, stats, meta);
      this.#state = 'committed';
      return info;
    } catch (error) {
      this.#state = 'failed';
      throw error;
    }
  }

  async abort(): Promise<void> {
    if (this.#state === 'committed' || this.#state === 'aborted') return;
    this.#state = 'aborted';
    await this.#host.discard(this.#key);
  }

  #append(batch: readonly GraphElement[]): void {
    const terms = this.#terms;
    const props = this.#propRows;
    const values = props.values;
    for (const element of batch) {
      if (element.kind === 'vertex') {
        if (!terms.has(element.id)) this.#intern(element.id);
        continue;
      }
      const s = terms.get(element.subject) ?? this.#intern(element.subject);
      const p = terms.get(element.predicate) ?? this.#intern(element.predicate);
      const g = element.graph === undefined ? 0 : (terms.get(element.graph) ?? this.#intern(element.graph));
      if (element.kind === 'edge') {
        this.#edges.push(s, p, terms.get(element.object) ?? this.#intern(element.object), g, element.inferred, element.doc);
        continue;
      }
      const { lexical, datatype, language, direction } = element.value;
      const dt = terms.get(datatype) ?? this.#intern(datatype);
      const at = props.slot();
      values[at] = s;
      values[at + 1] = p;
      values[at + 2] = g;
      values[at + 3] = dt;
      values[at + 4] = language ?? null;
      values[at + 5] = direction ?? null;
      values[at + 6] = lexical;
      values[at + 7] = element.inferred ? 1 : 0;
      values[at + 8] = element.doc;
    }
  }

  #intern(iri: string): number {
    const id = this.#terms.size + 1;
    this.#terms.set(iri, id);
    const at = this.#termRows.slot();
    this.#termRows.values[at] = id;
    this.#termRows.values[at + 1] = iri;
    return id;
  }

  /** Fills both edge tables in key order, a step at a time; equal edges keep their first occurrence. */
  async #writeEdges(): Promise<void> {
    const t = versionTables(this.#key);
    const edges = this.#edges;
    const passes = [
      { insert: new BulkInsert(this.#host.db, `INSERT INTO ${t.out} (s, p, o, g, inferred, doc)`, 6), key: [S, P, O, G], columns: [S, P, O, G, INFERRED, DOC] },
      { insert: new BulkInsert(this.#host.db, `INSERT INTO ${t.in} (o, p, s, g, inferred, doc)`, 6), key: [O, P, S, G], columns: [O, P, S, G, INFERRED, DOC] },
    ];
    for (const { insert, key, columns } of passes) {
      const order = edges.order(key);
      let previous = -1;
      for (let start = 0; start < order.length; start += edgeRowsPerStep) {
        const end = Math.min(start + edgeRowsPerStep, order.length);
        await this.#step(() => {
          for (let i = start; i < end; i++) {
            const row = order[i]!;
            if (previous >= 0 && edges.sameEdge(previous, row)) continue;
            previous = row;
            edges.copy(row, columns, insert.values, insert.slot());
          }
          insert.flush();
        }, end - start);
        await yieldToEventLoop();
      }
    }
  }

  /** One step of the shared write transaction; a failure leaves the writer unusable (abort it). */
  async #step(operation: () => void, rows: number): Promise<void> {
    try {
      await this.#host.transactions.run(operation, { durable: false, rows });
      if (Date.now() - this.#touchedAt > touchEveryMs) {
        this.#touchedAt = Date.now();
        await this.#host.touch(this.#key);
      }
    } catch (error) {
      this.#state = 'failed';
      throw error;
    }
  }

  #expectOpen(action: string): void {
    if (this.#state !== 'open') {
      throw new OntomeshError('INTERNAL', `cannot ${action} version ${this.version} of graph ${this.graphId}: it is ${this.#state}`);
    }
  }
}
