/**
 * The real ontologies of test/fixtures/shared that load offline, with the imports each cannot resolve
 * there: the round-trip fidelity test and the concept oracle test load every one of them.
 */

export interface RealOntology {
  name: string;
  /** Paths under test/fixtures/shared, root first. */
  paths: string[];
  /** owl:imports the fixtures cannot satisfy offline (see test/fixtures/shared/README.md). */
  missingImports?: string[];
  /** Documents in the imports closure. */
  documents?: number;
}

export const realOntologies: RealOntology[] = [
  { name: 'pizza (owlcs)', paths: ['protege-owl/pizza-owlcs/pizza.owl'] },
  { name: 'photography', paths: ['protege-owl/protege-test-ontologies/photography.owl'] },
  { name: 'DPROD ontology and shapes', paths: ['dprod/ontology/dprod/dprod-ontology.ttl', 'dprod/ontology/dprod/dprod-shapes.ttl'], missingImports: ['http://www.w3.org/ns/dcat#', 'http://www.w3.org/ns/shacl#'] },
  { name: 'DCAT 3', paths: ['w3c-vocabularies/dcat/dcat3.ttl'], missingImports: ['http://purl.org/dc/terms/', 'http://www.w3.org/2004/02/skos/core', 'http://www.w3.org/ns/prov-o#'] },
  { name: 'PROV-O', paths: ['w3c-vocabularies/prov-o/prov-o.ttl'] },
  { name: 'DQV', paths: ['w3c-vocabularies/dqv/dqv.ttl'] },
  { name: 'DPV (core and personal data, SKOS and OWL)', paths: ['dpv/dpv/dpv.ttl', 'dpv/dpv/dpv-owl.ttl', 'dpv/pd/pd.ttl', 'dpv/pd/pd-owl.ttl'] },
  { name: 'SKOS core', paths: ['iof-ontology/cache/QUDT/skos.rdf'] },
  { name: 'schema.org', paths: ['schemaorg/schemaorg-current-https.ttl'] },
  { name: 'OBO Relations Ontology', paths: ['obo-ro/ro.owl'] },
  { name: 'pizza (OWL functional syntax)', paths: ['protege-owl/protege-test-ontologies/pizza-functional.owl'] },
  { name: 'pizza (OWL/XML)', paths: ['protege-owl/protege-test-ontologies/update/pizza-xml.owl'], missingImports: ['http://protege.stanford.edu/plugins/owl/protege'] },
  { name: 'OBO RO editors\' file (functional syntax) with its modules', paths: ['obo-ro/src/ontology/ro-edit.owl'], documents: 19 },
  { name: 'IOF Core with its imports closure', paths: ['iof-ontology/core/Core.rdf'], documents: 3 },
];
