/**
 * Writes one version into its own tables. Facts come as rows of term ids (FactRows): a load's rows
 * as they are, its dictionary's ids becoming the version's (writeRows); elements interned here first
 * (write). The dictionary and the literals are appended batch by batch, in id and arrival order; the
 * edges go to EdgeWriter (edge tables in key order, the entailment closure as lists). The full-text
 * index is filled from the literal table in chunks of 64 K rows as they come (in a load that reads in
 * a worker thread, while the worker parses); the other indexes are built at commit, and the store
 * flips the active pointer.
 */
import type { DatabaseSync } from 'node:sqlite';
import { OntomeshError } from '../../errors/index.ts';
import type { GraphElement } from '../../graph/elements.ts';
import { ElementsToFactRows, literalWidth, splitLanguageTag, type FactRows } from '../../graph/FactRows.ts';
import type { LoadStats, VersionInfo, VersionMeta, VersionWriter } from '../../graph/GraphStore.ts';
import { textIndexPredicates } from '../../graph/textIndex.ts';
import { BulkInsert } from './BulkInsert.ts';
import { EdgeWriter } from './EdgeWriter.ts';
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
  readonly #edges: EdgeWriter;
  /** Term ids of the text-index predicates, the literal rows written and the last one in the full-text index. */
  readonly #textPredicates: number[] = [];
  #literalCount = 0;
  #textIndexed = 0;
  /** Whether the dictionary and literal indexes exist (they are built once, see #index). */
  #indexed = false;
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
    this.#edges = new EdgeWriter(host.db, key, (operation, rows) => this.#step(operation, rows));
  }

  async write(batch: readonly GraphElement[]): Promise<void> {
    this.#expectOpen('write to', 'elements');
    this.#fromElements ??= new ElementsToFactRows();
    const rows = this.#fromElements.rows(batch);
    await this.#step(() => this.#append(rows), batch.length);
    await this.#edges.add(rows.edges);
    await this.#index();
  }

  async writeRows(batch: FactRows): Promise<void> {
    this.#expectOpen('write to', 'rows');
    await this.#step(() => this.#append(batch), batch.terms.length + batch.literals.length / literalWidth);
    await this.#edges.add(batch.edges);
    await this.#index();
  }

  async assertedWritten(): Promise<void> {
    this.#expectOpen('write to');
    await this.#edges.startClosure();
    await this.#index();
    // The asserted facts' pages go to the WAL now, while a load that reads in a worker works out the
    // closure there, rather than at commit (1M triples: commit's own work 120-150 -> 70-85 ms).
    this.#host.transactions.commit();
  }

  async commit(stats: LoadStats, meta: VersionMeta = this.#meta): Promise<VersionInfo> {
    this.#expectOpen('commit');
    this.#state = 'committing';
    try {
      await this.#edges.finish();
      await this.#step(() => {
        this.#indexText();
        if (!this.#indexed) createVersionIndexes(this.#host.db, this.#key);
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

  /**
   * Adds the literals written so far to the full-text index once a chunk of them is waiting. Once the
   * entailment closure comes, the asserted facts are all in: the literals are indexed then, and the
   * dictionary and literal indexes built, while the closure is being worked out, rather than at commit.
   */
  async #index(): Promise<void> {
    if (!this.#indexed && this.#edges.closureStarted) {
      await this.#step(() => {
        this.#indexText();
        createVersionIndexes(this.#host.db, this.#key);
      }, 0);
      this.#indexed = true;
    } else if (this.#literalCount - this.#textIndexed >= textChunkRows) await this.#step(() => this.#indexText(), 0);
  }

  /** Adds the literals written since the last call to the full-text index. */
  #indexText(): void {
    this.#termRows.flush();
    this.#propRows.flush();
    this.#textIndexed = addToTextIndex(this.#host.db, this.#key, this.#textIndexed, this.#textPredicates);
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
