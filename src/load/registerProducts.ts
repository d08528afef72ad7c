/**
 * Registering data-product and data-contract descriptors (`ontomesh mesh register`, `PUT /products/{id}`).
 *
 * Every descriptor is imported and validated first (src/mesh); nothing is written unless all are valid.
 * Each becomes one registration, keyed by its kind and id (productRegistry.ts), in the graph of its
 * domain. The next version of a domain graph is its previous facts minus the named graphs of the
 * registrations replaced (or moved to another domain), plus the new ones; lineage across registrations
 * is recomputed for the whole mesh and rewritten where it changed, in whichever domain graph it lives.
 * All touched graphs are written first and committed together at the end; a failure before that aborts
 * them all, so the served versions stay as they were.
 *
 * Registrations in one process run one at a time. Another process registering into the same graph
 * meanwhile is detected before the commit (the active version moved) and the registration starts over.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { OntomeshError } from '../errors/index.ts';
import type { GraphStore, LoadStats } from '../graph/GraphStore.ts';
import { importDescriptor, type DescriptorInput, type ImportResult, type ReferenceReader } from '../mesh/index.ts';
import {
  lineageGraph, PRODUCT_GRAPH_PREFIX, productGraphId, readProductGraphs, registrationGraph, registrationId, registrationsOf,
  type ProductGraph, type RegistrationKind, type RegistrationRecord,
} from './productRegistry.ts';
import { crossLineage, sameLineage } from './registrationLineage.ts';
import { writeProductGraph, type GraphChange, type PreparedVersion } from './writeProductGraph.ts';

export interface RegisterOptions {
  /** When set, the (single) descriptor must register as this kind and id (`PUT /products/{id}`). */
  expect?: { kind: RegistrationKind; id: string };
  /** Stops the registration (everything written is aborted) when it fires. */
  signal?: AbortSignal;
}

/** What one descriptor was registered as. */
export interface RegisteredDescriptor {
  kind: RegistrationKind;
  id: string;
  source: string;
  format: RegistrationRecord['format'];
  graphId: string;
  version: number;
  /** IRIs of its products and contracts. */
  products: string[];
  contracts: string[];
  /** True when it replaced an earlier registration of the same kind and id. */
  replaced: boolean;
  warnings: string[];
}

export interface RegisterSummary {
  registrations: RegisteredDescriptor[];
  /** Every graph given a new version (the domains registered into, and those whose lineage changed). */
  graphs: { graphId: string; version: number; triples: number }[];
  durationMs: number;
}

/** A descriptor imported and placed, before anything is written. */
interface Incoming {
  record: RegistrationRecord;
  graphId: string;
  quads: Quad[];
  warnings: string[];
}

/** How often a registration starts over when another process changed a graph it was writing. */
const maxAttempts = 3;
const prov = 'http://www.w3.org/ns/prov#';
/** Registrations of one store run one at a time in this process. */
const queues = new WeakMap<GraphStore, Promise<unknown>>();

/**
 * Registers descriptors into the store: validates all, then writes the new versions of the domain
 * graphs they touch and activates them.
 *
 * @throws OntomeshError DESCRIPTOR_INVALID, SHACL_VIOLATION, RDF_SYNTAX, UNSUPPORTED_FORMAT (naming the file
 *   and field), BAD_REQUEST (two descriptors with one id, an id other than `expect`, a domain graph that
 *   holds ontologies); the store's errors. Nothing is activated when it throws before committing.
 * @example
 * const summary = await registerProducts(store, [{ file: 'orders.odps.yaml', content }]);
 * console.log(summary.registrations[0].id, summary.graphs);
 */
export async function registerProducts(store: GraphStore, descriptors: readonly DescriptorInput[], options: RegisterOptions = {}): Promise<RegisterSummary> {
  if (descriptors.length === 0) throw new OntomeshError('BAD_REQUEST', 'nothing to register: no descriptor given');
  const started = performance.now();
  const incoming = await importAll(descriptors, options.signal);
  checkIds(incoming, options.expect);

  const previous = queues.get(store) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => registerWithRetries(store, incoming, options.signal));
  queues.set(store, run);
  const { registrations, graphs } = await run;
  return { registrations, graphs, durationMs: performance.now() - started };
}

/**
 * Imports every descriptor. A file another descriptor read through `$ref` (a DPDS API definition in the
 * same folder) is a part of that one, not a descriptor: it is left out, whether it imports or not.
 * Otherwise the first failure, in the order given, is thrown.
 */
