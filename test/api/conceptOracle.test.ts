/**
 * Every concept and property of every real ontology of test/fixtures/shared, as GraphQL serves it from
 * a SQLite load, against what the ontology's own triples say (conceptOracle.ts): labels, definitions
 * and the label / definition picked without a language, deprecation, direct super-concepts; the kind,
 * deprecation, domains, ranges, label and definition of each property a concept lists as its own; and
 * every property, declared or only named by owl:inverseOf, rdfs:subPropertyOf or owl:equivalentProperty,
 * through property(iri): all that and its characteristics, inverses (stated on either side), direct and
 * transitive super- and sub-properties, each batch answered alike compiled and interpreted (graphqlClient.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GraphStore } from '../../src/graph/GraphStore.ts';
import { loadOntologies } from '../../src/load/index.ts';
import { fixture, readQuads, tempStore } from '../load/helpers.ts';
import { realOntologies } from '../load/realOntologies.ts';
import { ConceptOracle, type ExpectedProperty, type ExpectedText } from './conceptOracle.ts';
import { serveGraphql, type GraphqlServer } from './graphqlClient.ts';

interface ServedText { value: string; language: string | null }
interface ServedPropertyInConcept { iri: string; kind: string; deprecated: boolean; domains: string[]; ranges: string[]; label: string | null; definition: string | null }
interface ServedProperty extends ServedPropertyInConcept {
  defined: boolean; labels: ServedText[]; definitions: ServedText[]; characteristics: string[];
  inverses: { iri: string }[]; superProperties: { iri: string }[]; subProperties: { iri: string }[]; ancestors: { iri: string }[]; descendants: { iri: string }[];
}
interface ServedConcept {
  iri: string; defined: boolean; deprecated: boolean; label: string | null; definition: string | null;
  labels: ServedText[]; definitions: ServedText[]; superConcepts: { iri: string }[]; properties: ServedPropertyInConcept[];
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

const propertyFields = `iri kind deprecated defined domains ranges label definition labels { value language } definitions { value language }
  characteristics inverses { iri } superProperties { iri } subProperties { iri }
  ancestors: superProperties(transitive: true) { iri } descendants: subProperties(transitive: true) { iri }`;

/** The properties of `iris` as served (null for one the server does not know), each batch compiled and interpreted alike. */
async function servedProperties(server: GraphqlServer, iris: readonly string[]): Promise<Map<string, ServedProperty | null>> {
  const served = new Map<string, ServedProperty | null>();
  for (let start = 0; start < iris.length; start += batchSize) {
    const batch = iris.slice(start, start + batchSize);
    const { data, errors } = await server.query(`{ ${batch.map((iri, i) => `p${i}: property(iri: ${JSON.stringify(iri)}) { ${propertyFields} }`).join('\n')} }`);
    expect(errors).toBeUndefined();
    batch.forEach((iri, i) => served.set(iri, data![`p${i}`] as ServedProperty | null));
  }
  return served;
}

const iriList = (nodes: readonly { iri: string }[]) => nodes.map((node) => node.iri);
const texts = (values: readonly ServedText[]) => values.map((t) => `${t.language ?? ''}|${t.value}`).sort();
const picked = (value: string | null, expected: ExpectedText['best']) => (expected.length === 0 ? value === null : value !== null && expected.includes(value));
const sorted = (values: readonly string[]) => [...values].sort();

/** Where a property as served differs from its triples in kind, deprecation, domains or ranges. */
function propertyDifferences(where: string, property: Pick<ServedPropertyInConcept, 'kind' | 'deprecated' | 'domains' | 'ranges'>, expected: ExpectedProperty): string[] {
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

  test('serves every property through property(iri), declared or only named by another, as its triples say', async () => {
    const declared = oracle.propertyIris();
    const iris = [...declared, ...oracle.undeclaredPropertyIris()];
    const served = await servedProperties(server, iris);
    const expected = new Map(iris.map((iri) => [iri, oracle.property(iri)]));
    expect(declared.length).toBeGreaterThan(0);
    const differences: string[] = [];
    for (const iri of iris) {
      const property = served.get(iri);
      const wanted = expected.get(iri)!;
      if (property == null) {
        differences.push(`${iri}: not served`);
        continue;
      }
      differences.push(...propertyDifferences(iri, property, wanted));
      const differs = (field: string, actual: unknown, want: unknown) => {
        if (JSON.stringify(actual) !== JSON.stringify(want)) differences.push(`${iri} ${field}: served ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`);
      };
      differs('defined', property.defined, wanted.defined);
      differs('labels', texts(property.labels), wanted.labels.all);
      differs('definitions', texts(property.definitions), wanted.definitions.all);
      if (!picked(property.label, wanted.labels.best)) differs('label', property.label, wanted.labels.best);
      if (!picked(property.definition, wanted.definitions.best)) differs('definition', property.definition, wanted.definitions.best);
      differs('characteristics', property.characteristics, wanted.characteristics);
      // Served in IRI order, as the schema says: compared unsorted.
      differs('inverses', iriList(property.inverses), wanted.inverses);
      differs('superProperties', iriList(property.superProperties), wanted.superProperties);
      differs('subProperties', iriList(property.subProperties), wanted.subProperties);
      differs('superProperties(transitive)', iriList(property.ancestors), wanted.ancestors);
      const descendants = iris.filter((other) => expected.get(other)!.ancestors.includes(iri)).sort();
      differs('subProperties(transitive)', iriList(property.descendants), descendants);
    }
    expect(differences).toEqual([]);
  });
});
