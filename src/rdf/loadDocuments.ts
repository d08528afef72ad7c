/**
 * Loading ontologies with their `owl:imports` closure, the way Protégé opens them: PATHs are
 * files, folders or catalogs; imports resolve to an already loaded ontology (by ontology IRI or
 * version IRI), through `catalog-v001.xml`, or over HTTP(S) from allowed hosts only. Every
 * document is parsed once (import cycles are harmless) and streamed to the sink; the ontology
 * header is read from the passing quads, never from a document held in memory.
 *
 * Documents are opened breadth first, one level of the imports graph at a time, so that the
 * ontologies named on the command line are known by IRI before any import is resolved.
 */
import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { OntomeshError, type ErrorLocation } from '../errors/index.ts';
import type { RdfFormat } from './formats.ts';
import { cannotRead } from './imports/cannotRead.ts';
import { detectFormat, peekHead, readFileHead } from './imports/documentFormat.ts';
import { expandPaths, type LoadPlan } from './imports/expandPaths.ts';
import { fetchRemoteDocument, type FetchFunction, type RemoteDocument } from './imports/fetchRemoteDocument.ts';
import { ImportResolver, type Resolution } from './imports/ImportResolver.ts';
import { OntologyHeader } from './imports/OntologyHeader.ts';
import type { SkippedFile } from './imports/skippedFiles.ts';
import { parseStream, type ParseOptions, type QuadSink } from './parse.ts';

/** One loaded document. */
export interface SourceDocument {
  /** Absolute path, or URL for a fetched import. */
  location: string;
  format: RdfFormat;
  ontologyIri?: string;
  versionIri?: string;
  /** The `owl:imports` IRIs the document declares. */
  imports: string[];
  /** Location of the document (or catalog given as PATH) it was loaded for; absent for a PATH. */
  importedBy?: string;
  quads: number;
  bytes: number;
}

/** Where the documents' quads go; `document` announces each document before its quads. */
export interface DocumentSink {
  quads(docIndex: number, batch: Quad[]): void | Promise<void>;
  prefix?(prefix: string, iri: string): void;
  document?(docIndex: number, doc: { location: string; format: RdfFormat }): void;
}

/** Running totals of a load, for a progress display. */
export interface LoadProgress {
  /** The document being read. */
  location: string;
  /** Quads parsed so far, all documents together. */
  quads: number;
  /** Bytes read so far, all documents together. */
  bytes: number;
}

export interface LoadDocumentsOptions {
  /** Base IRI of the files named by the PATHs (directly or in a folder); others use their own location. */
  baseIRI?: string;
  /** `error`: an unresolvable import fails the load; `warn`: it is listed in `missing` and the load goes on. */
  missingImports: 'error' | 'warn';
  /** Hosts (`name` or `name:port`) imports may be fetched from; no other network access is made. */
  allowRemoteImports: string[];
  /** Called after every batch of quads and at the end of each document. */
  onProgress?(progress: LoadProgress): void;
  /** The fetch used for allowed remote imports (default: the global fetch). */
  fetch?: FetchFunction;
}

/** An import (or a catalog entry given as PATH) that could not be loaded. */
export interface MissingImport {
  iri: string;
  importedBy: string;
}

export interface LoadDocumentsResult {
  documents: SourceDocument[];
  missing: MissingImport[];
  /** The files of the folders given that were not loaded, with why (README.md, backups, broken links, …). */
  skipped: SkippedFile[];
}

/**
 * Loads the documents named by `paths` and everything they import, streaming each document's
 * quads to `sink` under its index (indexes follow the order documents are opened).
 *
 * @throws OntomeshError `IMPORT_UNRESOLVED` (location: the importing file, the IRI as `term`)
 *   when `missingImports` is `error`; `FILE_NOT_FOUND`, `CATALOG_INVALID`, `RDF_SYNTAX`,
 *   `UNSUPPORTED_FORMAT` from the documents themselves.
 * @example
 * const { documents, missing, skipped } = await loadDocuments(['ontology/'],
 *   { missingImports: 'warn', allowRemoteImports: [] },
 *   { quads: (doc, batch) => builder.add(batch) });
 */
export async function loadDocuments(paths: string[], options: LoadDocumentsOptions, sink: DocumentSink): Promise<LoadDocumentsResult> {
  const plan = await expandPaths(paths);
  const resolver = new ImportResolver(plan.catalogs, options.allowRemoteImports);
  return new ImportsClosure(options, sink, resolver).run(plan);
}

