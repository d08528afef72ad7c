/**
 * Writes the edges of one version. Most edges become one row in each edge table (`out` and `in`);
 * the entailment closure (inferred edges in the default graph, which the load hands over after the
 * asserted ones) is far larger than the asserted edges on a deep hierarchy (a class has an inferred
 * rdfs:subClassOf edge to each ancestor but its parents), so it is stored as one row per node and
 * predicate, the other ends as a list (`closure_out`, `closure_in`; see schema.ts): a thirtieth of
 * the rows, the same answers to every read (VersionReader expands the lists).
 *
 * Each table is filled in key order, which appends to its B-tree (several times cheaper than inserting
 * at random or indexing afterwards). The asserted edges are all known when the closure starts: both
 * edge tables are written then, and each closure batch (subjects in increasing order, as a load yields
 * them) goes to `closure_out` as it comes, while the read side works out the next one. `closure_in`
 * needs the whole closure and is written at commit. Edges that come in any other order are written at
 * commit. An edge both asserted and inferred is stored once, as asserted; equal edges keep their first
 * occurrence.
 */
import type { DatabaseSync } from 'node:sqlite';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { BulkInsert } from './BulkInsert.ts';
import { DOC, EdgeBuffer, G, INFERRED, O, P, S } from './EdgeBuffer.ts';
import { versionTables } from './schema.ts';

/** Runs a synchronous write as one step of the shared write transaction; `rows` counts towards its commits. */
export type WriteStep = (operation: () => void, rows: number) => Promise<void>;

/** Edge rows written per transaction step, so a long commit still lets reads through. */
const edgeRowsPerStep = 100_000;
/** The key orders of the edge tables and of the closure's lists. */
const outKey = [S, P, O, G];
const inKey = [O, P, S, G];
const closureOutKey = [S, P, O];
const closureInKey = [O, P, S];
const width = 6;

export class EdgeWriter {
  readonly #db: DatabaseSync;
  readonly #tables: ReturnType<typeof versionTables>;
  readonly #step: WriteStep;
  /** Edges stored a row each: the asserted ones, and inferred ones outside the closure's shape. */
  readonly #edges = new EdgeBuffer();
  /** Inferred edges in the default graph: stored as lists. */
  readonly #closure = new EdgeBuffer();
  /**
   * `edges`: only edges so far; `closure`: the edge tables are written and closure batches go to
   * `closure_out` as they come; `commit`: an edge came out of order, everything is written at commit.
   */
  #phase: 'edges' | 'closure' | 'commit' = 'edges';
  /** In phase `closure`: the edges in `out` and `in` order (to drop closure edges also asserted), and how far `out`'s was walked. */
  #written: { out: Uint32Array; in: Uint32Array; next: number; lastSubject: number } | undefined;
  readonly #outRows: BulkInsert;
  readonly #inRows: BulkInsert;
  readonly #closureOutRows: BulkInsert;
  readonly #closureInRows: BulkInsert;
  /** The other ends of the list being built. */
  #list: Int32Array = new Int32Array(1024);

