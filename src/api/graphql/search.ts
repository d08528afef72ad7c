/**
 * Search as GraphQL serves it: the store's ranked full-text hits (exact label matches first), kept
 * when they are a concept, product, dataset or field of the read model, best first. The hits of one
 * text are fetched once per snapshot (the model memoises them), so paging and repeated searches cost
 * no store call.
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
  const all = await model.memo(`search ${text}`, () => {
    const matches = context.store.search(model.snapshot, text, { limit: maxSearchHits }).then((hits) => hits.flatMap((hit) => {
      const node = model.node(hit.id);
      return node === undefined ? [] : [{ node, hit }];
    }));
    matches.catch(() => model.forget(`search ${text}`));
    return matches;
  });
  if (kinds == null || kinds.length === 0) return all;
  const wanted = new Set(kinds);
  return model.memo(`search ${[...wanted].sort().join(',')} ${text}`, () => all.filter((match) => wanted.has(kindOf[match.node.kind])));
}
