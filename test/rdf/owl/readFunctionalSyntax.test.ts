import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OntomeshError } from '../../../src/errors/index.ts';
import type { OwlConstruct, OwlEvent, OwlNode } from '../../../src/rdf/owl/OwlSyntax.ts';
import { readFunctionalSyntax } from '../../../src/rdf/owl/readFunctionalSyntax.ts';
import { inChunks } from '../inChunks.ts';

const PROTEGE = 'test/fixtures/shared/protege-owl/protege-test-ontologies';
const fixtures = {
  pizza: `${PROTEGE}/pizza-functional.owl`,
  versioned: `${PROTEGE}/VersionedOntology-functional.owl`,
  ro: 'test/fixtures/shared/obo-ro/src/ontology/ro-edit.owl',
};
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const OBO = 'http://purl.obolibrary.org/obo/';
const PIZZA = 'http://example.invalid/ontologies/pizza/2005/10/18/pizza.owl#';
const BASE = 'http://example.org/base/doc.ofn';

async function read(text: string, size = 4096): Promise<OwlEvent[]> {
  const events: OwlEvent[] = [];
  for await (const event of readFunctionalSyntax(inChunks(text, size), { baseIRI: BASE, file: 'doc.ofn' })) events.push(event);
  return events;
}

async function failure(text: string, size = 4096): Promise<OntomeshError> {
  const error = await read(text, size).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  expect((error as OntomeshError).code).toBe('RDF_SYNTAX');
  expect((error as OntomeshError).location.file).toBe('doc.ofn');
  return error as OntomeshError;
}

/** `message` at line:column, in every chunking (an error must not depend on where the text was split). */
async function expectError(text: string, line: number, column: number, message: string | RegExp): Promise<void> {
  for (const size of [1, 3, 4096]) {
    const error = await failure(text, size);
    expect({ line: error.location.line, column: error.location.column }).toEqual({ line, column });
    expect(error.message).toMatch(message);
  }
}

const axioms = (events: OwlEvent[]): OwlConstruct[] => events.flatMap((event) => (event.type === 'axiom' ? [event.axiom] : []));
const iri = (value: string): OwlNode => ({ type: 'iri', iri: value });
const construct = (name: string, ...args: OwlNode[]) => expect.objectContaining({ type: 'construct', name, args });
const literal = (value: string, datatype: string, language?: string): OwlNode => ({ type: 'literal', value, datatype, ...(language && { language }) });

/** An independent count: in these files a line that starts with a keyword (capitalised) and '(' is a top-level construct. */
function topLevelKeywordCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, keyword] of text.matchAll(/^([A-Z][A-Za-z]*)\(/gm)) {
    if (!['Prefix', 'Ontology', 'Import', 'Annotation'].includes(keyword!)) counts[keyword!] = (counts[keyword!] ?? 0) + 1;
  }
  return counts;
}

