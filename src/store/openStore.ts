/**
 * Store URLs to GraphStore adapters (ARCHITECTURE.md, "Public interfaces"): `sqlite:PATH` opens the
 * embedded store; `gremlin://HOST:PORT` and `cosmos://ACCOUNT/DB/GRAPH` the Gremlin adapter, imported
 * only then, so that the embedded path never loads a Gremlin driver.
 */
import { OntomeshError } from '../errors/index.ts';
import type { GraphStore } from '../graph/GraphStore.ts';
import { openSqliteStore } from './sqlite/index.ts';

/** The embedded store, used when no URL is given. */
export const defaultStoreUrl = 'sqlite:./data/ontomesh.db';

/**
 * Opens the store a URL names. A relative SQLite path is relative to the working directory; its folder
 * is created when missing. Credentials of remote stores come from the environment, never the URL.
 *
 * @example
 * const store = await openStore('sqlite:./data/ontomesh.db');
 * const cosmos = await openStore('cosmos://my-account/mesh/graph');
 */
export async function openStore(url: string | undefined = defaultStoreUrl): Promise<GraphStore> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') {
    // `sqlite:///abs/file.db` (URL style) and `sqlite:/abs/file.db` or `sqlite:rel/file.db` all work.
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new OntomeshError('BAD_REQUEST', `store URL "${url}" names no file: use sqlite:PATH, e.g. ${defaultStoreUrl}`);
    return openSqliteStore(path);
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
