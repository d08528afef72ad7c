/**
 * The W3C "OWL 2 Mapping to RDF Graphs" (section 2, as the OWL API writes it) over the events of
 * a functional-syntax or OWL/XML reader: each axiom becomes its triples as soon as it is read, so
 * a document is translated in the memory of its largest axiom.
 */
import { OntomeshError } from '../../errors/index.ts';
import type { QuadSink } from '../parse.ts';
import { QuadBatcher } from '../parsers/QuadBatcher.ts';
import type { OwlEvent, OwlPosition } from './OwlSyntax.ts';
import { OwlGraph, type Resource } from './OwlGraph.ts';
import { annotate } from './owlAnnotations.ts';
import { translateAxiom } from './owlAxioms.ts';
import { owl, rdf } from './rdfVocabulary.ts';

/**
 * Translates an OWL document, read as events, to RDF quads in the default graph, sent to `sink` in
 * batches (awaited when full), its prefixes to `sink.prefix`. A construct that does not fit the
 * OWL 2 structural specification rejects with OntomeshError `RDF_SYNTAX` at its line and column.
 *
 * @example
 * await owlToRdf(readFunctionalSyntax(chunks, { baseIRI, file }), { file }, sink);
 */
export async function owlToRdf(events: AsyncIterable<OwlEvent>, options: { file?: string }, sink: QuadSink): Promise<void> {
  const batch = new QuadBatcher(sink);
  const graph = new OwlGraph((quad) => batch.add(quad));
  let ontology: Resource | undefined;
  const header = (at: OwlPosition, what: string): Resource => {
    if (ontology) return ontology;
    throw new OntomeshError('RDF_SYNTAX', `${what} before the ontology header`, { file: options.file, line: at.line, column: at.column });
  };
  for await (const event of events) {
    switch (event.type) {
      case 'prefix':
        sink.prefix?.(event.name, event.iri);
        break;
      case 'ontology':
        ontology = event.iri === undefined ? graph.blank() : graph.iri(event.iri);
        graph.add(ontology, rdf('type'), owl('Ontology'));
        if (event.versionIri !== undefined) graph.add(ontology, owl('versionIRI'), graph.iri(event.versionIri));
        break;
      case 'import':
        graph.add(header(event, 'An import'), owl('imports'), graph.iri(event.iri));
        break;
      case 'annotation':
        annotate(header(event.annotation, 'An ontology annotation'), event.annotation, graph, options.file);
        break;
      case 'axiom':
        translateAxiom(event.axiom, graph, options.file);
        break;
    }
    if (batch.full) await batch.flush();
  }
  await batch.flush();
}
