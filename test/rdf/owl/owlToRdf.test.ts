import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, it } from 'vitest';
import { OntomeshError } from '../../../src/errors/index.ts';
import type { OwlConstruct, OwlEvent, OwlNode } from '../../../src/rdf/owl/OwlSyntax.ts';
import { owlToRdf } from '../../../src/rdf/owl/owlToRdf.ts';
import { BATCH_SIZE } from '../../../src/rdf/parsers/QuadBatcher.ts';

// The expected graphs are the W3C "OWL 2 Mapping to RDF Graphs" tables (section 2) written out in Turtle.
const EX = 'http://example.org/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const PREFIXES = `@prefix ex: <${EX}> . @prefix owl: <${OWL}> . @prefix rdf: <${RDF}> .
  @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <${XSD}> . @prefix swrl: <http://www.w3.org/2003/11/swrl#> .\n`;
const ONTOLOGY = `ex:o a owl:Ontology .\n`;

/** An absolute IRI as it is, a bare name in ex:. */
const iri = (name: string): OwlNode => ({ type: 'iri', iri: /^[a-z]+:/.test(name) ? name : EX + name });
const xsd = (name: string): OwlNode => ({ type: 'iri', iri: XSD + name });
const literal = (value: string, datatype = `${XSD}string`, language?: string): OwlNode => ({ type: 'literal', value, datatype, ...(language && { language }) });
const integer = (n: number): OwlNode => literal(String(n), `${XSD}nonNegativeInteger`);
const anonymous = (nodeId: string): OwlNode => ({ type: 'anonymous', nodeId });
const group = (...items: OwlNode[]): OwlNode => ({ type: 'group', items });
/** A construct at line:column (1:1 unless placed). */
const at = (line: number, column: number) => (name: string, ...args: OwlNode[]): OwlConstruct => ({ type: 'construct', name, args, line, column });
const c = at(1, 1);
const annotation = (property: string, value: OwlNode, ...annotations: OwlConstruct[]) => c('Annotation', ...annotations, iri(property), value);

async function* stream(events: OwlEvent[]): AsyncGenerator<OwlEvent> {
  yield* events;
}

async function translateEvents(events: OwlEvent[]): Promise<{ quads: Quad[]; prefixes: [string, string][]; batches: number }> {
  const quads: Quad[] = [];
  const prefixes: [string, string][] = [];
  let batches = 0;
  await owlToRdf(stream(events), { file: 'test.ofn' }, { quads: (batch) => (batches++, void quads.push(...batch)), prefix: (name, value) => prefixes.push([name, value]) });
  return { quads, prefixes, batches };
}

/** The quads of an ontology ex:o with these axioms. */
async function translate(...axioms: OwlConstruct[]): Promise<Quad[]> {
  const events: OwlEvent[] = [{ type: 'ontology', iri: `${EX}o`, line: 1, column: 1 }, ...axioms.map((axiom) => ({ type: 'axiom', axiom }) as const)];
  return (await translateEvents(events)).quads;
}

const ntriples = (quads: Quad[]) => quads.map((q) => `${q.subject.termType === 'BlankNode' ? '_' : q.subject.value} ${q.predicate.value} ${q.object.termType === 'BlankNode' ? '_' : q.object.value}`).sort();

function expectGraph(actual: Quad[], turtle: string): void {
  const expected = new Parser().parse(PREFIXES + turtle);
  for (const quad of actual) expect(quad.graph.termType).toBe('DefaultGraph');
  if (!isomorphic(actual, expected)) expect(ntriples(actual)).toEqual(ntriples(expected));
  expect(actual).toHaveLength(expected.length);
}

async function failure(...axioms: OwlConstruct[]): Promise<OntomeshError> {
  const error = await translate(...axioms).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OntomeshError);
  return error as OntomeshError;
}

