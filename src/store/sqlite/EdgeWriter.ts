/**
 * Writes the edges of one version. Most edges become one row in each edge table (`out` and `in`);
 * the entailment closure (inferred edges in the default graph, which a load hands over after the
 * asserted ones, node by node) is stored as one row per node and predicate with the other ends as a
 * list (`closure_out`, `closure_in`; see schema.ts and README.md), the same answers to every read
 * (VersionReader expands the lists).
 *
 * Each table is filled in key order where it can be, which appends to its B-tree (several times
 * cheaper than inserting at random or indexing afterwards): `out` in sorted runs as edges come (their
 * subjects mostly rise); `in` once the asserted edges are all in (startClosure: a load says so, else
 * the first closure batch does); each closure batch (subjects rising, as a load yields them) to
 * `closure_out` as it comes, while the read side works out the next one; `closure_in`, which needs the
 * whole closure, at commit. Edges that break these orders make everything be written at commit. An
 * edge both asserted and inferred is stored once, as asserted; equal edges keep their first occurrence.
 */
import type { DatabaseSync } from 'node:sqlite';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { BulkInsert } from './BulkInsert.ts';
import { DOC, EdgeBuffer, G, INFERRED, O, P, S } from './EdgeBuffer.ts';
import { versionTables } from './schema.ts';
import { OBJECT, PREDICATE, SUBJECT, TripleColumns } from './TripleColumns.ts';

/** Runs a synchronous write as one step of the shared write transaction; `rows` counts towards its commits. */
export type WriteStep = (operation: () => void, rows: number) => Promise<void>;

/**
 * Asserted edges are appended to `out` in sorted runs of at least this many: a run per batch would cost
 * more statements (and give the B-tree more out-of-order inserts) than it gains.
 */
const outChunk = 1 << 16;
/** Edge rows written per transaction step, so a long commit still lets reads through. */
const edgeRowsPerStep = 100_000;
/** The key orders of the edge tables, and of `closure_in`'s lists (on triples already in subject order). */
const edgeOutKey = [S, P, O, G];
const edgeInKey = [O, P, S, G];
const inKey = [OBJECT, PREDICATE];
const width = 6;

export class EdgeWriter {
  readonly #db: DatabaseSync;
  readonly #tables: ReturnType<typeof versionTables>;
  readonly #step: WriteStep;
  /** Edges stored a row each: the asserted ones, and inferred ones outside the closure's shape. */
  readonly #edges = new EdgeBuffer();
  /**
   * Inferred edges in the default graph, stored as lists. In phase `closure`, the first `#listed` are
   * in `closure_out`, sorted by subject, predicate, object, without duplicates or asserted edges.
   */
  readonly #closure = new TripleColumns();
  #listed = 0;
  /**
   * `edges`: only edges so far (`out` written in runs); `closure`: the edge tables are written and
   * closure batches go to `closure_out` as they come; `commit`: an edge came out of order, everything
   * is written at commit.
   */
  #phase: 'edges' | 'closure' | 'commit' = 'edges';
  /** In phase `edges`: how many of the buffered edges are in `out`. */
  #inOut = 0;
  /** In phase `closure`: the edges in `out` order (to leave out closure edges also asserted) and how far it was walked. */
  #asserted: { order: Uint32Array; next: number } | undefined;
  readonly #outRows: BulkInsert;
  readonly #inRows: BulkInsert;
  readonly #closureOutRows: BulkInsert;
  readonly #closureInRows: BulkInsert;

