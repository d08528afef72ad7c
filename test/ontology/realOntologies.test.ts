/**
 * The OWL view and the entailment closure on real ontologies (test/fixtures/shared). Expected
 * counts are derived from the parsed quads in the test, independently of src/ontology; the closure
 * is compared with the naive reference of referenceClosure.ts.
 */
import type { Quad } from '@rdfjs/types';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OwlView } from '../../src/ontology/index.ts';
import { EX, OWL, RDF, RDFS, entailmentOf, fixtures, inferredLines, pizza, pizzaPath, readFixture, turtle, viewOf } from './helpers.ts';
import { closedByReader, referenceClosure } from './referenceClosure.ts';

const PROV = 'http://www.w3.org/ns/prov#';
const DPV_OWL = 'https://w3id.org/dpv/owl#';
const type = `${RDF}type`;

/** IRI subjects with an rdf:type among `types`. */
function typed(quads: Quad[], ...types: string[]): Set<string> {
  const wanted = new Set(types);
  return new Set(quads.filter((q) => q.subject.termType === 'NamedNode' && q.predicate.value === type && wanted.has(q.object.value)).map((q) => q.subject.value));
}

/** Literal objects of (subject, predicate) grouped by lower-cased language, deduplicated, as the view should have them. */
function literalsByLanguage(quads: Quad[], subject: string, predicates: string[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const q of quads) {
    if (q.subject.value !== subject || !predicates.includes(q.predicate.value) || q.object.termType !== 'Literal') continue;
    const values = (result[q.object.language.toLowerCase()] ??= []);
    if (!values.includes(q.object.value)) values.push(q.object.value);
  }
  return result;
}

describe('pizza (RDF/XML, Protégé)', () => {
  let quads: Quad[];
  let view: OwlView;
  let inferred: string[];
  beforeAll(async () => {
    quads = await readFixture(pizzaPath);
    view = viewOf([quads]);
    inferred = inferredLines(entailmentOf(quads));
  });

  it('counts what the file declares', () => {
    expect(view.ontologies.map((o) => o.iri)).toEqual(['https://raw.githubusercontent.com/owlcs/pizza-ontology/refs/heads/master/pizza.owl']);
    expect(view.classes.size).toBe(typed(quads, `${OWL}Class`, `${RDFS}Class`).size);
    expect(view.classes.size).toBeGreaterThan(90);
    expect(view.objectProperties.size).toBe(typed(quads, `${OWL}ObjectProperty`).size);
    expect(view.datatypeProperties.size).toBe(typed(quads, `${OWL}DatatypeProperty`).size);
    const classes = typed(quads, `${OWL}Class`);
    expect(view.individuals.size).toBe(typed(quads, `${OWL}NamedIndividual`, `${OWL}Thing`, ...classes).size);
    expect(view.individuals.get(`${pizza}Italy`)!.types).toEqual([`${OWL}Thing`, `${pizza}Country`]);
  });

  it('keeps every class label and definition per language (Portuguese labels, English comments)', () => {
    for (const info of view.classes.values()) {
      expect(info.labels).toEqual(literalsByLanguage(quads, info.iri, [`${RDFS}label`]));
      expect(info.definitions).toEqual(literalsByLanguage(quads, info.iri, [`${RDFS}comment`]));
    }
    expect(view.classes.get(`${pizza}American`)!.labels).toEqual({ pt: ['Americana'] });
    expect([...view.classes.values()].filter((c) => c.definitions.en).length).toBeGreaterThan(10);
  });

  it('reads hasTopping with its inverse, domain, range and characteristics', () => {
    expect(view.objectProperties.get(`${pizza}hasTopping`)).toMatchObject({
      domains: [`${pizza}Pizza`], ranges: [`${pizza}PizzaTopping`], inverses: [`${pizza}isToppingOf`],
      superProperties: [`${pizza}hasIngredient`], characteristics: ['inverseFunctional'],
    });
    expect(view.objectProperties.get(`${pizza}isToppingOf`)!.inverses).toEqual([`${pizza}hasTopping`]);
  });

  it('infers that American is a Pizza and a Food, through NamedPizza, when the hierarchy is closed on read', () => {
    const american = view.classes.get(`${pizza}American`)!;
    expect(american.superClasses).toEqual([`${pizza}NamedPizza`]);
    const above = [`${pizza}American ${RDFS}subClassOf ${pizza}Pizza`, `${pizza}American ${RDFS}subClassOf ${pizza}Food`];
    expect(closedByReader(inferred, quads)).toEqual(expect.arrayContaining(above));
    for (const fact of above) expect(inferred).not.toContain(fact);
  });

  it('entails exactly what the naive reference entails', () => {
    expect(closedByReader(inferred, quads)).toEqual(referenceClosure(quads));
  });
});

