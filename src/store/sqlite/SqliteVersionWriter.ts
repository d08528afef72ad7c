/**
 * Writes one version into its own tables. Facts come as rows of term ids (FactRows): a load's rows
 * as they are, its dictionary's ids becoming the version's (writeRows); elements interned here first
 * (write). The dictionary and the literals are appended batch by batch, in id and arrival order.
 * Edges are collected; each edge table is filled in key order, which appends to its B-tree (several
 * times cheaper than inserting at random or indexing afterwards). A load's entailment closure comes
 * after the asserted facts, subject by subject in id order: from its first batch on, each batch,
 * sorted, is merged with the asserted edges of the same subjects into `out` as it comes (in a load
 * that reads in a worker thread, while the worker works out the next batch). Everything else goes
 * to `out`, and everything to `in`, sorted, at commit. The full-text index is filled from the
 * literal table in chunks of 64 K rows as they come (in a worker load, while the worker parses); the
 * other indexes are built at commit, and the store flips the active pointer.
 */
import type { DatabaseSync } from 'node:sqlite';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { OntomeshError } from '../../errors/index.ts';
import type { GraphElement } from '../../graph/elements.ts';
import { ElementsToFactRows, literalWidth, splitLanguageTag, type FactRows } from '../../graph/FactRows.ts';
import type { LoadStats, VersionInfo, VersionMeta, VersionWriter } from '../../graph/GraphStore.ts';
import { textIndexPredicates } from '../../graph/textIndex.ts';
import { BulkInsert } from './BulkInsert.ts';
import { EdgeBuffer, G, INFERRED, O, P, S } from './EdgeBuffer.ts';
import { addToTextIndex, createVersionIndexes, versionTables } from './schema.ts';
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

/** Edge rows written per transaction step, so a long commit still lets reads through. */
const edgeRowsPerStep = 100_000;
/** The key orders of the two edge tables. */
const outKey = [S, P, O, G];
const inKey = [O, P, S, G];
/** Literal rows that wait before they are added to the full-text index in one statement. */
const textChunkRows = 1 << 16;
const textPredicateIris: ReadonlySet<string> = new Set(textIndexPredicates);
/** Time between liveness marks of a writer. */
const touchEveryMs = 30_000;

