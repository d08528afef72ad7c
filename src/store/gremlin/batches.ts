/**
 * Splitting writes into requests Cosmos DB accepts (element count, request bytes) and running them
 * with bounded concurrency.
 */

export interface ChunkLimits {
  maxCount: number;
  maxBytes: number;
}

/** Splits `items` into chunks of at most maxCount items and maxBytes (an item larger than that goes alone). */
export function chunk<T>(items: readonly T[], limits: ChunkLimits, bytesOf: (item: T) => number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    if (current.length && (current.length >= limits.maxCount || bytes + size > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** Runs `work` on every item with at most `limit` running at once; fails with the first error. */
export async function forEachConcurrent<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
