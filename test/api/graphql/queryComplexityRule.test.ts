/**
 * queryComplexityRule measures an operation's depth and cost statically (fragments, aliases, pages) and
 * refuses what exceeds the limits with QUERY_TOO_COMPLEX; the defaults let the README's, the
 * benchmark's, GraphiQL's and the heaviest test's queries through and refuse QA's.
 */
import { readFileSync } from 'node:fs';
import { getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, test } from 'vitest';
import { documentCache } from '../../../src/api/graphql/documentCache.ts';
import { queryComplexityRule } from '../../../src/api/graphql/queryComplexityRule.ts';
import { defaultQueryLimits, type QueryLimits } from '../../../src/api/graphql/queryLimits.ts';
import { createSchema } from '../../../src/api/graphql/schema.ts';
import { discoveryQueries } from '../../../bench/discovery/queries.ts';

const schema = createSchema();
const party = 'https://w3id.org/ontomesh/demo/core#Party';

/** The messages of the rule's errors for `query` under `limits`. */
function refusals(query: string, limits: QueryLimits = defaultQueryLimits): string[] {
  const errors = validate(schema, parse(query), [queryComplexityRule(limits)]);
  for (const error of errors) expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
  return errors.map((error) => error.message);
}

/** Depth and cost as the rule measures them (limits of 0 make it report both). */
function measure(query: string): { depth: number; cost: number } {
  const messages = refusals(query, { maxDepth: 0, maxCost: 0 }).join(' ');
  return { depth: Number(/depth (\d+)/.exec(messages)?.[1] ?? 0), cost: Number(/cost (\d+)/.exec(messages)?.[1] ?? 0) };
}

/** QA's query: `levels` of subConcepts { superConcepts(transitive: true) { ... } } under core:Party. */
function hierarchyWalk(levels: number): string {
  let inner = 'subConcepts { iri label }';
  for (let i = 0; i < levels; i++) inner = `subConcepts { superConcepts(transitive: true) { ${inner} } }`;
  return `{ concept(iri: "${party}") { ${inner} } }`;
}