describe.each(Object.entries(fixtures))('readFunctionalSyntax on %s', (_name, path) => {
  const text = readFileSync(path, 'utf8');
  const eventsPromise = read(text);

  it('yields one axiom per top-level construct line, by keyword', async () => {
    const counts: Record<string, number> = {};
    for (const axiom of axioms(await eventsPromise)) counts[axiom.name] = (counts[axiom.name] ?? 0) + 1;
    expect(counts).toEqual(topLevelKeywordCounts(text));
  });

  it('yields the prefixes, the ontology header, the imports and the annotations as written, in that order', async () => {
    const events = await eventsPromise;
    const prefixes = [...text.matchAll(/^Prefix\(([^:]*):=<([^>]*)>\)/gm)].map(([, name, value]) => ({ type: 'prefix', name, iri: value }));
    const header = /^Ontology\(<([^>]*)>(?:\s*<([^>]*)>)?/m.exec(text)!;
    const ontologyLine = text.slice(0, header.index).split('\n').length;
    const imports = [...text.matchAll(/^Import\(<([^>]*)>\)/gm)].map(([, value]) => value);
    // Pizza's first ontology annotation follows the header on its line
    const annotationCount = (text.match(/^Annotation\(/gm) ?? []).length + Number(/^[ \t]*Annotation\(/.test(text.slice(header.index + header[0].length)));
    const kinds = events.map((event) => event.type);
    expect(events.slice(0, prefixes.length)).toEqual(prefixes);
    expect(events[prefixes.length]).toEqual({ type: 'ontology', iri: header[1], ...(header[2] && { versionIri: header[2] }), line: ontologyLine, column: 1 });
    expect(events.flatMap((event) => (event.type === 'import' ? [event.iri] : []))).toEqual(imports);
    expect(kinds.filter((kind) => kind === 'annotation')).toHaveLength(annotationCount);
    const sections = kinds.filter((kind, i) => kind !== kinds[i - 1]);
    const order: OwlEvent['type'][] = ['prefix', 'ontology', 'import', 'annotation', 'axiom'];
    expect(order.filter((kind) => sections.includes(kind))).toEqual(sections);
  });

  it('yields the same events whatever the chunk size', async () => {
    const expected = await eventsPromise;
    for (const size of [1, 7]) expect(await read(text, size)).toEqual(expected);
  });
});

describe('readFunctionalSyntax trees', () => {
  /** The axiom that starts the line beginning with `start` in the fixture, checked to start at column 1 of that line. */
  async function axiomAt(path: string, start: string): Promise<OwlConstruct> {
    const text = readFileSync(path, 'utf8');
    const line = text.split('\n').findIndex((candidate) => candidate.startsWith(start)) + 1;
    expect(line).toBeGreaterThan(0);
    const found = axioms(await read(text)).filter((axiom) => axiom.line === line);
    expect(found).toHaveLength(1);
    expect(found[0]!.column).toBe(1);
    return found[0]!;
  }

  it('reads Pizza: a declaration, nested class expressions, a cardinality and the typed ontology annotation', async () => {
    expect(await axiomAt(fixtures.pizza, `Declaration(Class(<${PIZZA}American>))`)).toEqual(construct('Declaration', construct('Class', iri(`${PIZZA}American`))));
    expect(await axiomAt(fixtures.pizza, `SubClassOf(<${PIZZA}American> ObjectAllValuesFrom(`)).toEqual(construct('SubClassOf', iri(`${PIZZA}American`),
      construct('ObjectAllValuesFrom', iri(`${PIZZA}hasTopping`), construct('ObjectUnionOf', iri(`${PIZZA}MozzarellaTopping`), iri(`${PIZZA}PeperoniSausageTopping`), iri(`${PIZZA}TomatoTopping`)))));
    expect(await axiomAt(fixtures.pizza, `EquivalentClasses(<${PIZZA}InterestingPizza>`)).toEqual(construct('EquivalentClasses', iri(`${PIZZA}InterestingPizza`),
      construct('ObjectIntersectionOf', construct('ObjectMinCardinality', literal('3', `${XSD}nonNegativeInteger`), iri(`${PIZZA}hasTopping`)), iri(`${PIZZA}Pizza`))));
    expect(await axiomAt(fixtures.pizza, `AnnotationAssertion(rdfs:label <${PIZZA}American> `)).toEqual(construct('AnnotationAssertion', iri(`${RDFS}label`), iri(`${PIZZA}American`), literal('Americana', `${RDF}langString`, 'pt')));
    const events = await read(readFileSync(fixtures.pizza, 'utf8'));
    expect(events.find((event) => event.type === 'annotation')).toEqual({ type: 'annotation', annotation: construct('Annotation', iri('http://www.w3.org/2002/07/owl#versionInfo'), literal('version 1.3', `${XSD}string`)) });
  });

  it('reads RO: a DatatypeRestriction flat, property chains with inverses, axiom annotations, escapes and multi-line literals', async () => {
    expect(await axiomAt(fixtures.ro, 'DataPropertyRange(obo:RO_0002029 DatatypeRestriction(')).toEqual(construct('DataPropertyRange', iri(`${OBO}RO_0002029`),
      construct('DatatypeRestriction', iri(`${XSD}short`), iri(`${XSD}minInclusive`), literal('0', `${XSD}short`), iri(`${XSD}maxInclusive`), literal('100', `${XSD}short`))));
    expect(await axiomAt(fixtures.ro, 'SubObjectPropertyOf(ObjectPropertyChain(obo:RO_0001025 ObjectInverseOf(obo:RO_0001025))')).toEqual(construct('SubObjectPropertyOf',
      construct('ObjectPropertyChain', iri(`${OBO}RO_0001025`), construct('ObjectInverseOf', iri(`${OBO}RO_0001025`))), iri(`${OBO}RO_0002379`)));
    expect(await axiomAt(fixtures.ro, 'AnnotationAssertion(Annotation(rdfs:comment "This is an experimental annotation")')).toEqual(construct('AnnotationAssertion',
      construct('Annotation', iri(`${RDFS}comment`), literal('This is an experimental annotation', `${XSD}string`)), iri(`${OBO}IAO_0000589`), iri(`${RDFS}isDefinedBy`), literal('is defined by', `${XSD}string`)));
    const neverInTaxon = await axiomAt(fixtures.ro, 'AnnotationAssertion(obo:IAO_0000115 obo:RO_0002161 "x never in taxon');
    expect((neverInTaxon.args[2] as { value: string }).value).toContain('the class expression "in taxon some T". Note');
    const text = readFileSync(fixtures.ro, 'utf8');
    const multiLine = axioms(await read(text)).filter((axiom) => axiom.args.some((arg) => arg.type === 'literal' && arg.value.includes('\n')));
    expect(multiLine.length).toBeGreaterThan(0);
    // the axiom after a multi-line literal still has its own line: positions count the literal's newlines
    const lines = text.split('\n');
    for (const axiom of axioms(await read(text))) expect(lines[axiom.line - 1]!.startsWith(`${axiom.name}(`)).toBe(true);
  });

  it('reads RO: a SWRL rule with annotations, atoms and variables in the empty prefix', async () => {
    const rule = await axiomAt(fixtures.ro, 'DLSafeRule(Annotation(swrla:isRuleEnabled "true"^^xsd:boolean) Annotation(rdfs:comment "MF(X)-directly_regulates');
    const variable = (name: string) => construct('Variable', iri(`${OBO}ro.owl#${name}`));
    expect(rule.args.map((arg) => (arg.type === 'construct' ? arg.name : arg.type))).toEqual(['Annotation', 'Annotation', 'Annotation', 'Body', 'Head']);
    expect(rule.args[0]).toEqual(construct('Annotation', iri('http://swrl.stanford.edu/ontologies/3.3/swrla.owl#isRuleEnabled'), literal('true', `${XSD}boolean`)));
    expect(rule.args[4]).toEqual(construct('Head', construct('ObjectPropertyAtom', iri(`${OBO}RO_0002233`), variable('x'), variable('z'))));
  });
});

describe('readFunctionalSyntax syntax', () => {
  const ontology = (body: string) => `Prefix(:=<http://example.org/o#>)\nOntology(<http://example.org/o>\n${body}\n)\n`;

  it('takes comments, whitespace and CRLF anywhere, and # inside IRIs and literals as text', async () => {
    const events = await read('# a comment\r\nPrefix( ex:= <http://example.org/x#> ) # after\r\nOntology( # header\r\n  ClassAssertion ( ex:C#comment\r\n <http://example.org/x#i> ) \r\n AnnotationAssertion(rdfs:label ex:i "a # b" ) )# done');
    expect(axioms(events)).toEqual([
      { type: 'construct', name: 'ClassAssertion', args: [iri('http://example.org/x#C'), iri('http://example.org/x#i')], line: 4, column: 3 },
      { type: 'construct', name: 'AnnotationAssertion', args: [iri(`${RDFS}label`), iri('http://example.org/x#i'), literal('a # b', `${XSD}string`)], line: 6, column: 2 },
    ]);
    expect(events[1]).toEqual({ type: 'ontology', line: 3, column: 1 });
  });

  it('resolves relative IRIs against the base IRI, in prefixes too, and uses the predeclared prefixes', async () => {
    const events = await read('Prefix(rel:=<terms/>)\nOntology(<onto> <onto/1.0>\nDeclaration(Class(<../C>))\nSubClassOf(rel:D owl:Thing))');
    expect(events[0]).toEqual({ type: 'prefix', name: 'rel', iri: 'http://example.org/base/terms/' });
    expect(events[1]).toEqual({ type: 'ontology', iri: 'http://example.org/base/onto', versionIri: 'http://example.org/base/onto/1.0', line: 2, column: 1 });
    expect(axioms(events).map((axiom) => axiom.args)).toEqual([
      [construct('Class', iri('http://example.org/C'))],
      [iri('http://example.org/base/terms/D'), iri('http://www.w3.org/2002/07/owl#Thing')],
    ]);
  });

  it('reads literals: escapes, languages, datatypes (also after whitespace), rdf:PlainLiteral split, node IDs and HasKey groups', async () => {
    const events = await read(ontology([
      'AnnotationAssertion(:p _:b1 "say \\"hi\\" \\\\ back")',
      'AnnotationAssertion(:p :s "chat"@fr-CA)',
      'AnnotationAssertion(:p :s "1" ^^ xsd:integer)',
      'AnnotationAssertion(:p :s "bonjour@fr"^^rdf:PlainLiteral)',
      'AnnotationAssertion(:p :s "no language@"^^rdf:PlainLiteral)',
      'HasKey(:C (:op ObjectInverseOf(:q)) (:dp))',
    ].join('\n')));
    expect(axioms(events).map((axiom) => axiom.args.at(-1))).toEqual([
      literal('say "hi" \\ back', `${XSD}string`),
      literal('chat', `${RDF}langString`, 'fr-CA'),
      literal('1', `${XSD}integer`),
      literal('bonjour', `${RDF}langString`, 'fr'),
      literal('no language', `${XSD}string`),
      { type: 'group', items: [iri('http://example.org/o#dp')] },
    ]);
    expect(axioms(events)[0]!.args[1]).toEqual({ type: 'anonymous', nodeId: 'b1' });
    expect(axioms(events)[5]!.args[1]).toEqual({ type: 'group', items: [iri('http://example.org/o#op'), construct('ObjectInverseOf', iri('http://example.org/o#q'))] });
  });

  it('yields each axiom as soon as its ) is read, before the rest of the document arrives', async () => {
    let release = () => {};
    const rest = new Promise<void>((resolve) => { release = resolve; });
    async function* source(): AsyncGenerator<string> {
      yield 'Ontology(<http://example.org/o>\nSubClassOf(owl:Nothing owl:Thing)';
      await rest;
      yield '\n)';
    }
    const events = readFunctionalSyntax(source(), { baseIRI: BASE });
    expect((await events.next()).value).toMatchObject({ type: 'ontology' });
    expect((await events.next()).value).toMatchObject({ type: 'axiom', axiom: { name: 'SubClassOf', line: 2 } });
    release();
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('yields the events before an error, then rejects once', async () => {
    const events: OwlEvent[] = [];
    const iterator = readFunctionalSyntax(inChunks('Ontology(\nSubClassOf(owl:Nothing owl:Thing)\nSubClassOf(ex:A owl:Thing)\nSubClassOf(owl:Nothing owl:Thing))', 5), { baseIRI: BASE });
    const error = await (async () => { for await (const event of iterator) events.push(event); })().then(() => undefined, (e: unknown) => e);
    expect((error as OntomeshError).location).toMatchObject({ line: 3, column: 12 });
    expect(events.map((event) => event.type)).toEqual(['ontology', 'axiom']);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('reads an ontology without IRI and an empty document body', async () => {
    expect(await read('Ontology()')).toEqual([{ type: 'ontology', line: 1, column: 1 }]);
  });
});

describe('readFunctionalSyntax errors', () => {
  const head = 'Prefix(:=<http://example.org/o#>)\nOntology(<http://example.org/o>\n';

  it('an axiom missing its ) is reported where the next axiom starts', async () => {
    await expectError(`${head}SubClassOf(:A ObjectSomeValuesFrom(:p :B)\nSubClassOf(:B :C)\n)\n`, 4, 1,
      "Expected ')' to close SubClassOf (opened at 3:1), found SubClassOf: SubClassOf(...) cannot stand inside another construct");
  });

  it('a truncated document is reported where the unclosed construct opened', async () => {
    await expectError(`${head}SubClassOf(:A\n  ObjectSomeValuesFrom(:p :B`, 4, 3, "Expected ')' to close ObjectSomeValuesFrom (opened at 4:3), found end of document");
    await expectError(`${head}SubClassOf(:A :B)\n`, 2, 1, "Expected ')' to close Ontology (opened at 2:1), found end of document");
    await expectError('Prefix(:=<http://example.org/o#>', 1, 1, "Expected ')' to close Prefix (opened at 1:1), found end of document");
    await expectError('Prefix(:=<http://example.org/o#>)\n# nothing else\n', 3, 1, 'Expected Ontology(...), found end of document');
    await expectError(`${head}SubClassOf`, 3, 1, "Expected '(' after SubClassOf, found end of document");
  });

  it('an unterminated literal or IRI is reported where it started', async () => {
    await expectError(`${head}AnnotationAssertion(rdfs:label :A "open\nstill open)\n)\n`, 3, 35, `Expected '"' to close the literal started at 3:35, found end of document`);
    await expectError(`${head}Declaration(Class(<http://example.org/o#A))\n)`, 3, 44, "Expected '>' to close the IRI started at 3:19, found end of line");
  });

  it('a bad escape is reported at its backslash, also after newlines inside the literal', async () => {
    await expectError(`${head}AnnotationAssertion(rdfs:label :A "line one\n  tab\\there")\n)`, 4, 6, "Invalid escape '\\t' in a literal");
  });

  it('an unknown prefix names the prefix and how to declare it', async () => {
    await expectError(`${head}SubObjectPropertyOf(:p\n   obo:BFO_0000050)\n)`, 4, 4, "Unknown prefix 'obo' in obo:BFO_0000050: declare it with Prefix(obo:=<...>)");
  });

  it('anything after the ontology but whitespace and comments is an error', async () => {
    await expectError(`${head}SubClassOf(:A :B))\nSubClassOf(:B :C)\n`, 4, 1, 'Unexpected SubClassOf after the end of the ontology (closed at 3:18)');
    await expectError(`${head})\n# fine\n  )`, 5, 3, "Unexpected ')' after the end of the ontology (closed at 3:1)");
    await expectError(`${head})\n"text"`, 4, 1, 'Unexpected the literal "text" after the end of the ontology');
  });

  it('the document shape: prefixes, then one Ontology', async () => {
    await expectError(`${head}Prefix(a:=<http://a/>)\n)`, 3, 1, 'Prefix(...) must come before Ontology(...)');
    await expectError(`${head})\nOntology()`, 4, 1, 'Unexpected Ontology after the end of the ontology');
    await expectError('SubClassOf(:A :B)', 1, 1, 'Expected Prefix(...) or Ontology(...), found SubClassOf');
    await expectError(`${head}<http://example.org/o/2> <http://example.org/o/3>\n)`, 3, 26, 'Expected an import, annotation or axiom in Ontology (opened at 2:1), found <http://example.org/o/3>');
    await expectError(`${head}Import(<a> <b>)\n)`, 3, 1, 'Expected one IRI in Import(...)');
  });

  it('malformed terms', async () => {
    await expectError(`${head}SubClassOf(:A (:B))\n)`, 3, 15, "Unexpected '(' in SubClassOf (opened at 3:1): a construct is written Keyword(...)");
    await expectError(`${head}SubClassOf(:A, :B)\n)`, 3, 14, "Unexpected ','");
    await expectError(`${head}AnnotationAssertion(rdfs:label :A "x"^^"y")\n)`, 3, 40, "Expected a datatype IRI after '^^', found a literal");
    await expectError(`${head}AnnotationAssertion(rdfs:label :A "x"@)\n)`, 3, 38, "Invalid language tag '@'");
    await expectError(`${head}SubClassOf(:A b.c)\n)`, 3, 15, "Unexpected 'b.c': expected a keyword followed by '('");
    await expectError(`${head}SubClassOf(:A true)\n)`, 3, 19, "Expected '(' after true, found ')'");
    await expectError('Prefix(obo=<http://purl.obolibrary.org/obo/>)', 1, 8, 'Expected a prefix name such as obo: in Prefix(...), found obo');
  });
});