describe('owlToRdf: the ontology header (Table 1) and ontology annotations', () => {
  it('types the ontology, with its version IRI, imports and annotations, and passes prefixes on', async () => {
    const { quads, prefixes } = await translateEvents([
      { type: 'prefix', name: 'ex', iri: EX },
      { type: 'ontology', iri: `${EX}o`, versionIri: `${EX}o/1.0`, line: 3, column: 1 },
      { type: 'import', iri: `${EX}other`, line: 4, column: 1 },
      { type: 'annotation', annotation: annotation('http://www.w3.org/2000/01/rdf-schema#comment', literal('An ontology', `${RDF}langString`, 'en')) },
      { type: 'annotation', annotation: annotation('seeAlso', iri('doc'), annotation('source', literal('x'))) },
    ]);
    expect(prefixes).toEqual([['ex', EX]]);
    expectGraph(quads, `ex:o a owl:Ontology ; owl:versionIRI <${EX}o/1.0> ; owl:imports ex:other ;
      rdfs:comment "An ontology"@en ; ex:seeAlso ex:doc .
      [] a owl:Annotation ; owl:annotatedSource ex:o ; owl:annotatedProperty ex:seeAlso ; owl:annotatedTarget ex:doc ; ex:source "x" .`);
  });

  it('makes an anonymous ontology a blank node', async () => {
    const { quads } = await translateEvents([{ type: 'ontology', line: 1, column: 1 }, { type: 'import', iri: `${EX}other`, line: 2, column: 1 }]);
    expectGraph(quads, '[] a owl:Ontology ; owl:imports ex:other .');
  });
});

describe('owlToRdf: declarations and entities (Tables 2 and 3)', () => {
  it('types each declared entity, and reads an entity construct anywhere as its IRI', async () => {
    const quads = await translate(
      ...['Class', 'Datatype', 'ObjectProperty', 'DataProperty', 'AnnotationProperty', 'NamedIndividual'].map((type) => c('Declaration', c(type, iri(type)))),
      c('SubClassOf', c('Class', iri('A')), iri('B')),
    );
    expectGraph(quads, `${ONTOLOGY} ex:Class a owl:Class . ex:Datatype a rdfs:Datatype . ex:ObjectProperty a owl:ObjectProperty .
      ex:DataProperty a owl:DatatypeProperty . ex:AnnotationProperty a owl:AnnotationProperty . ex:NamedIndividual a owl:NamedIndividual .
      ex:A rdfs:subClassOf ex:B .`);
  });
});