/** Why a document is loaded: who named it, and by which IRI (reported if it cannot be). */
interface Request {
  iri: string;
  importedBy: string;
  /** Line of the catalog entry, for a document listed by a catalog given as PATH. */
  line?: number;
}

interface Pending {
  source: { kind: 'file'; path: string } | { kind: 'remote'; url: string };
  /** Named by a PATH (directly or in a folder): no importer, and the load's base IRI. */
  root: boolean;
  requests: Request[];
}

interface Unresolved extends Request {
  reasons: string[];
}

class ImportsClosure {
  readonly #options: LoadDocumentsOptions;
  readonly #sink: DocumentSink;
  readonly #resolver: ImportResolver;
  readonly #documents: SourceDocument[] = [];
  /** Ontology IRIs and version IRIs of the loaded documents. */
  readonly #byName = new Map<string, number>();
  /** Documents queued or opened, by real path or URL. */
  readonly #known = new Map<string, Pending>();
  readonly #unresolved: Unresolved[] = [];
  readonly #missing: MissingImport[] = [];
  readonly #totals = { quads: 0, bytes: 0 };

  constructor(options: LoadDocumentsOptions, sink: DocumentSink, resolver: ImportResolver) {
    this.#options = options;
    this.#sink = sink;
    this.#resolver = resolver;
  }

  async run(plan: LoadPlan): Promise<LoadDocumentsResult> {
    let level: Pending[] = [];
    for (const path of plan.files) await this.#enqueue(level, { kind: 'file', path }, undefined);
    // A catalog entry names its file: when that file is missing, nothing loaded later can stand in.
    for (const { catalog, entry } of plan.listed) {
      const request = { iri: entry.name, importedBy: catalog.file, line: entry.line };
      const found = await this.#resolver.locate(entry.target, 'the catalog maps it to');
      if (found.kind === 'unresolved') this.#report({ ...request, reasons: found.reasons });
      else await this.#accept(level, found, request);
    }
    while (level.length > 0) {
      const opened: { document: SourceDocument; path?: string }[] = [];
      for (const pending of level) {
        const document = await this.#open(pending);
        if (document) opened.push({ document, ...(pending.source.kind === 'file' && { path: pending.source.path }) });
      }
      level = [];
      for (const { document, path } of opened) {
        for (const iri of document.imports) {
          if (this.#byName.has(iri)) continue;
          await this.#accept(level, await this.#resolver.resolve(iri, path), { iri, importedBy: document.location });
        }
      }
    }
    return { documents: this.#documents, missing: this.#settle(), skipped: plan.skipped };
  }

  async #accept(level: Pending[], resolution: Resolution, request: Request): Promise<void> {
    if (resolution.kind === 'unresolved') this.#unresolved.push({ ...request, reasons: resolution.reasons });
    else if (resolution.kind === 'file') await this.#enqueue(level, { kind: 'file', path: resolution.path }, request);
    else await this.#enqueue(level, { kind: 'remote', url: resolution.url }, request);
  }

  async #enqueue(level: Pending[], source: Pending['source'], request: Request | undefined): Promise<void> {
    const key = source.kind === 'file' ? await realpath(source.path) : source.url;
    const known = this.#known.get(key);
    if (known) {
      if (request) known.requests.push(request);
      return;
    }
    const pending: Pending = { source, root: request === undefined, requests: request ? [request] : [] };
    this.#known.set(key, pending);
    level.push(pending);
  }

