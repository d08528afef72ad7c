import { readdirSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { beforeAll, describe, expect, it } from 'vitest';
import { OntomeshError } from '../../src/errors/index.ts';
import type { EdgeElement, FactElement, GraphElement, PropertyElement, VertexElement } from '../../src/graph/elements.ts';
import { factsToQuads } from '../../src/graph/graphToRdf.ts';
import { RdfToGraph } from '../../src/graph/RdfToGraph.ts';
import { isSkolem } from '../../src/graph/skolem.ts';
import { isTripleTermId } from '../../src/graph/tripleTerm.ts';
import { pizzaPath, readN3Family, readRdfXml } from './fixtureQuads.ts';

const { blankNode, literal, namedNode, quad } = DataFactory;
const rdfs = 'http://www.w3.org/2000/01/rdf-schema#';
const owl = 'http://www.w3.org/2002/07/owl#';
const pizza = 'https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl#';

const facts = (elements: readonly GraphElement[]): FactElement[] => elements.filter((e): e is FactElement => e.kind !== 'vertex');

/** Maps quads in batches of `size`, as the loader does. */
function mapInBatches(mapper: RdfToGraph, quads: readonly Quad[], doc: number, size = 1000): GraphElement[] {
  const out: GraphElement[] = [];
  for (let start = 0; start < quads.length; start += size) out.push(...mapper.map(quads.slice(start, start + size), doc, pizzaPath));
  return out;
}

describe('RdfToGraph on pizza.owl', () => {
  let quads: Quad[];
  let elements: GraphElement[];
  beforeAll(async () => {
    quads = await readRdfXml(pizzaPath);
    elements = mapInBatches(new RdfToGraph('pizza'), quads, 0);
  });

  it('maps every triple to exactly one fact, literals to properties and the rest to edges', () => {
    const literalCount = quads.filter((q) => q.object.termType === 'Literal').length;
    expect(quads.length).toBeGreaterThan(1500);
    expect(facts(elements)).toHaveLength(quads.length);
    expect(elements.filter((e) => e.kind === 'property')).toHaveLength(literalCount);
    expect(elements.filter((e) => e.kind === 'edge')).toHaveLength(quads.length - literalCount);
  });

  it('emits each vertex once, before the first fact that mentions it', () => {
    const seen = new Set<string>();
    for (const element of elements) {
      if (element.kind === 'vertex') {
        expect(seen.has(element.id)).toBe(false);
        seen.add(element.id);
        continue;
      }
      expect(seen.has(element.subject)).toBe(true);
      if (element.kind === 'edge') expect(seen.has(element.object)).toBe(true);
    }
    const nodes = new Set(quads.flatMap((q) => (q.object.termType === 'Literal' ? [q.subject] : [q.subject, q.object])).map((t) => t.termType + t.value));
    expect(seen.size).toBe(nodes.size);
  });

  it('gives blank nodes skolem ids that are flagged blank and scoped to the graph', () => {
    const vertices = elements.filter((e): e is VertexElement => e.kind === 'vertex');
    const blanks = vertices.filter((v) => v.blank);
    const blankTerms = new Set(quads.flatMap((q) => [q.subject, q.object]).filter((t) => t.termType === 'BlankNode').map((t) => t.value));
    expect(blanks).toHaveLength(blankTerms.size);
    expect(blanks.length).toBeGreaterThan(100); // OWL restrictions, unions, lists
    for (const v of vertices) expect(v.blank).toBe(isSkolem(v.id));
    expect(blanks[0]!.id).toBe('urn:ontomesh:genid:pizza:0:0');
  });

  it('keeps lexical form, datatype and language of literals', () => {
    const labels = elements.filter((e): e is PropertyElement => e.kind === 'property' && e.subject === `${pizza}Margherita` && e.predicate === `${rdfs}label`);
    expect(labels.map((l) => l.value)).toEqual([{ lexical: 'Margherita', datatype: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString', language: 'pt' }]);
    const typed = elements.find((e): e is PropertyElement => e.kind === 'property' && e.predicate === `${owl}minCardinality`);
    expect(typed?.value).toEqual({ lexical: '3', datatype: 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger' });
  });

  it('turns IRI and blank objects into edges with the full predicate IRI', () => {
    const subClassOf = elements.filter((e): e is EdgeElement => e.kind === 'edge' && e.subject === `${pizza}Margherita` && e.predicate === `${rdfs}subClassOf`);
    expect(subClassOf.map((e) => e.object)).toContain(`${pizza}NamedPizza`);
    expect(subClassOf.some((e) => isSkolem(e.object))).toBe(true); // someValuesFrom restrictions
    expect(subClassOf.every((e) => e.doc === 0 && !e.inferred && e.graph === undefined)).toBe(true);
  });

  it('round-trips to an isomorphic graph, OWL axioms built from blank nodes included', () => {
    const back = factsToQuads(facts(elements));
    expect(back.some((q) => q.subject.termType === 'BlankNode')).toBe(true);
    expect(isomorphic(back, quads)).toBe(true);
  });

  it('gives the same ids when the file is parsed and mapped again', async () => {
    const again = mapInBatches(new RdfToGraph('pizza'), await readRdfXml(pizzaPath), 0, 777);
    // Within a batch, edges come before literals: the order depends on the batch size, the ids do not.
    const sorted = (mapped: GraphElement[]) => mapped.map((e) => JSON.stringify(e)).sort();
    expect(sorted(again)).toEqual(sorted(elements));
  });

  it('keeps named graphs, blank graph names included', () => {
    const g = namedNode('http://example.org/graphs/pizza');
    const b = blankNode('g');
    const inGraphs = quads.map((q, i) => quad(q.subject, q.predicate, q.object, i % 2 ? g : b));
    const mapped = new RdfToGraph('pizza').map(inGraphs, 0, pizzaPath);
    const graphs = new Set(facts(mapped).map((f) => f.graph));
    expect(graphs.size).toBe(2);
    expect(graphs.has(g.value)).toBe(true);
    expect(isomorphic(factsToQuads(facts(mapped)), inGraphs)).toBe(true);
  });
});

describe('RdfToGraph skolem ids', () => {
  const label = literal('x');
  const p = namedNode('http://example.org/p');

  it('are per document: one parser label in two documents is two nodes', () => {
    const mapper = new RdfToGraph('g');
    const a = mapper.map([quad(blankNode('b0'), p, label)], 0, 'a.ttl');
    const b = mapper.map([quad(blankNode('b0'), p, label)], 1, 'b.ttl');
    expect(facts(a)[0]!.subject).toBe('urn:ontomesh:genid:g:0:0');
    expect(facts(b)[0]!.subject).toBe('urn:ontomesh:genid:g:1:0');
  });

  it('follow first appearance across batches of one document, whatever the labels', () => {
    const mapper = new RdfToGraph('sales/eu');
    mapper.map([quad(blankNode('n3-41'), p, blankNode('n3-7'))], 0, 'a.ttl');
    const [vertex] = mapper.map([quad(blankNode('n3-7'), p, blankNode('n3-99'))], 0, 'a.ttl');
    expect(vertex).toEqual({ kind: 'vertex', id: 'urn:ontomesh:genid:sales%2Feu:0:2', blank: true });
  });
});

describe('RdfToGraph.mapInferred', () => {
  it('marks facts inferred with doc -1 and emits only vertices not seen yet', () => {
    const mapper = new RdfToGraph('pizza');
    mapper.map([quad(namedNode(`${pizza}Margherita`), namedNode(`${rdfs}subClassOf`), namedNode(`${pizza}NamedPizza`))], 0, pizzaPath);
    const inferred = mapper.mapInferred([{ subject: `${pizza}Margherita`, predicate: `${rdfs}subClassOf`, object: `${pizza}Pizza` }]);
    expect(inferred).toEqual([
      { kind: 'vertex', id: `${pizza}Pizza`, blank: false },
      { kind: 'edge', subject: `${pizza}Margherita`, predicate: `${rdfs}subClassOf`, object: `${pizza}Pizza`, graph: undefined, inferred: true, doc: -1 },
    ]);
  });
});

describe('RdfToGraph on RDF 1.2 (W3C Turtle 1.2 evaluation results)', () => {
  const dir = 'test/fixtures/shared/rdf-tests/turtle/rdf12/eval';
  const files = readdirSync(dir).filter((f) => f.endsWith('.nt'));

  it.each(files)('%s round-trips triple terms isomorphically', (file) => {
    const quads = readN3Family(`${dir}/${file}`);
    const elements = new RdfToGraph('rdf12').map(quads, 0, file);
    expect(isomorphic(factsToQuads(facts(elements)), quads)).toBe(true);
  });

  it('maps a triple term to a vertex and restores it with its blank nodes', () => {
    const quads = readN3Family(`${dir}/turtle12-eval-bnode-02.nt`);
    const elements = new RdfToGraph('rdf12').map(quads, 0, 'bnode-02.nt');
    expect(elements.some((e) => e.kind === 'vertex' && isTripleTermId(e.id) && !e.blank)).toBe(true);
    expect(factsToQuads(facts(elements)).some((q) => q.object.termType === 'Quad')).toBe(true);
  });

  it('keeps the base direction of a directional language string', () => {
    const quads = readN3Family('test/fixtures/shared/rdf-tests/turtle/rdf12/syntax/nt-ttl12-langdir-2.ttl');
    const [property] = facts(new RdfToGraph('rdf12').map(quads, 0, 'langdir-2.ttl')) as PropertyElement[];
    expect(property!.value).toMatchObject({ language: expect.any(String), direction: expect.stringMatching(/^(ltr|rtl)$/) });
    expect(isomorphic(factsToQuads([property!]), quads)).toBe(true);
  });
});

describe('RdfToGraph errors', () => {
  it('rejects a literal subject (N3) with RDF_SYNTAX naming the document and the term', () => {
    const bad = quad(literal('oops') as never, namedNode('http://example.org/p'), literal('x'));
    expect(() => new RdfToGraph('g').map([bad], 0, 'rules.n3')).toThrow(
      expect.objectContaining({ code: 'RDF_SYNTAX', location: { file: 'rules.n3', term: '"oops"' } }) as OntomeshError,
    );
  });
});
