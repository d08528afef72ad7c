/** The graph store adapters behind the GraphStore port, chosen by store URL. */
export { defaultStoreUrl, openStore } from './openStore.ts';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/index.ts';
