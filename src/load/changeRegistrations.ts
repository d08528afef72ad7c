/**
 * The one write path of the mesh registry, shared by registering (registerProducts.ts) and
 * unregistering (unregisterProducts.ts) descriptors. The next version of a domain graph is its previous
 * facts minus the named graphs of the registrations that leave it (replaced, moved to another domain,
 * or unregistered), plus those of the incoming ones; lineage across registrations is recomputed for the
 * whole mesh and rewritten where it changed, in whichever domain graph it lives. All touched graphs are
 * written first and committed together at the end; a failure before that aborts them all, so the served
 * versions stay as they were.
 *
 * Changes to one store in one process run one at a time. Another process changing a graph this one is
 * writing is detected before the commit (the active version moved) and the change starts over.
 */
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { OntomeshError } from '../errors/index.ts';
import type { GraphStore, LoadStats } from '../graph/GraphStore.ts';
import {
  lineageGraph, PRODUCT_GRAPH_PREFIX, readProductGraphs, registrationsOf,
  type ProductGraph, type RegistrationKind, type RegistrationRecord,
} from './productRegistry.ts';
import { crossLineage, sameLineage } from './registrationLineage.ts';
import { writeProductGraph, type GraphChange, type PreparedVersion } from './writeProductGraph.ts';

/** A descriptor imported and placed, before anything is written. */
export interface IncomingRegistration {
  record: RegistrationRecord;
  graphId: string;
  quads: Quad[];
  warnings: string[];
}

/** What a registration is looked up by. */
export interface RegistrationKey {
  kind: RegistrationKind;
  id: string;
}

/** A change to the registry: registrations that come (replacing any of the same kind and id) and ones that go. */
export interface RegistryChange {
  incoming: readonly IncomingRegistration[];
  /** Each must be registered, else NOT_FOUND and nothing changes. */
  removing: readonly RegistrationKey[];
}

/** A committed change. */
export interface ChangeOutcome {
  /** Every graph given a new version (the domains changed, and those whose lineage changed). */
  graphs: { graphId: string; version: number; triples: number }[];
  /** The domain graphs as they were just before the change was committed. */
  before: readonly ProductGraph[];
}

/** A registration a change placed or removed: which one, from where, and the domain graph it is in (or left). */
export interface ChangedRegistration {
  kind: RegistrationKind;
  id: string;
  /** The file (or request) it was registered from. */
  source: string;
  /** The domain graph, and the version the change gave it. */
  graphId: string;
  version: number;
  /** IRIs of its products and contracts. */
  products: string[];
  contracts: string[];
}

/** Reports registrations as `outcome` left them: a record in `graphId`, at the version the change gave that graph. */
export function registrationReporter(outcome: ChangeOutcome): (record: RegistrationRecord, graphId: string) => ChangedRegistration {
  const versionOf = new Map(outcome.graphs.map((g) => [g.graphId, g.version]));
  return (record, graphId) => ({
    kind: record.kind, id: record.id, source: record.source, graphId, version: versionOf.get(graphId)!,
    products: record.products.map((p) => p.iri), contracts: record.contracts,
  });
}

/** How often a change starts over when another process changed a graph it was writing. */
const maxAttempts = 3;
const prov = 'http://www.w3.org/ns/prov#';
/** Changes to one store run one at a time in this process. */
const queues = new WeakMap<GraphStore, Promise<unknown>>();

/**
 * Applies `change` to the registry: writes the new versions of the domain graphs it touches and
 * activates them together, after the changes of this process queued before it.
 *
 * @throws OntomeshError NOT_FOUND (naming every id in `removing` that is not registered), BAD_REQUEST (a
 *   domain graph that holds ontologies), STORE_UNAVAILABLE (other writers kept moving the graphs); the
 *   store's errors. Nothing is activated when it throws.
 * @example
 * const { graphs } = await changeRegistrations(store, { incoming: [], removing: [{ kind: 'product', id: 'orders' }] });
 */
