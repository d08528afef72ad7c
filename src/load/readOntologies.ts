/**
 * The read side of a load, everything but the store: the owl:imports closure is parsed batch by batch;
 * each batch feeds the OWL view, is mapped to rows of term ids (one dictionary for the whole load),
 * loses the facts already seen (an RDF graph is a set) and feeds the entailment closure; the rows go
 * to a sink, which the caller awaits (back-pressure). Then the closure's facts follow, and the counts.
 * It runs in the caller's thread or in a worker (readInWorker.ts): its options and results are plain
 * data for that reason, and rows cross threads cheaply.
 */
import type { Quad } from '@rdfjs/types';
import { edgeWidth, literalWidth, type FactRows } from '../graph/FactRows.ts';
import type { LoadStats, VersionMeta } from '../graph/GraphStore.ts';
import { RdfToGraph } from '../graph/RdfToGraph.ts';
import { Entailment, OwlViewBuilder, type OwlView } from '../ontology/index.ts';
import { loadDocuments, type SourceDocument } from '../rdf/index.ts';
import { FactSet } from './FactSet.ts';
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

/** Where the read side sends what it produces. */
export interface FactSink {
  /** The graph id is known; called once, before the first facts. */
  begin(graphId: string): void | Promise<void>;
  /**
   * New facts in the load's term ids, each batch with the terms first used in it: asserted facts
   * first, then inferred ones. The batch is the sink's (its arrays can be kept or transferred).
   */
  rows(batch: FactRows): void | Promise<void>;
}

export interface ReadResult {
  graphId: string;
  /** The version's meta: documents of the imports closure, prefixes, missing imports. */
  meta: VersionMeta;
  stats: LoadStats;
  documents: SourceDocument[];
  missingImports: { iri: string; importedBy: string }[];
}

/**
 * Reads ontologies and their imports closure into rows of facts for `sink`.
 *
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
  const { documents, missing } = await loadDocuments(
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
  return read.finish(documents, missing);
}

/** The state of one read; a class so the per-batch path is plain method calls. */
class ReadRun {
  readonly #options: ReadOptions;
  readonly #sink: FactSink;
  readonly #hooks: ReadHooks;
  readonly #fallbackId: string;
  readonly #owl = new OwlViewBuilder();
  #entailment: Entailment | undefined;
  readonly #facts = new FactSet();
  readonly #meta: VersionMeta = { documents: [], prefixes: {}, missingImports: [] };
  /** Batches read before the graph id is known (only while the root document has shown no owl:Ontology yet). */
  #pending: { doc: number; batch: Quad[] }[] | undefined = [];
  #graphId: string | undefined;
  #mapper: RdfToGraph | undefined;
  #quads = 0;
  readonly #progress: LoadProgress = { phase: 'read', documents: 0, location: '', quads: 0, bytes: 0 };

  constructor(paths: string[], options: ReadOptions, sink: FactSink, hooks: ReadHooks) {
    this.#options = options;
    this.#sink = sink;
    this.#hooks = hooks;
    if (options.id !== undefined) this.#graphId = checkGraphId(options.id);
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
        this.#graphId = (rootIri && graphIdFromIri(rootIri)) || this.#fallbackId;
      }
      await this.#start();
    }
    await this.#add(doc, batch);
  }

  async finish(documents: SourceDocument[], missing: { iri: string; importedBy: string }[]): Promise<ReadResult> {
    if (this.#pending !== undefined) {
      this.#graphId ??= this.#fallbackId;
      await this.#start();
    }
    this.#meta.documents = documents.map(({ location, format, ontologyIri, versionIri }) => ({ location, format, ontologyIri, versionIri }));
    this.#meta.missingImports = missing;

    this.#report('infer');
    // The closure can be several times the asserted facts: it is handed on a batch at a time.
    let inferred = 0;
    for (const triples of this.#entailment!.inferredIds(inferredBatchSize)) {
      this.#hooks.signal?.throwIfAborted();
      inferred += triples.length / 3;
      await this.#sink.rows(this.#mapper!.inferredRows(triples));
    }

    this.#report('commit');
    const stats = loadStats(this.#owl.build(), this.#facts.size, inferred);
    return { graphId: this.#graphId!, meta: this.#meta, stats, documents, missingImports: missing };
  }

  async #start(): Promise<void> {
    const pending = this.#pending ?? [];
    this.#pending = undefined;
    this.#mapper = new RdfToGraph(this.#graphId!);
    this.#entailment = new Entailment(this.#mapper.terms);
    await this.#sink.begin(this.#graphId!);
    for (const { doc, batch } of pending) await this.#add(doc, batch);
  }

  async #add(doc: number, batch: Quad[]): Promise<void> {
    this.#owl.add(batch, doc);
    const rows = this.#dedupeAndFeed(this.#mapper!.mapRows(batch, doc, this.#meta.documents[doc]?.location ?? ''));
    this.#quads += batch.length;
    this.#report('read');
    await this.#sink.rows(rows);
  }

  /**
   * Drops facts already seen (compacting the rows in place: the batch is ours) and hands the new ones
   * to the entailment closure.
   */
  #dedupeAndFeed(rows: FactRows): FactRows {
    const entailment = this.#entailment!;
    const facts = this.#facts;
    const { edges, literals, lexicals, languages } = rows;
    let kept = 0;
    for (let at = 0; at < edges.length; at += edgeWidth) {
      const s = edges[at]!, p = edges[at + 1]!, o = edges[at + 2]!;
      if (!facts.addEdge(s, p, o, edges[at + 3]!)) continue;
      entailment.addEdgeIds(s, p, o);
      if (kept !== at) edges.copyWithin(kept, at, at + edgeWidth);
      kept += edgeWidth;
    }
    const keptEdges = kept;
    kept = 0;
    for (let row = 0, at = 0; at < literals.length; row++, at += literalWidth) {
      const s = literals[at]!, p = literals[at + 1]!;
      if (!facts.addLiteral(s, p, literals[at + 2]!, literals[at + 3]!, lexicals[row]!, languages[row]!)) continue;
      entailment.addLiteralFactIds(s, p);
      if (kept !== at) {
        literals.copyWithin(kept, at, at + literalWidth);
        lexicals[kept / literalWidth] = lexicals[row]!;
        languages[kept / literalWidth] = languages[row]!;
      }
      kept += literalWidth;
    }
    lexicals.length = languages.length = kept / literalWidth;
    return { ...rows, edges: edges.subarray(0, keptEdges), literals: literals.subarray(0, kept) };
  }

  #report(phase: LoadProgress['phase']): void {
    if (this.#hooks.onProgress === undefined) return;
    this.#progress.phase = phase;
    this.#progress.quads = this.#quads;
    this.#hooks.onProgress(this.#progress);
  }
}

/** The IRI of an owl:Ontology declared in the default graph of a batch, if any. */
function ontologyIri(batch: readonly Quad[]): string | undefined {
  for (const quad of batch) {
    if (quad.object.value === owlOntology && quad.predicate.value === rdfType && quad.subject.termType === 'NamedNode' && quad.graph.termType === 'DefaultGraph') {
      return quad.subject.value;
    }
  }
  return undefined;
}

function loadStats(view: OwlView, triples: number, inferred: number): LoadStats {
  return {
    triples,
    inferred,
    classes: view.classes.size,
    objectProperties: view.objectProperties.size,
    datatypeProperties: view.datatypeProperties.size,
    annotationProperties: view.annotationProperties.size,
    individuals: view.individuals.size,
    ontologies: view.ontologies.length,
  };
}
