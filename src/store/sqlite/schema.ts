/**
 * The SQLite layout. A small catalog (graphs, versions, the active pointer) plus one set of tables per
 * version, named after the version key: a version is written beside the others without touching them,
 * its indexes are built once when it is complete (the full-text index in a few chunks as it is
 * written), and pruning or aborting it is a DROP, not a DELETE of millions of rows.
 *
 * Per version `v<key>`:
 * - `v<key>_term(id, iri)`: the version's dictionary; node ids, predicate and datatype IRIs are
 *   integers everywhere else. Id 0 is the default graph.
 * - `v<key>_out(s, p, o, g, inferred, doc)` and `v<key>_in(o, p, s, g, inferred, doc)`: edges, clustered for
 *   outgoing and incoming walks (both are one range scan).
 * - `v<key>_closure_out(s, p, os)` and `v<key>_closure_in(o, p, ss)`: the entailment closure (inferred
 *   edges in the default graph, document -1), one row per node and predicate with the other ends as a
 *   JSON array of term ids (read with json_each): a deep hierarchy's closure is many times its asserted
 *   edges, and a row per edge in two tables was most of a large load's writes.
 * - `v<key>_prop(s, p, g, dt, lang, dir, lex, inferred, doc)`: literal values, indexed by (s, p).
 * - `v<key>_text`: FTS5 over the literals of the text-index predicates (labels, synonyms, definitions),
 *   its text read from `v<key>_prop`.
 */
import type { DatabaseSync } from 'node:sqlite';
import { OntomeshError } from '../../errors/index.ts';

/** Bumped when the layout changes (layout 1 had no closure tables: see upgradeCatalog). */
export const schemaVersion = 2;

/**
 * Connection settings: WAL so readers never wait for a load, and room for bulk writes. A read-only
 * connection leaves the file's own settings (journal mode, page size) as they are.
 */
export function configure(db: DatabaseSync, { isNew = false, readOnly = false }: { isNew?: boolean; readOnly?: boolean }): void {
  // The page size only takes effect before the first table exists (and before WAL is on).
  if (isNew) db.exec('PRAGMA page_size = 16384');
  if (!readOnly) {
    db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      PRAGMA journal_size_limit = 67108864;
    `);
  }
  db.exec(`
    PRAGMA temp_store = MEMORY;
    PRAGMA cache_size = -65536;
    PRAGMA foreign_keys = OFF;
  `);
}

/** Whether the file has the catalog yet; refuses a file written by a newer layout. */
export function hasCatalog(db: DatabaseSync, location: string): boolean {
  const { user_version: found } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  if (found > schemaVersion) {
    throw new OntomeshError('STORE_UNAVAILABLE', `${location} was written by a newer ontomesh (store layout ${found}, this one reads ${schemaVersion})`);
  }
  return found === schemaVersion;
}

/** Whether the file holds a catalog of an older layout that upgradeCatalog brings up to date. */
export function hasOlderCatalog(db: DatabaseSync): boolean {
  const { user_version: found } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return found > 0 && found < schemaVersion;
}

/**
 * Brings a catalog of layout 1 up to date: its versions kept the closure in the edge tables, so they
 * get empty closure tables and read as they did.
 */
export function upgradeCatalog(db: DatabaseSync): void {
  for (const { key } of db.prepare('SELECT key FROM om_version').all() as { key: number }[]) {
    db.exec(closureTablesSql(key, 'IF NOT EXISTS '));
  }
  db.exec(`PRAGMA user_version = ${schemaVersion}`);
}

/** Creates the catalog (idempotent). */
export function createCatalog(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS om_graph (
      graph_id TEXT PRIMARY KEY,
      active_key INTEGER,
      next_version INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS om_version (
      key INTEGER PRIMARY KEY AUTOINCREMENT,
      graph_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('writing', 'ready')),
      created_at TEXT NOT NULL,
      host TEXT NOT NULL,
      pid INTEGER NOT NULL,
      touched_at INTEGER NOT NULL,
      stats TEXT,
      meta TEXT NOT NULL,
      UNIQUE (graph_id, version)
    );
    PRAGMA user_version = ${schemaVersion};
  `);
}

