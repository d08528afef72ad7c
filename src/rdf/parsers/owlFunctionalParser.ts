/**
 * OWL functional-style syntax (Protégé's "OWL Functional Syntax"): read into OWL events and mapped
 * to RDF as the W3C mapping defines, streaming axiom by axiom.
 */
import type { RdfParser } from '../parse.ts';
import { owlToRdf } from '../owl/owlToRdf.ts';
import { readFunctionalSyntax } from '../owl/readFunctionalSyntax.ts';

/** The OWL functional-syntax parser. */
export const owlFunctionalParser: RdfParser = {
  parse: (input, options, sink) => owlToRdf(readFunctionalSyntax(input, options), options, sink),
};
