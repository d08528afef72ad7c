/** The embedded SQLite adapter of the GraphStore port. */
export { defaultLockTimeoutMs, openSqliteStore, type SqliteStoreOptions } from './SqliteGraphStore.ts';
