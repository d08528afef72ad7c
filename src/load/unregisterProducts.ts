/**
 * Unregistering data products and data contracts (`ontomesh mesh unregister`, `DELETE /products/{id}`),
 * so a domain team can retire one. It is a change of the registry like any registration
 * (changeRegistrations.ts): a new version of each domain graph that held one of them, without its named
 * graphs, and lineage recomputed over the mesh that remains (products it fed, or was fed by, lose those
 * links), all activated at once. The previous versions stay kept, so `activate` rolls it back. A domain
 * left with no registration gets an empty version: its products leave discovery.
 */
import { OntomeshError } from '../errors/index.ts';
import type { GraphStore } from '../graph/GraphStore.ts';
import { changeRegistrations, registrationKey, type ChangeOutcome, type RegistrationKey } from './changeRegistrations.ts';
import type { RegistrationKind } from './productRegistry.ts';

export interface UnregisterOptions {
  /** Stops the change (everything written is aborted) when it fires. */
  signal?: AbortSignal;
}

/** A registration removed, as it was registered. */
export interface UnregisteredDescriptor {
  kind: RegistrationKind;
  id: string;
  /** The file (or request) it had been registered from. */
  source: string;
  /** The domain graph it left, and that graph's new version. */
  graphId: string;
  version: number;
  /** IRIs of its products and contracts, no longer registered. */
  products: string[];
  contracts: string[];
}

export interface UnregisterSummary {
  unregistered: UnregisteredDescriptor[];
  /** Every graph given a new version (the domains the registrations left, and those whose lineage changed). */
  graphs: ChangeOutcome['graphs'];
  durationMs: number;
}

/**
 * Removes registrations from the store, by kind and id (an id given twice is removed once).
 *
 * @throws OntomeshError NOT_FOUND naming every id not registered (then nothing changes), BAD_REQUEST when
 *   no id is given; the store's errors. Nothing is activated when it throws.
 * @example
 * const summary = await unregisterProducts(store, [{ kind: 'product', id: 'orders' }]);
 * console.log(summary.graphs); // [{ graphId: 'mesh.sales', version: 4, triples: 812 }, { graphId: 'mesh.logistics', … }]
 */
export async function unregisterProducts(store: GraphStore, keys: readonly RegistrationKey[], options: UnregisterOptions = {}): Promise<UnregisterSummary> {
  if (keys.length === 0) throw new OntomeshError('BAD_REQUEST', 'nothing to unregister: no id given');
  const started = performance.now();
  const removing = [...new Map(keys.map((key) => [registrationKey(key), { kind: key.kind, id: key.id }])).values()];
  const { graphs, before } = await changeRegistrations(store, { incoming: [], removing }, options.signal);
  const versionOf = new Map(graphs.map((g) => [g.graphId, g.version]));
  const registered = new Map(before.flatMap((graph) => graph.registrations.map((record) => [registrationKey(record), { graph, record }] as const)));
  const unregistered = removing.map((key) => {
    const { graph, record } = registered.get(registrationKey(key))!;
    return {
      kind: record.kind, id: record.id, source: record.source, graphId: graph.graphId, version: versionOf.get(graph.graphId)!,
      products: record.products.map((p) => p.iri), contracts: record.contracts,
    };
  });
  return { unregistered, graphs, durationMs: performance.now() - started };
}
