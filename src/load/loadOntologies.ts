/**
 * The load pipeline: the owl:imports closure of the given paths is parsed batch by batch; each batch
 * feeds the OWL view and the entailment closure and is mapped to graph elements that are written to a
 * new version as they come (the parser waits for each write: back-pressure keeps memory flat). At the
 * end the inferred facts are written, the counts computed and the version committed. Any failure
 * aborts the version, so the active one stays served.
 */
import type { Quad } from '@rdfjs/types';
import { OntomeshError } from '../errors/index.ts';
import type { GraphElement } from '../graph/elements.ts';
import type { GraphStore, LoadStats, VersionMeta, VersionWriter } from '../graph/GraphStore.ts';
import { RdfToGraph } from '../graph/RdfToGraph.ts';
import { Entailment, OwlViewBuilder, type EntailedFact, type OwlView } from '../ontology/index.ts';
import { loadDocuments, type SourceDocument } from '../rdf/index.ts';
import { FactSet } from './FactSet.ts';
import { checkGraphId, graphIdFromIri, graphIdFromPath } from './graphId.ts';

const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const owlOntology = 'http://www.w3.org/2002/07/owl#Ontology';
/** Inferred facts are written in batches of this many elements. */
const inferredBatchSize = 10_000;

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

export interface LoadOptions {
  /** Graph id; derived from the root ontology IRI or the first path when absent (see graphId.ts). */
  id?: string;
  baseIRI?: string;
  missingImports: 'error' | 'warn';
  /** Hosts from which owl:imports may be fetched over HTTP(S). */
  allowRemoteImports: string[];
  onProgress?(progress: LoadProgress): void;
  /** Stops the load (the version is aborted) when it fires. */
  signal?: AbortSignal;
  /** Recorded in the version's meta (who or what made it). */
  origin?: string;
}

export interface LoadSummary {
  graphId: string;
  /** The new active version; undefined for a dry run. */
  version?: number;
  stats: LoadStats;
  documents: SourceDocument[];
  missingImports: { iri: string; importedBy: string }[];
  durationMs: number;
}

/**
 * Loads ontologies (files, folders or a Protégé catalog, with their owl:imports closure) into a new
 * version of a graph and activates it. With `store` undefined it is a dry run: everything but the writes.
 *
 * @example
 * const summary = await loadOntologies(store, ['ontology/pizza.owl'], { missingImports: 'warn', allowRemoteImports: [] });
 * console.log(summary.graphId, summary.version, summary.stats.triples);
 */
export async function loadOntologies(store: GraphStore | undefined, paths: string[], options: LoadOptions): Promise<LoadSummary> {
  if (paths.length === 0) throw new OntomeshError('BAD_REQUEST', 'nothing to load: no path given');
  const started = performance.now();
  const load = new LoadRun(store, paths, options);
  try {
    const { documents, missing } = await loadDocuments(
      paths,
      {
        baseIRI: options.baseIRI,
        missingImports: options.missingImports,
        allowRemoteImports: options.allowRemoteImports,
        onProgress: (progress) => load.documentProgress(progress.location, progress.bytes),
      },
      {
        quads: (doc, batch) => load.quads(doc, batch),
        prefix: (prefix, iri) => load.prefix(prefix, iri),
        document: (doc, { location, format }) => load.document(doc, location, format),
      },
    );
    const { version, stats } = await load.finish(documents, missing);
    return { graphId: load.graphId, version, stats, documents, missingImports: missing, durationMs: performance.now() - started };
  } catch (error) {
    await load.abort();
    throw error;
  }
}

/** The state of one load; kept in a class so the per-batch path is plain method calls. */
class LoadRun {
  readonly #store: GraphStore | undefined;
  readonly #options: LoadOptions;
  readonly #fallbackId: string;
  readonly #owl = new OwlViewBuilder();
  readonly #entailment = new Entailment();
  readonly #meta: VersionMeta = { documents: [], prefixes: {}, missingImports: [] };
  /** Batches read before the graph id is known (only while the root document has shown no owl:Ontology yet). */
  #pending: { doc: number; batch: Quad[] }[] | undefined = [];
  #graphId: string | undefined;
  #mapper: RdfToGraph | undefined;
  #writer: VersionWriter | undefined;
  readonly #facts = new FactSet();
  #quads = 0;
  #progress: LoadProgress = { phase: 'read', documents: 0, location: '', quads: 0, bytes: 0 };

