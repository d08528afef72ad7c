/**
 * The lineage edges of the read model, at product, dataset and column level. An edge `from → to` is
 * stated as `to prov:wasDerivedFrom from` (src/mesh writes products', datasets' and fields' lineage so),
 * or by a process between them: a prov:Activity that `prov:used` one and `prov:generated` the other
 * (or the other `prov:wasGeneratedBy` it), the shape an Atlas / Purview process takes. A process
 * joins the edge the derivation states, and makes one where none is stated. Links between nodes of
 * different kinds (a field derived from a dataset) are no edge of either walk and are left out.
 */
import type { FactIndex } from './FactIndex.ts';
import type { ActivityNode, DatasetNode, FieldNode, LineageEdge, LineageLinks, PortLink, ProductNode } from './entities.ts';
import { meshClasses, p, rdfType } from './terms.ts';

type LineageNode = ProductNode | DatasetNode | FieldNode;

/** Empty links, for a node being built. */
export function noLineage<T>(): LineageLinks<T> {
  return { up: [], down: [] };
}

/** The nodes a node is directly derived from (its upstream lineage, one hop). */
export function upstreamOf<T>(node: { lineage: LineageLinks<T> }): T[] {
  return node.lineage.up.map((edge) => edge.from);
}

/** The nodes directly derived from a node (its downstream lineage, one hop). */
export function downstreamOf<T>(node: { lineage: LineageLinks<T> }): T[] {
  return node.lineage.down.map((edge) => edge.to);
}

/**
 * Fills the `lineage` of every product, dataset and field from the facts. `activity` makes the node of a process by IRI.
 *
 * @example
 * readLineage(facts, products, datasets, fields, (id) => activityNode(id));
 */
export function readLineage(
  fx: FactIndex, products: readonly ProductNode[], datasets: ReadonlyMap<string, DatasetNode>, fields: ReadonlyMap<string, FieldNode>,
  activity: (id: string) => ActivityNode,
): void {
  const byId = new Map<string, LineageNode>([...fields, ...datasets, ...products.map((product) => [product.id, product] as const)]);
  const link = (from: LineageNode, to: LineageNode): LineageEdge<LineageNode> | undefined => {
    if (from === to || from.kind !== to.kind) return undefined;
    const known = (to.lineage.up as LineageEdge<LineageNode>[]).find((edge) => edge.from === from);
    if (known !== undefined) return known;
    const edge: LineageEdge<LineageNode> = { from, to, via: from.kind === 'DataProduct' ? portLinks(fx, from, to as ProductNode) : [], activities: [] };
    (to.lineage.up as LineageEdge<LineageNode>[]).push(edge);
    (from.lineage.down as LineageEdge<LineageNode>[]).push(edge);
    return edge;
  };
  // Downstream lists come in the order of `byId` (products in name order), as `DataProduct.downstream` always was.
  for (const node of byId.values()) {
    for (const upstream of fx.objects(node.id, p.wasDerivedFrom)) {
      const from = byId.get(upstream);
      if (from !== undefined) link(from, node);
    }
  }
  const processes = new Set([...[...fx.edges(p.used)].map(([id]) => id), ...[...fx.edges(p.wasGeneratedBy)].flatMap(([, objects]) => objects)]);
  for (const id of processes) {
    const generated = new Set([...fx.objects(id, p.generated), ...fx.subjects(p.wasGeneratedBy, id)]);
    let node: ActivityNode | undefined;
    for (const input of fx.objects(id, p.used)) {
      for (const output of generated) {
        const [from, to] = [byId.get(input), byId.get(output)];
        const edge = from === undefined || to === undefined ? undefined : link(from, to);
        if (edge !== undefined && !edge.activities.some((a) => a.id === id)) edge.activities.push((node ??= activity(id)));
      }
    }
  }
}

/** The ports through which `to` consumes `from`: one of its input ports is an output port of `from`, or names a contract one of them names. */
function portLinks(fx: FactIndex, from: ProductNode, to: ProductNode): PortLink[] {
  const links: PortLink[] = [];
  for (const inputPort of to.inputPorts) {
    for (const outputPort of from.outputPorts) {
      // The same data service: whatever contracts it names, it is the one link.
      if (inputPort === outputPort) {
        links.push({ kind: 'PORT', outputPort, inputPort, contract: null });
        continue;
      }
      for (const contract of inputPort.conformsTo) {
        if (outputPort.conformsTo.includes(contract) && fx.objects(contract, rdfType, true).includes(meshClasses.contract)) {
          links.push({ kind: 'CONTRACT', outputPort, inputPort, contract });
        }
      }
    }
  }
  return links;
}
