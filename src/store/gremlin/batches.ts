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

/**
 * Chunks items so that all items of one group (e.g. the literals of one vertex) share a chunk: chunks
 * run concurrently, and two requests changing the same vertex at once would race (Cosmos answers 412,
 * TinkerGraph may lose one). A group too large for one chunk comes back in `serial`, to run in order.
 */
export function chunkGroups<T>(items: readonly T[], groupOf: (item: T) => string, limits: ChunkLimits, bytesOf: (item: T) => number): { serial: T[][]; parallel: T[][] } {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const serial: T[][] = [];
  const parallel: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const group of groups.values()) {
    const size = group.reduce((sum, item) => sum + bytesOf(item), 0);
    if (group.length > limits.maxCount || size > limits.maxBytes) {
      serial.push(...chunk(group, limits, bytesOf));
      continue;
    }
    if (current.length && (current.length + group.length > limits.maxCount || bytes + size > limits.maxBytes)) {
      parallel.push(current);
      current = [];
      bytes = 0;
    }
    current.push(...group);
    bytes += size;
  }
  if (current.length) parallel.push(current);
  return { serial, parallel };
}
