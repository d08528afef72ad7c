/**
 * JSON-LD in expanded form, streaming: a top-level array with one node object (one line per
 * property) per run of
 * statements of a subject, named graphs as `{"@id": g, "@graph": [...]}`. Expanded form uses full
 * IRIs only, so no context can change what a string means and it reads back to exactly the same
 * quads; literals keep their lexical form (`@value` strings, never JSON numbers).
 */
import type { Literal, Quad, Term } from '@rdfjs/types';
import { OntomeshError } from '../../errors/index.ts';
import { blankLabel, groupBySubject, termText } from './terms.ts';
import type { TextOutput } from './TextOutput.ts';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

type ValueObject = { '@id': string } | { '@value': string; '@type'?: string; '@language'?: string; '@direction'?: string };
type NodeObject = { '@id': string; '@type'?: string[] } & Record<string, unknown>;

/** Writes all batches as one expanded JSON-LD document. */
export async function writeJsonLd(quads: AsyncIterable<Quad[]>, output: TextOutput): Promise<void> {
  output.write('[');
  let graph: Quad['graph'] | undefined;
  let subject: Quad['subject'] | undefined;
  let node: NodeObject | undefined;
  let topFirst = true;
  let graphFirst = true;
  const writeNode = (): void => {
    if (!node || !graph) return;
    const named = graph.termType !== 'DefaultGraph';
    const indent = named ? '      ' : '  ';
    const members = Object.entries(node).map(([key, value]) => `${indent}  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    output.write(`${(named ? graphFirst : topFirst) ? '' : ','}\n${indent}{\n${members.join(',\n')}\n${indent}}`);
    if (named) graphFirst = false;
    else topFirst = false;
  };
  const closeGraph = (): void => {
    if (graph && graph.termType !== 'DefaultGraph') output.write('\n    ]\n  }');
  };
  for await (const batch of quads) {
    for (const quad of groupBySubject(batch)) {
      if (!graph || !graph.equals(quad.graph)) {
        writeNode();
        closeGraph();
        node = undefined;
        graph = quad.graph;
        if (graph.termType !== 'DefaultGraph') {
          output.write(`${topFirst ? '' : ','}\n  {\n    "@id": ${JSON.stringify(id(graph))},\n    "@graph": [`);
          topFirst = false;
          graphFirst = true;
        }
      }
      if (!subject || !subject.equals(quad.subject) || !node) {
        writeNode();
        subject = quad.subject;
        node = { '@id': id(quad.subject) };
      }
      addStatement(node, quad);
    }
    await output.flushIfFull();
  }
  writeNode();
  closeGraph();
  output.write('\n]\n');
  await output.flush();
}

function addStatement(node: NodeObject, quad: Quad): void {
  const predicate = quad.predicate.value;
  const object = quad.object;
  if (predicate === RDF_TYPE && (object.termType === 'NamedNode' || object.termType === 'BlankNode')) {
    (node['@type'] ??= []).push(id(object));
    return;
  }
  const values = (node[predicate] ??= []) as ValueObject[];
  values.push(value(object, quad));
}

function value(term: Term, quad: Quad): ValueObject {
  if (term.termType === 'NamedNode' || term.termType === 'BlankNode') return { '@id': id(term) };
  if (term.termType !== 'Literal') {
    // JSON-LD 1.1 has no triple terms (RDF 1.2); writing one as anything else would change the graph.
    const kind = term.termType === 'Quad' ? 'triple term' : term.termType;
    throw new OntomeshError('UNSUPPORTED_FORMAT', `Cannot write JSON-LD: the ${kind} ${termText(term)} has no JSON-LD 1.1 form (object of ${termText(quad.predicate)} of subject ${termText(quad.subject)}); export as Turtle, N-Triples or RDF/XML instead`,
      { term: termText(term) });
  }
  const literal = term as Literal & { direction?: string };
  if (literal.language) {
    return literal.direction
      ? { '@value': literal.value, '@language': literal.language, '@direction': literal.direction }
      : { '@value': literal.value, '@language': literal.language };
  }
  const datatype = literal.datatype.value;
  return datatype === XSD_STRING || datatype === RDF_LANG_STRING ? { '@value': literal.value } : { '@value': literal.value, '@type': datatype };
}

function id(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${blankLabel(term.value)}` : term.value;
}