  /** Opens and parses one document; `undefined` when a remote import could not be fetched. */
  async #open(pending: Pending): Promise<SourceDocument | undefined> {
    const { source } = pending;
    if (source.kind === 'file') {
      const path = source.path;
      const unreadable = cannotRead(path);
      const format = detectFormat({ file: path, name: path, head: await readFileHead(path).catch(unreadable) });
      const document = this.#announce(path, format, pending);
      const stream = createReadStream(path, { highWaterMark: 1 << 16 });
      const baseIRI = (pending.root ? this.#options.baseIRI : undefined) ?? pathToFileURL(path).href;
      try {
        await this.#parse(document, this.#count(document, stream, unreadable), { format, file: path, baseIRI });
      } finally {
        stream.destroy();
      }
      return document;
    }
    let remote: RemoteDocument;
    try {
      remote = await fetchRemoteDocument(source.url, this.#options.allowRemoteImports, this.#options.fetch ?? globalThis.fetch);
    } catch (error) {
      for (const request of pending.requests) this.#unresolved.push({ ...request, reasons: [(error as Error).message] });
      return undefined;
    }
    if ((this.#known.get(remote.url) ?? pending) !== pending) {
      // Redirected to a document already loaded (or queued) under its own URL: it is that document.
      await remote.body[Symbol.asyncIterator]().return?.();
      return undefined;
    }
    this.#known.set(remote.url, pending);
    const request = pending.requests[0]!;
    const interrupted = (error: unknown): never => {
      throw new OntomeshError('IMPORT_UNRESOLVED', `Reading ${remote.url} failed: ${(error as Error).message}`, { file: request.importedBy, term: request.iri }, {}, { cause: error });
    };
    const peeked = await peekHead(remote.body).catch(interrupted);
    try {
      const format = detectFormat({ file: source.url, name: new URL(remote.url).pathname, head: peeked.head, mediaType: remote.mediaType });
      const document = this.#announce(source.url, format, pending);
      await this.#parse(document, this.#count(document, peeked.body, interrupted), { format, file: source.url, baseIRI: remote.url });
      return document;
    } finally {
      await peeked.close();
    }
  }

  #announce(location: string, format: RdfFormat, pending: Pending): SourceDocument {
    const document: SourceDocument = { location, format, imports: [], quads: 0, bytes: 0 };
    const importedBy = pending.root ? undefined : pending.requests[0]?.importedBy;
    if (importedBy !== undefined) document.importedBy = importedBy;
    this.#documents.push(document);
    this.#sink.document?.(this.#documents.length - 1, { location, format });
    return document;
  }

  async #parse(document: SourceDocument, input: AsyncIterable<Uint8Array>, options: ParseOptions): Promise<void> {
    const index = this.#documents.length - 1;
    const header = new OntologyHeader();
    const sink: QuadSink = {
      quads: (batch) => {
        header.add(batch);
        document.quads += batch.length;
        this.#totals.quads += batch.length;
        this.#progress(document.location);
        return this.#sink.quads(index, batch);
      },
    };
    const prefix = this.#sink.prefix?.bind(this.#sink);
    if (prefix) sink.prefix = prefix;
    await parseStream(input, options, sink);
    const { ontologyIri, versionIri, imports, names } = header.result();
    this.#expectNewOntology(ontologyIri, document);
    if (ontologyIri !== undefined) document.ontologyIri = ontologyIri;
    if (versionIri !== undefined) document.versionIri = versionIri;
    document.imports = imports;
    for (const name of names) if (!this.#byName.has(name)) this.#byName.set(name, index);
    this.#progress(document.location);
  }

  /**
   * Refuses a second document of an ontology already loaded (a stale copy beside the current one, the
   * same ontology saved in two formats): imports of its IRI could resolve to either, and the load would
   * merge both. Protégé refuses it too.
   */
  #expectNewOntology(ontologyIri: string | undefined, document: SourceDocument): void {
    const other = ontologyIri === undefined ? undefined : this.#documents.find((loaded) => loaded.ontologyIri === ontologyIri);
    if (other === undefined) return;
    throw new OntomeshError('BAD_REQUEST', `<${ontologyIri}> is the ontology IRI of both ${other.location} and ${document.location}: load one of them`, { file: document.location, term: ontologyIri });
  }

  /** Counts the bytes read (for progress); a read failure becomes `failed(error)`. */
  async *#count(document: SourceDocument, input: AsyncIterable<Uint8Array>, failed: (error: unknown) => never): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of input) {
        document.bytes += chunk.byteLength;
        this.#totals.bytes += chunk.byteLength;
        yield chunk;
      }
    } catch (error) {
      failed(error);
    }
  }

  #progress(location: string): void {
    this.#options.onProgress?.({ location, quads: this.#totals.quads, bytes: this.#totals.bytes });
  }

  /** Imports still unresolved once everything is loaded (none loaded since has their IRI). */
  #settle(): MissingImport[] {
    for (const unresolved of this.#unresolved) {
      if (!this.#byName.has(unresolved.iri)) this.#report({ ...unresolved, reasons: [...unresolved.reasons, 'no loaded ontology has it as ontology IRI or version IRI'] });
    }
    return this.#missing;
  }

  /** Fails the load on an unresolved import, or lists it as missing. */
  #report({ iri, importedBy, line, reasons }: Unresolved): void {
    if (this.#options.missingImports === 'error') {
      const location: ErrorLocation = { file: importedBy, term: iri };
      if (line !== undefined) location.line = line;
      const what = line === undefined ? 'owl:imports' : 'Catalog entry';
      throw new OntomeshError('IMPORT_UNRESOLVED', `${what} <${iri}> cannot be resolved: ${reasons.join('; ')}`, location);
    }
    if (!this.#missing.some((missing) => missing.iri === iri && missing.importedBy === importedBy)) this.#missing.push({ iri, importedBy });
  }
}
