/** Splitting a list of reads into requests of bounded size (writes are packed by writePlan.ts). */

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
