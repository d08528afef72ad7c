/**
 * property(iri) on the demo ontology (./ontology) and Protégé's photography ontology, loaded side by side:
 * an inverse stated on one side only is served on both, characteristics and labels as the files state
 * them, a chain of super-properties walked with `transitive`, a concept's properties leading on to their
 * inverses, and null for an IRI no graph names. conceptOracle.test.ts checks every property of every
 * real ontology; these are the cases a reader of the README meets first.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies } from '../../src/load/index.ts';
import { fixture, repoRoot, tempStore } from '../load/helpers.ts';
import { serveGraphql, type GraphqlServer } from './graphqlClient.ts';
import { c, demo } from './meshFixture.ts';

const photography = 'http://example.invalid/ontologies/photography/photography.owl#';

let store: GraphStore;
let dispose: () => Promise<void>;
let server: GraphqlServer;

beforeAll(async () => {
  ({ store, dispose } = await tempStore());
  await loadOntologies(store, [join(repoRoot, 'ontology')], { id: 'mesh', missingImports: 'warn', allowRemoteImports: [] });
  await loadOntologies(store, [fixture('protege-owl/protege-test-ontologies/photography.owl')], { id: 'photography', missingImports: 'warn', allowRemoteImports: [] });
  server = await serveGraphql(store);
});
afterAll(async () => {
  await server?.close();
  await dispose?.();
});

async function property(iri: string, fields: string): Promise<Record<string, any> | null> {
  const { data, errors } = await server.query(`query ($iri: ID!) { property(iri: $iri) { ${fields} } }`, { iri });
  expect(errors).toBeUndefined();
  return data!.property;
}

const iris = (nodes: { iri: string }[]) => nodes.map((node) => node.iri);

describe('property(iri)', () => {
  test('serves an inverse on both sides though only sales:placedBy states owl:inverseOf, with its characteristics and labels', async () => {
    const placedBy = await property(`${demo}sales#placedBy`, 'kind defined characteristics domains ranges label de: label(lang: "de") inverses { iri characteristics inverses { iri } }');
    expect(placedBy).toEqual({
      kind: 'OBJECT', defined: true, characteristics: ['FUNCTIONAL'], domains: [c.order], ranges: [c.customer], label: 'placed by', de: 'aufgegeben von',
      inverses: [{ iri: `${demo}sales#placed`, characteristics: [], inverses: [{ iri: `${demo}sales#placedBy` }] }],
    });
  });

  test('walks a chain of super-properties with transitive, and back down from its top', async () => {
    const compresses = await property(`${photography}compresses`, 'superProperties { iri } all: superProperties(transitive: true) { iri }');
    expect(iris(compresses!.superProperties)).toEqual([`${photography}reduces`]);
    expect(iris(compresses!.all)).toEqual([`${photography}affects`, `${photography}reduces`]);
    const affects = await property(`${photography}affects`, 'subProperties { iri } all: subProperties(transitive: true) { iri }');
    expect(iris(affects!.subProperties)).not.toContain(`${photography}compresses`);
    expect(iris(affects!.all)).toEqual(expect.arrayContaining([`${photography}compresses`, `${photography}reduces`]));
  });

  test('lists a sub-property of a datatype property, and leads from a concept\'s properties to their inverses', async () => {
    expect(iris((await property(`${demo}core#amount`, 'subProperties { iri }'))!.subProperties)).toContain(`${demo}sales#invoiceTotal`);
    const { data } = await server.query(`{ concept(iri: "${c.customer}") { properties { iri inverses { iri } } } }`);
    expect(data!.concept.properties).toContainEqual({ iri: `${demo}sales#placed`, inverses: [{ iri: `${demo}sales#placedBy` }] });
  });

  test('is null for an IRI no loaded graph names, and for a class', async () => {
    expect(await property(`${demo}sales#noSuchProperty`, 'iri')).toBeNull();
    expect(await property(c.customer, 'iri')).toBeNull();
  });
});
