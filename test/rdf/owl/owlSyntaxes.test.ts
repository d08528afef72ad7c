import { readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { Store } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { beforeAll, describe, expect, it } from 'vitest';
import { OntomeshError } from '../../../src/errors/index.ts';
import { parseFile, parseStream } from '../../../src/rdf/parse.ts';
import { withSetListsSorted } from './setValuedLists.ts';

// Protégé's Pizza in four files: OWL functional syntax, OWL/XML and two RDF/XML versions. Parsed
// with the real parsers, each non-RDF file must give the graph of the RDF/XML file that holds the
// same ontology, and where the files really differ the test names the triples and why.
const PROTEGE = 'test/fixtures/shared/protege-owl/protege-test-ontologies';
const files = {
  functional: `${PROTEGE}/pizza-functional.owl`,
  owlXml: `${PROTEGE}/update/pizza-xml.owl`,
  rdfXml: `${PROTEGE}/pizza.owl`,
  updateRdfXml: `${PROTEGE}/update/pizza.owl`,
};
const PIZZA = 'http://example.invalid/ontologies/pizza/2005/10/18/pizza.owl';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const OWL = 'http://www.w3.org/2002/07/owl#';

/** The file's triples, duplicates removed (a graph is a set; OWL files may state an axiom twice). */
async function graph(path: string): Promise<Quad[]> {
  const store = new Store();
  const result = await parseFile(path, {}, { quads: (batch) => void store.addQuads(batch) });
  expect(result.quads).toBeGreaterThan(1000);
  return store.getQuads(null, null, null, null);
}

/** A triple without blank nodes as one string, to compare such triples across graphs. */
const ground = (quad: Quad): string | undefined =>
  quad.subject.termType === 'BlankNode' || quad.object.termType === 'BlankNode' ? undefined : `${quad.subject.value} ${quad.predicate.value} ${quad.object.termType === 'Literal' ? JSON.stringify(quad.object.value) : quad.object.value}`;

/** The triples without blank nodes of `a` that `b` lacks. */
function onlyIn(a: Quad[], b: Quad[]): Quad[] {
  const other = new Set(b.map(ground));
  return a.filter((quad) => ground(quad) !== undefined && !other.has(ground(quad)));
}

const header = (quads: Quad[]) => quads.filter((q) => q.subject.value === PIZZA).map(ground).sort();

describe('Pizza in OWL functional syntax and OWL/XML against RDF/XML', () => {
  const graphs: Record<keyof typeof files, Quad[]> = { functional: [], owlXml: [], rdfXml: [], updateRdfXml: [] };
  beforeAll(async () => {
    for (const key of Object.keys(files) as (keyof typeof files)[]) graphs[key] = await graph(files[key]);
  });

  it('pairs the files by their ontology header: functional with pizza.owl, OWL/XML with update/pizza.owl', () => {
    expect(header(graphs.functional)).toEqual(header(graphs.rdfXml));
    expect(header(graphs.owlXml)).toEqual(header(graphs.updateRdfXml));
    // The update adds an import of Protégé's own ontology; protege:defaultLanguage "en" is on the ontology in
    // both, a data property assertion in pizza.owl and pizza-functional.owl, an ontology annotation in the update.
    const added = header(graphs.updateRdfXml).filter((triple) => !header(graphs.rdfXml).includes(triple));
    expect(added).toEqual([`${PIZZA} ${OWL}imports http://protege.stanford.edu/plugins/owl/protege`]);
    expect(header(graphs.rdfXml)).toContain(`${PIZZA} http://protege.stanford.edu/plugins/owl/protege#defaultLanguage "en"`);
    // …which makes the ontology an individual there too: pizza.owl types it so, the update does not.
    expect(header(graphs.rdfXml).filter((triple) => !header(graphs.updateRdfXml).includes(triple))).toEqual([`${PIZZA} ${RDF_TYPE} ${OWL}NamedIndividual`]);
  });

  it('gives the graph of pizza.owl from pizza-functional.owl, but for the second direction of disjointness the functional file also states and the order of set operands', () => {
    // pizza-functional.owl states most disjointness twice, DisjointClasses(A B) and DisjointClasses(B A): one
    // axiom, but two triples, A owl:disjointWith B and B owl:disjointWith A; pizza.owl has one of them.
    const text = readFileSync(files.functional, 'utf8');
    const stated = new Set([...text.matchAll(/^DisjointClasses\(<([^>]+)> <([^>]+)>\)$/gm)].map(([, a, b]) => `${a} ${OWL}disjointWith ${b}`));
    const written = new Set(graphs.rdfXml.filter((q) => q.predicate.value === `${OWL}disjointWith`).map(ground));
    const reversedOnly = [...stated].filter((triple) => !written.has(triple));
    expect(reversedOnly.length).toBeGreaterThan(0);
    for (const triple of reversedOnly) {
      const [a, , b] = triple.split(' ');
      expect(written.has(`${b} ${OWL}disjointWith ${a}`)).toBe(true);
    }
    const extra = onlyIn(graphs.functional, graphs.rdfXml);
    expect(extra.map(ground).sort()).toEqual(reversedOnly.sort());
    expect(onlyIn(graphs.rdfXml, graphs.functional)).toEqual([]);
    const rest = graphs.functional.filter((quad) => !extra.includes(quad));
    expect(rest).toHaveLength(graphs.rdfXml.length);
    // The other difference: the functional file writes the operands of ObjectIntersectionOf/UnionOf in
    // another order than pizza.owl's lists, the same sets.
    expect(isomorphic(rest, graphs.rdfXml)).toBe(false);
    expect(isomorphic(withSetListsSorted(rest), withSetListsSorted(graphs.rdfXml))).toBe(true);
  });

  it('gives the graph of update/pizza.owl from update/pizza-xml.owl, but for the declarations only the RDF/XML has', () => {
    const missing = onlyIn(graphs.updateRdfXml, graphs.owlXml);
    expect(missing.map(ground).sort()).toEqual([
      ...['America', 'England', 'France', 'Germany', 'Italy'].map((country) => `${PIZZA}#${country} ${RDF_TYPE} ${OWL}NamedIndividual`),
      ...['http://protege.stanford.edu/plugins/owl/protege#defaultLanguage', `${OWL}versionInfo`, 'http://www.w3.org/2000/01/rdf-schema#comment', 'http://www.w3.org/2000/01/rdf-schema#label']
        .map((property) => `${property} ${RDF_TYPE} ${OWL}AnnotationProperty`),
      `${OWL}Thing ${RDF_TYPE} ${OWL}Class`,
    ].sort());
    // The OWL/XML file uses these entities without a Declaration of any of them.
    const declarations = [...readFileSync(files.owlXml, 'utf8').matchAll(/<Declaration>([\s\S]*?)<\/Declaration>/g)].map(([, body]) => body!).join('\n');
    for (const quad of missing) {
      const name = quad.subject.value.replace(/^.*[#/]/, '');
      expect(declarations).not.toMatch(new RegExp(`IRI="[^"]*[#:/]${name}"`));
    }
    expect(onlyIn(graphs.owlXml, graphs.updateRdfXml)).toEqual([]);
    const rest = graphs.updateRdfXml.filter((quad) => !missing.includes(quad));
    expect(rest).toHaveLength(graphs.owlXml.length);
    expect(isomorphic(graphs.owlXml, rest)).toBe(true);
  });
});

describe('a construct that does not fit, read from a document', () => {
  async function* chunks(text: string): AsyncGenerator<string> {
    yield text;
  }
  const parse = (text: string, format: 'ofn' | 'owlxml') =>
    parseStream(chunks(text), { format, file: `bad.${format}` }, { quads() {} }).then(() => undefined, (e: unknown) => e);

  it('is RDF_SYNTAX at the construct\'s line and column, in functional syntax and in OWL/XML', async () => {
    const functional = await parse('Ontology(<http://ex.org/o>\n  SubClassOf(<http://ex.org/A>)\n)\n', 'ofn');
    expect(functional).toBeInstanceOf(OntomeshError);
    expect(functional).toMatchObject({ code: 'RDF_SYNTAX', location: { file: 'bad.ofn', line: 2, column: 3 }, message: 'SubClassOf expects a class expression as argument 2, found nothing more' });
    const owlXml = await parse('<?xml version="1.0"?>\n<Ontology xmlns="http://www.w3.org/2002/07/owl#" ontologyIRI="http://ex.org/o">\n  <SubClassOf><Class IRI="http://ex.org/A"/>\n    <ObjectSomeValuesFrom><ObjectProperty IRI="http://ex.org/p"/></ObjectSomeValuesFrom></SubClassOf>\n</Ontology>\n', 'owlxml');
    expect(owlXml).toBeInstanceOf(OntomeshError);
    expect(owlXml).toMatchObject({ code: 'RDF_SYNTAX', location: { file: 'bad.owlxml', line: 4, column: 5 }, message: 'ObjectSomeValuesFrom expects a class expression as argument 2, found nothing more' });
  });
});
