/**
 * Drives a Node.js Transform that turns text into quads (the rdfxml- and jsonld-streaming
 * parsers) from an async iterable: one chunk at a time, flushing batches to the sink between
 * chunks, and settling on the first error only (these parsers can emit several for one fault).
 */
import { finished } from 'node:stream/promises';
import type { Quad } from '@rdfjs/types';
import type { QuadSink } from '../parse.ts';
import { QuadBatcher } from './QuadBatcher.ts';

/** A text-to-quads Transform, from Node.js or from the `readable-stream` package. */
export type QuadTransform = NodeJS.ReadWriteStream & { destroy(): unknown };

/** Hooks a driver caller may need around the transform. */
export interface TransformHooks<C> {
  /** Turns a chunk of text into what the transform is written (default: the text itself). */
  encode?(chunk: string): C;
  /** Maps an error the transform emitted to the error to throw (sink and input errors pass unchanged). */
  syntaxError(error: unknown): Error;
}

/**
 * Writes `input` into `transform` and sends the quads it emits to `sink`. Resolves when the
 * transform has ended; rejects with the first error the transform emitted, mapped by
 * `hooks.syntaxError`.
 */
export async function driveTransform<C = string>(transform: QuadTransform, input: AsyncIterable<string>, sink: QuadSink,
  hooks: TransformHooks<C>): Promise<void> {
  const batch = new QuadBatcher(sink);
  let failure: { error: unknown } | undefined;
  transform.on('data', (quad: Quad) => batch.add(quad));
  transform.on('error', (error: unknown) => { failure ??= { error }; });
  try {
    for await (const chunk of input) {
      await new Promise<void>((resolve) => transform.write((hooks.encode ? hooks.encode(chunk) : chunk) as string, () => resolve()));
      if (failure) break;
      if (batch.full) await batch.flush();
    }
    if (!failure) {
      transform.end();
      await finished(transform).catch(() => undefined);
    }
  } finally {
    transform.destroy();
  }
  if (failure) throw hooks.syntaxError(failure.error);
  await batch.flush();
}
