/**
 * The read side of a load, everything but the store: the owl:imports closure is parsed batch by batch;
 * each batch is mapped to rows of term ids (one dictionary for the whole load) and feeds the
 * entailment closure; the rows go to a sink, which the caller awaits (back-pressure). Then the
 * closure's facts follow, and the counts (the OWL view's, from the facts the closure holds). Facts
 * stated twice are the sink's to drop (an RDF graph is a set; see FactSet): that work is on the
 * writing side of a load. A read that finds no RDF document, or only documents without a triple, is
 * refused before the sink sees anything: loading it would replace a served graph with an empty one.
 * It runs in the caller's thread or in a worker (readInWorker.ts): its options and results are plain
 * data for that reason, and rows cross threads cheaply.
 */
import type { Quad } from '@rdfjs/types';
import { OntomeshError } from '../errors/index.ts';
import { edgeWidth, literalWidth, type FactRows } from '../graph/FactRows.ts';
import type { LoadStats, VersionMeta } from '../graph/GraphStore.ts';
import { RdfToGraph } from '../graph/RdfToGraph.ts';
import { isSkolem } from '../graph/skolem.ts';
import { Entailment } from '../ontology/index.ts';
import { describeSkipped, loadDocuments, type SkippedFile, type SourceDocument } from '../rdf/index.ts';
import { checkBaseIri } from './baseIri.ts';
import { checkGraphId, graphIdFromIri, graphIdFromPath } from './graphId.ts';

const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const owlOntology = 'http://www.w3.org/2002/07/owl#Ontology';
/** Inferred facts are handed on in batches of about this many. */
const inferredBatchSize = 65_536;

/** Where a load is; reported after every batch (one object, updated in place: copy what you keep). */
export interface LoadProgress {
  phase: 'read' | 'infer' | 'commit';
  /** Documents opened so far. */
  documents: number;
  /** The document being read. */
  location: string;
  /** Asserted quads read so far, all documents together. */
  quads: number;
  /** Bytes of the current document read so far. */
  bytes: number;
}

/** How to read (plain data, so it can cross to a worker). */
export interface ReadOptions {
  /** Graph id; derived from the root ontology IRI or the first path when absent (see graphId.ts). */
  id?: string;
  /** Base IRI of the files the paths name; an absolute IRI (else BAD_REQUEST). */
  baseIRI?: string;
  missingImports: 'error' | 'warn';
  /** Hosts from which owl:imports may be fetched over HTTP(S). */
  allowRemoteImports: string[];
  /** Recorded in the version's meta (who or what made it). */
  origin?: string;
}

/** What the caller of a read watches: progress, and a signal that stops it. */
export interface ReadHooks {
  onProgress?(progress: LoadProgress): void;
  signal?: AbortSignal;
}

/** How a graph id that was not given came about. */
export interface DerivedGraphId {
  /** The IRI of the root document's ontology, when the id was derived from it. */
  rootOntologyIri?: string;
}

/** Where the read side sends what it produces. */
export interface FactSink {
  /**
   * The graph id is known; called once, before the first facts. `derived` is there when no id was
   * given and the id was derived (from the root ontology's IRI, else from the first path).
   */
  begin(graphId: string, derived?: DerivedGraphId): void | Promise<void>;
  /**
   * New facts in the load's term ids, each batch with the terms first used in it: asserted facts
   * first, then inferred ones. The batch is the sink's (its arrays can be kept or transferred).
   */
  rows(batch: FactRows): void | Promise<void>;
  /** Every asserted fact has been handed over; the inferred ones follow. Called once. */
  assertedDone?(): void | Promise<void>;
}

/** What the read side counts. */
export type ReadStats = Omit<LoadStats, 'triples'>;

export interface ReadResult {
  graphId: string;
  /** The version's meta: documents of the imports closure, prefixes, missing imports. */
  meta: VersionMeta;
  /** The counts but `triples`: the distinct facts are counted where duplicates are dropped (FactSet). */
  stats: ReadStats;
  documents: SourceDocument[];
  missingImports: { iri: string; importedBy: string }[];
  /** The files of the folders given that were not loaded, with why. */
  skipped: SkippedFile[];
}