describe('owlToRdf: class expressions (Table 6)', () => {
  const sub = (expression: OwlConstruct) => c('SubClassOf', iri('C'), expression);
  it.each<[string, OwlConstruct, string]>([
    ['ObjectIntersectionOf', c('ObjectIntersectionOf', iri('A'), iri('B')), '[ a owl:Class ; owl:intersectionOf ( ex:A ex:B ) ]'],
    ['ObjectUnionOf', c('ObjectUnionOf', iri('A'), iri('B'), iri('D')), '[ a owl:Class ; owl:unionOf ( ex:A ex:B ex:D ) ]'],
    ['ObjectComplementOf', c('ObjectComplementOf', iri('A')), '[ a owl:Class ; owl:complementOf ex:A ]'],
    ['ObjectOneOf', c('ObjectOneOf', iri('a'), c('NamedIndividual', iri('b'))), '[ a owl:Class ; owl:oneOf ( ex:a ex:b ) ]'],
    ['ObjectSomeValuesFrom', c('ObjectSomeValuesFrom', iri('p'), iri('A')), '[ a owl:Restriction ; owl:onProperty ex:p ; owl:someValuesFrom ex:A ]'],
    ['ObjectAllValuesFrom with an inverse', c('ObjectAllValuesFrom', c('ObjectInverseOf', iri('p')), iri('A')), '[ a owl:Restriction ; owl:onProperty [ owl:inverseOf ex:p ] ; owl:allValuesFrom ex:A ]'],
    ['ObjectHasValue', c('ObjectHasValue', iri('p'), iri('a')), '[ a owl:Restriction ; owl:onProperty ex:p ; owl:hasValue ex:a ]'],
    ['ObjectHasSelf', c('ObjectHasSelf', iri('p')), '[ a owl:Restriction ; owl:onProperty ex:p ; owl:hasSelf true ]'],
    ['unqualified ObjectMinCardinality', c('ObjectMinCardinality', integer(2), iri('p')), '[ a owl:Restriction ; owl:onProperty ex:p ; owl:minCardinality "2"^^xsd:nonNegativeInteger ]'],
    ['qualified ObjectMinCardinality', c('ObjectMinCardinality', integer(2), iri('p'), iri('A')), '[ a owl:Restriction ; owl:onProperty ex:p ; owl:minQualifiedCardinality "2"^^xsd:nonNegativeInteger ; owl:onClass ex:A ]'],
    ['unqualified ObjectMaxCardinality', c('ObjectMaxCardinality', integer(1), iri('p')), '[ a owl:Restriction ; owl:onProperty ex:p ; owl:maxCardinality "1"^^xsd:nonNegativeInteger ]'],
    ['qualified ObjectMaxCardinality', c('ObjectMaxCardinality', integer(1), iri('p'), iri('A')), '[ a owl:Restriction ; owl:onProperty ex:p ; owl:maxQualifiedCardinality "1"^^xsd:nonNegativeInteger ; owl:onClass ex:A ]'],
    ['unqualified ObjectExactCardinality', c('ObjectExactCardinality', integer(3), iri('p')), '[ a owl:Restriction ; owl:onProperty ex:p ; owl:cardinality "3"^^xsd:nonNegativeInteger ]'],
    ['qualified ObjectExactCardinality', c('ObjectExactCardinality', integer(3), iri('p'), iri('A')), '[ a owl:Restriction ; owl:onProperty ex:p ; owl:qualifiedCardinality "3"^^xsd:nonNegativeInteger ; owl:onClass ex:A ]'],
    ['DataSomeValuesFrom', c('DataSomeValuesFrom', iri('d'), xsd('integer')), '[ a owl:Restriction ; owl:onProperty ex:d ; owl:someValuesFrom xsd:integer ]'],
    ['n-ary DataSomeValuesFrom', c('DataSomeValuesFrom', iri('d'), iri('e'), xsd('integer')), '[ a owl:Restriction ; owl:onProperties ( ex:d ex:e ) ; owl:someValuesFrom xsd:integer ]'],
    ['n-ary DataAllValuesFrom', c('DataAllValuesFrom', c('DataProperty', iri('d')), iri('e'), c('Datatype', xsd('string'))), '[ a owl:Restriction ; owl:onProperties ( ex:d ex:e ) ; owl:allValuesFrom xsd:string ]'],
    ['DataHasValue', c('DataHasValue', iri('d'), literal('5', `${XSD}integer`)), '[ a owl:Restriction ; owl:onProperty ex:d ; owl:hasValue 5 ]'],
    ['unqualified DataMinCardinality', c('DataMinCardinality', integer(1), iri('d')), '[ a owl:Restriction ; owl:onProperty ex:d ; owl:minCardinality "1"^^xsd:nonNegativeInteger ]'],
    ['qualified DataMaxCardinality', c('DataMaxCardinality', integer(1), iri('d'), xsd('string')), '[ a owl:Restriction ; owl:onProperty ex:d ; owl:maxQualifiedCardinality "1"^^xsd:nonNegativeInteger ; owl:onDataRange xsd:string ]'],
    ['qualified DataExactCardinality', c('DataExactCardinality', integer(1), iri('d'), xsd('string')), '[ a owl:Restriction ; owl:onProperty ex:d ; owl:qualifiedCardinality "1"^^xsd:nonNegativeInteger ; owl:onDataRange xsd:string ]'],
    ['nested expressions', c('ObjectSomeValuesFrom', iri('p'), c('ObjectIntersectionOf', iri('A'), c('ObjectComplementOf', iri('B')))),
      '[ a owl:Restriction ; owl:onProperty ex:p ; owl:someValuesFrom [ a owl:Class ; owl:intersectionOf ( ex:A [ a owl:Class ; owl:complementOf ex:B ] ) ] ]'],
  ])('%s', async (_name, expression, turtle) => {
    expectGraph(await translate(sub(expression)), `${ONTOLOGY} ex:C rdfs:subClassOf ${turtle} .`);
  });
});

