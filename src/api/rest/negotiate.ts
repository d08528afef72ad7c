/**
 * Content negotiation for RDF responses: the export syntax a request asks for, by its Accept header
 * or an explicit `?format=`, and the validators (ETag, Last-Modified) of a version's representation.
 */
import type { Request, Response } from 'express';
import { OntomeshError } from '../../errors/index.ts';
import { exportMediaTypes, type ExportFormat } from '../../rdf/index.ts';

/** Formats in order of preference when the client accepts several equally (Turtle first, the Protégé default). */
const offered: ExportFormat[] = ['ttl', 'rdfxml', 'jsonld', 'nt', 'nq', 'trig'];
/** Media types clients use for the same syntaxes. */
const aliases: Record<string, ExportFormat> = {
  'application/x-turtle': 'ttl',
  'application/turtle': 'ttl',
  'application/json': 'jsonld',
  'application/xml': 'rdfxml',
  'text/plain': 'nt',
};

/**
 * The format of the response: `?format=ttl|nt|nq|trig|rdfxml|jsonld` when given, else the best match
 * of the Accept header, else Turtle (RFC 9110 lets a server send its default rather than 406).
 *
 * @example negotiateFormat(req) // 'rdfxml' for `Accept: application/rdf+xml`
 */
export function negotiateFormat(req: Request): ExportFormat {
  const asked = req.query['format'];
  if (asked !== undefined) {
    if (typeof asked === 'string' && asked in exportMediaTypes) return asked as ExportFormat;
    throw new OntomeshError('BAD_REQUEST', `format must be one of ${Object.keys(exportMediaTypes).join(', ')} (got ${JSON.stringify(asked)})`, { term: String(asked) });
  }
  const types = [...offered.map((format) => exportMediaTypes[format]), ...Object.keys(aliases)];
  const best = req.accepts(types);
  if (best === false) return 'ttl';
  return aliases[best] ?? offered.find((format) => exportMediaTypes[format] === best)!;
}

/**
 * Sets Content-Type, ETag, Last-Modified and Vary for `format` of a version and answers 304 when the
 * client's copy is current. Returns true when the body is still to be sent.
 */
export function sendValidators(req: Request, res: Response, format: ExportFormat, version: { version: number; createdAt: string }, tag = String(version.version)): boolean {
  const etag = `"${tag}-${format}"`;
  res.setHeader('Content-Type', `${exportMediaTypes[format]}; charset=utf-8`);
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', new Date(version.createdAt).toUTCString());
  res.setHeader('Vary', 'Accept');
  res.setHeader('Ontomesh-Version', String(version.version));
  if (matches(req.get('if-none-match'), etag)) {
    res.status(304).end();
    return false;
  }
  return true;
}

/**
 * If-None-Match against the current ETag (weak comparison, RFC 9110 §13.1.2). Unlike Express's
 * `req.fresh`, a request's `Cache-Control: no-cache` does not turn validation off: fetch() adds it to
 * every conditional request, and an origin server validates whatever the caches did.
 */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
