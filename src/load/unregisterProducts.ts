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
import { changeRegistrations, registrationKey, registrationReporter, type ChangedRegistration, type ChangeOutcome, type RegistrationKey } from './changeRegistrations.ts';

export interface UnregisterOptions {
  /** Stops the change (everything written is aborted) when it fires. */
  signal?: AbortSignal;
}

/** A registration removed, as it was registered; `graphId` and `version` are the domain graph it left and its new version. */
export type UnregisteredDescriptor = ChangedRegistration;

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
  const outcome = await changeRegistrations(store, { incoming: [], removing }, options.signal);
  const report = registrationReporter(outcome);
  const registered = new Map(outcome.before.flatMap((graph) => graph.registrations.map((record) => [registrationKey(record), { graph, record }] as const)));
  const unregistered = removing.map((key) => {
    const { graph, record } = registered.get(registrationKey(key))!;
    return report(record, graph.graphId);
  });
  return { unregistered, graphs: outcome.graphs, durationMs: performance.now() - started };
}
