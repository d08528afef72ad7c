/**
 * The bytes of an ontology upload as the client wrote them: the request body decompressed by its
 * `Content-Encoding` (gzip, deflate or br, streaming through node:zlib) and counted against the upload's
 * limit after decompression, so that a small body inflating past the limit (a zip bomb) is refused as
 * PAYLOAD_TOO_LARGE having decompressed no more than the limit.
 */
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { OntomeshError } from '../../errors/index.ts';

/** The Content-Encodings an upload may have, as Express's body parsers read them on the other routes. */
const decompressors: Record<string, () => Transform> = { gzip: createGunzip, deflate: createInflate, br: createBrotliDecompress };

/**
 * The decompressed body of `req`, failing with PAYLOAD_TOO_LARGE past `maxBytes` and BAD_REQUEST where it
 * does not decompress. Throws at once UNSUPPORTED_FORMAT (415) for another Content-Encoding, and
 * PAYLOAD_TOO_LARGE for a Content-Length over the limit. `req` is piped, never destroyed, so that the
 * error can still be answered: destroy the returned stream on failure, which unpipes it, then drain `req`.
 * The body flows from this call on: consume the returned stream in the same turn (no `await` between),
 * or a decompression error emitted meanwhile finds no listener and is an uncaught exception.
 *
 * @example await pipeline(uploadBody(req, 1 << 28), createWriteStream(path));
 */
export function uploadBody(req: IncomingMessage, maxBytes: number): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decompress = decompressors[encoding];
  if (decompress === undefined && encoding !== 'identity') {
    throw new OntomeshError('UNSUPPORTED_FORMAT',
      `the request body cannot be read: unsupported content encoding "${encoding}" (ontomesh reads ${Object.keys(decompressors).join(', ')} or none)`, { term: encoding });
  }
  if (Number(req.headers['content-length'] ?? Number.NaN) > maxBytes) throw tooLarge(maxBytes);
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? tooLarge(maxBytes) : null, chunk);
    },
  });
  req.on('error', (error) => counted.destroy(error));
  if (decompress === undefined) return req.pipe(counted);
  const decompressor = decompress();
  decompressor.on('error', (error) => counted.destroy(new OntomeshError('BAD_REQUEST', `the request body cannot be read: ${error.message}`, {}, {}, { cause: error })));
  // Ends the decompression with the body, whatever ended it (the limit, the consumer's failure).
  counted.on('close', () => decompressor.destroy());
  return req.pipe(decompressor).pipe(counted);
}

function tooLarge(maxBytes: number): OntomeshError {
  return new OntomeshError('PAYLOAD_TOO_LARGE', `the upload is larger than the limit of ${maxBytes} bytes`);
}
