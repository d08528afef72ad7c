/**
 * The RDF files of a folder, recursively and in a stable order, so that `ontomesh load folder/`
 * loads what Protégé users keep there and skips the rest: catalogs, READMEs, build files and
 * other XML or JSON that is not RDF.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { looksLikeCatalog } from '../catalog.ts';
import { formatFromPath, sniffFormat } from '../formats.ts';
import { cannotRead } from './cannotRead.ts';
import { readFileHead } from './documentFormat.ts';

/** The name Protégé gives the catalog of a folder. */
export const CATALOG_FILE_NAME = 'catalog-v001.xml';

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const OWL_NS = 'http://www.w3.org/2002/07/owl#';

/**
 * Absolute paths of the RDF files under `dir` (hidden entries skipped, symbolic links followed
 * once), sorted by path within each folder, files before sub-folders.
 *
 * @throws OntomeshError `FILE_NOT_FOUND` naming a folder that cannot be listed, or a file whose
 *   content decides whether it is RDF (`.owl`, `.xml`, `.json`) that cannot be read.
 * @example await listRdfFiles('ontology') // ['/abs/ontology/core.ttl', '/abs/ontology/sales/sales.owl']
 */
export async function listRdfFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  await walk(dir, new Set(), files);
  return files;
}

async function walk(dir: string, visited: Set<string>, files: string[]): Promise<void> {
  const real = await realpath(dir).catch(cannotRead(dir));
  if (visited.has(real)) return;
  visited.add(real);
  const entries = (await readdir(dir, { withFileTypes: true }).catch(cannotRead(dir)))
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const folders: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const kind = entry.isSymbolicLink() ? await stat(path).then(kindOf, () => 'other') : kindOf(entry);
    if (kind === 'dir') folders.push(path);
    else if (kind === 'file' && (await isRdfFile(path))) files.push(path);
  }
  for (const folder of folders) await walk(folder, visited, files);
}

function kindOf(entry: { isDirectory(): boolean; isFile(): boolean }): 'dir' | 'file' | 'other' {
  return entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
}

/**
 * Whether a file found in a folder is an RDF document: its extension names an RDF syntax, or
 * for the ambiguous `.owl` and `.xml` its content is RDF or OWL (not a catalog or other XML),
 * and a `.json` file is JSON-LD only when it has an `@context`.
 */
async function isRdfFile(path: string): Promise<boolean> {
  if (basename(path) === CATALOG_FILE_NAME) return false;
  const extension = extname(path).toLowerCase();
  const head = async () => (await readFileHead(path).catch(cannotRead(path))).text;
  if (extension === '.json') return (await head()).includes('"@context"');
  if (formatFromPath(path) !== undefined) return true;
  if (extension !== '.owl' && extension !== '.xml') return false;
  const text = await head();
  const format = sniffFormat(text);
  if (format === 'rdfxml' || format === 'owlxml') return !looksLikeCatalog(text) && (text.includes(RDF_NS) || text.includes(OWL_NS));
  return format !== undefined;
}