describe('owlToRdf: data ranges (Table 5)', () => {
  const range = (dataRange: OwlConstruct) => c('DataPropertyRange', iri('d'), dataRange);
  it.each<[string, OwlConstruct, string]>([
    ['DataIntersectionOf', c('DataIntersectionOf', xsd('integer'), iri('T')), '[ a rdfs:Datatype ; owl:intersectionOf ( xsd:integer ex:T ) ]'],
    ['DataUnionOf', c('DataUnionOf', xsd('integer'), xsd('string')), '[ a rdfs:Datatype ; owl:unionOf ( xsd:integer xsd:string ) ]'],
    ['DataComplementOf', c('DataComplementOf', xsd('integer')), '[ a rdfs:Datatype ; owl:datatypeComplementOf xsd:integer ]'],
    ['DataOneOf', c('DataOneOf', literal('a'), literal('b', `${RDF}langString`, 'en')), '[ a rdfs:Datatype ; owl:oneOf ( "a" "b"@en ) ]'],
    ['DatatypeRestriction', c('DatatypeRestriction', xsd('integer'), xsd('minInclusive'), literal('1', `${XSD}integer`), xsd('maxExclusive'), literal('10', `${XSD}integer`)),
      '[ a rdfs:Datatype ; owl:onDatatype xsd:integer ; owl:withRestrictions ( [ xsd:minInclusive 1 ] [ xsd:maxExclusive 10 ] ) ]'],
  ])('%s', async (_name, dataRange, turtle) => {
    expectGraph(await translate(range(dataRange)), `${ONTOLOGY} ex:d rdfs:range ${turtle} .`);
  });
});

describe('owlToRdf: class and property axioms (Table 7)', () => {
  it('translates class axioms, n-ary equivalence as the spec\'s chain and n-ary disjointness as AllDisjointClasses', async () => {
    const quads = await translate(
      c('EquivalentClasses', iri('A'), iri('B'), c('ObjectUnionOf', iri('D'), iri('E'))),
      c('DisjointClasses', iri('A'), iri('B')),
      c('DisjointClasses', iri('A'), iri('B'), iri('D')),
      c('DisjointUnion', iri('A'), iri('B'), iri('D')),
      c('HasKey', iri('A'), group(iri('p'), c('ObjectInverseOf', iri('q'))), group(iri('d'))),
      c('DatatypeDefinition', iri('T'), c('DataUnionOf', xsd('integer'), xsd('string'))),
    );
    expectGraph(quads, `${ONTOLOGY}
      ex:A owl:equivalentClass ex:B . ex:B owl:equivalentClass [ a owl:Class ; owl:unionOf ( ex:D ex:E ) ] .
      ex:A owl:disjointWith ex:B .
      [] a owl:AllDisjointClasses ; owl:members ( ex:A ex:B ex:D ) .
      ex:A owl:disjointUnionOf ( ex:B ex:D ) .
      ex:A owl:hasKey ( ex:p [ owl:inverseOf ex:q ] ex:d ) .
      ex:T owl:equivalentClass [ a rdfs:Datatype ; owl:unionOf ( xsd:integer xsd:string ) ] .`);
  });

  it('translates object property axioms, a property chain as owl:propertyChainAxiom', async () => {
    const characteristics = ['Functional', 'InverseFunctional', 'Reflexive', 'Irreflexive', 'Symmetric', 'Asymmetric', 'Transitive'];
    const quads = await translate(
      c('SubObjectPropertyOf', iri('p'), iri('q')),
      c('SubObjectPropertyOf', c('ObjectPropertyChain', iri('p'), c('ObjectInverseOf', iri('q'))), iri('r')),
      c('EquivalentObjectProperties', iri('p'), iri('q'), iri('r')),
      c('DisjointObjectProperties', iri('p'), iri('q')),
      c('DisjointObjectProperties', iri('p'), iri('q'), iri('r')),
      c('ObjectPropertyDomain', iri('p'), iri('A')),
      c('ObjectPropertyRange', c('ObjectInverseOf', iri('p')), iri('B')),
      c('InverseObjectProperties', iri('p'), iri('q')),
      ...characteristics.map((name) => c(`${name}ObjectProperty`, iri('p'))),
    );
    expectGraph(quads, `${ONTOLOGY}
      ex:p rdfs:subPropertyOf ex:q .
      ex:r owl:propertyChainAxiom ( ex:p [ owl:inverseOf ex:q ] ) .
      ex:p owl:equivalentProperty ex:q . ex:q owl:equivalentProperty ex:r .
      ex:p owl:propertyDisjointWith ex:q .
      [] a owl:AllDisjointProperties ; owl:members ( ex:p ex:q ex:r ) .
      ex:p rdfs:domain ex:A . [ owl:inverseOf ex:p ] rdfs:range ex:B . ex:p owl:inverseOf ex:q .
      ${characteristics.map((name) => `ex:p a owl:${name}Property .`).join(' ')}`);
  });

  it('translates data property axioms', async () => {
    const quads = await translate(
      c('SubDataPropertyOf', iri('d'), iri('e')),
      c('EquivalentDataProperties', iri('d'), iri('e')),
      c('DisjointDataProperties', iri('d'), iri('e'), iri('f')),
      c('DataPropertyDomain', iri('d'), iri('A')),
      c('DataPropertyRange', iri('d'), xsd('integer')),
      c('FunctionalDataProperty', iri('d')),
    );
    expectGraph(quads, `${ONTOLOGY} ex:d rdfs:subPropertyOf ex:e ; owl:equivalentProperty ex:e ; rdfs:domain ex:A ; rdfs:range xsd:integer ; a owl:FunctionalProperty .
      [] a owl:AllDisjointProperties ; owl:members ( ex:d ex:e ex:f ) .`);
  });
});

