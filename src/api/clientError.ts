/**
 * The one mapping of what Express and its body parsers raise for a request they cannot take (an
 * http-error with a 4xx `status`) to an ontomesh error, so that the REST routes and /graphql answer a
 * body over the limit, a charset or Content-Encoding they cannot read, malformed JSON or an
 * undecodable path the same way, with the code's status.
 */
import { OntomeshError } from '../errors/index.ts';

/** The fields of body-parser's and the router's errors (http-errors) this mapping reads. */
interface HttpError extends Error {
  status?: unknown;
  /** body-parser's kind of failure: 'entity.too.large', 'entity.parse.failed', 'charset.unsupported', ... */
  type?: unknown;
  /** The byte limit of an 'entity.too.large'. */
  limit?: unknown;
  /** zlib's code (Z_DATA_ERROR, ...) when a compressed body does not decompress. */
  code?: unknown;
}

/**
 * A client's error raised by Express middleware, as an OntomeshError; anything else (an OntomeshError,
 * a failure of the server) as it is.
 *
 * @example clientError(tooLargeFromBodyParser) // OntomeshError PAYLOAD_TOO_LARGE 'the request body is larger than the limit of 1048576 bytes'
 */
export function clientError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof OntomeshError) return error;
  const { status, type, limit, code, message } = error as HttpError;
  if (typeof status !== 'number' || status < 400 || status >= 500) return error;
  const cause = { cause: error };
  if (type === 'entity.too.large') return new OntomeshError('PAYLOAD_TOO_LARGE', `the request body is larger than the limit of ${String(limit)} bytes`, {}, {}, cause);
  if (type === 'entity.parse.failed') return new OntomeshError('BAD_REQUEST', `the request body is not valid JSON: ${message}`, {}, {}, cause);
  // body-parser's only 415s: a charset or a Content-Encoding it cannot decode.
  if (status === 415) return new OntomeshError('UNSUPPORTED_FORMAT', `the request body cannot be read: ${message}`, {}, {}, cause);
  // The router's: a path parameter that is not valid percent-encoding ("Failed to decode param '%ZZ'").
  if (error instanceof URIError) return new OntomeshError('BAD_REQUEST', `the URL path is not valid percent-encoding: ${message}`, {}, {}, cause);
  const body = typeof type === 'string' || (typeof code === 'string' && code.startsWith('Z_'));
  return new OntomeshError('BAD_REQUEST', `the request${body ? ' body' : ''} cannot be read: ${message}`, {}, {}, cause);
}
