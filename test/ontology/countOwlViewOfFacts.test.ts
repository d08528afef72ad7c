import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { entailmentOf, fixtures, readFixture, turtle, viewOf } from './helpers.ts';

const isBlank = (term: string) => term.startsWith('_:');

/** The sizes of the full OWL view of some documents (OwlViewBuilder): what the counts must be. */
function viewSizes(documents: Quad[][]) {
  const view = viewOf(documents);
  return {
    classes: view.classes.size, objectProperties: view.objectProperties.size, datatypeProperties: view.datatypeProperties.size,
    annotationProperties: view.annotationProperties.size, individuals: view.individuals.size, ontologies: view.ontologies.length,
  };
}

describe('Entailment.owlCounts: the OWL view counted from interned facts', () => {
  it.each([
    'protege-owl/pizza-owlcs/pizza.owl',
    'protege-owl/protege-test-ontologies/amino-acid.owl',
    'schemaorg/schemaorg-current-https.ttl',
    'obo-ro/ro.owl',
    'dpv/dpv/dpv-owl.ttl',
    'dpv/dpv/dpv.ttl',
    'w3c-vocabularies/dcat/dcat3.ttl',
    'w3c-vocabularies/prov-o/prov-o.ttl',
    'iof-ontology/core/Core.rdf',
  ])('counts %s as the full OWL view lists', async (path) => {
    const quads = await readFixture(`${fixtures}/${path}`);
    const counts = entailmentOf(quads).owlCounts(isBlank);
    expect(counts).toEqual(viewSizes([quads]));
    expect(counts.classes + counts.objectProperties + counts.individuals).toBeGreaterThan(10);
  });

  it('follows the counting rules on their edge cases: punning, plain properties by range, anonymous ontologies, class expressions as types', () => {
    const documents = [
      turtle(`
        [] a owl:Ontology . :o a owl:Ontology ; owl:imports :other .
        :C a owl:Class . :C a :Meta . :Meta a owl:Class .
        :date a rdf:Property ; rdfs:range xsd:date . :link a rdf:Property ; rdfs:range :C . :bare a rdf:Property .
        :custom a rdfs:Datatype . :measure a owl:FunctionalProperty ; rdfs:range :custom .
        :both a owl:ObjectProperty , owl:DatatypeProperty .
        :x a [ a owl:Restriction ; owl:onProperty :link ; owl:someValuesFrom :C ] . :y a owl:NamedIndividual . :z a rdfs:Resource .`),
      turtle(':C a owl:Class . :w a :C . _:b a owl:Ontology .'),
    ];
    const counts = entailmentOf(...documents).owlCounts(isBlank);
    expect(counts).toEqual(viewSizes(documents));
    expect(counts).toEqual({ classes: 2, objectProperties: 3, datatypeProperties: 3, annotationProperties: 0, individuals: 4, ontologies: 3 });
  });
});