describe('owlToRdf: assertions (Table 7)', () => {
  it('translates individual axioms; an assertion on ObjectInverseOf(P) is reversed; an anonymous individual is one node per document', async () => {
    const quads = await translate(
      c('SameIndividual', iri('a'), iri('b'), iri('c')),
      c('DifferentIndividuals', iri('a'), iri('b')),
      c('DifferentIndividuals', iri('a'), iri('b'), iri('c')),
      c('ClassAssertion', c('ObjectSomeValuesFrom', iri('p'), iri('A')), iri('a')),
      c('ObjectPropertyAssertion', iri('p'), iri('a'), anonymous('x')),
      c('ObjectPropertyAssertion', c('ObjectInverseOf', iri('p')), iri('a'), iri('b')),
      c('ClassAssertion', iri('A'), anonymous('x')),
      c('NegativeObjectPropertyAssertion', iri('p'), iri('a'), iri('b')),
      c('DataPropertyAssertion', iri('d'), iri('a'), literal('5', `${XSD}integer`)),
      c('NegativeDataPropertyAssertion', iri('d'), iri('a'), literal('6', `${XSD}integer`)),
    );
    // AllDifferent with owl:distinctMembers, as the OWL API (and so Protégé's RDF/XML) writes it.
    expectGraph(quads, `${ONTOLOGY}
      ex:a owl:sameAs ex:b . ex:b owl:sameAs ex:c . ex:a owl:differentFrom ex:b .
      [] a owl:AllDifferent ; owl:distinctMembers ( ex:a ex:b ex:c ) .
      ex:a a [ a owl:Restriction ; owl:onProperty ex:p ; owl:someValuesFrom ex:A ] .
      ex:a ex:p _:x . _:x a ex:A . ex:b ex:p ex:a .
      [] a owl:NegativePropertyAssertion ; owl:sourceIndividual ex:a ; owl:assertionProperty ex:p ; owl:targetIndividual ex:b .
      ex:a ex:d 5 .
      [] a owl:NegativePropertyAssertion ; owl:sourceIndividual ex:a ; owl:assertionProperty ex:d ; owl:targetValue 6 .`);
  });

  it('translates annotation axioms, on IRIs and anonymous individuals, with IRI, anonymous and literal values', async () => {
    const quads = await translate(
      c('AnnotationAssertion', iri('label'), iri('A'), literal('A', `${RDF}langString`, 'en')),
      c('AnnotationAssertion', c('AnnotationProperty', iri('seeAlso')), iri('A'), iri('B')),
      c('AnnotationAssertion', iri('seeAlso'), anonymous('n'), anonymous('m')),
      c('SubAnnotationPropertyOf', iri('label'), iri('name')),
      c('AnnotationPropertyDomain', iri('label'), iri('A')),
      c('AnnotationPropertyRange', iri('label'), xsd('string')),
    );
    expectGraph(quads, `${ONTOLOGY} ex:A ex:label "A"@en ; ex:seeAlso ex:B . _:n ex:seeAlso _:m .
      ex:label rdfs:subPropertyOf ex:name ; rdfs:domain ex:A ; rdfs:range xsd:string .`);
  });
});

