/** Hierarchies of nodes (concepts or properties): linking a node below another, walking them up or down to the end, cycles included, and the orders lists of nodes are in. */

/** A node of a hierarchy: the nodes above and below it through the closure, and its direct (asserted) parents and children. */
export interface HierarchyNode<T> {
  readonly up: Set<T>;
  readonly down: Set<T>;
  readonly parents: Set<T>;
  readonly children: Set<T>;
}

/** Links `node` below `above` through the closure, and as a direct child too when `direct`; never to itself. */
export function linkBelow<T extends HierarchyNode<T>>(node: T, above: T, direct: boolean): void {
  if (node === above) return;
  node.up.add(above);
  above.down.add(node);
  if (!direct) return;
  node.parents.add(above);
  above.children.add(node);
}

/**
 * Every node reachable from `start` through `next`, breadth first, `start` itself left out.
 *
 * @example
 * reachable(customer, (c) => c.down) // Customer's sub-concepts at any depth
 */
export function reachable<T>(start: T, next: (node: T) => Iterable<T>): T[] {
  const seen = new Set<T>([start]);
  const order: T[] = [];
  for (let i = -1; i < order.length; i++) {
    for (const node of next(i < 0 ? start : order[i]!)) {
      if (seen.has(node)) continue;
      seen.add(node);
      order.push(node);
    }
  }
  return order;
}

/** Code-point order of IRIs: how lists of concepts and properties are served. */
export function iriOrder(a: { iri: string }, b: { iri: string }): number {
  return a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0;
}

/** Distinct nodes in name order, then IRI order: how lists of mesh nodes are served. */
export function byName<T extends { name: string; id: string }>(nodes: readonly T[]): T[] {
  return [...new Set(nodes)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