export class SqliteVersionWriter implements VersionWriter {
  readonly graphId: string;
  readonly version: number;
  readonly #host: VersionHost;
  readonly #key: number;
  readonly #meta: VersionMeta;
  /** Terms in the dictionary table: ids 1 .. #termCount. */
  #termCount = 0;
  /** What write() takes is interned by this; undefined while the writer is given rows. */
  #fromElements: ElementsToFactRows | undefined;
  #input: 'rows' | 'elements' | undefined;
  /** Every edge written, in arrival order, until commit writes them to `in`. */
  readonly #edges = new EdgeBuffer();
  /** Set at the first inferred edge: the asserted edges (rows before it) in `out` order, and how many of them are in `out`. */
  #merge: { asserted: Uint32Array; next: number; lastSubject: number; late: number[] } | undefined;
  /** Term ids of the text-index predicates, the literal rows written and the last one in the full-text index. */
  readonly #textPredicates: number[] = [];
  #literalCount = 0;
  #textIndexed = 0;
  readonly #termRows: BulkInsert;
  readonly #propRows: BulkInsert;
  readonly #outRows: BulkInsert;
  readonly #inRows: BulkInsert;
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
    // Equal edges keep their first occurrence: sorts are stable and merges put the earlier row first.
    this.#outRows = new BulkInsert(host.db, `INSERT OR IGNORE INTO ${t.out} (s, p, o, g, inferred, doc)`, 6);
    this.#inRows = new BulkInsert(host.db, `INSERT OR IGNORE INTO ${t.in} (o, p, s, g, inferred, doc)`, 6);
  }

  async write(batch: readonly GraphElement[]): Promise<void> {
    this.#expectOpen('write to', 'elements');
    this.#fromElements ??= new ElementsToFactRows();
    const rows = this.#fromElements.rows(batch);
    await this.#step(() => this.#append(rows), batch.length);
    await this.#writeEdges(rows.edges);
    await this.#textChunk();
  }

  async writeRows(batch: FactRows): Promise<void> {
    this.#expectOpen('write to', 'rows');
    await this.#step(() => this.#append(batch), batch.terms.length + batch.literals.length / literalWidth);
    await this.#writeEdges(batch.edges);
    await this.#textChunk();
  }

  async commit(stats: LoadStats, meta: VersionMeta = this.#meta): Promise<VersionInfo> {
    this.#expectOpen('commit');
    this.#state = 'committing';
    try {
      await this.#flushEdges();
      await this.#step(() => {
        this.#indexText();
        createVersionIndexes(this.#host.db, this.#key);
      }, 0);
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

  #append(rows: FactRows): void {
    if (rows.firstTerm !== this.#termCount + 1) {
      throw new OntomeshError('INTERNAL', `term ids out of order writing version ${this.version} of ${this.graphId}: batch starts at ${rows.firstTerm}, ${this.#termCount + 1} expected`);
    }
    const termRows = this.#termRows;
    for (const term of rows.terms) {
      const at = termRows.slot();
      termRows.values[at] = ++this.#termCount;
      termRows.values[at + 1] = term;
      if (textPredicateIris.has(term)) this.#textPredicates.push(this.#termCount);
    }
    this.#literalCount += rows.literals.length / literalWidth;
    const { literals, lexicals, languages } = rows;
    const props = this.#propRows;
    const values = props.values;
    for (let row = 0, l = 0; l < literals.length; row++, l += literalWidth) {
      const at = props.slot();
      values[at] = literals[l]!;
      values[at + 1] = literals[l + 1]!;
      values[at + 2] = literals[l + 2]!;
      values[at + 3] = literals[l + 3]!;
      const tag = languages[row]!;
      if (tag === '') {
        values[at + 4] = null;
        values[at + 5] = null;
      } else {
        const { language, direction } = splitLanguageTag(tag);
        values[at + 4] = language!;
        values[at + 5] = direction ?? null;
      }
      values[at + 6] = lexicals[row]!;
      values[at + 7] = literals[l + 4]!;
      values[at + 8] = literals[l + 5]!;
    }
  }

  /** Buffers a batch's edges; from the first inferred one on, merges each batch into `out` (see the header). */
  async #writeEdges(batch: Int32Array): Promise<void> {
    const edges = this.#edges;
    const from = edges.count;
    edges.pushRows(batch);
    if (this.#merge === undefined) {
      let inferred = false;
      for (let at = INFERRED; at < batch.length && !inferred; at += 6) inferred = batch[at] === 1;
      if (!inferred) return;
      this.#merge = { asserted: edges.order(outKey, 0, from).slice(), next: 0, lastSubject: 0, late: [] };
    }
    const merge = this.#merge;
    if (from === edges.count) return;
    const order = edges.order(outKey, from);
    // The batch's subjects must all come after those already in `out`; else it waits for the commit.
    if (edges.get(order[0]!, S) <= merge.lastSubject) {
      merge.late.push(from, edges.count);
      merge.lastSubject = Infinity; // later batches wait too, so equal edges still keep their first occurrence
      return;
    }
    const lastSubject = edges.get(order[order.length - 1]!, S);
    const insert = this.#outRows;
    const { asserted } = merge;
    await this.#step(() => {
      let a = merge.next;
      for (const row of order) {
        while (a < asserted.length && edges.compare(asserted[a]!, row, outKey) <= 0) edges.copy(asserted[a++]!, S, O, insert.values, insert.slot());
        edges.copy(row, S, O, insert.values, insert.slot());
      }
      while (a < asserted.length && edges.get(asserted[a]!, S) <= lastSubject) edges.copy(asserted[a++]!, S, O, insert.values, insert.slot());
      insert.flush();
      merge.next = a;
    }, order.length);
    merge.lastSubject = lastSubject;
  }

  /** Adds the literals written so far to the full-text index once a chunk of them is waiting. */
  async #textChunk(): Promise<void> {
    if (this.#literalCount - this.#textIndexed >= textChunkRows) await this.#step(() => this.#indexText(), 0);
  }

  /** Adds the literals written since the last call to the full-text index. */
  #indexText(): void {
    this.#termRows.flush();
    this.#propRows.flush();
    this.#textIndexed = addToTextIndex(this.#host.db, this.#key, this.#textIndexed, this.#textPredicates);
  }

  /** Writes what `out` lacks, then every edge to `in`, in key order, and lets the buffer go. */
  async #flushEdges(): Promise<void> {
    const edges = this.#edges;
    const merge = this.#merge;
    if (merge === undefined) await this.#writeSorted(this.#outRows, edges.order(outKey), S, O);
    else {
      await this.#writeSorted(this.#outRows, merge.asserted.subarray(merge.next), S, O);
      for (let i = 0; i < merge.late.length; i += 2) await this.#writeSorted(this.#outRows, edges.order(outKey, merge.late[i], merge.late[i + 1]), S, O);
    }
    await this.#writeSorted(this.#inRows, edges.order(inKey), O, S);
    edges.clear();
    this.#merge = undefined;
  }

  /** Writes the rows `order` names to a table (columns `first`, P, `third`, G, ...), a step at a time. */
  async #writeSorted(insert: BulkInsert, order: Uint32Array, first: number, third: number): Promise<void> {
    const edges = this.#edges;
    for (let start = 0; start < order.length; start += edgeRowsPerStep) {
      const end = Math.min(start + edgeRowsPerStep, order.length);
      await this.#step(() => {
        for (let i = start; i < end; i++) edges.copy(order[i]!, first, third, insert.values, insert.slot());
        insert.flush();
      }, end - start);
      await yieldToEventLoop();
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

  #expectOpen(action: string, input?: 'rows' | 'elements'): void {
    if (this.#state !== 'open') {
      throw new OntomeshError('INTERNAL', `cannot ${action} version ${this.version} of graph ${this.graphId}: it is ${this.#state}`);
    }
    if (input === undefined) return;
    if (this.#input !== undefined && this.#input !== input) {
      throw new OntomeshError('INTERNAL', `cannot ${action} version ${this.version} of graph ${this.graphId} with ${input}: it is written with ${this.#input}`);
    }
    this.#input = input;
  }
}
