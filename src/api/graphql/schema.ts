/** The executable schema: the SDL in graphql/schema.graphql with the resolvers of this folder. */
import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers.ts';

/** Path of the SDL file, the schema's single source of truth. */
export const schemaPath = new URL('../../../graphql/schema.graphql', import.meta.url);

/** Builds the executable schema (once per server). */
export function createSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: readFileSync(schemaPath, 'utf8'), resolvers });
}
