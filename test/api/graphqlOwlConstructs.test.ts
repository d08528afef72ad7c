/**
 * How GraphQL serves the OWL constructs that the real ontologies showed it serving wrongly (see
 * conceptOracle.test.ts): classes defined by an intersection, union domains and ranges, OBO definitions
 * beside rdfs:comments, and property declarations that src/ontology/README.md reads but the API missed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies } from '../../src/load/index.ts';
import { tempDir, tempStore, writeTree } from '../load/helpers.ts';
import { serveGraphql, type GraphqlServer } from './graphqlClient.ts';

const ex = 'https://example.org/constructs#';

const ontology = `@prefix : <${ex}> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix obo: <http://purl.obolibrary.org/obo/> .
<https://example.org/constructs> a owl:Ontology .
:A a owl:Class .  :B a owl:Class .  :E a owl:Class .
:p a owl:ObjectProperty .
:Defined a owl:Class ; owl:equivalentClass [ a owl:Class ; owl:intersectionOf ( :A [ a owl:Restriction ; owl:onProperty :p ; owl:someValuesFrom :B ] ) ] .
:Both a owl:Class ; rdfs:subClassOf [ a owl:Class ; owl:intersectionOf ( :A :B ) ] , :E .
:Either a owl:Class ; owl:equivalentClass [ a owl:Class ; owl:unionOf ( :A :B ) ] .
:Noted a owl:Class ; rdfs:comment "Editor's note: to be split." ; obo:IAO_0000115 "A class with a definition."@en .
:Commented a owl:Class ; rdfs:comment "Only a comment."@en .
:unionDomain a owl:ObjectProperty ; rdfs:domain :A , [ a owl:Class ; owl:unionOf ( :B :E ) ] ; rdfs:range [ a owl:Class ; owl:unionOf ( :B :E ) ] .
:partOf a owl:TransitiveProperty ; rdfs:domain :A .
:code a owl:FunctionalProperty ; rdfs:domain :A .
:oldLink a owl:ObjectProperty , owl:DeprecatedProperty ; rdfs:domain :A .
`;

let store: GraphStore;
let disposeStore: () => Promise<void>;
let removeDir: () => Promise<void>;
let server: GraphqlServer;

beforeAll(async () => {
  ({ store, dispose: disposeStore } = await tempStore());
  const { dir, remove } = await tempDir();
  removeDir = remove;
  await writeTree(dir, { 'constructs.ttl': ontology });
  await loadOntologies(store, [join(dir, 'constructs.ttl')], { missingImports: 'warn', allowRemoteImports: [] });
  server = await serveGraphql(store);
});
afterAll(async () => {
  await server?.close();
  await disposeStore?.();
  await removeDir?.();
});

async function concept(name: string, fields: string): Promise<Record<string, any>> {
  const { data, errors } = await server.query(`{ concept(iri: "${ex}${name}") { ${fields} } }`);
  expect(errors).toBeUndefined();
  return data!.concept;
}

const iris = (concepts: { iri: string }[]) => concepts.map((c) => c.iri.slice(ex.length));

describe('direct super-concepts', () => {
  test('C ≡ A ⊓ ∃p.B has A as a direct super-concept, and A has C as a direct sub-concept', async () => {
    expect(iris((await concept('Defined', 'superConcepts { iri }')).superConcepts)).toEqual(['A']);
    expect(iris((await concept('A', 'subConcepts { iri }')).subConcepts)).toEqual(['Both', 'Defined']);
  });

  test('C ⊑ A ⊓ B has A and B beside its named super class', async () => {
    expect(iris((await concept('Both', 'superConcepts { iri }')).superConcepts)).toEqual(['A', 'B', 'E']);
  });

  test('C ≡ A ⊔ B has none: a union is above its operands, and C is not its own super-concept', async () => {
    expect(await concept('Either', 'superConcepts { iri } all: superConcepts(transitive: true) { iri }')).toEqual({ superConcepts: [], all: [] });
  });
});

describe('definition', () => {
  test('is the IAO definition, not an rdfs:comment without a language beside it; definitions lists both', async () => {
    expect(await concept('Noted', 'definition definitions { value language }')).toEqual({
      definition: 'A class with a definition.',
      definitions: [{ value: 'A class with a definition.', language: 'en' }, { value: "Editor's note: to be split.", language: null }],
    });
  });

  test('is the rdfs:comment where no definition is given', async () => {
    expect((await concept('Commented', 'definition')).definition).toBe('Only a comment.');
  });
});

describe('properties', () => {
  test('list their IRI domains and ranges, leaving out union class expressions', async () => {
    const { properties } = await concept('A', 'properties { iri kind deprecated domains ranges }');
    expect(properties.find((p: { iri: string }) => p.iri === `${ex}unionDomain`)).toEqual({ iri: `${ex}unionDomain`, kind: 'OBJECT', deprecated: false, domains: [`${ex}A`], ranges: [] });
  });

  test('are declared by a characteristic that implies the kind, or by owl:FunctionalProperty, and deprecated by owl:DeprecatedProperty', async () => {
    const { properties } = await concept('A', 'properties { iri kind deprecated }');
    expect(properties.filter((p: { iri: string }) => p.iri !== `${ex}unionDomain`)).toEqual([
      { iri: `${ex}code`, kind: 'RDF', deprecated: false },
      { iri: `${ex}oldLink`, kind: 'OBJECT', deprecated: true },
      { iri: `${ex}partOf`, kind: 'OBJECT', deprecated: false },
    ]);
  });
});
