/**
 * The IRIs the OWL 2 mapping to RDF writes (RDF, RDFS, OWL, XSD and SWRL), as RDF/JS named nodes.
 */
import type { NamedNode } from '@rdfjs/types';
import { DataFactory } from 'n3';

/** A namespace: `ns('Class')` is the named node of the IRI `<namespace>Class`. */
function namespace(base: string): (name: string) => NamedNode {
  return (name) => DataFactory.namedNode(base + name);
}

export const rdf = namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#');
export const rdfs = namespace('http://www.w3.org/2000/01/rdf-schema#');
export const owl = namespace('http://www.w3.org/2002/07/owl#');
export const xsd = namespace('http://www.w3.org/2001/XMLSchema#');
/** The SWRL vocabulary the OWL API writes rules in. */
export const swrl = namespace('http://www.w3.org/2003/11/swrl#');
