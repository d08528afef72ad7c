/**
 * Writing quads in an export syntax to a stream: batches in, text out, with the output stream's
 * back-pressure honoured. Every syntax is written as the batches arrive, so memory stays bounded
 * by a batch and one subject's statements, whatever the size of the graph.
 */
import type { Quad } from '@rdfjs/types';
import { writeJsonLd } from './serializers/jsonLdSerializer.ts';
import { writeN3 } from './serializers/n3Serializer.ts';
import { writeRdfXml } from './serializers/rdfXmlSerializer.ts';
import { TextOutput } from './serializers/TextOutput.ts';

/** An export syntax, by its usual file extension. */
export type ExportFormat = 'ttl' | 'nt' | 'nq' | 'trig' | 'rdfxml' | 'jsonld';

/** The media type of each export syntax (for Content-Type and content negotiation). */
export const exportMediaTypes: Record<ExportFormat, string> = {
  ttl: 'text/turtle',
  nt: 'application/n-triples',
  nq: 'application/n-quads',
  trig: 'application/trig',
  rdfxml: 'application/rdf+xml',
  jsonld: 'application/ld+json',
};

/** How to write. */
export interface SerializeOptions {
  /** Prefixes to declare and abbreviate with (Turtle, TriG, RDF/XML namespaces). */
  prefixes?: Record<string, string>;
  /** Turtle and TriG: write IRIs relative to this base and declare it with `@base`. */
  baseIRI?: string;
}

/**
 * Writes the quads of `quads` to `output` in `format`. Turtle, N-Triples and RDF/XML carry no
 * graph names: quads of named graphs are written as triples. JSON-LD is written in expanded form.
 * The output stream is not ended; rejects with OntomeshError `UNSUPPORTED_FORMAT`, naming the term,
 * when a quad cannot be expressed in the syntax (an RDF/XML predicate without an XML name, a literal
 * XML 1.0 cannot carry, a triple term in JSON-LD).
 *
 * @example
 * await serialize(store.quads(), 'ttl', process.stdout, { prefixes: { owl: 'http://www.w3.org/2002/07/owl#' } });
 */
export async function serialize(quads: AsyncIterable<Quad[]>, format: ExportFormat, output: NodeJS.WritableStream,
  options: SerializeOptions = {}): Promise<void> {
  const text = new TextOutput(output);
  switch (format) {
    case 'ttl': return writeN3(quads, 'Turtle', text, options);
    case 'trig': return writeN3(quads, 'TriG', text, options);
    case 'nt': return writeN3(quads, 'N-Triples', text, options);
    case 'nq': return writeN3(quads, 'N-Quads', text, options);
    case 'rdfxml': return writeRdfXml(quads, text, options);
    case 'jsonld': return writeJsonLd(quads, text);
  }
}
