/**
 * The lineage of the generated benchmark mesh, at the three levels ontomesh serves it: a product
 * consumes output ports of earlier products (an input port that *is* the upstream output port, the
 * DPROD way, so src/mesh's linkProducts would find the same links) and is prov:wasDerivedFrom them;
 * its dataset is derived from theirs, its key column from their key columns and each other column
 * from the upstream columns of the same name. Most upstream products are recent products of the same
 * domain (a pipeline inside a domain), the rest any recent product (data crossing domains), so walks
 * have the depth and fan-out of a real mesh rather than a few hubs everything hangs off. Key columns
 * are annotated with their dataset's concept: the columns concept lineage starts from.
 */
import type { DataProductModel, Dataset, Port } from '../../src/mesh/index.ts';
import { domains } from './meshShape.ts';

/** What a later product can consume of an earlier one. */
export interface LineageSource {
  iri: string;
  port: Port;
  dataset: Dataset;
}

/** Share of products consuming others, of upstream products from the same domain, and how far back they look. */
const consumers = 0.6;
const sameDomain = 0.6;
const sameDomainWindow = 50;
const crossDomainWindow = 1_000;

/** The seed of the lineage's own random sequence: the products' sequence stays that of a mesh without lineage. */
export function lineageSeed(seed: number): number {
  return (seed ^ 0x2545f491) >>> 0;
}

/**
 * Gives `product` (the `index`-th) its upstream products among `sources` (those made before it), its
 * dataset and columns their derivations, its key column its concept; records it as a source for the
 * products after it and returns the upstream product IRIs.
 *
 * @example
 * const upstream = addLineage(product, i, sources, random(lineageSeed(seed)));
 */
export function addLineage(product: DataProductModel, index: number, sources: LineageSource[], next: () => number): string[] {
  const dataset = product.outputPorts[0]!.distributions[0]!.dataset!;
  const [key] = dataset.fields;
  if (key !== undefined && dataset.concepts[0] !== undefined) key.concepts = [dataset.concepts[0]];
  const picked = new Map<number, LineageSource>();
  if (index >= domains.length && next() < consumers) {
    const count = 1 + Math.floor(next() * 2.2);
    for (let n = 0; n < count; n++) {
      const j = next() < sameDomain
        ? index - domains.length * (1 + Math.floor(next() * Math.min(sameDomainWindow, Math.floor(index / domains.length))))
        : index - 1 - Math.floor(next() * Math.min(index, crossDomainWindow));
      picked.set(j, sources[j]!);
    }
  }
  const upstream = [...picked.keys()].sort((a, b) => a - b).map((j) => picked.get(j)!);
  product.inputPorts = upstream.map((source) => source.port);
  product.derivedFrom = upstream.map((source) => source.iri).sort();
  if (upstream.length > 0) {
    dataset.derivedFrom = upstream.map((source) => source.dataset.iri).sort();
    dataset.fields.forEach((field, i) => {
      const from = upstream.flatMap((source) => (i === 0 ? source.dataset.fields.slice(0, 1) : source.dataset.fields.filter((f) => f.name === field.name)));
      if (from.length > 0) field.derivedFrom = from.map((f) => f.iri).sort();
    });
  }
  sources.push({ iri: product.iri, port: product.outputPorts[0]!, dataset });
  return product.derivedFrom;
}
