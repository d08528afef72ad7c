/** Relay connections over an in-memory list: `first` / `after` checked, opaque cursors, total count. */
import { OntomeshError } from '../../errors/index.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

export const defaultPageSize = 20;
export const maxPageSize = 100;

/** Where a page starts and how long it is. */
export interface Page {
  offset: number;
  first: number;
}

/** The page `first` / `after` ask for; BAD_REQUEST when `first` is out of range or the cursor is not ours. */
export function pageOf(first: number | null | undefined, after: string | null | undefined): Page {
  const size = first ?? defaultPageSize;
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) throw new OntomeshError('BAD_REQUEST', `first must be between 1 and ${maxPageSize} (got ${size})`);
  return { first: size, offset: after == null ? 0 : decodeCursor(after) + 1 };
}

export interface Connection<E> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** What a connection pages over: an array, or a list that is only made as far as it is sliced (search matches). */
export interface Sliceable<T> {
  readonly length: number;
  slice(start: number, end: number): T[];
}

/**
 * The page of `items`, each turned into an edge by `edge` (default `{ node }`) with its cursor.
 *
 * @example
 * connection(model.products, pageOf(20, null))
 */
export function connection<T, E extends object = { node: T }>(
  items: Sliceable<T>, page: Page, edge: (item: T) => E = (node) => ({ node }) as unknown as E,
): Connection<E & { cursor: string }> {
  const slice = items.slice(page.offset, page.offset + page.first);
  const edges = slice.map((item, i) => ({ cursor: encodeCursor(page.offset + i), ...edge(item) }));
  return {
    edges,
    pageInfo: { hasNextPage: page.offset + page.first < items.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: items.length,
  };
}
