/**
 * The character encoding of a document, and its bytes decoded to text. A byte order mark decides,
 * then the XML declaration's `encoding` (RDF/XML saved by older tools as ISO-8859-1 or UTF-16),
 * else UTF-8, as XML 1.0 (§4.3.3, Appendix F) and the text syntaxes, which are UTF-8 only, say.
 * Bytes the encoding cannot decode are an error located at their line and column, never
 * replacement characters that would end up in the graph's labels.
 */
import { TextDecoder } from 'node:util';
import { OntomeshError } from '../errors/index.ts';
import { BytePositionTracker } from './parsers/BytePositionTracker.ts';

/** Bytes read before the encoding is chosen: enough for a byte order mark and an XML declaration. */
const DETECT_BYTES = 512;
/** WHATWG's TextDecoder reads these labels as windows-1252; XML means ISO-8859-1 itself, which Node's `latin1` is. */
const latin1Labels = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'iso-ir-100', 'cp819', 'ibm819', 'csisolatin1']);
/** An XML declaration naming an encoding, read as ASCII (which every encoding it may name starts as). */
const xmlDeclaredEncoding = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/;

/**
 * The encoding label of a document whose first bytes are `head`: `utf-8` unless a byte order mark,
 * UTF-16's `<?` or an XML declaration says otherwise. An 8-bit document that declares UTF-16 is
 * read as UTF-8, as libxml2 does: its bytes cannot be UTF-16.
 *
 * @example detectEncoding(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>')) // 'iso-8859-1'
 */
export function detectEncoding(head: Uint8Array): string {
  const [a, b, c, d] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) return 'utf-32';
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0 && c === 0x3f && d === 0)) return 'utf-16le';
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c && c === 0 && d === 0x3f)) return 'utf-16be';
  const declared = xmlDeclaredEncoding.exec(Buffer.from(head.subarray(0, DETECT_BYTES)).toString('latin1'))?.[1]?.toLowerCase();
  return declared === undefined || declared.startsWith('utf-16') || declared === 'us-ascii' || declared === 'ascii' ? 'utf-8' : declared;
}

/**
 * The first bytes of a document as text in its encoding, for recognising its syntax: lenient
 * (a character cut at the end, or an encoding that cannot be decoded, reads as replacement
 * characters), since the parse that follows reports what is wrong.
 */
export function decodeHead(head: Uint8Array): string {
  const encoding = detectEncoding(head);
  if (latin1Labels.has(encoding)) return Buffer.from(head).toString('latin1');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    decoder = new TextDecoder();
  }
  return decoder.decode(head, { stream: true });
}

/**
 * Decodes a document chunk by chunk (a character split across chunks is kept for the next one),
 * counting its bytes; drops a byte order mark. Text chunks pass as they are.
 *
 * @throws OntomeshError `UNSUPPORTED_FORMAT` for an encoding that cannot be decoded, `RDF_SYNTAX`
 *   (with line and column for UTF-8) at the first bytes that are not valid in the encoding.
 */
export async function* decodeDocument(input: AsyncIterable<Uint8Array | string>, counter: { bytes: number }, file: string | undefined): AsyncGenerator<string> {
  let decoder: ChunkDecoder | undefined;
  let head: Uint8Array[] = [];
  let headLength = 0;
  let first = true;
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      counter.bytes += Buffer.byteLength(chunk, 'utf8');
      // The decoder drops a byte order mark; do the same for text.
      const text = first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first &&= chunk === '';
      if (text) yield text;
      continue;
    }
    first &&= chunk.byteLength === 0;
    counter.bytes += chunk.byteLength;
    if (decoder === undefined) {
      head.push(chunk);
      headLength += chunk.byteLength;
      if (headLength < DETECT_BYTES) continue;
      const bytes = Buffer.concat(head);
      head = [];
      decoder = new ChunkDecoder(detectEncoding(bytes), file);
      const text = decoder.decode(bytes);
      if (text) yield text;
    } else {
      const text = decoder.decode(chunk);
      if (text) yield text;
    }
  }
  if (decoder === undefined && headLength > 0) {
    const bytes = Buffer.concat(head);
    decoder = new ChunkDecoder(detectEncoding(bytes), file);
    const text = decoder.decode(bytes);
    if (text) yield text;
  }
  const rest = decoder?.end();
  if (rest) yield rest;
}

/** One document's decoder; for UTF-8 it tracks lines, so an invalid byte is located. */
class ChunkDecoder {
  readonly #encoding: string;
  readonly #file: string | undefined;
  readonly #latin1: boolean;
  readonly #decoder: TextDecoder | undefined;
  readonly #positions: BytePositionTracker | undefined;
  #previous: Uint8Array = new Uint8Array(0);

  constructor(encoding: string, file: string | undefined) {
    this.#encoding = encoding;
    this.#file = file;
    this.#latin1 = latin1Labels.has(encoding);
    if (this.#latin1) return;
    try {
      this.#decoder = new TextDecoder(encoding, { fatal: true });
    } catch {
      throw new OntomeshError('UNSUPPORTED_FORMAT', `The document declares the encoding "${encoding}", which cannot be decoded: save it as UTF-8`, { file });
    }
    if (this.#decoder.encoding === 'utf-8') this.#positions = new BytePositionTracker();
  }

  decode(chunk: Uint8Array): string {
    if (this.#latin1) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    this.#positions?.feed(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    try {
      const text = this.#decoder!.decode(chunk, { stream: true });
      this.#previous = chunk;
      return text;
    } catch (error) {
      throw this.#invalid(chunk, error);
    }
  }

  end(): string {
    if (this.#latin1) return '';
    try {
      return this.#decoder!.decode();
    } catch (error) {
      throw this.#invalid(new Uint8Array(0), error);
    }
  }

  /** The error for invalid bytes in `chunk` (or in the incomplete character the previous chunk ended with). */
  #invalid(chunk: Uint8Array, cause: unknown): OntomeshError {
    const positions = this.#positions;
    if (positions === undefined) {
      return new OntomeshError('RDF_SYNTAX', `The document is not valid ${this.#encoding.toUpperCase()}`, { file: this.#file }, {}, { cause });
    }
    // The previous chunk decoded, so the first invalid sequence of both together is the one that failed.
    const bytes = Buffer.concat([this.#previous, chunk]);
    const at = invalidUtf8At(bytes);
    const what = chunk.byteLength > 0 && at < bytes.length ? `byte 0x${bytes[at]!.toString(16).toUpperCase()}` : 'a character cut off at the end of the file';
    return new OntomeshError('RDF_SYNTAX',
      `Invalid UTF-8 (${what}): the document is in another encoding; save it as UTF-8 (RDF/XML may instead declare its encoding, as in <?xml version="1.0" encoding="ISO-8859-1"?>)`,
      { file: this.#file, ...positions.locate(positions.end - bytes.length + at) }, {}, { cause });
  }
}

/** Index of the first byte of `bytes` that starts an invalid or incomplete UTF-8 sequence (its length when there is none). */
export function invalidUtf8At(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const continuations = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (continuations === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF (RFC 3629 §4).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k <= continuations; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += continuations + 1;
  }
  return bytes.length;
}
