/**
 * A document as a stream delivers it: `whole` (a text, or bytes) in pieces of `size` code units or
 * bytes, split anywhere (inside a token, a multi-byte character or a line break).
 */
export async function* inChunks<T extends string | Uint8Array>(whole: T, size: number): AsyncGenerator<T> {
  for (let i = 0; i < whole.length; i += size) yield (typeof whole === 'string' ? whole.slice(i, i + size) : whole.subarray(i, i + size)) as T;
}
