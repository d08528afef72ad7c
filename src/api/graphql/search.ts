/**
 * Search as GraphQL serves it: the store's ranked full-text hits (exact label matches first), kept
 * when they are a concept, product, dataset or field of the read model (of the kinds asked for), best
 * first. Every request runs the store's full-text query (one store call, whatever the page): the
 * ranking needs every match, and nothing is kept from one request to the next.
 */
import type { SearchHit } from '../../graph/GraphStore.ts';
import type { SearchableNode } from '../readModel/index.ts';
import type { GraphqlContext } from './context.ts';

/** Search looks at this many best hits; totalCount never exceeds it. */
export const maxSearchHits = 10_000;

export type SearchKind = 'CONCEPT' | 'DATA_PRODUCT' | 'DATASET' | 'FIELD';

const kindOf: Record<SearchableNode['kind'], SearchKind> = { Concept: 'CONCEPT', DataProduct: 'DATA_PRODUCT', Dataset: 'DATASET', Field: 'FIELD' };

/** A search result: the node and the literal of it that matched best. */
export interface SearchMatch {
  node: SearchableNode;
  hit: SearchHit;
}

/** The matches of `text` of the given kinds (all when absent), best first. */
export async function searchMatches(context: GraphqlContext, text: string, kinds?: readonly SearchKind[] | null): Promise<readonly SearchMatch[]> {
  const model = await context.model();
  const hits = await context.store.search(model.snapshot, text, { limit: maxSearchHits });
  const wanted = kinds == null || kinds.length === 0 ? undefined : new Set(kinds);
  return hits.flatMap((hit) => {
    const node = model.node(hit.id);
    return node === undefined || (wanted !== undefined && !wanted.has(kindOf[node.kind])) ? [] : [{ node, hit }];
  });
}
