/**
 * Product-level lineage: a product is derived from another when one of its input ports consumes
 * one of the other's output ports, either as the same data service (DPROD: the input port *is* the
 * upstream output port's IRI) or through the same data contract (ODPS: input and output ports name
 * the contract id). productToQuads writes each link as `downstream prov:wasDerivedFrom upstream`.
 */
import type { DataProductModel } from './model.ts';

/** One derivation between two products. */
export interface LineageLink {
  downstream: string;
  upstream: string;
  /** The downstream input port. */
  inputPort: string;
  /** The upstream output port. */
  outputPort: string;
  /** How the ports were matched. */
  via: 'port' | 'contract';
  /** The shared contract, when `via` is `contract`. */
  contract?: string;
}

/**
 * Finds the lineage links among `products` and returns copies of the products with `derivedFrom`
 * filled (sorted, without duplicates, keeping any upstream products they already had).
 *
 * @example
 * const { products, links } = linkProducts([...imported.products, ...registered]);
 */
export function linkProducts(products: readonly DataProductModel[]): { products: DataProductModel[]; links: LineageLink[] } {
  const byPort = new Map<string, { product: string; port: string }[]>();
  const byContract = new Map<string, { product: string; port: string }[]>();
  for (const product of products) {
    for (const port of product.outputPorts) {
      push(byPort, port.iri, { product: product.iri, port: port.iri });
      for (const contract of port.contracts) push(byContract, contract, { product: product.iri, port: port.iri });
    }
  }
  const links: LineageLink[] = [];
  for (const product of products) {
    for (const port of product.inputPorts) {
      for (const upstream of byPort.get(port.iri) ?? []) {
        if (upstream.product !== product.iri) links.push({ downstream: product.iri, upstream: upstream.product, inputPort: port.iri, outputPort: upstream.port, via: 'port' });
      }
      for (const contract of port.contracts) {
        for (const upstream of byContract.get(contract) ?? []) {
          if (upstream.product !== product.iri) links.push({ downstream: product.iri, upstream: upstream.product, inputPort: port.iri, outputPort: upstream.port, via: 'contract', contract });
        }
      }
    }
  }
  const linked = products.map((product) => {
    const upstream = links.filter((link) => link.downstream === product.iri).map((link) => link.upstream);
    return { ...product, derivedFrom: [...new Set([...product.derivedFrom, ...upstream])].sort() };
  });
  return { products: linked, links };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