describe('owlToRdf: annotated axioms (section 2.3)', () => {
  it('reifies the main triple of an annotated axiom with owl:Axiom, and an annotated annotation with owl:Annotation', async () => {
    const quads = await translate(
      c('SubClassOf', annotation('comment', literal('why'), annotation('source', iri('paper'))), annotation('seeAlso', iri('doc')), iri('A'), c('ObjectSomeValuesFrom', iri('p'), iri('B'))),
    );
    expectGraph(quads, `${ONTOLOGY}
      ex:A rdfs:subClassOf _:r . _:r a owl:Restriction ; owl:onProperty ex:p ; owl:someValuesFrom ex:B .
      _:ax a owl:Axiom ; owl:annotatedSource ex:A ; owl:annotatedProperty rdfs:subClassOf ; owl:annotatedTarget _:r ;
        ex:comment "why" ; ex:seeAlso ex:doc .
      [] a owl:Annotation ; owl:annotatedSource _:ax ; owl:annotatedProperty ex:comment ; owl:annotatedTarget "why" ; ex:source ex:paper .`);
  });

  it('reifies each main triple of an axiom translated to several, and an annotation assertion and declaration like any axiom', async () => {
    const quads = await translate(
      c('EquivalentClasses', annotation('note', literal('n')), iri('A'), iri('B'), iri('D')),
      c('AnnotationAssertion', annotation('source', iri('paper')), iri('label'), iri('A'), literal('A')),
      c('Declaration', annotation('note', literal('d')), c('Class', iri('A'))),
    );
    expectGraph(quads, `${ONTOLOGY} ex:A owl:equivalentClass ex:B . ex:B owl:equivalentClass ex:D . ex:A ex:label "A" . ex:A a owl:Class .
      [] a owl:Axiom ; owl:annotatedSource ex:A ; owl:annotatedProperty owl:equivalentClass ; owl:annotatedTarget ex:B ; ex:note "n" .
      [] a owl:Axiom ; owl:annotatedSource ex:B ; owl:annotatedProperty owl:equivalentClass ; owl:annotatedTarget ex:D ; ex:note "n" .
      [] a owl:Axiom ; owl:annotatedSource ex:A ; owl:annotatedProperty ex:label ; owl:annotatedTarget "A" ; ex:source ex:paper .
      [] a owl:Axiom ; owl:annotatedSource ex:A ; owl:annotatedProperty rdf:type ; owl:annotatedTarget owl:Class ; ex:note "d" .`);
  });

  it('puts the annotations of an axiom with a main blank node on that node, without owl:Axiom', async () => {
    const note = annotation('note', literal('n'), annotation('source', iri('paper')));
    const quads = await translate(
      c('DisjointClasses', note, iri('A'), iri('B'), iri('D')),
      c('DisjointObjectProperties', note, iri('p'), iri('q'), iri('r')),
      c('DifferentIndividuals', note, iri('a'), iri('b'), iri('c')),
      c('NegativeObjectPropertyAssertion', note, iri('p'), iri('a'), iri('b')),
    );
    const annotated = (node: string) => `${node} ex:note "n" . [] a owl:Annotation ; owl:annotatedSource ${node} ; owl:annotatedProperty ex:note ; owl:annotatedTarget "n" ; ex:source ex:paper .`;
    expectGraph(quads, `${ONTOLOGY}
      _:c a owl:AllDisjointClasses ; owl:members ( ex:A ex:B ex:D ) . ${annotated('_:c')}
      _:p a owl:AllDisjointProperties ; owl:members ( ex:p ex:q ex:r ) . ${annotated('_:p')}
      _:i a owl:AllDifferent ; owl:distinctMembers ( ex:a ex:b ex:c ) . ${annotated('_:i')}
      _:n a owl:NegativePropertyAssertion ; owl:sourceIndividual ex:a ; owl:assertionProperty ex:p ; owl:targetIndividual ex:b . ${annotated('_:n')}`);
  });
});

