/**
 * Search as GraphQL serves it: the read model's full-text index (readModel/TextIndex.ts: the
 * literals the store's full-text index covers, ranked as the store ranks them, exact label matches
 * first), over the concepts, products, datasets and fields of the kinds asked for, best first. Every
 * request runs the search over the index's postings; nothing is kept from one request to the next.
 * Matches are ranked as far as a page needs (readModel/RankedMatches.ts).
 */
import type { SearchableNode, TextMatch, TextMatches } from '../readModel/index.ts';
import type { GraphqlContext } from './context.ts';

export type SearchKind = 'CONCEPT' | 'DATA_PRODUCT' | 'DATASET' | 'FIELD';

const nodeKinds: Record<SearchKind, SearchableNode['kind']> = { CONCEPT: 'Concept', DATA_PRODUCT: 'DataProduct', DATASET: 'Dataset', FIELD: 'Field' };

/** A search result: the node, the predicate of its best literal, the score and the highlight of that literal. */
export type SearchMatch = TextMatch;

/** The matches of `text` of the given kinds (all when absent), best first. */
export async function searchMatches(context: GraphqlContext, text: string, kinds?: readonly SearchKind[] | null): Promise<TextMatches> {
  const model = await context.model();
  return model.text.search(text, kinds == null || kinds.length === 0 ? undefined : new Set(kinds.map((kind) => nodeKinds[kind])));
}
