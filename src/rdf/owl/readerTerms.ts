/**
 * What both OWL readers (functional syntax and OWL/XML) settle the same way about terms, so that one
 * ontology saved in either gives the same IRIs and literals: the prefixes every document has, how a
 * relative IRI is resolved (as rdfxml-streaming-parser resolves RDF/XML's, without normalising or
 * percent-encoding; in OWL/XML appended to xml:base, as the OWL API writes and reads it), and how OWL's
 * rdf:PlainLiteral becomes an RDF 1.1 literal.
 */
import { resolve } from 'relative-to-absolute-iri';
import type { OwlLiteral } from './OwlSyntax.ts';

export const OWL_NAMESPACE = 'http://www.w3.org/2002/07/owl#';
export const RDF_NAMESPACE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const XSD_NAMESPACE = 'http://www.w3.org/2001/XMLSchema#';

export const XSD_STRING = `${XSD_NAMESPACE}string`;
export const XSD_NON_NEGATIVE_INTEGER = `${XSD_NAMESPACE}nonNegativeInteger`;
export const RDF_LANG_STRING = `${RDF_NAMESPACE}langString`;
export const RDF_PLAIN_LITERAL = `${RDF_NAMESPACE}PlainLiteral`;

/** OWL 2 structural specification, section 2.4: these four prefixes are declared in every document. */
export const predeclaredPrefixes: ReadonlyArray<readonly [string, string]> = [
  ['rdf', RDF_NAMESPACE], ['rdfs', 'http://www.w3.org/2000/01/rdf-schema#'], ['xsd', XSD_NAMESPACE], ['owl', OWL_NAMESPACE],
];

/** A scheme: what makes an IRI absolute. */
const absoluteIri = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * `iri` resolved against `base` (RFC 3986) when it is relative; an absolute IRI comes back exactly as
 * written (no dot segments removed), so the graph holds the IRI the author wrote.
 *
 * @example resolveIri('#American', 'http://example.org/pizza.owl') // 'http://example.org/pizza.owl#American'
 */
export function resolveIri(iri: string, base: string): string {
  return absoluteIri.test(iri) ? iri : resolve(iri, base);
}

/**
 * An IRI of an OWL/XML document as the OWL API (what Protégé saves with) reads it: an absolute IRI as
 * written, a relative one appended to the xml:base in scope. The OWL API writes an IRI that starts with
 * its xml:base as the rest after the base: `IRI="serialisation-html"` under
 * `xml:base="https://w3id.org/dpv/owl#"`, `IRI="/examples"` under `xml:base="https://w3id.org/dpv"`,
 * which RFC 3986 would resolve to https://w3id.org/dpv/serialisation-html and https://w3id.org/examples.
 *
 * @example appendToBase('serialisation-html', 'https://w3id.org/dpv/owl#') // 'https://w3id.org/dpv/owl#serialisation-html'
 */
export function appendToBase(iri: string, base: string): string {
  return absoluteIri.test(iri) ? iri : base + iri;
}

/**
 * A literal of rdf:PlainLiteral, whose lexical form is `text@language`, as RDF 1.1 has it (OWL 2
 * Mapping to RDF Graphs, section 2.1): rdf:langString with the language, or xsd:string when the
 * language is empty; a form with no `@` at all is taken as the text.
 *
 * @example plainLiteral('Margherita@it') // { value: 'Margherita', datatype: rdf:langString, language: 'it' }
 */
export function plainLiteral(lexicalForm: string): OwlLiteral {
  const at = lexicalForm.lastIndexOf('@');
  const language = at < 0 ? '' : lexicalForm.slice(at + 1);
  const value = at < 0 ? lexicalForm : lexicalForm.slice(0, at);
  return language === '' ? { type: 'literal', value, datatype: XSD_STRING } : { type: 'literal', value, datatype: RDF_LANG_STRING, language };
}