  constructor(db: DatabaseSync, key: number, step: WriteStep) {
    this.#db = db;
    this.#step = step;
    const t = (this.#tables = versionTables(key));
    this.#outRows = new BulkInsert(db, `INSERT OR IGNORE INTO ${t.out} (s, p, o, g, inferred, doc)`, 6);
    this.#inRows = new BulkInsert(db, `INSERT OR IGNORE INTO ${t.in} (o, p, s, g, inferred, doc)`, 6);
    this.#closureOutRows = new BulkInsert(db, `INSERT INTO ${t.closureOut} (s, p, os)`, 3);
    this.#closureInRows = new BulkInsert(db, `INSERT INTO ${t.closureIn} (o, p, ss)`, 3);
  }

  /** Whether the entailment closure has begun to come (so, in a load, every asserted fact is in). */
  get closureStarted(): boolean {
    return this.#phase !== 'edges';
  }

  /** Takes a batch of edge rows (FactRows.edges); writes what can be written now. */
  async add(batch: Int32Array): Promise<void> {
    const closureFrom = this.#closure.count;
    const edgesFrom = this.#edges.count;
    this.#split(batch);
    if (this.#edges.count > edgesFrom) {
      if (this.#phase === 'edges' && this.#edges.count - this.#inOut >= outChunk) await this.#writeOut();
      else if (this.#phase === 'closure') await this.#writeAtCommit();
    }
    if (this.#closure.count === closureFrom || this.#phase === 'commit') return;
    await this.startClosure();
    const closure = this.#closure;
    closure.sortBySubject(closureFrom);
    const subjects = closure.column(SUBJECT);
    if (this.#listed > 0 && subjects[closureFrom]! <= subjects[this.#listed - 1]!) return this.#writeAtCommit();
    const asserted = this.#asserted!;
    await this.#step(() => {
      asserted.next = this.#writeOutLists(closureFrom, asserted.order, asserted.next);
    }, closure.count - closureFrom);
  }

  /** Writes what is not written yet; the buffers are let go. */
  async finish(): Promise<void> {
    const closure = this.#closure;
    if (this.#phase === 'edges') {
      await this.#writeOut();
      await this.#writeSorted(this.#inRows, this.#edges.order(edgeInKey), O, S);
    } else if (this.#phase === 'commit') {
      const asserted = this.#edges.order(edgeOutKey).slice();
      await this.#writeSorted(this.#outRows, asserted, S, O);
      closure.sortBySubject();
      await this.#step(() => void this.#writeOutLists(0, asserted, 0), closure.count);
      await this.#writeSorted(this.#inRows, this.#edges.order(edgeInKey), O, S);
    }
    // Sorted by subject already: a stable sort by object and predicate orders them for `closure_in`.
    closure.sort(inKey);
    await this.#step(() => this.#writeInLists(), closure.count);
    this.#edges.clear();
    this.#closure.truncate(0);
    this.#asserted = undefined;
  }

  /** Appends the batch's rows to the closure's columns or to the edge buffer. */
  #split(batch: Int32Array): void {
    let closure = 0;
    for (let at = 0; at < batch.length; at += width) if (isClosureRow(batch, at)) closure++;
    if (closure === 0) return this.#edges.pushRows(batch);
    for (let at = 0; at < batch.length; at += width) {
      if (isClosureRow(batch, at)) this.#closure.push(batch[at + S]!, batch[at + P]!, batch[at + O]!);
      else this.#edges.pushRows(batch.subarray(at, at + width));
    }
  }

  /**
   * Every edge is here (and in `out`), only the closure follows (called by a load, else at the first
   * closure batch): `in` is written now.
   */
  async startClosure(): Promise<void> {
    if (this.#phase !== 'edges') return;
    // When `out` is written in one run (up to 65,536 edges), that run's order is every edge's.
    const lastRun = await this.#writeOut();
    const order = lastRun.from === 0 ? lastRun.order : this.#edges.order(edgeOutKey).slice();
    await this.#writeSorted(this.#inRows, this.#edges.order(edgeInKey), O, S);
    this.#asserted = { order, next: 0 };
    this.#phase = 'closure';
  }

  /** Appends the edges not in `out` yet to it, sorted; returns the first of them and their order (a copy). */
  async #writeOut(): Promise<{ from: number; order: Uint32Array }> {
    const from = this.#inOut;
    this.#inOut = this.#edges.count;
    const order = this.#edges.order(edgeOutKey, from).slice();
    await this.#writeSorted(this.#outRows, order, S, O);
    return { from, order };
  }

  /** An edge came out of order: what was written goes, and everything is written at commit. */
  async #writeAtCommit(): Promise<void> {
    const t = this.#tables;
    await this.#step(() => this.#db.exec(`DELETE FROM ${t.out}; DELETE FROM ${t.in}; DELETE FROM ${t.closureOut};`), 0);
    this.#phase = 'commit';
    this.#asserted = undefined;
  }

  /**
   * Writes the closure's triples from `from` on (sorted by subject, predicate, object) to `closure_out`,
   * one row per (subject, predicate) with the list of objects, and keeps them in place without
   * duplicates and without the edges `asserted` (the edge buffer in `out` order, walked from `next`)
   * has in the default graph. Returns how far `asserted` was walked.
   */
  #writeOutLists(from: number, asserted: Uint32Array, next: number): number {
    const closure = this.#closure;
    const [subjects, predicates, objects] = [closure.column(SUBJECT), closure.column(PREDICATE), closure.column(OBJECT)];
    const edges = this.#edges;
    let a = next;
    // The asserted edge at `a`: its key and graph (a key after every other past the end).
    let [as, ap, ao, ag] = assertedKey(edges, asserted, a);
    const lists = new ListWriter(this.#closureOutRows);
    let kept = from;
    for (let i = from; i < closure.count; i++) {
      const s = subjects[i]!;
      const p = predicates[i]!;
      const o = objects[i]!;
      while (as < s || (as === s && (ap < p || (ap === p && (ao < o || (ao === o && ag !== 0)))))) [as, ap, ao, ag] = assertedKey(edges, asserted, ++a);
      if ((as === s && ap === p && ao === o) || !lists.add(s, p, o)) continue;
      closure.set(kept++, s, p, o);
    }
    lists.end();
    closure.truncate(kept);
    this.#listed = kept;
    return a;
  }

  /** Writes the closure's triples (sorted by object, predicate, subject) to `closure_in`, one row per (object, predicate). */
  #writeInLists(): void {
    const closure = this.#closure;
    const [subjects, predicates, objects] = [closure.column(SUBJECT), closure.column(PREDICATE), closure.column(OBJECT)];
    const lists = new ListWriter(this.#closureInRows);
    for (let i = 0; i < closure.count; i++) lists.add(objects[i]!, predicates[i]!, subjects[i]!);
    lists.end();
  }

  /** Writes the rows `order` names to an edge table (columns `first`, P, `third`, G, ...), a step at a time. */
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
}

/** Collects sorted (node, predicate, other end) triples into one row per (node, predicate) with a JSON list of the other ends. */
class ListWriter {
  readonly #insert: BulkInsert;
  #list = new Int32Array(1024);
  #length = 0;
  #node = -1;
  #predicate = -1;