describe('PROV-O with its inverses module (Turtle)', () => {
  let provO: Quad[];
  let inverses: Quad[];
  beforeAll(async () => {
    provO = await readFixture(`${fixtures}/w3c-vocabularies/prov-o/prov-o.ttl`);
    inverses = await readFixture(`${fixtures}/w3c-vocabularies/prov-o/prov-o-inverses.ttl`);
  });

  it('shows each declared property its inverse, named only in the inverses module', () => {
    const view = viewOf([provO, inverses]);
    expect(view.objectProperties.get(`${PROV}actedOnBehalfOf`)!.inverses).toEqual([`${PROV}hadDelegate`]);
    const pairs = inverses.filter((q) => q.predicate.value === `${OWL}inverseOf`);
    expect(pairs.length).toBeGreaterThan(40);
    for (const { subject, object } of pairs) {
      const declared = view.objectProperties.get(object.value);
      if (declared) expect(declared.inverses).toContain(subject.value);
    }
  });

  it('turns facts around through inverses and types both ends', () => {
    const data = turtle(`:bob <${PROV}actedOnBehalfOf> :alice .`);
    const lines = inferredLines(entailmentOf(provO, inverses, data));
    expect(lines).toEqual(expect.arrayContaining([
      `${EX}alice ${PROV}hadDelegate ${EX}bob`,
      `${EX}bob ${type} ${PROV}Agent`,
      `${EX}alice ${type} ${PROV}Agent`,
      `${PROV}actedOnBehalfOf ${OWL}inverseOf ${PROV}hadDelegate`,
    ]));
    const asserted = new Set([...provO, ...inverses].map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`));
    const reversals = inverses
      .filter((q) => q.predicate.value === `${OWL}inverseOf`)
      .map((q) => `${q.object.value} ${OWL}inverseOf ${q.subject.value}`)
      .filter((reversal) => !asserted.has(reversal));
    expect(reversals.length).toBeGreaterThan(30);
    for (const reversal of reversals) expect(lines).toContain(reversal);
    // actedOnBehalfOf is a sub-property of wasInfluencedBy: a query joining rdfs:subPropertyOf finds that fact.
    expect(lines).not.toContain(`${EX}bob ${PROV}wasInfluencedBy ${EX}alice`);
    expect(closedByReader(lines, provO, inverses, data)).toEqual(referenceClosure(provO, inverses, data));
  });
});

describe('DPV (OWL and SKOS flavours, Turtle)', () => {
  it('counts the OWL flavour: punned classes are individuals too', async () => {
    const quads = await readFixture(`${fixtures}/dpv/dpv/dpv-owl.ttl`);
    const view = viewOf([quads]);
    expect(view.classes.size).toBe(typed(quads, `${OWL}Class`, `${RDFS}Class`).size);
    expect(view.objectProperties.size).toBe(typed(quads, `${OWL}ObjectProperty`).size);
    const builtIn = (iri: string) => [RDF, RDFS, OWL].some((ns) => iri.startsWith(ns));
    const individuals = new Set(quads.filter((q) => q.subject.termType === 'NamedNode' && q.predicate.value === type && !builtIn(q.object.value)).map((q) => q.subject.value));
    expect(view.individuals.size).toBe(individuals.size);
    expect(view.individuals.get(`${DPV_OWL}AIGovernance`)!.types).toEqual([`${DPV_OWL}OrganisationalMeasure`]);

    const lines = inferredLines(entailmentOf(quads));
    expect(lines).not.toContain(`${DPV_OWL}AIGovernance ${RDFS}subClassOf ${DPV_OWL}OrganisationalMeasure`);
    expect(closedByReader(lines, quads)).toContain(`${DPV_OWL}AIGovernance ${RDFS}subClassOf ${DPV_OWL}OrganisationalMeasure`);
    expect(closedByReader(lines, quads)).toEqual(referenceClosure(quads));
  });

  it('counts the SKOS flavour: rdfs:Class as classes, rdf:Property as (object) properties', async () => {
    const quads = await readFixture(`${fixtures}/dpv/dpv/dpv.ttl`);
    const view = viewOf([quads]);
    expect(view.classes.size).toBe(typed(quads, `${RDFS}Class`).size);
    const properties = typed(quads, `${RDF}Property`);
    expect(properties.size).toBeGreaterThan(100);
    expect(view.objectProperties.size + view.datatypeProperties.size).toBe(properties.size);
    for (const info of view.objectProperties.values()) expect(info.declaredKind).toBe(false);
  });
});

describe('schema.org (RDFS only, Turtle)', () => {
  it('counts rdfs:Class as classes and rdf:Property as properties', async () => {
    const quads = await readFixture(`${fixtures}/schemaorg/schemaorg-current-https.ttl`);
    const view = viewOf([quads]);
    expect(view.ontologies).toEqual([]);
    expect(view.classes.size).toBe(typed(quads, `${RDFS}Class`).size);
    expect(view.objectProperties.size + view.datatypeProperties.size + view.annotationProperties.size).toBe(typed(quads, `${RDF}Property`).size);
    expect(view.classes.get('https://schema.org/Person')!.superClasses).toEqual(['https://schema.org/Thing']);
  });
});
