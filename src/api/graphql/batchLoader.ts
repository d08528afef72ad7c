/**
 * A per-request batching cache (the DataLoader pattern in a few lines): keys asked for in the same
 * tick are fetched with one store call, and each key is fetched at most once per request. This is
 * what keeps `concepts { superConcepts { superConcepts } }` at one store call per level.
 */

/** Loads many keys at once; keys missing from the map resolve to undefined. */
export type BatchLoad<K, V> = (keys: K[]) => Promise<ReadonlyMap<K, V>>;

/**
 * Returns a `load(key)` that batches and caches.
 *
 * @example
 * const resource = batchLoader((ids) => fetchMany(ids));
 * const [a, b] = await Promise.all([resource('a'), resource('b')]); // one fetchMany(['a', 'b'])
 */
export function batchLoader<K, V>(loadMany: BatchLoad<K, V>): (key: K) => Promise<V | undefined> {
  const cache = new Map<K, Promise<V | undefined>>();
  let queue: { key: K; resolve(value: V | undefined): void; reject(error: unknown): void }[] = [];
  const dispatch = () => {
    const batch = queue;
    queue = [];
    loadMany(batch.map((entry) => entry.key)).then(
      (values) => { for (const entry of batch) entry.resolve(values.get(entry.key)); },
      (error: unknown) => { for (const entry of batch) entry.reject(error); },
    );
  };
  return (key) => {
    let promise = cache.get(key);
    if (promise === undefined) {
      promise = new Promise((resolve, reject) => {
        // Wait until the resolvers running now have all asked (after promise jobs, as DataLoader does).
        if (queue.length === 0) void Promise.resolve().then(() => process.nextTick(dispatch));
        queue.push({ key, resolve, reject });
      });
      cache.set(key, promise);
    }
    return promise;
  };
}