  constructor(insert: BulkInsert) {
    this.#insert = insert;
  }

  /** Adds a triple (in key order); false when it is the one added last (a duplicate). */
  add(node: number, predicate: number, other: number): boolean {
    if (node !== this.#node || predicate !== this.#predicate) {
      this.#write();
      this.#node = node;
      this.#predicate = predicate;
    } else if (this.#list[this.#length - 1] === other) return false;
    if (this.#length === this.#list.length) {
      const grown = new Int32Array(this.#list.length * 2);
      grown.set(this.#list);
      this.#list = grown;
    }
    this.#list[this.#length++] = other;
    return true;
  }

  /** Writes the last row. */
  end(): void {
    this.#write();
    this.#insert.flush();
  }

  #write(): void {
    if (this.#length === 0) return;
    const at = this.#insert.slot();
    this.#insert.values[at] = this.#node;
    this.#insert.values[at + 1] = this.#predicate;
    this.#insert.values[at + 2] = `[${this.#list.subarray(0, this.#length).join(',')}]`;
    this.#length = 0;
  }
}

/** An inferred edge in the default graph, as the entailment closure yields them. */
function isClosureRow(rows: Int32Array, at: number): boolean {
  return rows[at + INFERRED] === 1 && rows[at + G] === 0 && rows[at + DOC] === -1;
}

/** The key (S, P, O) and graph of the edge at `at` in `order`; past the end, a key after every other. */
function assertedKey(edges: EdgeBuffer, order: Uint32Array, at: number): [number, number, number, number] {
  if (at >= order.length) return [Infinity, 0, 0, 0];
  const row = order[at]!;
  return [edges.get(row, S), edges.get(row, P), edges.get(row, O), edges.get(row, G)];
}
