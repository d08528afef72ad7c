/**
 * Multi-row INSERT: one prepared statement binds a hundred rows at a time, which halves the cost of
 * crossing into SQLite per row; the remainder goes through a one-row statement on flush().
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

const rowsPerStatement = 100;

export class BulkInsert {
  readonly #db: DatabaseSync;
  readonly #sql: string;
  readonly #width: number;
  readonly #args: SQLInputValue[];
  #many: StatementSync | undefined;
  #count = 0;

  /** @param sql `INSERT INTO t (a, b, c)` (without VALUES); `width` is the number of columns. */
  constructor(db: DatabaseSync, sql: string, width: number) {
    this.#db = db;
    this.#sql = sql;
    this.#width = width;
    this.#args = new Array<SQLInputValue>(width * rowsPerStatement);
  }

  /** Appends the next column value; rows are written when a statement's worth has been collected. */
  push(value: SQLInputValue): void {
    this.#args[this.#count++] = value;
    if (this.#count === this.#args.length) {
      this.#many ??= this.#db.prepare(`${this.#sql} VALUES ${`(${'?,'.repeat(this.#width - 1)}?),`.repeat(rowsPerStatement - 1)}(${'?,'.repeat(this.#width - 1)}?)`);
      this.#many.run(...this.#args);
      this.#count = 0;
    }
  }

  /** Writes the rows still collected. */
  flush(): void {
    if (this.#count === 0) return;
    const one = this.#db.prepare(`${this.#sql} VALUES (${'?,'.repeat(this.#width - 1)}?)`);
    for (let start = 0; start < this.#count; start += this.#width) one.run(...this.#args.slice(start, start + this.#width));
    this.#count = 0;
  }
}
