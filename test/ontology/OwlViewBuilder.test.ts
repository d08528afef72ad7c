import { describe, expect, it } from 'vitest';
import { OwlViewBuilder } from '../../src/ontology/index.ts';
import { EX, OWL, turtle, viewOf } from './helpers.ts';

const view = (text: string, batchSize?: number) => viewOf([turtle(text)], batchSize);

describe('OwlViewBuilder: ontologies', () => {
  it('reads the ontology IRI, version IRI and imports, and keeps anonymous ontologies', () => {
    const { ontologies } = view(`
      <http://example.org/onto> a owl:Ontology ; owl:versionIRI <http://example.org/onto/1.0> ;
        owl:imports <http://example.org/a>, <http://example.org/b> ; rdfs:label "Onto"@en ; rdfs:comment "About it" .
      [] a owl:Ontology ; owl:imports <http://example.org/c> .`);
    expect(ontologies).toEqual([
      { iri: `${EX}onto`, versionIri: `${EX}onto/1.0`, imports: [`${EX}a`, `${EX}b`], labels: { en: ['Onto'] }, definitions: { '': ['About it'] }, deprecated: false },
      { iri: undefined, versionIri: undefined, imports: [`${EX}c`], labels: {}, definitions: {}, deprecated: false },
    ]);
  });
});

