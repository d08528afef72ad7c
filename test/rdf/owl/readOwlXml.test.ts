import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OntomeshError } from '../../../src/errors/index.ts';
import type { OwlConstruct, OwlEvent, OwlNode } from '../../../src/rdf/owl/OwlSyntax.ts';
import { readOwlXml } from '../../../src/rdf/owl/readOwlXml.ts';
import { inChunks } from '../inChunks.ts';

const file = 'test/fixtures/shared/protege-owl/protege-test-ontologies/update/pizza-xml.owl';
const pizza = readFileSync(file, 'utf8');
const baseIRI = pathToFileURL(file).href;
const PIZZA = 'http://example.invalid/ontologies/pizza/2005/10/18/pizza.owl';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const OWL_NS = 'xmlns="http://www.w3.org/2002/07/owl#"';

async function read(text: string, size = 4096, name = 'doc.owx'): Promise<OwlEvent[]> {
  const events: OwlEvent[] = [];
  for await (const event of readOwlXml(inChunks(text, size), { baseIRI: 'http://example.org/doc', file: name })) events.push(event);
  return events;
}

async function failure(text: string, size = 4096): Promise<OntomeshError> {
  const error = await read(text, size, 'bad.owx').then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  expect((error as OntomeshError).code).toBe('RDF_SYNTAX');
  expect((error as OntomeshError).location.file).toBe('bad.owx');
  return error as OntomeshError;
}

/** An OWL/XML document with the given children of its root. */
function ontology(children: string, attributes = ''): string {
  return `<?xml version="1.0"?>\n<Ontology ${OWL_NS} ontologyIRI="http://example.org/o"${attributes}>\n${children}\n</Ontology>\n`;
}

const axioms = (events: OwlEvent[]) => events.flatMap((event) => (event.type === 'axiom' ? [event.axiom] : []));
const iri = (value: string): OwlNode => ({ type: 'iri', iri: value });
const entity = (name: string, value: string) => expect.objectContaining({ type: 'construct', name, args: [iri(value)] });

/** A construct without positions, for comparing trees. */
function shape(node: OwlNode): unknown {
  if (node.type === 'construct') return { name: node.name, args: node.args.map(shape) };
  if (node.type === 'group') return { group: node.items.map(shape) };
  return node;
}

