/**
 * What the PATH arguments of a load stand for. A file is an ontology; a folder is every RDF file
 * under it; a catalog (`catalog-v001.xml`, or any XML file that is an OASIS catalog) is the
 * ontologies it lists. The catalog beside each file or in each folder given, and each catalog
 * given, then resolves the imports of every loaded document, as Protégé's active catalog does.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { OntomeshError } from '../../errors/index.ts';
import { looksLikeCatalog, readCatalog, type Catalog, type CatalogEntry } from '../catalog.ts';
import { cannotRead } from './cannotRead.ts';
import { readFileHead } from './documentFormat.ts';
import { isFile } from './isFile.ts';
import { CATALOG_FILE_NAME, listRdfFiles } from './listRdfFiles.ts';
import type { SkippedFile } from './skippedFiles.ts';

/** The documents and catalogs a list of paths names. */
export interface LoadPlan {
  /** Absolute paths of the ontology files named or found in folders, in order, without repeats. */
  files: string[];
  /** The entries of the catalogs given as paths: each names a document to load. */
  listed: { catalog: Catalog; entry: CatalogEntry }[];
  /** The catalogs that resolve imports for the whole load. */
  catalogs: Catalog[];
  /** The files of the folders given that are not loaded, with why. */
  skipped: SkippedFile[];
}

/**
 * Expands the paths of a load.
 *
 * @throws OntomeshError `FILE_NOT_FOUND` naming a path that does not exist or cannot be read (a
 *   folder that cannot be listed, a file in it that must be read to be recognised), `CATALOG_INVALID`
 *   for a malformed catalog.
 * @example await expandPaths(['ontology/']) // { files: ['/abs/ontology/core.ttl', …], listed: [], catalogs: [Catalog], skipped: [] }
 */
export async function expandPaths(paths: readonly string[]): Promise<LoadPlan> {
  const plan: LoadPlan = { files: [], listed: [], catalogs: [], skipped: [] };
  const files = new Set<string>();
  /** By path: folders given twice, or one inside another, list a file once. */
  const skipped = new Map<string, SkippedFile>();
  const addFile = (file: string) => {
    if (!files.has(file)) plan.files.push(file);
    files.add(file);
  };
  const addCatalog = async (file: string): Promise<Catalog> => {
    const known = plan.catalogs.find((catalog) => catalog.file === file);
    if (known) return known;
    const catalog = await readCatalog(file);
    plan.catalogs.push(catalog);
    return catalog;
  };

  for (const path of paths) {
    const absolute = resolve(path);
    const stats = await stat(absolute).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') cannotRead(path)(error);
      throw new OntomeshError('FILE_NOT_FOUND', `No such file or folder: ${path}`, { file: path }, {}, { cause: error });
    });
    if (stats.isDirectory()) {
      const folderCatalog = join(absolute, CATALOG_FILE_NAME);
      if (await isFile(folderCatalog)) await addCatalog(folderCatalog);
      const listing = await listRdfFiles(absolute);
      for (const file of listing.files) addFile(file);
      for (const file of listing.skipped) skipped.set(file.path, file);
    } else if (await isCatalogFile(absolute)) {
      const catalog = await addCatalog(absolute);
      for (const entry of catalog.entries) plan.listed.push({ catalog, entry });
    } else {
      const besideCatalog = join(dirname(absolute), CATALOG_FILE_NAME);
      if (await isFile(besideCatalog)) await addCatalog(besideCatalog);
      addFile(absolute);
    }
  }
  // A file skipped in a folder but also given by itself is loaded.
  plan.skipped = [...skipped.values()].filter((file) => !files.has(file.path));
  return plan;
}

async function isCatalogFile(path: string): Promise<boolean> {
  if (basename(path) === CATALOG_FILE_NAME) return true;
  return extname(path).toLowerCase() === '.xml' && looksLikeCatalog((await readFileHead(path).catch(cannotRead(path))).text);
}
