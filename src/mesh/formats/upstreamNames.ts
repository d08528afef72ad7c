/**
 * The upstream datasets and fields a contract names for its own (dataset- and column-level lineage),
 * as IRIs. Contracts name them as text: ODCS `transformSourceObjects` ("objects in the data source
 * used in the transformation"), DCS field `lineage.inputFields` (a dataset `name` and a `field`). A
 * name is an upstream in the mesh when it is an absolute IRI (of a dataset or field of another
 * contract or product), or the name of one of the contract's own datasets (`orders`) or of a field of
 * one (`orders.customer_id`); any other name is a source outside the mesh (a warehouse table) and
 * makes no link.
 */
import type { Dataset, Field } from '../model.ts';
import { isConceptIri } from './annotations.ts';

/** Resolves the names of a contract's own datasets and their top-level fields. */
export class UpstreamNames {
  readonly #local = new Map<string, string>();

  constructor(datasets: readonly Dataset[]) {
    for (const dataset of datasets) {
      this.#local.set(dataset.id, dataset.iri);
      for (const field of dataset.fields) this.#local.set(`${dataset.id}.${field.name}`, field.iri);
    }
  }

  /** The IRIs of the names that are an upstream in the mesh, in order, once each. */
  resolve(names: readonly string[]): string[] {
    const iris = names.map((name) => (isConceptIri(name) ? name : this.#local.get(name))).filter((iri) => iri !== undefined);
    return [...new Set(iris)];
  }
}

/**
 * `datasets` with the `derivedFrom` of every dataset and field (nested ones too), which the format's
 * reader filled with the names as written, resolved to IRIs; the key left out where none resolves.
 *
 * @example
 * resolveUpstreams([{ id: 'invoices', derivedFrom: ['https://…/dataset/orders', 'erp.invoice_header'], … }]) // derivedFrom: ['https://…/dataset/orders']
 */
export function resolveUpstreams(datasets: readonly Dataset[]): Dataset[] {
  const names = new UpstreamNames(datasets);
  const resolved = <T extends Dataset | Field>(node: T, fields: Field[]): T => {
    const { derivedFrom, ...rest } = node;
    const upstream = names.resolve(derivedFrom ?? []);
    return { ...rest, fields, ...(upstream.length > 0 ? { derivedFrom: upstream } : {}) } as T;
  };
  const field = (node: Field): Field => resolved(node, node.fields.map(field));
  return datasets.map((dataset) => resolved(dataset, dataset.fields.map(field)));
}
