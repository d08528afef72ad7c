/**
 * Every concept and property of every real ontology of test/fixtures/shared, as GraphQL serves it from
 * a SQLite load, against what the ontology's own triples say (conceptOracle.ts): labels, definitions
 * and the label / definition picked without a language, deprecation, direct super-concepts; the kind,
 * deprecation, domains, ranges, label and definition of each property a concept lists as its own, and
 * of every other property in the read model GraphQL serves from.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReadModels } from '../../src/api/readModel/index.ts';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies } from '../../src/load/index.ts';
import { fixture, readQuads, tempStore } from '../load/helpers.ts';
import { realOntologies } from '../load/realOntologies.ts';
import { ConceptOracle, type ExpectedProperty, type ExpectedText } from './conceptOracle.ts';
import { serveGraphql, type GraphqlServer } from './graphqlClient.ts';

interface ServedText { value: string; language: string | null }
interface ServedProperty { iri: string; kind: string; deprecated: boolean; domains: string[]; ranges: string[]; label: string | null; definition: string | null }
interface ServedConcept {
  iri: string; defined: boolean; deprecated: boolean; label: string | null; definition: string | null;
  labels: ServedText[]; definitions: ServedText[]; superConcepts: { iri: string }[]; properties: ServedProperty[];
}

const conceptFields = `iri defined deprecated label definition labels { value language } definitions { value language }
  superConcepts { iri } properties { iri kind deprecated domains ranges label definition }`;
/** Concepts asked for in one document (aliased), well under the query cost limit. */
const batchSize = 200;

