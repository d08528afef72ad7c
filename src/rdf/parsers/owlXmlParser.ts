/**
 * OWL/XML (Protégé's "OWL/XML Syntax"): read into OWL events and mapped to RDF as the W3C
 * mapping defines, streaming axiom by axiom.
 */
import type { RdfParser } from '../parse.ts';
import { owlToRdf } from '../owl/owlToRdf.ts';
import { readOwlXml } from '../owl/readOwlXml.ts';

/** The OWL/XML parser. */
export const owlXmlParser: RdfParser = {
  parse: (input, options, sink) => owlToRdf(readOwlXml(input, options), options, sink),
};