describe('owlToRdf: SWRL rules as the OWL API writes them', () => {
  it('writes a DLSafeRule as a swrl:Imp with atom lists, variables typed once and annotations on the rule', async () => {
    const x = c('Variable', iri('urn:swrl#x'));
    const y = c('Variable', iri('urn:swrl#y'));
    const v = c('Variable', iri('urn:swrl#v'));
    const rule = c('DLSafeRule', annotation('label', literal('rule 1')),
      c('Body', c('ClassAtom', iri('A'), x), c('ObjectPropertyAtom', iri('p'), x, y), c('DataPropertyAtom', iri('d'), x, v),
        c('BuiltInAtom', iri('http://www.w3.org/2003/11/swrlb#greaterThan'), v, literal('5', `${XSD}integer`)),
        c('DataRangeAtom', xsd('integer'), v), c('DifferentIndividualsAtom', x, iri('a'))),
      c('Head', c('ClassAtom', c('ObjectSomeValuesFrom', iri('p'), iri('B')), y), c('SameIndividualAtom', y, c('NamedIndividual', iri('b')))),
    );
    expectGraph(await translate(rule), `${ONTOLOGY}
      <urn:swrl#x> a swrl:Variable . <urn:swrl#y> a swrl:Variable . <urn:swrl#v> a swrl:Variable .
      <http://www.w3.org/2003/11/swrlb#greaterThan> a swrl:Builtin .
      [] a swrl:Imp ; ex:label "rule 1" ;
        swrl:body [ a swrl:AtomList ; rdf:first [ a swrl:ClassAtom ; swrl:classPredicate ex:A ; swrl:argument1 <urn:swrl#x> ] ;
          rdf:rest [ a swrl:AtomList ; rdf:first [ a swrl:IndividualPropertyAtom ; swrl:propertyPredicate ex:p ; swrl:argument1 <urn:swrl#x> ; swrl:argument2 <urn:swrl#y> ] ;
          rdf:rest [ a swrl:AtomList ; rdf:first [ a swrl:DatavaluedPropertyAtom ; swrl:propertyPredicate ex:d ; swrl:argument1 <urn:swrl#x> ; swrl:argument2 <urn:swrl#v> ] ;
          rdf:rest [ a swrl:AtomList ; rdf:first [ a swrl:BuiltinAtom ; swrl:builtin <http://www.w3.org/2003/11/swrlb#greaterThan> ;
              swrl:arguments [ a rdf:List ; rdf:first <urn:swrl#v> ; rdf:rest [ a rdf:List ; rdf:first 5 ; rdf:rest rdf:nil ] ] ] ;
          rdf:rest [ a swrl:AtomList ; rdf:first [ a swrl:DataRangeAtom ; swrl:dataRange xsd:integer ; swrl:argument1 <urn:swrl#v> ] ;
          rdf:rest [ a swrl:AtomList ; rdf:first [ a swrl:DifferentIndividualsAtom ; swrl:argument1 <urn:swrl#x> ; swrl:argument2 ex:a ] ;
          rdf:rest rdf:nil ] ] ] ] ] ] ;
        swrl:head [ a swrl:AtomList ; rdf:first [ a swrl:ClassAtom ; swrl:argument1 <urn:swrl#y> ;
            swrl:classPredicate [ a owl:Restriction ; owl:onProperty ex:p ; owl:someValuesFrom ex:B ] ] ;
          rdf:rest [ a swrl:AtomList ; rdf:first [ a swrl:SameIndividualAtom ; swrl:argument1 <urn:swrl#y> ; swrl:argument2 ex:b ] ; rdf:rest rdf:nil ] ] .`);
  });
});

