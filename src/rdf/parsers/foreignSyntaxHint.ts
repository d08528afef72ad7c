/**
 * The hint a syntax error gets when the document is in another syntax altogether (JSON-LD saved
 * as `.rdf`, RDF/XML saved as `.ttl`): its name or a forced format chose the parser, and the
 * parser's own message ("text data outside of root node") would not say so.
 */
import { sniffFormat, type RdfFormat } from '../formats.ts';

/** Characters of the document's start that are sniffed. */
const HEAD_LENGTH = 4096;

const syntaxNames: Record<RdfFormat, string> = {
  turtle: 'Turtle (.ttl)',
  trig: 'TriG (.trig)',
  ntriples: 'N-Triples (.nt)',
  nquads: 'N-Quads (.nq)',
  rdfxml: 'RDF/XML (.rdf, .owl)',
  owlxml: 'OWL/XML (.owx, .owl)',
  jsonld: 'JSON-LD (.jsonld)',
  ofn: 'OWL functional syntax (.ofn)',
};

/**
 * `; the document looks like …: rename it or pass its format` when the start of the document
 * (`head`) sniffs as a syntax outside `family` (the syntaxes the failing parser reads), else ''.
 *
 * @example foreignSyntaxHint('{"@context": {}}', ['rdfxml']) // '; the document looks like JSON-LD (.jsonld): …'
 */
export function foreignSyntaxHint(head: string | undefined, family: readonly RdfFormat[]): string {
  const format = head === undefined ? undefined : sniffFormat(head.slice(0, HEAD_LENGTH));
  return format === undefined || family.includes(format) ? '' : `; the document looks like ${syntaxNames[format]}: rename it or pass its format`;
}
