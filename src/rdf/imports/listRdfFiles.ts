/**
 * The RDF files of a folder, recursively and in a stable order, so that `ontomesh load folder/`
 * loads what Protégé users keep there, and the other files with the reason each is left out:
 * READMEs, build files, backups, hidden files, broken links and other XML or JSON that is not RDF.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { looksLikeCatalog } from '../catalog.ts';
import { formatFromPath, isBlankText, sniffFormat } from '../formats.ts';
import { cannotRead } from './cannotRead.ts';
import { readFileHead } from './documentFormat.ts';
import type { SkippedFile, SkipReason } from './skippedFiles.ts';

/** The name Protégé gives the catalog of a folder. */
export const CATALOG_FILE_NAME = 'catalog-v001.xml';

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const OWL_NS = 'http://www.w3.org/2002/07/owl#';

/** What a folder holds for a load. */
export interface FolderListing {
  /** Absolute paths of the RDF files. */
  files: string[];
  /** The other files, with why each is left out (catalog-v001.xml files, which resolve imports, aside). */
  skipped: SkippedFile[];
}

/**
 * The RDF files under `dir` (hidden entries skipped, symbolic links followed once), sorted by path
 * within each folder, files before sub-folders; and the files skipped, in the same order. Hidden
 * folders are not entered, nor listed as skipped (a checkout's `.git`).
 *
 * @throws OntomeshError `FILE_NOT_FOUND` naming a folder that cannot be listed, or a file whose
 *   content decides whether it is RDF (`.owl`, `.xml`, `.json`) that cannot be read.
 * @example await listRdfFiles('ontology') // { files: ['/abs/ontology/core.ttl', …], skipped: [{ path: '/abs/ontology/README.md', reason: 'not-rdf' }] }
 */
export async function listRdfFiles(dir: string): Promise<FolderListing> {
  const listing: FolderListing = { files: [], skipped: [] };
  await walk(dir, new Set(), listing);
  return listing;
}

async function walk(dir: string, visited: Set<string>, listing: FolderListing): Promise<void> {
  const real = await realpath(dir).catch(cannotRead(dir));
  if (visited.has(real)) return;
  visited.add(real);
  const entries = (await readdir(dir, { withFileTypes: true }).catch(cannotRead(dir)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const folders: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const kind = entry.isSymbolicLink() ? await stat(path).then(kindOf, linkProblem) : kindOf(entry);
    if (entry.name.startsWith('.')) {
      if (kind !== 'dir') listing.skipped.push({ path, reason: 'hidden' });
    } else if (kind === 'dir') folders.push(path);
    else {
      const verdict = kind === 'file' ? await classify(path) : kind === 'other' ? 'not-rdf' : kind;
      if (verdict === 'rdf') listing.files.push(path);
      else if (verdict !== 'folder-catalog') listing.skipped.push({ path, reason: verdict });
    }
  }
  for (const folder of folders) await walk(folder, visited, listing);
}

function kindOf(entry: { isDirectory(): boolean; isFile(): boolean }): 'dir' | 'file' | 'other' {
  return entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
}

/** Why the target of a symbolic link cannot be examined. */
function linkProblem(error: unknown): 'broken-link' | 'unreadable' {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' ? 'broken-link' : 'unreadable';
}

/**
 * Whether a file found in a folder is an RDF document: its extension names an RDF syntax, or for
 * the ambiguous `.owl` and `.xml` its content is RDF or OWL (not a catalog or other XML), and a
 * `.json` file is JSON-LD only when it has an `@context`. Else why not; `folder-catalog` for the
 * catalog-v001.xml that the import resolver reads beside the files it maps.
 */
async function classify(path: string): Promise<'rdf' | 'folder-catalog' | SkipReason> {
  const name = basename(path);
  if (name === CATALOG_FILE_NAME) return 'folder-catalog';
  if (name.endsWith('~') || name.toLowerCase().endsWith('.bak')) return 'backup';
  const extension = extname(path).toLowerCase();
  if (extension !== '.json' && formatFromPath(path) !== undefined) return 'rdf';
  if (extension !== '.owl' && extension !== '.xml' && extension !== '.json') return 'not-rdf';
  const { text, whole } = await readFileHead(path).catch(cannotRead(path));
  if (whole && isBlankText(text)) return 'empty';
  if (extension === '.json') return text.includes('"@context"') ? 'rdf' : 'not-rdf';
  const format = sniffFormat(text);
  if (format !== 'rdfxml' && format !== 'owlxml') return format === undefined ? 'not-rdf' : 'rdf';
  if (looksLikeCatalog(text)) return 'catalog';
  return text.includes(RDF_NS) || text.includes(OWL_NS) ? 'rdf' : 'not-rdf';
}
