/**
 * Reads fixture files into RDF/JS quads with the parsing libraries directly, so the mapping tests
 * depend on nothing but src/graph.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

export const pizzaPath = 'test/fixtures/shared/protege-owl/pizza-owlcs/pizza.owl';

/** Parses an RDF/XML file (streaming, like the loader does). */
export function readRdfXml(path: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    createReadStream(path)
      .pipe(new RdfXmlParser({ baseIRI: pathToFileURL(path).href }))
      .on('data', (quad: Quad) => quads.push(quad))
      .on('error', reject)
      .on('end', () => resolve(quads));
  });
}

/** Parses a Turtle, TriG, N-Triples or N-Quads file (format from the extension). */
export function readN3Family(path: string, baseIRI = pathToFileURL(path).href): Quad[] {
  return new Parser({ baseIRI }).parse(readFileSync(path, 'utf8'));
}
