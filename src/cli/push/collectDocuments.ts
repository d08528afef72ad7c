/**
 * What `ontomesh push` uploads: an ontology file and its owl:imports closure, resolved the way Protégé
 * resolves it (the catalog beside the file, the other files loaded), parsed completely before anything
 * is sent, so a file caught half-written by an editor's save fails here and is not uploaded. A root file
 * modified between the check and the read (or any file during its read) is reported as changing, so
 * the bytes sent are the bytes checked.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { OntomeshError } from '../../errors/index.ts';
import { graphIdFromIri, graphIdFromPath } from '../../load/index.ts';
import { formatMediaTypes, loadDocuments, type RdfFormat } from '../../rdf/index.ts';

/** A document of the closure, read. */
export interface CollectedDocument {
  /** Absolute path. */
  path: string;
  /** The name it is uploaded under: its path relative to the root file's folder. */
  name: string;
  format: RdfFormat;
  mediaType: string;
  bytes: Buffer;
}

export interface Collected {
  /** The root file first, then its imports. */
  documents: CollectedDocument[];
  /** The graph id `ontomesh load` would give the root file (root ontology IRI, else file name). */
  graphId: string;
  /** Imports that resolved to nothing (only with missingImports 'warn'). */
  missing: { iri: string; importedBy: string }[];
  /** Folders whose files and catalog make up the closure (what --watch watches). */
  folders: string[];
  /** Digest of every document's name and bytes: equal digests, equal uploads. */
  digest: string;
}

/**
 * Resolves and parses `file` with its imports, then reads every document.
 *
 * @throws OntomeshError RDF_SYNTAX (file:line:col), IMPORT_UNRESOLVED, FILE_NOT_FOUND, CATALOG_INVALID as
 *   `ontomesh load` reports them; BAD_REQUEST "changed while it was checked" when a save raced the check.
 * @example const { documents, graphId } = await collectDocuments('pizza.owl', 'error');
 */
export async function collectDocuments(file: string, missingImports: 'error' | 'warn'): Promise<Collected> {
  const rootBefore = await stat(file).catch(() => undefined);
  const { documents, missing } = await loadDocuments([file], { missingImports, allowRemoteImports: [] }, { quads: () => undefined });
  const root = dirname(documents[0]!.location);
  const collected: CollectedDocument[] = [];
  const hash = createHash('sha256');
  for (const document of documents) {
    const path = document.location;
    const before = await stat(path);
    const bytes = await readFile(path);
    const after = await stat(path);
    const parsed = collected.length === 0 ? rootBefore : before;
    if (before.mtimeMs !== after.mtimeMs || before.size !== bytes.length || parsed?.mtimeMs !== after.mtimeMs) {
      throw new OntomeshError('BAD_REQUEST', 'the file changed while it was checked; it is checked again after the save', { file: path });
    }
    const name = relative(root, path).split(sep).join('/');
    hash.update(`${name}\n${bytes.length}\n`).update(bytes);
    collected.push({ path, name: name.startsWith('../') ? path : name, format: document.format, mediaType: formatMediaTypes[document.format], bytes });
  }
  const ontologyIri = documents[0]!.ontologyIri;
  return {
    documents: collected,
    graphId: (ontologyIri && graphIdFromIri(ontologyIri)) || graphIdFromPath(file) || 'graph',
    missing,
    folders: [...new Set([root, ...collected.map((d) => dirname(d.path))])],
    digest: hash.digest('hex'),
  };
}

/** The catalog Protégé keeps beside an ontology, whose changes change the closure. */
export function catalogOf(folder: string): string {
  return join(folder, 'catalog-v001.xml');
}
