/**
 * Transitive lineage: a breadth-first walk along lineage edges from some start nodes, upstream,
 * downstream or both (each way walked on its own, as Purview's BOTH: the upstream of a downstream
 * node is not followed), to a depth. Every node is visited once, so a cycle ends the walk; every edge
 * out of a node nearer than the depth is kept, also one that leads back to a node already reached
 * (a diamond or a cycle shows whole).
 */
import type { LineageEdge, LineageLinks } from './entities.ts';

export type LineageDirection = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';

/** The most hops a walk may take (`depth`). */
export const maxLineageDepth = 10;

export interface LineageGraph<T> {
  /** The start nodes, then the nodes reached, nearest first. */
  nodes: T[];
  /** The edges walked: upstream ones first, in the order met. */
  edges: LineageEdge<T>[];
  /** True when a node at the depth has edges further on that way that were not walked: the lineage goes on beyond the depth. */
  truncated: boolean;
}

/**
 * Walks the lineage of `starts` to `depth` hops.
 *
 * @example
 * walkLineage([orders], (product) => product.lineage, 'DOWNSTREAM', 3).edges // orders → invoices → payments …
 */
export function walkLineage<T>(starts: readonly T[], links: (node: T) => LineageLinks<T>, direction: LineageDirection, depth: number): LineageGraph<T> {
  const nodes = new Set(starts);
  const edges = new Set<LineageEdge<T>>();
  let truncated = false;
  const walk = (way: 'up' | 'down') => {
    const seen = new Set(starts);
    let frontier = [...starts];
    for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
      const next: T[] = [];
      for (const node of frontier) {
        for (const edge of links(node)[way]) {
          edges.add(edge);
          const other = way === 'up' ? edge.from : edge.to;
          if (seen.has(other)) continue;
          seen.add(other);
          nodes.add(other);
          next.push(other);
        }
      }
      frontier = next;
    }
    if (frontier.some((node) => links(node)[way].some((edge) => !edges.has(edge)))) truncated = true;
  };
  if (direction !== 'DOWNSTREAM') walk('up');
  if (direction !== 'UPSTREAM') walk('down');
  return { nodes: [...nodes], edges: [...edges], truncated };
}
