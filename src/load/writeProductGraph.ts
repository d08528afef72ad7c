/**
 * Writes the next version of one domain graph of registered products: the facts of the named graphs
 * that stay are copied from the version it is based on, the named graphs that change are written from
 * their new quads. Copied facts go back through RDF (factsToQuads) and the same mapper as new ones, so
 * each registration's blank nodes get skolem ids under its document index in the new version, and two
 * registrations never share one. The version is left uncommitted: the caller commits every graph a
 * registration touches together, or aborts them all.
 */
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { FactElement } from '../graph/elements.ts';
import type { GraphStore, VersionWriter } from '../graph/GraphStore.ts';
import { factsToQuads } from '../graph/graphToRdf.ts';
import { RdfToGraph } from '../graph/RdfToGraph.ts';
import { lineageGraph, registryMeta, type ProductGraph, type RegistrationRecord } from './productRegistry.ts';

/** The next version of one domain graph. */
export interface GraphChange {
  graphId: string;
  /** The active version it replaces (its kept named graphs are copied); undefined for a new graph. */
  base?: ProductGraph;
  /** The registrations of the new version, in document order. */
  registrations: RegistrationRecord[];
  /** Named graphs written from new quads (a registration's descriptor or lineage graph); the quads' own graph is ignored. */
  fresh: Map<string, readonly Quad[]>;
}

/** A written, uncommitted version. */
export interface PreparedVersion {
  graphId: string;
  writer: VersionWriter;
  /** The version it is based on, to check nobody activated another meanwhile. */
  baseVersion: number | undefined;
  /** Facts written. */
  triples: number;
}

/**
 * Writes `change` into a new version of its graph (not committed; aborted on failure).
 *
 * @example
 * const prepared = await writeProductGraph(store, { graphId: 'mesh.sales', base, registrations, fresh });
 * await prepared.writer.commit(emptyStats(prepared.triples));
 */
export async function writeProductGraph(store: GraphStore, change: GraphChange, signal?: AbortSignal): Promise<PreparedVersion> {
  const { graphId, base, registrations, fresh } = change;
  const docOf = new Map<string, number>();
  registrations.forEach((registration, doc) => {
    docOf.set(registration.graph, doc);
    docOf.set(lineageGraph(registration.graph), doc);
  });
  const writer = await store.beginVersion(graphId, registryMeta(registrations));
  const mapper = new RdfToGraph(graphId);
  let triples = 0;
  const write = async (graph: string, quads: readonly Quad[]) => {
    const doc = docOf.get(graph)!;
    await writer.write(mapper.map(quads, doc, registrations[doc]!.source));
    triples += quads.length;
  };
  try {
    if (base !== undefined) {
      for await (const batch of store.exportFacts(graphId, { version: base.version })) {
        signal?.throwIfAborted();
        for (const [graph, facts] of keptFacts(batch, docOf, fresh)) await write(graph, factsToQuads(facts));
      }
    }
    for (const [graph, quads] of fresh) {
      signal?.throwIfAborted();
      const name = DataFactory.namedNode(graph);
      await write(graph, quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, name)));
    }
    return { graphId, writer, baseVersion: base?.version, triples };
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw error;
  }
}

/** The facts of a batch that stay, by named graph: those of registrations kept and not written anew. */
function keptFacts(batch: readonly FactElement[], docOf: ReadonlyMap<string, number>, fresh: ReadonlyMap<string, unknown>): Map<string, FactElement[]> {
  const kept = new Map<string, FactElement[]>();
  for (const fact of batch) {
    const graph = fact.graph;
    if (graph === undefined || !docOf.has(graph) || fresh.has(graph)) continue;
    const facts = kept.get(graph);
    if (facts) facts.push(fact);
    else kept.set(graph, [fact]);
  }
  return kept;
}