  constructor(store: GraphStore | undefined, paths: string[], options: LoadOptions) {
    this.#store = store;
    this.#options = options;
    if (options.id !== undefined) this.#graphId = checkGraphId(options.id);
    this.#fallbackId = graphIdFromPath(paths[0]!) ?? 'graph';
    if (options.origin !== undefined) this.#meta.origin = options.origin;
  }

  get graphId(): string {
    return this.#graphId ?? this.#fallbackId;
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
    this.#options.signal?.throwIfAborted();
    if (this.#pending !== undefined) {
      // The graph id (and with it the skolem scope) comes from the root ontology's IRI: hold the root
      // document's batches until its owl:Ontology shows up (Protégé writes it first) or the document ends.
      if (this.#graphId === undefined) {
        const rootIri = doc === 0 ? ontologyIri(batch) : undefined;
        if (doc === 0 && rootIri === undefined) {
          this.#pending.push({ doc, batch: batch.slice() });
          return;
        }
        this.#graphId = (rootIri && graphIdFromIri(rootIri)) || this.#fallbackId;
      }
      await this.#start();
    }
    await this.#add(doc, batch);
  }

  async finish(documents: SourceDocument[], missing: { iri: string; importedBy: string }[]): Promise<{ version?: number; stats: LoadStats }> {
    if (this.#pending !== undefined) await this.#start();
    this.#meta.documents = documents.map(({ location, format, ontologyIri, versionIri }) => ({ location, format, ontologyIri, versionIri }));
    this.#meta.missingImports = missing;

    this.#report('infer');
    // The closure can be many times the asserted facts: map and write it a batch at a time.
    let inferredFacts = 0;
    let facts: EntailedFact[] = [];
    const flush = async () => {
      inferredFacts += facts.length;
      const elements = this.#mapper!.mapInferred(facts);
      facts = [];
      await this.#writer?.write(elements);
    };
    for (const fact of this.#entailment.inferred()) {
      facts.push(fact);
      if (facts.length === inferredBatchSize) await flush();
    }
    await flush();

    this.#report('commit');
    const stats = loadStats(this.#owl.build(), this.#facts.size, inferredFacts);
    if (this.#writer === undefined) return { stats };
    const info = await this.#writer.commit(stats, this.#meta);
    this.#writer = undefined;
    return { version: info.version, stats };
  }

  async abort(): Promise<void> {
    const writer = this.#writer;
    this.#writer = undefined;
    // The load's own error is the one to report; a failing abort leaves an invisible, uncommitted version.
    await writer?.abort().catch(() => undefined);
  }

  async #start(): Promise<void> {
    const pending = this.#pending ?? [];
    this.#pending = undefined;
    this.#mapper = new RdfToGraph(this.graphId);
    if (this.#store !== undefined) this.#writer = await this.#store.beginVersion(this.graphId, this.#meta);
    for (const { doc, batch } of pending) await this.#add(doc, batch);
  }

  async #add(doc: number, batch: Quad[]): Promise<void> {
    this.#owl.add(batch, doc);
    const elements = this.#mapper!.map(batch, doc, this.#meta.documents[doc]?.location ?? '');
    this.#dedupeAndFeed(elements);
    this.#quads += batch.length;
    this.#report('read');
    await this.#writer?.write(elements);
  }

  /**
   * Drops facts already written (in place: the batch is ours) and hands the new ones to the entailment
   * closure, in graph ids (skolem ids for blank nodes).
   */
  #dedupeAndFeed(elements: GraphElement[]): void {
    const entailment = this.#entailment;
    const facts = this.#facts;
    let kept = 0;
    for (const element of elements) {
      if (element.kind !== 'vertex') {
        if (!facts.add(element)) continue;
        if (element.kind === 'edge') entailment.addEdge(element.subject, element.predicate, element.object);
        else entailment.addLiteralFact(element.subject, element.predicate);
      }
      elements[kept++] = element;
    }
    elements.length = kept;
  }

  #report(phase: LoadProgress['phase']): void {
    if (this.#options.onProgress === undefined) return;
    this.#progress.phase = phase;
    this.#progress.quads = this.#quads;
    this.#options.onProgress(this.#progress);
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