/**
 * Reads ontologies and their imports closure into rows of facts for `sink`.
 *
 * @throws OntomeshError `BAD_REQUEST` for an invalid id or base IRI, and when there is nothing to
 *   load: no RDF document in the paths (an empty folder, one of READMEs), or no triple in the
 *   documents (an empty file); then the sink has seen nothing (`begin` is not called). Else the
 *   errors of loadDocuments (`RDF_SYNTAX`, `FILE_NOT_FOUND`, `IMPORT_UNRESOLVED`, …).
 * @example
 * const result = await readOntologies(['pizza.owl'], { missingImports: 'warn', allowRemoteImports: [] }, {
 *   begin: (graphId) => console.log('graph', graphId),
 *   rows: (batch) => writer.writeRows(batch),
 * });
 */
export async function readOntologies(
  paths: string[],
  options: ReadOptions,
  sink: FactSink,
  hooks: ReadHooks = {},
): Promise<ReadResult> {
  const read = new ReadRun(paths, options, sink, hooks);
  const { documents, missing, skipped } = await loadDocuments(
    paths,
    {
      baseIRI: options.baseIRI,
      missingImports: options.missingImports,
      allowRemoteImports: options.allowRemoteImports,
      onProgress: (progress) => read.documentProgress(progress.location, progress.bytes),
    },
    {
      quads: (doc, batch) => read.quads(doc, batch),
      prefix: (prefix, iri) => read.prefix(prefix, iri),
      document: (doc, { location, format }) => read.document(doc, location, format),
    },
  );
  return read.finish(documents, missing, skipped);
}

/** The state of one read; a class so the per-batch path is plain method calls. */
class ReadRun {
  readonly #paths: readonly string[];
  readonly #sink: FactSink;
  readonly #hooks: ReadHooks;
  readonly #fallbackId: string;
  #entailment: Entailment | undefined;
  readonly #meta: VersionMeta = { documents: [], prefixes: {}, missingImports: [] };
  /** Batches read before the graph id is known (only while the root document has shown no owl:Ontology yet). */
  #pending: { doc: number; batch: Quad[] }[] | undefined = [];
  #graphId: string | undefined;
  /** Set when the graph id was derived rather than given. */
  #derived: DerivedGraphId | undefined;
  #mapper: RdfToGraph | undefined;
  #quads = 0;
  readonly #progress: LoadProgress = { phase: 'read', documents: 0, location: '', quads: 0, bytes: 0 };

  constructor(paths: string[], options: ReadOptions, sink: FactSink, hooks: ReadHooks) {
    this.#paths = paths;
    this.#sink = sink;
    this.#hooks = hooks;
    if (options.id !== undefined) this.#graphId = checkGraphId(options.id);
    if (options.baseIRI !== undefined) checkBaseIri(options.baseIRI);
    this.#fallbackId = graphIdFromPath(paths[0]!) ?? 'graph';
    if (options.origin !== undefined) this.#meta.origin = options.origin;
  }

  document(doc: number, location: string, format: string): void {
    this.#meta.documents[doc] = { location, format };
    this.#progress.documents = Math.max(this.#progress.documents, doc + 1);
    this.#progress.location = location;
    this.#progress.bytes = 0;
  }

  documentProgress(location: string, bytes: number): void {
    this.#progress.location = location;
    this.#progress.bytes = bytes;
  }

  prefix(prefix: string, iri: string): void {
    this.#meta.prefixes[prefix] ??= iri;
  }

  async quads(doc: number, batch: Quad[]): Promise<void> {
    this.#hooks.signal?.throwIfAborted();
    if (this.#pending !== undefined) {
      // The graph id (and with it the skolem scope) comes from the root ontology's IRI: hold the root
      // document's batches until its owl:Ontology shows up (Protégé writes it first) or the document ends.
      if (this.#graphId === undefined) {
        const rootIri = doc === 0 ? ontologyIri(batch) : undefined;
        if (doc === 0 && rootIri === undefined) {
          this.#pending.push({ doc, batch });
          return;
        }
        const fromIri = rootIri && graphIdFromIri(rootIri);
        this.#graphId = fromIri || this.#fallbackId;
        this.#derived = fromIri ? { rootOntologyIri: rootIri } : {};
      }
      await this.#start();
    }
    await this.#add(doc, batch);
  }

