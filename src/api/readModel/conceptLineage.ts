/**
 * Semantic lineage: where the data about a concept lives in the mesh and where it flows. The carriers
 * are the fields annotated with the concept (or a sub-concept, through the same closure as concept
 * discovery), the datasets annotated with it or holding such a field, and the products annotated with
 * it or providing such a dataset; from them the product, dataset and column lineage is walked, and
 * the product edges that cross domains are grouped by the pair of domains.
 */
import type { ConceptNode, DatasetNode, DomainNode, FieldNode, LineageEdge, ProductNode } from './entities.ts';
import { byName } from './hierarchy.ts';
import { walkLineage, type LineageDirection, type LineageGraph } from './lineageWalk.ts';
import type { ReadModel } from './ReadModel.ts';

export interface ConceptLineage {
  concept: ConceptNode;
  /** Products annotated with the concept or providing a dataset that carries it, in name order. */
  dataProducts: ProductNode[];
  /** Datasets annotated with the concept or holding a field annotated with it, in name order. */
  datasets: DatasetNode[];
  /** Fields annotated with the concept, in name order. */
  fields: FieldNode[];
  /** The walks, each made the first time it is read. */
  readonly productFlows: LineageGraph<ProductNode>;
  readonly datasetFlows: LineageGraph<DatasetNode>;
  readonly fieldFlows: LineageGraph<FieldNode>;
  /** The product edges between products of two different domains, by the pair of domains (in the order first met). */
  readonly domainFlows: DomainFlow[];
}

export interface DomainFlow {
  from: DomainNode;
  to: DomainNode;
  edges: LineageEdge<ProductNode>[];
}

/** What `concept` is carried by and where it flows; undefined when the model has no such concept. */
export function conceptLineage(
  model: ReadModel, iri: string, includeSubConcepts: boolean, direction: LineageDirection, depth: number,
): ConceptLineage | undefined {
  const concept = model.concept(iri);
  if (concept === undefined) return undefined;
  const fields = [...model.fieldsAbout(iri, includeSubConcepts)];
  const datasets = byName([...model.datasetsAbout(iri, includeSubConcepts), ...fields.flatMap((field) => (field.dataset === null ? [] : [field.dataset]))]);
  const providers = datasets.flatMap((dataset) => dataset.products.filter((product) => product.outputDatasets.includes(dataset)));
  const dataProducts = byName([...model.productsAbout(iri, includeSubConcepts), ...providers]);
  // Each walk only when asked for: on a broad concept a walk covers thousands of nodes (about a third of a
  // conceptLineage request that selects two of the three, measured on the discovery benchmark's mesh).
  const productFlows = once(() => walkLineage(dataProducts, (product) => product.lineage, direction, depth));
  const datasetFlows = once(() => walkLineage(datasets, (dataset) => dataset.lineage, direction, depth));
  const fieldFlows = once(() => walkLineage(fields, (field) => field.lineage, direction, depth));
  const flowsBetweenDomains = once(() => domainFlows(productFlows().edges));
  return {
    concept, dataProducts, datasets, fields,
    get productFlows() { return productFlows(); },
    get datasetFlows() { return datasetFlows(); },
    get fieldFlows() { return fieldFlows(); },
    get domainFlows() { return flowsBetweenDomains(); },
  };
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function domainFlows(edges: readonly LineageEdge<ProductNode>[]): DomainFlow[] {
  const flows = new Map<string, DomainFlow>();
  for (const edge of edges) {
    const [from, to] = [edge.from.domain, edge.to.domain];
    if (from === null || to === null || from === to) continue;
    const key = `${from.id}\n${to.id}`;
    const flow = flows.get(key) ?? flows.set(key, { from, to, edges: [] }).get(key)!;
    flow.edges.push(edge);
  }
  return [...flows.values()];
}
