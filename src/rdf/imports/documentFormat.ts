/**
 * The syntax of a document about to be loaded, known before its first quad: from its media
 * type, its name, or failing both its first bytes. The import loader announces each document
 * with its syntax before streaming it, so it cannot leave the choice to the parser.
 */
import { open } from 'node:fs/promises';
import { OntomeshError } from '../../errors/index.ts';
import { decodeHead } from '../documentEncoding.ts';
import { formatFromMediaType, formatFromPath, isBlankText, sniffFormat, type RdfFormat } from '../formats.ts';

/** Bytes of a document examined to recognise its syntax. */
export const HEAD_BYTES = 4096;

/** The first {@link HEAD_BYTES} of a document as text in its encoding (a character cut at the end is dropped). */
export interface DocumentHead {
  text: string;
  /** Whether the document ends within the head: then `text` is all of it. */
  whole: boolean;
}

/** The head of a file. */
export async function readFileHead(path: string): Promise<DocumentHead> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return { text: decodeHead(buffer.subarray(0, bytesRead)), whole: bytesRead < HEAD_BYTES };
  } finally {
    await handle.close();
  }
}

/** A byte stream whose head has been read, and that replays it before the rest. */
export interface PeekedStream {
  head: DocumentHead;
  body: AsyncIterable<Uint8Array>;
  /** Releases the underlying stream (a connection) when the body was not read to its end. */
  close(): Promise<void>;
}

/** Reads the first {@link HEAD_BYTES} of a byte stream without losing them. */
export async function peekHead(input: AsyncIterable<Uint8Array>): Promise<PeekedStream> {
  const iterator = input[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (!done && length < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) done = true;
    else {
      chunks.push(next.value);
      length += next.value.byteLength;
    }
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* chunks;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return {
    head: { text: decodeHead(Buffer.concat(chunks).subarray(0, HEAD_BYTES)), whole: done },
    body: replay(),
    close: async () => {
      await iterator.return?.();
    },
  };
}

/**
 * The syntax of a document: its media type wins, then the extension of its name, then sniffing. A
 * blank document (whitespace and `#` comments only: an empty ontology file) is read as Turtle whatever
 * it is called, so that the load reports that it holds no triples, as for an empty `.ttl`, where the
 * RDF/XML parser (no root element) or sniffing (no syntax to recognise) would refuse it.
 *
 * @throws OntomeshError `UNSUPPORTED_FORMAT` naming `file` when nothing recognises it.
 */
export function detectFormat(source: { file: string; name: string; head: DocumentHead; mediaType?: string | undefined }): RdfFormat {
  if (source.head.whole && isBlankText(source.head.text)) return 'turtle';
  const format = (source.mediaType === undefined ? undefined : formatFromMediaType(source.mediaType))
    ?? formatFromPath(source.name)
    ?? sniffFormat(source.head.text);
  if (format === undefined) {
    const hint = source.mediaType === undefined ? '' : ` (media type ${source.mediaType})`;
    throw new OntomeshError('UNSUPPORTED_FORMAT', `Cannot recognise the RDF syntax of the document${hint}`, { file: source.file });
  }
  return format;
}
