/** Walking a hierarchy of nodes (concepts or properties, up or down) to its end, cycles included; and the order lists of them are in. */

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