/** The concepts of `iris` as served, null for one the server does not know. */
async function servedConcepts(server: GraphqlServer, iris: readonly string[]): Promise<Map<string, ServedConcept | null>> {
  const served = new Map<string, ServedConcept | null>();
  for (let start = 0; start < iris.length; start += batchSize) {
    const batch = iris.slice(start, start + batchSize);
    const query = `{ ${batch.map((iri, i) => `c${i}: concept(iri: ${JSON.stringify(iri)}) { ${conceptFields} }`).join('\n')} }`;
    const response = await fetch(`${server.running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const { data, errors } = (await response.json()) as { data: Record<string, ServedConcept | null>; errors?: unknown };
    expect(errors).toBeUndefined();
    batch.forEach((iri, i) => served.set(iri, data[`c${i}`]!));
  }
  return served;
}

const texts = (values: readonly ServedText[]) => values.map((t) => `${t.language ?? ''}|${t.value}`).sort();
const picked = (value: string | null, expected: ExpectedText['best']) => (expected.length === 0 ? value === null : value !== null && expected.includes(value));
const sorted = (values: readonly string[]) => [...values].sort();

/** Where a property as served differs from its triples in kind, deprecation, domains or ranges. */
function propertyDifferences(where: string, property: Pick<ServedProperty, 'kind' | 'deprecated' | 'domains' | 'ranges'>, expected: ExpectedProperty): string[] {
  const actual = { kind: property.kind, deprecated: property.deprecated, domains: sorted(property.domains), ranges: sorted(property.ranges) };
  const wanted = { kind: expected.kind, deprecated: expected.deprecated, domains: expected.domains, ranges: expected.ranges };
  return JSON.stringify(actual) === JSON.stringify(wanted) ? [] : [`${where}: served ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`];
}

describe.each(realOntologies)('$name', ({ paths }) => {
  let store: GraphStore;
  let dispose: () => Promise<void>;
  let server: GraphqlServer;
  let oracle: ConceptOracle;
  let concepts: string[];
  let served: Map<string, ServedConcept | null>;

  beforeAll(async () => {
    ({ store, dispose } = await tempStore());
    const summary = await loadOntologies(store, paths.map(fixture), { missingImports: 'warn', allowRemoteImports: [] });
    oracle = new ConceptOracle(await readQuads(summary.documents.map((d) => d.location)));
    concepts = oracle.conceptIris();
    server = await serveGraphql(store);
    served = await servedConcepts(server, concepts);
  });
  afterAll(async () => {
    await server?.close();
    await dispose?.();
  });

  test('serves every concept with the labels, definitions, deprecation and direct super-concepts of its triples', () => {
    expect(concepts.length).toBeGreaterThan(0);
    const differences: string[] = [];
    for (const iri of concepts) {
      const concept = served.get(iri);
      const expected = oracle.concept(iri);
      if (concept == null || !concept.defined) {
        differences.push(`${iri}: ${concept == null ? 'not served' : 'served as not defined'}`);
        continue;
      }
      const differs = (field: string, actual: unknown, wanted: unknown) => {
        if (JSON.stringify(actual) !== JSON.stringify(wanted)) differences.push(`${iri} ${field}: served ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
      };
      differs('labels', texts(concept.labels), expected.labels.all);
      differs('definitions', texts(concept.definitions), expected.definitions.all);
      if (!picked(concept.label, expected.labels.best)) differs('label', concept.label, expected.labels.best);
      if (!picked(concept.definition, expected.definitions.best)) differs('definition', concept.definition, expected.definitions.best);
      differs('deprecated', concept.deprecated, expected.deprecated);
      differs('superConcepts', concept.superConcepts.map((c) => c.iri), expected.superConcepts);
    }
    expect(differences).toEqual([]);
  });

  test('lists every property under each concept that is its rdfs:domain, as its triples declare it', () => {
    const differences: string[] = [];
    for (const iri of oracle.propertyIris()) {
      const expected = oracle.property(iri);
      for (const domain of expected.domains.filter((d) => served.has(d))) {
        const property = served.get(domain)?.properties.find((p) => p.iri === iri);
        if (property === undefined) {
          differences.push(`${iri}: not among the properties of its domain ${domain}`);
          continue;
        }
        differences.push(...propertyDifferences(`${iri} under ${domain}`, property, expected));
        if (!picked(property.label, expected.labels.best)) differences.push(`${iri} label: served ${property.label}, expected one of ${JSON.stringify(expected.labels.best)}`);
        if (!picked(property.definition, expected.definitions.best)) differences.push(`${iri} definition: served ${property.definition}, expected one of ${JSON.stringify(expected.definitions.best)}`);
      }
    }
    // Every property a concept lists has that concept as an rdfs:domain.
    for (const [domain, concept] of served) {
      for (const property of concept?.properties ?? []) if (!oracle.property(property.iri).domains.includes(domain)) differences.push(`${property.iri} listed under ${domain}, not its domain`);
    }
    expect(differences).toEqual([]);
  });

  // GraphQL reaches a property only through a concept that is its domain (schema.org's, DPV's and most of RO's have
  // none), so the rest are checked in the read model whose nodes GraphQL serves.
  test('holds every property, domain or not, in the read model GraphQL serves from, as its triples declare it', async () => {
    const model = await new ReadModels(store).get(await store.snapshot());
    const differences: string[] = [];
    for (const iri of oracle.propertyIris()) {
      const property = model.property(iri);
      const expected = oracle.property(iri);
      if (property === undefined) {
        differences.push(`${iri}: not in the read model`);
        continue;
      }
      differences.push(...propertyDifferences(iri, property, expected));
      if (JSON.stringify(texts(property.labels)) !== JSON.stringify(expected.labels.all)) differences.push(`${iri} labels: ${JSON.stringify(texts(property.labels))}, expected ${JSON.stringify(expected.labels.all)}`);
      if (JSON.stringify(texts(property.definitions)) !== JSON.stringify(expected.definitions.all)) differences.push(`${iri} definitions: ${JSON.stringify(texts(property.definitions))}, expected ${JSON.stringify(expected.definitions.all)}`);
    }
    expect(differences).toEqual([]);
  });
});