async function importAll(descriptors: readonly DescriptorInput[], signal: AbortSignal | undefined): Promise<Incoming[]> {
  const referenced = new Set<string>();
  const outcomes: { file: string; incoming?: Incoming; error?: unknown }[] = [];
  for (const descriptor of descriptors) {
    signal?.throwIfAborted();
    const readReference = descriptor.readReference ?? folderReader(descriptor.file, referenced);
    try {
      outcomes.push({ file: descriptor.file, incoming: place(descriptor.file, await importDescriptor({ ...descriptor, readReference })) });
    } catch (error) {
      outcomes.push({ file: descriptor.file, error });
    }
  }
  const kept = outcomes.filter(({ file }) => !referenced.has(resolve(file)));
  const failed = kept.find((outcome) => outcome.incoming === undefined);
  if (failed) throw failed.error;
  return kept.map((outcome) => outcome.incoming!);
}

/** Reads the files a descriptor references, only inside its folder (as src/mesh does), noting each. */
function folderReader(file: string, referenced: Set<string>): ReferenceReader {
  const folder = dirname(resolve(file));
  return async (path) => {
    if (!path.startsWith(`${folder}${sep}`)) throw new OntomeshError('FORBIDDEN', 'the file is outside the descriptor\'s folder', { file: path });
    referenced.add(path);
    return readFile(path, 'utf8');
  };
}

/** Where an imported descriptor goes: its kind, id, named graph and domain graph. */
function place(file: string, imported: ImportResult): Incoming {
  const primary = imported.products[0] ?? imported.contracts[0];
  if (primary === undefined) {
    throw new OntomeshError('DESCRIPTOR_INVALID', 'the descriptor describes no data product and no data contract: there is nothing to register', { file });
  }
  const kind: RegistrationKind = imported.products.length > 0 ? 'product' : 'contract';
  const id = registrationId(primary.iri);
  const record: RegistrationRecord = {
    kind,
    id,
    graph: registrationGraph(kind, id),
    source: file,
    format: imported.format,
    registeredAt: new Date().toISOString(),
    products: imported.products.map((p) => ({
      iri: p.iri,
      inputPorts: p.inputPorts.map((port) => ({ iri: port.iri, contracts: port.contracts })),
      outputPorts: p.outputPorts.map((port) => ({ iri: port.iri, contracts: port.contracts })),
    })),
    contracts: imported.contracts.map((c) => c.iri),
    lineage: [],
  };
  return { record, graphId: productGraphId(primary.domain?.id), quads: imported.quads, warnings: imported.warnings };
}

function checkIds(incoming: readonly Incoming[], expect: RegisterOptions['expect']): void {
  const seen = new Map<string, string>();
  for (const { record } of incoming) {
    const key = `${record.kind} ${record.id}`;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new OntomeshError('BAD_REQUEST', `${other} and ${record.source} both register the ${record.kind} "${record.id}"`, { file: record.source, term: record.id });
    }
    seen.set(key, record.source);
    if (expect !== undefined && (expect.kind !== record.kind || expect.id !== record.id)) {
      throw new OntomeshError('BAD_REQUEST',
        `the descriptor registers the ${record.kind} "${record.id}", not the ${expect.kind} "${expect.id}" (the id is the last segment of its IRI)`,
        { file: record.source, term: record.id });
    }
  }
}

async function registerWithRetries(store: GraphStore, incoming: readonly Incoming[], signal: AbortSignal | undefined): Promise<Omit<RegisterSummary, 'durationMs'>> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await registerOnce(store, incoming, signal);
    if (outcome !== 'moved') return outcome;
    if (attempt === maxAttempts) {
      throw new OntomeshError('STORE_UNAVAILABLE', `other writers kept changing the product graphs; the registration was given up after ${maxAttempts} attempts (nothing was changed)`);
    }
  }
}

