/** The graph store adapters behind the GraphStore port, chosen by store URL. */
export { defaultStoreUrl, openStore, type StoreOptions } from './openStore.ts';
export { defaultLockTimeoutMs, openSqliteStore, type SqliteStoreOptions } from './sqlite/index.ts';