/** The table names of version `key` (an integer from om_version, never user input). */
export function versionTables(key: number) {
  return {
    term: `v${key}_term`, out: `v${key}_out`, in: `v${key}_in`, closureOut: `v${key}_closure_out`, closureIn: `v${key}_closure_in`,
    prop: `v${key}_prop`, text: `v${key}_text`,
  } as const;
}

/** Matches every table and index of a version and captures its key. */
export const versionObjectName = /^v(\d+)_[a-z_]+$/;

/**
 * Creates the tables a version is written into, and its (empty) full-text index, which is filled as
 * literals come in (addToTextIndex); the other indexes come at commit (createVersionIndexes).
 */
export function createVersionTables(db: DatabaseSync, key: number): void {
  const t = versionTables(key);
  db.exec(`
    CREATE TABLE ${t.term} (id INTEGER PRIMARY KEY, iri TEXT NOT NULL);
    CREATE TABLE ${t.out} (s INTEGER NOT NULL, p INTEGER NOT NULL, o INTEGER NOT NULL, g INTEGER NOT NULL,
      inferred INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (s, p, o, g)) WITHOUT ROWID;
    CREATE TABLE ${t.in} (o INTEGER NOT NULL, p INTEGER NOT NULL, s INTEGER NOT NULL, g INTEGER NOT NULL,
      inferred INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (o, p, s, g)) WITHOUT ROWID;
    ${closureTablesSql(key)}
    CREATE TABLE ${t.prop} (s INTEGER NOT NULL, p INTEGER NOT NULL, g INTEGER NOT NULL, dt INTEGER NOT NULL,
      lang TEXT, dir TEXT, lex TEXT NOT NULL, inferred INTEGER NOT NULL, doc INTEGER NOT NULL);
    CREATE VIRTUAL TABLE ${t.text} USING fts5(lex, s UNINDEXED, p UNINDEXED,
      content = '${t.prop}', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');
  `);
}

function closureTablesSql(key: number, ifNotExists = ''): string {
  const t = versionTables(key);
  return `CREATE TABLE ${ifNotExists}${t.closureOut} (s INTEGER NOT NULL, p INTEGER NOT NULL, os TEXT NOT NULL, PRIMARY KEY (s, p)) WITHOUT ROWID;
    CREATE TABLE ${ifNotExists}${t.closureIn} (o INTEGER NOT NULL, p INTEGER NOT NULL, ss TEXT NOT NULL, PRIMARY KEY (o, p)) WITHOUT ROWID;`;
}

/**
 * Adds the literals after row `after` whose predicate is one of `predicates` (term ids) to the
 * version's full-text index: one INSERT … SELECT per call, so a load fills the index in a few large
 * chunks as the literals come in (no trigger, no row-by-row statement). Returns the last literal row.
 */
export function addToTextIndex(db: DatabaseSync, key: number, after: number, predicates: readonly number[]): number {
  const t = versionTables(key);
  db.prepare(`INSERT INTO ${t.text} (rowid, lex, s, p) SELECT rowid, lex, s, p FROM ${t.prop}
              WHERE rowid > ? AND p IN (SELECT value FROM json_each(?))`).run(after, JSON.stringify(predicates));
  return (db.prepare(`SELECT max(rowid) AS last FROM ${t.prop}`).get()!.last as number | null) ?? 0;
}

/** The indexes of a complete version, each built in one pass (far cheaper than maintaining them row by row). */
export function createVersionIndexes(db: DatabaseSync, key: number): void {
  const t = versionTables(key);
  db.exec(`
    CREATE UNIQUE INDEX ${t.term}_iri ON ${t.term} (iri);
    CREATE INDEX ${t.prop}_sp ON ${t.prop} (s, p);
  `);
}

/** Drops every table of a version (the FTS5 shadow tables go with their virtual table). */
export function dropVersionTables(db: DatabaseSync, key: number): void {
  const t = versionTables(key);
  db.exec(`
    DROP TABLE IF EXISTS ${t.text};
    DROP TABLE IF EXISTS ${t.prop};
    DROP TABLE IF EXISTS ${t.closureIn};
    DROP TABLE IF EXISTS ${t.closureOut};
    DROP TABLE IF EXISTS ${t.in};
    DROP TABLE IF EXISTS ${t.out};
    DROP TABLE IF EXISTS ${t.term};
  `);
}
