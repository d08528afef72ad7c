/**
 * Multi-row INSERT: one prepared statement binds 256 rows at a time, which cuts the cost of crossing
 * into SQLite per row several times; the remainder goes through a one-row statement on flush(). The
 * caller writes each row's values straight into `values` at the offset slot() returns.
 *
 * @example
 * const rows = new BulkInsert(db, 'INSERT INTO t (a, b)', 2);
 * const at = rows.slot();
 * rows.values[at] = 1;
 * rows.values[at + 1] = 'x';
 * rows.flush();
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

const rowsPerStatement = 256;

export class BulkInsert {
  /** Values of the rows collected so far, row after row. */
  readonly values: SQLInputValue[];
  readonly #db: DatabaseSync;
  readonly #sql: string;
  readonly #width: number;
  #many: StatementSync | undefined;
  #one: StatementSync | undefined;
  #length = 0;

  /** @param sql `INSERT INTO t (a, b, c)` (without VALUES); `width` is the number of columns. */
  constructor(db: DatabaseSync, sql: string, width: number) {
    this.#db = db;
    this.#sql = sql;
    this.#width = width;
    this.values = new Array<SQLInputValue>(width * rowsPerStatement).fill(null);
  }

  /** The offset in `values` where the next row goes; writes the collected rows first when they fill a statement. */
  slot(): number {
    if (this.#length === this.values.length) {
      this.#many ??= this.#db.prepare(`${this.#sql} VALUES ${`${this.#row()},`.repeat(rowsPerStatement - 1)}${this.#row()}`);
      this.#many.run(...this.values);
      this.#length = 0;
    }
    const at = this.#length;
    this.#length += this.#width;
    return at;
  }

  /** Writes the rows still collected. */
  flush(): void {
    if (this.#length === 0) return;
    const one = (this.#one ??= this.#db.prepare(`${this.#sql} VALUES ${this.#row()}`));
    for (let start = 0; start < this.#length; start += this.#width) one.run(...this.values.slice(start, start + this.#width));
    this.#length = 0;
  }

  #row(): string {
    return `(${'?,'.repeat(this.#width - 1)}?)`;
  }
}