describe('OwlViewBuilder: classes', () => {
  it('counts owl:Class and rdfs:Class subjects once, and only IRIs', () => {
    const { classes } = view(`
      :A a owl:Class . :B a rdfs:Class . :C a owl:Class, rdfs:Class . :D a owl:DeprecatedClass .
      [] a owl:Class ; owl:unionOf (:A :B) . :T a rdfs:Datatype . :R a owl:Restriction .`);
    expect([...classes.keys()]).toEqual([`${EX}A`, `${EX}B`, `${EX}C`, `${EX}D`]);
  });

  it('groups labels and definitions by language, from every supported annotation', () => {
    const info = view(`
      :Pizza a owl:Class ; rdfs:label "Pizza"@en, "Pizza"@pt, "Pizza"@EN-gb, "Pizza" ;
        skos:prefLabel "Pizza pie"@en ; rdfs:label "Pizza"@en ;
        rdfs:comment "A dish."@en ; skos:definition "Ein Gericht."@de ; obo:IAO_0000115 "A flat bread." .`).classes.get(`${EX}Pizza`)!;
    expect(info.labels).toEqual({ en: ['Pizza', 'Pizza pie'], pt: ['Pizza'], 'en-gb': ['Pizza'], '': ['Pizza'] });
    expect(info.definitions).toEqual({ en: ['A dish.'], de: ['Ein Gericht.'], '': ['A flat bread.'] });
  });

  it('marks deprecated classes (owl:deprecated true in any spelling, or owl:DeprecatedClass) and nothing else', () => {
    const { classes } = view(`
      :A a owl:Class ; owl:deprecated true . :B a owl:Class ; owl:deprecated "true"^^xsd:boolean .
      :C a owl:Class ; owl:deprecated "1"^^xsd:boolean . :D a owl:Class, owl:DeprecatedClass . :E a owl:Class ; owl:deprecated "true" .
      :F a owl:Class ; owl:deprecated false . :G a owl:Class ; owl:deprecated "1" . :H a owl:Class .`);
    const deprecated = [...classes.values()].filter((c) => c.deprecated).map((c) => c.iri.slice(EX.length));
    expect(deprecated).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('lists named super classes, with the named operands of intersections, and symmetric equivalents', () => {
    const { classes } = view(`
      :Margherita a owl:Class ; rdfs:subClassOf :NamedPizza, [ a owl:Restriction ; owl:onProperty :hasTopping ; owl:someValuesFrom :Tomato ] ;
        rdfs:subClassOf [ owl:intersectionOf (:Vegetarian [ owl:complementOf :Spicy ]) ] .
      :CheesyPizza a owl:Class ; owl:equivalentClass [ a owl:Class ; owl:intersectionOf (:Pizza [ a owl:Restriction ; owl:onProperty :hasTopping ; owl:someValuesFrom :Cheese ]) ] .
      :Pie a owl:Class ; owl:equivalentClass :Pizza . :Pizza a owl:Class .`);
    expect(classes.get(`${EX}Margherita`)!.superClasses).toEqual([`${EX}NamedPizza`, `${EX}Vegetarian`]);
    expect(classes.get(`${EX}CheesyPizza`)).toMatchObject({ superClasses: [`${EX}Pizza`], equivalents: [] });
    expect(classes.get(`${EX}Pie`)!.equivalents).toEqual([`${EX}Pizza`]);
    expect(classes.get(`${EX}Pizza`)!.equivalents).toEqual([`${EX}Pie`]);
  });

  it('survives malformed and cyclic RDF lists', () => {
    const quads = turtle(`
      :A a owl:Class ; owl:equivalentClass _:x . _:x owl:intersectionOf _:l1 .
      _:l1 rdf:first :B ; rdf:rest _:l2 . _:l2 rdf:first :C ; rdf:rest _:l1 .
      :D a owl:Class ; owl:equivalentClass [ owl:intersectionOf _:broken ] . _:broken rdf:rest rdf:nil .`);
    const { classes } = viewOf([quads]);
    expect(classes.get(`${EX}A`)!.superClasses).toEqual([`${EX}B`, `${EX}C`]);
    expect(classes.get(`${EX}D`)!.superClasses).toEqual([]);
  });
});

describe('OwlViewBuilder: properties', () => {
  it('reads kind, domain, range, super properties, characteristics and symmetric inverses', () => {
    const view_ = view(`
      :hasTopping a owl:ObjectProperty, owl:InverseFunctionalProperty ; rdfs:domain :Pizza ; rdfs:range :Topping ;
        rdfs:subPropertyOf :hasIngredient ; owl:inverseOf :isToppingOf ; rdfs:label "has topping"@en .
      :isToppingOf a owl:ObjectProperty, owl:FunctionalProperty .
      :partOf a owl:TransitiveProperty, owl:ReflexiveProperty ; owl:equivalentProperty :componentOf .
      :componentOf a owl:ObjectProperty .
      :knows a owl:SymmetricProperty, owl:IrreflexiveProperty . :parentOf a owl:AsymmetricProperty .
      :calories a owl:DatatypeProperty, owl:FunctionalProperty ; rdfs:range xsd:integer .
      :note a owl:AnnotationProperty ; owl:deprecated true .`);
    expect(view_.objectProperties.get(`${EX}hasTopping`)).toEqual({
      iri: `${EX}hasTopping`, kind: 'object', declaredKind: true, domains: [`${EX}Pizza`], ranges: [`${EX}Topping`],
      inverses: [`${EX}isToppingOf`], superProperties: [`${EX}hasIngredient`], equivalents: [], characteristics: ['inverseFunctional'],
      labels: { en: ['has topping'] }, definitions: {}, deprecated: false,
    });
    expect(view_.objectProperties.get(`${EX}isToppingOf`)).toMatchObject({ inverses: [`${EX}hasTopping`], characteristics: ['functional'] });
    expect(view_.objectProperties.get(`${EX}partOf`)).toMatchObject({ characteristics: ['transitive', 'reflexive'], equivalents: [`${EX}componentOf`] });
    expect(view_.objectProperties.get(`${EX}componentOf`)!.equivalents).toEqual([`${EX}partOf`]);
    expect(view_.objectProperties.get(`${EX}knows`)!.characteristics).toEqual(['symmetric', 'irreflexive']);
    expect(view_.objectProperties.get(`${EX}parentOf`)!.characteristics).toEqual(['asymmetric']);
    expect(view_.datatypeProperties.get(`${EX}calories`)).toMatchObject({ kind: 'datatype', characteristics: ['functional'], ranges: [`${'http://www.w3.org/2001/XMLSchema#'}integer`] });
    expect(view_.annotationProperties.get(`${EX}note`)).toMatchObject({ kind: 'annotation', deprecated: true });
    expect(view_.objectProperties.size + view_.datatypeProperties.size + view_.annotationProperties.size).toBe(8);
  });

  it('classifies rdf:Property by its ranges: all datatypes -> datatype property, otherwise object property', () => {
    const { objectProperties, datatypeProperties } = view(`
      :name a rdf:Property ; rdfs:range xsd:string . :text a rdf:Property ; rdfs:range rdfs:Literal, rdf:langString .
      :age a rdf:Property ; rdfs:range :Years . :Years a rdfs:Datatype .
      :knows a rdf:Property ; rdfs:range :Person . :about a rdf:Property . :mixed a rdf:Property ; rdfs:range xsd:string, :Thing .
      :id a owl:FunctionalProperty ; rdfs:range xsd:ID . :old a owl:DeprecatedProperty .
      :declared a rdf:Property, owl:ObjectProperty ; rdfs:range xsd:string .`);
    expect([...datatypeProperties.keys()].map((iri) => iri.slice(EX.length))).toEqual(['name', 'text', 'age', 'id']);
    expect([...objectProperties.keys()].map((iri) => iri.slice(EX.length))).toEqual(['knows', 'about', 'mixed', 'old', 'declared']);
    expect(datatypeProperties.get(`${EX}name`)!.declaredKind).toBe(false);
    expect(objectProperties.get(`${EX}declared`)!.declaredKind).toBe(true);
    expect(objectProperties.get(`${EX}old`)!.deprecated).toBe(true);
  });

  it('lists a property declared with two OWL kinds under both', () => {
    const v = view(':p a owl:ObjectProperty, owl:DatatypeProperty .');
    expect(v.objectProperties.get(`${EX}p`)!.kind).toBe('object');
    expect(v.datatypeProperties.get(`${EX}p`)!.kind).toBe('datatype');
  });
});

describe('OwlViewBuilder: individuals', () => {
  it('takes owl:NamedIndividual and subjects typed with a domain class (or a class expression), with their named types', () => {
    const { individuals } = view(`
      :Italy a owl:NamedIndividual, :Country . :rex a :Dog, owl:Thing ; rdfs:label "Rex"@en .
      :anon a [ a owl:Restriction ; owl:onProperty :p ; owl:hasValue :x ] .
      :Dog a owl:Class . :Dog a :Species .
      :p a owl:ObjectProperty . :list a rdf:List . :stmt a rdf:Statement . :ax a owl:AllDisjointClasses .
      [] a :Dog .`);
    expect([...individuals.keys()].map((iri) => iri.slice(EX.length))).toEqual(['Italy', 'rex', 'anon', 'Dog']);
    expect(individuals.get(`${EX}Italy`)!.types).toEqual([`${EX}Country`]);
    expect(individuals.get(`${EX}rex`)).toMatchObject({ types: [`${EX}Dog`, `${OWL}Thing`], labels: { en: ['Rex'] } });
    expect(individuals.get(`${EX}anon`)!.types).toEqual([]);
  });
});

describe('OwlViewBuilder: streaming', () => {
  it('decides on types that come after the other triples of a subject, across batches', () => {
    const quads = turtle(`
      :A rdfs:label "A"@en ; rdfs:subClassOf :B . :p rdfs:domain :A ; owl:inverseOf :q . :x rdfs:label "x" .
      :unrelated :says "kept out" ; rdfs:seeAlso :A .
      :A a owl:Class . :p a owl:ObjectProperty . :x a :A .`);
    for (const batchSize of [1, 2, 1000]) {
      const v = viewOf([quads], batchSize);
      expect(v.classes.get(`${EX}A`)).toMatchObject({ superClasses: [`${EX}B`], labels: { en: ['A'] } });
      expect(v.objectProperties.get(`${EX}p`)).toMatchObject({ domains: [`${EX}A`], inverses: [`${EX}q`] });
      expect(v.individuals.get(`${EX}x`)).toMatchObject({ types: [`${EX}A`], labels: { '': ['x'] } });
      expect(v.individuals.has(`${EX}unrelated`)).toBe(false);
    }
  });

  it('keeps blank nodes of different documents apart', () => {
    // Both documents use the label _:b for their own intersection.
    const first = turtle(':A a owl:Class ; owl:equivalentClass _:b . _:b owl:intersectionOf (:B1 :B2) .', { blankNodePrefix: '' });
    const second = turtle(':C a owl:Class ; owl:equivalentClass _:b . _:b owl:intersectionOf (:D1) .', { blankNodePrefix: '' });
    expect(first.find((q) => q.object.termType === 'BlankNode')!.object.value).toBe(second.find((q) => q.object.termType === 'BlankNode')!.object.value);
    const v = viewOf([first, second]);
    expect(v.classes.get(`${EX}A`)!.superClasses).toEqual([`${EX}B1`, `${EX}B2`]);
    expect(v.classes.get(`${EX}C`)!.superClasses).toEqual([`${EX}D1`]);
  });

  it('can build, take more quads and build again', () => {
    const builder = new OwlViewBuilder();
    builder.add(turtle(':A a owl:Class .'));
    expect(builder.build().classes.size).toBe(1);
    builder.add(turtle(`:B a owl:Class ; rdfs:subClassOf :A .`));
    expect([...builder.build().classes.values()].map((c) => c.superClasses)).toEqual([[], [`${EX}A`]]);
  });
});
