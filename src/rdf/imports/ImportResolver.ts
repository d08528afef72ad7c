/**
 * Where the document of an `owl:imports` IRI is, the way Protégé finds it: through the
 * `catalog-v001.xml` beside the importing file, then the catalogs of the loaded paths (Protégé's
 * active catalog), then the IRI itself when it is a `file:` URL, or an HTTP(S) URL on an allowed
 * host. Ontologies already loaded are matched by IRI before this, by the loader. "Not found" is a
 * value carrying the reasons, so the loader can warn or fail with a precise message.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCatalog, type Catalog } from '../catalog.ts';
import { isAllowedHost } from './fetchRemoteDocument.ts';
import { isFile, pathKind } from './isFile.ts';
import { CATALOG_FILE_NAME } from './listRdfFiles.ts';
import { windowsDrivePath } from './windowsPath.ts';

/** Where an imported document is, or why it could not be found. */
export type Resolution =
  | { kind: 'file'; path: string }
  | { kind: 'remote'; url: string }
  | { kind: 'unresolved'; reasons: string[] };

/** Resolves import IRIs for one load; catalogs beside importing files are read once each. */
export class ImportResolver {
  readonly #rootCatalogs: readonly Catalog[];
  readonly #allowedHosts: readonly string[];
  readonly #folderCatalogs = new Map<string, Promise<Catalog | undefined>>();

  constructor(rootCatalogs: readonly Catalog[], allowedHosts: readonly string[]) {
    this.#rootCatalogs = rootCatalogs;
    this.#allowedHosts = allowedHosts;
  }

  /**
   * Finds the document of `iri` imported by the file `importerPath` (`undefined` when the
   * importer was fetched, which has no folder and so no catalog of its own).
   */
  async resolve(iri: string, importerPath: string | undefined): Promise<Resolution> {
    const reasons: string[] = [];
    const catalogs = await this.#catalogsFor(importerPath);
    for (const catalog of catalogs) {
      const match = catalog.match(iri);
      if (match === undefined) continue;
      const found = await this.locate(match.target, `${match.file}:${match.line} maps it to`);
      if (found.kind !== 'unresolved') return found;
      reasons.push(...found.reasons);
    }
    if (reasons.length === 0) {
      reasons.push(catalogs.length === 0 ? `no ${CATALOG_FILE_NAME} applies` : `no catalog maps it (consulted ${catalogs.map((c) => c.file).join(', ')})`);
    }
    const url = URL.parse(iri);
    if (url?.protocol === 'file:' || url?.protocol === 'http:' || url?.protocol === 'https:') {
      const found = await this.locate(iri);
      if (found.kind !== 'unresolved') return found;
      reasons.push(...found.reasons);
    }
    return { kind: 'unresolved', reasons };
  }

  /**
   * Whether a document location (an absolute path, or a URL) can be loaded: an existing file, or
   * an HTTP(S) URL on an allowed host. `via` (e.g. "catalog.xml maps it to") starts the reason
   * given when it cannot; without it the location is the import IRI itself.
   */
  async locate(target: string, via?: string): Promise<Resolution> {
    const unresolved = (reason: string): Resolution => ({ kind: 'unresolved', reasons: [reason] });
    const url = isAbsolute(target) ? undefined : URL.parse(target);
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
      if (isAllowedHost(url, this.#allowedHosts)) return { kind: 'remote', url: url.href };
      const why = `host ${url.host} is not in allowRemoteImports`;
      return unresolved(via === undefined ? why : `${via} ${url.href}, but ${why}`);
    }
    const path = url === undefined ? target : url?.protocol === 'file:' ? toPath(url) : undefined;
    const kind = path === undefined ? 'unreadable' : await pathKind(path);
    if (path !== undefined && kind === 'file') return { kind: 'file', path };
    // Written on Windows: `C:\…` reads as a URL of scheme c:, `file:///C:/…` as a missing path.
    const windows = kind === 'unreadable' || kind === 'missing' ? windowsDrivePath(path ?? target) : undefined;
    if (windows !== undefined) {
      const why = 'a Windows path that does not exist on this machine';
      return unresolved(via === undefined ? `${windows} is ${why}` : `${via} ${windows}, ${why} (map the IRI to a path relative to the catalog instead)`);
    }
    if (kind === 'unreadable') return unresolved(via === undefined ? `${target} cannot be read` : `${via} ${target}, which cannot be read`);
    const what = kind === 'missing' ? 'does not exist' : kind === 'folder' ? 'is a folder, not a file' : 'is not a regular file';
    return unresolved(via === undefined ? `${kind === 'missing' ? 'file ' : ''}${path} ${what}` : `${via} ${path}, which ${what}`);
  }

  async #catalogsFor(importerPath: string | undefined): Promise<Catalog[]> {
    const own = importerPath === undefined ? undefined : await this.#folderCatalog(dirname(importerPath));
    const catalogs = own ? [own] : [];
    for (const catalog of this.#rootCatalogs) if (catalog.file !== own?.file) catalogs.push(catalog);
    return catalogs;
  }

  #folderCatalog(folder: string): Promise<Catalog | undefined> {
    let catalog = this.#folderCatalogs.get(folder);
    if (!catalog) {
      const file = join(folder, CATALOG_FILE_NAME);
      catalog = isFile(file).then((exists) => (exists ? readCatalog(file) : undefined));
      this.#folderCatalogs.set(folder, catalog);
    }
    return catalog;
  }
}

function toPath(url: URL): string | undefined {
  try {
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}
