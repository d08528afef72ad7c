/**
 * Resolvers of lineage: the transitive walks of products, datasets and fields (`lineage`), their
 * direct up- and downstream datasets and fields, and the concept-level walk (`Query.conceptLineage`).
 * All read the request's model (src/api/readModel: lineageLinks.ts, lineageWalk.ts, conceptLineage.ts).
 */
import { OntomeshError } from '../../errors/index.ts';
import {
  conceptLineage, downstreamOf, maxLineageDepth, upstreamOf, walkLineage, type DatasetNode, type FieldNode, type LineageDirection, type LineageEdge, type LineageLinks,
  type ProductNode,
} from '../readModel/index.ts';
import type { GraphqlContext } from './context.ts';

type WalkArgs = { direction: LineageDirection; depth: number };

/** The depth asked for; BAD_REQUEST outside 1 to maxLineageDepth (a walk costs up to the whole mesh per hop). */
export function lineageDepth(depth: number): number {
  if (!Number.isInteger(depth) || depth < 1 || depth > maxLineageDepth) {
    throw new OntomeshError('BAD_REQUEST', `depth must be between 1 and ${maxLineageDepth} (got ${depth})`, { term: 'depth' });
  }
  return depth;
}

const walk = <T extends { lineage: LineageLinks<T> }>(node: T, { direction, depth }: WalkArgs) =>
  walkLineage([node], (n) => n.lineage, direction, lineageDepth(depth));

/** The root fields of lineage. */
export const lineageQuery = {
  conceptLineage: async (_: unknown, args: { concept: string; includeSubConcepts: boolean } & WalkArgs, context: GraphqlContext) => {
    const depth = lineageDepth(args.depth);
    return conceptLineage(await context.model(), args.concept, args.includeSubConcepts, args.direction, depth) ?? null;
  },
};

/** The lineage fields of the mesh's types. */
export const lineageResolvers = {
  DataProduct: { upstream: upstreamOf, downstream: downstreamOf, lineage: (product: ProductNode, args: WalkArgs) => walk(product, args) },
  Dataset: { upstream: upstreamOf, downstream: downstreamOf, lineage: (dataset: DatasetNode, args: WalkArgs) => walk(dataset, args) },
  Field: { upstream: upstreamOf, downstream: downstreamOf, lineage: (field: FieldNode, args: WalkArgs) => walk(field, args) },
  DataProductLineageEdge: {
    crossesDomains: ({ from, to }: LineageEdge<ProductNode>) => from.domain !== null && to.domain !== null && from.domain !== to.domain,
  },
};
