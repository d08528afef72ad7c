/**
 * The one write transaction of a connection. Bulk appends share a long transaction (committing every
 * few hundred thousand rows: random B-tree pages are then written once per chunk, not once per
 * batch); everything else runs and commits at once. Each operation is a savepoint, so a failing one
 * leaves nothing behind. The write lock of another process is waited for asynchronously, never with
 * SQLite's busy handler, which would block the event loop. On a read-only connection every write is
 * refused before it starts (FORBIDDEN, naming the file), so nothing is changed.
 */
import type { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { OntomeshError } from '../../errors/index.ts';

/** Rows appended before the shared transaction is committed. */
const rowsPerTransaction = 250_000;
const sqliteBusy = 5;

/** Whether a SQLite error is SQLITE_BUSY (any extended code): another connection holds the lock. */
export function isSqliteBusy(error: unknown): boolean {
  return ((error as { errcode?: number }).errcode ?? 0) % 256 === sqliteBusy;
}

export interface WriteOptions {
  /** Commit as soon as the operation is done (default). Bulk appends pass false. */
  durable?: boolean;
  /** Rows the operation appended, counted towards the next commit. */
  rows?: number;
}

export class WriteTransactions {
  /** The connection is read-only: run() refuses, runIfFree() does nothing. */
  readonly readOnly: boolean;
  readonly #db: DatabaseSync;
  readonly #location: string;
  readonly #lockTimeoutMs: number;
  #pendingRows = 0;

  constructor(db: DatabaseSync, location: string, lockTimeoutMs: number, readOnly = false) {
    this.readOnly = readOnly;
    this.#db = db;
    this.#location = location;
    this.#lockTimeoutMs = lockTimeoutMs;
  }

  /** Runs `operation` (synchronous) inside the write transaction, opening it first when needed. */
  async run<T>(operation: () => T, { durable = true, rows = 0 }: WriteOptions = {}): Promise<T> {
    if (this.readOnly) {
      throw new OntomeshError('FORBIDDEN', `the store ${this.#location} is read-only (this process may not write the file or its folder): nothing was changed`);
    }
    await this.#begin();
    const db = this.#db;
    db.exec('SAVEPOINT om_operation');
    let result: T;
    try {
      result = operation();
      db.exec('RELEASE om_operation');
    } catch (error) {
      db.exec('ROLLBACK TO om_operation');
      db.exec('RELEASE om_operation');
      throw error;
    }
    this.#pendingRows += rows;
    if (durable || this.#pendingRows >= rowsPerTransaction) this.commit();
    return result;
  }

  /** Like run(), but only when the write lock is free right now; undefined otherwise. */
  async runIfFree<T>(operation: () => T): Promise<T | undefined> {
    if (this.readOnly) return undefined;
    if (!this.#db.isTransaction && !this.#tryBegin()) return undefined;
    return this.run(operation);
  }

  /** Commits whatever the shared transaction holds. */
  commit(): void {
    if (this.#db.isTransaction) this.#db.exec('COMMIT');
    this.#pendingRows = 0;
  }

  async #begin(): Promise<void> {
    const deadline = Date.now() + this.#lockTimeoutMs;
    for (let wait = 5; !this.#db.isTransaction && !this.#tryBegin(); wait = Math.min(wait * 2, 200)) {
      if (Date.now() >= deadline) {
        throw new OntomeshError(
          'STORE_UNAVAILABLE',
          `${this.#location} stayed locked by another process's write (a load, activate or mesh register) for more than ${this.#lockTimeoutMs / 1000} s: nothing was changed; retry once that write is done`,
        );
      }
      await sleep(wait);
    }
  }

  /** Takes the write lock (SQLite's own busy wait is kept short, see openSqliteStore); false when busy. */
  #tryBegin(): boolean {
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      return true;
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      return false;
    }
  }
}
