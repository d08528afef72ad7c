/** The embedded SQLite adapter of the GraphStore port. */
export { openSqliteStore, type SqliteStoreOptions } from './SqliteGraphStore.ts';
