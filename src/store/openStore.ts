/**
 * Store URLs to GraphStore adapters (ARCHITECTURE.md, "Public interfaces"): `sqlite:PATH` opens the
 * embedded store; `gremlin://HOST:PORT` and `cosmos://ACCOUNT/DB/GRAPH` the Gremlin adapter, imported
 * only then, so that the embedded path never loads a Gremlin driver.
 */
import { OntomeshError } from '../errors/index.ts';
import type { GraphStore } from '../graph/GraphStore.ts';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/index.ts';

/** The embedded store, used when no URL is given. */
export const defaultStoreUrl = 'sqlite:./data/ontomesh.db';

/**
 * How a store is opened, whatever its URL: the embedded store's wait for another process's write lock,
 * and whether it is opened only to read (a missing file is then an error, never created).
 */
export type StoreOptions = Pick<SqliteStoreOptions, 'lockTimeoutMs' | 'readOnly'>;

/**
 * Opens the store a URL names. A relative SQLite path is relative to the working directory; its folder
 * is created when missing. Credentials of remote stores come from the environment, never the URL.
 * `options` apply to the embedded store only: a remote store has no file lock to wait for, and its
 * credentials say what it may write.
 *
 * @example
 * const store = await openStore('sqlite:./data/ontomesh.db', { lockTimeoutMs: 5_000 });
 * const cosmos = await openStore('cosmos://my-account/mesh/graph');
 */
export async function openStore(url: string | undefined = defaultStoreUrl, options: StoreOptions = {}): Promise<GraphStore> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') {
    // `sqlite:///abs/file.db` (URL style) and `sqlite:/abs/file.db` or `sqlite:rel/file.db` all work.
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new OntomeshError('BAD_REQUEST', `store URL "${url}" names no file: use sqlite:PATH, e.g. ${defaultStoreUrl}`);
    return openSqliteStore(path, options);
  }
  if (scheme === 'gremlin' || scheme === 'cosmos') {
    const { openGremlinStore } = await import('./gremlin/index.ts');
    return openGremlinStore(url);
  }
  throw new OntomeshError(
    'BAD_REQUEST',
    `unknown store URL "${url}": use sqlite:PATH (e.g. ${defaultStoreUrl}), gremlin://HOST:PORT or cosmos://ACCOUNT/DB/GRAPH`,
  );
}
