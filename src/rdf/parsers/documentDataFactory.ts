/**
 * The term factory for parsers that are not N3.js: N3.js terms (what the rest of ontomesh
 * expects), with blank nodes scoped to one document. Blank node labels are local to a document,
 * so two documents that both say `rdf:nodeID="genid1"` (or `_:b0`) must not share a node.
 */
import type { DataFactory as RdfDataFactory } from '@rdfjs/types';
import { DataFactory } from 'n3';

let documents = 0;

/**
 * A data factory for one parse. Labelled blank nodes become `d<n>_<label>`, unlabelled ones
 * `d<n>-<counter>`; the separator keeps the two apart whatever the labels are.
 */
export function documentDataFactory(): RdfDataFactory {
  const prefix = `d${documents++}`;
  let unlabelled = 0;
  return {
    ...DataFactory,
    // jsonld-streaming-parser passes null for "no language or datatype"; N3.js expects undefined.
    literal: (value: string, languageOrDatatype?: Parameters<typeof DataFactory.literal>[1] | null) => DataFactory.literal(value, languageOrDatatype ?? undefined),
    blankNode: (label?: string) => DataFactory.blankNode(label === undefined ? `${prefix}-${unlabelled++}` : `${prefix}_${label}`),
  } as RdfDataFactory;
}