  async finish(documents: SourceDocument[], missing: { iri: string; importedBy: string }[], skipped: SkippedFile[]): Promise<ReadResult> {
    this.#expectTriples(documents, skipped);
    if (this.#pending !== undefined) {
      if (this.#graphId === undefined) {
        this.#graphId = this.#fallbackId;
        this.#derived = {};
      }
      await this.#start();
    }
    this.#meta.documents = documents.map(({ location, format, ontologyIri, versionIri }) => ({ location, format, ontologyIri, versionIri }));
    this.#meta.missingImports = missing;

    this.#report('infer');
    await this.#sink.assertedDone?.();
    // The closure can be several times the asserted facts: it is handed on a batch at a time.
    let inferred = 0;
    for (const triples of this.#entailment!.inferredIds(inferredBatchSize)) {
      this.#hooks.signal?.throwIfAborted();
      inferred += triples.length / 3;
      await this.#sink.rows(this.#mapper!.inferredRows(triples));
    }

    this.#report('commit');
    const stats: ReadStats = { inferred, ...this.#entailment!.owlCounts(isSkolem) };
    return { graphId: this.#graphId!, meta: this.#meta, stats, documents, missingImports: missing, skipped };
  }

  /**
   * Refuses a read with nothing in it. No quad has reached the sink then (the first batch would have
   * started it), so a load fails before it begins a version and the active one stays served.
   */
  #expectTriples(documents: readonly SourceDocument[], skipped: readonly SkippedFile[]): void {
    if (documents.length === 0) {
      const leftOut = skipped.length === 0 ? '' : `; skipped: ${describeSkipped(skipped, 5)}`;
      throw new OntomeshError('BAD_REQUEST', `nothing to load: no RDF document in ${listed(this.#paths)} (a folder's files count when their extension or content is an RDF syntax${leftOut})`);
    }
    if (documents.every((document) => document.quads === 0)) {
      const locations = documents.map((document) => document.location);
      throw new OntomeshError('BAD_REQUEST', `nothing to load: ${listed(locations)} ${locations.length === 1 ? 'holds' : 'hold'} no triples`);
    }
  }

  async #start(): Promise<void> {
    const pending = this.#pending ?? [];
    this.#pending = undefined;
    this.#mapper = new RdfToGraph(this.#graphId!);
    this.#entailment = new Entailment(this.#mapper.terms);
    await this.#sink.begin(this.#graphId!, this.#derived);
    for (const { doc, batch } of pending) await this.#add(doc, batch);
  }

  async #add(doc: number, batch: Quad[]): Promise<void> {
    const rows = this.#feed(this.#mapper!.mapRows(batch, doc, this.#meta.documents[doc]?.location ?? ''));
    this.#quads += batch.length;
    this.#report('read');
    await this.#sink.rows(rows);
  }

  /** Hands the batch's facts to the entailment closure (it keeps each once). */
  #feed(rows: FactRows): FactRows {
    const entailment = this.#entailment!;
    const { edges, literals } = rows;
    for (let at = 0; at < edges.length; at += edgeWidth) entailment.addEdgeIds(edges[at]!, edges[at + 1]!, edges[at + 2]!);
    for (let at = 0; at < literals.length; at += literalWidth) entailment.addLiteralFactIds(literals[at]!, literals[at + 1]!);
    return rows;
  }

  #report(phase: LoadProgress['phase']): void {
    if (this.#hooks.onProgress === undefined) return;
    this.#progress.phase = phase;
    this.#progress.quads = this.#quads;
    this.#hooks.onProgress(this.#progress);
  }
}

/** Paths for a message: each one, up to a handful. */
function listed(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).join(', ');
  return paths.length > 5 ? `${shown} and ${paths.length - 5} more` : shown;
}

/** The IRI of an owl:Ontology declared in the default graph of a batch, if any. */
function ontologyIri(batch: readonly Quad[]): string | undefined {
  for (const quad of batch) {
    // The object's value last: a literal's is cut out of its id on each read (N3.js).
    if (quad.predicate.value === rdfType && quad.object.termType === 'NamedNode' && quad.object.value === owlOntology && quad.subject.termType === 'NamedNode' && quad.graph.termType === 'DefaultGraph') {
      return quad.subject.value;
    }
  }
  return undefined;
}
