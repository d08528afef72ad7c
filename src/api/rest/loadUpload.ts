/**
 * Loads an upload (receiveUpload.ts) through the one load pipeline, loadOntologies, as a new version
 * of a graph. The documents lie in a temporary folder, but the version's meta, the summary and any
 * error name them as the client did: the store handed to the pipeline renames document locations in
 * the meta it commits (a Proxy, so it stays a full GraphStore whatever the port grows), and errors
 * and the summary are renamed on the way out.
 */
import { realpath } from 'node:fs/promises';
import { OntomeshError } from '../../errors/index.ts';
import type { GraphStore, VersionMeta, VersionWriter } from '../../graph/GraphStore.ts';
import { loadOntologies, type LoadOptions, type LoadSummary } from '../../load/index.ts';
import type { Upload } from './receiveUpload.ts';

/**
 * Loads every document of `upload` (the first is the root: the graph id and base come from it) with
 * their owl:imports resolved among them.
 *
 * @example const summary = await loadUpload(store, upload, { id: 'pizza', missingImports: 'error', allowRemoteImports: [] });
 */
export async function loadUpload(store: GraphStore, upload: Upload, options: LoadOptions): Promise<LoadSummary> {
  const names = new Map<string, string>();
  for (const { path, name } of upload.documents) {
    names.set(path, name);
    names.set(await realpath(path), name);
  }
  const rename = (location: string) => names.get(location) ?? location;
  try {
    const summary = await loadOntologies(renamingStore(store, rename), upload.documents.map((d) => d.path), options);
    return {
      ...summary,
      documents: summary.documents.map((d) => ({ ...d, location: rename(d.location), ...(d.importedBy === undefined ? {} : { importedBy: rename(d.importedBy) }) })),
      missingImports: summary.missingImports.map((m) => ({ ...m, importedBy: rename(m.importedBy) })),
    };
  } catch (error) {
    throw error instanceof OntomeshError ? renamedError(error, names) : error;
  }
}

/** `store`, whose versions commit their meta with document locations renamed. */
function renamingStore(store: GraphStore, rename: (location: string) => string): GraphStore {
  const renameMeta = (meta: VersionMeta): VersionMeta => ({
    ...meta,
    documents: meta.documents.map((d) => ({ ...d, location: rename(d.location) })),
    missingImports: meta.missingImports.map((m) => ({ ...m, importedBy: rename(m.importedBy) })),
  });
  const beginVersion = async (graphId: string, meta: VersionMeta): Promise<VersionWriter> => {
    const writer = await store.beginVersion(graphId, renameMeta(meta));
    return {
      graphId: writer.graphId,
      version: writer.version,
      write: (batch) => writer.write(batch),
      commit: (stats, meta) => writer.commit(stats, meta === undefined ? undefined : renameMeta(meta)),
      abort: () => writer.abort(),
    };
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'beginVersion') return beginVersion;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The error with the temporary paths in its location and message replaced by the names the client gave. */
function renamedError(error: OntomeshError, names: ReadonlyMap<string, string>): OntomeshError {
  let message = error.message;
  for (const [path, name] of [...names].sort(([a], [b]) => b.length - a.length)) message = message.replaceAll(path, name);
  const file = error.location.file === undefined ? undefined : (names.get(error.location.file) ?? error.location.file);
  return new OntomeshError(error.code, message, { ...error.location, ...(file === undefined ? {} : { file }) }, error.details, { cause: error });
}