/** `count` aliased searches of a page of 20 concepts each. */
function aliasedSearches(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `s${i}: search(text: "c${i}") { totalCount edges { node { ... on Concept { iri label } } } }`).join(' ')} }`;
}

describe('depth', () => {
  test('counts fields with sub-selections, leaves and __typename adding nothing', () => {
    expect(measure('{ __typename ontologies { id } }').depth).toBe(1);
    expect(measure(`{ concept(iri: "${party}") { subConcepts { superConcepts { iri __typename } } } }`).depth).toBe(3);
  });

  test('goes through named and inline fragments, which add no level of their own', () => {
    const query = `
      query Walk { concept(iri: "${party}") { ...Down } }
      fragment Down on Concept { subConcepts { ... on Concept { ...Up } } }
      fragment Up on Concept { superConcepts { ... { iri } } }`;
    expect(measure(query).depth).toBe(3);
    expect(refusals(query, { maxDepth: 2, maxCost: 1_000 })).toEqual(['operation Walk is too deep: depth 3 > max 2 (ONTOMESH_GRAPHQL_MAX_DEPTH)']);
    expect(refusals(query, { maxDepth: 3, maxCost: 1_000 })).toEqual([]);
  });

  test('stops at a fragment cycle (graphql-js reports the cycle itself)', () => {
    const query = `{ concept(iri: "${party}") { ...A } } fragment A on Concept { subConcepts { ...B } } fragment B on Concept { superConcepts { ...A } }`;
    expect(measure(query).depth).toBe(3);
    expect(validate(schema, parse(query), [...specifiedRules, queryComplexityRule(defaultQueryLimits)]).map((error) => error.message))
      .toContain('Cannot spread fragment "A" within itself via "B".');
  });

  test('refuses 200 levels of nesting', () => {
    const query = `{ concept(iri: "${party}") { ${'subConcepts { '.repeat(200)}iri${' }'.repeat(200)} } }`;
    expect(refusals(query)[0]).toBe('the query is too deep: depth 201 > max 15 (ONTOMESH_GRAPHQL_MAX_DEPTH)');
  });
});

describe('cost', () => {
  test('a field is 1; a list multiplies its sub-selection by 2, a closure by 10', () => {
    expect(measure('{ ontologies { id version } }').cost).toBe(1 + 2 * 2);
    expect(measure(`{ concept(iri: "${party}") { iri subConcepts { iri label } } }`).cost).toBe(1 + 1 + (1 + 2 * 2));
    expect(measure(`{ concept(iri: "${party}") { superConcepts(transitive: true) { iri } } }`).cost).toBe(1 + (1 + 10 * 1));
    expect(measure(`query ($t: Boolean) { concept(iri: "${party}") { superConcepts(transitive: $t) { iri } } }`).cost).toBe(1 + (1 + 10 * 1));
    expect(measure(`{ concept(iri: "${party}") { superConcepts(transitive: false) { iri } } }`).cost).toBe(1 + (1 + 2 * 1));
  });

  test('a property\'s inverses and super- and sub-properties count as a concept\'s hierarchy does', () => {
    const property = 'https://w3id.org/ontomesh/demo/sales#placedBy';
    expect(measure(`{ property(iri: "${property}") { inverses { iri } superProperties(transitive: true) { subProperties { iri } } } }`).cost)
      .toBe(1 + (1 + 2 * 1) + (1 + 10 * (1 + 2 * 1)));
  });

  test('a connection\'s edges count as many times as `first` asks: its value, else 20, the cap of 100 for a variable', () => {
    const page = (first: string) => measure(`query ($n: Int) { search(text: "c"${first}) { totalCount edges { cursor node { ... on Concept { iri } } } } }`).cost;
    expect(page(', first: 5')).toBe(1 + 1 + (1 + 5 * 3));
    expect(page('')).toBe(1 + 1 + (1 + 20 * 3));
    expect(page(', first: $n')).toBe(1 + 1 + (1 + 100 * 3));
    expect(page(', first: 1000')).toBe(page(', first: $n'));
  });

  test('a lineage walk\'s lists count 5 per hop of its depth: its value, else the default 3, the cap of 10 for a variable', () => {
    const product = 'https://w3id.org/ontomesh/mesh/product/sales/orders';
    const walk = (depth: string) => measure(`query ($d: Int) { dataProduct(id: "${product}") { lineage(direction: BOTH${depth}) { truncated nodes { id } edges { from { id } via { kind } } } } }`).cost;
    expect(walk(', depth: 2')).toBe(1 + (1 + 1 + (1 + 10 * 1) + (1 + 10 * ((1 + 1) + (1 + 2 * 1)))));
    expect(walk('')).toBe(1 + (1 + 1 + (1 + 15 * 1) + (1 + 15 * ((1 + 1) + (1 + 2 * 1)))));
    expect(walk(', depth: $d')).toBe(walk(', depth: 10'));
    expect(walk(', depth: 50')).toBe(walk(', depth: 10'));
    // conceptLineage's depth sizes its own lists and those of the lineage graphs it holds, not the lists below their items.
    const concept = measure(`{ conceptLineage(concept: "${party}", depth: 4) { fields { id } productFlows { nodes { id } } domainFlows { edges { to { id } } } } }`).cost;
    expect(concept).toBe(1 + (1 + 20 * 1) + (1 + (1 + 20 * 1)) + (1 + 20 * (1 + 2 * (1 + 1))));
  });

  test('aliases are counted, and so are fragments each time they are spread', () => {
    expect(measure(aliasedSearches(10)).cost).toBe(10 * measure(aliasedSearches(1)).cost);
    const spread = `{ a: dataProducts(first: 10) { ...Page } b: dataProducts(first: 50) { ...Page } }
      fragment Page on DataProductConnection { totalCount edges { node { id } } }`;
    expect(measure(spread).cost).toBe((1 + 1 + (1 + 10 * 2)) + (1 + 1 + (1 + 50 * 2)));
  });

  test('QA\'s queries are refused: the hierarchy walked 3 and 8 levels, 2,000 aliased searches', () => {
    expect(refusals(hierarchyWalk(3))).toEqual(['the query is too costly: cost 41264 > max 20000 (ONTOMESH_GRAPHQL_MAX_COST)']);
    expect(refusals(hierarchyWalk(8))).toEqual([
      'the query is too deep: depth 18 > max 15 (ONTOMESH_GRAPHQL_MAX_DEPTH)',
      'the query is too costly: cost 132042105264 > max 20000 (ONTOMESH_GRAPHQL_MAX_COST)',
    ]);
    expect(refusals(aliasedSearches(2_000))).toEqual(['the query is too costly: cost 126000 > max 20000 (ONTOMESH_GRAPHQL_MAX_COST)']);
    expect(refusals(aliasedSearches(300))).toEqual([]);
  });

  test('an estimate beyond the safe integers stays a number', () => {
    expect(measure(hierarchyWalk(30)).cost).toBe(Number.MAX_SAFE_INTEGER);
  });
});

/** The heaviest query of the tests (depth 8, cost 15,503) runs under the defaults in graphqlStoreCalls.test.ts. */
describe('the defaults let through what ontomesh itself sends', () => {
  test('the README\'s examples and the benchmark\'s queries', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(examples.length).toBeGreaterThan(3);
    for (const query of [...examples, ...discoveryQueries.map((query) => query.graphql(party))]) expect(refusals(query)).toEqual([]);
  });

  test('GraphiQL\'s introspection query (depth 14: nine ofType levels)', () => {
    expect(measure(getIntrospectionQuery())).toEqual({ depth: 14, cost: 449 });
    expect(refusals(getIntrospectionQuery())).toEqual([]);
  });
});

describe('with the document cache', () => {
  test('runs first and alone, once per document: a refused document is not put through graphql-js\'s rules', () => {
    let runs = 0;
    const counted = (limits: QueryLimits) => {
      const rule = queryComplexityRule(limits);
      return ((context) => {
        runs++;
        return rule(context);
      }) as typeof rule;
    };
    const cache = documentCache([counted(defaultQueryLimits)]);
    const refused = cache.parse(`${hierarchyWalk(8)} { nope }`);
    const errors = cache.validate(schema, refused, specifiedRules);
    expect(errors.map((error) => error.extensions.code)).toEqual(['QUERY_TOO_COMPLEX', 'QUERY_TOO_COMPLEX']);
    expect(cache.validate(schema, cache.parse(`${hierarchyWalk(8)} { nope }`), specifiedRules)).toBe(errors);
    expect(runs).toBe(1);
    const allowed = cache.parse('{ nope }');
    expect(cache.validate(schema, allowed, specifiedRules).map((error) => error.message)).toEqual(['Cannot query field "nope" on type "Query".']);
  });

  test('a document nested too deeply for the parser is QUERY_TOO_COMPLEX, not a crash', () => {
    const cache = documentCache();
    let thrown: unknown;
    try {
      cache.parse(`{${'a{'.repeat(20_000)}b${'}'.repeat(20_001)}`);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ message: 'the query is nested too deeply to be parsed', extensions: { code: 'QUERY_TOO_COMPLEX' } });
  });
});
