/**
 * The personal-data flow policy: personal data must not flow into a data product that does not
 * declare that it holds personal data. Pure: it reads a view of the mesh (the read model's nodes fit
 * it as they are) and returns the violations.
 *
 * - Personal data is marked on a field (`mesh:pii true`, or a concept that is dpv:PersonalData or a
 *   sub-concept), a dataset (such a concept) or a product (such a concept, or dpv:hasPersonalData).
 * - A product declares personal data when it is so marked, or one of its output datasets or their
 *   fields is: whoever marks a column personal data has declared that the product holds it.
 * - Data flows along lineage at each level (column, dataset, product; `to prov:wasDerivedFrom from`
 *   or a process between them), from a field into its dataset, from a dataset into the products
 *   that output it or take it in through an input port, and from a marked product into its output
 *   datasets (it said it holds personal data, not where). Coarser lineage is taken at its word: a
 *   product derived from another receives all of it (a governance check errs towards reporting).
 * - A violation is a product that does not declare personal data and is reached from a marked node;
 *   one per source and product, with a shortest path (walks visit each node once, so cycles end).
 */
import { isPersonalDataConcept, type GovernedConcept } from './personalData.ts';

interface Downstream<T> {
  lineage: { down: readonly { to: T }[] };
}

export interface GovernedField extends Downstream<GovernedField> {
  readonly kind: 'Field';
  id: string;
  name: string;
  pii: boolean | null;
  concepts: readonly GovernedConcept[];
  fields: readonly GovernedField[];
  dataset: GovernedDataset | null;
}

export interface GovernedDataset extends Downstream<GovernedDataset> {
  readonly kind: 'Dataset';
  id: string;
  name: string;
  concepts: readonly GovernedConcept[];
  fields: readonly GovernedField[];
  /** Products that output it or take it in. */
  products: readonly GovernedProduct[];
}

export interface GovernedProduct extends Downstream<GovernedProduct> {
  readonly kind: 'DataProduct';
  id: string;
  name: string;
  domain: { id: string; name: string } | null;
  owners: readonly { id: string; name: string }[];
  concepts: readonly GovernedConcept[];
  /** Objects of dpv:hasPersonalData (the categories it states it has). */
  personalData: readonly string[];
  outputDatasets: readonly GovernedDataset[];
}

export type GovernedNode = GovernedField | GovernedDataset | GovernedProduct;

/** The part of the mesh the policy reads: every product, dataset and field (datasets and fields of no product too, e.g. Purview's). */
export interface GovernedMesh {
  products: Iterable<GovernedProduct>;
  datasets: Iterable<GovernedDataset>;
  fields: Iterable<GovernedField>;
}

/**
 * How a step of a path is reached from the one before: LINEAGE (derived from it), PART_OF (the dataset of a
 * field, a product outputting a dataset), INPUT (a product taking a dataset in), OUTPUT (a dataset of the marked product).
 */
export type FlowStepKind = 'SOURCE' | 'LINEAGE' | 'PART_OF' | 'INPUT' | 'OUTPUT';

export interface FlowStep {
  node: GovernedNode;
  via: FlowStepKind;
}

export interface PersonalDataFlowViolation {
  /** Where the personal data is marked. */
  source: GovernedNode;
  /** From the source (via SOURCE) to the receiving product, each node once. */
  path: FlowStep[];
  /** The product that receives personal data and does not declare it. */
  product: GovernedProduct;
}

/**
 * The violations of the personal-data flow policy in `mesh`, by receiving product name, then source id.
 *
 * @example
 * personalDataFlowViolations({ products: model.products, datasets: model.allDatasets(), fields: model.allFields() })
 */
export function personalDataFlowViolations(mesh: GovernedMesh): PersonalDataFlowViolation[] {
  const products = [...mesh.products];
  const declaring = new Set(products.filter(declaresPersonalData));
  const sources: GovernedNode[] = [
    ...[...mesh.fields].filter(isMarkedField),
    ...[...mesh.datasets].filter((dataset) => isPersonalDataConcept(dataset.concepts)),
    ...products.filter(isMarkedProduct),
  ];
  const violations: PersonalDataFlowViolation[] = [];
  for (const source of sources) {
    for (const [product, path] of reachedProducts(source)) {
      if (!declaring.has(product)) violations.push({ source, path, product });
    }
  }
  return violations.sort((a, b) => compare(a.product.name, b.product.name) || compare(a.product.id, b.product.id) || compare(a.source.id, b.source.id));
}

/** Whether the product declares personal data: it is marked, or one of its output datasets or their fields is. */
export function declaresPersonalData(product: GovernedProduct): boolean {
  return isMarkedProduct(product)
    || product.outputDatasets.some((dataset) => isPersonalDataConcept(dataset.concepts) || dataset.fields.some(holdsMarkedField));
}

function isMarkedField(field: GovernedField): boolean {
  return field.pii === true || isPersonalDataConcept(field.concepts);
}

function isMarkedProduct(product: GovernedProduct): boolean {
  return product.personalData.length > 0 || isPersonalDataConcept(product.concepts);
}

function holdsMarkedField(field: GovernedField): boolean {
  return isMarkedField(field) || field.fields.some(holdsMarkedField);
}

/** The products reached from `source`, each with a shortest path to it (breadth first). */
function reachedProducts(source: GovernedNode): Map<GovernedProduct, FlowStep[]> {
  const previous = new Map<GovernedNode, FlowStep | null>([[source, null]]);
  const steps = new Map<GovernedNode, FlowStep>([[source, { node: source, via: 'SOURCE' }]]);
  const reached = new Map<GovernedProduct, FlowStep[]>();
  const queue: GovernedNode[] = [source];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    if (node.kind === 'DataProduct' && node !== source) reached.set(node, pathTo(node, steps, previous));
    for (const next of flowsFrom(node, node === source)) {
      if (previous.has(next.node)) continue;
      previous.set(next.node, steps.get(node)!);
      steps.set(next.node, next);
      queue.push(next.node);
    }
  }
  return reached;
}

/** Where data goes from a node: its lineage, then its container (a field's dataset; a dataset's products), or a source product's datasets. */
function flowsFrom(node: GovernedNode, isSource: boolean): FlowStep[] {
  const lineage: FlowStep[] = (node.lineage.down as readonly { to: GovernedNode }[]).map((edge) => ({ node: edge.to, via: 'LINEAGE' }));
  if (node.kind === 'Field') return node.dataset === null ? lineage : [...lineage, { node: node.dataset, via: 'PART_OF' }];
  if (node.kind === 'Dataset') {
    return [...lineage, ...node.products.map((product): FlowStep => ({ node: product, via: product.outputDatasets.includes(node) ? 'PART_OF' : 'INPUT' }))];
  }
  return isSource ? [...lineage, ...node.outputDatasets.map((dataset): FlowStep => ({ node: dataset, via: 'OUTPUT' }))] : lineage;
}

function pathTo(node: GovernedNode, steps: ReadonlyMap<GovernedNode, FlowStep>, previous: ReadonlyMap<GovernedNode, FlowStep | null>): FlowStep[] {
  const path: FlowStep[] = [];
  for (let step: FlowStep | null = steps.get(node)!; step !== null; step = previous.get(step.node)!) path.push(step);
  return path.reverse();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