describe('owlToRdf: errors', () => {
  const expectError = async (axiom: OwlConstruct, line: number, column: number, message: string) => {
    const error = await failure(axiom);
    expect(error.code).toBe('RDF_SYNTAX');
    expect(error.location).toEqual({ file: 'test.ofn', line, column });
    expect(error.message).toBe(message);
  };

  it('reports a construct with too few or too many arguments at the construct', async () => {
    await expectError(at(3, 5)('SubClassOf', iri('A')), 3, 5, 'SubClassOf expects a class expression as argument 2, found nothing more');
    await expectError(at(4, 1)('SubClassOf', iri('A'), iri('B'), iri('D')), 4, 1, `SubClassOf has too many arguments: argument 3 (<${EX}D>) is not expected`);
    await expectError(c('SubClassOf', iri('A'), at(5, 9)('ObjectSomeValuesFrom', iri('p'))), 5, 9, 'ObjectSomeValuesFrom expects a class expression as argument 2, found nothing more');
    await expectError(at(6, 2)('EquivalentClasses', iri('A')), 6, 2, 'EquivalentClasses expects at least 2 class expressions, found 1');
    await expectError(at(7, 3)('HasKey', iri('A'), group(iri('p'))), 7, 3, 'HasKey expects the data properties of the key, in parentheses as argument 3, found nothing more');
  });

  it('reports an argument of the wrong kind at the construct that has it', async () => {
    await expectError(at(2, 4)('SubClassOf', iri('A'), literal('x')), 2, 4, 'SubClassOf expects a class expression as argument 2, found the literal "x"');
    await expectError(at(2, 4)('SubClassOf', iri('A'), at(2, 20)('DataOneOf', literal('x'))), 2, 4, 'SubClassOf expects a class expression as argument 2, found DataOneOf(...)');
    await expectError(at(8, 1)('SubClassOf', iri('A'), at(8, 15)('ObjectMinCardinality', literal('two'), iri('p'))), 8, 15, 'ObjectMinCardinality expects a non-negative integer as argument 1, found the literal "two"');
    await expectError(at(9, 1)('Declaration', iri('A')), 9, 1, `Declaration expects an entity such as Class(<iri>) as argument 1, found <${EX}A>`);
    await expectError(at(9, 1)('HasKey', iri('A'), group(literal('p')), group()), 9, 1, 'HasKey expects an object property expression as argument 2, found the literal "p"');
    await expectError(at(9, 1)('ClassAssertion', iri('A'), c('Class', iri('a'))), 9, 1, 'ClassAssertion expects an individual as argument 2, found Class(...)');
  });

  it('reports an unknown keyword at its own position', async () => {
    await expectError(c('SubClassOf', iri('A'), at(4, 7)('ObjectSomeValueFrom', iri('p'), iri('B'))), 4, 7, 'Unknown construct ObjectSomeValueFrom: SubClassOf expects a class expression here');
    await expectError(at(10, 1)('SubClassof', iri('A'), iri('B')), 10, 1, 'Unknown construct SubClassof: expected an axiom');
    await expectError(at(11, 1)('ObjectUnionOf', iri('A'), iri('B')), 11, 1, 'ObjectUnionOf is not an axiom: an ontology holds axioms only');
  });

  it('stops at the first error, having sent nothing after it', async () => {
    const seen: Quad[] = [];
    const events: OwlEvent[] = [{ type: 'ontology', iri: `${EX}o`, line: 1, column: 1 }, { type: 'axiom', axiom: at(2, 1)('Foo') }, { type: 'axiom', axiom: c('SubClassOf', iri('A'), iri('B')) }];
    const error = await owlToRdf(stream(events), {}, { quads: (batch) => void seen.push(...batch) }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'RDF_SYNTAX', location: { line: 2, column: 1 } });
    expect(seen.filter((q) => q.predicate.value.endsWith('subClassOf'))).toEqual([]);
  });
});

describe('owlToRdf: batches', () => {
  it('sends full batches and awaits the sink before reading on', async () => {
    const axioms = Array.from({ length: BATCH_SIZE * 2 }, (_, i) => c('SubClassOf', iri(`A${i}`), iri('B')));
    let pending = false;
    const sizes: number[] = [];
    await owlToRdf(stream([{ type: 'ontology', iri: `${EX}o`, line: 1, column: 1 }, ...axioms.map((axiom) => ({ type: 'axiom', axiom }) as const)]), {}, {
      quads(batch) {
        expect(pending).toBe(false);
        sizes.push(batch.length);
        pending = true;
        return new Promise((resolve) => setImmediate(() => { pending = false; resolve(); }));
      },
    });
    expect(sizes.reduce((a, b) => a + b)).toBe(BATCH_SIZE * 2 + 1);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    expect(sizes.slice(0, -1).every((size) => size >= BATCH_SIZE)).toBe(true);
  });
});