  constructor(db: DatabaseSync, key: number, step: WriteStep) {
    this.#db = db;
    this.#step = step;
    const t = (this.#tables = versionTables(key));
    this.#outRows = new BulkInsert(db, `INSERT OR IGNORE INTO ${t.out} (s, p, o, g, inferred, doc)`, 6);
    this.#inRows = new BulkInsert(db, `INSERT OR IGNORE INTO ${t.in} (o, p, s, g, inferred, doc)`, 6);
    this.#closureOutRows = new BulkInsert(db, `INSERT INTO ${t.closureOut} (s, p, os)`, 3);
    this.#closureInRows = new BulkInsert(db, `INSERT INTO ${t.closureIn} (o, p, ss)`, 3);
  }

  /** Takes a batch of edge rows (FactRows.edges); writes what can be written now. */
  async add(batch: Int32Array): Promise<void> {
    const closureFrom = this.#closure.count;
    const edgesFrom = this.#edges.count;
    this.#split(batch);
    const closureRows = this.#closure.count - closureFrom;
    if (this.#phase === 'closure' && this.#edges.count > edgesFrom) await this.#writeAtCommit();
    if (closureRows === 0 || this.#phase === 'commit') return;
    if (this.#phase === 'edges') await this.#startClosure();
    const order = this.#closure.order(closureOutKey, closureFrom);
    const written = this.#written!;
    const lastSubject = this.#closure.get(order[order.length - 1]!, S);
    if (this.#closure.get(order[0]!, S) <= written.lastSubject) return this.#writeAtCommit();
    await this.#step(() => {
      written.next = this.#writeLists(this.#closureOutRows, order, written.out, written.next, S, O);
    }, order.length);
    written.lastSubject = lastSubject;
  }

  /** Writes what is not written yet; the buffers are let go. */
  async finish(): Promise<void> {
    let assertedIn: Uint32Array;
    if (this.#phase === 'closure') assertedIn = this.#written!.in;
    else {
      const assertedOut = this.#edges.order(outKey).slice();
      await this.#writeSorted(this.#outRows, assertedOut, S, O);
      await this.#step(() => void this.#writeLists(this.#closureOutRows, this.#closure.order(closureOutKey), assertedOut, 0, S, O), this.#closure.count);
      assertedIn = this.#edges.order(inKey);
      await this.#writeSorted(this.#inRows, assertedIn, O, S);
    }
    await this.#step(() => void this.#writeLists(this.#closureInRows, this.#closure.order(closureInKey), assertedIn, 0, O, S), this.#closure.count);
    this.#edges.clear();
    this.#closure.clear();
    this.#written = undefined;
  }

  /** Appends the batch's rows to the closure's buffer or to the other one. */
  #split(batch: Int32Array): void {
    let closure = 0;
    for (let at = 0; at < batch.length; at += width) if (isClosureRow(batch, at)) closure++;
    if (closure === 0) return this.#edges.pushRows(batch);
    if (closure * width === batch.length) return this.#closure.pushRows(batch);
    for (let at = 0; at < batch.length; at += width) (isClosureRow(batch, at) ? this.#closure : this.#edges).pushRows(batch.subarray(at, at + width));
  }

  /** The first closure batch: every edge is here, so both edge tables are written now. */
  async #startClosure(): Promise<void> {
    const out = this.#edges.order(outKey).slice();
    await this.#writeSorted(this.#outRows, out, S, O);
    const incoming = this.#edges.order(inKey).slice();
    await this.#writeSorted(this.#inRows, incoming, O, S);
    this.#written = { out, in: incoming, next: 0, lastSubject: 0 };
    this.#phase = 'closure';
  }

  /** An edge came out of order: what was written goes, and everything is written at commit. */
  async #writeAtCommit(): Promise<void> {
    const t = this.#tables;
    await this.#step(() => this.#db.exec(`DELETE FROM ${t.out}; DELETE FROM ${t.in}; DELETE FROM ${t.closureOut};`), 0);
    this.#phase = 'commit';
    this.#written = undefined;
  }

  /**
   * Writes closure edges (`order`: rows of the closure's buffer sorted by `first`, P, `third`) as one
   * row per (`first`, P) with the list of `third`s, leaving out duplicates and the edges `asserted`
   * (the edge buffer in the same order, walked from `from`) has in the default graph. Returns how far
   * `asserted` was walked.
   */
  #writeLists(insert: BulkInsert, order: Uint32Array, asserted: Uint32Array, from: number, first: number, third: number): number {
    const closure = this.#closure;
    const edges = this.#edges;
    let a = from;
    // The asserted edge at `a`, its key and graph (the key past every row's when there are no more).
    let [af, ap, at, ag] = assertedKey(edges, asserted, a, first, third);
    let list = this.#list;
    let length = 0;
    let f = -1;
    let p = -1;
    for (let i = 0; i <= order.length; i++) {
      const row = order[i];
      const rf = row === undefined ? -1 : closure.get(row, first);
      const rp = row === undefined ? -1 : closure.get(row, P);
      if ((rf !== f || rp !== p) && length > 0) {
        const slot = insert.slot();
        insert.values[slot] = f;
        insert.values[slot + 1] = p;
        insert.values[slot + 2] = `[${list.subarray(0, length).join(',')}]`;
        length = 0;
      }
      if (row === undefined) break;
      f = rf;
      p = rp;
      const t = closure.get(row, third);
      // Asserted edges before this one are passed; an equal one in the default graph makes it a duplicate.
      while (af < f || (af === f && (ap < p || (ap === p && (at < t || (at === t && ag !== 0)))))) [af, ap, at, ag] = assertedKey(edges, asserted, ++a, first, third);
      if ((af === f && ap === p && at === t) || (length > 0 && list[length - 1] === t)) continue;
      if (length === list.length) this.#list = list = grow(list);
      list[length++] = t;
    }
    insert.flush();
    return a;
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

/** An inferred edge in the default graph, as the entailment closure yields them. */
function isClosureRow(rows: Int32Array, at: number): boolean {
  return rows[at + INFERRED] === 1 && rows[at + G] === 0 && rows[at + DOC] === -1;
}

/** The key (`first`, P, `third`) and graph of the edge at `at` in `order`; past the end, a key after every other. */
function assertedKey(edges: EdgeBuffer, order: Uint32Array, at: number, first: number, third: number): [number, number, number, number] {
  if (at >= order.length) return [Infinity, 0, 0, 0];
  const row = order[at]!;
  return [edges.get(row, first), edges.get(row, P), edges.get(row, third), edges.get(row, G)];
}

function grow(list: Int32Array): Int32Array {
  const grown = new Int32Array(list.length * 2);
  grown.set(list);
  return grown;
}
