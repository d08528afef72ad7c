/**
 * Lineage across registrations: a product registered from one descriptor is derived from a product of
 * another when one of its input ports consumes one of the other's output ports (src/mesh's rule, same
 * data service or same contract, applied by its `linkProducts`). Links inside one descriptor are in the
 * descriptor's own facts already; the ones across descriptors depend on both, so they are recomputed
 * for the whole mesh at every registration and written to the downstream registration's lineage graph.
 */
import { linkProducts, type DataProductModel } from '../mesh/index.ts';
import type { RegistrationRecord } from './productRegistry.ts';

/**
 * The `[downstream, upstream]` pairs of each registration (by its named graph) whose products consume
 * products of other registrations; sorted, without repeats. Registrations without such links are absent.
 *
 * @example crossLineage(records).get(orders.graph) // [['…/product/sales/orders', '…/product/customer/profiles']]
 */
export function crossLineage(registrations: readonly RegistrationRecord[]): Map<string, [string, string][]> {
  const owner = new Map<string, string>();
  const products: DataProductModel[] = [];
  for (const registration of registrations) {
    for (const product of registration.products) {
      owner.set(product.iri, registration.graph);
      // linkProducts reads a product's IRI, its ports' IRIs and contracts, and derivedFrom: all a record has.
      products.push({ ...product, derivedFrom: [] } as unknown as DataProductModel);
    }
  }
  const pairs = new Map<string, Set<string>>();
  for (const { downstream, upstream } of linkProducts(products).links) {
    const graph = owner.get(downstream)!;
    if (graph === owner.get(upstream)) continue;
    let set = pairs.get(graph);
    if (!set) pairs.set(graph, (set = new Set()));
    set.add(`${downstream}\n${upstream}`);
  }
  return new Map([...pairs].map(([graph, set]) => [graph, [...set].sort().map((pair) => pair.split('\n') as [string, string])]));
}

/** True when two lineage lists are the same (both sorted). */
export function sameLineage(a: readonly [string, string][], b: readonly [string, string][]): boolean {
  return a.length === b.length && a.every(([down, up], i) => down === b[i]![0] && up === b[i]![1]);
}