describe('readOwlXml on Protégé\'s Pizza in OWL/XML', async () => {
  const events: OwlEvent[] = [];
  for await (const event of readOwlXml(inChunks(pizza, 4096), { baseIRI, file })) events.push(event);

  it('yields one axiom per top-level element, by name, as the file has them', () => {
    // The file's top-level elements are the ones indented by four spaces.
    const expected: Record<string, number> = {};
    for (const [, name] of pizza.matchAll(/^ {4}<([A-Za-z]+)/gm)) {
      if (!['Prefix', 'Import', 'Annotation'].includes(name!)) expected[name!] = (expected[name!] ?? 0) + 1;
    }
    const actual: Record<string, number> = {};
    for (const axiom of axioms(events)) actual[axiom.name] = (actual[axiom.name] ?? 0) + 1;
    expect(actual).toEqual(expected);
    expect(events.filter((event) => event.type === 'annotation')).toHaveLength([...pizza.matchAll(/^ {4}<Annotation>/gm)].length);
  });

  it('yields the prefixes, then the ontology, its imports and annotations', () => {
    const prefixes = [...pizza.matchAll(/<Prefix name="([^"]*)" IRI="([^"]*)"\/>/g)].map(([, name, value]) => ({ type: 'prefix', name, iri: value }));
    const imports = [...pizza.matchAll(/<Import>([^<]*)<\/Import>/g)].map(([, value]) => value);
    const ontologyIri = /ontologyIRI="([^"]*)"/.exec(pizza)![1];
    expect(prefixes.length).toBeGreaterThan(0);
    expect(events.slice(0, prefixes.length)).toEqual(prefixes);
    expect(events[prefixes.length]).toEqual({ type: 'ontology', iri: ontologyIri, line: 12, column: 1 });
    expect(events.filter((event) => event.type === 'import').map((event) => event.type === 'import' && event.iri)).toEqual(imports);
    const [comment] = events.filter((event) => event.type === 'annotation');
    expect(comment).toMatchObject({ annotation: { name: 'Annotation', line: 24, column: 5, args: [entity('AnnotationProperty', 'http://www.w3.org/2000/01/rdf-schema#comment'), { type: 'literal', datatype: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString', language: 'en' }] } });
  });

  it('reads entities (IRIs resolved against xml:base), literals of &xsd;string and of a language, and cardinalities', () => {
    const all = axioms(events);
    expect(all[0]).toEqual({ type: 'construct', name: 'Declaration', args: [{ type: 'construct', name: 'Class', args: [iri(`${PIZZA}#American`)], line: 37, column: 9 }], line: 36, column: 5 });
    const unclosed = all.filter((axiom) => axiom.name === 'AnnotationAssertion' && JSON.stringify(axiom.args[1]) === JSON.stringify(iri(`${PIZZA}#UnclosedPizza`)));
    expect(unclosed.map((axiom) => axiom.args[2])).toEqual([
      { type: 'literal', value: 'An unclosed Pizza cannot be inferred to be either a VegetarianPizza or a NonVegetarianPizza, because it might have other toppings.', datatype: `${XSD}string` },
      { type: 'literal', value: 'PizzaAberta', datatype: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString', language: 'pt' },
    ]);
    const interesting = all.find((axiom) => axiom.name === 'EquivalentClasses' && axiom.line === 374)!;
    expect(shape(interesting)).toEqual({ name: 'EquivalentClasses', args: [
      { name: 'Class', args: [iri(`${PIZZA}#InterestingPizza`)] },
      { name: 'ObjectIntersectionOf', args: [
        { name: 'Class', args: [iri(`${PIZZA}#Pizza`)] },
        { name: 'ObjectMinCardinality', args: [{ type: 'literal', value: '3', datatype: `${XSD}nonNegativeInteger` }, { name: 'ObjectProperty', args: [iri(`${PIZZA}#hasTopping`)] }] },
      ] },
    ] });
    const different = all.find((axiom) => axiom.name === 'DifferentIndividuals')!;
    expect(different.args.map((arg) => (arg as OwlConstruct).args[0])).toEqual(['America', 'England', 'France', 'Germany', 'Italy'].map((name) => iri(`${PIZZA}#${name}`)));
  });

  it('yields the same events whatever the chunks', async () => {
    for (const size of [1, 7]) {
      const again: OwlEvent[] = [];
      for await (const event of readOwlXml(inChunks(pizza, size), { baseIRI, file })) again.push(event);
      expect(again).toEqual(events);
    }
  });
});

describe('readOwlXml constructs', () => {
  it('settles HasKey, FacetRestriction, BuiltInAtom, Variable, anonymous individuals and nested xml:base', async () => {
    const events = await read(ontology([
      '<Prefix name="" IRI="http://example.org/d#"/>',
      '<HasKey><Class abbreviatedIRI=":C"/><ObjectProperty abbreviatedIRI=":p"/><DataProperty abbreviatedIRI=":d"/><ObjectInverseOf><ObjectProperty abbreviatedIRI=":q"/></ObjectInverseOf></HasKey>',
      '<DatatypeDefinition><Datatype abbreviatedIRI=":small"/><DatatypeRestriction><Datatype abbreviatedIRI="xsd:integer"/><FacetRestriction facet="http://www.w3.org/2001/XMLSchema#maxInclusive"><Literal datatypeIRI="http://www.w3.org/2001/XMLSchema#integer">9</Literal></FacetRestriction></DatatypeRestriction></DatatypeDefinition>',
      '<DLSafeRule><Body><BuiltInAtom IRI="http://www.w3.org/2003/11/swrlb#equal"><Variable IRI="urn:x"/><Literal>1</Literal></BuiltInAtom></Body><Head/></DLSafeRule>',
      '<ClassAssertion xml:base="http://example.org/other/"><Class IRI="K"/><AnonymousIndividual nodeID="n1"/></ClassAssertion>',
    ].join('\n')), 3);
    expect(events.slice(0, 2)).toEqual([{ type: 'prefix', name: '', iri: 'http://example.org/d#' }, { type: 'ontology', iri: 'http://example.org/o', line: 2, column: 1 }]);
    const D = 'http://example.org/d#';
    expect(axioms(events).map(shape)).toEqual([
      { name: 'HasKey', args: [{ name: 'Class', args: [iri(`${D}C`)] },
        { group: [{ name: 'ObjectProperty', args: [iri(`${D}p`)] }, { name: 'ObjectInverseOf', args: [{ name: 'ObjectProperty', args: [iri(`${D}q`)] }] }] },
        { group: [{ name: 'DataProperty', args: [iri(`${D}d`)] }] }] },
      { name: 'DatatypeDefinition', args: [{ name: 'Datatype', args: [iri(`${D}small`)] }, { name: 'DatatypeRestriction', args: [
        { name: 'Datatype', args: [iri(`${XSD}integer`)] }, iri(`${XSD}maxInclusive`), { type: 'literal', value: '9', datatype: `${XSD}integer` }] }] },
      { name: 'DLSafeRule', args: [{ name: 'Body', args: [{ name: 'BuiltInAtom', args: [iri('http://www.w3.org/2003/11/swrlb#equal'),
        { name: 'Variable', args: [iri('urn:x')] }, { type: 'literal', value: '1', datatype: `${XSD}string` }] }] }, { name: 'Head', args: [] }] },
      { name: 'ClassAssertion', args: [{ name: 'Class', args: [iri('http://example.org/other/K')] }, { type: 'anonymous', nodeId: 'n1' }] },
    ]);
  });

  it('reads a relative IRI as the rest after xml:base, as the OWL API writes it (DPV saved as OWL/XML by the OWL API 5.5.1)', async () => {
    const events = await read(ontology([
      '<ClassAssertion><Class IRI="Profile"/><NamedIndividual IRI="serialisation-html"/></ClassAssertion>',
      '<ClassAssertion xml:base="https://w3id.org/dpv"><Class IRI="#Profile"/><NamedIndividual IRI="/examples"/></ClassAssertion>',
    ].join('\n'), ' xml:base="https://w3id.org/dpv/owl#"'));
    expect(axioms(events).map((axiom) => axiom.args.map((arg) => (arg as OwlConstruct).args[0]))).toEqual([
      [iri('https://w3id.org/dpv/owl#Profile'), iri('https://w3id.org/dpv/owl#serialisation-html')],
      [iri('https://w3id.org/dpv#Profile'), iri('https://w3id.org/dpv/examples')],
    ]);
  });

  it('splits an explicit rdf:PlainLiteral at its last "@"', async () => {
    const literals = ['a@b@en', 'plain@', 'no at sign'].map((value) =>
      `<DataPropertyAssertion><DataProperty IRI="urn:p"/><NamedIndividual IRI="urn:i"/><Literal datatypeIRI="http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral">${value}</Literal></DataPropertyAssertion>`);
    const events = await read(ontology(literals.join('\n')));
    expect(axioms(events).map((axiom) => axiom.args[2])).toEqual([
      { type: 'literal', value: 'a@b', datatype: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString', language: 'en' },
      { type: 'literal', value: 'plain', datatype: `${XSD}string` },
      { type: 'literal', value: 'no at sign', datatype: `${XSD}string` },
    ]);
  });

  it('gives the position of the start tag\'s "<", also when a line break follows the element name', async () => {
    const events = await read(ontology('  <Declaration\n    ><Class\nIRI="urn:c"/></Declaration>'), 1);
    const [declaration] = axioms(events);
    expect(declaration).toMatchObject({ line: 3, column: 3, args: [{ line: 4, column: 6 }] });
  });
});

describe('readOwlXml errors', () => {
  it('rejects a truncated document where it ends', async () => {
    const cut = pizza.slice(0, pizza.indexOf('<DisjointClasses>') + 40);
    for (const size of [7, 4096]) {
      const error = await failure(cut, size);
      const lines = cut.split('\n');
      expect(error.location).toMatchObject({ line: lines.length, column: lines.at(-1)!.length });
    }
  });

  it('rejects a root that is not OWL\'s Ontology', async () => {
    const error = await failure('<?xml version="1.0"?>\n\n  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n');
    expect(error.message).toBe('Expected the OWL/XML root element <Ontology> of the namespace http://www.w3.org/2002/07/owl#, found <rdf:RDF> (is this RDF/XML?)');
    expect(error.location).toMatchObject({ line: 3, column: 3 });
  });

  it('rejects an element outside the OWL namespace', async () => {
    const error = await failure(ontology('<Declaration><Class IRI="urn:a"/></Declaration>\n<x:Extra xmlns:x="urn:ext"/>'));
    expect(error.message).toMatch(/^<x:Extra> \(namespace urn:ext\) is not an OWL\/XML element/);
    expect(error.location).toMatchObject({ line: 4, column: 1 });
  });

  it('rejects an abbreviated IRI of an undeclared prefix, and a missing attribute', async () => {
    let error = await failure(ontology('<Declaration>\n  <Class abbreviatedIRI="pizza:Margherita"/>\n</Declaration>'));
    expect(error.message).toBe('The prefix "pizza" of "pizza:Margherita" in <Class> is not declared (declare it with <Prefix name="pizza" IRI="..."/>)');
    expect(error.location).toMatchObject({ line: 4, column: 3 });
    error = await failure(ontology('<ObjectMinCardinality><ObjectProperty IRI="urn:p"/></ObjectMinCardinality>'));
    expect(error.message).toBe('<ObjectMinCardinality> needs the attribute cardinality');
    expect(error.location).toMatchObject({ line: 3, column: 1 });
  });

  it('rejects a reference to an undeclared entity and a bad entity declaration', async () => {
    let error = await failure(ontology('<Declaration><Datatype IRI="&xsd;string"/></Declaration>'));
    expect(error.message).toMatch(/undefined entity/);
    expect(error.location.line).toBe(3);
    const doctype = '<?xml version="1.0"?>\n<!DOCTYPE Ontology [\n  <!ENTITY a "x&b;">\n  <!ENTITY b "&a;">\n]>\n';
    error = await failure(doctype + ontology('').replace('<?xml version="1.0"?>\n', ''));
    // Found while expanding "a", at the declaration of "b" (line 4), which closes the cycle.
    expect(error.message).toBe('Entity "b" refers to "a", which refers to it: entities must not be recursive');
    expect(error.location).toMatchObject({ line: 4, column: 3 });
  });
});
