/**
 * Turtle, TriG, N-Triples and N-Quads through N3.js's Writer, streaming: each batch is written
 * as it arrives. Turtle and TriG declare the given prefixes and group the statements of one
 * subject; triple syntaxes (Turtle, N-Triples) put every quad in the default graph.
 */
import type { Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';
import { blankLabel, groupBySubject, safePrefixes } from './terms.ts';
import type { TextOutput } from './TextOutput.ts';

/** The N3.js format names of the syntaxes written through it. */
export type N3WriterSyntax = 'Turtle' | 'TriG' | 'N-Triples' | 'N-Quads';

/** Writes all batches in `syntax` to `output`. */
export async function writeN3(quads: AsyncIterable<Quad[]>, syntax: N3WriterSyntax, output: TextOutput,
  options: { prefixes?: Record<string, string>; baseIRI?: string }): Promise<void> {
  const lineMode = syntax === 'N-Triples' || syntax === 'N-Quads';
  const withGraphs = syntax === 'TriG' || syntax === 'N-Quads';
  const writer = new Writer({
    write(chunk: string, _encoding: string, done?: () => void) { output.write(chunk); done?.(); },
    end(done?: () => void) { done?.(); },
  } as unknown as NodeJS.WritableStream, {
    format: syntax,
    end: false,
    ...(lineMode ? {} : { prefixes: safePrefixes(options.prefixes) }),
    ...(lineMode || options.baseIRI === undefined ? {} : { baseIRI: options.baseIRI, writeBase: true }),
  } as ConstructorParameters<typeof Writer>[1]);
  for await (const batch of quads) {
    for (const quad of lineMode ? batch : groupBySubject(batch)) writer.addQuad(portable(quad, withGraphs));
    await output.flushIfFull();
  }
  writer.end();
  await output.flush();
}

/** The quad with blank node labels every syntax accepts, and without its graph if the syntax has none. */
function portable(quad: Quad, withGraphs: boolean): Quad {
  const subject = quad.subject.termType === 'BlankNode' ? relabel(quad.subject) : quad.subject;
  const object = quad.object.termType === 'BlankNode' ? relabel(quad.object) : quad.object;
  const graph = quad.graph.termType === 'DefaultGraph' ? quad.graph : !withGraphs ? DataFactory.defaultGraph() : quad.graph.termType === 'BlankNode' ? relabel(quad.graph) : quad.graph;
  if (subject === quad.subject && object === quad.object && graph === quad.graph) return quad;
  return DataFactory.quad(subject as Quad_Subject, quad.predicate, object as Quad_Object, graph);
}

function relabel<T extends Quad['subject'] | Quad['object'] | Quad['graph']>(term: T): T {
  const label = blankLabel(term.value);
  return (label === term.value ? term : DataFactory.blankNode(label)) as T;
}
