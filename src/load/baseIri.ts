/**
 * The base IRI a load resolves relative IRIs against must itself be an absolute IRI: with anything
 * else (`has space`, `notanIRI`, `://`, `ftp:`) the parsers build IRIs such as `<has space#A>`,
 * the load succeeds, and its export cannot be read back. Checked once, before anything is read.
 */
import { OntomeshError } from '../errors/index.ts';

/**
 * An absolute IRI (RFC 3987): a scheme, a colon and something after it, no character an IRI may not
 * hold (spaces and other controls, `<>"{}|\^` and backquote: Turtle's IRIREF refuses the same), and
 * `%` only as a percent-encoded octet.
 */
const absoluteIri = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[^\u0000-\u0020<>"{}|\\^`%]|%[0-9A-Fa-f]{2})+$/u;

/**
 * `iri` when it is an absolute IRI; otherwise `BAD_REQUEST NAME must be an absolute IRI`.
 *
 * @param name how the caller calls the value (`--base`), for the message.
 * @example checkBaseIri('https://example.org/onto#', '--base') // 'https://example.org/onto#'
 */
export function checkBaseIri(iri: string, name = 'the base IRI'): string {
  if (absoluteIri.test(iri)) return iri;
  throw new OntomeshError('BAD_REQUEST', `${name} must be an absolute IRI such as https://example.org/ontology# (got ${JSON.stringify(iri)})`, { term: iri });
}