export function changeRegistrations(store: GraphStore, change: RegistryChange, signal?: AbortSignal): Promise<ChangeOutcome> {
  const previous = queues.get(store) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => changeWithRetries(store, change, signal));
  queues.set(store, run);
  return run;
}

/** `kind id`, the key registrations are matched by. */
export function registrationKey({ kind, id }: RegistrationKey): string {
  return `${kind} ${id}`;
}

async function changeWithRetries(store: GraphStore, change: RegistryChange, signal: AbortSignal | undefined): Promise<ChangeOutcome> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await changeOnce(store, change, signal);
    if (outcome !== 'moved') return outcome;
    if (attempt === maxAttempts) {
      throw new OntomeshError('STORE_UNAVAILABLE', `other writers kept changing the product graphs; the change was given up after ${maxAttempts} attempts (nothing was changed)`);
    }
  }
}

/** One attempt: 'moved' when another writer activated a version of a graph this one was writing. */
async function changeOnce(store: GraphStore, change: RegistryChange, signal: AbortSignal | undefined): Promise<ChangeOutcome | 'moved'> {
  const existing = await readProductGraphs(store);
  refuseUnknown(existing, change.removing);
  await refuseOntologyGraphs(store, change.incoming, existing);
  const changes = planChanges(existing, change);
  const prepared: PreparedVersion[] = [];
  try {
    for (const graphChange of changes) prepared.push(await writeProductGraph(store, graphChange, signal));
    for (const { graphId, baseVersion } of prepared) {
      if ((await store.versions(graphId)).find((v) => v.active)?.version !== baseVersion) {
        await abortAll(prepared);
        return 'moved';
      }
    }
    signal?.throwIfAborted();
    const graphs: ChangeOutcome['graphs'] = [];
    while (prepared.length > 0) {
      const { writer, triples } = prepared[0]!;
      const info = await writer.commit(productStats(triples));
      prepared.shift();
      graphs.push({ graphId: info.graphId, version: info.version, triples });
    }
    return { graphs, before: existing };
  } catch (error) {
    await abortAll(prepared);
    throw error;
  }
}

/** Every registration to remove must be registered. */
function refuseUnknown(existing: readonly ProductGraph[], removing: readonly RegistrationKey[]): void {
  const registered = new Set(existing.flatMap((g) => g.registrations.map(registrationKey)));
  const unknown = removing.filter((key) => !registered.has(registrationKey(key)));
  if (unknown.length > 0) {
    throw new OntomeshError('NOT_FOUND', unknown.map(({ kind, id }) => `no ${kind} is registered as "${id}"`).join('; '), { term: unknown[0]!.id });
  }
}

/** A domain graph id already used by a load of ontologies is not overwritten with products. */
async function refuseOntologyGraphs(store: GraphStore, incoming: readonly IncomingRegistration[], existing: readonly ProductGraph[]): Promise<void> {
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
 * The new version of every graph the change touches: the incoming registrations replace those with the
 * same kind and id wherever they were, the removed ones leave theirs (a graph may be left with none),
 * and lineage is recomputed over the resulting mesh.
 */
function planChanges(existing: readonly ProductGraph[], { incoming, removing }: RegistryChange): GraphChange[] {
  const replacing = new Set(incoming.map(({ record }) => registrationKey(record)));
  const leaving = new Set([...replacing, ...removing.map(registrationKey)]);
  const changes = new Map<string, GraphChange>();
  const changeOf = (graphId: string): GraphChange => {
    let change = changes.get(graphId);
    if (!change) {
      const base = existing.find((g) => g.graphId === graphId);
      changes.set(graphId, (change = { graphId, base, registrations: [...(base?.registrations ?? [])], fresh: new Map() }));
    }
    return change;
  };
  // Replaced, moved and removed registrations leave their graphs; incoming ones join theirs.
  for (const graph of existing) {
    if (graph.registrations.some((r) => leaving.has(registrationKey(r)))) {
      const change = changeOf(graph.graphId);
      change.registrations = change.registrations.filter((r) => !leaving.has(registrationKey(r)));
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
      const isNew = replacing.has(registrationKey(registration));
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
