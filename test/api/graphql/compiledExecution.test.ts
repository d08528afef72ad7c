/**
 * compiledExecution runs a document on graphql-js the first time and compiled (graphql-jit) from the
 * second on, with the same answers, errors included; mutations and one-off document objects stay on
 * graphql-js. graphql-js 17 builds results as null-prototype objects and graphql-jit as plain ones,
 * which tells the two apart. (Every GraphQL test in test/api also compares both: graphqlClient.ts.)
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledExecution } from '../../../src/api/graphql/compiledExecution.ts';
import { OntomeshError } from '../../../src/errors/index.ts';
import { formatError } from '../../../src/api/graphql/formatError.ts';

const schema = makeExecutableSchema({
  typeDefs: `
    type Item { id: ID! label(lang: String = "en"): String }
    input Filter { prefix: String! deep: Boolean = true }
    type Query { items(first: Int!): [Item!]! item(id: ID!): Item filtered(filter: Filter!): String! }
    type Mutation { touch: Int! }`,
  resolvers: {
    Query: {
      items: (_: unknown, { first }: { first: number }) => Array.from({ length: first }, (_, i) => ({ id: `i${i}` })),
      filtered: (_: unknown, { filter }: { filter: { prefix: string; deep?: boolean } }) => `${filter.prefix}:${String(filter.deep)}`,
      item: (_: unknown, { id }: { id: string }) => {
        if (id === 'missing') throw new OntomeshError('NOT_FOUND', `no item ${id}`);
        return { id };
      },
    },
    Item: { label: (item: { id: string }, { lang }: { lang: string }) => `${item.id}@${lang}` },
    Mutation: { touch: () => 1 },
  },
});

const compiled = (result: ExecutionResult) => Object.getPrototypeOf(result.data) !== null;

describe('compiledExecution', () => {
  it('compiles a query on its second execution and answers as graphql-js does', async () => {
    const execute = compiledExecution();
    const document = parse('query ($n: Int!) { items(first: $n) { id label fr: label(lang: "fr") } }');
    const args = { schema, document, variableValues: { n: 3 } };
    const first = (await execute(args)) as ExecutionResult;
    const second = (await execute(args)) as ExecutionResult;
    expect(compiled(first)).toBe(false);
    expect(compiled(second)).toBe(true);
    expect(second).toEqual({ data: { items: [0, 1, 2].map((i) => ({ id: `i${i}`, label: `i${i}@en`, fr: `i${i}@fr` })) } });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('applies input field defaults, given as a literal or through a variable', async () => {
    const execute = compiledExecution();
    for (const [document, variableValues] of [
      [parse('{ filtered(filter: { prefix: "a" }) }'), undefined],
      [parse('query ($f: Filter!) { filtered(filter: $f) }'), { f: { prefix: 'b' } }],
    ] as const) {
      const first = (await execute({ schema, document, variableValues })) as ExecutionResult;
      const second = (await execute({ schema, document, variableValues })) as ExecutionResult;
      expect(compiled(second)).toBe(true);
      expect(second.data?.filtered).toMatch(/^[ab]:true$/);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    }
  });

  it('keeps resolver errors with their path and code', async () => {
    const execute = compiledExecution();
    const args = { schema, document: parse('{ item(id: "missing") { id } ok: item(id: "a") { id } }') };
    const [first, second] = [(await execute(args)) as ExecutionResult, (await execute(args)) as ExecutionResult];
    expect(compiled(second)).toBe(true);
    const shape = (result: ExecutionResult) => ({ data: result.data, errors: result.errors?.map((error) => ({ ...formatError(error), path: error.path })) });
    expect(shape(second)).toEqual(shape(first));
    expect(shape(second).errors).toEqual([expect.objectContaining({ path: ['item'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
  });

  it('answers bad variables with graphql-js\'s errors, and lists errors first as graphql-js does', async () => {
    const execute = compiledExecution();
    const document = parse('query ($n: Int!) { items(first: $n) { id } }');
    const run = async (variableValues: Record<string, unknown>) => JSON.stringify(await execute({ schema, document, variableValues }));
    await run({ n: 1 });
    for (const variables of [{ n: 'abc' }, {}, { n: null }]) {
      const compiledAnswer = await run(variables);
      expect(compiledAnswer).toBe(JSON.stringify(await (await import('graphql')).execute({ schema, document, variableValues: variables })));
      expect(compiledAnswer).toMatch(/^\{"errors":\[\{"message":"Variable \\"\$n\\"/);
    }
    const failing = { schema, document: parse('{ item(id: "missing") { id } }') };
    const first = JSON.stringify(await execute(failing));
    const second = JSON.stringify(await execute(failing));
    expect(second).toBe(first);
  });

  it('leaves mutations and documents seen once to graphql-js', async () => {
    const execute = compiledExecution();
    const mutation = { schema, document: parse('mutation { touch }') };
    await execute(mutation);
    expect(compiled((await execute(mutation)) as ExecutionResult)).toBe(false);
    for (let i = 0; i < 3; i++) expect(compiled((await execute({ schema, document: parse('{ items(first: 1) { id } }') })) as ExecutionResult)).toBe(false);
  });
});
