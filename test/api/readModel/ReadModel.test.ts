/**
 * The read model's concept index against its definition: for every concept of the demo ontologies
 * and the test mesh, the products "about" it with sub-concepts are exactly the products annotated
 * with the concept or any concept below it through the closure (equivalents included), each once,
 * in name order; without sub-concepts, its own annotations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '../../../src/api/readModel/index.ts';
import { c } from '../meshFixture.ts';
import { demoModel, type DemoModel } from './demoModel.ts';

let demo: DemoModel;
let model: ReadModel;

beforeAll(async () => {
  demo = await demoModel();
  model = demo.model;
});
afterAll(() => demo?.dispose());

describe('ReadModel.productsAbout', () => {
  it.each(Object.entries(c))('lists the products about %s and its sub-concepts once each, in name order', (_, iri) => {
    const under = new Set(model.conceptsUnder(iri, true));
    const expected = model.products.filter((product) => product.concepts.some((concept) => under.has(concept)));
    expect(model.productsAbout(iri, true)).toEqual(expected);
    const own = model.products.filter((product) => product.concepts.some((concept) => concept.iri === iri));
    expect(model.productsAbout(iri, false)).toEqual(own);
  });

  it('finds products of sub-concepts under a concept none is annotated with directly, and none for an unknown IRI', () => {
    expect(model.productsAbout(c.party, false)).toEqual([]);
    expect(model.productsAbout(c.party, true).length).toBeGreaterThan(0);
    expect(model.productsAbout('https://example.org/none', true)).toEqual([]);
  });

  it('walks the hierarchy through anonymous classes: RetailCustomer ≡ Person ⊓ Customer lies under Person, BusinessCustomer under Organization', () => {
    const under = (iri: string) => model.conceptsUnder(iri, true).map((concept) => concept.iri);
    expect(under(c.person)).toContain(c.retailCustomer);
    expect(under(c.person)).not.toContain(c.businessCustomer);
    expect(under(c.organization)).toContain(c.businessCustomer);
    const retail = model.productsAbout(c.retailCustomer, false);
    expect(retail.length).toBeGreaterThan(0);
    expect(model.productsAbout(c.person, true)).toEqual(expect.arrayContaining([...retail]));
  });
});