/** One attempt: 'moved' when another writer activated a version of a graph this one was writing. */
async function registerOnce(store: GraphStore, incoming: readonly Incoming[], signal: AbortSignal | undefined): Promise<Omit<RegisterSummary, 'durationMs'> | 'moved'> {
  const existing = await readProductGraphs(store);
  await refuseOntologyGraphs(store, incoming, existing);
  const changes = planChanges(existing, incoming);
  const prepared: PreparedVersion[] = [];
  try {
    for (const change of changes) prepared.push(await writeProductGraph(store, change, signal));
    for (const { graphId, baseVersion } of prepared) {
      if ((await store.versions(graphId)).find((v) => v.active)?.version !== baseVersion) {
        await abortAll(prepared);
        return 'moved';
      }
    }
    signal?.throwIfAborted();
    const graphs: RegisterSummary['graphs'] = [];
    while (prepared.length > 0) {
      const { writer, triples } = prepared[0]!;
      const info = await writer.commit(productStats(triples));
      prepared.shift();
      graphs.push({ graphId: info.graphId, version: info.version, triples });
    }
    const versionOf = new Map(graphs.map((g) => [g.graphId, g.version]));
    const previous = new Set(existing.flatMap((g) => g.registrations.map((r) => `${r.kind} ${r.id}`)));
    return {
      graphs,
      registrations: incoming.map(({ record, graphId, warnings }) => ({
        kind: record.kind, id: record.id, source: record.source, format: record.format, graphId, version: versionOf.get(graphId)!,
        products: record.products.map((p) => p.iri), contracts: record.contracts,
        replaced: previous.has(`${record.kind} ${record.id}`), warnings,
      })),
    };
  } catch (error) {
    await abortAll(prepared);
    throw error;
  }
}

/** A domain graph id already used by a load of ontologies is not overwritten with products. */
async function refuseOntologyGraphs(store: GraphStore, incoming: readonly Incoming[], existing: readonly ProductGraph[]): Promise<void> {
  const productGraphs = new Set(existing.map((g) => g.graphId));
  const others = new Set((await store.graphIds()).filter((id) => id.startsWith(PRODUCT_GRAPH_PREFIX) && !productGraphs.has(id)));
  for (const { graphId, record } of incoming) {
    if (!others.has(graphId)) continue;
    const active = (await store.versions(graphId)).find((v) => v.active);
    if (active && registrationsOf(active.meta) === undefined) {
      throw new OntomeshError('BAD_REQUEST', `graph "${graphId}", where the domain's products go, holds ontologies loaded with --id ${graphId}; load them under another id`, { file: record.source, term: graphId });
    }
  }
}

/**
 * The new version of every graph the registration touches: the incoming registrations replace those
 * with the same kind and id wherever they were, and lineage is recomputed over the resulting mesh.
 */
function planChanges(existing: readonly ProductGraph[], incoming: readonly Incoming[]): GraphChange[] {
  const replacing = new Set(incoming.map(({ record }) => `${record.kind} ${record.id}`));
  const changes = new Map<string, GraphChange>();
  const changeOf = (graphId: string): GraphChange => {
    let change = changes.get(graphId);
    if (!change) {
      const base = existing.find((g) => g.graphId === graphId);
      changes.set(graphId, (change = { graphId, base, registrations: [...(base?.registrations ?? [])], fresh: new Map() }));
    }
    return change;
  };
  // Replaced (and moved) registrations leave their graphs; incoming ones join theirs.
  for (const graph of existing) {
    if (graph.registrations.some((r) => replacing.has(`${r.kind} ${r.id}`))) {
      const change = changeOf(graph.graphId);
      change.registrations = change.registrations.filter((r) => !replacing.has(`${r.kind} ${r.id}`));
    }
  }
  for (const { record, graphId, quads } of incoming) {
    const change = changeOf(graphId);
    change.registrations.push(record);
    change.fresh.set(record.graph, quads);
  }

  // Lineage over the mesh as it will be: rewritten wherever it is new or differs.
  const all = [...existing.filter((g) => !changes.has(g.graphId)), ...changes.values()];
  const lineage = crossLineage(all.flatMap((g) => g.registrations));
  for (const graph of all) {
    graph.registrations.forEach((registration, index) => {
      const pairs = lineage.get(registration.graph) ?? [];
      const isNew = replacing.has(`${registration.kind} ${registration.id}`);
      if (!isNew && sameLineage(registration.lineage, pairs)) return;
      const change = changeOf(graph.graphId);
      change.registrations[index] = { ...registration, lineage: pairs };
      change.fresh.set(lineageGraph(registration.graph), pairs.map(([down, up]) => derivedFrom(down, up)));
    });
  }
  return [...changes.values()];
}

function derivedFrom(downstream: string, upstream: string): Quad {
  return DataFactory.quad(DataFactory.namedNode(downstream), DataFactory.namedNode(`${prov}wasDerivedFrom`), DataFactory.namedNode(upstream));
}

/** Counts of a product graph: its facts (no OWL view or entailment is computed for descriptors). */
function productStats(triples: number): LoadStats {
  return { triples, inferred: 0, classes: 0, objectProperties: 0, datatypeProperties: 0, annotationProperties: 0, individuals: 0, ontologies: 0 };
}

async function abortAll(prepared: PreparedVersion[]): Promise<void> {
  for (const { writer } of prepared.splice(0)) await writer.abort().catch(() => undefined);
}

